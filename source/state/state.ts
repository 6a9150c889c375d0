import {type Filters, isWhole, type Selection, select} from '../dataset/filter.js';
import type {Dataset} from '../dataset/model.js';
import type {ProblemReport} from '../dataset/problems.js';
import type {ExportContent, ExportFormat} from '../output/export.js';
import type {Hits, Kind, Scope} from '../search/searcher.js';
import {applyFacets, type PickedFacets} from './facets.js';
import type {Keymap} from './keymap.js';
import {DEFAULT_SPLIT, type Size, type Split} from './layout.js';
import type {Marks} from './marks.js';
import type {Mode, PaneStates} from './panes.js';
import {
	autoGrouping,
	buildTimeline,
	firstAtOrAfter,
	type Grouping,
	instantOf,
	type Timeline,
} from './timeline.js';

export type Focus = 'list' | 'detail';

export interface SearchOutcome {
	readonly query: string;
	/** Matches in the timeline shown (its selection, when filtered). */
	readonly total: number;
	readonly counts: Readonly<Record<Kind, number>>;
	/** The kinds it was kept to. */
	readonly scope: Scope;
	/** Best first, or in time order when `ranked` is false (no search terms). */
	readonly hits: Hits;
	readonly ranked: boolean;
	/** Timeline positions of the events the hits are or belong to, ascending (for n/N). */
	readonly events: Int32Array;
}

export interface SearchState {
	readonly query: string;
	/** Caret position in `query` (UTF-16 offset, always on a character boundary). */
	readonly caret: number;
	/** The kinds searched: all, or events, quotes or eras only (Tab). */
	readonly scope: Scope;
	readonly indexing: boolean;
	/** How much of the index is built, 0–100, while `indexing`. */
	readonly indexed: number;
	readonly indexError?: string;
	/** Bumped whenever results must be fetched again for the same query (the selection changed). */
	readonly generation: number;
	/** The newest results accepted; while a newer query runs they still show, marked as pending. */
	readonly outcome?: SearchOutcome;
	readonly selected: number;
	readonly top: number;
}

export interface DetailState {
	readonly scroll: number;
	/** The selected quote of the detail's subject (what y copies), -1 when it has none. */
	readonly quote: number;
}

export type Effect =
	| {readonly id: number; readonly kind: 'copy'; readonly text: string}
	/** `note`: what to say beside the URL when no browser can open it (`Y copies it`). */
	| {readonly id: number; readonly kind: 'open'; readonly url: string; readonly note?: string}
	| {readonly id: number; readonly kind: 'reload'; readonly path: string}
	/** Ctrl-Z: give the terminal back and stop, as a shell's job control expects; redraw on `fg`. */
	| {readonly id: number; readonly kind: 'suspend'}
	/** Write `content` to `file` as `format`, replacing a file there only with `overwrite`. */
	| {
			readonly id: number;
			readonly kind: 'export';
			readonly file: string;
			readonly format: ExportFormat;
			readonly content: ExportContent;
			readonly overwrite: boolean;
	  };

/** How an export went: the file written (its full path, `~` for home), the file there already, or why not. */
export type ExportOutcome =
	| {readonly written: string}
	| {readonly exists: string}
	| {readonly failed: string};

type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;

export interface Message {
	readonly text: string;
	readonly error?: boolean;
}

export interface State {
	readonly dataset: Dataset;
	readonly fileLabel: string;
	/** The file to reload (R, --watch); undefined when the data came from standard input. */
	readonly path?: string;
	/** The last reload failed: its first problem (file:line:col) and how many more. Cleared by a good one. */
	readonly reloadError?: {readonly text: string; readonly more: number};
	/** What was wrong with the data shown, though it opened: the items left out (the problems pane). */
	readonly problems: ProblemReport;
	readonly filters: Filters;
	/** The command line's selection; facets narrow it further. */
	readonly base: Selection;
	readonly facets: PickedFacets;
	readonly grouping?: Grouping;
	readonly timeline: Timeline;
	readonly size: Size;
	/** How list and detail share the screen (resized and hidden by the person, for the session). */
	readonly split: Split;
	readonly cursor: number;
	/** First list row on screen. */
	readonly top: number;
	/** The list pane on the main screen (see `PaneKind`). */
	readonly view: Mode;
	readonly focus: Focus;
	/** An overlay or prompt pane over the screen. */
	readonly overlay?: Mode;
	/**
	 * The overlays and prompts under it, innermost last (the help opened from the date prompt): closing
	 * uncovers the last, as it was left.
	 */
	readonly beneath?: readonly Mode[];
	readonly detail: DetailState;
	readonly search: SearchState;
	/** Each pane's own state, by mode (`withPane` replaces one). */
	readonly panes: PaneStates;
	/** What keys do, and what help, hints and titles say about them. */
	readonly keymap: Keymap;
	/** Events and quotes set aside (m); the view keeps them on disk whenever they change. */
	readonly marks: Marks;
	readonly message?: Message;
	/** When the session started (ms): "yesterday" counts from it when the dataset has no reference date. */
	readonly today: number;
	readonly effect?: Effect;
	readonly nextEffectId: number;
	readonly exit?: number;
}

