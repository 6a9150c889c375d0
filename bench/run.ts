import {spawn, spawnSync} from 'node:child_process';
import {once} from 'node:events';
import {createWriteStream, existsSync, mkdirSync, renameSync, statSync} from 'node:fs';
import {cpus, loadavg, totalmem} from 'node:os';
import {fileURLToPath} from 'node:url';
import {writeDataset} from './generate.js';
import type {FrameRow, Recall, Row} from './measure.js';
import {measureOpen, type OpenRow, openTable} from './open.js';
import {measureStartup, type Startup} from './startup.js';
import type {Timing} from './timing.js';

/**
 * `npm run bench [-- --full] [-- --budget SECONDS] [-- --startup] [-- --open]`: one row per dataset size, each measured in a
 * fresh process (bench/measure.ts), printed as the Markdown tables bench/README.md carries. Datasets are
 * generated once into .bench-cache/ (bench/generate.ts, seed 1).
 *
 * Plain fuse.js takes seconds per query at 100k quotes, so it (and fzf) run until a time budget
 * (default 45 s per tool and measurement) is spent; the tables say how many queries that was.
 * `--startup` measures only the start-up table (a minute); `--open` only the table of first and cached
 * opens of big files (bench/open.ts; with `--full`, the 1M file too; `--runs N` opens each N times, 3 by default).
 */

interface Size {
	label: string;
	events: number;
	quotes: number;
}

const SIZES: Size[] = [
	{label: '500 / 1k', events: 500, quotes: 1_000},
	{label: '5k / 10k', events: 5_000, quotes: 10_000},
	{label: '50k / 100k', events: 50_000, quotes: 100_000},
	{label: '100k / 200k', events: 100_000, quotes: 200_000},
];
const FULL: Size = {label: '500k / 1M', events: 500_000, quotes: 1_000_000};

const root = fileURLToPath(new URL('..', import.meta.url));
const cache = `${root}.bench-cache`;

async function datasetFile(size: Size, ndjson = false): Promise<string> {
	const file = `${cache}/e${size.events}-q${size.quotes}-s1.${ndjson ? 'ndjson' : 'json'}`;
	if (!existsSync(file)) {
		mkdirSync(cache, {recursive: true});
		process.stderr.write(`generating ${file}…\n`);
		const out = createWriteStream(`${file}.partial`);
		await writeDataset({events: size.events, quotes: size.quotes, seed: 1, ndjson}, out);
		out.end();
		await once(out, 'finish');
		renameSync(`${file}.partial`, file);
	}
	return file;
}

function measureRow<T>(args: string[]): Promise<T> {
	return new Promise((resolve, reject) => {
		const child = spawn(
			process.execPath,
			['--expose-gc', '--max-old-space-size=12000', '--import', 'tsx', `${root}bench/measure.ts`, ...args],
			{cwd: root, stdio: ['ignore', 'pipe', 'inherit'], env: {...process.env, NODE_ENV: 'production'}},
		);
		let out = '';
		child.stdout.on('data', (chunk: Buffer) => {
			out += chunk.toString();
		});
		child.on('error', reject);
		child.on('close', (code) => {
			const line = out.split('\n').findLast((text) => text.startsWith('{'));
			if (code !== 0 || !line) reject(new Error(`measure ${args.join(' ')} exited ${code}`));
			else resolve(JSON.parse(line) as T);
		});
	});
}

const ms = (value: number | undefined) =>
	value === undefined || Number.isNaN(value)
		? '—'
		: value >= 1000
			? `${(value / 1000).toFixed(value >= 10_000 ? 0 : 1)} s`
			: `${value.toFixed(value < 10 ? 1 : 0)} ms`;
const pair = (t: Timing | undefined) => (t ? `${ms(t.p50)} / ${ms(t.p95)}` : '—');
const signedMs = (value: number) => (value < 0 ? `${ms(-value)} less` : `${ms(value)} more`);
const framePair = (frame: Record<string, Timing>) =>
	`${pair(frame.all)} (p95 j ${ms(frame.j?.p95)}, PgDn ${ms(frame.PgDn?.p95)}, G ${ms(frame.G?.p95)})`;
const ratio = (them: Timing | undefined, us: Timing) =>
	them ? `${Math.round(them.p50 / us.p50)}× / ${Math.round(them.p95 / us.p95)}×` : '—';
