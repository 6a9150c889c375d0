import {existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {CLI, openTerminal} from './startup.js';
import {type Timing, timing} from './timing.js';

/**
 * Opening a big file in the explorer as a person does, on the built bundle in a 120x40 pseudo-terminal,
 * each open a fresh process: the first open (nothing cached: read in the worker behind the loading
 * screen) and the cached open (the entry the first one wrote), each to the timeline's first frame, then
 * the memory once the search index is ready (search open, "indexing…" gone: VmRSS and VmHWM of
 * /proc/PID/status). `npm run bench -- --open` measures only this table.
 */

export interface Memory {
	rssMB: number;
	peakMB: number;
}

export interface OpenRow {
	file: string;
	fileMB: number;
	/** The first open's first frame: the loading screen, or the timeline when it comes at once. */
	firstScreen: Timing;
	first: Timing;
	firstMemory: Memory;
	cached: Timing;
	cachedMemory: Memory;
	entryMB: number;
}

interface Open {
	screenMs: number;
	frameMs: number;
	memory: Memory;
}

const FRAME = ' TIMELINE ';
const LOADING = ' LOADING ';
const TIMEOUT_MS = 600_000;

function entries(cacheHome: string): string[] {
	const dir = join(cacheHome, 'timescope');
	return existsSync(dir) ? readdirSync(dir).filter((name) => name.endsWith('.tsc')) : [];
}

/**
 * One open in a fresh process of `cli` (the built bundle by default): spawn to the first frame of the
 * timeline, then `/` and the wait for the index, then (for a first open) the wait for the cache entry
 * to be written.
 */
export function openOnce(file: string, cacheHome: string, waitForEntry: boolean, cli = CLI): Promise<Open> {
	return new Promise((resolve, reject) => {
		const start = performance.now();
		const {term, child, screen, close} = openTerminal([cli, file], cacheHome);
		let screenMs: number | undefined;
		let frameMs: number | undefined;
		let memory: Memory | undefined;
		let finished = false;
		const timer = setInterval(() => {
			const text = screen();
			if (frameMs === undefined) return;
			if (memory === undefined) {
				if (!text.includes(' SEARCH ') || text.includes('indexing')) return;
				const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
				const kB = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]);
				memory = {rssMB: kB('VmRSS') / 1024, peakMB: kB('VmHWM') / 1024};
			}
			if (waitForEntry && entries(cacheHome).length === 0) return;
			finished = true;
			clearInterval(timer);
			clearTimeout(deadline);
			close();
			resolve({screenMs: screenMs ?? frameMs, frameMs, memory});
		}, 20);
		const deadline = setTimeout(() => {
			finished = true;
			clearInterval(timer);
			const shown = screen();
			close();
			reject(
				new Error(
					`${file}: not opened, indexed${waitForEntry ? ' and cached' : ''} within ${TIMEOUT_MS / 1000} s; on screen:\n${shown}`,
				),
			);
		}, TIMEOUT_MS);
		// An explorer that ends on its own has failed: say what was on its screen, rather than wait.
		child.onExit(({exitCode, signal}) => {
			if (finished) return;
			clearInterval(timer);
			clearTimeout(deadline);
			reject(
				new Error(
					`${file}: the explorer ended (exit ${exitCode}, signal ${signal}) with on screen:\n${screen()}`,
				),
			);
		});
		child.onData((data) => {
			term.write(data, () => {
				if (frameMs !== undefined) return;
				const text = screen();
				if (screenMs === undefined && (text.includes(LOADING) || text.includes(FRAME))) {
					screenMs = performance.now() - start;
				}
				if (!text.includes(FRAME)) return;
				frameMs = performance.now() - start;
				child.write('/');
			});
		});
	});
}

/** The best (least) memory of the runs: what the machine's load did not add. */
function least(memories: Memory[]): Memory {
	return {
		rssMB: Math.min(...memories.map((memory) => memory.rssMB)),
		peakMB: Math.min(...memories.map((memory) => memory.peakMB)),
	};
}

export async function measureOpen(file: string, runs = 3): Promise<OpenRow> {
	const firsts: Open[] = [];
	const cacheds: Open[] = [];
	let entryMB = 0;
	for (let run = 0; run < runs; run++) {
		const cacheHome = mkdtempSync(join(tmpdir(), 'timescope-bench-open-'));
		try {
			firsts.push(await openOnce(file, cacheHome, true));
			const [entry] = entries(cacheHome);
			entryMB = statSync(join(cacheHome, 'timescope', entry as string)).size / 1e6;
			cacheds.push(await openOnce(file, cacheHome, false));
		} finally {
			rmSync(cacheHome, {recursive: true, force: true});
		}
	}
	return {
		file,
		fileMB: statSync(file).size / 1e6,
		firstScreen: timing(firsts.map((open) => open.screenMs)),
		first: timing(firsts.map((open) => open.frameMs)),
		firstMemory: least(firsts.map((open) => open.memory)),
		cached: timing(cacheds.map((open) => open.frameMs)),
		cachedMemory: least(cacheds.map((open) => open.memory)),
		entryMB,
	};
}

const seconds = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);
const megabytes = (memory: Memory) => `${memory.rssMB.toFixed(0)} MB / ${memory.peakMB.toFixed(0)} MB`;

export function openTable(rows: Array<{label: string; row: OpenRow}>, runs: number): string[] {
	return [
		`**Opening a big file** in the explorer (built bundle, 120x40 pseudo-terminal), each open a fresh process, best / median of ${runs} runs: spawn to the first frame (the loading screen, for a file read in the worker) and to the timeline; then memory once the search index is ready (RSS now / peak, the least of the runs). First open: no cache; cached: the entry the first open wrote.`,
		'',
		'| events / quotes | file | first open: first frame | first open: timeline | RSS indexed | cached open: timeline | RSS indexed | cache entry |',
		'|---|---|---|---|---|---|---|---|',
		...rows.map(
			({label, row}) =>
				`| ${label} | ${row.fileMB.toFixed(0)} MB | ${seconds(row.firstScreen.min)} / ${seconds(row.firstScreen.p50)} | ${seconds(row.first.min)} / ${seconds(row.first.p50)} | ${megabytes(row.firstMemory)} | ${seconds(row.cached.min)} / ${seconds(row.cached.p50)} | ${megabytes(row.cachedMemory)} | ${row.entryMB.toFixed(0)} MB |`,
		),
	];
}
