import {clipForDisplay, drawable} from '../text/cells.js';
import {sanitize} from '../text/sanitize.js';

/**
 * The one gate between dataset text and the screen. Every dataset string the explorer draws, measures
 * or wraps is taken from here: sanitized (no escape sequence or control character reaches the
 * terminal), clipped (a 10 MB quote is data, not something to lay out on every frame) and made
 * drawable (every terminal gives each character the cells the layout counted: `drawable`). Views and
 * the detail layout never touch `sanitize` or raw dataset strings themselves.
 *
 * Results are cached: the same rows are drawn again on every frame.
 */

const CACHE_LIMIT = 20_000;
const singleLine = new Map<string, string>();
const multiLine = new Map<string, string>();

function cached(cache: Map<string, string>, text: string, make: (text: string) => string): string {
	let out = cache.get(text);
	if (out === undefined) {
		out = make(text);
		if (cache.size >= CACHE_LIMIT) cache.clear();
		cache.set(text, out);
	}
	return out;
}

/** Dataset text on one line: line breaks become spaces. */
export function display(text: string): string {
	return cached(singleLine, text, (raw) => drawable(sanitize(clipForDisplay(raw))));
}

/** Dataset text keeping its paragraphs (`\n`), for the detail pane. */
export function displayParagraphs(text: string): string[] {
	return cached(multiLine, text, (raw) =>
		sanitize(clipForDisplay(raw), {multiline: true}).split('\n').map(drawable).join('\n'),
	).split('\n');
}

/** Dataset text whole, for the clipboard: sanitized on one line but not clipped. */
export function sanitizedWhole(text: string): string {
	return sanitize(text);
}
