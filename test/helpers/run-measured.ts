import {spawn} from 'node:child_process';
import {mkdtempSync, readFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {Readable} from 'node:stream';
import {fileURLToPath} from 'node:url';
import {CLI} from './run-cli.js';

const PRELOAD = fileURLToPath(new URL('./max-rss.mjs', import.meta.url));

export interface MeasuredRun {
	code: number | null;
	signal: NodeJS.Signals | null;
	stdout: string;
	stderr: string;
	/** Wall time to exit. */
	ms: number;
	/** Peak resident memory of the CLI process, in MB (0 when it was killed before exit). */
	peakMb: number;
	/** Resident memory in MB, read from /proc at `sampleAtMs` while it ran. */
	sampledMb?: number;
}

/**
 * The built CLI run with its stdin from a file descriptor (a device, a FIFO) or fed by a stream that
 * may never end, killed after `killAfterMs`; reports how long it took and its peak memory.
 */
export function runMeasured(
	args: string[],
	options: {stdinFd?: number; feed?: () => Readable; killAfterMs?: number; sampleAtMs?: number} = {},
): Promise<MeasuredRun> {
	const rssFile = join(mkdtempSync(join(tmpdir(), 'timescope-rss-')), 'rss');
	return new Promise((resolve, reject) => {
		const started = performance.now();
		const child = spawn(process.execPath, ['--import', PRELOAD, CLI, ...args], {
			env: {...process.env, NO_COLOR: '', COLUMNS: '', MAX_RSS_FILE: rssFile},
			stdio: [options.stdinFd ?? 'pipe', 'pipe', 'pipe'],
		});
		let stdout = '';
		let stderr = '';
		child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
			stdout += chunk;
		});
		child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
			stderr += chunk;
		});
		const killer = setTimeout(() => child.kill('SIGKILL'), options.killAfterMs ?? 20_000);
		let sampledMb: number | undefined;
		const sampler =
			options.sampleAtMs === undefined
				? undefined
				: setTimeout(() => {
						const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
						sampledMb = Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1]) / 1024;
					}, options.sampleAtMs);
		const feed = options.feed?.();
		if (child.stdin) {
			// The CLI may stop reading early: that is the point, not an error of the test.
			child.stdin.on('error', () => {});
			if (feed) feed.on('error', () => {}).pipe(child.stdin);
			else child.stdin.end();
		}
		child.on('error', reject);
		child.on('close', (code, signal) => {
			clearTimeout(killer);
			clearTimeout(sampler);
			feed?.destroy();
			let peakKb = 0;
			try {
				peakKb = Number(readFileSync(rssFile, 'utf8'));
			} catch {
				// Killed: no exit handler ran.
			}
			const ms = performance.now() - started;
			resolve({code, signal, stdout, stderr, ms, peakMb: peakKb / 1024, sampledMb});
		});
	});
}

/** `text` again and again, for ever: `yes TEXT`. */
export function forever(text: string): Readable {
	const chunk = Buffer.from(text.repeat(Math.ceil(65536 / text.length)));
	return new PassThroughForever(chunk);
}

class PassThroughForever extends Readable {
	constructor(private readonly chunk: Buffer) {
		super();
	}
	override _read(): void {
		this.push(this.chunk);
	}
}
