import {spawnSync} from 'node:child_process';
import {writeFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {loadDataset} from '../source/dataset/load.js';
import {buildDataset, type Dataset} from '../source/dataset/model.js';
import {createSearcher, loadSearcher, type Searcher} from '../source/search/searcher.js';
import {RESULT_LIMIT} from '../source/state/search.js';
import {sanitize} from '../source/text/sanitize.js';
import {measureFrames} from './frames.js';
import {generateDocument} from './generate.js';
import {plainFuse, plainFuseEvents} from './plain-fuse.js';
import {type Timing, timing} from './timing.js';
import {type KnownItem, keystrokes, knownItems, typedQueries} from './workload.js';

/**
 * One row of the benchmark, in a process of its own (`node --expose-gc --import tsx bench/measure.ts
 * FILE`) so its memory is its own. Prints one JSON line: see `Row`.
 */

export interface Row {
	events: number;
	quotes: number;
	loadMs: number;
	indexMs: number;
	indexSlicedMs: number;
	indexLongestBlockMs: number;
	rssLoadedMB: number;
	rssIndexedMB: number;
	keystroke: Timing;
	/** The same keystrokes in CPU time of the process. */
	keystrokeCpu: Timing;
	keystrokeAsync: Timing;
	searchLongestBlockMs: number;
	/** Known-item recall, quotes by their words, events by their title's. */
	knownItem: Recall;
	knownEvent: Recall;
	fuseKeystroke?: Timing;
	fzfKeystroke?: Timing;
	/** Keystroke to frame in the timeline (bench/frames.tsx): all keys, then per key. */
	frame: Record<string, Timing>;
}

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)] as number;
}

function rssMB(): number {
	globalThis.gc?.();
	globalThis.gc?.();
	return process.memoryUsage().rss / 1e6;
}

/** The longest stretch without an event-loop turn while `work` runs (what typing would wait for). */
async function longestBlock<T>(work: () => Promise<T>): Promise<{value: T; block: number; wall: number}> {
	let last = performance.now();
	let block = 0;
	let running = true;
	const tick = () => {
		const now = performance.now();
		block = Math.max(block, now - last);
		last = now;
		if (running) setImmediate(tick);
	};
	setImmediate(tick);
	const start = performance.now();
	const value = await work();
	const wall = performance.now() - start;
	running = false;
	return {value, block, wall};
}

/** Run `each` over `items` until `budgetMs` is spent; the samples taken so far. */
function withinBudget<T, R>(items: readonly T[], budgetMs: number, each: (item: T) => R): R[] {
	const out: R[] = [];
	const until = performance.now() + budgetMs;
	for (const item of items) {
		if (performance.now() > until) break;
		out.push(each(item));
	}
	return out;
}

function fzfInstalled(): boolean {
	return spawnSync('fzf', ['--version'], {encoding: 'utf8'}).status === 0;
}

/**
 * Search per keystroke, the workload typed three times after a warm-up on other queries, as a session
 * does in its first seconds; per keystroke the median of the three, so that a neighbour's burst of CPU
 * on a shared machine does not decide the p95. The CPU time of the process beside the wall time: on a
 * machine other work keeps busy, the wall time counts the turns spent waiting for a core, the CPU time
 * only the search's own work.
 */
export function timeKeystrokes(searcher: Searcher, data: Dataset): {wall: Timing; cpu: Timing} {
	for (const keys of keystrokes(typedQueries(data, 99)))
		for (const q of keys) searcher.search(q, {limit: 50});
	const queries = typedQueries(data);
	const runs: number[][] = [[], [], []];
	const cpuRuns: number[][] = [[], [], []];
	runs.forEach((run, r) => {
		for (const keys of keystrokes(queries)) {
			for (const q of keys) {
				const t = performance.now();
				const cpu = process.cpuUsage();
				searcher.search(q, {limit: 50});
				run.push(performance.now() - t);
				const used = process.cpuUsage(cpu);
				cpuRuns[r]?.push((used.user + used.system) / 1000);
			}
		}
	});
	const perKey = (all: number[][]) =>
		timing((all[0] as number[]).map((_, i) => median(all.map((run) => run[i] as number))));
	return {wall: perKey(runs), cpu: perKey(cpuRuns)};
}

