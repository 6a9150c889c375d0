import type {Quote} from '../dataset/model.js';
import type {QuoteHit, SearchHit} from '../search/searcher.js';
import {type DetailDoc, detailDoc, type Highlight, type Subject} from './detail.js';
import {layoutFor} from './layout.js';
import {clamp} from './list.js';
import type {State} from './state.js';

/** What the detail pane shows and where it is scrolled: the cursor's event, or the selected hit's. */

export function currentHit(state: State): SearchHit | undefined {
	if (state.view !== 'search') return undefined;
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

export interface DetailView {
	readonly subject: Subject;
	readonly highlight?: Highlight;
	readonly doc: DetailDoc;
	readonly height: number;
}

export function detailView(state: State): DetailView | undefined {
	const layout = layoutFor(state.size);
	let subject: Subject;
	let highlight: Highlight | undefined;
	const hit = currentHit(state);
	if (state.view === 'search') {
		if (!hit || hit.kind === 'era') return undefined;
		if (hit.kind === 'event') subject = {kind: 'event', event: hit.event};
		else {
			// The quote's event in the timeline when it is there, else its first event, else the quote alone.
			const {quote} = hit;
			const event = quote.events.find((e) => state.timeline.indexOf(e) >= 0) ?? quote.events[0];
			subject = event ? {kind: 'event', event} : {kind: 'quote', quote};
			highlight = highlightOf(hit);
		}
	} else {
		const event = state.timeline.events[state.cursor];
		if (!event) return undefined;
		subject = {kind: 'event', event};
	}
	const doc = detailDoc(state.dataset, subject, layout.detailWidth, highlight);
	return {subject, highlight, doc, height: layout.detailHeight};
}

function maxScroll(view: DetailView): number {
	return Math.max(0, view.doc.lines.length - view.height);
}

/** Scroll the detail; the selected quote moves to one on screen when it scrolls out of view. */
export function scrollDetail(state: State, to: number): State {
	const view = detailView(state);
	if (!view) return state;
	const scroll = clamp(to, 0, maxScroll(view));
	const bottom = scroll + view.height - 1;
	const visible = (i: number) => {
		const [first, last] = view.doc.quoteLines[i] ?? [-1, -1];
		return last >= scroll && first <= bottom;
	};
	let quote = state.detail.quote;
	if (!visible(quote)) {
		const onScreen = view.doc.quoteLines.findIndex((_, i) => visible(i));
		if (onScreen >= 0) quote = onScreen;
	}
	if (scroll === state.detail.scroll && quote === state.detail.quote) return state;
	return {...state, detail: {scroll, quote}};
}

export function scrollDetailBy(state: State, by: number): State {
	return scrollDetail(state, state.detail.scroll + by);
}

export function detailPageSize(state: State, half = false): number {
	const {detailHeight} = layoutFor(state.size);
	return Math.max(1, half ? Math.floor(detailHeight / 2) : detailHeight - 1);
}

/** Select quote `index` of the subject and scroll its block into view, with a line of context. */
export function selectQuote(state: State, index: number): State {
	const view = detailView(state);
	if (!view || view.doc.quotes.length === 0) return state;
	const quote = clamp(index, 0, view.doc.quotes.length - 1);
	const [first, last] = view.doc.quoteLines[quote] ?? [0, 0];
	let scroll = state.detail.scroll;
	if (first - 1 < scroll || last > scroll + view.height - 1) {
		scroll = last - first + 2 <= view.height ? first - 1 : first;
	}
	scroll = clamp(scroll, 0, maxScroll(view));
	return {...state, detail: {scroll, quote}};
}

/** In the search view, the detail shows the selected hit's event scrolled to the quote. */
export function showHitInDetail(state: State): State {
	const view = detailView(state);
	const hit = currentHit(state);
	if (!view || hit?.kind !== 'quote') return {...state, detail: {scroll: 0, quote: 0}};
	const index = view.doc.quotes.indexOf(hit.quote);
	return selectQuote({...state, detail: {scroll: 0, quote: 0}}, Math.max(0, index));
}

/** The quote `y` copies: the selected hit while searching, else the detail's selected quote. */
export function selectedQuote(state: State): Quote | undefined {
	if (state.view === 'search' && state.focus === 'list') {
		const hit = currentHit(state);
		return hit?.kind === 'quote' ? hit.quote : undefined;
	}
	return detailView(state)?.doc.quotes[state.detail.quote];
}
