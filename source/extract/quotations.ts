/**
 * Finding quotations: the words between quotation marks, character for character.
 *
 * Double marks (straight, typographic, low-9, guillemets) are quotation marks wherever they pair up.
 * Single marks are also apostrophes, so a single mark opens a quotation only where an apostrophe
 * cannot stand (after a space or an opening bracket, before a letter) and closes one only before a
 * non-letter; a quotation in single marks must close in its paragraph unless it fills it.
 *
 * Newspaper style runs a long quotation over several paragraphs: each paragraph opens with a mark
 * and only the last one closes. Those paragraphs are one quotation; its text keeps the paragraph
 * breaks as newlines.
 *
 * A question-and-answer transcript prints its answers without marks: after "Q:" paragraphs, an
 * "A:" paragraph (and an "Opening remarks:" one) is the interviewee's words, a quotation of the
 * `answer` family that runs to the paragraph's end.
 */

export type Family = 'double' | 'single' | 'answer';

/** A quotation's words within one paragraph, marks excluded. */
export interface Span {
	paragraph: number;
	start: number;
	end: number;
}

export interface Quotation {
	text: string;
	family: Family;
	spans: Span[];
	/** Where the opening mark stands. */
	open: {paragraph: number; index: number};
	/** Just after the closing mark; absent when the article never closes the quotation. */
	close?: {paragraph: number; index: number};
}

const DOUBLE_OPEN = new Set(['“', '„', '‟', '«']);
const DOUBLE_CLOSE = new Set(['”', '»']);
/**
 * Marks that open or close by where they stand: the straight mark, and the double prime (″) that
 * some pages print for one (a reopening paragraph `″Clearly…`). After a digit the prime is inches.
 */
const STRAIGHT_DOUBLE = new Set(['"', '″']);
const SINGLE_OPEN = new Set(['‘']);
const SINGLE_CLOSE = new Set(['’']);
const BEFORE_OPENING = /[\s([{—–\-/‘“"']/u;
const WORD = /[\p{L}\p{N}]/u;

function opensAt(text: string, i: number): Family | undefined {
	const char = text[i] ?? '';
	const before = text[i - 1];
	const after = text[i + 1];
	if (after === undefined || /\s/u.test(after)) return undefined;
	if (DOUBLE_OPEN.has(char)) return 'double';
	const openingPlace = before === undefined || BEFORE_OPENING.test(before);
	if (STRAIGHT_DOUBLE.has(char) && openingPlace) return 'double';
	if ((SINGLE_OPEN.has(char) || char === "'") && openingPlace && /[\p{L}\p{N}…“"]/u.test(after)) {
		return 'single';
	}
	return undefined;
}

function closesAt(text: string, i: number, family: Family): boolean {
	const char = text[i] ?? '';
	const before = text[i - 1];
	if (family === 'double') {
		if (DOUBLE_CLOSE.has(char)) return true;
		if (char === '″' && /\d/u.test(before ?? '')) return false;
		return STRAIGHT_DOUBLE.has(char) && before !== undefined && !/\s/u.test(before);
	}
	if (!SINGLE_CLOSE.has(char) && char !== "'") return false;
	const after = text[i + 1];
	return before !== undefined && !/\s/u.test(before) && (after === undefined || !WORD.test(after));
}

/**
 * A single mark after an s and before a lower-case word is more likely a plural possessive
 * ("the farmers’ union") than a closing mark: it closes only if no better close follows.
 */
function weakSingleClose(text: string, i: number): boolean {
	return /s/iu.test(text[i - 1] ?? '') && /^\s+\p{Ll}/u.test(text.slice(i + 1));
}

/**
 * Index of the mark that closes a quotation opened before `from`, or -1. A weak close stands when a
 * new quotation of the same family opens after it (`‘in tears’ at the town's 'carnage'`): quotations
 * in one family do not nest.
 */
function findClose(text: string, from: number, family: Family): number {
	let weak = -1;
	for (let i = from; i < text.length; i++) {
		if (weak >= 0 && opensAt(text, i) === family) return weak;
		if (!closesAt(text, i, family)) continue;
		if (family === 'single' && weakSingleClose(text, i)) {
			if (weak < 0) weak = i;
			continue;
		}
		return i;
	}
	return weak;
}

function startsWithOpening(paragraph: string, family: Family): boolean {
	const found = opensAt(paragraph, 0);
	return found === family;
}

export function findQuotations(paragraphs: readonly string[]): Quotation[] {
	const quotations: Quotation[] = [];
	// A paragraph that continues the previous one's quotation starts scanning after its own opening mark.
	let continuing: Quotation | undefined;
	for (let p = 0; p < paragraphs.length; p++) {
		const text = paragraphs[p] ?? '';
		let i = 0;
		if (continuing) {
			const quotation = continuing;
			continuing = undefined;
			i = extend(quotation, text, p, 1);
			if (!quotation.close) continuing = continues(quotation, paragraphs[p + 1]);
		}
		for (; i < text.length; i++) {
			const family = opensAt(text, i);
			if (!family) continue;
			const quotation: Quotation = {text: '', family, spans: [], open: {paragraph: p, index: i}};
			const end = extend(quotation, text, p, i + 1);
			if (!quotation.close) {
				continuing = continues(quotation, paragraphs[p + 1]);
				// An unclosed single mark is an apostrophe, unless it opens the paragraph or the next
				// paragraph carries the quotation on.
				if (family === 'single' && i > 0 && !continuing) continue;
			}
			quotations.push(quotation);
			i = end - 1;
		}
	}
	const answered = answers(paragraphs);
	const inAnswer = new Set(answered.map((answer) => answer.open.paragraph));
	return [...quotations.filter((quotation) => !inAnswer.has(quotation.open.paragraph)), ...answered].sort(
		(a, b) => a.open.paragraph - b.open.paragraph || a.open.index - b.open.index,
	);
}

const QUESTION = /^(?:Q|Question)\s*[:.]\s+\S/u;
const ANSWER = /^(?:A|Answer|Opening (?:remarks|statement))\s*:\s+(?=\S)/iu;

function answers(paragraphs: readonly string[]): Quotation[] {
	if (!paragraphs.some((paragraph) => QUESTION.test(paragraph))) return [];
	return paragraphs.flatMap((text, paragraph) => {
		const label = ANSWER.exec(text);
		if (!label) return [];
		const start = label[0].length;
		return [
			{
				text: text.slice(start),
				family: 'answer' as const,
				spans: [{paragraph, start, end: text.length}],
				open: {paragraph, index: start - 1},
				close: {paragraph, index: text.length + 1},
			},
		];
	});
}

/** Adds this paragraph's part of the quotation from `from`; returns where scanning resumes. */
function extend(quotation: Quotation, text: string, paragraph: number, from: number): number {
	const close = findClose(text, from, quotation.family);
	const end = close < 0 ? text.length : close;
	const words = text.slice(from, end);
	const trimmed = close < 0 ? words.trimEnd() : words;
	quotation.spans.push({paragraph, start: from, end: from + trimmed.length});
	quotation.text = quotation.text === '' ? trimmed : `${quotation.text}\n${trimmed}`;
	if (close >= 0) quotation.close = {paragraph, index: close + 1};
	return close < 0 ? text.length : close + 1;
}

/** The quotation runs on when the next paragraph reopens with the same kind of mark. */
function continues(quotation: Quotation, next: string | undefined): Quotation | undefined {
	return next !== undefined && startsWithOpening(next, quotation.family) ? quotation : undefined;
}
