import {type FSWatcher, type Stats, unwatchFile, watch, watchFile} from 'node:fs';
import {stat} from 'node:fs/promises';
import {basename, dirname, resolve} from 'node:path';
import type {LoadResult, ReadOptions} from './load.js';

/**
 * Reload a dataset when its file changes, and only once it has stopped changing.
 *
 * - The directory is watched, not the file: editors and generators save atomically (write a temp
 *   file, rename it over the old one), which replaces the inode a file watch would be attached to.
 * - The path is also polled (its stat, through any symlink): that sees a symlink's target change,
 *   and a directory removed and made again, where the directory watch has nothing left to watch (it
 *   is armed again once the directory is back).
 * - A save that is not atomic is read once the file has kept its size and time for a moment; and
 *   an NDJSON file whose counts say it is cut short while it is still changing is read again.
 * - Bursts of events are debounced into one reload; a reload that throws is reported as a problem.
 */
export interface DatasetWatcher {
	close(): void;
}

export interface WatchOptions {
	debounceMs?: number;
	/** How long the file must keep its size and time before it is read. */
	settleMs?: number;
	/** How often the path is polled. */
	pollMs?: number;
	/** Passed to the loader (`strict`). */
	read?: ReadOptions;
}

// A generator may write for a long time: past this, the file is read as it is, and its problems say
// what is missing.
const SETTLE_LIMIT_MS = 5000;
// How long a file whose counts say it is cut short is watched for more before it is shown as it is.
const TRUNCATED_GRACE_MS = 1000;

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

export function watchDataset(
	path: string,
	onReload: (result: LoadResult) => void,
	options: WatchOptions = {},
): DatasetWatcher {
	const file = resolve(path);
	const dir = dirname(file);
	const name = basename(file);
	const settleMs = options.settleMs ?? 100;
	let timer: NodeJS.Timeout | undefined;
	let closed = false;
	let generation = 0;
	let dirWatcher: FSWatcher | undefined;

	const schedule = (delay = options.debounceMs ?? 75) => {
		if (closed) return;
		clearTimeout(timer);
		timer = setTimeout(() => void reload(), delay);
	};

	const reload = async () => {
		const mine = ++generation;
		const current = () => !closed && mine === generation;
		const before = await settled(file, settleMs, current);
		if (!current()) return;
		let result: LoadResult;
		try {
			// Loaded with the first change, not with the explorer (whose cached open never reads a file).
			const {loadDataset} = await import('./load.js');
			result = await loadDataset(file, options.read);
		} catch (error) {
			result = failure(file, error);
		}
		if (!current()) return;
		// Cut short: a writer may only have paused. Give it a moment; if the file grows, read it again.
		if (result.problems.some((problem) => problem.code === 'truncated')) {
			for (let waited = 0; waited < TRUNCATED_GRACE_MS; waited += settleMs) {
				await sleep(settleMs);
				if (!current()) return;
				if (changed(before, await statOf(file))) {
					schedule(0);
					return;
				}
			}
		}
		onReload(result);
		armDirectory();
	};

	const armDirectory = () => {
		if (closed || dirWatcher) return;
		try {
			dirWatcher = watch(dir, {persistent: false}, (_event, changedName) => {
				if (changedName === null || changedName.toString() === name) schedule();
			});
		} catch {
			// No directory (yet): the poll below notices when it is back.
			return;
		}
		// The directory went away: drop the watch; the poll arms it again when the directory is back.
		dirWatcher.on('error', () => disarmDirectory());
	};
	const disarmDirectory = () => {
		dirWatcher?.close();
		dirWatcher = undefined;
	};

	const onPoll = (now: Stats, previous: Stats) => {
		if (now.nlink === 0 && previous.nlink !== 0) disarmDirectory();
		if (changed(previous, now)) {
			armDirectory();
			schedule();
		}
	};
	armDirectory();
	watchFile(file, {persistent: false, interval: options.pollMs ?? 300}, onPoll);

	return {
		close() {
			closed = true;
			clearTimeout(timer);
			disarmDirectory();
			unwatchFile(file, onPoll);
		},
	};
}

type Mark = {size: number; mtimeMs: number; ino: number} | undefined;

async function statOf(file: string): Promise<Mark> {
	try {
		const {size, mtimeMs, ino} = await stat(file);
		return {size, mtimeMs, ino};
	} catch {
		return undefined;
	}
}

function changed(a: Mark | Stats, b: Mark | Stats): boolean {
	return a?.size !== b?.size || a?.mtimeMs !== b?.mtimeMs || a?.ino !== b?.ino;
}

/** Wait until the file keeps its size, time and inode for `ms` (at most SETTLE_LIMIT_MS); its mark then. */
async function settled(file: string, ms: number, current: () => boolean): Promise<Mark> {
	let mark = await statOf(file);
	for (let waited = 0; waited < SETTLE_LIMIT_MS && current(); waited += ms) {
		await sleep(ms);
		const next = await statOf(file);
		if (!changed(mark, next)) return next;
		mark = next;
	}
	return mark;
}

function failure(file: string, error: unknown): LoadResult {
	const detail = error instanceof Error ? error.message : String(error);
	return {
		ok: false,
		file,
		omitted: 0,
		problems: [
			{
				file,
				code: 'unreadable',
				params: {},
				message: `could not be reloaded (a timescope bug: please report it): ${detail}`,
			},
		],
	};
}
