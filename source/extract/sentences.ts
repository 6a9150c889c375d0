import nlp from 'compromise';
import type {Quotation} from './quotations.js';

/**
 * The reporter's sentences. compromise finds the boundaries (it knows "Sen.", "U.S.", "Feb. 28");
 * a boundary inside a quotation is the speaker's, not the reporter's, and is dropped, so
 * `“We hit the area. It is gone,” he said.` is one sentence whose attribution is "he said".
 */

export interface Sentence {
	paragraph: number;
	start: number;
	end: number;
	text: string;
}

export function splitSentences(paragraphs: readonly string[], quotations: readonly Quotation[]): Sentence[] {
	const inside = quotedRanges(quotations);
	const sentences: Sentence[] = [];
	paragraphs.forEach((paragraph, p) => {
		const ranges = inside.get(p) ?? [];
		let start = 0;
		for (const cut of boundaries(paragraph)) {
			if (ranges.some(([from, to]) => cut > from && cut < to)) continue;
			push(p, start, cut);
			start = cut;
		}
		push(p, start, paragraph.length);
	});
	return sentences;

	function push(paragraph: number, from: number, to: number) {
		const text = paragraphs[paragraph] ?? '';
		const raw = text.slice(from, to);
		const lead = raw.length - raw.trimStart().length;
		const body = raw.trim();
		if (body) sentences.push({paragraph, start: from + lead, end: from + lead + body.length, text: body});
	}
}

/**
 * Offsets where a new sentence starts (after the first): compromise's, and after a quotation that
 * ends a sentence inside its marks (`…in the room.” He denounced…`), which compromise runs on.
 */
function boundaries(paragraph: string): number[] {
	const cuts: number[] = [...paragraph.matchAll(/[.!?]["”’']\s+(?=\p{Lu})/gu)].map(
		(match) => match.index + match[0].length,
	);
	let cursor = 0;
	for (const sentence of nlp(paragraph).sentences().out('array') as string[]) {
		const found = paragraph.indexOf(sentence.trim(), cursor);
		if (found < 0) continue;
		if (found > 0) cuts.push(found);
		cursor = found + sentence.trim().length;
	}
	return [...new Set(cuts)].sort((a, b) => a - b);
}

/** For each paragraph, the stretches from an opening mark to its closing mark. */
function quotedRanges(quotations: readonly Quotation[]): Map<number, Array<[number, number]>> {
	const ranges = new Map<number, Array<[number, number]>>();
	for (const quotation of quotations) {
		for (const span of quotation.spans) {
			const list = ranges.get(span.paragraph) ?? [];
			list.push([span.start - 1, span.end + 1]);
			ranges.set(span.paragraph, list);
		}
	}
	return ranges;
}
