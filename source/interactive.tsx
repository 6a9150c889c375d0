import './no-ink-devtools.js';
import {constants} from 'node:os';
import chalk from 'chalk';
import {type Instance, render} from 'ink';
import type {Filters} from './dataset/filter.js';
import type {Dataset} from './dataset/model.js';
import type {ProblemReport} from './dataset/problems.js';
import type {Scope} from './search/searcher.js';
import {sanitize} from './text/sanitize.js';
import {App, type Io} from './ui/app.js';
import {INK_UNPATCHED, inkPatched} from './ui/ink-patch.js';

/**
 * The explorer's session: it owns the terminal from the first frame to the exit, and gives it back
 * exactly as it found it (main screen, cursor shown, line wrapping on, raw mode off) on every way out: q, Ctrl-C,
 * SIGTERM, SIGHUP, or a bug. An error is printed only after the terminal is restored, so it is
 * readable on the main screen instead of lost with the alternate one.
 *
 * Ink is rendered with:
 * - exitOnCtrlC off: Ctrl-C is a key like the others (exit 130) and goes through the same restore;
 * - patchConsole on: a stray console.log from a dependency cannot tear the frame;
 * - maxFps 60: a frame is at most ~17 ms behind the last key (Ink's default 30 would be ~34 ms);
 * - incremental rendering off: its diffing misdraws when the frame shrinks (ink #1023); frames here
 *   are redrawn whole inside synchronized-output brackets, which terminals show without flicker.
 */

export interface InteractiveOptions {
	dataset: Dataset;
	/** The file as the person named it, for the header and messages. */
	fileLabel: string;
	/** From --from/--to/--actor/--tag/--place; facets picked in the explorer narrow these further. */
	filters: Filters;
	/** The file to reload with R and, with `watch`, whenever it changes; undefined for standard input. */
	path?: string;
	watch?: boolean;
	/** --search Q: open with the search line filled in. */
	search?: string;
	/** --kind: what the search is kept to. */
	scope?: Scope;
	/** --event ID: open with that event's detail. */
	eventId?: string;
	/** What loading left out: a banner and the problems pane say so. */
	problems?: ProblemReport;
	/** --strict: reloads refuse a file with any problem too. */
	strict?: boolean;
	/** Colour or not (text/colour.ts). */
	colour: boolean;
}

const ALT_SCREEN_ON = '\u001b[?1049h';
const ALT_SCREEN_OFF = '\u001b[?1049l';
const CURSOR_HIDE = '\u001b[?25l';
const CURSOR_SHOW = '\u001b[?25h';
// Line wrapping (DECAWM) off while the explorer runs: should a row ever be wider on the terminal than
// the layout counted (a font or terminal that measures a character its own way), the excess is cut at
// the right edge instead of wrapping onto the next row and scrolling the whole frame up.
const AUTOWRAP_OFF = '\u001b[?7l';
const AUTOWRAP_ON = '\u001b[?7h';
const HOME = '\u001b[H';
const CLEAR = '\u001b[2J';
// Reset attributes and end any synchronized update a cut-off frame may have left open.
const RESET = '\u001b[0m\u001b[?2026l';

const SIGNALS = ['SIGTERM', 'SIGHUP', 'SIGINT'] as const;

export async function runInteractive(options: InteractiveOptions): Promise<number> {
	const {stdin, stdout, stderr} = process;
	// A build without the patch works, at twice the cost a frame: say so before touching the terminal.
	if (!inkPatched()) {
		stderr.write(`timescope: ${INK_UNPATCHED}\n`);
		return 1;
	}
	let code = 0;
	let failure: unknown;
	let instance: Instance | undefined;
	let restored = false;

	const restore = () => {
		if (restored) return;
		restored = true;
		try {
			if (stdin.isTTY) stdin.setRawMode(false);
		} catch {
			// The terminal may already be gone (SIGHUP).
		}
		try {
			stdout.write(RESET + AUTOWRAP_ON + CURSOR_SHOW + ALT_SCREEN_OFF);
		} catch {
			// Same: nothing left to restore.
		}
	};
	const stop = (exitCode: number, error?: unknown) => {
		if (error !== undefined && failure === undefined) failure = error;
		code = exitCode;
		instance?.unmount();
	};
	const onSignal = (signal: NodeJS.Signals) => {
		stop(128 + (constants.signals[signal] ?? 0));
		// A hung-up terminal can leave nothing to drain the event loop for; exit once restored.
		setTimeout(() => process.exit(code), 1000).unref();
	};
	const onFatal = (error: unknown) => stop(1, error);
	for (const signal of SIGNALS) process.on(signal, onSignal);
	process.on('uncaughtException', onFatal);
	process.on('unhandledRejection', onFatal);

	// Ink styles through chalk, which makes its own guess from the environment (CI set, TERM, argv
	// flags) and at level 0 would drop bold and inverse too. The explorer always has a terminal, and
	// whether to colour was decided once (text/colour.ts) and is applied by the theme.
	chalk.level = Math.max(chalk.level, 1) as typeof chalk.level;

	const io: Partial<Io> = {
		clearScreen: () => stdout.write(CLEAR + HOME),
	};
	try {
		stdout.write(ALT_SCREEN_ON + HOME + CURSOR_HIDE + AUTOWRAP_OFF);
		instance = render(
			<App
				init={options}
				colour={options.colour}
				io={io}
				onExit={(exitCode) => {
					code = exitCode;
				}}
			/>,
			{stdin, stdout, stderr, exitOnCtrlC: false, patchConsole: true, maxFps: 60},
		);
		await instance.waitUntilExit();
	} catch (error) {
		failure ??= error;
		code = 1;
	} finally {
		for (const signal of SIGNALS) process.off(signal, onSignal);
		process.off('uncaughtException', onFatal);
		process.off('unhandledRejection', onFatal);
		restore();
	}
	if (failure !== undefined) {
		const detail = failure instanceof Error ? (failure.stack ?? failure.message) : String(failure);
		stderr.write(`timescope: internal error: ${sanitize(detail, {multiline: true})}\n`);
		code = 1;
	}
	return code;
}
