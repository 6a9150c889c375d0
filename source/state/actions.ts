import type {LoadResult} from '../dataset/load.js';
import type {SearchResult} from '../search/searcher.js';
import type {Pointer} from './input.js';
import type {Size} from './layout.js';
import type {Mode} from './panes.js';
import type {ReloadCause} from './reload.js';
import type {ExportOutcome} from './state.js';

/**
 * Commands are what keys do, named by intent; the keymap maps keys to them per mode. The other
 * actions come from the outside world: input, the terminal, the search index, finished effects.
 */
export type Command =
	// Every pane that scrolls (its `scroll`)
	| {type: 'move'; by: number}
	| {type: 'page'; dir: 1 | -1; half?: boolean}
	| {type: 'edge'; end: 'first' | 'last'}
	// Panes: open one by its mode; close the current one (an overlay uncovers, the detail gives the
	// focus back to its list, a list view goes back to the timeline)
	| {type: 'open'; pane: Mode}
	| {type: 'close'}
	| {type: 'openDetail'}
	| {type: 'toggleFocus'}
	// The list's next or previous item, from the detail (which then shows it)
	| {type: 'step'; by: 1 | -1}
	// The split between the list and the detail beside it: wider or narrower, hidden or shown
	| {type: 'resizeSplit'; dir: 1 | -1}
	| {type: 'toggleDetail'}
	// The current pane's text field
	| {type: 'erase'; what: 'back' | 'forward' | 'word' | 'line'}
	| {type: 'caret'; to: 'left' | 'right' | 'start' | 'end'}
	// Timeline
	| {type: 'group'; dir: 1 | -1}
	| {type: 'hit'; dir: 1 | -1}
	| {type: 'clearSearch'}
	| {type: 'cycleGrouping'}
	| {type: 'era'; dir: 1 | -1}
	// Detail
	| {type: 'quote'; dir: 1 | -1}
	// Search: all kinds, events, quotes
	| {type: 'scope'}
	// Date prompt
	| {type: 'submitDate'}
	// Export prompt: write the file; switch between the marks and the view
	| {type: 'submitExport'}
	| {type: 'exportWhat'}
	// Facet picker
	| {type: 'toggleFacet'}
	| {type: 'clearFacets'}
	| {type: 'facetKind'; dir: 1 | -1}
	// Marks: mark or unmark what is under the cursor; step through the marked events
	| {type: 'mark'}
	| {type: 'stepMark'; dir: 1 | -1}
	// Wherever they are bound
	| {type: 'copy'}
	| {type: 'copyUrl'}
	| {type: 'openUrl'}
	| {type: 'reload'}
	| {type: 'suspend'}
	| {type: 'quit'; code: number};

export type Action =
	| Command
	| {type: 'key'; key: string}
	/** Keys that arrived together (typed fast or pasted): one render for all of them. */
	| {type: 'keys'; keys: readonly string[]}
	| {type: 'insert'; text: string}
	/** A bracketed paste: text for the field, never keys; `cut` characters past PASTE_LIMIT were dropped. */
	| {type: 'paste'; text: string; cut?: number}
	| {type: 'pointer'; pointer: Pointer}
	| {type: 'resize'; size: Size}
	| {type: 'indexProgress'; percent: number}
	| {type: 'indexReady'}
	| {type: 'indexFailed'; message: string}
	| {type: 'searchResults'; query: string; generation: number; result: SearchResult}
	/** A new version of the file was read, good or bad: asked for with R, or seen by --watch. */
	| {type: 'loaded'; result: LoadResult; cause: ReloadCause}
	| {type: 'effectDone'; id: number; message?: string; error?: boolean}
	/** An export (effect `id`) was written, found its file there already, or failed. */
	| {type: 'exported'; id: number; outcome: ExportOutcome}
	/** The marks could not be written back to their file. */
	| {type: 'marksNotSaved'; message: string};
