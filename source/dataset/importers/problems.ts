import type {TimescopeDocument} from '../schema.js';

/** Where an import problem lies: a JSON pointer into JSON input, or line and column (1-based) of CSV. */
export interface ImportLocation {
	pointer?: string;
	line?: number;
	column?: number;
}

export interface ImportProblem extends ImportLocation {
	message: string;
}

export type ImportResult =
	| {ok: true; doc: TimescopeDocument; format: string}
	| {ok: false; format: string; problems: ImportProblem[]};

export type PathPart = string | number;

/** Maps a path inside the TimelineJS 3 shape (`['events', 3, 'start_date', 'day']`) to the input. */
export type Locate = (path: readonly PathPart[]) => ImportLocation;

/** RFC 6901. */
export function toJsonPointer(path: readonly PathPart[]): string {
	return path.map((part) => `/${String(part).replaceAll('~', '~0').replaceAll('/', '~1')}`).join('');
}