export async function measure(file: string, budgetMs: number): Promise<Row> {
	const started = performance.now();
	const loaded = await loadDataset(file);
	const loadMs = performance.now() - started;
	if (!loaded.ok) throw new Error(`${file}: ${loaded.problems[0]?.message}`);
	const data: Dataset = loaded.dataset;
	const rssLoadedMB = rssMB();

	const indexStart = performance.now();
	const searcher = createSearcher(data);
	const indexMs = performance.now() - indexStart;
	const rssIndexedMB = rssMB();
	const sliced = await longestBlock(() => loadSearcher(data));

	const queries = typedQueries(data);
	const {wall: keystroke, cpu: keystrokeCpu} = timeKeystrokes(searcher, data);
	// As the explorer asks: its limit, the whole timeline's selection, in slices.
	const asyncSearcher: Searcher = sliced.value;
	const explorer = {limit: RESULT_LIMIT, within: {events: data.events, quotes: data.quotes}};
	for (const keys of keystrokes(typedQueries(data, 99)))
		for (const q of keys) await asyncSearcher.searchAsync(q, explorer);
	const perKeyAsync: number[] = [];
	const searchBlock = await longestBlock(async () => {
		for (const keys of keystrokes(queries)) {
			for (const q of keys) {
				const t = performance.now();
				await asyncSearcher.searchAsync(q, explorer);
				perKeyAsync.push(performance.now() - t);
			}
		}
	});

	// Known items: ours in the one ranked list of every kind; plain fuse.js on that kind alone.
	const quoteItems = knownItems(data, 300, 'quote');
	const eventItems = knownItems(data, 300, 'event');
	const oursFinds = (item: KnownItem, kind: 'quote' | 'event') =>
		searcher
			.search(item.query, {limit: 3})
			.hits.slice()
			.some((hit) =>
				kind === 'quote'
					? hit.kind === 'quote' && hit.quote.index === item.index
					: hit.kind === 'event' && hit.event.index === item.index,
			);
	const oursQuotes = quoteItems.map((item) => oursFinds(item, 'quote'));
	const oursEvents = eventItems.map((item) => oursFinds(item, 'event'));
	const fuse = plainFuse(data);
	const fuseEvents = plainFuseEvents(data);
	const fuseQuoteHits = withinBudget(quoteItems, budgetMs, (item) =>
		fuse.search(item.query, {limit: 3}).some((result) => result.item.quote.index === item.index),
	);
	const fuseEventHits = withinBudget(eventItems, budgetMs, (item) =>
		fuseEvents.search(item.query, {limit: 3}).some((result) => result.item.event.index === item.index),
	);
	const allKeys = keystrokes(queries).flat();
	// Plain fuse.js searches the whole timeline too: its quotes and its events.
	const fuseKeys = withinBudget(allKeys, budgetMs, (q) => {
		const t = performance.now();
		fuse.search(q, {limit: 50});
		fuseEvents.search(q, {limit: 50});
		return performance.now() - t;
	});

	let fzf: {keys: number[]; quotes: boolean[]; events: boolean[]} | undefined;
	if (fzfInstalled()) {
		const quoteLines = data.quotes.map(
			(quote) => `q${quote.index}\t${sanitize(quote.text)} — ${sanitize(quote.speaker.name)}`,
		);
		const eventLines = data.events.map(
			(event) => `e${event.index}\t${sanitize(event.title)} — ${sanitize(event.summary ?? '')}`,
		);
		const input = fileURLToPath(
			new URL(`../.bench-cache/fzf-${data.events.length}-${data.quotes.length}.txt`, import.meta.url),
		);
		writeFileSync(input, `${[...eventLines, ...quoteLines].join('\n')}\n`);
		const run = (q: string) => {
			const t = performance.now();
			const out = spawnSync('sh', ['-c', 'fzf --filter "$Q" --delimiter "\t" --nth 2.. < "$F"'], {
				env: {...process.env, Q: q, F: input},
				encoding: 'utf8',
				maxBuffer: 1 << 30,
			});
			return {
				ms: performance.now() - t,
				top: out.stdout.split('\n', 3).map((line) => line.split('\t')[0]),
			};
		};
		fzf = {
			keys: withinBudget(allKeys, budgetMs, (q) => run(q).ms),
			quotes: withinBudget(quoteItems, budgetMs, (item) => run(item.query).top.includes(`q${item.index}`)),
			events: withinBudget(eventItems, budgetMs, (item) => run(item.query).top.includes(`e${item.index}`)),
		};
	}

	const rate = (hits: readonly boolean[]) =>
		hits.length === 0 ? Number.NaN : hits.filter(Boolean).length / hits.length;
	const recall = (ours: boolean[], fuseHits: boolean[], fzfHits: boolean[] | undefined): Recall => ({
		ours: rate(ours),
		oursSameSet: rate(ours.slice(0, fuseHits.length)),
		fuse: rate(fuseHits),
		fzf: fzfHits && rate(fzfHits),
		n: ours.length,
		fuseN: fuseHits.length,
		fzfN: fzfHits?.length,
	});
	const frame = await measureFrames(data);
	return {
		events: data.events.length,
		quotes: data.quotes.length,
		loadMs,
		indexMs,
		indexSlicedMs: sliced.wall,
		indexLongestBlockMs: sliced.block,
		rssLoadedMB,
		rssIndexedMB,
		keystroke,
		keystrokeCpu,
		keystrokeAsync: timing(perKeyAsync),
		searchLongestBlockMs: searchBlock.block,
		knownItem: recall(oursQuotes, fuseQuoteHits, fzf?.quotes),
		knownEvent: recall(oursEvents, fuseEventHits, fzf?.events),
		fuseKeystroke: fuseKeys.length > 0 ? timing(fuseKeys) : undefined,
		fzfKeystroke: fzf && fzf.keys.length > 0 ? timing(fzf.keys) : undefined,
		frame,
	};
}

