import type {Quote} from '../dataset/model.js';
import {type DetailDoc, detailDoc, type Shown} from './detail.js';
import {screenLayout} from './layout.js';
import {clamp} from './scroll.js';
import type {State} from './state.js';

/**
 * The detail laid out for what it shows, and scrolled. The functions take what is shown: the list
 * pane that is the view decides it (`subjectOf` in `panes.ts`), and search, which moves the detail to
 * the selected hit, knows its own.
 */

export interface DetailView extends Shown {
	readonly doc: DetailDoc;
	/** Lines of the doc pinned at the top (its head, when it fits), above the scrolling body. */
	readonly pinned: number;
	/** Rows of the scrolling body. */
	readonly height: number;
}

export function viewOf(state: State, shown: Shown | undefined): DetailView | undefined {
	if (!shown) return undefined;
	const layout = screenLayout(state);
	const doc = detailDoc(state.dataset, shown.subject, layout.detailWidth, shown.highlight);
	// A head longer than a third of the pane (a very long title, a short terminal) scrolls with the rest.
	const pinned = doc.head <= Math.floor(layout.detailHeight / 3) ? doc.head : 0;
	return {...shown, doc, pinned, height: Math.max(1, layout.detailHeight - pinned)};
}

/** Lines of the scrolling body. */
export function bodyLines(view: DetailView): number {
	return view.doc.lines.length - view.pinned;
}

/** A quote's block, [first, last], in body lines. */
function quoteBlock(view: DetailView, index: number): readonly [number, number] | undefined {
	const block = view.doc.quoteLines[index];
	return block && [block[0] - view.pinned, block[1] - view.pinned];
}

function maxScroll(view: DetailView): number {
	return Math.max(0, bodyLines(view) - view.height);
}

/** Scroll the detail; the selected quote moves to one on screen when it scrolls out of view. */
export function scrollTo(state: State, view: DetailView | undefined, to: number): State {
	if (!view) return state;
	const scroll = clamp(to, 0, maxScroll(view));
	const bottom = scroll + view.height - 1;
	const visible = (i: number) => {
		const [first, last] = quoteBlock(view, i) ?? [-1, -1];
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

/** Select quote `index` of the subject and scroll its block into view, with a line of context. */
export function selectQuote(state: State, view: DetailView | undefined, index: number): State {
	if (!view || view.doc.quotes.length === 0) return state;
	const quote = clamp(index, 0, view.doc.quotes.length - 1);
	const [first, last] = quoteBlock(view, quote) ?? [0, 0];
	let scroll = state.detail.scroll;
	if (first - 1 < scroll || last > scroll + view.height - 1) {
		scroll = last - first + 2 <= view.height ? first - 1 : first;
	}
	scroll = clamp(scroll, 0, maxScroll(view));
	return {...state, detail: {scroll, quote}};
}

/**
 * The detail on something new, from its top; with `quote` (one of its quotes) selected and scrolled
 * into view. What a list pane's selection change calls when the detail should follow it.
 */
export function showInDetail(state: State, shown: Shown | undefined, quote?: Quote): State {
	const fresh: State = {...state, detail: {scroll: 0, quote: 0}};
	const view = viewOf(state, shown);
	if (!view || !quote) return fresh;
	return selectQuote(fresh, view, Math.max(0, view.doc.quotes.indexOf(quote)));
}
