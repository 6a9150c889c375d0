import {spawnSync} from 'node:child_process';
import {mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import xterm from '@xterm/headless';
import {build} from 'esbuild';
import {spawn} from 'node-pty';
import {OPTIONS} from '../esbuild.config.mjs';
import {type Timing, timing} from './timing.js';

/**
 * Start-up as a person meets it, on the built bundle (dist/cli.js): the print paths as whole
 * processes against `node -e 0` and a minimal meow CLI, and the explorer's first frame in a real pseudo-terminal (spawn to
 * the status bar on screen) against a minimal Ink app's first frame.
 */

const root = fileURLToPath(new URL('..', import.meta.url));
export const CLI = join(root, 'dist/cli.js');
const BUNDLED = join(root, 'data/venezuela-us-dialogue.json');

/** Whole processes, run in turns (one of each, then again) so that the machine's load falls on all alike. */
function walls<K extends string>(commands: Record<K, string[]>, runs: number): Record<K, Timing> {
	const samples = Object.fromEntries(Object.keys(commands).map((key) => [key, [] as number[]])) as Record<
		K,
		number[]
	>;
	for (let i = 0; i < runs; i++) {
		for (const [key, args] of Object.entries(commands) as Array<[K, string[]]>) {
			const start = performance.now();
			const out = spawnSync(process.execPath, args, {cwd: root, stdio: ['ignore', 'ignore', 'pipe']});
			samples[key].push(performance.now() - start);
			if (out.status !== 0) throw new Error(`${args.join(' ')} exited ${out.status}: ${out.stderr}`);
		}
	}
	return Object.fromEntries(
		Object.entries(samples).map(([key, list]) => [key, timing(list as number[])]),
	) as Record<K, Timing>;
}

/**
 * The smallest meow CLI there is (four flags parsed, one line written), bundled with the options the
 * CLI is built with, in a folder of its own with a package.json as meow expects.
 */
async function minimalMeowCli(dir: string): Promise<string> {
	const source = join(dir, 'minimal-meow.mjs');
	writeFileSync(join(dir, 'package.json'), '{"name": "minimal", "version": "1.0.0", "type": "module"}\n');
	writeFileSync(
		source,
		`import meow from ${JSON.stringify(join(root, 'node_modules/meow/build/index.js'))};
const cli = meow('Usage: minimal [--print] [--json] [--search Q] [--limit N]', {
	importMeta: import.meta,
	flags: {print: {type: 'boolean'}, json: {type: 'boolean'}, search: {type: 'string', shortFlag: 's'}, limit: {type: 'number'}},
});
process.stdout.write(JSON.stringify(cli.flags) + '\\n');
`,
	);
	await build({...OPTIONS, entryPoints: [source], outdir: join(dir, 'out')});
	return join(dir, 'out/minimal-meow.js');
}

/**
 * A process in a 120x40 pseudo-terminal, its screen read back through a headless xterm. Its cache of
 * opened files is a folder of the caller's (`cacheHome`), or none: the bench never writes to the person's.
 */
export function openTerminal(args: string[], cacheHome = join(tmpdir(), 'timescope-bench-no-cache')) {
	const term = new xterm.Terminal({cols: 120, rows: 40, allowProposedApi: true});
	const child = spawn(process.execPath, args, {
		cols: 120,
		rows: 40,
		cwd: root,
		env: {
			...process.env,
			CI: 'false',
			TERM: 'xterm-256color',
			NODE_ENV: 'production',
			XDG_CACHE_HOME: cacheHome,
		},
	});
	const screen = () =>
		Array.from({length: term.rows}, (_, y) => term.buffer.active.getLine(y)?.translateToString(true)).join(
			'\n',
		);
	const close = () => {
		child.kill('SIGKILL');
		term.dispose();
	};
	return {term, child, screen, close};
}

/** Spawn to `marker` on the screen; the process is then killed. */
function firstFrame(args: string[], marker: string): Promise<number> {
	return new Promise((resolve, reject) => {
		const start = performance.now();
		const {term, child, screen, close} = openTerminal(args);
		const timer = setTimeout(() => {
			close();
			reject(new Error(`${args.join(' ')}: no "${marker}" within 60 s`));
		}, 60_000);
		child.onData((data) => {
			term.write(data, () => {
				if (!screen().includes(marker)) return;
				clearTimeout(timer);
				const ms = performance.now() - start;
				close();
				resolve(ms);
			});
		});
	});
}

async function frames(args: string[], marker: string, runs: number): Promise<Timing> {
	const samples: number[] = [];
	for (let i = 0; i < runs; i++) samples.push(await firstFrame(args, marker));
	return timing(samples);
}

export interface Startup {
	node: Timing;
	minimalMeow: Timing;
	print: Timing;
	json: Timing;
	validate: Timing;
	minimalInk: Timing;
	bundledFrame: Timing;
}

export async function measureStartup(runs = 10): Promise<Startup> {
	const dir = mkdtempSync(join(tmpdir(), 'timescope-bench-'));
	// The smallest Ink app there is, from the same node_modules the bundle was built from.
	const minimal = join(dir, 'minimal.mjs');
	writeFileSync(
		minimal,
		`import {createRequire} from 'node:module';
const require = createRequire(${JSON.stringify(CLI)});
const {render, Text} = await import(require.resolve('ink'));
const React = await import(require.resolve('react'));
render(React.createElement(Text, null, 'minimal first frame'));
`,
	);
	const meowCli = await minimalMeowCli(dir);
	return {
		...walls(
			{
				node: ['-e', '0'],
				minimalMeow: [meowCli, '--print'],
				print: [CLI, '--print'],
				json: [CLI, '--json'],
				validate: [CLI, 'validate', BUNDLED],
			},
			runs,
		),
		minimalInk: await frames([minimal], 'minimal first frame', runs),
		bundledFrame: await frames([CLI], ' TIMELINE ', runs),
	};
}
