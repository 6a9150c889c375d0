import {weekday} from '../dataset/calendar.js';
import {countText, MONTHS, type Reference, undatedHeading, yearsAgoText, yearText} from '../dataset/dates.js';
import type {Anchor, BoundDate, EdtfDate} from '../dataset/edtf.js';
import type {Selection} from '../dataset/filter.js';
import type {TimelineEvent} from '../dataset/model.js';

/**
 * The timeline as the list draws it: the selected events in date order, cut into groups (by day,
 * month, year … up to hundreds of millions of years) each with a header row. Events whose date gives
 * only a bound ("by 2 Jan 2026") come after the dated timeline in groups of their own. Built once per
 * selection and grouping; every question the list asks per frame or keystroke (which row is this,
 * where does the next group start) is O(1) or a binary search over typed arrays, so a million events
 * cost the same per keystroke as ten.
 *
 * Rows: group g's header sits at row `groupStart[g] + g`, followed by its events.
 */

export type Grouping = 'day' | 'month' | 'year' | 'decade' | 'century' | 'millennium' | 'million' | 'billion';

/** Finest first; `z` steps through them. */
export const GROUPINGS: readonly Grouping[] = [
	'day',
	'month',
	'year',
	'decade',
	'century',
	'millennium',
	'million',
	'billion',
];

/** How the header and messages name a grouping: "by day", "by million years". */
export const GROUPING_NAMES: Record<Grouping, string> = {
	day: 'day',
	month: 'month',
	year: 'year',
	decade: 'decade',
	century: 'century',
	millennium: 'millennium',
	million: 'million years',
	billion: '100 million years',
};

/** Years per group for the groupings by year and coarser ("billion" groups by 0.1 billion: 13.8, 13.7 …). */
const YEARS: Partial<Record<Grouping, number>> = {
	year: 1,
	decade: 10,
	century: 100,
	millennium: 1000,
	million: 1e6,
	billion: 1e8,
};

/** What a group holds, as a value: the list compares keys to cut groups and names each from its key. */
export type GroupKey =
	| {readonly kind: 'day'; readonly year: number; readonly month: number; readonly day: number}
	| {readonly kind: 'month'; readonly year: number; readonly month: number}
	/** `size` years from `year` (astronomical), for a year, or years counted back from year 1 (BC). */
	| {readonly kind: 'years'; readonly size: number; readonly year: number}
	/** Calendar blocks (decades …) counted in the numbering of their era: 1990s, 490s BC. */
	| {readonly kind: 'block'; readonly size: number; readonly start: number; readonly bc: boolean}
	/** Blocks of years counted back from year 1, for the deep groupings: 13.8 billion years ago. */
	| {readonly kind: 'ago'; readonly size: number; readonly start: number}
	| {readonly kind: 'undated'; readonly date: BoundDate}
	| {readonly kind: 'none'};

export interface Timeline {
	readonly selection: Selection;
	readonly events: readonly TimelineEvent[];
	readonly grouping: Grouping;
	/** Events with a place in time; the ones after them give only a bound. */
	readonly datedCount: number;
	/** First event index of each group, then `events.length`. */
	readonly groupStart: Int32Array;
	/** Group of each event. */
	readonly groupOf: Int32Array;
	readonly groupKeys: readonly GroupKey[];
	readonly groupLabels: readonly string[];
	/** Where each run of events that share a date starts (`runsOf`). */
	readonly runs: Uint32Array;
	/** Position of an event in `events`, when the selection is not the whole dataset. */
	readonly indexOf: (event: TimelineEvent) => number;
	/** The span the density sparkline covers (ms), and the dated events at its ends. */
	readonly domain?: {min: number; max: number; first: TimelineEvent; last: TimelineEvent};
}

/** Items (events, or the quotes of the quotes view) cut into groups, each drawn under a header row. */
export interface Groups {
	/** First item of each group, then the number of items. */
	readonly groupStart: Int32Array;
	/** Group of each item. */
	readonly groupOf: Int32Array;
}

export function groupCount(groups: Groups): number {
	return groups.groupStart.length - 1;
}

/** Rows: the items and a header per group. */
export function rowCount(groups: Groups): number {
	return (groups.groupStart.at(-1) ?? 0) + groupCount(groups);
}

export function rowOfEvent(groups: Groups, index: number): number {
	return index + (groups.groupOf[index] ?? 0) + 1;
}

export type Row = {kind: 'header'; group: number} | {kind: 'event'; index: number};

/** The row `row`: a group's header, or the item (`index`, an event's for the timeline) under it. */
export function rowAt(groups: Groups, row: number): Row {
	// The last group whose header row is at or before `row`.
	const {groupStart} = groups;
	let lo = 0;
	let hi = groupCount(groups) - 1;
	while (lo < hi) {
		const mid = (lo + hi + 1) >> 1;
		if ((groupStart[mid] as number) + mid <= row) lo = mid;
		else hi = mid - 1;
	}
	const header = (groupStart[lo] as number) + lo;
	return row === header ? {kind: 'header', group: lo} : {kind: 'event', index: row - lo - 1};
}

