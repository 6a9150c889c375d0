import type {Clicked, Scroll} from './pane.js';
import type {State} from './state.js';

/**
 * The two ways a pane scrolls, written once: a cursor over items (the facet picker, search results,
 * any list pane to come) and a view over lines of text (the detail, the help). A pane says how many
 * there are, how many fit, and where its position is kept; moving, paging, the ends and clamping
 * follow.
 */

export function clamp(value: number, min: number, max: number): number {
	return Math.max(min, Math.min(max, value));
}

export interface CursorAt {
	readonly cursor: number;
	/** First item on screen. */
	readonly top: number;
}

export function cursorScroll(spec: {
	count(state: State): number;
	rows(state: State): number;
	get(state: State): CursorAt;
	/** Called only when the position changed. */
	set(state: State, at: CursorAt): State;
}): Scroll {
	const to = (state: State, index: number): State => {
		const count = spec.count(state);
		const rows = spec.rows(state);
		const now = spec.get(state);
		let next: CursorAt = {cursor: 0, top: 0};
		if (count > 0) {
			const cursor = clamp(index, 0, count - 1);
			let top = now.top;
			if (cursor < top) top = cursor;
			if (cursor > top + rows - 1) top = cursor - rows + 1;
			next = {cursor, top: clamp(top, 0, Math.max(0, count - rows))};
		}
		return next.cursor === now.cursor && next.top === now.top ? state : spec.set(state, next);
	};
	return {
		rows: spec.rows,
		move: (state, by) => to(state, spec.get(state).cursor + by),
		page: (state, dir, half) => {
			const rows = spec.rows(state);
			return to(state, spec.get(state).cursor + dir * (half ? Math.max(1, Math.floor(rows / 2)) : rows));
		},
		edge: (state, end) => to(state, end === 'first' ? 0 : spec.count(state) - 1),
		clamp: (state) => to(state, spec.get(state).cursor),
	};
}

/** A page of text keeps one line of the last page in view (half a page moves half). */
export function pageStep(rows: number, half = false): number {
	return Math.max(1, half ? Math.floor(rows / 2) : rows - 1);
}

export function viewScroll(spec: {
	rows(state: State): number;
	/** First line on screen. */
	top(state: State): number;
	/** Scroll so `top` is the first line on screen, within bounds. */
	to(state: State, top: number): State;
}): Scroll {
	return {
		rows: spec.rows,
		move: (state, by) => spec.to(state, spec.top(state) + by),
		page: (state, dir, half) => spec.to(state, spec.top(state) + dir * pageStep(spec.rows(state), half)),
		edge: (state, end) => spec.to(state, end === 'first' ? 0 : Number.POSITIVE_INFINITY),
		clamp: (state) => spec.to(state, spec.top(state)),
	};
}

/** A click on item `index` of a list with a cursor: select it; `again` when it was selected already. */
export function clickItem(
	scroll: Scroll,
	state: State,
	at: {readonly cursor: number; readonly count: number},
	index: number,
): Clicked | undefined {
	if (index < 0 || index >= at.count) return undefined;
	return {state: scroll.move(state, index - at.cursor), again: index === at.cursor};
}
