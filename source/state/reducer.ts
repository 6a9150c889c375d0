import {citation} from '../output/citation.js';
import {QUERY_LIMIT} from '../search/query.js';
import {webHref} from '../text/links.js';
import type {Action, Command} from './actions.js';
import {sourceUrl} from './clipboard.js';
import {selectedQuote} from './detail-nav.js';
import {display, sanitizedWhole} from './display.js';
import {applyExported} from './export.js';
import {editField, type Field, insertAt, moveCaret} from './field.js';
import {type Pointer, pastedText} from './input.js';
import {DEFAULT_KEYMAP, modeOf} from './keymap.js';
import {isPrintable, textOf} from './keys.js';
import {setCursor} from './list.js';
import {markHere} from './marking.js';
import type {AnyPane, CommandHandler, CommandHandlers} from './pane.js';
import {HOME, initialPaneStates, type Mode, PANES, subjectOf} from './panes.js';
import {placeAt} from './pointer.js';
import {applyLoad, requestReload} from './reload.js';
import {clamp} from './scroll.js';
import {acceptResults} from './search.js';
import {resizeSplit, toggleDetail} from './split.js';
import {createState, type InitOptions, requestEffect, type State} from './state.js';

/**
 * The explorer's one reducer: every key press and every answer from the outside world goes through
 * here. Pure: effects (clipboard, opening a URL, exiting) are requested in the state and carried
 * out by the view, which reports back with `effectDone`.
 *
 * It knows no mode by name: a command goes to the current pane's own handler if it has one, else to
 * the shared handler below, which asks the pane (its scroll, its text field, its kind).
 */

export function initialState(options: InitOptions): State {
	const state = createState(options, {
		keymap: options.keymap ?? DEFAULT_KEYMAP,
		panes: initialPaneStates(),
	});
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
	return {...setCursor(state, index), view: HOME, focus: 'detail'};
}

