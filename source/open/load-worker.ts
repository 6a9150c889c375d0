import {parentPort, workerData} from 'node:worker_threads';
import {packColumns} from '../dataset/column-pack.js';
import {buildColumns, type Columns} from '../dataset/columns.js';
import {readDocument} from '../dataset/load.js';
import {packToBuffer} from '../dataset/pack.js';
import {openColumns} from '../dataset/records.js';
import {buildIndex} from '../search/index.js';
import {snapshotIndex} from '../search/snapshot.js';
import {contentHasher, identify, sameIdentity} from './identity.js';
import type {BuildIndex, FromWorker, ToWorker} from './worker-messages.js';

/**
 * Loading off the explorer's thread: read, parse, check, build the columns and hand them over (one
 * buffer, moved, not copied); then, once the explorer asks for it (after the timeline's first frame,
 * so that the build takes no core from that frame), build the search index and hand that over too.
 * The explorer draws its loading screen, and reads keys, meanwhile. This thread's memory (the parsed
 * document above all) goes when it ends.
 */

const port = parentPort;
if (!port) throw new Error('load-worker runs as a worker thread');
const post = (message: FromWorker, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);
const indexAsked = () => new Promise<BuildIndex>((resolve) => port.once('message', resolve));

async function run(request: ToWorker): Promise<void> {
	// Listened for from the start: a message that finds no listener is lost.
	const asked = indexAsked();
	const columns = await loadColumns(request);
	if (!columns) return;
	// The parsed document is out of reach by now: the index is built beside the columns alone.
	const dataset = openColumns(columns);
	await asked;
	const build = buildIndex(dataset);
	let step = build.next();
	while (!step.done) step = build.next();
	const index = packToBuffer(snapshotIndex(step.value, dataset));
	post({type: 'index', index}, [index]);
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
		post({type: 'refused', file: loaded.file, problems: loaded.problems, omitted: loaded.omitted});
		return undefined;
	}
	post({type: 'progress', phase: 'building'});
	const {doc, ok: _, ...report} = loaded;
	const columns = buildColumns(doc, {textBytes: before?.size});
	const after = await identify(path);
	// Cached only if the file stayed as it was while it was read: the hash is then of what the model holds.
	const source = before && after && sameIdentity(before, after) ? before : undefined;
	const model = packToBuffer(packColumns(columns));
	post({type: 'model', model, report, source, contentHash: hasher.digest()}, [model]);
	return columns;
}

run(workerData as ToWorker).catch((error: unknown) => {
	post({type: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error)});
});
