import {formatDate} from '../dataset/dates.js';
import {parseEdtf} from '../dataset/edtf.js';
import {QUERY_LIMIT} from '../search/query.js';
import type {Action, Command} from './actions.js';
import {attributedQuote, isWebUrl, sourceUrl} from './clipboard.js';
import {
	currentHit,
	detailPageSize,
	detailView,
	scrollDetail,
	scrollDetailBy,
	selectedQuote,
	selectQuote,
	showHitInDetail,
} from './detail-nav.js';
import {display} from './display.js';
import {facetItems, facetKey} from './facets.js';
import {commandFor, helpColumns, modeOf, TEXT_MODES} from './keymap.js';
import {isPrintable, textOf} from './keys.js';
import {layoutFor} from './layout.js';
import {clamp, groupJump, keepRowOnScreen, keepVisible, page, setCursor} from './list.js';
import {applyLoad, requestReload} from './reload.js';
import {
	acceptResults,
	editField,
	insertAt,
	moveCaret,
	resultPage,
	selectResult,
	setQuery,
	stepHit,
} from './search.js';
import {createState, type InitOptions, reselect, type State, timelineFor} from './state.js';
import {firstAtOrAfter, GROUPINGS} from './timeline.js';

/**
 * The explorer's one reducer: every key press and every answer from the outside world goes through
 * here. Pure: effects (clipboard, opening a URL, exiting) are requested in the state and carried
 * out by the view, which reports back with `effectDone`.
 */

export function initialState(options: InitOptions): State {
	const state = createState(options);
	if (options.eventId === undefined) return state;
	const event = state.dataset.eventsById.get(options.eventId);
	if (!event)
		return {...state, message: {text: `no event has the id "${display(options.eventId)}"`, error: true}};
	const index = state.timeline.indexOf(event);
	if (index < 0) {
		return {
			...state,
			message: {text: `event "${display(options.eventId)}" is hidden by the filters`, error: true},
		};
	}
	return {...setCursor(state, index), view: 'timeline', focus: 'detail'};
}

export function reducer(state: State, action: Action): State {
	switch (action.type) {
		case 'key':
			return onKey(state, action.key);
		case 'keys':
			return onKeys(state, action.keys);
		case 'insert':
			return insert(state, action.text);
		case 'resize':
			return resize(state, action.size.columns, action.size.rows);
		case 'indexProgress':
			return {...state, search: {...state.search, indexed: clamp(Math.floor(action.percent), 0, 100)}};
		case 'indexReady':
			return {...state, search: {...state.search, indexing: false}};
		case 'indexFailed':
			return {
				...state,
				search: {...state.search, indexing: false, indexError: action.message},
				message: {text: `search unavailable: ${action.message}`, error: true},
			};
		case 'searchResults':
			return acceptResults(state, action.query, action.generation, action.result);
		case 'loaded': {
			const next = applyLoad(state, action.result, action.cause);
			return moveFacet(next, next.facetCursor);
		}
		case 'effectDone':
			if (state.effect?.id !== action.id) return state;
			return {
				...state,
				effect: undefined,
				message: action.message ? {text: action.message, error: action.error} : state.message,
			};
		default:
			return run(state, action);
	}
}

function onKey(state: State, key: string): State {
	if (state.exit !== undefined) return state;
	const fresh = state.message ? {...state, message: undefined} : state;
	const mode = modeOf(state);
	const command = commandFor(mode, key);
	if (command) return run(fresh, command);
	if (TEXT_MODES.has(mode) && isPrintable(key)) return insert(fresh, textOf(key));
	return fresh;
}

/**
 * Keys that arrived together. A run of printable keys in a text field (typed fast, or a paste of
 * any size) is inserted in one go: the cost is the run's length, never its square.
 */
function onKeys(state: State, keys: readonly string[]): State {
	let next = state;
	for (let i = 0; i < keys.length; ) {
		const mode = modeOf(next);
		let end = i;
		if (TEXT_MODES.has(mode) && next.exit === undefined) {
			while (end < keys.length && !commandFor(mode, keys[end] as string) && isPrintable(keys[end] as string))
				end++;
		}
		if (end > i) {
			let text = '';
			for (let k = i; k < end; k++) text += textOf(keys[k] as string);
			next = insert(next.message ? {...next, message: undefined} : next, text);
			i = end;
		} else next = onKey(next, keys[i++] as string);
	}
	return next;
}

