import {cellWidth, truncateCells, widthUpTo} from '../text/cells.js';
import type {Paint, Run} from './theme.js';

/** Cut runs to at most `width` cells (an ellipsis marks the cut) and pad them to exactly `width`. */
export function fitRuns(runs: readonly Run[], width: number, pad = true): Run[] {
	const out: Run[] = [];
	let used = 0;
	for (const run of runs) {
		if (run.text === '') continue;
		// A long run is measured only as far as the line has room: a frame costs its visible cells.
		const w = widthUpTo(run.text, width - used);
		if (used + w <= width) {
			out.push(run);
			used += w;
			continue;
		}
		const room = width - used;
		if (room > 0) {
			const cut = truncateCells(run.text, room);
			out.push({...run, text: cut});
			used += cellWidth(cut);
		}
		break;
	}
	if (pad && used < width) out.push({text: ' '.repeat(width - used), paint: 'plain'});
	return out;
}

export function run(text: string, paint: Paint = 'plain', link?: string): Run {
	return link ? {text, paint, link} : {text, paint};
}

/** Left and right parts on one line, the right part kept whole when there is room for it. */
export function spread(left: readonly Run[], right: readonly Run[], width: number): Run[] {
	const rightWidth = right.reduce((sum, r) => sum + cellWidth(r.text), 0);
	if (rightWidth + 2 > width) return fitRuns(left, width);
	return [...fitRuns(left, width - rightWidth - 1), run(' '), ...right];
}
