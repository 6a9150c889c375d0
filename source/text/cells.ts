import stringWidth from 'string-width';
import wrapAnsi from 'wrap-ansi';

// Width is measured in terminal cells: a CJK character or an emoji takes two, a combining mark none.

const graphemes = new Intl.Segmenter(undefined, {granularity: 'grapheme'});
const ELLIPSIS = '…';

export function cellWidth(text: string): number {
	return stringWidth(text);
}

/** Cut `text` to at most `width` cells, ending in an ellipsis when something was cut. */
export function truncateCells(text: string, width: number): string {
	if (width <= 0) return '';
	if (stringWidth(text) <= width) return text;
	const budget = width - 1;
	let used = 0;
	let out = '';
	for (const {segment} of graphemes.segment(text)) {
		const w = stringWidth(segment);
		if (used + w > budget) break;
		out += segment;
		used += w;
	}
	return out + ELLIPSIS;
}

/** Pad with spaces to exactly `width` cells (truncating first when longer). */
export function padCells(text: string, width: number): string {
	const cut = truncateCells(text, width);
	return cut + ' '.repeat(Math.max(0, width - stringWidth(cut)));
}

/** Word-wrap to `width` cells; words longer than a line are broken. */
export function wrapCells(text: string, width: number): string[] {
	return wrapAnsi(text, Math.max(1, width), {hard: true, trim: true}).split('\n');
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
