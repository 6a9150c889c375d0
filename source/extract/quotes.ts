import {type Attribution, findAttribution, isThing, QUOTE_SLOT, spokenBySubject} from './attribution.js';
import {findQuotations, type Quotation} from './quotations.js';
import type {Sentence} from './sentences.js';

/**
 * Each quotation in its reporter's sentence: who the sentence says spoke, whether the words are a
 * sentence of their own (direct) or a fragment inside the reporter's (partial), and whether they are
 * a quotation at all. Words in quotation marks that no one is said to have said — scare quotes, a
 * "so-called" term, a title — are set aside with the reason, not dropped silently.
 */

export type Verdict = 'quote' | 'scare quotes' | 'title';

export interface FoundQuote {
	quotation: Quotation;
	/** The reporter's sentence(s) the quotation stands in, verbatim. */
	sentence: string;
	paragraph: number;
	attribution?: Attribution;
	kind: 'direct' | 'partial';
	verdict: Verdict;
	/** The quotation fills its paragraph (with at most its attribution): a candidate follow-on quote. */
	opensParagraph: boolean;
	/** Speech verb and speaker that the previous paragraph ended on with a colon: `A spokesman said:`. */
	leadIn?: Attribution;
}

const TITLE_WORDS = /^(?:\p{Lu}[\p{L}'’-]*|a|an|the|of|and|in|on|for|to|at|with|&|\d+)$/u;

export function findQuotes(paragraphs: readonly string[], sentences: readonly Sentence[]): FoundQuote[] {
	const quotations = findQuotations(paragraphs);
	return quotations.map((quotation) => {
		const first = quotation.open;
		const last = quotation.close ?? {
			paragraph: quotation.spans.at(-1)?.paragraph ?? first.paragraph,
			index: quotation.spans.at(-1)?.end ?? 0,
		};
		const opening = sentenceAt(sentences, first.paragraph, first.index);
		const closing = sentenceAt(sentences, last.paragraph, Math.max(0, last.index - 1));
		const before = masked(
			paragraphs,
			quotations,
			quotation,
			first.paragraph,
			opening?.start ?? 0,
			first.index,
		);
		const after = quotation.close
			? masked(paragraphs, quotations, quotation, last.paragraph, last.index, closing?.end ?? last.index)
			: '';
		const attribution = findAttribution(before, after) ?? spokenBySubject(quotation.text, before);
		const kind = directness(before, quotation.text, attribution);
		const verdict = judge(quotation, before, after, attribution, kind);
		const sentence =
			opening && closing && opening !== closing
				? sentencesBetween(sentences, opening, closing)
				: (opening?.text ?? paragraphs[first.paragraph] ?? '');
		const leadIn = before.trim() === '' ? colonLeadIn(paragraphs, quotations, first.paragraph) : undefined;
		return {
			quotation,
			sentence,
			paragraph: first.paragraph,
			attribution,
			kind,
			verdict,
			opensParagraph: first.index === 0,
			leadIn,
		};
	});
}

function sentenceAt(sentences: readonly Sentence[], paragraph: number, index: number): Sentence | undefined {
	return sentences.find((s) => s.paragraph === paragraph && index >= s.start && index < s.end + 1);
}

function sentencesBetween(sentences: readonly Sentence[], from: Sentence, to: Sentence): string {
	const start = sentences.indexOf(from);
	const end = sentences.indexOf(to);
	return sentences
		.slice(start, end + 1)
		.map((s) => s.text)
		.join(' ');
}

/** The reporter's words between two offsets of a paragraph, with other quotations as QUOTE_SLOT. */
function masked(
	paragraphs: readonly string[],
	quotations: readonly Quotation[],
	self: Quotation,
	paragraph: number,
	from: number,
	to: number,
): string {
	const text = paragraphs[paragraph] ?? '';
	let out = '';
	let cursor = from;
	for (const other of quotations) {
		if (other === self) continue;
		for (const span of other.spans) {
			if (span.paragraph !== paragraph || span.start - 1 < from || span.start - 1 >= to) continue;
			out += text.slice(cursor, span.start - 1);
			out += ` ${QUOTE_SLOT} `;
			cursor = Math.min(to, span.end + 1);
		}
	}
	return out + text.slice(cursor, to);
}

function directness(
	before: string,
	text: string,
	attribution: Attribution | undefined,
): 'direct' | 'partial' {
	const lead = before.replaceAll(QUOTE_SLOT, '').trim();
	if (attribution?.standalone) return 'direct';
	if (lead === '') return /^[\p{Lu}\p{N}…'‘"“([]/u.test(text) ? 'direct' : 'partial';
	return /:$/u.test(lead) ? 'direct' : 'partial';
}

function judge(
	quotation: Quotation,
	before: string,
	after: string,
	attribution: Attribution | undefined,
	kind: 'direct' | 'partial',
): Verdict {
	if (/\bso-called\s*$/iu.test(before)) return 'scare quotes';
	// "under the headline, ‘Act against militants…’": a headline or title is quoted, not said.
	if (
		/\b(?:headline|headlined|title|titled|entitled|slogan|banner|caption|hashtag)\s*[,:]?\s*$/iu.test(before)
	)
		return 'title';
	if (attribution?.naming) return looksLikeTitle(quotation.text) ? 'title' : 'scare quotes';
	const words = quotation.text.replace(/[.,;:!?]+$/u, '').split(/\s+/u);
	const titleCase =
		words.length <= 6 && words.every((word) => TITLE_WORDS.test(word)) && /^\p{Lu}/u.test(words[0] ?? '');
	if (titleCase && kind === 'partial' && !/[,.!?]$/u.test(quotation.text) && before.trim() !== '') {
		if (!attribution || attribution.place === 'sentence') return 'title';
	}
	// "this research could explain how injuries leave molecular ‘footprints’": a thing cannot have said
	// a one-word term somewhere in its sentence.
	if (
		attribution?.place === 'sentence' &&
		kind === 'partial' &&
		!/\s/u.test(quotation.text.trim()) &&
		isThing(attribution.phrase)
	)
		return 'scare quotes';
	if (attribution) return 'quote';
	if (kind === 'direct' || quotation.spans.length > 1) return 'quote';
	return after.trim() === '' && before.trim() === '' ? 'quote' : 'scare quotes';
}

function looksLikeTitle(text: string): boolean {
	return /^\p{Lu}/u.test(text);
}

/**
 * `He said:` ending the paragraph before a quotation that opens its own; press releases leave out
 * the colon (`John McDonnell MP, LRC Chair, said`).
 */
const LEAD_IN_END =
	/(?::|\b(?:said|says|added|adds|stated|states|wrote|writes|commented|comments|continued|continues))\s*$/u;

function colonLeadIn(
	paragraphs: readonly string[],
	quotations: readonly Quotation[],
	paragraph: number,
): Attribution | undefined {
	if (paragraph === 0) return undefined;
	const previous = paragraphs[paragraph - 1] ?? '';
	if (!LEAD_IN_END.test(previous)) return undefined;
	const lastClosed = quotations.filter((q) => q.close?.paragraph === paragraph - 1).at(-1);
	const from = lastClosed?.close?.index ?? previous.lastIndexOf('. ') + 1;
	return findAttribution(previous.slice(from), '');
}
