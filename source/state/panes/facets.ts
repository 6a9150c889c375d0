import {foldText} from '../../search/fold.js';
import {display} from '../display.js';
import {type FacetItem, type FacetKind, facetItems, type PickedFacets} from '../facets.js';
import {overlayRows, screenLayout} from '../layout.js';
import {keepVisible} from '../list.js';
import type {Pane, Scroll} from '../pane.js';
import {cursorScroll} from '../scroll.js';
import {reselect, type State, withPane} from '../state.js';

/**
 * The facet picker: actors, tags and places with their counts; picking one narrows the timeline. `/`
 * filters the names as fzf does (the typed letters in order, anywhere in the name, accents and case
 * folded; names that hold them together first), Tab and Shift-Tab jump between the kinds.
 */

export interface FacetPicker {
	readonly cursor: number;
	/** First item on screen. */
	readonly top: number;
	/** What the names are filtered by, as typed. */
	readonly filter: string;
	readonly caret: number;
}

const START: FacetPicker = {cursor: 0, top: 0, filter: '', caret: 0};

/** Item rows of the picker: its title line and the kinds' three headings take the rest. */
export function facetRows(state: State): number {
	return Math.max(1, overlayRows(screenLayout(state)) - 3);
}

export const FACET_KINDS: readonly FacetKind[] = ['actor', 'tag', 'place'];

const shownCache = new WeakMap<readonly FacetItem[], {filter: string; items: readonly FacetItem[]}>();

/** The items the filter lets through, by kind, those holding the typed letters together first. */
export function shownFacets(state: State): readonly FacetItem[] {
	const all = facetItems(state.base);
	const {filter} = state.panes.facets;
	const wanted = foldText(filter).replace(/ /g, '');
	if (wanted === '') return all;
	const cached = shownCache.get(all);
	if (cached?.filter === wanted) return cached.items;
	const scored = all.flatMap((item, order) => {
		const name = foldText(item.label);
		if (name.replace(/ /g, '').includes(wanted)) return [{item, order, rank: 0}];
		return inOrder(name, wanted) ? [{item, order, rank: 1}] : [];
	});
	const kind = (item: FacetItem) => FACET_KINDS.indexOf(item.kind);
	const items = scored
		.sort((a, b) => kind(a.item) - kind(b.item) || a.rank - b.rank || a.order - b.order)
		.map((entry) => entry.item);
	shownCache.set(all, {filter: wanted, items});
	return items;
}

/** Whether every letter of `wanted` is in `name`, in that order. */
function inOrder(name: string, wanted: string): boolean {
	let at = 0;
	for (const char of wanted) {
		at = name.indexOf(char, at);
		if (at < 0) return false;
		at += char.length;
	}
	return true;
}

const scroll: Scroll = cursorScroll({
	count: (state) => shownFacets(state).length,
	rows: facetRows,
	get: (state) => state.panes.facets,
	set: (state, at) => withPane(state, 'facets', {...state.panes.facets, ...at}),
});

const commands = {
	toggleFacet,
	clearFacets: (state: State) => applyPicked(state, new Set(), 'all facets cleared'),
	facetKind,
};

export const facetsPane: Pane<FacetPicker> = {
	title: 'Filter',
	kind: 'overlay',
	initial: START,
	scroll,
	commands,
};

/** Typing the picker's filter: the same list, the keys going to the filter's line. */
export const facetFilterPane: Pane = {
	title: 'Filter names',
	kind: 'overlay',
	scroll,
	field: {
		get: (state) => ({text: state.panes.facets.filter, caret: state.panes.facets.caret}),
		set: (state, field) =>
			withPane(state, 'facets', {
				...state.panes.facets,
				filter: field.text,
				caret: field.caret,
				...(field.text !== state.panes.facets.filter && {cursor: 0, top: 0}),
			}),
	},
	commands,
};

function toggleFacet(state: State): State {
	const item = shownFacets(state)[state.panes.facets.cursor];
	if (!item) return state;
	const picked = new Set(state.facets);
	const on = !picked.has(item);
	if (on) picked.add(item);
	else picked.delete(item);
	const name = `${item.kind} ${display(item.label)}`;
	return applyPicked(state, picked, on ? `filter: ${name}` : `cleared: ${name}`);
}

/** Tab, Shift-Tab: to the first shown item of the next (previous) kind, round the end. */
function facetKind(state: State, {dir}: {dir: 1 | -1}): State {
	const items = shownFacets(state);
	const current = items[state.panes.facets.cursor]?.kind ?? 'actor';
	const kinds = FACET_KINDS.filter((kind) => items.some((item) => item.kind === kind));
	if (kinds.length === 0) return state;
	const at = kinds.indexOf(current);
	const next = kinds[(at + dir + kinds.length) % kinds.length] as FacetKind;
	const index = items.findIndex((item) => item.kind === next);
	// The kind's heading at the top, so what follows it is in view.
	const top = Math.min(index, Math.max(0, items.length - facetRows(state)));
	return withPane(state, 'facets', {...state.panes.facets, cursor: index, top});
}

function applyPicked(state: State, facets: PickedFacets, note: string): State {
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