/** The longest a text field gets: the search line's cap (the date prompt needs far less). */
const FIELD_LIMIT = QUERY_LIMIT;

function insert(state: State, text: string): State {
	const mode = modeOf(state);
	if (mode !== 'search' && mode !== 'date') return state;
	const field = mode === 'search' ? {text: state.search.query, caret: state.search.caret} : state.date;
	const room = FIELD_LIMIT - field.text.length;
	let kept = text;
	let message: State['message'];
	if (text.length > room) {
		// Cut on a character boundary (not inside a surrogate pair).
		let cut = Math.max(0, room);
		if (cut > 0 && /[\uD800-\uDBFF]/.test(text[cut - 1] as string)) cut--;
		kept = text.slice(0, cut);
		const left = text.length - kept.length;
		message = {
			text: `the ${mode === 'search' ? 'search line' : 'date prompt'} holds at most ${FIELD_LIMIT.toLocaleString('en')} characters: ${left.toLocaleString('en')} left out`,
			error: true,
		};
	}
	const edited = kept === '' ? field : insertAt(field, kept);
	const next =
		mode === 'search'
			? setQuery(state, edited.text, edited.caret)
			: {...state, date: {text: edited.text, caret: edited.caret}};
	return message ? {...next, message} : next;
}

function run(state: State, command: Command): State {
	switch (command.type) {
		case 'move':
			return move(state, command.by);
		case 'page':
			return pageBy(state, command.dir, command.half);
		case 'edge':
			return edge(state, command.end);
		case 'group':
			return groupJump(state, command.dir);
		case 'quote':
			return quoteStep(state, command.dir);
		case 'openDetail':
			if (state.timeline.events.length === 0) return {...state, message: {text: 'no events to open'}};
			return {...state, focus: 'detail'};
		case 'back':
			return {...state, focus: 'list'};
		case 'toggleFocus':
			if (state.focus === 'detail') return {...state, focus: 'list'};
			if (!detailView(state)) return state;
			return {...state, focus: 'detail'};
		case 'openSearch':
			return openSearch(state);
		case 'closeSearch':
			return {...state, view: 'timeline', focus: 'list', detail: {scroll: 0, quote: 0}};
		case 'submitSearch':
			return submitSearch(state);
		case 'hit':
			return stepHit(state, command.dir);
		case 'erase':
		case 'caret':
			return editLine(state, command);
		case 'openDate':
			return {...state, overlay: 'date', date: {text: '', caret: 0}};
		case 'submitDate':
			return submitDate(state);
		case 'openFacets':
			return {...state, overlay: 'facets'};
		case 'toggleFacet':
			return toggleFacet(state);
		case 'clearFacets':
			return applyPicked(state, new Set(), 'all facets cleared');
		case 'cycleGrouping':
			return cycleGrouping(state);
		case 'copy':
			return copy(state);
		case 'openUrl':
			return openUrl(state);
		case 'reload':
			return requestReload(state);
		case 'help':
			return {...state, overlay: 'help', helpScroll: 0};
		case 'close':
			return {...state, overlay: undefined};
		case 'quit':
			return {...state, exit: command.code};
	}
}

function move(state: State, by: number): State {
	switch (modeOf(state)) {
		case 'timeline':
			return setCursor(state, state.cursor + by);
		case 'detail':
			return scrollDetailBy(state, by);
		case 'search':
			return selectResult(state, state.search.selected + by);
		case 'facets':
			return moveFacet(state, state.facetCursor + by);
		case 'help':
			return scrollHelp(state, state.helpScroll + by);
		default:
			return state;
	}
}

function pageBy(state: State, dir: 1 | -1, half?: boolean): State {
	switch (modeOf(state)) {
		case 'timeline':
			return page(state, dir, half);
		case 'detail':
			return scrollDetailBy(state, dir * detailPageSize(state, half));
		case 'search':
			return resultPage(state, dir);
		case 'facets':
			return moveFacet(state, state.facetCursor + dir * facetRows(state));
		case 'help':
			return scrollHelp(state, state.helpScroll + dir * Math.max(1, overlayRows(state) - 1));
		default:
			return state;
	}
}

