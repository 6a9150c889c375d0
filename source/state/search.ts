import {isWhole, type Selection} from '../dataset/filter.js';
import type {Quote} from '../dataset/model.js';
import type {SearchHit, SearchResult} from '../search/quote-search.js';
import type {Highlight, Shown, Subject} from './detail.js';
import {showInDetail} from './detail-view.js';
import {display} from './display.js';
import {layoutOf, resultsPerPage} from './layout.js';
import {setCursor} from './list.js';
import type {SearchOutcome, State} from './state.js';

/**
 * Search state. The reducer never searches: the view runs the query and sends the answer back as a
 * `searchResults` action naming the query (and generation) it answers. An answer to anything but
 * the current query is dropped, so a slow, stale search can never overwrite a newer one.
 */

/**
 * Hits asked of the searcher: enough to scroll through and to step through with n/N, few enough that
 * building them stays cheap on a million quotes. `total` still counts every match. With filters the
 * hits are narrowed here, after the search, so more are asked for.
 */
export const RESULT_LIMIT = 500;
export const FILTERED_RESULT_LIMIT = 5000;

export function isWholeDataset(state: State): boolean {
	return isWhole(state.timeline.selection, state.dataset);
}

const quoteSets = new WeakMap<Selection, ReadonlySet<Quote>>();

function quotesOf(selection: Selection): ReadonlySet<Quote> {
	let set = quoteSets.get(selection);
	if (!set) {
		set = new Set(selection.quotes);
		quoteSets.set(selection, set);
	}
	return set;
}

function toOutcome(state: State, result: SearchResult): SearchOutcome {
	const whole = isWholeDataset(state);
	const inSelection = quotesOf(state.timeline.selection);
	const hits = whole ? result.hits : result.hits.filter((hit) => inSelection.has(hit.quote));
	const positions = new Set<number>();
	for (const hit of hits) {
		for (const event of hit.quote.events) {
			const index = state.timeline.indexOf(event);
			if (index >= 0) positions.add(index);
		}
	}
	return {
		query: result.query,
		// With filters, the matches counted are those among the hits asked for (see FILTERED_RESULT_LIMIT).
		total: whole ? result.total : hits.length,
		atLeast: !whole && result.hits.length < result.total,
		hits,
		events: Int32Array.from(positions).sort(),
	};
}

export function acceptResults(state: State, query: string, generation: number, result: SearchResult): State {
	const {search} = state;
	if (query !== search.query || generation !== search.generation || query.trim() === '') return state;
	const next: State = {...state, search: {...search, outcome: toOutcome(state, result), selected: 0, top: 0}};
	return next.view === 'search' ? showHitInDetail(next) : next;
}

/** The query changed: old results stay on screen (marked pending) until the new ones arrive. */
export function setQuery(state: State, query: string, caret: number): State {
	const blank = query.trim() === '';
	const search = {
		...state.search,
		query,
		caret,
		...(blank && {outcome: undefined, selected: 0, top: 0}),
	};
	return {...state, search};
}

export function isPending(state: State): boolean {
	const {query, outcome} = state.search;
	return query.trim() !== '' && outcome?.query !== query;
}

/** n / N: the next event (after the cursor, wrapping) that holds a quote matching the search. */
export function stepHit(state: State, dir: 1 | -1): State {
	const {query, outcome} = state.search;
	if (query.trim() === '') {
		const key = state.keymap.keysFor('timeline', {type: 'open', pane: 'search'});
		return {...state, message: {text: `no search yet${key ? `: press ${key} to search quotes` : ''}`}};
	}
	if (!outcome || outcome.query !== query) return {...state, message: {text: 'the search is still running'}};
	const {events} = outcome;
	if (events.length === 0) return {...state, message: {text: 'no quotes match in this timeline'}};
	let index = -1;
	if (dir > 0) {
		index = events.findIndex((position) => position > state.cursor);
	} else {
		for (let i = events.length - 1; i >= 0; i--) {
			if ((events[i] as number) < state.cursor) {
				index = i;
				break;
			}
		}
	}
	let wrapped = false;
	if (index < 0) {
		index = dir > 0 ? 0 : events.length - 1;
		wrapped = true;
	}
	const moved = selectHitIn(setCursor(state, events[index] as number));
	const where = `event ${index + 1} of ${events.length} with a match`;
	return {
		...moved,
		message: {text: wrapped ? `${where} (wrapped to the ${dir > 0 ? 'top' : 'bottom'})` : where},
	};
}

/** Select the first result whose quote is in the cursor's event (its match is then marked in the detail). */
function selectHitIn(state: State): State {
	const event = state.timeline.events[state.cursor];
	const hits = state.search.outcome?.hits ?? [];
	const selected = hits.findIndex((hit) => event !== undefined && hit.quote.events.includes(event));
	if (selected < 0 || selected === state.search.selected) return state;
	const rows = resultsPerPage(layoutOf(state));
	const top = Math.min(Math.max(state.search.top, selected - rows + 1), selected);
	return {...state, search: {...state.search, selected, top}};
}

/**
 * A search still in force outside the search view, for the status bar: `/chevron · 1 event`. Its
 * matches stay marked in the timeline and n / N step through them until it is cleared.
 */
export function searchSummary(state: State): string | undefined {
	const {query, outcome} = state.search;
	if (state.view === 'search' || query.trim() === '') return undefined;
	const text = `/${display(query)}`;
	if (outcome?.query !== query) return `${text} · searching…`;
	const events = outcome.events.length;
	return `${text} · ${events === 0 ? 'no match' : `${events} event${events === 1 ? '' : 's'}`}`;
}

/** Clear the search: its query and its matches, wherever it is shown. */
export function clearSearch(state: State): State {
	if (state.search.query === '') return state;
	return {...setQuery(state, '', 0), message: {text: 'search cleared'}};
}

/** The selected result. */
export function currentHit(state: State): SearchHit | undefined {
	return state.search.outcome?.hits[state.search.selected];
}

const highlights = new WeakMap<SearchHit, Highlight>();

function highlightOf(hit: SearchHit): Highlight {
	let highlight = highlights.get(hit);
	if (!highlight) {
		highlight = {quote: hit.quote, ranges: hit.textRanges};
		highlights.set(hit, highlight);
	}
	return highlight;
}

/**
 * The selected hit's highlight, when it is in `subject`: the timeline's detail keeps marking the match
 * after Enter jumped there (and n / N, which select the hit they step to).
 */
export function hitHighlight(state: State, subject: Subject): Highlight | undefined {
	const {query, outcome} = state.search;
	const hit = currentHit(state);
	if (!hit || outcome?.query !== query || subject.kind !== 'event') return undefined;
	return hit.quote.events.includes(subject.event) ? highlightOf(hit) : undefined;
}

/** The selected hit in the detail: its quote's event in the timeline, else its first event, else the quote alone. */
export function hitShown(state: State): Shown | undefined {
	const hit = currentHit(state);
	if (!hit) return undefined;
	const {quote} = hit;
	const event = quote.events.find((e) => state.timeline.indexOf(e) >= 0) ?? quote.events[0];
	return {subject: event ? {kind: 'event', event} : {kind: 'quote', quote}, highlight: highlightOf(hit)};
}

/** While searching, the detail shows the selected hit's event scrolled to the quote. */
export function showHitInDetail(state: State): State {
	return showInDetail(state, hitShown(state), currentHit(state)?.quote);
}
