import type {TimelineEvent} from '../dataset/model.js';
import {instantOf, runEnd, type Timeline} from '../state/timeline.js';

/**
 * The header's density sparkline: dated events per column across the timeline's span (events whose
 * date gives only a bound have no place on it). Counting is O(n),
 * so it runs once per timeline and width (a filter change or a resize), never per frame; placing the
 * cursor on it is O(1).
 */

const BARS = '▁▂▃▄▅▆▇█';

export interface Sparkline {
	readonly text: string;
	/** The event's column; undefined for an event whose date gives only a bound (not on the line). */
	column(event: TimelineEvent): number | undefined;
}

const cache = new WeakMap<Timeline, {width: number; sparkline: Sparkline}>();

export function sparklineFor(timeline: Timeline, width: number): Sparkline | undefined {
	const {domain} = timeline;
	if (!domain || width < 1) return undefined;
	const hit = cache.get(timeline);
	if (hit?.width === width) return hit.sparkline;
	const span = domain.max - domain.min;
	const column = (event: TimelineEvent) => {
		const at = instantOf(event);
		if (at === undefined) return undefined;
		if (span <= 0) return 0;
		return Math.min(width - 1, Math.max(0, Math.floor(((at - domain.min) / span) * width)));
	};
	const counts = new Uint32Array(width);
	// A run of events on one date at a time: one column for all of them.
	const {runs, datedCount} = timeline;
	for (let r = 0; r < runs.length && (runs[r] as number) < datedCount; r++) {
		const start = runs[r] as number;
		const end = Math.min(runEnd(runs, r, datedCount), datedCount);
		const at = column(timeline.events[start] as TimelineEvent) as number;
		counts[at] = (counts[at] as number) + end - start;
	}
	const max = counts.reduce((a, b) => Math.max(a, b), 0);
	let text = '';
	for (const count of counts) {
		// Any event at all shows as at least the lowest bar; empty columns stay blank.
		text += count === 0 ? ' ' : BARS[Math.max(0, Math.ceil((count / max) * BARS.length) - 1)];
	}
	const sparkline = {text, column};
	cache.set(timeline, {width, sparkline});
	return sparkline;
}
