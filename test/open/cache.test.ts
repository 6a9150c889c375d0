import {
	chmodSync,
	mkdirSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	realpathSync,
	rmSync,
	statSync,
	utimesSync,
	writeFileSync,
} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {generateDocument} from '../../bench/generate.js';
import {type LoadResult, loadDataset} from '../../source/dataset/load.js';
import {adoptOrder, quotesByTime} from '../../source/dataset/quote-time.js';
import {BUILD, type CacheSettings, entryPath, readEntry, writeEntry} from '../../source/open/cache.js';
import {identify} from '../../source/open/identity.js';
import {type OpenOptions, openDataset} from '../../source/open/open.js';
import {toSafeJson} from '../../source/output/json.js';

/**
 * The cache of opened files: a second open of the same file in the same state comes from it, with the
 * same data and the same problems; any change to the file, any damage to the cache, any entry of
 * another build is a miss and is rebuilt, never an error; the limit evicts the oldest entries.
 */

let dir: string;
let settings: CacheSettings;

beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'timescope-cache-test-'));
	settings = {dir: join(dir, 'cache'), limit: 2 ** 30, minBytes: 0};
});

afterEach(() => {
	rmSync(dir, {recursive: true, force: true});
});

/** A generated dataset (cached whatever its size: `minBytes` is 0 here). */
function datasetFile(name = 'archive.json', seed = 1): string {
	const path = join(dir, name);
	writeFileSync(path, toSafeJson(generateDocument({events: 300, quotes: 600, seed})));
	return path;
}

/** Open as the explorer does: the result, then the first frame drawn (the cache is written then). */
async function open(path: string, options: OpenOptions = {}) {
	const opening = await openDataset(path, {settings, ...options});
	const result = await opening.result;
	const searcher = result.ok ? await opening.loadSearcher(result.dataset, {}) : undefined;
	const fresh = await opening.drawn();
	opening.close();
	return {opening, result, searcher, fresh};
}

function entries(): string[] {
	try {
		return readdirSync(settings.dir).filter((name) => name.endsWith('.tsc'));
	} catch {
		return [];
	}
}

/** What a person sees of a result: the JSON it prints and what it reports. */
function seen(result: LoadResult) {
	if (!result.ok) return result;
	const {dataset, ...report} = result;
	return {json: toSafeJson(dataset.doc), report};
}

