import {PassThrough, Writable} from 'node:stream';
import type {Dataset} from '../source/dataset/model.js';
import {type Timing, timing} from './timing.js';

/**
 * Keystroke to frame in the explorer's timeline: the real App rendered by Ink into a 120x40 terminal
 * stand-in, with the same render options as `source/interactive.tsx`. Each sample is the time from a
 * key arriving on stdin to Ink writing the frame that shows it: decoding, the reducer, React and Ink's
 * layout and output. The quote index is held back so that only the timeline's own cost is measured
 * (its time-sliced build is measured separately, as the longest block it causes).
 */

const SIZE = {columns: 120, rows: 40};
const KEYS: Record<string, string> = {j: 'j', PgDn: '\u001b[6~', G: 'G', g: 'g'};
// Ink draws at most one frame per 1000/maxFps ms; keys are spaced past that so each gets its own.
const GAP_MS = 25;

class Screen extends Writable {
	readonly isTTY = true;
	readonly columns = SIZE.columns;
	readonly rows = SIZE.rows;
	onFrame: (() => void) | undefined;
	override _write(_chunk: unknown, _encoding: BufferEncoding, done: () => void): void {
		this.onFrame?.();
		done();
	}
}

class Keyboard extends PassThrough {
	readonly isTTY = true;
	setRawMode(): this {
		return this;
	}
	ref(): this {
		return this;
	}
	unref(): this {
		return this;
	}
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function measureFrames(data: Dataset, rounds = 3): Promise<Record<string, Timing>> {
	// The bundle users run defines NODE_ENV=production; React's development build is several times slower.
	if (process.env.NODE_ENV !== 'production') throw new Error('measure frames with NODE_ENV=production');
	// Ink draws only the last frame when it believes it runs in CI; this is a terminal.
	process.env.CI = 'false';
	const [{render}, {App}] = await Promise.all([import('ink'), import('../source/ui/app.js')]);
	const stdout = new Screen();
	const stdin = new Keyboard();
	const instance = render(
		<App
			init={{dataset: data, fileLabel: 'bench', filters: {}}}
			size={SIZE}
			colour={true}
			io={{clearScreen: () => {}, loadSearcher: () => new Promise(() => {})}}
		/>,
		{
			stdout: stdout as unknown as NodeJS.WriteStream,
			stdin: stdin as unknown as NodeJS.ReadStream,
			stderr: new Writable({write: (_c, _e, done) => done()}) as unknown as NodeJS.WriteStream,
			exitOnCtrlC: false,
			patchConsole: false,
			maxFps: 60,
		},
	);
	await sleep(200);

	const press = (key: string) =>
		new Promise<number>((resolve, reject) => {
			const start = performance.now();
			const timer = setTimeout(
				() => reject(new Error(`no frame within 5 s of ${JSON.stringify(key)}`)),
				5000,
			);
			stdout.onFrame = () => {
				stdout.onFrame = undefined;
				clearTimeout(timer);
				resolve(performance.now() - start);
			};
			stdin.write(key);
		});

	const samples: Record<string, number[]> = {j: [], PgDn: [], G: [], g: []};
	const sequence = [...Array(20).fill('j'), ...Array(10).fill('PgDn'), 'G', 'g'] as string[];
	// One round to warm up the JIT, as the first seconds of a session would.
	for (let round = 0; round <= rounds; round++) {
		for (const name of sequence) {
			const ms = await press(KEYS[name] as string);
			if (round > 0) samples[name]?.push(ms);
			await sleep(GAP_MS);
		}
	}
	instance.unmount();
	return {
		all: timing(Object.values(samples).flat()),
		...Object.fromEntries(Object.entries(samples).map(([name, values]) => [name, timing(values)])),
	};
}
