import {watch} from 'node:fs';
import {basename, dirname, resolve} from 'node:path';
import {type LoadResult, loadDataset} from './load.js';

/**
 * Reload a dataset when its file changes. The directory is watched, not the file: editors and
 * generators save atomically (write a temp file, rename it over the old one), which replaces the
 * inode a file watch would be attached to. Bursts of events are debounced into one reload.
 */
export interface DatasetWatcher {
	close(): void;
}

export function watchDataset(
	path: string,
	onReload: (result: LoadResult) => void,
	options: {debounceMs?: number} = {},
): DatasetWatcher {
	const file = resolve(path);
	const name = basename(file);
	let timer: NodeJS.Timeout | undefined;
	let closed = false;
	let generation = 0;

	const reload = async () => {
		const mine = ++generation;
		const result = await loadDataset(file);
		// A newer change started while this one was reading: its result is the one that counts.
		if (!closed && mine === generation) onReload(result);
	};

	const watcher = watch(dirname(file), {persistent: false}, (_event, changed) => {
		if (changed !== null && changed.toString() !== name) return;
		clearTimeout(timer);
		timer = setTimeout(() => void reload(), options.debounceMs ?? 75);
	});
	// A watched directory that disappears is reported on the next manual reload; never crash for it.
	watcher.on('error', () => {});

	return {
		close() {
			closed = true;
			clearTimeout(timer);
			watcher.close();
		},
	};
}
