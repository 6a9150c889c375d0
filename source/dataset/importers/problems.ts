import type {TimescopeDocument} from '../schema.js';

/** Where an import problem lies: a JSON pointer into JSON input, or line and column (1-based) of CSV. */
export interface ImportLocation {
	pointer?: string;
	line?: number;
	column?: number;
}

/** An item of the input that the import left out (`index` counts the input's items of that kind from 0). */
export interface SkippedItem {
	kind: 'event' | 'era';
	index: number;
}

export interface ImportProblem extends ImportLocation {
	/** Machine-readable: `skipped-item` for an item left out, else what is wrong with the whole input. */
	code: string;
	params: Readonly<Record<string, string | number | boolean>>;
	message: string;
	/** Set when the import left this item out and went on with the others. */
	item?: SkippedItem;
	/** Worth knowing, not wrong: an item left out that TimelineJS itself ignores. */
	severity?: 'note';
}

/**
 * `ok`: a document made of every item that could be read, and in `skipped` a problem for each item left
 * out (with its `item`) and each note. Not `ok`: the input as a whole is not a timeline this importer
 * can read.
 */
export type ImportResult =
	| {ok: true; doc: TimescopeDocument; format: string; skipped: ImportProblem[]}
	| {ok: false; format: string; problems: ImportProblem[]};

export type PathPart = string | number;

/** Maps a path inside the TimelineJS 3 shape (`['events', 3, 'start_date', 'day']`) to the input. */
export type Locate = (path: readonly PathPart[]) => ImportLocation;

/** RFC 6901. */
export function toJsonPointer(path: readonly PathPart[]): string {
	return path.map((part) => `/${String(part).replaceAll('~', '~0').replaceAll('/', '~1')}`).join('');
}
