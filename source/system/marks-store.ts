import {createHash} from 'node:crypto';
import {readFile, realpath, rename} from 'node:fs/promises';
import {homedir} from 'node:os';
import {isAbsolute, join} from 'node:path';
import type {Marks} from '../state/marks.js';
import {privateDirectory, writeFileAtomic} from './atomic-file.js';

/**
 * Marks between sessions: one small JSON file per dataset under `$XDG_STATE_HOME/timescope/marks/`
 * (`~/.local/state/timescope/marks/` by default), named by a hash of the dataset's real path and
 * holding that path. It is written whole or not at all (`atomic-file.ts`). Reading it can fail in
 * every way a file can; none of them stops the explorer from opening or touches the dataset: it
 * starts with no marks and says why once, and an unreadable file is set aside (`….corrupt`), not
 * overwritten, so the marks in it can still be recovered by hand.
 */

const FORMAT = 'timescope-marks/1';

export function stateHome(env: NodeJS.ProcessEnv = process.env): string {
	// The spec: a relative XDG_STATE_HOME is invalid and must be ignored.
	const given = env.XDG_STATE_HOME;
	return given && isAbsolute(given) ? given : join(env.HOME || homedir(), '.local', 'state');
}

function marksFile(dataset: string, env: NodeJS.ProcessEnv): string {
	const name = createHash('sha256').update(dataset).digest('hex').slice(0, 32);
	return join(stateHome(env), 'timescope', 'marks', `${name}.json`);
}

export interface Loaded {
	readonly marks: Marks;
	/** Why the marks kept for this dataset could not be read back, to say once. */
	readonly notice?: string;
}

/** The marks kept for the dataset at `path`; none (and a notice) if they cannot be read. */
export async function loadMarks(path: string, env: NodeJS.ProcessEnv = process.env): Promise<Loaded> {
	let store: string;
	try {
		store = await realpath(path);
	} catch {
		return {marks: {items: []}};
	}
	const file = marksFile(store, env);
	let text: string;
	try {
		text = await readFile(file, 'utf8');
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		if (code === 'ENOENT') return {marks: {items: [], store}};
		return {
			marks: {items: [], store},
			notice: `marks not read back (${file}: ${code ?? String(error)}); starting with none`,
		};
	}
	// Its reader (and zod with it) loads only when there is a file to read back.
	const {readMarks} = await import('./marks-file.js');
	const read = readMarks(text, store, FORMAT);
	if (Array.isArray(read)) return {marks: {items: read, store}};
	const why = read;
	const aside = `${file}.corrupt`;
	try {
		await rename(file, aside);
	} catch {
		return {marks: {items: [], store}, notice: `marks not read back (${file}: ${why}); starting with none`};
	}
	return {
		marks: {items: [], store},
		notice: `marks not read back (${why}); starting with none; the old file is kept as ${aside}`,
	};
}

/** Keep the marks for their dataset (`marks.store`), replacing what was kept. */
export async function saveMarks(marks: Marks, env: NodeJS.ProcessEnv = process.env): Promise<void> {
	if (marks.store === undefined) return;
	const file = marksFile(marks.store, env);
	await privateDirectory(join(file, '..'));
	const body = {format: FORMAT, dataset: marks.store, marks: marks.items};
	await writeFileAtomic(file, `${JSON.stringify(body, null, '\t')}\n`, {overwrite: true, mode: 0o600});
}