const percent = (value: number | undefined) =>
	value === undefined || Number.isNaN(value) ? '—' : `${Math.round(value * 100)}%`;

function machine(): string {
	const cpu = cpus();
	const fzf = spawnSync('fzf', ['--version'], {encoding: 'utf8'});
	return [
		`${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}`,
		`${Math.round(totalmem() / 2 ** 30)} GiB`,
		`Node ${process.versions.node}`,
		`load average ${loadavg()
			.map((n) => n.toFixed(1))
			.join(' ')} at the end`,
		fzf.status === 0 ? `fzf ${fzf.stdout.trim().split(' ')[0]}` : 'fzf not installed',
	].join(', ');
}

function tables(rows: Array<{size: Size; row: Row; fileMB: number}>, frameRows: FrameRow[]): string[] {
	const lines: string[] = [];
	lines.push(
		'**Search** of the whole timeline (events, quotes and eras in one ranked list) per keystroke, 16 queries typed letter by letter (bench/workload.ts: words of quotes and of event titles, typos, `@speaker`, `#tag`, the extended syntax), 50 hits asked; p50 / p95, each keystroke the median of three runs, in wall time and in CPU time of the process (what a keystroke costs when no other work waits for the cores). Sliced: `searchAsync` as the explorer calls it (500 hits asked), and the longest the event loop waited. Plain fuse.js (over the quotes and over the events, each with the same fields and weights) and `fzf --filter` (a whole process per keystroke, on a line per quote and per event) ran on the same keystrokes until their budget ran out; × is how many times slower than timescope. Known-item: 300 quotes queried by 2–4 of their words and 300 events by 2–4 words of their title, every third with a typo; share found in the top 3 (timescope in its one list of every kind, fuse.js over that kind alone).',
		'',
		'| events / quotes | timescope | timescope, CPU time | sliced (searchAsync) | longest block | plain fuse.js | × | fzf --filter | × | known quotes top-3: timescope / fuse.js / fzf | known events top-3: timescope / fuse.js / fzf |',
		'|---|---|---|---|---|---|---|---|---|---|---|',
	);
	const recall = (k: Recall) => {
		const fuseNote =
			k.fuseN < k.n ? ` (fuse.js on ${k.fuseN}: ${percent(k.oursSameSet)} vs ${percent(k.fuse)})` : '';
		const fzfNote = k.fzfN !== undefined && k.fzfN < k.n ? ` (fzf on ${k.fzfN})` : '';
		return `${percent(k.ours)} / ${percent(k.fuse)} / ${percent(k.fzf)} of ${k.n}${fuseNote}${fzfNote}`;
	};
	for (const {size, row} of rows) {
		lines.push(
			`| ${size.label} | ${pair(row.keystroke)} | ${pair(row.keystrokeCpu)} | ${pair(row.keystrokeAsync)} | ${ms(row.searchLongestBlockMs)} | ${pair(row.fuseKeystroke)}${row.fuseKeystroke && row.fuseKeystroke.n < row.keystroke.n ? ` (${row.fuseKeystroke.n} keys)` : ''} | ${ratio(row.fuseKeystroke, row.keystroke)} | ${pair(row.fzfKeystroke)}${row.fzfKeystroke && row.fzfKeystroke.n < row.keystroke.n ? ` (${row.fzfKeystroke.n} keys)` : ''} | ${ratio(row.fzfKeystroke, row.keystroke)} | ${recall(row.knownItem)} | ${recall(row.knownEvent)} |`,
		);
	}
	lines.push(
		'',
		'**Load, index, memory, timeline** (load = read + JSON.parse + validate + build the model, source/dataset/load.ts).',
		'',
		'| events / quotes | file | load | index build | index build, sliced (wall / longest block) | RSS loaded | RSS indexed | timeline, key to frame p50 / p95 |',
		'|---|---|---|---|---|---|---|---|',
	);
	for (const {size, row, fileMB} of rows) {
		lines.push(
			`| ${size.events.toLocaleString('en')} / ${size.quotes.toLocaleString('en')} | ${fileMB.toFixed(0)} MB | ${ms(row.loadMs)} | ${ms(row.indexMs)} | ${ms(row.indexSlicedMs)} / ${ms(row.indexLongestBlockMs)} | ${row.rssLoadedMB.toFixed(0)} MB | ${row.rssIndexedMB.toFixed(0)} MB | ${framePair(row.frame)} |`,
		);
	}
	for (const row of frameRows) {
		lines.push(
			`| ${row.events.toLocaleString('en')} / ${(row.events / 2).toLocaleString('en')} (built in memory) | — | ${ms(row.buildMs)} (model only) | — | — | ${row.rssMB.toFixed(0)} MB | — | ${framePair(row.frame)} |`,
		);
	}
	return lines;
}

