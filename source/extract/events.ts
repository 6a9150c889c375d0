import {type Day, shiftDays} from './calendar.js';
import {type DatePhrase, findDatePhrases} from './date-phrases.js';
import {type ResolvedDate, resolveDate} from './date-rules.js';
import type {Quotation} from './quotations.js';
import type {Sentence} from './sentences.js';

/**
 * Dated happenings: each date phrase in a reporter's sentence (quotations blanked, since a
 * speaker's "next week" dates the speaker's words, not the story) makes one event. Its title is the
 * clause the phrase stands in, its summary the sentence as printed.
 */

export interface DatedSentence {
	sentence: Sentence;
	phrase: DatePhrase;
	resolved: ResolvedDate;
	title: string;
	/** "the same day": the earlier phrase that gives the date, whose words are the date's words. */
	antecedent?: DatedSentence;
}

const FUTURE =
	/\b(?:will|shall|is|are)\s+(?:due|set|scheduled|expected|planning|going)\s+to\b|\bwill\b|\bplans?\s+to\b|\bupcoming\b|\b(?:scheduled|slated|planned|due)\b|\bset\s+(?:the\s+date\s+)?for\b|\b(?:forecast|predicted|expected)\s+for\b|\bwould\s+(?!have\b)\p{L}+|\buntil\s+(?:\p{Lu}|on\b)|['’]ll\b|\bahead\s+of\b/iu;
const LEADING =
	/^(?:and|but|or|as|while|even as|even though|though|although|after|before|when|since|because|that|which|who|where|then|also|so|with|amid|including)\s+/iu;

export function findDatedSentences(
	sentences: readonly Sentence[],
	paragraphs: readonly string[],
	quotations: readonly Quotation[],
	published: Day | undefined,
): DatedSentence[] {
	const dated: DatedSentence[] = [];
	const seen = new Set<string>();
	for (const sentence of sentences) {
		const text = blankQuotations(sentence, paragraphs, quotations);
		for (const phrase of findDatePhrases(text, published)) {
			const clause = clauseAround(text, phrase);
			const future = isFuture(text, clause, phrase);
			const title = nounPhraseTitle(text, phrase) ?? titleFrom(text, clause, phrase);
			const antecedent = phrase.kind === 'same' ? dated.at(-1) : undefined;
			if (phrase.kind === 'same' && !antecedent) continue;
			const resolved = earlierOfSeries(
				antecedent ? antecedent.resolved : resolveDate(phrase, published, future),
				phrase,
				clause,
				dated.filter((entry) => entry.sentence === sentence),
			);
			// With a publication date, words no rule can date ("for two years") are not a date at all.
			if (published && resolved.date === undefined) continue;
			// "months-long sanctions campaign" said twice is one campaign.
			const key = `${phrase.text.toLowerCase()} ${resolved.date} ${title.toLowerCase()}`;
			if (seen.has(key)) continue;
			seen.add(key);
			dated.push({
				sentence,
				phrase: {...phrase, text: sentence.text.slice(phrase.index, phrase.index + phrase.text.length)},
				resolved,
				title,
				...(antecedent ? {antecedent} : {}),
			});
		}
	}
	return dated;
}

/**
 * "said on Thursday that it would recall": only words before the phrase make it future. A phrase
 * that opens its sentence is dated by the verb that follows ("In December the Government will
 * unveil…"), up to a clause of its own ("On Monday he said that it would…").
 */
function isFuture(text: string, clause: string, phrase: DatePhrase): boolean {
	const at = clause.indexOf(phrase.text);
	if (FUTURE.test(clause.slice(0, at < 0 ? clause.length : at + phrase.text.length))) return true;
	if (text.slice(0, phrase.index).trim() !== '') return false;
	const main = text
		.slice(phrase.index + phrase.text.length)
		.split(/\b(?:that|which|who|because|after|before)\b|[;—–]/u)[0];
	return FUTURE.test(main ?? '');
}

/**
 * "…, on Thursday, the release of 80 prisoners, the second such release in recent days": the words
 * date the first release, and "second" says it came before the one dated in the sentence, so its
 * window ends the day before that one.
 */
function earlierOfSeries(
	resolved: ResolvedDate,
	phrase: DatePhrase,
	clause: string,
	before: readonly DatedSentence[],
): ResolvedDate {
	if (phrase.kind !== 'recent' || !/\b(?:second|third|fourth|fifth)\s+such\b/iu.test(clause)) return resolved;
	const window = /^\[(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})\]$/u.exec(resolved.date ?? '');
	const later = before
		.map((entry) => entry.resolved.date)
		.find((date) => /^\d{4}-\d{2}-\d{2}$/u.test(date ?? ''));
	if (!window?.[1] || !later || later <= window[1]) return resolved;
	const end = shiftDays(later, -1);
	return {...resolved, date: end === window[1] ? end : `[${window[1]}..${end}]`};
}

