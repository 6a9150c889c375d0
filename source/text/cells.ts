import stringWidth from 'string-width';
import {graphemeChunks, graphemesOf} from './graphemes.js';

// Width is measured in terminal cells: a CJK character or an emoji takes two, a combining mark none.

const ELLIPSIS = '…';
// One cell each, never combining or zero-width: ASCII, Latin-1 (bar the soft hyphen), Latin Extended,
// IPA, spacing modifiers, the dashes, quotes and ellipsis of general punctuation, and box drawing and
// block elements (the rules and the sparkline drawn on every frame).
const SINGLE_CELL = /^[\x20-\x7e\u00a0-\u00ac\u00ae-\u02ff\u2010-\u2027\u2030-\u205e\u2500-\u259f]*$/;
// timescope's own styling (SGR); dataset text never contains escapes once sanitized.
const SGR = /\u001b\[[0-9;]*m/g;

/**
 * string-width segments every string into graphemes, which made it most of the listing's run time
 * (100 ms of 260 ms, measured with --cpu-prof); text made only of single-cell characters skips that.
 */
export function cellWidth(text: string): number {
	return widthUpTo(text, Number.POSITIVE_INFINITY);
}

/** The width of `text` when it is at most `max` cells, else some width over `max` (measuring no further). */
export function widthUpTo(text: string, max: number): number {
	const plain = text.includes('\u001b') ? text.replace(SGR, '') : text;
	if (SINGLE_CELL.test(plain)) return plain.length;
	// string-width walks graphemes with Intl.Segmenter, slow on long strings (see graphemes.ts).
	if (plain.length <= LONG) return stringWidth(plain);
	let width = 0;
	for (const chunk of graphemeChunks(plain)) {
		width += stringWidth(chunk);
		if (width > max) break;
	}
	return width;
}

const LONG = 256;

/**
 * Cut `text` to at most `width` cells, ending in an ellipsis when something was cut. Reads no further
 * than the cut: a 20,000-character title costs what the cells on screen cost.
 */
export function truncateCells(text: string, width: number): string {
	if (width <= 0) return '';
	if (text.length <= width && SINGLE_CELL.test(text)) return text;
	const budget = width - 1;
	let used = 0;
	// Where the text is cut if it does not fit: the last grapheme end within the budget.
	let cut = 0;
	for (const {segment, index} of graphemesOf(text)) {
		used += stringWidth(segment);
		if (used > width) return `${text.slice(0, cut)}${ELLIPSIS}`;
		if (used <= budget) cut = index + segment.length;
	}
	return text;
}

/** Pad with spaces to exactly `width` cells (truncating first when longer). */
export function padCells(text: string, width: number): string {
	const cut = truncateCells(text, width);
	return cut + ' '.repeat(Math.max(0, width - cellWidth(cut)));
}

/** A word that holds a web address (`https://…`, `(https://…):`). */
const ADDRESS_WORD = /[a-z][a-z\d+.-]*:\/\/\S/iu;

/**
 * Where the words that hold web addresses are in `text`, as [start, end) offsets. Wrapping never cuts
 * one: an address broken across lines can be neither copied nor clicked, so a long one runs past the
 * width on a line of its own.
 */
export function addressWords(text: string): Array<[number, number]> {
	if (!text.includes('://')) return [];
	const words: Array<[number, number]> = [];
	for (const match of text.matchAll(/\S+/gu)) {
		if (ADDRESS_WORD.test(match[0])) words.push([match.index, match.index + match[0].length]);
	}
	return words;
}

/**
 * Word-wrap one line of text to `width` cells: greedy, runs of spaces collapse at breaks, a word longer
 * than a line is broken between graphemes, except a web address, which keeps a line of its own however
 * long. timescope's own SGR styling counts as zero width.
 */
export function wrapCells(text: string, width: number): string[] {
	const max = Math.max(1, width);
	const lines: string[] = [];
	let line = '';
	let used = 0;
	for (const word of text.split(' ')) {
		if (word === '') continue;
		const w = cellWidth(word);
		if (used > 0 && used + 1 + w <= max) {
			line += ` ${word}`;
			used += 1 + w;
			continue;
		}
		if (used > 0) lines.push(line);
		[line, used] = [word, w];
		// An address longer than a line stays whole: being wider than the line, it ends the line too.
		if (w > max && !ADDRESS_WORD.test(word)) {
			const pieces = breakWord(word, max);
			lines.push(...pieces.slice(0, -1));
			line = pieces.at(-1) ?? '';
			used = cellWidth(line);
		}
	}
	lines.push(line);
	return lines;
}

function breakWord(word: string, width: number): string[] {
	const pieces: string[] = [];
	let piece = '';
	let used = 0;
	for (const token of word.split(/(\u001b\[[0-9;]*m)/u)) {
		if (token.startsWith('\u001b')) {
			piece += token;
			continue;
		}
		for (const {segment} of graphemesOf(token)) {
			const w = cellWidth(segment);
			if (used + w > width && used > 0) {
				pieces.push(piece);
				[piece, used] = ['', 0];
			}
			piece += segment;
			used += w;
		}
	}
	pieces.push(piece);
	return pieces;
}

/**
 * Display cap for one dataset string. A 10 MB quote is data to keep (and `--json` writes it whole), not
 * text anyone reads in a terminal; wrapping it would also take minutes.
 */
export const DISPLAY_LIMIT = 20_000;

export function clipForDisplay(text: string, limit = DISPLAY_LIMIT): string {
	if (text.length <= limit) return text;
	const rest = text.length - limit;
	return `${text.slice(0, limit)}… [${rest.toLocaleString('en')} more characters; the whole text is in --json]`;
}
