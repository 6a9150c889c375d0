import type {Quote} from '../dataset/model.js';
import type {Command} from './actions.js';
import type {Shown} from './detail.js';
import type {Field} from './field.js';
import type {State} from './state.js';

/**
 * What every pane of the explorer is to the reducer and the views. A pane is one mode: the keymap
 * routes keys by mode, the registry (`panes.ts`) maps each mode to its pane, the views table
 * (`ui/views.tsx`) to what draws it. The reducer never asks which mode it is in: it hands generic
 * commands (move, page, edge, typed text, open, close) to the current pane and looks up the rest in
 * the pane's own `commands` before the shared ones.
 *
 * How to add one: docs/ARCHITECTURE.md, "Add a pane".
 */

/**
 * Where a pane is drawn and what opening and closing it means:
 * - `list`: the main screen's list under the header (the timeline, search results). Opening it makes
 *   it the view; the detail beside it (or, narrow, on Enter) shows its `subject`; closing it goes
 *   back to the timeline.
 * - `detail`: the detail of the list's subject. There is one; the list and the detail trade the focus.
 * - `overlay`: the whole screen above the status bar (help, the facet picker). Closing it uncovers
 *   what was there.
 * - `prompt`: a line in place of the status bar, over the screen (the date prompt).
 */
export type PaneKind = 'list' | 'detail' | 'overlay' | 'prompt';

/** Moving through what a pane shows: items under a cursor, or lines of text. */
export interface Scroll {
	/** Rows on screen: a page. */
	rows(state: State): number;
	move(state: State, by: number): State;
	page(state: State, dir: 1 | -1, half?: boolean): State;
	edge(state: State, end: 'first' | 'last'): State;
	/** Bring the position back within bounds after the screen or the data changed. */
	clamp(state: State): State;
}

/** The line a pane types into: unbound printable keys insert, erase and caret commands edit it. */
export interface TextField {
	get(state: State): Field;
	set(state: State, field: Field): State;
}

export type CommandHandler<T extends Command['type']> = (
	state: State,
	command: Extract<Command, {type: T}>,
) => State;

export type CommandHandlers = {readonly [T in Command['type']]?: CommandHandler<T>};

/**
 * A pane. `Own` is its own state, kept in `state.panes[mode]` (`withPane` replaces it); a pane
 * without one leaves it out. The timeline, detail and search keep theirs at the top of `State`
 * (cursor and top, `detail`, `search`) because the other panes read it.
 */
export interface Pane<Own = never> {
	/** The status bar's mode label (upper-cased there) and the help's section title. */
	readonly title: string;
	readonly kind: PaneKind;
	/** Its own state when the explorer starts. */
	readonly initial?: Own;
	readonly scroll?: Scroll;
	readonly field?: TextField;
	/** Where the person is, for the status bar: `12/48`. */
	position?(state: State): string;
	/** Called after the pane is opened (made the view, or put over the screen): reset what must be. */
	open?(state: State): State;
	/** List panes: what the detail shows for the selection. */
	subject?(state: State): Shown | undefined;
	/** List panes: the quote `y` copies while the list has the focus (else the detail's selected one). */
	selectedQuote?(state: State): Quote | undefined;
	/**
	 * A left click on the pane's line `line` (its first is 0) at `column`: select what is drawn there.
	 * `again` when it was selected already, so that a second click opens it as Enter does.
	 */
	click?(state: State, line: number, column: number): Clicked | undefined;
	/** List panes: what a row is, for "No event selected." and "no events to open". */
	readonly item?: string;
	/** Commands this pane gives its own meaning; the others are the shared ones (`reducer.ts`). */
	readonly commands?: CommandHandlers;
}

export interface Clicked {
	readonly state: State;
	readonly again: boolean;
}

/** Any pane, whatever its own state. */
export type AnyPane = Pane<unknown>;
