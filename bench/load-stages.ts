import {checkJson} from '../source/dataset/load.js';
import {buildDataset} from '../source/dataset/model.js';
import {openInput, readText} from '../source/dataset/read-input.js';
import type {TimescopeDocument} from '../source/dataset/schema.js';
import {createSearcher} from '../source/search/searcher.js';

/**
 * Where the time of loading a big file goes, stage by stage, as source/dataset/load.ts runs them:
 * `node --expose-gc --import tsx bench/load-stages.ts FILE`. Each stage is followed by a full GC,
 * timed on its own, so the garbage a stage leaves is not billed to the next one.
 */

const file = process.argv[2];
if (!file) throw new Error('usage: load-stages.ts FILE');

const rows: Array<[string, number]> = [];
function stage<T>(name: string, work: () => T): T {
	const start = performance.now();
	const value = work();
	rows.push([name, performance.now() - start]);
	const gcStart = performance.now();
	globalThis.gc?.();
	rows.push([`  gc after ${name}`, performance.now() - gcStart]);
	return value;
}

const start = performance.now();
const opened = await openInput(file);
if (!opened.ok) throw new Error(opened.problem.message);
const input = await readText(opened.input);
await opened.input.close();
rows.push(['read + decode', performance.now() - start]);
if (!input.ok) throw new Error(input.problem.message);
const value = stage('JSON.parse', () => JSON.parse(input.text) as unknown);
const validStart = performance.now();
const validated = await checkJson(value, input.text, file, {strict: true});
rows.push(['check (keys, schema, ids)', performance.now() - validStart]);
if (!validated.ok) throw new Error(`${file} is not valid`);
const doc: TimescopeDocument = validated.doc;
const dataset = stage('build the model', () => buildDataset(doc));
stage('build the search index', () => createSearcher(dataset));

for (const [name, ms] of rows) process.stdout.write(`${name.padEnd(28)} ${ms.toFixed(0).padStart(6)} ms\n`);
process.stdout.write(
	`${dataset.events.length} events, ${dataset.quotes.length} quotes; RSS ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB\n`,
);
