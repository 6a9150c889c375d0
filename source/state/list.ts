import {formatDate} from '../dataset/dates.js';
import {anchorInstant} from '../dataset/edtf.js';
import {eraOf} from '../dataset/eras.js';
import type {Era} from '../dataset/model.js';
import {display} from './display.js';
import {screenLayout, scrollMargin} from './layout.js';
import {rowLines} from './list-columns.js';
import {clamp, pageStep} from './scroll.js';
import type {State} from './state.js';
import {firstAtOrAfter, type Groups, groupCount, instantOf, rowAt, rowCount, rowOfEvent} from './timeline.js';

/** Cursor and scrolling of the timeline list. Every function is O(log n) at most. */

/**
 * Rows the cursor scrolls through: the list's lines but the first, which always shows a group header
 * (the current group's, when its own has scrolled off).
 */
export function listHeight(state: State): number {
	return Math.max(1, screenLayout(state).bodyHeight - 1);
}

/**
 * Scroll just enough to keep the cursor and a margin of context rows on screen. A row is one line but
 * for a date wider than a narrow list (it wraps): then the lines below the top are counted too, over
 * the rows on screen only.
 */
export function keepVisible(state: State, top = state.top): State {
	const {timeline} = state;
	const height = listHeight(state);
	let next = visibleTop(timeline, state.cursor, top, height);
	const layout = screenLayout(state);
	if (timeline.events.length > 0 && !layout.tooSmall) {
		const row = rowOfEvent(timeline, state.cursor);
		const last = Math.min(rowCount(timeline) - 1, row + scrollMargin(height));
		let lines = 0;
		for (let r = next; r <= last; r++) lines += rowLines(timeline, r, layout.listWidth);
		while (lines > height && next < row) lines -= rowLines(timeline, next++, layout.listWidth);
	}
	return next === state.top ? state : {...state, top: next};
}

/**
 * The first row on screen of a grouped list (the timeline, the quotes view) that shows the item at
 * `cursor` with a margin of context rows, moved as little as possible from `top`.
 */
export function visibleTop(groups: Groups, cursor: number, top: number, height: number): number {
	let next = top;
	if (rowCount(groups) > groupCount(groups)) {
		const row = rowOfEvent(groups, cursor);
		const margin = scrollMargin(height);
		if (row - margin < next) next = row - margin;
		if (row + margin > next + height - 1) next = row + margin - height + 1;
	}
	return clamp(next, 0, Math.max(0, rowCount(groups) - height));
}

/** Move the cursor to an event; the detail follows it from its top. */
export function setCursor(state: State, index: number, top = state.top): State {
	const last = state.timeline.events.length - 1;
	const cursor = last < 0 ? 0 : clamp(index, 0, last);
	const moved = cursor !== state.cursor;
	const next: State = moved ? {...state, cursor, detail: {scroll: 0, quote: 0}} : state;
	return keepVisible(next, top);
}

/** The item on `row`, or the nearest one in direction `dir` when the row is a group header. */
function itemNearRow(groups: Groups, row: number, dir: 1 | -1): number {
	const total = rowCount(groups);
	const at = rowAt(groups, clamp(row, 0, total - 1));
	if (at.kind === 'event') return at.index;
	const start = groups.groupStart[at.group] as number;
	return dir > 0 || at.group === 0 ? start : start - 1;
}

/**
 * A page down or up in a grouped list: where the cursor lands and the top the view scrolls to. The
 * view scrolls with the cursor, as in less: what was on the last line is now near the top.
 */
export function pageIn(
	groups: Groups,
	at: {cursor: number; top: number},
	height: number,
	dir: 1 | -1,
	half = false,
): {cursor: number; top: number} {
	const step = pageStep(height, half);
	const row = rowOfEvent(groups, at.cursor) + dir * step;
	return {cursor: itemNearRow(groups, row, dir), top: at.top + dir * step};
}

export function page(state: State, dir: 1 | -1, half = false): State {
	const {timeline} = state;
	if (timeline.events.length === 0) return state;
	const to = pageIn(timeline, state, listHeight(state), dir, half);
	return setCursor(state, to.cursor, to.top);
}

