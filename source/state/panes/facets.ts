import {display} from '../display.js';
import {facetItems, facetKey} from '../facets.js';
import {layoutOf, overlayRows} from '../layout.js';
import {keepVisible} from '../list.js';
import type {Pane} from '../pane.js';
import {type CursorAt, cursorScroll} from '../scroll.js';
import {reselect, type State, withPane} from '../state.js';

/** The facet picker: actors, tags and places with their counts; picking one narrows the timeline. */

/** Item rows of the picker: three of its lines go to the kinds' headings. */
export function facetRows(state: State): number {
	return Math.max(1, overlayRows(layoutOf(state)) - 3);
}

export const facetsPane: Pane<CursorAt> = {
	title: 'Filter',
	kind: 'overlay',
	initial: {cursor: 0, top: 0},
	scroll: cursorScroll({
		count: (state) => facetItems(state.base).length,
		rows: facetRows,
		get: (state) => state.panes.facets,
		set: (state, at) => withPane(state, 'facets', at),
	}),
	commands: {
		toggleFacet,
		clearFacets: (state) => applyPicked(state, new Set(), 'all facets cleared'),
	},
};

function toggleFacet(state: State): State {
	const item = facetItems(state.base)[state.panes.facets.cursor];
	if (!item) return state;
	const key = facetKey(item);
	const picked = new Set(state.facets);
	const on = !picked.has(key);
	if (on) picked.add(key);
	else picked.delete(key);
	const name = `${item.kind} ${display(item.label)}`;
	return applyPicked(state, picked, on ? `filter: ${name}` : `cleared: ${name}`);
}

function applyPicked(state: State, facets: ReadonlySet<string>, note: string): State {
	const {timeline, cursor} = reselect(state, state.dataset, state.base, facets);
	const {search} = state;
	const next: State = {
		...state,
		facets,
		timeline,
		cursor,
		detail: {scroll: 0, quote: 0},
		// Results were counted and placed in the old selection: fetch them again.
		search: {...search, generation: search.generation + 1, outcome: undefined, selected: 0, top: 0},
		message: {text: `${note} · ${timeline.events.length} event${timeline.events.length === 1 ? '' : 's'}`},
	};
	return keepVisible({...next, top: 0});
}