function edge(state: State, end: 'first' | 'last'): State {
	const far = end === 'first' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
	switch (modeOf(state)) {
		case 'timeline':
			return setCursor(state, end === 'first' ? 0 : state.timeline.events.length - 1);
		case 'detail':
			return scrollDetail(state, end === 'first' ? 0 : Number.MAX_SAFE_INTEGER);
		case 'facets':
			return moveFacet(state, end === 'first' ? 0 : facetItems(state.base).length - 1);
		case 'help':
			return scrollHelp(state, far);
		default:
			return state;
	}
}

function quoteStep(state: State, dir: 1 | -1): State {
	const view = detailView(state);
	if (!view || view.doc.quotes.length === 0) return {...state, message: {text: 'no quotes here'}};
	const next = state.detail.quote + dir;
	if (next < 0 || next >= view.doc.quotes.length) {
		return {...state, message: {text: dir > 0 ? 'no later quote' : 'no earlier quote'}};
	}
	return selectQuote(state, next);
}

function openSearch(state: State): State {
	const {query} = state.search;
	const next: State = {
		...state,
		view: 'search',
		focus: 'list',
		overlay: undefined,
		search: {...state.search, caret: query.length},
	};
	return showHitInDetail(next);
}

/** Enter on a result: an event or a quote opens in the detail; an era goes to its first event. */
function submitSearch(state: State): State {
	const hit = currentHit(state);
	if (!hit) return state;
	if (hit.kind !== 'era') return {...showHitInDetail(state), focus: 'detail'};
	const {events} = state.timeline;
	const closed: State = {...state, view: 'timeline', focus: 'list', detail: {scroll: 0, quote: 0}};
	if (events.length === 0) return {...closed, message: {text: 'no events to go to'}};
	const index = Math.min(firstAtOrAfter(state.timeline, hit.era.date.min), events.length - 1);
	return {...setCursor(closed, index), message: {text: `era: ${display(hit.era.title)}`}};
}

function editLine(state: State, command: Extract<Command, {type: 'erase' | 'caret'}>): State {
	const mode = modeOf(state);
	const field = mode === 'search' ? {text: state.search.query, caret: state.search.caret} : state.date;
	if (mode !== 'search' && mode !== 'date') return state;
	const next =
		command.type === 'erase'
			? editField(field, command.what)
			: {text: field.text, caret: moveCaret(field, command.to)};
	if (mode === 'search') {
		if (next.text === state.search.query) return {...state, search: {...state.search, caret: next.caret}};
		return setQuery(state, next.text, next.caret);
	}
	return {...state, date: {text: next.text, caret: next.caret}};
}

const DATE_HELP = 'a date such as 2025-12-31, 2025-12 or 2024';

function submitDate(state: State): State {
	const text = state.date.text.trim();
	const parsed = parseEdtf(text);
	if (text === '' || !parsed.ok) {
		return {...state, date: {...state.date, error: `expected ${DATE_HELP}`}};
	}
	const {events} = state.timeline;
	const closed = {...state, overlay: undefined, view: 'timeline' as const, focus: 'list' as const};
	if (events.length === 0) return {...closed, message: {text: 'no events to go to'}};
	const target = parsed.date;
	const index = firstAtOrAfter(state.timeline, target.min);
	if (index >= events.length) {
		return {
			...setCursor(closed, events.length - 1),
			message: {text: `no event on or after ${formatDate(target)}: showing the last one`},
		};
	}
	const event = events[index];
	return {
		...setCursor(closed, index),
		message: {
			text: `${formatDate(target)}: first event on or after is ${event ? formatDate(event.date) : ''}`,
		},
	};
}

// The facet picker and help take the whole screen but the status bar; one line for their title.
function overlayRows(state: State): number {
	return Math.max(1, layoutFor(state.size).height - 2);
}

/** Item rows of the facet picker (three lines go to the kinds' headings). */
export function facetRows(state: State): number {
	return Math.max(1, overlayRows(state) - 3);
}

