import {bodyLines, type DetailView, scrollTo, selectQuote, viewOf} from '../detail-view.js';
import {screenLayout} from '../layout.js';
import type {AnyPane, Pane} from '../pane.js';
import {viewScroll} from '../scroll.js';
import type {State} from '../state.js';

/**
 * The detail of what the list pane that is the view has selected. It is built with a way to find
 * that pane (the registry's), as the one pane about another.
 */
export function detailPane(listOf: (state: State) => AnyPane): Pane {
	const view = (state: State): DetailView | undefined => viewOf(state, listOf(state).subject?.(state));
	return {
		title: 'Detail',
		kind: 'detail',
		scroll: viewScroll({
			// The body's rows: the pinned head does not scroll.
			rows: (state) => view(state)?.height ?? screenLayout(state).detailHeight,
			top: (state) => state.detail.scroll,
			to: (state, top) => scrollTo(state, view(state), top),
		}),
		position: (state) => {
			const at = listOf(state).position?.(state) ?? '';
			const shown = view(state);
			if (!shown) return at;
			const lines = bodyLines(shown);
			const last = Math.min(lines, state.detail.scroll + shown.height);
			return `${at} · lines ${state.detail.scroll + 1}–${last} of ${lines}`;
		},
		click: (state, line) => {
			const shown = view(state);
			// The pinned head (date and title) holds no quote; the body below it scrolls.
			const quote =
				shown && line >= shown.pinned ? shown.doc.lines[state.detail.scroll + line]?.quote : undefined;
			if (!shown || quote === undefined) return undefined;
			return {state: selectQuote(state, shown, quote), again: quote === state.detail.quote};
		},
		commands: {
			quote: (state, command) => {
				const shown = view(state);
				if (!shown || shown.doc.quotes.length === 0) return {...state, message: {text: 'no quotes here'}};
				const next = state.detail.quote + command.dir;
				if (next < 0 || next >= shown.doc.quotes.length) {
					return {...state, message: {text: command.dir > 0 ? 'no later quote' : 'no earlier quote'}};
				}
				return selectQuote(state, shown, next);
			},
		},
	};
}
