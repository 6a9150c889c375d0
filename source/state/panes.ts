import type {Shown} from './detail.js';
import type {AnyPane} from './pane.js';
import {datePane} from './panes/date.js';
import {detailPane} from './panes/detail.js';
import {exportPane} from './panes/export.js';
import {facetFilterPane, facetsPane} from './panes/facets.js';
import {helpPane} from './panes/help.js';
import {marksPane} from './panes/marks.js';
import {problemsPane} from './panes/problems.js';
import {quotesPane} from './panes/quotes.js';
import {searchPane} from './panes/search.js';
import {timelinePane} from './panes/timeline.js';
import type {State} from './state.js';

/**
 * Every pane, by mode: the one place that names them all. The order is the help's. Its views are in
 * `ui/views.tsx`, its keys in `keymap.ts`. Panes never import this file (they are imported by it);
 * the detail, which shows another pane's selection, is handed `listOf` instead.
 */
export const PANES = {
	timeline: timelinePane,
	detail: detailPane(listOf),
	search: searchPane,
	marks: marksPane,
	quotes: quotesPane,
	problems: problemsPane,
	date: datePane,
	export: exportPane,
	facets: facetsPane,
	facetFilter: facetFilterPane,
	help: helpPane,
};

export type Mode = keyof typeof PANES;

/** The view the explorer opens on, and where closing another list view goes back to. */
export const HOME: Mode = 'timeline';

type OwnOf<M extends Mode> = Exclude<(typeof PANES)[M]['initial'], undefined>;

/** The own state of each pane that has one. */
export type PaneStates = {readonly [M in Mode as [OwnOf<M>] extends [never] ? never : M]: OwnOf<M>};

export function initialPaneStates(): PaneStates {
	const entries = Object.entries(PANES).filter(([, pane]) => pane.initial !== undefined);
	return Object.fromEntries(entries.map(([mode, pane]) => [mode, pane.initial])) as PaneStates;
}

/** The list pane on the main screen. */
function listOf(state: State): AnyPane {
	return PANES[state.view];
}

/** What the detail shows: the selection of the list pane that is the view. */
export function subjectOf(state: State): Shown | undefined {
	return listOf(state).subject?.(state);
}