export function groupJump(state: State, dir: 1 | -1): State {
	const {timeline, cursor} = state;
	if (timeline.events.length === 0) return state;
	const group = timeline.groupOf[cursor] as number;
	const start = timeline.groupStart[group] as number;
	if (dir > 0) {
		if (group + 1 >= groupCount(timeline)) return {...state, message: {text: 'no later group'}};
		return setCursor(state, timeline.groupStart[group + 1] as number);
	}
	if (cursor > start) return setCursor(state, start);
	if (group === 0) return {...state, message: {text: 'no earlier group'}};
	return setCursor(state, timeline.groupStart[group - 1] as number);
}

/** Keep the cursor's row at the same place on screen after the rows above it changed. */
export function keepRowOnScreen(before: State, after: State): State {
	if (after.timeline.events.length === 0) return {...after, cursor: 0, top: 0};
	const offset =
		before.timeline.events.length > 0 ? rowOfEvent(before.timeline, before.cursor) - before.top : 0;
	return setCursor(after, after.cursor, rowOfEvent(after.timeline, after.cursor) - offset);
}

/**
 * `e` / `E`: the first event of the next era, or of this era (then the previous one). Eras holding
 * no event of the timeline are passed over; from the events without a date, `E` goes to the last era.
 */
export function eraJump(state: State, dir: 1 | -1): State {
	const {dataset, timeline, cursor} = state;
	const {eras} = dataset;
	if (eras.length === 0) return {...state, message: {text: 'this timeline has no eras'}};
	const event = timeline.events[cursor];
	const here = event && eraOf(eras, event);
	const at = event && instantOf(event);
	const firstIn = (era: Era) => {
		const index = firstAtOrAfter(timeline, era.date.min);
		const first = timeline.events[index];
		return index < timeline.datedCount && first && anchorInstant(first.date) <= era.date.max ? index : -1;
	};
	const position = here ? eras.indexOf(here) : -1;
	let candidates: Era[];
	if (dir > 0) {
		candidates = here
			? eras.slice(position + 1)
			: eras.filter((era) => at !== undefined && era.date.min > at);
	} else {
		const start = here ? firstIn(here) : -1;
		if (here && start >= 0 && start < cursor) return landOn(state, start, here);
		candidates = (
			here ? eras.slice(0, position) : eras.filter((era) => at === undefined || era.date.max < at)
		).reverse();
	}
	for (const era of candidates) {
		const index = firstIn(era);
		if (index >= 0) return landOn(state, index, era);
	}
	return {...state, message: {text: dir > 0 ? 'no later era' : 'no earlier era'}};
}

function landOn(state: State, index: number, era: Era): State {
	return {
		...setCursor(state, index),
		message: {text: `era: ${display(era.title)} (${formatDate(era.date)})`},
	};
}

/**
 * The cursor onto the next of `positions` (ascending timeline positions) after it, or with `dir` -1
 * the one before it, wrapping at the ends: n/N through search hits, u/U through marks.
 */
export function stepAmong(
	state: State,
	positions: Int32Array,
	dir: 1 | -1,
): {state: State; index: number; wrapped: boolean} {
	let index = -1;
	if (dir > 0) {
		index = positions.findIndex((position) => position > state.cursor);
	} else {
		for (let i = positions.length - 1; i >= 0; i--) {
			if ((positions[i] as number) < state.cursor) {
				index = i;
				break;
			}
		}
	}
	const wrapped = index < 0;
	if (wrapped) index = dir > 0 ? 0 : positions.length - 1;
	return {state: setCursor(state, positions[index] as number), index, wrapped};
}

/** `event 2 of 5 with a match (wrapped to the top)`: where a step through `positions` landed. */
export function stepMessage(
	step: {index: number; wrapped: boolean},
	count: number,
	what: string,
	dir: 1 | -1,
): string {
	const where = `event ${step.index + 1} of ${count} ${what}`;
	return step.wrapped ? `${where} (wrapped to the ${dir > 0 ? 'top' : 'bottom'})` : where;
}