function startupTable(startup: Startup): string[] {
	const times = (t: Timing, base: Timing) => `${(t.p50 / base.p50).toFixed(1)}×`;
	return [
		'**Start-up** of the built bundle, p50 / p95 of 10 runs. Print paths: whole processes on the bundled dataset, run in turns with `node -e 0` and the minimal meow CLI. First frame: spawn to the status bar on a 120x40 pseudo-terminal.',
		'',
		'| what | time | against |',
		'|---|---|---|',
		`| \`node -e 0\` | ${pair(startup.node)} | |`,
		`| minimal meow CLI (bundled as timescope is) | ${pair(startup.minimalMeow)} | ${times(startup.minimalMeow, startup.node)} node -e 0 |`,
		...(['print', 'json', 'validate'] as const).map(
			(path) =>
				`| \`timescope ${path === 'validate' ? 'validate' : `--${path}`}\` | ${pair(startup[path])} | ${times(startup[path], startup.minimalMeow)} the minimal meow CLI, ${times(startup[path], startup.node)} node -e 0 |`,
		),
		`| minimal Ink app, first frame | ${pair(startup.minimalInk)} | |`,
		`| explorer on the bundled dataset, first frame | ${pair(startup.bundledFrame)} | ${signedMs(startup.bundledFrame.p50 - startup.minimalInk.p50)} against the minimal Ink app |`,
	];
}

const args = process.argv.slice(2);
const budgetAt = args.indexOf('--budget');
const budgetMs = (budgetAt === -1 ? 45 : Number(args[budgetAt + 1])) * 1000;
const full = args.includes('--full');
const startupOnly = args.includes('--startup');
const openOnly = args.includes('--open');
const runsAt = args.indexOf('--runs');
const OPEN_RUNS = runsAt === -1 ? 3 : Number(args[runsAt + 1]);
const sizes = startupOnly || openOnly ? [] : full ? [...SIZES, FULL] : SIZES;
const rows: Array<{size: Size; row: Row; fileMB: number}> = [];
for (const size of sizes) {
	const file = await datasetFile(size);
	process.stderr.write(`measuring ${size.label}…\n`);
	const row = await measureRow<Row>([file, String(budgetMs)]);
	rows.push({size, row, fileMB: statSync(file).size / 1e6});
}
const frameRows: FrameRow[] = [];
if (full && !openOnly && !startupOnly) {
	process.stderr.write('measuring frames at 1M events…\n');
	frameRows.push(await measureRow<FrameRow>(['--frames', '1000000']));
}
const opens: Array<{label: string; row: OpenRow}> = [];
if (!startupOnly) {
	// The 1M file as NDJSON: one JSON text of 380 MB is near what V8 holds as a string.
	const openSizes = [...SIZES.slice(1), ...(full ? [FULL] : [])];
	for (const size of openSizes) {
		const file = await datasetFile(size, size === FULL);
		process.stderr.write(`measuring opens of ${size.label}…\n`);
		opens.push({label: size.label, row: await measureOpen(file, OPEN_RUNS)});
	}
}
process.stderr.write('measuring start-up…\n');
const startup = openOnly ? undefined : await measureStartup();
const machineLine = `Machine: ${machine()}. Datasets: bench/generate.ts, seed 1; events hold 0–5 quotes.`;
const out = [
	machineLine,
	'',
	...(sizes.length > 0 ? [...tables(rows, frameRows), ''] : []),
	...(opens.length > 0 ? [...openTable(opens, OPEN_RUNS), ''] : []),
	...(startup ? startupTable(startup) : []),
];
process.stdout.write(`${out.join('\n')}\n`);
