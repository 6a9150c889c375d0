import type {TimelineEvent} from '../dataset/model.js';
import type {SearchHit, SearchResult} from '../search/searcher.js';
import {showHitInDetail} from './detail-nav.js';
import {layoutFor, resultsPerPage} from './layout.js';
import {clamp, setCursor} from './list.js';
import type {SearchOutcome, State} from './state.js';

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
		total: result.total,
		counts: result.counts,
		hits,
		ranked: result.ranked,
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

export function selectResult(state: State, index: number): State {
	const hits = state.search.outcome?.hits ?? [];
	if (hits.length === 0) return state;
	const selected = clamp(index, 0, hits.length - 1);
	const perPage = resultsPerPage(layoutFor(state.size));
	let top = state.search.top;
	if (selected < top) top = selected;
	if (selected > top + perPage - 1) top = selected - perPage + 1;
	top = clamp(top, 0, Math.max(0, hits.length - perPage));
	if (selected === state.search.selected && top === state.search.top) return state;
	return showHitInDetail({...state, search: {...state.search, selected, top}});
}

export function resultPage(state: State, dir: 1 | -1): State {
	const perPage = resultsPerPage(layoutFor(state.size));
	return selectResult(state, state.search.selected + dir * perPage);
}

/** n / N: the next event (after the cursor, wrapping) that matches the search or holds a quote that does. */
export function stepHit(state: State, dir: 1 | -1): State {
	const {query, outcome} = state.search;
	if (query.trim() === '') return {...state, message: {text: 'no search yet: press / to search'}};
	if (!outcome || outcome.query !== query) return {...state, message: {text: 'the search is still running'}};
	const {events} = outcome;
	if (events.length === 0) return {...state, message: {text: 'no event or quote matches in this timeline'}};
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
	const moved = setCursor(state, events[index] as number);
	const where = `event ${index + 1} of ${events.length} with a match`;
	return {
		...moved,
		message: {text: wrapped ? `${where} (wrapped to the ${dir > 0 ? 'top' : 'bottom'})` : where},
	};
}

const graphemes = new Intl.Segmenter(undefined, {granularity: 'grapheme'});

function boundaries(text: string): number[] {
	const at = [...graphemes.segment(text)].map((s) => s.index);
	at.push(text.length);
	return at;
}

export interface Field {
	readonly text: string;
	readonly caret: number;
}

/** Line editing shared by the search line and the date prompt. */
export function editField(field: Field, op: 'back' | 'forward' | 'word' | 'line'): Field {
	const {text, caret} = field;
	const stops = boundaries(text);
	if (op === 'back') {
		const from = [...stops].reverse().find((stop) => stop < caret);
		return from === undefined ? field : {text: text.slice(0, from) + text.slice(caret), caret: from};
	}
	if (op === 'forward') {
		const to = stops.find((stop) => stop > caret);
		return to === undefined ? field : {text: text.slice(0, caret) + text.slice(to), caret};
	}
	if (op === 'word') {
		const before = text.slice(0, caret).replace(/\S*\s*$/u, '');
		return {text: before + text.slice(caret), caret: before.length};
	}
	return {text: text.slice(caret), caret: 0};
}

export function moveCaret(field: Field, to: 'left' | 'right' | 'start' | 'end'): number {
	const stops = boundaries(field.text);
	if (to === 'start') return 0;
	if (to === 'end') return field.text.length;
	if (to === 'left') return [...stops].reverse().find((stop) => stop < field.caret) ?? 0;
	return stops.find((stop) => stop > field.caret) ?? field.text.length;
}

export function insertAt(field: Field, text: string): Field {
	return {
		text: field.text.slice(0, field.caret) + text + field.text.slice(field.caret),
		caret: field.caret + text.length,
	};
}