/** The sentence with each quotation's marks and words replaced by spaces, offsets unchanged. */
export function blankQuotations(
	sentence: Sentence,
	paragraphs: readonly string[],
	quotations: readonly Quotation[],
): string {
	const chars = [...(paragraphs[sentence.paragraph] ?? '').slice(0, sentence.end)];
	for (const quotation of quotations) {
		for (const span of quotation.spans) {
			if (span.paragraph !== sentence.paragraph) continue;
			const close = quotation.close?.paragraph === span.paragraph ? span.end + 1 : span.end;
			for (let i = Math.max(0, span.start - 1); i < Math.min(close, chars.length); i++) chars[i] = ' ';
		}
	}
	return chars.join('').slice(sentence.start);
}

/** The stretch between the commas, semicolons or dashes around the phrase. */
function clauseAround(text: string, phrase: DatePhrase): string {
	const stops = /[,;—–]|\s-\s/gu;
	let start = 0;
	let end = text.length;
	for (const match of text.matchAll(stops)) {
		if (match.index < phrase.index) start = match.index + match[0].length;
		else if (match.index >= phrase.index + phrase.text.length) {
			end = match.index;
			break;
		}
	}
	return text.slice(start, end);
}

const NOT_IN_NOUN_PHRASE =
	'(?:on|in|at|to|of|for|from|with|by|that|which|who|as|amid|through|against|over|after|before|is|was|are|were|has|have|had)';

/**
 * "Washington’s months-long sanctions campaign", "the 2024 election": the phrase dates the noun
 * phrase it stands in, which is the event's title.
 */
function nounPhraseTitle(text: string, phrase: DatePhrase): string | undefined {
	const adjective = /-long$/iu.test(phrase.text);
	if (!adjective && !(phrase.kind === 'year' && /^\d{4}$/u.test(phrase.text))) return undefined;
	const before =
		/(?:\b(?:the|a|an|its|his|her|their)\s+|[\p{L}.]+['’]s\s+)?$/iu.exec(text.slice(0, phrase.index))?.[0] ??
		'';
	const after =
		new RegExp(`^(?:\\s+(?!${NOT_IN_NOUN_PHRASE}\\b)[\\p{L}\\p{N}'’-]+){1,6}`, 'iu').exec(
			text.slice(phrase.index + phrase.text.length),
		)?.[0] ?? '';
	if (!after.trim()) return undefined;
	const words = `${before}${adjective ? '' : phrase.text}${after}`.replace(/\s+/gu, ' ').trim();
	return words.charAt(0).toUpperCase() + words.slice(1);
}

function titleFrom(text: string, clause: string, phrase: DatePhrase): string {
	const withoutPhrase = (part: string) =>
		part
			.replace(phrase.text, ' ')
			.replace(/\b(?:on|in|at|during|since|by|of)\s+(?=[\s,.;]*$)/iu, ' ')
			.replace(/\s+(?:on|in|at|during|by)\s+(?=\s)/iu, ' ')
			.replace(/\s+/gu, ' ')
			.replace(/^[\s,;.]+|[\s,;.]+$/gu, '')
			.replace(LEADING, '')
			.trim();
	let title = withoutPhrase(clause);
	if (title.split(' ').length < 3) {
		// "That included, on Thursday, the release of …": the clause is the phrase alone; take what follows.
		const after = text.slice(text.indexOf(clause) + clause.length).replace(/^[\s,;—–]+/u, '');
		title = withoutPhrase(after.split(/[,;—–]/u)[0] ?? '') || withoutPhrase(text);
	}
	const capitalised = title.charAt(0).toUpperCase() + title.slice(1);
	return capitalised.length > 110 ? `${capitalised.slice(0, 108).replace(/\s+\S*$/u, '')}…` : capitalised;
}
