import {on} from 'node:events';
import {rmSync} from 'node:fs';
import {open} from 'node:fs/promises';
import {join} from 'node:path';
import {packColumns} from '../dataset/column-pack.js';
import {buildColumns, type Columns} from '../dataset/columns.js';
import {readDocument} from '../dataset/load.js';
import {type Packable, pack} from '../dataset/pack.js';
import {openColumns} from '../dataset/records.js';
import {buildIndex} from '../search/index.js';
import {snapshotIndex} from '../search/snapshot.js';
import {contentHasher, identify, sameIdentity} from './identity.js';
import {type BuildIndex, type FromWorker, LOADING_FOLDER, type ToWorker} from './worker-messages.js';

/**
 * Loading off the explorer's thread, in a process of its own: read, parse, check, build the columns
 * and hand them over; then, once the explorer asks for it (after the timeline's first frame, so that
 * the build takes no core from that frame), build the search index and hand that over too. The
 * explorer draws its loading screen, and reads keys, meanwhile.
 *
 * A process, not a worker thread: a thread's freed memory stays in its malloc arena after it ends
 * (glibc returns none of it once its mmap threshold has risen, and building the model raises it),
 * which left 90 MB of the parsed document's garbage beside the explorer at 100k events. A process
 * gives all of it back when it exits, once the index is handed over.
 */

const send = process.send?.bind(process);
if (!send) throw new Error('load-worker runs as a child process with an IPC channel');
const post = (message: FromWorker) =>
	new Promise<void>((resolve) => send(message, undefined, undefined, () => resolve()));
// Listened for from the start, and kept until read: the first says what to load; the second, that
// the timeline is drawn and the index is wanted.
const messages = on(process, 'message');
const nextMessage = async <T>(): Promise<T> => ((await messages.next()).value as [T])[0];
// The explorer gone (quit, killed, its terminal closed): nothing here is wanted any more, nor the
// folder it made for this process. A hang-up reaches this process too (it shares the explorer's
// terminal), and so does the explorer's own stop signal when it quits. The folder is known from the
// start, so an explorer killed before its first message arrives leaves nothing behind either.
const folder = (() => {
	const named = process.env[LOADING_FOLDER];
	if (!named) throw new Error(`load-worker needs ${LOADING_FOLDER}: the folder to write into`);
	return named;
})();
const leave = () => {
	rmSync(folder, {recursive: true, force: true});
	process.exit(0);
};
process.on('disconnect', leave);
for (const signal of ['SIGHUP', 'SIGTERM', 'SIGINT'] as const) process.on(signal, leave);
// Gone already, before this module ran: its disconnect was emitted to no one.
if (!process.connected) leave();

async function run(): Promise<void> {
	const request = await nextMessage<ToWorker>();
	const columns = await loadColumns(request);
	if (!columns) return;
	// The parsed document is out of reach by now: the index is built beside the columns alone.
	const dataset = openColumns(columns);
	await nextMessage<BuildIndex>();
	const build = buildIndex(dataset);
	let step = build.next();
	while (!step.done) step = build.next();
	await post({type: 'index', index: await written('index', snapshotIndex(step.value, dataset))});
}

/** The pack written to a file in the folder; its path. */
async function written(name: string, packable: Packable): Promise<string> {
	const file = join(folder, `${name}.pack`);
	const {chunks} = pack(packable);
	const handle = await open(file, 'wx', 0o600);
	try {
		await handle.writev(chunks);
	} finally {
		await handle.close();
	}
	return file;
}

async function loadColumns({path, strict}: ToWorker): Promise<Columns | undefined> {
	const before = await identify(path);
	const hasher = contentHasher();
	const loaded = await readDocument(path, {
		strict,
		onBytes: (bytes) => hasher.update(bytes),
		onSize: (bytes) => post({type: 'progress', phase: 'reading', bytes: 0, totalBytes: bytes}),
		onProgress: (progress) => post({type: 'progress', phase: 'reading', ...progress}),
	});
	if (!loaded.ok) {
		await post({type: 'refused', file: loaded.file, problems: loaded.problems, omitted: loaded.omitted});
		return undefined;
	}
	post({type: 'progress', phase: 'building'});
	const {doc, ok: _, ...report} = loaded;
	const columns = buildColumns(doc, {textBytes: before?.size});
	const after = await identify(path);
	// Cached only if the file stayed as it was while it was read: the hash is then of what the model holds.
	const source = before && after && sameIdentity(before, after) ? before : undefined;
	const model = await written('model', packColumns(columns));
	await post({type: 'model', model, report, source, contentHash: hasher.digest()});
	return columns;
}

run()
	.catch((error: unknown) =>
		post({type: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error)}),
	)
	// Done (or failed): gone, and with it every byte this process held.
	.finally(() => process.exit(0));