export interface InitOptions {
	dataset: Dataset;
	fileLabel: string;
	path?: string;
	filters: Filters;
	size: Size;
	search?: string;
	/** What the search is kept to at first (`--kind`); Tab changes it. */
	scope?: Scope;
	eventId?: string;
	/** Keys other than the default ones (the default keymap when left out). */
	keymap?: Keymap;
	/** Now, in ms (the clock is read outside the reducer); the Unix epoch when left out. */
	today?: number;
	/** The marks kept from earlier sessions, and where to keep them (none, for this session only). */
	marks?: Marks;
	/** Something to say as the explorer opens (the marks could not be read back, say). */
	notice?: string;
	/** What loading left out (none when left out). */
	problems?: ProblemReport;
}

export const NO_PROBLEMS: ProblemReport = {problems: [], omitted: 0, skipped: {}};

export function timelineFor(
	dataset: Dataset,
	selection: Selection,
	grouping: Grouping | undefined,
	whole: boolean,
): Timeline {
	return buildTimeline(
		selection,
		grouping ?? autoGrouping(selection.events),
		whole,
		dataset.reference,
		whole ? dataset.dateRuns : undefined,
	);
}

/**
 * The timeline of `base` narrowed by `facets` (picked in the picker, or kept across a reload), and
 * where the cursor goes in it: onto the event it was on (by id, so a reloaded copy counts), else the
 * first event at or after that one's date. `kept` says whether it is the same event.
 */
export function reselect(
	state: State,
	dataset: Dataset,
	base: Selection,
	facets: PickedFacets,
): {timeline: Timeline; cursor: number; kept: boolean} {
	const selection = applyFacets(base, facets);
	const timeline = timelineFor(dataset, selection, state.grouping, isWhole(selection, dataset));
	const previous = state.timeline.events[state.cursor];
	const same = previous ? dataset.eventsById.get(previous.id) : undefined;
	let cursor = same ? timeline.indexOf(same) : -1;
	if (cursor < 0 && previous) {
		const at = instantOf(previous);
		cursor = at === undefined ? timeline.datedCount : firstAtOrAfter(timeline, at);
	}
	cursor = Math.max(0, Math.min(cursor, timeline.events.length - 1));
	return {timeline, cursor, kept: same !== undefined && timeline.events[cursor] === same};
}

export function createState(
	options: InitOptions,
	parts: {readonly keymap: Keymap; readonly panes: PaneStates},
): State {
	const {dataset} = options;
	const base = select(dataset, options.filters);
	const whole = isWhole(base, dataset);
	const query = options.search ?? '';
	return {
		dataset,
		fileLabel: options.fileLabel,
		path: options.path,
		problems: options.problems ?? NO_PROBLEMS,
		filters: options.filters,
		base,
		facets: new Set(),
		timeline: timelineFor(dataset, base, undefined, whole),
		size: options.size,
		split: DEFAULT_SPLIT,
		cursor: 0,
		top: 0,
		view: options.search !== undefined ? 'search' : 'timeline',
		focus: 'list',
		detail: {scroll: 0, quote: 0},
		search: {
			query,
			caret: query.length,
			scope: options.scope ?? 'all',
			indexing: true,
			indexed: 0,
			generation: 0,
			selected: 0,
			top: 0,
		},
		panes: parts.panes,
		keymap: parts.keymap,
		marks: options.marks ?? {items: []},
		...(options.notice !== undefined && {message: {text: options.notice, error: true}}),
		nextEffectId: 1,
		today: options.today ?? 0,
	};
}

/** Ask the view to carry out an effect (it reports back with `effectDone`), saying `message` meanwhile. */
export function requestEffect(state: State, effect: WithoutId<Effect>, message?: Message): State {
	const id = state.nextEffectId;
	return {
		...state,
		nextEffectId: id + 1,
		effect: {...effect, id} as Effect,
		...(message && {message}),
	};
}

/** The state with pane `mode`'s own state replaced. */
export function withPane<M extends keyof PaneStates>(state: State, mode: M, own: PaneStates[M]): State {
	return state.panes[mode] === own ? state : {...state, panes: {...state.panes, [mode]: own}};
}
