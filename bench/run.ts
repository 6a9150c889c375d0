import {spawn, spawnSync} from 'node:child_process';
import {once} from 'node:events';
import {createWriteStream, existsSync, mkdirSync, renameSync, statSync} from 'node:fs';
import {cpus, loadavg, totalmem} from 'node:os';
import {fileURLToPath} from 'node:url';
import {writeDataset} from './generate.js';
import type {Row, Timing} from './measure.js';

/**
 * `npm run bench [-- --full] [-- --budget SECONDS]`: one row per dataset size, each measured in a
 * fresh process (bench/measure.ts), printed as the Markdown tables the README carries. Datasets are
 * generated once into .bench-cache/ (bench/generate.ts, seed 1).
 *
 * Plain fuse.js takes seconds per query at 100k quotes, so it (and fzf) run until a time budget
 * (default 45 s per tool and measurement) is spent; the tables say how many queries that was.
 */

interface Size {
	label: string;
	events: number;
	quotes: number;
}

const SIZES: Size[] = [
	{label: '1k', events: 500, quotes: 1_000},
	{label: '10k', events: 5_000, quotes: 10_000},
	{label: '100k', events: 50_000, quotes: 100_000},
	{label: '100k ev / 200k q', events: 100_000, quotes: 200_000},
];
const FULL: Size = {label: '1M', events: 500_000, quotes: 1_000_000};

const root = fileURLToPath(new URL('..', import.meta.url));
const cache = `${root}.bench-cache`;

async function datasetFile(size: Size): Promise<string> {
	const file = `${cache}/e${size.events}-q${size.quotes}-s1.json`;
	if (!existsSync(file)) {
		mkdirSync(cache, {recursive: true});
		process.stderr.write(`generating ${file}…\n`);
		const out = createWriteStream(`${file}.partial`);
		await writeDataset({events: size.events, quotes: size.quotes, seed: 1}, out);
		out.end();
		await once(out, 'finish');
		renameSync(`${file}.partial`, file);
	}
	return file;
}

function measureRow(file: string, budgetMs: number): Promise<Row> {
	return new Promise((resolve, reject) => {
		const child = spawn(
			process.execPath,
			[
				'--expose-gc',
				'--max-old-space-size=12000',
				'--import',
				'tsx',
				`${root}bench/measure.ts`,
				file,
				String(budgetMs),
			],
			{cwd: root, stdio: ['ignore', 'pipe', 'inherit']},
		);
		let out = '';
		child.stdout.on('data', (chunk: Buffer) => {
			out += chunk.toString();
		});
		child.on('error', reject);
		child.on('close', (code) => {
			const line = out.trim().split('\n').at(-1) ?? '';
			if (code !== 0 || !line.startsWith('{')) reject(new Error(`measure ${file} exited ${code}`));
			else resolve(JSON.parse(line) as Row);
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

function tables(rows: Array<{size: Size; row: Row; fileMB: number}>): string {
	const lines: string[] = [];
	lines.push(`Machine: ${machine()}. Datasets: bench/generate.ts, seed 1; events hold 0–5 quotes.`, '');
	lines.push(
		'**Search** per keystroke, 12 queries typed letter by letter (bench/workload.ts), 50 hits asked; p50 / p95, each keystroke the median of three runs. Sliced: `searchAsync` as the explorer calls it, and the longest the event loop waited. Plain fuse.js and `fzf --filter` (a whole process per keystroke) ran on the same keystrokes until their budget ran out; × is how many times slower than timescope. Known-item: 300 quotes queried by 2–4 of their words, every third with a typo; share found in the top 3.',
		'',
		'| quotes | timescope | sliced (searchAsync) | longest block | plain fuse.js | × | fzf --filter | × | known-item top-3: timescope / fuse.js / fzf |',
		'|---|---|---|---|---|---|---|---|---|',
	);
	for (const {size, row} of rows) {
		const k = row.knownItem;
		const fuseNote =
			k.fuseN < k.n ? ` (fuse.js on ${k.fuseN}: ${percent(k.oursSameSet)} vs ${percent(k.fuse)})` : '';
		const fzfNote = k.fzfN !== undefined && k.fzfN < k.n ? ` (fzf on ${k.fzfN})` : '';
		lines.push(
			`| ${size.label} | ${pair(row.keystroke)} | ${pair(row.keystrokeAsync)} | ${ms(row.searchLongestBlockMs)} | ${pair(row.fuseKeystroke)}${row.fuseKeystroke && row.fuseKeystroke.n < row.keystroke.n ? ` (${row.fuseKeystroke.n} keys)` : ''} | ${ratio(row.fuseKeystroke, row.keystroke)} | ${pair(row.fzfKeystroke)}${row.fzfKeystroke && row.fzfKeystroke.n < row.keystroke.n ? ` (${row.fzfKeystroke.n} keys)` : ''} | ${ratio(row.fzfKeystroke, row.keystroke)} | ${percent(k.ours)} / ${percent(k.fuse)} / ${percent(k.fzf)} of ${k.n}${fuseNote}${fzfNote} |`,
		);
	}
	lines.push(
		'',
		'**Load, index, memory, timeline** (load = read + JSON.parse + validate + build the model, source/dataset/load.ts).',
		'',
		'| events / quotes | file | load | index build | index build, sliced (wall / longest block) | RSS loaded | RSS indexed | timeline frame (j, PgDn, G) p50 / p95 |',
		'|---|---|---|---|---|---|---|---|',
	);
	for (const {size, row, fileMB} of rows) {
		lines.push(
			`| ${size.events.toLocaleString('en')} / ${size.quotes.toLocaleString('en')} | ${fileMB.toFixed(0)} MB | ${ms(row.loadMs)} | ${ms(row.indexMs)} | ${ms(row.indexSlicedMs)} / ${ms(row.indexLongestBlockMs)} | ${row.rssLoadedMB.toFixed(0)} MB | ${row.rssIndexedMB.toFixed(0)} MB | ${pair(row.frame)} |`,
		);
	}
	return lines.join('\n');
}

const args = process.argv.slice(2);
const budgetAt = args.indexOf('--budget');
const budgetMs = (budgetAt === -1 ? 45 : Number(args[budgetAt + 1])) * 1000;
const sizes = args.includes('--full') ? [...SIZES, FULL] : SIZES;
const rows: Array<{size: Size; row: Row; fileMB: number}> = [];
for (const size of sizes) {
	const file = await datasetFile(size);
	process.stderr.write(`measuring ${size.label}…\n`);
	const row = await measureRow(file, budgetMs);
	rows.push({size, row, fileMB: statSync(file).size / 1e6});
}
process.stdout.write(`${tables(rows)}\n`);
