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
