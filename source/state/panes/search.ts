import type {Field} from '../field.js';
import {layoutOf, resultsPerPage} from '../layout.js';
import type {Pane} from '../pane.js';
import {cursorScroll} from '../scroll.js';
import {currentHit, hitShown, setQuery, showHitInDetail} from '../search.js';
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
	commands: {
		openDetail: (state) => (currentHit(state) ? {...showHitInDetail(state), focus: 'detail'} : state),
	},
};
