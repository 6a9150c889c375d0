import type {LoadResult} from '../dataset/load.js';
import type {SearchResult} from '../search/searcher.js';
import type {Size} from './layout.js';
import type {ReloadCause} from './reload.js';

/**
 * Commands are what keys do, named by intent; the keymap maps keys to them per mode. The other
 * actions come from the outside world: input, the terminal, the search index, finished effects.
 */
export type Command =
	| {type: 'move'; by: number}
	| {type: 'page'; dir: 1 | -1; half?: boolean}
	| {type: 'edge'; end: 'first' | 'last'}
	| {type: 'group'; dir: 1 | -1}
	| {type: 'openDetail'}
	| {type: 'back'}
	| {type: 'toggleFocus'}
	| {type: 'quote'; dir: 1 | -1}
	| {type: 'openSearch'}
	| {type: 'closeSearch'}
	| {type: 'submitSearch'}
	| {type: 'hit'; dir: 1 | -1}
	| {type: 'erase'; what: 'back' | 'forward' | 'word' | 'line'}
	| {type: 'caret'; to: 'left' | 'right' | 'start' | 'end'}
	| {type: 'openDate'}
	| {type: 'submitDate'}
	| {type: 'openFacets'}
	| {type: 'toggleFacet'}
	| {type: 'clearFacets'}
	| {type: 'cycleGrouping'}
	| {type: 'copy'}
	| {type: 'openUrl'}
	| {type: 'reload'}
	| {type: 'help'}
	| {type: 'close'}
	| {type: 'quit'; code: number};

export type Action =
	| Command
	| {type: 'key'; key: string}
	/** Keys that arrived together (typed fast or pasted): one render for all of them. */
	| {type: 'keys'; keys: readonly string[]}
	| {type: 'insert'; text: string}
	| {type: 'resize'; size: Size}
	| {type: 'indexProgress'; percent: number}
	| {type: 'indexReady'}
	| {type: 'indexFailed'; message: string}
	| {type: 'searchResults'; query: string; generation: number; result: SearchResult}
	/** A new version of the file was read, good or bad: asked for with R, or seen by --watch. */
	| {type: 'loaded'; result: LoadResult; cause: ReloadCause}
	| {type: 'effectDone'; id: number; message?: string; error?: boolean};
