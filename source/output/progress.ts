import type {ReadOptions} from '../dataset/load.js';
import {truncateCells} from '../text/cells.js';
import {sanitize} from '../text/sanitize.js';

type Progress = Parameters<NonNullable<ReadOptions['onProgress']>>[0];

// From this size a JSON file takes long enough to load (about 0.4 s per 10 MB here) to say so.
const ANNOUNCE_BYTES = 8_000_000;

/**
 * A one-line progress bar on stderr while a big NDJSON archive streams in, or a "loading" line for a
 * big JSON file (parsed in one piece, so no progress to show). Only on a terminal: in a pipe or a log
 * it would be noise. `done()` erases it, leaving the terminal as it was.
 */
export function progressBar(file: string, stream: NodeJS.WriteStream = process.stderr) {
	if (!stream.isTTY) return {onSize: undefined, onProgress: undefined, done: () => {}};
	let shown = false;
	const name = sanitize(file);
	return {
		onSize(bytes: number) {
			if (bytes < ANNOUNCE_BYTES) return;
			const line = `loading ${name} (${Math.round(bytes / 1e6).toLocaleString('en')} MB)…`;
			stream.write(`\r${truncateCells(line, Math.max(10, (stream.columns ?? 80) - 1))}\u001b[K`);
			shown = true;
		},
		onProgress(progress: Progress) {
			const fraction = progress.totalBytes > 0 ? Math.min(1, progress.bytes / progress.totalBytes) : 0;
			const width = 20;
			const filled = Math.round(fraction * width);
			const bar = `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
			const counts = `${progress.events.toLocaleString('en')} events, ${progress.quotes.toLocaleString('en')} quotes`;
			const line = `loading ${name} ${bar} ${Math.round(fraction * 100)}% · ${counts}`;
			stream.write(`\r${truncateCells(line, Math.max(10, (stream.columns ?? 80) - 1))}\u001b[K`);
			shown = true;
		},
		done() {
			if (shown) stream.write('\r\u001b[K');
		},
	};
}
