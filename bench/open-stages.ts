import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {unpackColumns} from '../source/dataset/column-pack.js';
import {unpack} from '../source/dataset/pack.js';
import {openColumns} from '../source/dataset/records.js';
import {type CacheSettings, readEntry} from '../source/open/cache.js';
import {identify} from '../source/open/identity.js';
import {openDataset} from '../source/open/open.js';
import {makeSearcher} from '../source/search/searcher.js';
import {restoreIndex} from '../source/search/snapshot.js';
import {initialState} from '../source/state/reducer.js';

/**
 * Where the time of a cached open goes, stage by stage, as source/open/open.ts runs them:
 * `node --import tsx bench/open-stages.ts FILE`. The file is first opened once into a cache of its own
 * (written as the explorer writes it, through a worker), then opened from it.
 */

const file = process.argv[2];
if (!file) throw new Error('usage: open-stages.ts FILE');
const dir = mkdtempSync(join(tmpdir(), 'timescope-open-stages-'));
const settings: CacheSettings = {dir, limit: 2 ** 40, minBytes: 0};
try {
	const first = await openDataset(file, {settings});
	const result = await first.result;
	if (!result.ok) throw new Error(`${file} does not open: ${result.problems[0]?.message}`);
	await first.drawn();
	first.close();

	const rows: Array<[string, number]> = [];
	const stage = async <T>(name: string, work: () => T | Promise<T>): Promise<T> => {
		const start = performance.now();
		const value = await work();
		rows.push([name, performance.now() - start]);
		return value;
	};
	const identity = await stage('identify the file', () => identify(file));
	if (!identity) throw new Error('no identity');
	const entry = await stage('read the entry', () => readEntry(settings, identity));
	if (!entry) throw new Error('no entry');
	const packed = await stage('verify the model', () => unpack(entry.model));
	const columns = await stage('check the columns', () => unpackColumns(packed));
	const dataset = await stage('open the records', () => openColumns(columns));
	await stage('first state (timeline)', () =>
		initialState({dataset, fileLabel: file, filters: {}, size: {columns: 120, rows: 40}}),
	);
	const indexBytes = await stage('read the index', () => entry.readIndex());
	if (!indexBytes) throw new Error('no index in the entry');
	const index = await stage('verify the index', () => unpack(indexBytes));
	await stage('restore the index', () => makeSearcher(restoreIndex(index, dataset)));
	const total = rows.slice(0, 6).reduce((sum, [, ms]) => sum + ms, 0);
	for (const [name, ms] of rows) process.stdout.write(`${name.padEnd(28)} ${ms.toFixed(0).padStart(6)} ms\n`);
	process.stdout.write(
		`to the first state: ${total.toFixed(0)} ms; entry ${(entry.model.length / 1e6).toFixed(0)} MB model + ${(indexBytes.length / 1e6).toFixed(0)} MB index; RSS ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB\n`,
	);
} finally {
	rmSync(dir, {recursive: true, force: true});
}
