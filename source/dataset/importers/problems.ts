import type {Found, PathPart} from '../problems.js';
import type {TimescopeDocument} from '../schema.js';

/** Where an import problem lies: a JSON pointer into JSON input, or line and column (1-based) of CSV. */
export interface ImportLocation {
	pointer?: string;
	line?: number;
	column?: number;
}

/**
 * A problem in the input, located by pointer (JSON) or line and column (CSV); the loader adds the file.
 * `item` names a slide the import left out (`skipped-item`); `severity: 'note'` marks what was read
 * only in part, or ignored as TimelineJS ignores it.
 */
export type ImportProblem = Found;

/**
 * `ok`: a document made of every item that could be read, and in `skipped` a problem for each item left
 * out and each note. Not `ok`: the input as a whole is not a timeline this importer can read.
 */
export type ImportResult =
	| {ok: true; doc: TimescopeDocument; format: string; skipped: ImportProblem[]}
	| {ok: false; format: string; problems: ImportProblem[]};

/** RFC 6901: the one pointer builder, under the name the importers know it by. */
export {toPointer as toJsonPointer} from '../problems.js';
export type {PathPart};

/** Maps a path inside the TimelineJS 3 shape (`['events', 3, 'start_date', 'day']`) to the input. */
export type Locate = (path: readonly PathPart[]) => ImportLocation;
