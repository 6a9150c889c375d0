import {screenLayout} from '../layout.js';
import {eraJump, groupJump, keepRowOnScreen, keepVisible, listHeight, page, setCursor} from '../list.js';
import {rowsOnScreen} from '../list-columns.js';
import {stepMark} from '../marks.js';
import type {Pane} from '../pane.js';
import {clearSearch, hitHighlight, stepHit} from '../search.js';
import {type State, timelineFor} from '../state.js';
import {GROUPING_NAMES, nextGrouping} from '../timeline.js';

/** The timeline: every selected event in date order, grouped by day, month, year … The home view. */
export const timelinePane: Pane = {
	title: 'Timeline',
	kind: 'list',
	item: 'event',
	scroll: {
		rows: listHeight,
		move: (state, by) => setCursor(state, state.cursor + by),
		page: (state, dir, half) => page(state, dir, half),
		edge: (state, end) => setCursor(state, end === 'first' ? 0 : state.timeline.events.length - 1),
		clamp: (state) => keepVisible(state),
	},
	position: (state) => {
		const total = state.timeline.events.length;
		return total === 0 ? '0/0' : `${state.cursor + 1}/${total}`;
	},
	subject: (state) => {
		const event = state.timeline.events[state.cursor];
		if (!event) return undefined;
		const subject = {kind: 'event', event} as const;
		return {subject, highlight: hitHighlight(state, subject)};
	},
	click: (state, line) => {
		const layout = screenLayout(state);
		const rows = rowsOnScreen(state.timeline, state.top, layout.listWidth, layout.bodyHeight);
		const at = rows.findLast((on) => on.line <= line)?.row;
		if (at?.kind !== 'event') return undefined;
		return {state: setCursor(state, at.index), again: at.index === state.cursor};
	},
	commands: {
		group: (state, command) => groupJump(state, command.dir),
		hit: (state, command) => stepHit(state, command.dir),
		stepMark: (state, command) => stepMark(state, command.dir),
		cycleGrouping,
		clearSearch,
		era: (state, command) => eraJump(state, command.dir),
	},
};

function cycleGrouping(state: State): State {
	const grouping = nextGrouping(state.timeline);
	const timeline = timelineFor(state.dataset, state.timeline.selection, grouping, isWholeTimeline(state));
	return {
		...keepRowOnScreen(state, {...state, grouping, timeline}),
		message: {text: `grouped by ${GROUPING_NAMES[grouping]}`},
	};
}

function isWholeTimeline(state: State): boolean {
	return state.timeline.selection.events === state.dataset.events;
}
