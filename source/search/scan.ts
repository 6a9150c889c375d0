import {Growable} from './growable.js';

/**
 * Finding the vocabulary words that match one word of a term. The vocabulary is one string of
 * `\n`-separated words (index.ts), so exact roles use `indexOf` (V8's string search), and fuzzy
 * matching is one bit-parallel pass over it.
 *
 * Result per word: 0 when it does not match, else `1 + 3 × typos + shape`, where shape is 0 for the
 * whole word, 1 for its start, 2 for elsewhere in it (the ranking prefers the whole word).
 */

export type Role = 'fuzzy' | 'include' | 'prefix' | 'suffix' | 'equal';

/** Scan `lines` (words, each preceded by `\n`, the last followed by one); `ids[i]` is line i's word id. */
export interface Lines {
	readonly text: string;
	readonly starts: Uint32Array;
	/** Absent: line i is word i. */
	readonly ids?: Uint32Array;
}

export const NO_MATCH = 0;

export function quality(typos: number, shape: number): number {
	return 1 + 3 * typos + shape;
}

export function typosOf(code: number): number {
	return Math.floor((code - 1) / 3);
}

export function isWhole(code: number): boolean {
	return code !== NO_MATCH && (code - 1) % 3 === 0;
}

// Punctuation that clings to words ("oil," “we …”): a match up to it still counts as the whole word.
export function isClinging(code: number): boolean {
	return (
		code === 0x2c ||
		code === 0x2e ||
		code === 0x3b ||
		code === 0x3a ||
		code === 0x21 ||
		code === 0x3f ||
		code === 0x22 ||
		code === 0x27 ||
		code === 0x28 ||
		code === 0x29 ||
		code === 0x2026 ||
		code === 0x3002 ||
		code === 0xff0c
	);
}

function shapeOf(text: string, wordStart: number, wordEnd: number, from: number, to: number): number {
	const startsWord = from === wordStart || (from === wordStart + 1 && isClinging(text.charCodeAt(wordStart)));
	if (!startsWord) return 2;
	let end = wordEnd;
	while (end > to && isClinging(text.charCodeAt(end - 1))) end--;
	return end === to ? 0 : 1;
}

/**
 * Mark in `out` (indexed by word id) the words of `lines` matching `pattern` in `role`, keeping the
 * best code per word, and return the ids that matched.
 */
export function scanWords(
	lines: Lines,
	pattern: string,
	role: Role,
	typos: number,
	out: Uint8Array,
): Uint32Array {
	if (role === 'fuzzy' && typos > 0 && pattern.length <= 30) return scanFuzzy(lines, pattern, typos, out);
	if ((role === 'fuzzy' || role === 'include') && pattern.length === 1)
		return scanChar(lines, pattern.charCodeAt(0), out);
	const {text, starts, ids} = lines;
	const matched = new Growable(256);
	const needle =
		role === 'prefix' || role === 'equal' ? `\n${pattern}` : role === 'suffix' ? `${pattern}\n` : pattern;
	const lead = role === 'prefix' || role === 'equal' ? 1 : 0;
	let line = 0;
	for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) {
		const from = at + lead;
		while ((starts[line + 1] as number) <= from) line++;
		const wordStart = starts[line] as number;
		const wordEnd = (starts[line + 1] as number) - 1;
		if (role === 'equal' && from + pattern.length !== wordEnd) continue;
		const code = quality(0, shapeOf(text, wordStart, wordEnd, from, from + pattern.length));
		const id = ids ? (ids[line] as number) : line;
		const previous = out[id] as number;
		if (previous === NO_MATCH) matched.push(id);
		if (previous === NO_MATCH || code < previous) out[id] = code;
		// One line can hold several occurrences; the first decides the shape unless a later is whole.
		if (role === 'equal') break;
	}
	return matched.done();
}

/**
 * One character, the first keystroke of every query: it is in most words, so one pass over the
 * characters beats an `indexOf` per occurrence.
 */
function scanChar(lines: Lines, char: number, out: Uint8Array): Uint32Array {
	const {text, starts, ids} = lines;
	const matched = new Growable(256);
	const count = starts.length - 1;
	for (let line = 0; line < count; line++) {
		const start = starts[line] as number;
		const end = (starts[line + 1] as number) - 1;
		let at = -1;
		for (let j = start; j < end; j++) {
			if (text.charCodeAt(j) === char) {
				at = j;
				break;
			}
		}
		if (at === -1) continue;
		const id = ids ? (ids[line] as number) : line;
		const code = quality(0, shapeOf(text, start, end, at, at + 1));
		if (out[id] === NO_MATCH) matched.push(id);
		out[id] = code;
	}
	return matched.done();
}

const masks = new Int32Array(65536);