export function reducer(state: State, action: Action): State {
	switch (action.type) {
		case 'key':
			return onKey(state, action.key);
		case 'keys':
			return onKeys(state, action.keys);
		case 'insert':
			return insert(state, action.text);
		case 'paste':
			return paste(state, action.text, action.cut ?? 0);
		case 'pointer':
			return point(state, action.pointer);
		case 'resize':
			if (action.size.columns === state.size.columns && action.size.rows === state.size.rows) return state;
			return clampPanes({...state, size: action.size});
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
		case 'loaded':
			return clampPanes(applyLoad(state, action.result, action.cause));
		case 'exported':
			return applyExported(state, action.id, action.outcome);
		case 'marksNotSaved':
			return {...state, message: {text: `marks not saved: ${action.message}`, error: true}};
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

function paneOf(state: State): AnyPane {
	return PANES[modeOf(state)];
}

function onKey(state: State, key: string): State {
	if (state.exit !== undefined) return state;
	const fresh = state.message ? {...state, message: undefined} : state;
	const mode = modeOf(state);
	const command = state.keymap.commandFor(mode, key);
	if (command) return run(fresh, command);
	if (PANES[mode].field && isPrintable(key)) return insert(fresh, textOf(key));
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
		if (PANES[mode].field && next.exit === undefined) {
			while (
				end < keys.length &&
				!next.keymap.commandFor(mode, keys[end] as string) &&
				isPrintable(keys[end] as string)
			)
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
	const pane = paneOf(state);
	if (!pane.field) return state;
	const field = pane.field.get(state);
	const room = FIELD_LIMIT - field.text.length;
	if (text.length <= room) return pane.field.set(state, insertAt(field, text));
	// Cut on a character boundary (not inside a surrogate pair).
	let cut = Math.max(0, room);
	if (cut > 0 && /[\uD800-\uDBFF]/.test(text[cut - 1] as string)) cut--;
	const kept = text.slice(0, cut);
	const next = kept === '' ? state : pane.field.set(state, insertAt(field, kept));
	const left = (text.length - kept.length).toLocaleString('en');
	return {
		...next,
		message: {
			text: `the ${pane.title.toLowerCase()} line holds at most ${FIELD_LIMIT.toLocaleString('en')} characters: ${left} left out`,
			error: true,
		},
	};
}

/** A bracketed paste types into the current text field, if there is one, and does nothing else. */
function paste(state: State, text: string, cut: number): State {
	if (state.exit !== undefined) return state;
	if (!paneOf(state).field) {
		const search = state.keymap.keysFor(modeOf(state), {type: 'open', pane: 'search'});
		return {
			...state,
			message: {
				text: `paste ignored: no text field here${search ? ` (${search} opens the search line)` : ''}`,
			},
		};
	}
	const typed = insert(state, pastedText(text));
	if (cut === 0) return typed;
	return {
		...typed,
		message: {text: `paste cut: ${cut.toLocaleString('en')} characters left out`, error: true},
	};
}

/** Lines a notch of the mouse wheel scrolls, as in most terminals and pagers. */
const WHEEL_LINES = 3;

/**
 * The mouse: the wheel scrolls the pane under the pointer; a left click gives that pane the focus
 * and selects what is under it, and a click on what was selected already opens it (as Enter).
 */
function point(state: State, pointer: Pointer): State {
	if (state.exit !== undefined) return state;
	const place = placeAt(state, pointer);
	if (!place) return state;
	const pane = PANES[place.mode];
	if (pointer.action === 'wheel') return pane.scroll?.move(state, (pointer.dir ?? 1) * WHEEL_LINES) ?? state;
	if (pointer.action !== 'press' || pointer.button !== 'left') return state;
	const focused = modeOf(state) === place.mode;
	let next = state.message ? {...state, message: undefined} : state;
	const focus = pane.kind === 'detail' ? 'detail' : pane.kind === 'list' ? 'list' : next.focus;
	if (focus !== next.focus) {
		if (focus === 'detail' && !subjectOf(next)) return next;
		next = {...next, focus};
	}
	const clicked = pane.click?.(next, place.line, place.column);
	if (!clicked) return next;
	return clicked.again && focused ? run(clicked.state, {type: 'openDetail'}) : clicked.state;
}

function run(state: State, command: Command): State {
	const handler = (paneOf(state).commands?.[command.type] ?? SHARED[command.type]) as
		| CommandHandler<typeof command.type>
		| undefined;
	return handler ? handler(state, command) : state;
}

/** The screen or the data changed: every pane brings its own position back within bounds. */
function clampPanes(state: State): State {
	return Object.values(PANES).reduce<State>((next, pane) => pane.scroll?.clamp(next) ?? next, state);
}

/** What commands do in every pane that binds them and does not handle them itself. */
const SHARED: CommandHandlers = {
	move: (state, {by}) => paneOf(state).scroll?.move(state, by) ?? state,
	page: (state, {dir, half}) => paneOf(state).scroll?.page(state, dir, half) ?? state,
	edge: (state, {end}) => paneOf(state).scroll?.edge(state, end) ?? state,
	open: (state, {pane}) => open(state, pane),
	close,
	step: (state, {by}) => {
		const list = PANES[state.view];
		const moved = list.scroll?.move(state, by) ?? state;
		if (moved === state) {
			const item = list.item ?? 'item';
			return {...state, message: {text: `no ${by > 0 ? 'later' : 'earlier'} ${item}`}};
		}
		return moved;
	},
	openDetail: (state) => {
		if (subjectOf(state)) return {...state, focus: 'detail'};
		return {...state, message: {text: `no ${PANES[state.view].item ?? 'item'}s to open`}};
	},
	toggleFocus: (state) => {
		if (state.focus === 'detail') return {...state, focus: 'list'};
		return subjectOf(state) ? {...state, focus: 'detail'} : state;
	},
	resizeSplit: (state, {dir}) => clampPanes(resizeSplit(state, dir)),
	toggleDetail: (state) => clampPanes(toggleDetail(state)),
	erase: (state, {what}) => editLine(state, (field) => editField(field, what)),
	caret: (state, {to}) => editLine(state, (field) => ({text: field.text, caret: moveCaret(field, to)})),
	mark: markHere,
	copy,
	copyUrl,
	openUrl,
	reload: requestReload,
	suspend: (state) => requestEffect(state, {kind: 'suspend'}),
	quit: (state, {code}) => ({...state, exit: code}),
};

function open(state: State, mode: Mode): State {
	const pane = PANES[mode];
	const opened: State =
		pane.kind === 'list'
			? {...state, view: mode, focus: 'list', overlay: undefined, beneath: undefined}
			: pane.kind === 'detail'
				? {...state, focus: 'detail', overlay: undefined, beneath: undefined}
				: {...state, overlay: mode, beneath: state.overlay ? [...(state.beneath ?? []), state.overlay] : []};
	return pane.open ? pane.open(opened) : opened;
}

function close(state: State): State {
	switch (paneOf(state).kind) {
		case 'overlay':
		case 'prompt':
			// What was under it comes back as it was left: the date typed, the picker where it was.
			return {...state, overlay: state.beneath?.at(-1), beneath: state.beneath?.slice(0, -1)};
		case 'detail':
			return {...state, focus: 'list'};
		case 'list':
			return {...state, view: HOME, focus: 'list', detail: {scroll: 0, quote: 0}};
	}
}

function editLine(state: State, edit: (field: Field) => Field): State {
	const field = paneOf(state).field;
	return field ? field.set(state, edit(field.get(state))) : state;
}

function copy(state: State): State {
	const quote = selectedQuote(state);
	if (!quote) {
		const subject = subjectOf(state)?.subject;
		const why =
			subject?.kind === 'event' && subject.event.quotes.length > 0
				? 'pick one in the detail'
				: 'this event has none';
		return {...state, message: {text: `no quote selected: ${why}`}};
	}
	return requestEffect(state, {kind: 'copy', text: citation(quote)});
}

/** The URL `o` opens and `Y` copies, or why there is none. */
function urlHere(state: State): {url: string} | {message: string} {
	const subject = subjectOf(state)?.subject;
	const event = subject?.kind === 'event' ? subject.event : undefined;
	const url = sourceUrl(selectedQuote(state), event);
	return url ? {url} : {message: 'no URL: the sources here have none'};
}

function copyUrl(state: State): State {
	const found = urlHere(state);
	if ('message' in found) return {...state, message: {text: found.message}};
	return requestEffect(state, {kind: 'copy', text: sanitizedWhole(found.url)});
}

function openUrl(state: State): State {
	const found = urlHere(state);
	if ('message' in found) return {...state, message: {text: found.message}};
	const href = webHref(found.url);
	if (!href) {
		return {
			...state,
			message: {text: `not opening ${display(found.url)}: only http and https URLs open`, error: true},
		};
	}
	const copyKey = state.keymap.keysFor(modeOf(state), {type: 'copyUrl'});
	return requestEffect(
		state,
		{kind: 'open', url: href, ...(copyKey && {note: `${copyKey} copies it`})},
		{text: `opening ${display(href)}`},
	);
}
