import type {Quote} from '../../dataset/model.js';
import type {Shown} from '../detail.js';
import {showInDetail} from '../detail-view.js';
import {listHeight, pageIn, visibleTop} from '../list.js';
import type {Pane} from '../pane.js';
import {type QuoteGrouping, type QuoteList, quoteList} from '../quote-list.js';
import {clamp} from '../scroll.js';
import {type State, withPane} from '../state.js';
import {rowAt, rowCount} from '../timeline.js';

/**
 * Who said what, when: every quote of the timeline shown, in the order it was said, grouped by date
 * or by speaker (`z`). The detail shows the quote in its event, selected; Enter opens it there.
 */

export interface QuotesView {
	/** The selected quote: its position in the list's quotes. */
	readonly cursor: number;
	/** First row on screen (group headers are rows). */
	readonly top: number;
	readonly by: QuoteGrouping;
}

export function listOfQuotes(state: State): QuoteList {
	return quoteList(state, state.panes.quotes.by);
}

export function selectedQuoteOf(state: State): Quote | undefined {
	return listOfQuotes(state).quotes[state.panes.quotes.cursor];
}

/** The quote in the detail: its event in the timeline when it is there, else its first, else itself. */
function shown(state: State): Shown | undefined {
	const quote = selectedQuoteOf(state);
	if (!quote) return undefined;
	const event = quote.events.find((e) => state.timeline.indexOf(e) >= 0) ?? quote.events[0];
	return {subject: event ? {kind: 'event', event} : {kind: 'quote', quote}};
}

/** Put the cursor on quote `index` (and the view's top near `top`); the detail follows it. */
function moveTo(state: State, index: number, top = state.panes.quotes.top): State {
	const list = listOfQuotes(state);
	const view = state.panes.quotes;
	const cursor = list.quotes.length === 0 ? 0 : clamp(index, 0, list.quotes.length - 1);
	const next = visibleTop(list, cursor, top, listHeight(state));
	if (cursor === view.cursor && next === view.top) return state;
	const moved = withPane(state, 'quotes', {...view, cursor, top: next});
	return cursor === view.cursor ? moved : follow(moved);
}

function follow(state: State): State {
	return state.view === 'quotes' ? showInDetail(state, shown(state), selectedQuoteOf(state)) : state;
}

export const quotesPane: Pane<QuotesView> = {
	title: 'Quotes',
	kind: 'list',
	item: 'quote',
	initial: {cursor: 0, top: 0, by: 'date'},
	scroll: {
		rows: listHeight,
		move: (state, by) => moveTo(state, state.panes.quotes.cursor + by),
		page: (state, dir, half) => {
			const list = listOfQuotes(state);
			if (list.quotes.length === 0) return state;
			const to = pageIn(list, state.panes.quotes, listHeight(state), dir, half);
			return moveTo(state, to.cursor, to.top);
		},
		edge: (state, end) => moveTo(state, end === 'first' ? 0 : listOfQuotes(state).quotes.length - 1),
		clamp: (state) => moveTo(state, state.panes.quotes.cursor),
	},
	position: (state) => {
		const total = listOfQuotes(state).quotes.length;
		return total === 0 ? '0/0' : `${state.panes.quotes.cursor + 1}/${total}`;
	},
	click: (state, line) => {
		const list = listOfQuotes(state);
		const row = state.panes.quotes.top + line;
		if (row >= rowCount(list)) return undefined;
		const at = rowAt(list, row);
		if (at.kind !== 'event') return undefined;
		return {state: moveTo(state, at.index), again: at.index === state.panes.quotes.cursor};
	},
	subject: shown,
	selectedQuote: selectedQuoteOf,
	open: (state) => follow(moveTo(state, state.panes.quotes.cursor)),
	commands: {
		cycleGrouping: (state) => {
			const view = state.panes.quotes;
			const quote = selectedQuoteOf(state);
			const by: QuoteGrouping = view.by === 'date' ? 'speaker' : 'date';
			const regrouped = withPane(state, 'quotes', {...view, by});
			// The same quote stays selected, wherever it is now.
			const at = quote ? quoteList(regrouped, by).quotes.indexOf(quote) : 0;
			return {...moveTo(regrouped, Math.max(0, at)), message: {text: `quotes by ${by}`}};
		},
		hit: (state, command) => stepQuoteHit(state, command.dir),
		openDetail: (state) => {
			if (!selectedQuoteOf(state)) return {...state, message: {text: 'no quotes to open'}};
			return {...follow(state), focus: 'detail'};
		},
	},
};

/** n / N: the next quote (after the cursor, wrapping) that the search found. */
function stepQuoteHit(state: State, dir: 1 | -1): State {
	const {query, outcome} = state.search;
	if (!outcome || outcome.query !== query || !outcome.ranked) {
		return {...state, message: {text: query.trim() === '' ? 'no search yet' : 'the search is still running'}};
	}
	const found = new Set<Quote>();
	for (let i = 0; i < outcome.hits.length; i++) {
		const hit = outcome.hits.at(i);
		if (hit?.kind === 'quote') found.add(hit.quote);
	}
	const {quotes} = listOfQuotes(state);
	const count = quotes.length;
	const from = state.panes.quotes.cursor;
	for (let step = 1; step <= count; step++) {
		const at = (((from + dir * step) % count) + count) % count;
		if (found.has(quotes[at] as Quote)) {
			const wrapped = dir > 0 ? at <= from : at >= from;
			return {
				...moveTo(state, at),
				message: {
					text: `a quote the search found${wrapped ? ` (wrapped to the ${dir > 0 ? 'top' : 'bottom'})` : ''}`,
				},
			};
		}
	}
	return {...state, message: {text: 'no quote here matches the search'}};
}