export interface Recall {
	ours: number;
	/** Ours on the items plain fuse.js had time for. */
	oursSameSet: number;
	fuse: number;
	fzf?: number;
	n: number;
	fuseN: number;
	fzfN?: number;
}

/** Frames alone, on a timeline too big to go through JSON here: `measure.ts --frames EVENTS`. */
export interface FrameRow {
	events: number;
	buildMs: number;
	rssMB: number;
	frame: Record<string, Timing>;
}

async function measureFramesOnly(events: number): Promise<FrameRow> {
	const start = performance.now();
	const data = buildDataset(generateDocument({events, quotes: Math.floor(events / 2), seed: 2}));
	const buildMs = performance.now() - start;
	return {events, buildMs, rssMB: rssMB(), frame: await measureFrames(data)};
}

/** Search per keystroke alone (a minute where the whole row takes many): `measure.ts --keystrokes FILE`. */
async function measureKeystrokesOnly(file: string): Promise<{wall: Timing; cpu: Timing}> {
	const loaded = await loadDataset(file);
	if (!loaded.ok) throw new Error(`${file}: ${loaded.problems[0]?.message}`);
	return timeKeystrokes(createSearcher(loaded.dataset), loaded.dataset);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
	const [first, second = '60000'] = process.argv.slice(2);
	if (!first) throw new Error('usage: measure.ts FILE [BUDGET_MS] | --frames EVENTS | --keystrokes FILE');
	const row =
		first === '--frames'
			? await measureFramesOnly(Number(second))
			: first === '--keystrokes'
				? await measureKeystrokesOnly(second)
				: await measure(first, Number(second));
	process.stdout.write(`${JSON.stringify(row)}\n`);
}
