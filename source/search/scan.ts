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
): number[] {
	if (role === 'fuzzy' && typos > 0 && pattern.length <= 31) return scanFuzzy(lines, pattern, typos, out);
	if ((role === 'fuzzy' || role === 'include') && pattern.length === 1)
		return scanChar(lines, pattern.charCodeAt(0), out);
	const {text, starts, ids} = lines;
	const matched: number[] = [];
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
	return matched;
}

/**
 * One character, the first keystroke of every query: it is in most words, so one pass over the
 * characters beats an `indexOf` per occurrence.
 */
function scanChar(lines: Lines, char: number, out: Uint8Array): number[] {
	const {text, starts, ids} = lines;
	const matched: number[] = [];
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
	return matched;
}

const masks = new Int32Array(65536);

/**
 * Approximate substring search inside each word, bit-parallel (Wu–Manber, with Hyyrö's extension
 * for swapped neighbours): bit i of `r[d]` says pattern[0..i] ends here with at most d typos.
 */
function scanFuzzy(lines: Lines, pattern: string, typos: number, out: Uint8Array): number[] {
	const {text, starts, ids} = lines;
	const m = pattern.length;
	for (let i = 0; i < m; i++) {
		const c = pattern.charCodeAt(i);
		masks[c] = (masks[c] as number) | (1 << i);
	}
	const accept = 1 << (m - 1);
	const matched: number[] = [];
	let line = -1;
	let best = 99;
	let bestEnd = -1;
	let r0 = 0;
	let r1 = 0;
	let r2 = 0;
	let q0 = 0;
	let q1 = 0;
	let previousMask = 0;
	const length = text.length;
	for (let j = 0; j < length; j++) {
		const c = text.charCodeAt(j);
		if (c === 10) {
			if (best <= typos) {
				const wordStart = starts[line] as number;
				const code =
					best === 0
						? quality(0, shapeOf(text, wordStart, j, bestEnd - m + 1, bestEnd + 1))
						: quality(best, 2);
				const id = ids ? (ids[line] as number) : line;
				const previous = out[id] as number;
				if (previous === NO_MATCH) matched.push(id);
				if (previous === NO_MATCH || code < previous) out[id] = code;
			}
			line++;
			best = 99;
			r0 = 0;
			r1 = 1;
			r2 = 3;
			q0 = 0;
			q1 = 1;
			previousMask = 0;
			continue;
		}
		const b = masks[c] as number;
		const n0 = ((r0 << 1) | 1) & b;
		const n1 =
			(((r1 << 1) | 1) & b) |
			((r0 << 1) | 1) |
			r0 |
			((n0 << 1) | 1) |
			(((((q0 << 1) | 1) & b) << 1) & previousMask);
		if (typos > 1) {
			const n2 =
				(((r2 << 1) | 1) & b) |
				((r1 << 1) | 1) |
				r1 |
				((n1 << 1) | 1) |
				(((((q1 << 1) | 1) & b) << 1) & previousMask);
			r2 = n2;
			if (n2 & accept && best > 2) best = 2;
		}
		q0 = r0;
		q1 = r1;
		r0 = n0;
		r1 = n1;
		previousMask = b;
		if (n0 & accept) {
			if (best > 0) {
				best = 0;
				bestEnd = j;
			}
		} else if (n1 & accept && best > 1) best = 1;
	}
	for (let i = 0; i < m; i++) masks[pattern.charCodeAt(i)] = 0;
	return matched;
}

/** The lines of some words only (to narrow a previous scan), in the same layout. */
export function linesOf(words: readonly string[], ids: ArrayLike<number>): Lines {
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
	return {text: `\n${parts.join('\n')}\n`, starts, ids: Uint32Array.from(ids)};
}
