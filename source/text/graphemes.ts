/**
 * Graphemes (user-perceived characters) of a string, in time proportional to its length.
 *
 * Intl.Segmenter finds them, but on Node 20 each step of its iterator costs time in proportion to the
 * whole string: 20,000 characters took 0.6 s to walk, 80,000 took 16 s, and string-width (which
 * walks it too) the same. So strings are segmented a bounded window at a time. Every boundary in a
 * window but its last is final: Unicode's rules (UAX #29) decide a boundary from the characters
 * before it and the one right after it, which the window holds; the window's last grapheme may run
 * on past it, so the next window starts there.
 */

const segmenter = new Intl.Segmenter(undefined, {granularity: 'grapheme'});
const WINDOW = 256;

export interface Grapheme {
	readonly segment: string;
	/** UTF-16 offset in the whole string. */
	readonly index: number;
}

export function* graphemesOf(text: string): Generator<Grapheme> {
	let start = 0;
	let size = WINDOW;
	while (start < text.length) {
		let end = Math.min(text.length, start + size);
		// Never between the halves of a surrogate pair: the character after a boundary must be whole.
		if (end < text.length && isHighSurrogate(text.charCodeAt(end - 1))) end += 1;
		const window = text.slice(start, end);
		const segments = [...segmenter.segment(window)];
		if (end === text.length) {
			for (const {segment, index} of segments) yield {segment, index: start + index};
			return;
		}
		// One grapheme longer than the window (a letter under hundreds of marks): widen it.
		if (segments.length < 2) {
			size *= 2;
			continue;
		}
		const last = segments.pop() as Intl.SegmentData;
		for (const {segment, index} of segments) yield {segment, index: start + index};
		start += last.index;
		size = WINDOW;
	}
}

/** The string cut into pieces of about `size` UTF-16 units, each ending on a grapheme boundary. */
export function* graphemeChunks(text: string, size = WINDOW): Generator<string> {
	let from = 0;
	let to = 0;
	for (const {segment, index} of graphemesOf(text)) {
		if (index - from >= size) {
			yield text.slice(from, index);
			from = index;
		}
		to = index + segment.length;
	}
	if (to > from) yield text.slice(from, to);
}

function isHighSurrogate(code: number): boolean {
	return code >= 0xd800 && code <= 0xdbff;
}
