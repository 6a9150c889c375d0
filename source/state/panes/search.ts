import {showInDetail} from '../detail-view.js';
import type {Field} from '../field.js';
import {layoutOf, resultsPerPage} from '../layout.js';
import {setCursor} from '../list.js';
import type {Pane} from '../pane.js';
import {cursorScroll} from '../scroll.js';
import {currentHit, hitHighlight, hitShown, setQuery, showHitInDetail} from '../search.js';
import type {State} from '../state.js';

/** Quote search: the query line and its results; the detail shows the selected hit in its event. */
export const searchPane: Pane = {
	title: 'Search',
	kind: 'list',
	item: 'quote',
	scroll: cursorScroll({
		count: (state) => state.search.outcome?.hits.length ?? 0,
		rows: (state) => resultsPerPage(layoutOf(state)),
		get: (state) => ({cursor: state.search.selected, top: state.search.top}),
		set: (state, at) => {
			const next = {...state, search: {...state.search, selected: at.cursor, top: at.top}};
			// The detail follows the selection while the results are on screen.
			return next.view === 'search' ? showHitInDetail(next) : next;
		},
	}),
	field: {
		get: (state) => ({text: state.search.query, caret: state.search.caret}),
		set: (state: State, field: Field) =>
			field.text === state.search.query
				? {...state, search: {...state.search, caret: field.caret}}
				: setQuery(state, field.text, field.caret),
	},
	position: (state) => {
		const hits = state.search.outcome?.hits.length ?? 0;
		return hits === 0 ? '0/0' : `${state.search.selected + 1}/${hits}`;
	},
	subject: hitShown,
	selectedQuote: (state) => currentHit(state)?.quote,
	open: (state) => showHitInDetail({...state, search: {...state.search, caret: state.search.query.length}}),
	commands: {openDetail},
};

/**
 * Enter on a result goes there, as less and vim do: the timeline's cursor on the quote's event and the
 * detail on the quote. Esc from the detail then leaves the person on that event, and / brings the
 * results back as they were. A quote whose event the timeline does not show (filtered out, or none)
 * opens in the detail over the results instead.
 */
function openDetail(state: State): State {
	const hit = currentHit(state);
	if (!hit) return state;
	const shown = hitShown(state);
	const index = shown?.subject.kind === 'event' ? state.timeline.indexOf(shown.subject.event) : -1;
	if (!shown || index < 0) return {...showHitInDetail(state), focus: 'detail'};
	const there = setCursor({...state, view: 'timeline', focus: 'detail'}, index);
	return showInDetail(there, {...shown, highlight: hitHighlight(there, shown.subject)}, hit.quote);
}
