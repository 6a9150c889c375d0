import type {Era} from '../../dataset/model.js';
import {showInDetail} from '../detail-view.js';
import {display} from '../display.js';
import type {Field} from '../field.js';
import {resultsPerPage, screenLayout} from '../layout.js';
import {setCursor} from '../list.js';
import type {Pane} from '../pane.js';
import {clickItem, cursorScroll} from '../scroll.js';
import {
	currentHit,
	cycleScope,
	eraStart,
	hitHighlight,
	hitShown,
	setQuery,
	showHitInDetail,
} from '../search.js';
import type {State} from '../state.js';

const scroll = cursorScroll({
	count: (state) => state.search.outcome?.hits.length ?? 0,
	rows: (state) => resultsPerPage(screenLayout(state)),
	get: (state) => ({cursor: state.search.selected, top: state.search.top}),
	set: (state, at) => {
		const next = {...state, search: {...state.search, selected: at.cursor, top: at.top}};
		// The detail follows the selection while the results are on screen.
		return next.view === 'search' ? showHitInDetail(next) : next;
	},
});

/** Search: the query line and its results (events, quotes, eras); the detail shows the selected hit. */
export const searchPane: Pane = {
	title: 'Search',
	kind: 'list',
	item: 'result',
	scroll,
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
	click: (state, line) => {
		// The query line, then two lines a result.
		if (line < 1) return undefined;
		const at = {cursor: state.search.selected, count: state.search.outcome?.hits.length ?? 0};
		return clickItem(scroll, state, at, state.search.top + Math.floor((line - 1) / 2));
	},
	subject: hitShown,
	selectedQuote: (state) => {
		const hit = currentHit(state);
		return hit?.kind === 'quote' ? hit.quote : undefined;
	},
	open: (state) => showHitInDetail({...state, search: {...state.search, caret: state.search.query.length}}),
	commands: {scope: cycleScope, openDetail},
};

/**
 * Enter on a result goes there, as less and vim do: the timeline's cursor on its event (a quote's
 * event, with the detail on the quote). Esc from the detail then leaves the person on that event, and
 * / brings the results back as they were. What the timeline does not show (a quote with no event, an
 * event filtered out) opens in the detail over the results instead; an era goes to its first event.
 */
function openDetail(state: State): State {
	const hit = currentHit(state);
	if (!hit) return state;
	if (hit.kind === 'era') return toEra(state, hit.era);
	const shown = hitShown(state);
	const index = shown?.subject.kind === 'event' ? state.timeline.indexOf(shown.subject.event) : -1;
	if (!shown || index < 0) return {...showHitInDetail(state), focus: 'detail'};
	const there = setCursor({...state, view: 'timeline', focus: 'detail'}, index);
	const quote = hit.kind === 'quote' ? hit.quote : undefined;
	return showInDetail(there, {...shown, highlight: hitHighlight(there, shown.subject)}, quote);
}

/** Enter on an era: the timeline, on the first event that falls in it. */
function toEra(state: State, era: Era): State {
	const start = eraStart(state, era);
	if (start === undefined)
		return {...state, message: {text: `no event falls in the era ${display(era.title)}`}};
	const closed: State = {...state, view: 'timeline', focus: 'list', detail: {scroll: 0, quote: 0}};
	return {...setCursor(closed, start), message: {text: `era: ${display(era.title)}`}};
}
