import {addressWords, cellWidth} from '../text/cells.js';
import {type Grapheme, graphemesOf} from '../text/graphemes.js';

/**
 * Word wrap by terminal cells that remembers where each line came from, so match ranges (character
 * offsets into the text, as fuse.js reports them) can still be drawn after wrapping. Returns
 * [start, end) offsets; spaces at a break are dropped, a word longer than a line is cut, except a web
 * address, which keeps a line of its own however long.
 */
export function wrapOffsets(text: string, width: number): Array<[number, number]> {
	const limit = Math.max(1, width);
	if (text === '') return [[0, 0]];
	if (isNarrow(text) && text.length <= limit) return [[0, text.length]];
	const addresses = addressWords(text);
	const inAddress = (index: number) => addresses.some(([s, e]) => s < index && index < e);
	const lines: Array<[number, number]> = [];
	let start = 0;
	let used = 0;
	// The last run of spaces on this line: the line may end at its start, the next begin after it.
	let breakEnd = -1;
	let breakNext = -1;
	for (const {segment, index} of graphemes(text)) {
		if (segment === ' ') {
			if (index === start) {
				start = index + 1;
				continue;
			}
			if (breakNext !== index) breakEnd = index;
			breakNext = index + 1;
			used += 1;
			continue;
		}
		const w = segmentWidth(segment);
		if (used + w > limit && index > start && (breakEnd > start || !inAddress(index))) {
			if (breakEnd > start) {
				lines.push([start, breakEnd]);
				start = breakNext;
			} else {
				lines.push([start, index]);
				start = index;
			}
			used = cells(text, start, index);
			breakEnd = -1;
			breakNext = -1;
		}
		used += w;
	}
	if (start < text.length) lines.push([start, trimEnd(text, start, text.length)]);
	if (lines.length === 0) lines.push([0, 0]);
	return lines;
}

function trimEnd(text: string, start: number, end: number): number {
	let e = end;
	while (e > start && text[e - 1] === ' ') e--;
	return e;
}

function cells(text: string, start: number, end: number): number {
	return start >= end ? 0 : cellWidth(text.slice(start, end));
}

function* graphemes(text: string): Generator<Grapheme> {
	if (isNarrow(text)) {
		for (let i = 0; i < text.length; i++) yield {segment: text[i] as string, index: i};
		return;
	}
	yield* graphemesOf(text);
}

// Printable ASCII: one cell per character, no grapheme clusters; most text takes this path.
function isNarrow(text: string): boolean {
	return /^[\x20-\x7e]*$/.test(text);
}

function segmentWidth(segment: string): number {
	return segment.length === 1 && segment >= ' ' && segment <= '~' ? 1 : cellWidth(segment);
}
