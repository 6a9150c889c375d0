import {Growable} from './growable.js';
import type {WordList} from './vocabulary.js';

/**
 * Finding the vocabulary words that match one word of a term. The vocabulary is one string of
 * `\n`-separated words (index.ts), so exact roles use `indexOf` (V8's string search), and fuzzy
 * matching is one bit-parallel pass over it. A scan covers a range of lines, so a large vocabulary
 * is read in slices between which the event loop runs.
 *
 * Result per word: 0 when it does not match, else `1 + typos`.
 */

export type Role = 'fuzzy' | 'include' | 'prefix' | 'suffix' | 'equal';

/** Words, each preceded by `\n`, the last followed by one; line i starts at `starts[i]`. */
export interface Lines {
	readonly text: string;
	readonly starts: Uint32Array;
	/** `ids[i]` is line i's word id; absent, line i is word i. */
	readonly ids?: Uint32Array;
}

export const NO_MATCH = 0;
/** The code of an exact match. */
export const EXACT = 1;

export function typosOf(code: number): number {
	return code - 1;
}

// Punctuation that clings to words ("oil," “we …”): not where a word starts.
function isClinging(code: number): boolean {
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

/**
 * Mark in `out` (indexed by word id) the words of lines `[from, to)` matching `pattern` in `role`,
 * keeping the best code per word, and push the ids newly matched to `matched`.
 */
export function scanWords(
	lines: Lines,
	from: number,
	to: number,
	pattern: string,
	role: Role,
	typos: number,
	out: Uint8Array,
	matched: Growable,
): void {
	if (role === 'fuzzy' && typos > 0 && pattern.length <= 30) {
		scanFuzzy(lines, from, to, pattern, typos, out, matched);
	} else if ((role === 'fuzzy' || role === 'include') && pattern.length === 1) {
		scanChar(lines, from, to, pattern.charCodeAt(0), out, matched);
	} else {
		scanExact(lines, from, to, pattern, role, out, matched);
	}
}

function mark(lines: Lines, line: number, code: number, out: Uint8Array, matched: Growable): void {
	const id = lines.ids ? (lines.ids[line] as number) : line;
	const was = out[id] as number;
	if (was === NO_MATCH) matched.push(id);
	if (was === NO_MATCH || code < was) out[id] = code;
}

function scanExact(
	lines: Lines,
	from: number,
	to: number,
	pattern: string,
	role: Role,
	out: Uint8Array,
	matched: Growable,
): void {
	const {text, starts} = lines;
	const needle =
		role === 'prefix' || role === 'equal' ? `\n${pattern}` : role === 'suffix' ? `${pattern}\n` : pattern;
	const lead = role === 'prefix' || role === 'equal' ? 1 : 0;
	const end = starts[to] as number;
	let line = from;
	for (
		let at = text.indexOf(needle, (starts[from] as number) - lead);
		at !== -1;
		at = text.indexOf(needle, at + 1)
	) {
		const start = at + lead;
		if (start >= end) break;
		while ((starts[line + 1] as number) <= start) line++;
		if (role === 'equal' && start + pattern.length !== (starts[line + 1] as number) - 1) continue;
		mark(lines, line, EXACT, out, matched);
	}
}

/**
 * One character, the first keystroke of every query: it is in most words, so one pass over the
 * characters beats an `indexOf` per occurrence.
 */
function scanChar(
	lines: Lines,
	from: number,
	to: number,
	char: number,
	out: Uint8Array,
	matched: Growable,
): void {
	const {text, starts} = lines;
	for (let line = from; line < to; line++) {
		const end = (starts[line + 1] as number) - 1;
		for (let j = starts[line] as number; j < end; j++) {
			if (text.charCodeAt(j) === char) {
				mark(lines, line, EXACT, out, matched);
				break;
			}
		}
	}
}

const masks = new Int32Array(65536);

/**
 * Fuzzy matching of one word, bit-parallel (shift-and; Wu–Manber for typos, with Hyyrö's extension
 * for swapped neighbours), in one pass over the words:
 * - `e`: the pattern exactly, anywhere in the word (bit i: pattern[0..i] ends here);
 * - `a0..a2`: the word begins with the pattern give or take d typos (bit i: pattern[0..i) matches
 *   the word so far with at most d typos), punctuation in front of it skipped. Typos are looked for
 *   where words start, where people start typing: anywhere, a four-letter word with one typo
 *   matches half the dictionary.
 */
function scanFuzzy(
	lines: Lines,
	from: number,
	to: number,
	pattern: string,
	typos: number,
	out: Uint8Array,
	matched: Growable,
): void {
	const {text, starts} = lines;
	const m = pattern.length;
	for (let i = 0; i < m; i++) {
		const c = pattern.charCodeAt(i);
		masks[c] = (masks[c] as number) | (1 << i);
	}
	const exact = 1 << (m - 1);
	const accept = 1 << m;
	let line = from - 1;
	let best = 99;
	let e = 0;
	let a0 = 0;
	let a1 = 0;
	let a2 = 0;
	let p0 = 0;
	let p1 = 0;
	let previous = 0;
	let leading = true;
	// From the `\n` before the first line to the one after the last.
	const end = starts[to] as number;
	for (let j = (starts[from] as number) - 1; j < end; j++) {
		const c = text.charCodeAt(j);
		if (c === 10) {
			if (best <= typos) mark(lines, line, EXACT + best, out, matched);
			line++;
			best = 99;
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
		if (e & exact) best = 0;
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
}

/**
 * Narrow a previous scan: which of the words `ids` match `pattern` exactly in `role` (include,
 * prefix or suffix), tested word by word.
 */
export function filterWords(
	words: WordList,
	ids: Uint32Array,
	pattern: string,
	role: Role,
	out: Uint8Array,
): Uint32Array {
	const matched = new Growable(ids.length);
	for (const id of ids) {
		const word = words.at(id);
		const found =
			role === 'prefix'
				? word.startsWith(pattern)
				: role === 'suffix'
					? word.endsWith(pattern)
					: word.includes(pattern);
		if (!found) continue;
		out[id] = EXACT;
		matched.push(id);
	}
	return matched.done();
}

/** The lines of some words only (to narrow a previous scan), in the same layout. */
export function linesOf(words: WordList, ids: Uint32Array): Lines {
	const starts = new Uint32Array(ids.length + 1);
	const parts: string[] = [];
	let offset = 1;
	for (let i = 0; i < ids.length; i++) {
		const word = words.at(ids[i] as number);
		starts[i] = offset;
		offset += word.length + 1;
		parts.push(word);
	}
	starts[ids.length] = offset;
	return {text: `\n${parts.join('\n')}\n`, starts, ids};
}