/** Where the sparkline and date jumps place an event; undefined when its date gives only a bound. */
export function instantOf(event: TimelineEvent): number | undefined {
	const {anchor} = event;
	return anchor.bound ? undefined : anchor.instant;
}

const DAY_MS = 86_400_000;
const YEAR_MS = 365.2425 * DAY_MS;

/** The grouping that cuts the dated span into a readable number of groups. */
export function autoGrouping(events: readonly TimelineEvent[]): Grouping {
	const first = events[0];
	const last = events[datedCountOf(events) - 1];
	if (!first || !last || first.anchor.bound) return 'day';
	const span = last.anchor.instant - first.anchor.instant;
	if (span <= 62 * DAY_MS) return 'day';
	if (span <= 4 * 366 * DAY_MS) return 'month';
	if (span <= 50 * YEAR_MS) return 'year';
	if (span <= 500 * YEAR_MS) return 'decade';
	if (span <= 5000 * YEAR_MS) return 'century';
	if (span <= 500_000 * YEAR_MS) return 'millennium';
	if (span <= 500e6 * YEAR_MS) return 'million';
	return 'billion';
}

/** `z`: the next coarser grouping, back to days once the dated events are all in one group. */
export function nextGrouping(timeline: Timeline): Grouping {
	const at = GROUPINGS.indexOf(timeline.grouping);
	const dated = timeline.datedCount === 0 ? 0 : (timeline.groupOf[timeline.datedCount - 1] as number) + 1;
	if (at === GROUPINGS.length - 1 || dated <= 1) return 'day';
	return GROUPINGS[at + 1] as Grouping;
}

/** Rank of a grouping, and of the precision of a point (an event is grouped no finer than it is known). */
const RANK: Record<Grouping, number> = {
	day: 0,
	month: 1,
	year: 2,
	decade: 3,
	century: 4,
	millennium: 5,
	million: 6,
	billion: 7,
};

function ownRank(anchor: Anchor): number {
	if (anchor.precision === 'month') return RANK.month;
	// `201X` is known to the decade, `19XX` to the century.
	if (anchor.precision === 'year' || anchor.precision === 'season')
		return RANK.year + anchor.unspecifiedYearDigits;
	return RANK.day;
}

/**
 * A date is grouped at the grouping's level or at its own precision, whichever is coarser; `date`
 * is read only for a bound, which its group names.
 */
function groupKey(
	anchor: Anchor | undefined,
	date: () => EdtfDate | undefined,
	grouping: Grouping,
): GroupKey {
	if (!anchor) return {kind: 'none'};
	if (anchor.bound) return {kind: 'undated', date: date() as BoundDate};
	if (Number.isNaN(anchor.instant)) return {kind: 'none'};
	const rank = Math.max(RANK[grouping], ownRank(anchor));
	const level = GROUPINGS[rank] as Grouping;
	const {year} = anchor;
	if (level === 'day') return {kind: 'day', year, month: anchor.month ?? 1, day: anchor.day ?? 1};
	if (level === 'month') return {kind: 'month', year, month: anchor.month ?? 1};
	const size = YEARS[level] as number;
	if (size === 1) return {kind: 'years', size, year};
	const bc = 1 - year;
	if (level === 'million' || level === 'billion') {
		// Counted back from year 1; the years since it, up to one group's size, join the last group.
		if (year >= size) return {kind: 'block', size, start: Math.floor(year / size) * size, bc: false};
		return {kind: 'ago', size, start: bc > 0 ? Math.floor(bc / size) * size : 0};
	}
	return year > 0
		? {kind: 'block', size, start: Math.floor(year / size) * size, bc: false}
		: {kind: 'block', size, start: Math.floor(bc / size) * size, bc: true};
}

