import {formatDate} from '../dataset/dates.js';
import type {TimelineEvent} from '../dataset/model.js';
import {cellWidth, wrapCells} from '../text/cells.js';
import {type Row, rowAt, rowCount, type Timeline} from './timeline.js';

/**
 * How a timeline row shares the list's width: the cursor marker, the date, the title, the quote count
 * and who (the actors, else the speakers). Dates are never cut: the column is as wide as the widest date
 * of the timeline and on screen, a date wider than the column (on a narrow terminal) takes the title's
 * room on its row, and one wider than the whole row wraps onto a second line. The title is served
 * first, then who gets a column (when the timeline names anyone), then the title takes the rest: every
 * column is a non-decreasing function of the width, so a wider terminal never shows less of a title.
 */

export interface ListColumns {
	readonly width: number;
	readonly date: number;
	readonly title: number;
	readonly count: number;
	/** 0 when there is no room for it. */
	readonly who: number;
}

export const MARKER = 2;
export const GAP = 2;
const COUNT = 4;
/** A title never gets less than this beside a date (a longer date then takes the title's room). */
const MIN_TITLE = 10;
/** Cells the title gets before who has a column. */
const TITLE_FIRST = 26;
const WHO_MIN = 8;
const WHO_MAX = 24;

const labels = new WeakMap<TimelineEvent, string>();

/** The list's date for an event (formatted once). */
export function dateLabel(event: TimelineEvent): string {
	let label = labels.get(event);
	if (label === undefined) {
		label = formatDate(event.date);
		labels.set(event, label);
	}
	return label;
}

const widths = new WeakMap<readonly TimelineEvent[], number>();

/** The widest date of the timeline's events, every one of them: a run of events shares its date. */
export function widestDate(timeline: Timeline): number {
	const {events, runs} = timeline;
	let width = widths.get(events);
	if (width === undefined) {
		width = 4;
		for (let r = 0; r < runs.length; r++)
			width = Math.max(width, (events[runs[r] as number] as TimelineEvent).dateWidth);
		widths.set(events, width);
	}
	return width;
}

const RANGE = ' – ';

/**
 * The date of an event row as lines: one, unless the date is wider than the row at `width`; then a
 * range breaks after its dash when both ends fit, other dates between words.
 */
export function dateLines(event: TimelineEvent, width: number): string[] {
	const label = dateLabel(event);
	const room = width - MARKER;
	if (cellWidth(label) <= room) return [label];
	const dash = label.indexOf(RANGE);
	if (dash > 0) {
		const ends = [label.slice(0, dash + 2), label.slice(dash + RANGE.length)];
		if (ends.every((end) => cellWidth(end) <= room)) return ends;
	}
	return wrapCells(label, room);
}

/** Lines a row of the timeline takes at `width`: a header one, an event one or more (`dateLines`). */
export function rowLines(timeline: Timeline, row: number, width: number): number {
	const at = rowAt(timeline, row);
	return at.kind === 'header' ? 1 : dateLines(timeline.events[at.index] as TimelineEvent, width).length;
}

/** A row the list draws, and the line of the list it starts on. */
export interface RowOnScreen {
	readonly row: Row;
	readonly line: number;
}

/**
 * The rows the timeline list draws from row `top` in `height` lines at `width`. The first is always a
 * group header: the current group's when its own has scrolled off (then it is not `top`). The view
 * draws these and a click reads them back, so the two agree on tall rows and the sticky header.
 */
export function rowsOnScreen(timeline: Timeline, top: number, width: number, height: number): RowOnScreen[] {
	if (timeline.events.length === 0) return [];
	const rows: RowOnScreen[] = [];
	const first = rowAt(timeline, top);
	if (first.kind === 'event')
		rows.push({row: {kind: 'header', group: timeline.groupOf[first.index] as number}, line: 0});
	let line = rows.length;
	for (let r = top; r < rowCount(timeline) && line < height; r++) {
		rows.push({row: rowAt(timeline, r), line});
		line += rowLines(timeline, r, width);
	}
	return rows;
}

const cache = new WeakMap<Timeline, ListColumns[]>();
const named = new WeakMap<Timeline, boolean>();

/** Whether any event of the timeline has someone to show in the who column (read once a timeline). */
function hasWho(timeline: Timeline): boolean {
	let found = named.get(timeline);
	if (found === undefined) {
		found = timeline.events.some((event) => event.actors.length > 0 || event.quotes.length > 0);
		named.set(timeline, found);
	}
	return found;
}

/**
 * The columns at `width` for a timeline whose widest date on screen is `shown` cells. One object per
 * timeline, width and date width, so rows memoised on it see unchanged props between frames.
 */
export function listColumns(timeline: Timeline, width: number, shown = 0): ListColumns {
	const date = Math.max(
		4,
		Math.min(Math.max(widestDate(timeline), shown), width - MARKER - GAP - COUNT - MIN_TITLE),
	);
	const known = cache.get(timeline) ?? [];
	const hit = known.find((columns) => columns.width === width && columns.date === date);
	if (hit) return hit;
	const room = Math.max(0, width - MARKER - date - GAP - COUNT);
	let who = 0;
	// A timeline that names no one (no actors, no speakers) gives who's column to the titles.
	let title = hasWho(timeline) ? Math.min(room, TITLE_FIRST) : room;
	if (hasWho(timeline) && room >= TITLE_FIRST + GAP + WHO_MIN) {
		who = Math.min(WHO_MAX, room - TITLE_FIRST - GAP);
		title = room - GAP - who;
	}
	const columns: ListColumns = {width, date, title, count: COUNT, who};
	cache.set(timeline, [columns, ...known.slice(0, 3)]);
	return columns;
}