describe('the cache of opened files', () => {
	it('opens a file the second time from the cache, with the same data, problems and search', async () => {
		const path = join(dir, 'lenient.json');
		const doc = generateDocument({events: 300, quotes: 600});
		// One quote with no speaker: left out, and said so, whether cached or not.
		(doc.quotes as unknown[]).push({id: 'orphan', text: 'said by nobody'});
		writeFileSync(path, toSafeJson(doc));
		const first = await open(path);
		expect(first.opening.cached).toBe(false);
		expect(entries()).toHaveLength(1);
		const second = await open(path);
		expect(second.opening.cached).toBe(true);
		expect(second.opening.ready).toBeDefined();
		expect(seen(second.result)).toEqual(seen(first.result));
		expect(second.result.ok && second.result.problems.length).toBe(1);
		expect(second.result.ok && second.result.skipped).toEqual({quote: 1});
		const query = 'oil minister';
		expect(JSON.stringify(second.searcher?.search(query, {limit: 20}).hits.slice())).toEqual(
			JSON.stringify(first.searcher?.search(query, {limit: 20}).hits.slice()),
		);
		expect(second.fresh).toBeUndefined();
	});

	it('brings the quotes’ order in time with the index: the quotes view sorts nothing again', async () => {
		const path = datasetFile();
		const first = await open(path);
		const second = await open(path);
		expect(second.opening.cached).toBe(true);
		if (!first.result.ok || !second.result.ok) throw new Error('not opened');
		const order = quotesByTime(second.result.dataset.quotes);
		expect(order).toBe(second.searcher?.quoteOrder);
		expect([...order]).toEqual([...quotesByTime(first.result.dataset.quotes)]);

		// An order that is not one of these quotes (a damaged entry) is not taken: they are sorted.
		const third = await loadDataset(path);
		if (!third.ok) throw new Error('not opened');
		const {quotes} = third.dataset;
		adoptOrder(quotes, new Uint32Array(quotes.length).fill(0));
		expect([...quotesByTime(quotes)]).toEqual([...order]);
	});

	it('writes the same entry from the worker as from this thread', async () => {
		const path = datasetFile();
		await open(path, {workerFrom: 0});
		const fromWorker = readFileSync(join(settings.dir, entries()[0] as string));
		rmSync(settings.dir, {recursive: true});
		await open(path, {workerFrom: Number.POSITIVE_INFINITY});
		const here = readFileSync(join(settings.dir, entries()[0] as string));
		expect(fromWorker.equals(here)).toBe(true);
		expect((await open(path)).opening.cached).toBe(true);
	});

	it('misses when the file is touched, or changed by one byte with its size and time put back', async () => {
		const path = datasetFile();
		await open(path);
		const later = new Date(Date.now() + 5000);
		utimesSync(path, later, later);
		const touched = await open(path);
		expect(touched.opening.cached).toBe(false);
		expect((await open(path)).opening.cached).toBe(true);

		const before = statSync(path);
		const bytes = readFileSync(path);
		const at = bytes.indexOf('"title"') + 10;
		bytes[at] = bytes[at] === 0x41 ? 0x42 : 0x41;
		writeFileSync(path, bytes);
		utimesSync(path, before.atime, before.mtime);
		expect(statSync(path).size).toBe(before.size);
		const changed = await open(path);
		expect(changed.opening.cached).toBe(false);
		expect(changed.result.ok && changed.result.dataset.title).toBe(
			JSON.parse(bytes.toString('utf8')).title as string,
		);
	});

	it('reloads from the file when its content is not what the entry holds, though it looks the same', async () => {
		const path = datasetFile();
		await open(path);
		const identity = await identify(path);
		const entry = identity && (await readEntry(settings, identity));
		if (!identity || !entry) throw new Error('no entry');
		// An entry for this very identity but for other bytes: what a same-tick rewrite would leave.
		const {report, model} = entry;
		const index = await entry.readIndex();
		await writeEntry(settings, {source: identity, contentHash: '0'.repeat(64), report, model, index});
		const opened = await open(path);
		expect(opened.opening.cached).toBe(true);
		expect(opened.fresh?.ok).toBe(true);
		expect(seen(opened.fresh as LoadResult)).toEqual(seen(opened.result));
		expect(existsEntry(path)).toBe(false);
	});

	it('rebuilds a cut-short entry, a foreign file in its place and an entry of another build', async () => {
		const path = datasetFile();
		await open(path);
		const entry = join(settings.dir, entries()[0] as string);
		const whole = readFileSync(entry);
		const expected = seen((await open(path)).result);

		writeFileSync(entry, whole.subarray(0, Math.floor(whole.length / 2)));
		const cut = await open(path);
		expect(cut.opening.cached).toBe(false);
		expect(seen(cut.result)).toEqual(expected);
		expect(readFileSync(entry).equals(whole)).toBe(true);

		writeFileSync(entry, 'not a cache entry at all\n'.repeat(1000));
		expect((await open(path)).opening.cached).toBe(false);

		// One byte changed in the model: a miss. In the search index: the data comes from the entry, the
		// index is built again, and the entry written whole again.
		const model = whole.indexOf('TSPK');
		const index = whole.indexOf('TSPK', model + 4);
		for (const [at, cached] of [
			[model + Math.floor((index - model) / 2), false],
			[index + Math.floor((whole.length - index) / 2), true],
		] as const) {
			const changed = Buffer.from(whole);
			changed[at] = (changed[at] as number) ^ 0xff;
			writeFileSync(entry, changed);
			const damaged = await open(path);
			expect(damaged.opening.cached).toBe(cached);
			expect(seen(damaged.result)).toEqual(expected);
			expect(damaged.searcher?.search('oil', {limit: 5}).total).toBeGreaterThan(0);
			expect(readFileSync(entry).equals(whole)).toBe(true);
		}

		const other = Buffer.from(
			whole.toString('latin1').replace(`"build":"${BUILD}"`, '"build":"0.0.1-older"'),
			'latin1',
		);
		writeFileSync(entry, other);
		expect((await open(path)).opening.cached).toBe(false);
		expect((await open(path)).opening.cached).toBe(true);
	});

	it('leaves files it did not write alone', async () => {
		const path = datasetFile();
		await open(path);
		const foreign = join(settings.dir, 'notes.txt');
		writeFileSync(foreign, 'mine');
		settings = {...settings, limit: 1};
		await open(datasetFile('other.json', 2));
		expect(readFileSync(foreign, 'utf8')).toBe('mine');
	});

	it('opens as usual when the cache folder cannot be made or written', async () => {
		const path = datasetFile();
		// No folder can be made under a file.
		settings = {...settings, dir: join(path, 'cache')};
		expect((await open(path)).result.ok).toBe(true);
		expect((await open(path)).opening.cached).toBe(false);
		// A folder that cannot be written: read-only to its owner, or, for root (who writes anywhere), one
		// of /proc, where no file can be made.
		const readOnly = join(dir, 'read-only');
		mkdirSync(readOnly);
		chmodSync(readOnly, 0o500);
		settings = {...settings, dir: process.getuid?.() === 0 ? '/proc/self' : readOnly};
		const opened = await open(path);
		expect(opened.result.ok).toBe(true);
		expect(seen(opened.result)).toEqual(seen((await open(path, {cache: false})).result));
		expect((await open(path)).opening.cached).toBe(false);
		expect(entries()).toEqual([]);
	});

	it('neither reads nor writes the cache with --no-cache', async () => {
		const path = datasetFile();
		await open(path, {cache: false});
		expect(entries()).toEqual([]);
		await open(path);
		expect(entries()).toHaveLength(1);
		expect((await open(path, {cache: false})).opening.cached).toBe(false);
	});

	it('loads a big file behind the loading screen with --no-cache too, and caches nothing', async () => {
		const path = datasetFile();
		const {opening, result} = await open(path, {cache: false, workerFrom: 1});
		// Big from one byte (workerFrom 1), so read in the worker: no result at once, the loading screen meanwhile.
		expect(opening.ready).toBeUndefined();
		expect(seen(result)).toEqual(seen((await open(path, {cache: false})).result));
		expect(entries()).toEqual([]);
	});

	it('loads a big file in its own process and leaves no temporary folder, or loads it here when there is none to be had', async () => {
		const path = datasetFile();
		const tmp = process.env.TMPDIR;
		const own = join(dir, 'tmp');
		mkdirSync(own);
		try {
			process.env.TMPDIR = own;
			const away = await open(path, {cache: false, workerFrom: 1});
			expect(away.opening.ready).toBeUndefined();
			await new Promise((resolve) => setTimeout(resolve, 200));
			// (tsx, which runs the loading process from the sources here, keeps its own cache there.)
			expect(readdirSync(own).filter((name) => name.startsWith('timescope-'))).toEqual([]);
			process.env.TMPDIR = join(dir, 'no such folder');
			const here = await open(path, {cache: false, workerFrom: 1});
			expect(here.opening.ready?.ok).toBe(true);
			expect(seen(here.result)).toEqual(seen(away.result));
		} finally {
			if (tmp === undefined) delete process.env.TMPDIR;
			else process.env.TMPDIR = tmp;
		}
	});

	it('keeps within its limit by evicting the entries used longest ago', async () => {
		const files = [datasetFile('a.json', 1), datasetFile('b.json', 2), datasetFile('c.json', 3)];
		await open(files[0] as string);
		const size = statSync(join(settings.dir, entries()[0] as string)).size;
		settings = {...settings, limit: Math.floor(size * 2.5)};
		await open(files[1] as string);
		// a is used again, so b is now the one used longest ago.
		const past = new Date(Date.now() - 60_000);
		utimesSync(
			join(settings.dir, entries().find((name) => existsFor(name, files[1] as string)) as string),
			past,
			past,
		);
		expect((await open(files[0] as string)).opening.cached).toBe(true);
		await open(files[2] as string);
		expect(entries()).toHaveLength(2);
		expect((await open(files[0] as string)).opening.cached).toBe(true);
		expect((await open(files[2] as string)).opening.cached).toBe(true);
		expect(existsEntry(files[1] as string)).toBe(false);
	});

	it('does not use an entry with problems for --strict, which refuses the file', async () => {
		const path = join(dir, 'lenient.json');
		const doc = generateDocument({events: 300, quotes: 600});
		(doc.quotes as unknown[]).push({id: 'orphan', text: 'said by nobody'});
		writeFileSync(path, toSafeJson(doc));
		await open(path);
		const strict = await open(path, {strict: true});
		expect(strict.opening.cached).toBe(false);
		expect(strict.result.ok).toBe(false);
	});
});

function existsEntry(path: string): boolean {
	return entries().some((name) => existsFor(name, path));
}

function existsFor(name: string, path: string): boolean {
	return join(settings.dir, name) === entryPath(settings, {path: realpathSync(path)});
}
