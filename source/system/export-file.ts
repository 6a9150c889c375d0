import {homedir} from 'node:os';
import {resolve} from 'node:path';
import {type ExportContent, type ExportFormat, exportText} from '../output/export.js';
import type {ExportOutcome} from '../state/state.js';
import {writeFileAtomic} from './atomic-file.js';

/**
 * An export written: the name as typed (`~/` is the home directory, a relative name is taken from the
 * directory timescope was started in), the text built by `output/export.ts`, the file written whole
 * and never over an existing one unless asked. Failures come back as words, not exceptions.
 */

export interface ExportRequest {
	readonly file: string;
	readonly format: ExportFormat;
	readonly content: ExportContent;
	readonly overwrite: boolean;
}

export function exportPath(name: string, cwd = process.cwd(), home = homedir()): string {
	return resolve(cwd, name === '~' || name.startsWith('~/') ? home + name.slice(1) : name);
}

export async function exportFile(request: ExportRequest, home = homedir()): Promise<ExportOutcome> {
	const path = exportPath(request.file, process.cwd(), home);
	// Where it went, as short as it can be said: `~/notes/marks.md`.
	const shown = home && path.startsWith(`${home}/`) ? `~${path.slice(home.length)}` : path;
	try {
		const text = exportText(request.format, request.content);
		const written = await writeFileAtomic(path, text, {overwrite: request.overwrite});
		return written === 'exists' ? {exists: shown} : {written: shown};
	} catch (error) {
		const {code, message} = error as NodeJS.ErrnoException;
		const why: Record<string, string> = {
			ENOENT: 'no such directory',
			EACCES: 'permission denied',
			EPERM: 'permission denied',
			EISDIR: 'is a directory',
			ENOTDIR: 'a part of the path is not a directory',
			ENOSPC: 'no space left on the device',
			EROFS: 'a read-only file system',
		};
		return {failed: `${shown}: ${(code && why[code]) ?? message}`};
	}
}
