import type {Quote} from '../dataset/model.js';
import {type DetailView, viewOf} from './detail-view.js';
import {PANES, subjectOf} from './panes.js';
import type {State} from './state.js';

/** What the detail shows now and which of its quotes is selected, whichever pane is the view. */

export function detailView(state: State): DetailView | undefined {
	return viewOf(state, subjectOf(state));
}

/** The quote `y` copies: the list's own selection while it has the focus, else the detail's selected quote. */
export function selectedQuote(state: State): Quote | undefined {
	const list = PANES[state.view];
	if (state.focus === 'list' && list.selectedQuote) return list.selectedQuote(state);
	return detailView(state)?.doc.quotes[state.detail.quote];
}