function sameKey(a: GroupKey, b: GroupKey): boolean {
	switch (a.kind) {
		case 'day':
			return b.kind === 'day' && a.year === b.year && a.month === b.month && a.day === b.day;
		case 'month':
			return b.kind === 'month' && a.year === b.year && a.month === b.month;
		case 'years':
			return b.kind === 'years' && a.year === b.year;
		case 'block':
			return b.kind === 'block' && a.size === b.size && a.start === b.start && a.bc === b.bc;
		case 'ago':
			return b.kind === 'ago' && a.size === b.size && a.start === b.start;
		case 'undated':
			return (
				b.kind === 'undated' &&
				a.date.kind === b.date.kind &&
				a.date.point.min === b.date.point.min &&
				a.date.point.max === b.date.point.max
			);
		case 'none':
			return b.kind === 'none';
	}
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

function groupLabel(key: GroupKey, reference: Reference | undefined): string {
	switch (key.kind) {
		case 'day': {
			const month = MONTHS[key.month - 1]?.slice(0, 3) ?? '';
			const day = WEEKDAYS[weekday(key.year, key.month, key.day)];
			return `${day} ${key.day} ${month} ${yearText(key.year)}`;
		}
		case 'month':
			return `${MONTHS[key.month - 1] ?? ''} ${yearText(key.year)}`;
		case 'years':
			return yearText(key.year);
		case 'block':
			return blockLabel(key.size, key.start, key.bc);
		case 'ago':
			return yearsAgoText(key.start, key.size);
		case 'undated':
			return undatedHeading(key.date, reference);
		case 'none':
			return 'No known date';
	}
}

/** `1990s`, `1900s`, `1000–1999`; `490s BC`, `1999–1000 BC`; the first block of each era as a range. */
function blockLabel(size: number, start: number, bc: boolean): string {
	const first = Math.max(start, 1);
	const last = start + size - 1;
	const suffix = bc ? ' BC' : '';
	if (bc && start >= 1e6) return yearText(1 - start);
	if (start === 0 || size >= 1000) {
		return bc
			? `${countText(last)}–${countText(first)}${suffix}`
			: `${countText(first)}–${countText(last)}${suffix}`;
	}
	return `${countText(start)}s${suffix}`;
}

/**
 * Where each run of items that share a date starts: `dateOf` gives one object per date (an event's
 * anchor, a quote's date). Counting and grouping go run by run: an archive's events mostly share
 * their date with the one before.
 */
export function runsOf<T>(items: readonly T[], dateOf: (item: T) => object | undefined): Uint32Array {
	const starts: number[] = [];
	let previous: object | undefined;
	for (let i = 0; i < items.length; i++) {
		const date = dateOf(items[i] as T);
		if (i === 0 || date !== previous) starts.push(i);
		previous = date;
	}
	return Uint32Array.from(starts);
}

/** Where run `r` of `runs` (runsOf) ends, among `count` items. */
export function runEnd(runs: Uint32Array, r: number, count: number): number {
	return r + 1 < runs.length ? (runs[r + 1] as number) : count;
}

/**
 * Cut items in time order into groups by their dates' anchors (`anchorOf`; none for an item without a
 * date), each with its key and its header's label, a run of items sharing a date at a time (`runs`:
 * runsOf). `dateOf` is read only for dates that give a bound.
 */
export function groupByDate<T>(
	items: readonly T[],
	runs: Uint32Array,
	anchorOf: (item: T) => Anchor | undefined,
	dateOf: (item: T) => EdtfDate | undefined,
	grouping: Grouping,
	reference?: Reference,
): Groups & {readonly keys: readonly GroupKey[]; readonly labels: readonly string[]} {
	const groupOf = new Int32Array(items.length);
	const starts: number[] = [];
	const keys: GroupKey[] = [];
	let previous: GroupKey | undefined;
	for (let r = 0; r < runs.length; r++) {
		const start = runs[r] as number;
		const item = items[start] as T;
		const key = groupKey(anchorOf(item), () => dateOf(item), grouping);
		if (!previous || !sameKey(key, previous)) {
			starts.push(start);
			keys.push(key);
			previous = key;
		}
		groupOf.fill(starts.length - 1, start, runEnd(runs, r, items.length));
	}
	starts.push(items.length);
	return {
		groupStart: Int32Array.from(starts),
		groupOf,
		keys,
		labels: keys.map((key) => groupLabel(key, reference)),
	};
}

/** `runs`: runsOf the selection's events, which the dataset has ready for all of them (dateRuns). */
export function buildTimeline(
	selection: Selection,
	grouping: Grouping,
	whole: boolean,
	reference?: Reference,
	runs = runsOf(selection.events, (event) => event.anchor),
): Timeline {
	const {events} = selection;
	const groups = groupByDate(
		events,
		runs,
		(event) => event.anchor,
		(event) => event.date,
		grouping,
		reference,
	);

	let indexOf: (event: TimelineEvent) => number;
	if (whole) {
		indexOf = (event) => event.index;
	} else {
		const positions = new Map(events.map((event, i) => [event, i]));
		indexOf = (event) => positions.get(event) ?? -1;
	}
	const datedCount = datedCountOf(events);
	return {
		selection,
		events,
		grouping,
		datedCount,
		groupStart: groups.groupStart,
		groupOf: groups.groupOf,
		groupKeys: groups.keys,
		groupLabels: groups.labels,
		runs,
		indexOf,
		domain: domainOf(events, datedCount),
	};
}

/** Events are in timeline order, so the ones that give only a bound are the tail. */
function datedCountOf(events: readonly TimelineEvent[]): number {
	let lo = 0;
	let hi = events.length;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if ((events[mid] as TimelineEvent).anchor.bound) hi = mid;
		else lo = mid + 1;
	}
	return lo;
}

function domainOf(events: readonly TimelineEvent[], datedCount: number): Timeline['domain'] {
	const first = events[0];
	const last = events[datedCount - 1];
	if (datedCount === 0 || !first || !last) return undefined;
	return {min: first.anchor.instant, max: last.anchor.instant, first, last};
}

/** First dated event placed at or after `instant`; `datedCount` when there is none. */
export function firstAtOrAfter(timeline: Timeline, instant: number): number {
	const {events} = timeline;
	let lo = 0;
	let hi = timeline.datedCount;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if ((events[mid] as TimelineEvent).anchor.instant < instant) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}