function moveFacet(state: State, index: number): State {
	const count = facetItems(state.base).length;
	if (count === 0) return {...state, facetCursor: 0, facetTop: 0};
	const facetCursor = clamp(index, 0, count - 1);
	const rows = facetRows(state);
	let facetTop = state.facetTop;
	if (facetCursor < facetTop) facetTop = facetCursor;
	if (facetCursor > facetTop + rows - 1) facetTop = facetCursor - rows + 1;
	return {...state, facetCursor, facetTop: clamp(facetTop, 0, Math.max(0, count - rows))};
}

function toggleFacet(state: State): State {
	const item = facetItems(state.base)[state.facetCursor];
	if (!item) return state;
	const key = facetKey(item);
	const picked = new Set(state.facets);
	const on = !picked.has(key);
	if (on) picked.add(key);
	else picked.delete(key);
	const name = `${item.kind} ${display(item.label)}`;
	return applyPicked(state, picked, on ? `filter: ${name}` : `cleared: ${name}`);
}

function applyPicked(state: State, facets: ReadonlySet<string>, note: string): State {
	const {timeline, cursor} = reselect(state, state.dataset, state.base, facets);
	const {search} = state;
	const next: State = {
		...state,
		facets,
		timeline,
		cursor,
		detail: {scroll: 0, quote: 0},
		// Results were counted and placed in the old selection: fetch them again.
		search: {...search, generation: search.generation + 1, outcome: undefined, selected: 0, top: 0},
		message: {text: `${note} · ${timeline.events.length} event${timeline.events.length === 1 ? '' : 's'}`},
	};
	return keepVisible({...next, top: 0});
}

function cycleGrouping(state: State): State {
	const at = GROUPINGS.indexOf(state.timeline.grouping);
	const grouping = GROUPINGS[(at + 1) % GROUPINGS.length] ?? 'day';
	const timeline = timelineFor(state.timeline.selection, grouping, isWholeTimeline(state));
	return {
		...keepRowOnScreen(state, {...state, grouping, timeline}),
		message: {text: `grouped by ${grouping}`},
	};
}

function isWholeTimeline(state: State): boolean {
	return state.timeline.selection.events === state.dataset.events;
}

function scrollHelp(state: State, to: number): State {
	const tallest = Math.max(...helpColumns(state.size.columns).map((column) => column.length));
	const max = Math.max(0, tallest - overlayRows(state));
	return {...state, helpScroll: clamp(to, 0, max)};
}

function copy(state: State): State {
	const quote = selectedQuote(state);
	if (!quote) {
		const hit = state.view === 'search' && state.focus === 'list' ? currentHit(state) : undefined;
		const why = hit && hit.kind !== 'quote' ? `this result is an ${hit.kind}` : 'this event has none';
		return {...state, message: {text: `no quote selected: ${why}`}};
	}
	const text = attributedQuote(quote);
	const id = state.nextEffectId;
	return {
		...state,
		nextEffectId: id + 1,
		effect: {id, kind: 'copy', text},
		message: {text: `copied: ${text}`},
	};
}

function openUrl(state: State): State {
	const view = detailView(state);
	const event = view?.subject.kind === 'event' ? view.subject.event : undefined;
	const url = sourceUrl(selectedQuote(state), event);
	if (!url) return {...state, message: {text: 'no URL: the sources here have none'}};
	if (!isWebUrl(url))
		return {
			...state,
			message: {text: `not opening ${display(url)}: only http and https URLs open`, error: true},
		};
	const id = state.nextEffectId;
	return {
		...state,
		nextEffectId: id + 1,
		effect: {id, kind: 'open', url},
		message: {text: `opening ${display(url)}`},
	};
}

function resize(state: State, columns: number, rows: number): State {
	if (columns === state.size.columns && rows === state.size.rows) return state;
	let next: State = {...state, size: {columns, rows}};
	next = keepVisible(next);
	next = scrollDetail(next, next.detail.scroll);
	if (next.view === 'search') next = selectResult(next, next.search.selected);
	next = moveFacet(next, next.facetCursor);
	return scrollHelp(next, next.helpScroll);
}
