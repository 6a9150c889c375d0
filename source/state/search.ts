import {anchorInstant} from '../dataset/edtf.js';
import type {Era, TimelineEvent} from '../dataset/model.js';
import type {QuoteHit, Scope, SearchHit, SearchResult} from '../search/searcher.js';
import type {Highlight, Shown, Subject} from './detail.js';
import {showInDetail} from './detail-view.js';
import {display} from './display.js';
import {resultsPerPage, screenLayout} from './layout.js';
import {stepAmong, stepMessage} from './list.js';
import type {SearchOutcome, State} from './state.js';
import {firstAtOrAfter} from './timeline.js';

/**
 * Search state. The reducer never searches: the view runs the query and sends the answer back as a
 * `searchResults` action naming the query (and generation) it answers. An answer to anything but
 * the current query is dropped, so a slow, stale search can never overwrite a newer one.
 */

/**
 * Hits asked of the searcher: enough to scroll through and to step through with n/N, few enough that
 * building them stays cheap on a million quotes. `total` still counts every match. The searcher
 * keeps to the timeline's selection itself (`within`), so a filtered timeline asks no more.
 */
export const RESULT_LIMIT = 500;

/** The events a hit is or belongs to. */
export function hitEvents(hit: SearchHit): readonly TimelineEvent[] {
	if (hit.kind === 'event') return [hit.event];
	if (hit.kind === 'quote') return hit.quote.events;
	return [];
}

function toOutcome(state: State, result: SearchResult): SearchOutcome {
	const positions = new Set<number>();
	const {hits} = result;
	for (let i = 0; i < Math.min(hits.length, RESULT_LIMIT); i++) {
		for (const event of hitEvents(hits.at(i) as SearchHit)) {
			const index = state.timeline.indexOf(event);
			if (index >= 0) positions.add(index);
		}
	}
	return {
		query: result.query,
		scope: state.search.scope,
		total: result.total,
		counts: result.counts,
		hits,
		ranked: result.ranked,
		events: Int32Array.from(positions).sort(),
	};
}

export function acceptResults(state: State, query: string, generation: number, result: SearchResult): State {
	const {search} = state;
	if (query !== search.query || generation !== search.generation) return state;
	const next: State = {...state, search: {...search, outcome: toOutcome(state, result), selected: 0, top: 0}};
	return next.view === 'search' ? showHitInDetail(next) : next;
}

/**
 * The query changed: old results stay on screen (marked pending) until the new ones arrive. An empty
 * query is a search too: it lists everything in time order.
 */
export function setQuery(state: State, query: string, caret: number): State {
	return {...state, search: {...state.search, query, caret}};
}

export function isPending(state: State): boolean {
	const {query, scope, outcome} = state.search;
	return outcome?.query !== query || outcome.scope !== scope;
}

const NEXT_SCOPE: Record<Scope, Scope> = {all: 'events', events: 'quotes', quotes: 'all', eras: 'all'};

/** Tab: the search kept to all kinds, events, then quotes. Results are asked for again. */
export function cycleScope(state: State): State {
	const scope = NEXT_SCOPE[state.search.scope];
	return {
		...state,
		search: {...state.search, scope, generation: state.search.generation + 1},
		message: {text: scope === 'all' ? 'searching events, quotes and eras' : `searching ${scope} only`},
	};
}

/** n / N: the next event (after the cursor, wrapping) that matches the search or holds a quote that does. */
export function stepHit(state: State, dir: 1 | -1): State {
	const {query, outcome} = state.search;
	if (query.trim() === '') {
		const key = state.keymap.keysFor('timeline', {type: 'open', pane: 'search'});
		return {...state, message: {text: `no search yet${key ? `: press ${key} to search` : ''}`}};
	}
	if (!outcome || outcome.query !== query) return {...state, message: {text: 'the search is still running'}};
	const {events} = outcome;
	if (events.length === 0) return {...state, message: {text: 'no event or quote matches in this timeline'}};
	const step = stepAmong(state, events, dir);
	return {...selectHitIn(step.state), message: {text: stepMessage(step, events.length, 'with a match', dir)}};
}

/** Select the first result that is or is in the cursor's event (a quote's match is then marked in the detail). */
function selectHitIn(state: State): State {
	const event = state.timeline.events[state.cursor];
	const hits = state.search.outcome?.hits;
	if (!event || !hits) return state;
	let selected = -1;
	for (let i = 0; i < Math.min(hits.length, RESULT_LIMIT) && selected < 0; i++) {
		if (hitEvents(hits.at(i) as SearchHit).includes(event)) selected = i;
	}
	if (selected < 0 || selected === state.search.selected) return state;
	const rows = resultsPerPage(screenLayout(state));
	const top = Math.min(Math.max(state.search.top, selected - rows + 1), selected);
	return {...state, search: {...state.search, selected, top}};
}

/**
 * Whether a search is in force: a query with something in it, answered. An empty line lists everything
 * (the search view's browser) and marks nothing.
 */
export function inForce(state: State): boolean {
	const {query, outcome} = state.search;
	return query.trim() !== '' && outcome?.query === query;
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
	const cleared = setQuery(state, '', 0);
	return {...cleared, search: {...cleared.search, selected: 0, top: 0}, message: {text: 'search cleared'}};
}

/** The selected result. */
export function currentHit(state: State): SearchHit | undefined {
	return state.search.outcome?.hits.at(state.search.selected);
}

const highlights = new WeakMap<QuoteHit, Highlight>();

function highlightOf(hit: QuoteHit): Highlight {
	let highlight = highlights.get(hit);
	if (!highlight) {
		highlight = {quote: hit.quote, ranges: hit.textRanges};
		highlights.set(hit, highlight);
	}
	return highlight;
}

/** The first event of the timeline that falls in an era, if any. */
export function eraStart(state: State, era: Era): number | undefined {
	const {timeline} = state;
	const index = firstAtOrAfter(timeline, era.date.min);
	const event = index < timeline.datedCount ? timeline.events[index] : undefined;
	return event && anchorInstant(event.date) <= era.date.max ? index : undefined;
}

/**
 * The selected hit's highlight, when it is a quote in `subject`: the timeline's detail keeps marking
 * the match after Enter jumped there (and n / N, which select the hit they step to).
 */
export function hitHighlight(state: State, subject: Subject): Highlight | undefined {
	const hit = currentHit(state);
	if (hit?.kind !== 'quote' || !inForce(state) || subject.kind !== 'event') return undefined;
	return hit.quote.events.includes(subject.event) ? highlightOf(hit) : undefined;
}

/**
 * The selected hit in the detail: an event itself; a quote in its event in the timeline, else its
 * first event, else the quote alone; an era, its first event.
 */
export function hitShown(state: State): Shown | undefined {
	const hit = currentHit(state);
	if (!hit) return undefined;
	if (hit.kind === 'era') {
		const start = eraStart(state, hit.era);
		const event = start === undefined ? undefined : state.timeline.events[start];
		return event && {subject: {kind: 'event', event}};
	}
	if (hit.kind === 'event') return {subject: {kind: 'event', event: hit.event}};
	const {quote} = hit;
	const event = quote.events.find((e) => state.timeline.indexOf(e) >= 0) ?? quote.events[0];
	return {subject: event ? {kind: 'event', event} : {kind: 'quote', quote}, highlight: highlightOf(hit)};
}

/** While searching, the detail shows the selected hit (a quote's event scrolled to the quote). */
export function showHitInDetail(state: State): State {
	const hit = currentHit(state);
	return showInDetail(state, hitShown(state), hit?.kind === 'quote' ? hit.quote : undefined);
}
