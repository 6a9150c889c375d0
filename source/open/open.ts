import {type ChildProcess, type SpawnOptions, spawn} from 'node:child_process';
import {rmSync} from 'node:fs';
import {mkdtemp, open, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {packColumns, unpackColumns} from '../dataset/column-pack.js';
import type {LoadResult, Opened, ReadOptions} from '../dataset/load.js';
import type {Dataset} from '../dataset/model.js';
import {packToBuffer, unpack} from '../dataset/pack.js';
import {adoptOrder} from '../dataset/quote-time.js';
import {columnsOf, openColumns} from '../dataset/records.js';
import type {SearchIndex} from '../search/index.js';
import {type LoadOptions, loadSearcher, makeSearcher, type Searcher} from '../search/searcher.js';
import {restoreIndex, snapshotIndex} from '../search/snapshot.js';
import {
	type CacheEntry,
	type CacheSettings,
	cacheSettings,
	dropEntry,
	type LoadReport,
	readEntry,
	readRange,
	writeEntry,
} from './cache.js';
import {contentHash, contentHasher, type FileIdentity, identify, sameIdentity} from './identity.js';
import {
	type BuildIndex,
	type FromWorker,
	LOADING_FOLDER,
	type LoadProgress,
	type ToWorker,
} from './worker-messages.js';

/**
 * Opening a dataset file for the explorer, as fast as it can be had: from the cache (cache.ts) when
 * the file is as it was last time; else read in a loading process (load-worker.ts) while the explorer
 * shows its loading screen, for a file big enough to take a while; else here, at once. Whatever the
 * way, the result is the one `loadDataset` gives (problems and all), and once the explorer has drawn
 * it (`drawn`), the cache is written and a cached open's content is checked, off the critical path.
 */

export type {LoadProgress} from './worker-messages.js';

export interface OpenOptions {
	readonly strict?: boolean;
	/** Read and write the cache (false: --no-cache). */
	readonly cache?: boolean;
	readonly settings?: CacheSettings;
	/** Files from this size load in the loading process (default 8 MB); Infinity loads every file here. */
	readonly workerFrom?: number;
	/** Write the cache once the data is drawn (print mode reads it but has no frame to wait for). */
	readonly writeCache?: boolean;
	/** Progress of a file loaded here (not in the worker), as `loadDataset` reports it. */
	readonly onSize?: ReadOptions['onSize'];
	readonly onProgress?: ReadOptions['onProgress'];
}

export interface Opening {
	/** The result, when it was there at once (a cached open, a small file): no loading screen needed. */
	readonly ready?: LoadResult;
	readonly result: Promise<LoadResult>;
	/** Whether the result came from the cache. */
	readonly cached: boolean;
	onProgress(listener: (progress: LoadProgress) => void): void;
	/** The searcher for a dataset: the index that came with this one (cache, worker), else built. */
	loadSearcher(dataset: Dataset, options: LoadOptions): Promise<Searcher>;
	/**
	 * The explorer has drawn the data: write the cache, check a cached open against the file. Resolves
	 * with a fresh result if the file turned out not to be what the cache held.
	 */
	drawn(): Promise<LoadResult | undefined>;
	/** Stop the worker and any background work (the explorer is closing). */
	close(): void;
}

const WORKER_FROM = 8_000_000;

export async function openDataset(path: string, options: OpenOptions = {}): Promise<Opening> {
	const {strict = false} = options;
	const settings = options.settings ?? cacheSettings();
	// Known with or without the cache: a big file loads behind the loading screen either way.
	const identity = path === '-' ? undefined : await identify(path);
	const cacheable = options.cache !== false && identity !== undefined && identity.size >= settings.minBytes;
	if (cacheable) {
		const entry = await readEntry(settings, identity);
		const hit = entry && !(strict && refusesStrictly(entry.report)) ? fromEntry(entry) : undefined;
		if (hit) return cachedOpening(path, identity, entry as CacheEntry, hit, settings, options);
		await entry?.close();
	}
	const size = identity?.size ?? 0;
	const writeTo = cacheable && options.writeCache !== false ? settings : undefined;
	if (size >= (options.workerFrom ?? WORKER_FROM)) {
		// No temporary folder to hand the data back through (TMPDIR unwritable): loaded here instead.
		const folder = await mkdtemp(join(tmpdir(), 'timescope-loading-')).catch(() => undefined);
		if (folder) return workerOpening(path, strict, writeTo, folder);
	}
	return localOpening(path, options, writeTo);
}

/** An opening of what is loaded already (an article's draft): nothing cached, the index built. */
export function openLoaded(result: LoadResult): Opening {
	return {
		ready: result,
		result: Promise.resolve(result),
		cached: false,
		onProgress: () => {},
		loadSearcher: loadSearcher,
		drawn: async () => undefined,
		close: () => {},
	};
}

/** Strict opening refuses a file for any problem that is not a note. */
function refusesStrictly(report: LoadReport): boolean {
	return report.problems.some((problem) => problem.severity !== 'note');
}

function fromEntry(entry: CacheEntry): (Opened & {ok: true; dataset: Dataset}) | undefined {
	try {
		const dataset = openColumns(unpackColumns(unpack(entry.model)));
		return {ok: true, dataset, ...entry.report};
	} catch {
		return undefined;
	}
}

/**
 * The index a cache entry or the worker brought, for its own dataset only; built for any other, or
 * when the snapshot is missing or damaged (then `onBuilt` gets the new index, to cache it).
 */
function searcherSource(
	dataset: Dataset | undefined,
	index: () => Promise<Uint8Array | undefined>,
	onBuilt?: (index: SearchIndex) => void,
) {
	return async (wanted: Dataset, options: LoadOptions): Promise<Searcher> => {
		if (wanted !== dataset) return loadSearcher(wanted, options);
		const bytes = await index();
		// After the frame that asked for it is out and the keys pressed meanwhile are read.
		await new Promise((resolve) => setImmediate(resolve));
		if (bytes) {
			try {
				const index = restoreIndex(unpack(bytes), wanted);
				const searcher = makeSearcher(index);
				adoptOrder(wanted.quotes, index.quoteOrder);
				options.onProgress?.(wanted.quotes.length, wanted.quotes.length);
				return searcher;
			} catch {
				// A damaged snapshot: built again below, as if there were none.
			}
		}
		return loadSearcher(wanted, {...options, onIndex: onBuilt});
	};
}

function cachedOpening(
	path: string,
	identity: FileIdentity,
	entry: CacheEntry,
	ready: LoadResult,
	settings: CacheSettings,
	options: OpenOptions,
): Opening {
	const controller = new AbortController();
	const dataset = ready.ok ? ready.dataset : undefined;
	// Settles with the index built anew when the entry's was damaged, with undefined when it was fine.
	let settled: (index: SearchIndex | undefined) => void = () => {};
	const indexed = new Promise<SearchIndex | undefined>((resolve) => {
		settled = resolve;
	});
	const source = searcherSource(dataset, () => entry.readIndex(), settled);
	return {
		ready,
		result: Promise.resolve(ready),
		cached: true,
		onProgress: () => {},
		async loadSearcher(wanted, loadOptions) {
			const searcher = await source(wanted, loadOptions);
			if (wanted === dataset) settled(undefined);
			return searcher;
		},
		async drawn() {
			const hash = await contentHash(identity.path, controller.signal);
			if (hash === undefined || controller.signal.aborted) return undefined;
			if (hash === entry.contentHash) {
				// The entry's index was damaged and built again: the entry is written whole again.
				const rebuilt = await indexed;
				if (rebuilt && dataset && !controller.signal.aborted) {
					await writeEntry(settings, {
						source: identity,
						contentHash: entry.contentHash,
						report: entry.report,
						model: entry.model,
						index: indexPack(rebuilt, dataset),
					});
				}
				return undefined;
			}
			// Same identity, other content: the entry is wrong for this file. Read the file itself.
			await dropEntry(settings, identity);
			const fresh = await openDataset(path, {...options, settings});
			return fresh.result;
		},
		close: () => {
			controller.abort();
			settled(undefined);
			void entry.close();
		},
	};
}

function localOpening(
	path: string,
	options: OpenOptions,
	settings: CacheSettings | undefined,
): Promise<Opening> {
	// The reader and its checks (zod, the format's schema, the importers) load only for a file that
	// must be read: a cached open never needs them.
	const reader = import('../dataset/load.js');
	return (async () => {
		const before = settings ? await identify(path) : undefined;
		const hasher = contentHasher();
		const {loadDataset} = await reader;
		const ready = await loadDataset(path, {
			strict: options.strict,
			onSize: options.onSize,
			onProgress: options.onProgress,
			onBytes: settings && ((bytes) => hasher.update(bytes)),
		});
		const after = before ? await identify(path) : undefined;
		const source = before && after && sameIdentity(before, after) ? before : undefined;
		let index: SearchIndex | undefined;
		let indexed: () => void = () => {};
		const built = new Promise<void>((resolve) => {
			indexed = resolve;
		});
		const dataset = ready.ok ? ready.dataset : undefined;
		return {
			ready,
			result: Promise.resolve(ready),
			cached: false,
			onProgress: () => {},
			loadSearcher: (wanted, options) =>
				loadSearcher(wanted, {
					...options,
					onIndex: (built) => {
						if (wanted !== dataset) return;
						index = built;
						indexed();
					},
				}),
			async drawn() {
				if (!settings || !source || !ready.ok) return undefined;
				await built;
				if (!index) return undefined;
				const {dataset: _, ok: __, ...report} = ready;
				await writeEntry(settings, {
					source,
					contentHash: hasher.digest(),
					report,
					model: new Uint8Array(packToBuffer(packColumns(columnsOf(ready.dataset)))),
					index: indexPack(index, ready.dataset),
				});
				return undefined;
			},
			close: () => indexed(),
		};
	})();
}

function workerOpening(
	path: string,
	strict: boolean,
	settings: CacheSettings | undefined,
	dir: string,
): Opening {
	const listeners = new Set<(progress: LoadProgress) => void>();
	let model: (Extract<FromWorker, {type: 'model'}> & {bytes: Uint8Array}) | undefined;
	let dataset: Dataset | undefined;
	let settle: (result: LoadResult) => void = () => {};
	const result = new Promise<LoadResult>((resolve) => {
		settle = resolve;
	});
	let gotIndex: (bytes: Uint8Array | undefined) => void = () => {};
	const index = new Promise<Uint8Array | undefined>((resolve) => {
		gotIndex = resolve;
	});
	const removeDir = () => rm(dir, {recursive: true, force: true}).catch(() => {});
	const worker = startWorker(dir);
	worker.send({path, strict} satisfies ToWorker);
	let asked = false;
	// Asked for by the first frame's searcher or its `drawn`, whichever comes first.
	const indexOnceDrawn = () => {
		if (!asked) {
			asked = true;
			if (worker.connected) worker.send({type: 'build-index'} satisfies BuildIndex);
		}
		return index;
	};
	const fail = (message: string) => {
		settle({
			ok: false,
			file: path,
			problems: [{file: path, code: 'unreadable', params: {}, message: `could not be loaded: ${message}`}],
			omitted: 0,
		});
		gotIndex(undefined);
	};
	// What the process said on its way out, if it died: the reason given when nothing else was.
	let said = '';
	worker.stderr?.on('data', (chunk: Buffer) => {
		said = (said + chunk.toString('utf8')).slice(-2000);
	});
	const handle = async (message: FromWorker) => {
		switch (message.type) {
			case 'progress':
				for (const listener of listeners) listener(message);
				break;
			case 'refused':
				settle({ok: false, file: message.file, problems: message.problems, omitted: message.omitted});
				gotIndex(undefined);
				break;
			case 'model': {
				const bytes = await readPack(message.model);
				model = {...message, bytes};
				dataset = openColumns(unpackColumns(unpack(bytes)));
				settle({ok: true, dataset, ...message.report});
				break;
			}
			case 'index': {
				const bytes = await readPack(message.index);
				// The last file the process writes: its folder goes now, before anyone can use the index
				// (an explorer killed later leaves nothing behind).
				await removeDir();
				gotIndex(bytes);
				break;
			}
			case 'failed':
				fail(message.message);
		}
	};
	// One message at a time, in order: the end of the process is heard only after its last message.
	let handled = Promise.resolve();
	const inOrder = (work: () => Promise<void>) => {
		handled = handled
			.then(work)
			.catch((error: unknown) => fail(error instanceof Error ? error.message : String(error)));
	};
	worker.on('message', (message: FromWorker) => inOrder(() => handle(message)));
	worker.on('error', (error) => inOrder(async () => fail(error.message)));
	worker.on('close', (code, signal) =>
		inOrder(async () => {
			void removeDir();
			const why = said.trim().split('\n').pop() || `it ended (${signal ?? `exit code ${code}`})`;
			// Nothing, once the result and the index are in.
			fail(`the loading process stopped: ${why}`);
		}),
	);
	return {
		result,
		cached: false,
		onProgress: (listener) => {
			listeners.add(listener);
		},
		loadSearcher: (wanted, options) => searcherSource(dataset, indexOnceDrawn)(wanted, options),
		async drawn() {
			const bytes = await indexOnceDrawn();
			if (!settings || !model?.source || !bytes) return undefined;
			await writeEntry(settings, {
				source: model.source,
				contentHash: model.contentHash,
				report: model.report,
				model: model.bytes,
				index: bytes,
			});
			return undefined;
		},
		close: () => {
			worker.kill();
			gotIndex(undefined);
			// At once: the explorer exits right after (a hang-up, a signal), before a promise would settle.
			rmSync(dir, {recursive: true, force: true});
		},
	};
}

/** A pack the loading process wrote, read whole into a buffer of its own, its file then removed. */
async function readPack(file: string): Promise<Uint8Array> {
	const handle = await open(file);
	try {
		const {size} = await handle.stat();
		const bytes = await readRange(handle, 0, size);
		if (!bytes) throw new Error(`${file} ended early`);
		return bytes;
	} finally {
		await handle.close();
		await rm(file, {force: true});
	}
}

function indexPack(index: SearchIndex, dataset: Dataset): Uint8Array {
	return new Uint8Array(packToBuffer(snapshotIndex(index, dataset)));
}

/**
 * The loading process (load-worker.ts): its module sits beside the bundle when built. Run from the
 * sources (tests, the bench), the TypeScript one, through tsx registered in the process itself. Its
 * standard error is kept for the reason it gives if it dies; it never writes to the terminal.
 */
function startWorker(folder: string): ChildProcess {
	const here = import.meta.url;
	const options: SpawnOptions = {
		stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
		serialization: 'advanced',
		env: {...process.env, [LOADING_FOLDER]: folder},
	};
	if (!here.endsWith('.ts')) {
		return spawn(process.execPath, [fileURLToPath(new URL('./load-worker.js', here))], options);
	}
	const module = JSON.stringify(new URL('./load-worker.ts', here).href);
	return spawn(
		process.execPath,
		[
			'--input-type=module',
			'--eval',
			`import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${module}); });`,
		],
		options,
	);
}
