/** Split text into plain and matched runs from inclusive [start, end] ranges (fuse.js style). */
export interface Run {
	text: string;
	match: boolean;
}

export function splitRuns(text: string, ranges: ReadonlyArray<readonly [number, number]>): Run[] {
	const sorted = [...ranges].filter(([s, e]) => e >= s && s < text.length).sort((a, b) => a[0] - b[0]);
	const runs: Run[] = [];
	let at = 0;
	for (const [start, end] of sorted) {
		const from = Math.max(start, at);
		const to = Math.min(end + 1, text.length);
		if (to <= from) continue;
		if (from > at) runs.push({text: text.slice(at, from), match: false});
		runs.push({text: text.slice(from, to), match: true});
		at = to;
	}
	if (at < text.length) runs.push({text: text.slice(at), match: false});
	return runs;
}

/**
 * At most about `length` characters of `text` around its first matched range (from a word start a
 * little before it), with the ranges moved to match; `…` marks where the text was cut.
 */
export function snippet(
	text: string,
	ranges: ReadonlyArray<readonly [number, number]>,
	length: number,
): {text: string; ranges: Array<[number, number]>} {
	const first = ranges.reduce((min, [start]) => Math.min(min, start), Number.POSITIVE_INFINITY);
	let from = 0;
	if (Number.isFinite(first) && first + 1 > length - 8) {
		from = Math.max(0, first - 12);
		while (from > 0 && text[from - 1] !== ' ' && first - from < 24) from--;
	}
	const to = Math.min(text.length, from + length);
	const lead = from > 0 ? '…' : '';
	const body = `${lead}${text.slice(from, to)}${to < text.length ? '…' : ''}`;
	const shift = lead.length - from;
	const moved = ranges
		.map(([start, end]): [number, number] => [Math.max(start, from) + shift, Math.min(end, to - 1) + shift])
		.filter(([start, end]) => end >= start);
	return {text: body, ranges: moved};
}
