import {eraAt} from '../dataset/eras.js';
import type {Era} from '../dataset/model.js';
import {display} from '../state/display.js';
import type {Timeline} from '../state/timeline.js';
import {cellWidth, truncateCells} from '../text/cells.js';
import {run} from './fit.js';
import type {Run} from './theme.js';

/**
 * The era band under the sparkline: each column drawn as the era its stretch of time falls in, over
 * the same span as the sparkline. The cursor's era is drawn heavy and named; the others alternate two
 * light strokes so where one ends and the next begins shows without colour. Which era each column is
 * in is worked out once per timeline and width.
 */

const CURRENT = '━';
const OTHERS = ['─', '╌'] as const;

const cache = new WeakMap<Timeline, {width: number; columns: Int32Array}>();

/** Index into `eras` of each column's era, -1 where none. */
function eraColumns(timeline: Timeline, eras: readonly Era[], width: number): Int32Array | undefined {
	const {domain} = timeline;
	if (!domain) return undefined;
	const hit = cache.get(timeline);
	if (hit?.width === width) return hit.columns;
	const span = domain.max - domain.min;
	const columns = new Int32Array(width);
	for (let c = 0; c < width; c++) {
		const era = eraAt(eras, span > 0 ? domain.min + ((c + 0.5) / width) * span : domain.min);
		columns[c] = era ? eras.indexOf(era) : -1;
	}
	cache.set(timeline, {width, columns});
	return columns;
}

/**
 * The band's runs. `current` is the cursor's era and `at` the cursor's column: the era's name sits in
 * the middle of its stretch when it fits there, else at the cursor.
 */
export function eraBandRuns(
	timeline: Timeline,
	eras: readonly Era[],
	width: number,
	current: Era | undefined,
	at: number | undefined,
): Run[] {
	const columns = eraColumns(timeline, eras, width);
	if (!columns) return [];
	const currentIndex = current ? eras.indexOf(current) : -1;
	const stroke = (c: number) => {
		const era = columns[c] as number;
		if (era < 0) return run(' ');
		if (era === currentIndex) return run(CURRENT, 'accent');
		return run(OTHERS[era % 2] as string, 'dim');
	};
	const strokes = (from: number, to: number) => {
		const runs: Run[] = [];
		for (let c = from; c < to; c++) {
			const next = stroke(c);
			const last = runs.at(-1);
			if (last && last.paint === next.paint) {
				runs[runs.length - 1] = run(last.text + next.text, last.paint);
			} else runs.push(next);
		}
		return runs;
	};
	if (!current) return strokes(0, width);
	const name = ` ${truncateCells(display(current.title), Math.max(1, width - 2))} `;
	const nameWidth = cellWidth(name);
	const first = columns.indexOf(currentIndex);
	const last = columns.lastIndexOf(currentIndex);
	let start: number;
	if (first >= 0 && last - first + 1 >= nameWidth + 2)
		start = first + Math.floor((last - first + 1 - nameWidth) / 2);
	else start = Math.max(0, Math.min(at ?? Math.max(first, 0), width - nameWidth));
	return [...strokes(0, start), run(name, 'label'), ...strokes(start + nameWidth, width)];
}