/**
 * Fuzzy matching of one word, bit-parallel (shift-and; Wu–Manber for typos, with Hyyrö's extension
 * for swapped neighbours), in one pass over the words:
 * - `e`: the pattern exactly, anywhere in the word (bit i: pattern[0..i] ends here);
 * - `a0..a2`: the word begins with the pattern give or take d typos (bit i: pattern[0..i) matches
 *   the word so far with at most d typos), punctuation in front of it skipped. Typos are looked for at word starts only, where people
 *   start typing: anywhere, a four-letter word with one typo matches half the dictionary.
 */
function scanFuzzy(lines: Lines, pattern: string, typos: number, out: Uint8Array): Uint32Array {
	const {text, starts, ids} = lines;
	const m = pattern.length;
	for (let i = 0; i < m; i++) {
		const c = pattern.charCodeAt(i);
		masks[c] = (masks[c] as number) | (1 << i);
	}
	const exact = 1 << (m - 1);
	const accept = 1 << m;
	const matched = new Growable(256);
	let line = -1;
	let best = 99;
	let bestEnd = -1;
	let e = 0;
	let a0 = 0;
	let a1 = 0;
	let a2 = 0;
	let p0 = 0;
	let p1 = 0;
	let previous = 0;
	let leading = true;
	const length = text.length;
	for (let j = 0; j < length; j++) {
		const c = text.charCodeAt(j);
		if (c === 10) {
			if (best <= typos) {
				const wordStart = starts[line] as number;
				const code =
					best === 0 && bestEnd >= 0
						? quality(0, shapeOf(text, wordStart, j, bestEnd - m + 1, bestEnd + 1))
						: quality(best, best === 0 ? 1 : 2);
				const id = ids ? (ids[line] as number) : line;
				const was = out[id] as number;
				if (was === NO_MATCH) matched.push(id);
				if (was === NO_MATCH || code < was) out[id] = code;
			}
			line++;
			best = 99;
			bestEnd = -1;
			e = 0;
			// Before the first letter: the empty prefix, and the first d letters of the pattern deleted.
			a0 = 1;
			a1 = 3;
			a2 = 7;
			p0 = 1;
			p1 = 3;
			previous = 0;
			leading = true;
			continue;
		}
		const b = masks[c] as number;
		e = ((e << 1) | 1) & b;
		if (e & exact && bestEnd < 0) {
			best = 0;
			bestEnd = j;
		}
		// Punctuation in front of a word ("“Their") is not where it starts.
		if (leading && isClinging(c)) continue;
		leading = false;
		const shifted = b << 1;
		const n0 = (a0 << 1) & shifted;
		const n1 = ((a1 << 1) & shifted) | (a0 << 1) | a0 | (n0 << 1) | ((((p0 << 1) & shifted) << 1) & previous);
		if (typos > 1) {
			a2 = ((a2 << 1) & shifted) | (a1 << 1) | a1 | (n1 << 1) | ((((p1 << 1) & shifted) << 1) & previous);
			if (a2 & accept && best > 2) best = 2;
		}
		p0 = a0;
		p1 = a1;
		a0 = n0;
		a1 = n1;
		previous = shifted;
		if (n0 & accept) best = 0;
		else if (n1 & accept && best > 1) best = 1;
	}
	for (let i = 0; i < m; i++) masks[pattern.charCodeAt(i)] = 0;
	return matched.done();
}

/**
 * Narrow a previous scan: which of the words `ids` match `pattern` exactly in `role` (include,
 * prefix or suffix), tested word by word.
 */
export function filterWords(
	words: readonly string[],
	ids: Uint32Array,
	pattern: string,
	role: Role,
	out: Uint8Array,
): Uint32Array {
	const matched = new Growable(ids.length);
	for (const id of ids) {
		const word = words[id] as string;
		const at =
			role === 'prefix'
				? word.startsWith(pattern)
					? 0
					: -1
				: role === 'suffix'
					? word.endsWith(pattern)
						? word.length - pattern.length
						: -1
					: word.indexOf(pattern);
		if (at === -1) continue;
		out[id] = quality(0, shapeOf(word, 0, word.length, at, at + pattern.length));
		matched.push(id);
	}
	return matched.done();
}

/** The lines of some words only (to narrow a previous scan), in the same layout. */
export function linesOf(words: readonly string[], ids: Uint32Array): Lines {
	const starts = new Uint32Array(ids.length + 1);
	const parts: string[] = [];
	let offset = 1;
	for (let i = 0; i < ids.length; i++) {
		const word = words[ids[i] as number] as string;
		starts[i] = offset;
		offset += word.length + 1;
		parts.push(word);
	}
	starts[ids.length] = offset;
	return {text: `\n${parts.join('\n')}\n`, starts, ids};
}
