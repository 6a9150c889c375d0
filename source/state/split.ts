import {detailColumns, MIN_DETAIL, SHARE_STEP, screenLayout, WIDE_COLUMNS} from './layout.js';
import type {State} from './state.js';

/**
 * The split between the list and the detail beside it, as the person sets it for the session: wider
 * or narrower by a step, or the detail hidden (the list then takes the whole width).
 */

export function resizeSplit(state: State, dir: 1 | -1): State {
	if (state.size.columns < WIDE_COLUMNS) {
		return {...state, message: {text: `the detail sits beside the list from ${WIDE_COLUMNS} columns`}};
	}
	const {columns} = screenLayout(state);
	const split = {...state.split, hidden: false};
	const now = detailColumns(columns, split);
	const share = Math.max(MIN_DETAIL / columns, now / columns + dir * SHARE_STEP);
	const next = {...split, share};
	const width = detailColumns(columns, next);
	if (width === now && !state.split.hidden) {
		return {...state, message: {text: `the detail is as ${dir > 0 ? 'wide' : 'narrow'} as it goes`}};
	}
	return {...state, split: next, message: {text: `detail ${width} columns, list ${columns - width}`}};
}

export function toggleDetail(state: State): State {
	const hidden = !state.split.hidden;
	const next: State = {...state, split: {...state.split, hidden}};
	if (state.size.columns < WIDE_COLUMNS) {
		return {
			...next,
			message: {text: hidden ? 'detail hidden beside the list' : 'detail shown beside the list'},
		};
	}
	const open = state.keymap.keysFor(state.view, {type: 'openDetail'});
	return {
		...next,
		message: {text: hidden ? `detail hidden${open ? `: ${open} opens it` : ''}` : 'detail beside the list'},
		focus: hidden ? 'list' : state.focus,
	};
}
