import type {EdtfPoint} from '../dataset/edtf.js';
import type {Selection} from '../dataset/filter.js';
import type {TimelineEvent} from '../dataset/model.js';

/**
 * The timeline as the list draws it: the selected events in date order, cut into groups (by day,
 * month or year) each with a header row. Built once per selection and grouping; every question the
 * list asks per frame or keystroke (which row is this, where does the next group start) is O(1) or a
 * binary search over typed arrays, so a million events cost the same per keystroke as ten.
 *
 * Rows: group g's header sits at row `groupStart[g] + g`, followed by its events.
 */

export type Grouping = 'day' | 'month' | 'year';

export const GROUPINGS: readonly Grouping[] = ['day', 'month', 'year'];

export interface Timeline {
	readonly selection: Selection;
	readonly events: readonly TimelineEvent[];
	readonly grouping: Grouping;
	/** First event index of each group, then `events.length`. */
	readonly groupStart: Int32Array;
	/** Group of each event. */
	readonly groupOf: Int32Array;
	readonly groupLabels: readonly string[];
	/** Position of an event in `events`, when the selection is not the whole dataset. */
	readonly indexOf: (event: TimelineEvent) => number;
	/** The span the density sparkline covers (ms), and the events at its ends. */
	readonly domain?: {min: number; max: number; first: TimelineEvent; last: TimelineEvent};
}

export function groupCount(timeline: Timeline): number {
	return timeline.groupStart.length - 1;
}

export function rowCount(timeline: Timeline): number {
	return timeline.events.length + groupCount(timeline);
}

export function rowOfEvent(timeline: Timeline, index: number): number {
	return index + (timeline.groupOf[index] ?? 0) + 1;
}

export type Row = {kind: 'header'; group: number} | {kind: 'event'; index: number};

export function rowAt(timeline: Timeline, row: number): Row {
	// The last group whose header row is at or before `row`.
	const {groupStart} = timeline;
	let lo = 0;
	let hi = groupCount(timeline) - 1;
	while (lo < hi) {
		const mid = (lo + hi + 1) >> 1;
		if ((groupStart[mid] as number) + mid <= row) lo = mid;
		else hi = mid - 1;
	}
	const header = (groupStart[lo] as number) + lo;
	return row === header ? {kind: 'header', group: lo} : {kind: 'event', index: row - lo - 1};
}

/** Where a sparkline or date jump places an event: its start, or its end when the start is open. */
export function instantOf(event: TimelineEvent): number {
	return Number.isFinite(event.date.min) ? event.date.min : event.date.max;
}

/** The point that names an event's place in time (its start, or its end for an open start). */
export function anchorOf(event: TimelineEvent): EdtfPoint | undefined {
	const {start, end} = event.date;
	if (typeof start === 'object') return start;
	return typeof end === 'object' ? end : undefined;
}

const DAY_MS = 86_400_000;

/** By day when the events span weeks, by month up to a few years, by year beyond. */
export function autoGrouping(events: readonly TimelineEvent[]): Grouping {
	const first = events.find((event) => Number.isFinite(event.date.min));
	const last = events.at(-1);
	if (!first || !last) return 'day';
	const span = last.date.min - first.date.min;
	if (span <= 62 * DAY_MS) return 'day';
	if (span <= 4 * 366 * DAY_MS) return 'month';
	return 'year';
}

const LEVEL: Record<Grouping, number> = {year: 0, month: 1, day: 2};
const MONTHS = [
	'January',
	'February',
	'March',
	'April',
	'May',
	'June',
	'July',
	'August',
	'September',
	'October',
	'November',
	'December',
];
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/**
 * An event is grouped at the grouping's level or at its own precision, whichever is coarser: a
 * year-precision event under "by day" gets a "2024" header, never a made-up "1 Jan 2024".
 */
function groupKey(event: TimelineEvent, level: number): string {
	const {start} = event.date;
	if (typeof start !== 'object') return 'open';
	const own =
		start.precision === 'year' || start.precision === 'season' ? 0 : start.precision === 'month' ? 1 : 2;
	const at = Math.min(level, own);
	if (at === 0) return `y ${start.year}`;
	if (at === 1) return `m ${start.year} ${start.month}`;
	return `d ${start.year} ${start.month} ${start.day}`;
}

function yearText(year: number): string {
	return year > 0 ? String(year) : `${1 - year} BC`;
}

function groupLabel(key: string): string {
	const [level, y = '0', m = '1', d = '1'] = key.split(' ');
	if (level === 'open') return 'No known start';
	const year = Number(y);
	if (level === 'y') return yearText(year);
	const month = MONTHS[Number(m) - 1] ?? '';
	if (level === 'm') return `${month} ${yearText(year)}`;
	const date = new Date(Date.UTC(2000, Number(m) - 1, Number(d)));
	date.setUTCFullYear(year);
	return `${WEEKDAYS[date.getUTCDay()]} ${Number(d)} ${month.slice(0, 3)} ${yearText(year)}`;
}

export function buildTimeline(selection: Selection, grouping: Grouping, whole: boolean): Timeline {
	const {events} = selection;
	const level = LEVEL[grouping];
	const groupOf = new Int32Array(events.length);
	const starts: number[] = [];
	const labels: string[] = [];
	let previous: string | undefined;
	for (let i = 0; i < events.length; i++) {
		const key = groupKey(events[i] as TimelineEvent, level);
		if (key !== previous) {
			starts.push(i);
			labels.push(groupLabel(key));
			previous = key;
		}
		groupOf[i] = starts.length - 1;
	}
	starts.push(events.length);

	let indexOf: (event: TimelineEvent) => number;
	if (whole) {
		indexOf = (event) => event.index;
	} else {
		const positions = new Map(events.map((event, i) => [event, i]));
		indexOf = (event) => positions.get(event) ?? -1;
	}
	return {
		selection,
		events,
		grouping,
		groupStart: Int32Array.from(starts),
		groupOf,
		groupLabels: labels,
		indexOf,
		domain: domainOf(events),
	};
}

function domainOf(events: readonly TimelineEvent[]): Timeline['domain'] {
	let first: TimelineEvent | undefined;
	let last: TimelineEvent | undefined;
	let min = Number.POSITIVE_INFINITY;
	let max = Number.NEGATIVE_INFINITY;
	for (const event of events) {
		const at = instantOf(event);
		if (!Number.isFinite(at)) continue;
		if (at < min) [min, first] = [at, event];
		if (at >= max) [max, last] = [at, event];
	}
	return first && last ? {min, max, first, last} : undefined;
}

/** First event at or after `instant` (events are ordered by their earliest instant). */
export function firstAtOrAfter(timeline: Timeline, instant: number): number {
	const {events} = timeline;
	let lo = 0;
	let hi = events.length;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if ((events[mid] as TimelineEvent).date.min < instant) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}
