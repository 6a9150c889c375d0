import './before-ink.js';
import {constants} from 'node:os';
import type {ReadStream} from 'node:tty';
import chalk from 'chalk';
import {type Instance, render} from 'ink';
import {createSupportsHyperlinks} from 'supports-hyperlinks';
import {restoreFetch} from './before-ink.js';
import type {LoadResult} from './dataset/load.js';
import type {Opening} from './open/open.js';
import {loadMarks} from './system/marks-store.js';
import {CLEAR_SCREEN, cannotSuspend, enterModes, leaveModes} from './system/terminal.js';
import {sanitize} from './text/sanitize.js';
import type {AppProps, Io} from './ui/app.js';
import {INK_UNPATCHED, inkPatched} from './ui/ink-patch.js';
import {type Loaded, Session} from './ui/session.js';

/**
 * The explorer's session: it owns the terminal from the first frame to the exit, and gives it back
 * exactly as it found it (main screen, cursor shown, line wrapping on, raw mode, mouse and paste modes off) on every
 * way out: q, Ctrl-C, SIGTERM, SIGHUP, or a bug; and while it is stopped (Ctrl-Z or SIGTSTP), until
 * `fg` (SIGCONT) brings it back and it takes the terminal again and redraws. An error is printed only
 * after the terminal is restored, so it is readable on the main screen instead of lost with the
 * alternate one.
 *
 * Ink is rendered with:
 * - exitOnCtrlC off: Ctrl-C is a key like the others (exit 130) and goes through the same restore;
 * - patchConsole on: a stray console.log from a dependency cannot tear the frame;
 * - maxFps 60: a frame is at most ~17 ms behind the last key (Ink's default 30 would be ~34 ms);
 * - incremental rendering off: its diffing misdraws when the frame shrinks (ink #1023); frames here
 *   are redrawn whole inside synchronized-output brackets, which terminals show without flicker.
 */

type Init = AppProps['init'];

export interface InteractiveOptions {
	/** The data, there already or on its way (open/open.ts). */
	opening: Opening;
	/** The explorer's start when the data is there already. */
	ready?: Init;
	/** The explorer's start from data that arrived after the first frame; may throw a UsageError. */
	start: (loaded: Loaded) => Init;
	/** The file as the person named it, for the loading screen. */
	fileLabel: string;
	/** The file whose marks are kept (marks-store.ts); undefined for standard input. */
	path?: string;
	/** Colour or not (text/colour.ts). */
	colour: boolean;
	/** Mouse reports (--no-mouse turns them off). */
	mouse: boolean;
	/** Where keys come from when standard input holds the data: the terminal, opened as /dev/tty. */
	keys?: ReadStream;
}

export interface Outcome {
	code: number;
	/** What loading gave, when it finished during the session (to report on the main screen). */
	loaded?: LoadResult;
	/** A mistake of the person's found once the data arrived (a UsageError), to report as such. */
	failure?: unknown;
}

restoreFetch();

const SIGNALS = ['SIGTERM', 'SIGHUP', 'SIGINT'] as const;

export async function runInteractive(options: InteractiveOptions): Promise<Outcome> {
	const {stdout, stderr} = process;
	const stdin = options.keys ?? process.stdin;
	// A build without the patch works, at twice the cost a frame: say so before touching the terminal.
	if (!inkPatched()) {
		stderr.write(`timescope: ${INK_UNPATCHED}\n`);
		return {code: 1};
	}
	let code = 0;
	let failure: unknown;
	let loaded: LoadResult | undefined;
	let mistake: unknown;
	let instance: Instance | undefined;
	let restored = false;
	let suspended = false;
	const resumed = new Set<() => void>();

	const setRaw = (on: boolean) => {
		try {
			if (stdin.isTTY) stdin.setRawMode(on);
		} catch {
			// The terminal may already be gone (SIGHUP).
		}
	};
	const leave = () => {
		setRaw(false);
		try {
			stdout.write(leaveModes());
		} catch {
			// Same: nothing left to restore.
		}
	};
	const restore = () => {
		if (restored) return;
		restored = true;
		if (!suspended) leave();
	};
	// Stop as a shell's job control expects: the terminal back first, then the default SIGTSTP action
	// (our handler removed for it), which the kernel carries out once this returns.
	const stopNow = () => {
		if (restored || suspended) return;
		suspended = true;
		leave();
		process.off('SIGTSTP', onStop);
		process.kill(process.pid, 'SIGTSTP');
	};
	const onStop = () => {
		if (!cannotSuspend()) stopNow();
	};
	const onContinue = () => {
		if (!suspended || restored) return;
		suspended = false;
		process.on('SIGTSTP', onStop);
		setRaw(true);
		stdout.write(enterModes({mouse: options.mouse}));
		for (const redraw of resumed) redraw();
	};
	process.on('SIGTSTP', onStop);
	process.on('SIGCONT', onContinue);
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
		clearScreen: () => stdout.write(CLEAR_SCREEN),
		suspend: () => {
			const why = cannotSuspend();
			if (why) return `cannot suspend: ${why}`;
			stopNow();
			return undefined;
		},
		onResume: (redraw) => {
			resumed.add(redraw);
			return () => resumed.delete(redraw);
		},
	};
	// Marks kept from earlier sessions; for data on standard input, this session's only.
	const kept = options.path === undefined ? {marks: {items: []}} : await loadMarks(options.path);
	const withMarks = (init: Init): Init => ({...init, marks: kept.marks, notice: kept.notice});
	try {
		stdout.write(enterModes({mouse: options.mouse}));
		instance = render(
			<Session
				opening={options.opening}
				ready={options.ready && withMarks(options.ready)}
				start={(data) => withMarks(options.start(data))}
				fileLabel={options.fileLabel}
				colour={options.colour}
				// Web addresses as OSC 8 hyperlinks where the terminal shows them (FORCE_HYPERLINK=0 or 1 decides).
				links={createSupportsHyperlinks(stdout)}
				io={io}
				onExit={(exitCode) => {
					code = exitCode;
				}}
				onLoaded={(result) => {
					loaded = result;
				}}
				onFailure={(error) => {
					mistake = error;
				}}
			/>,
			{stdin, stdout, stderr, exitOnCtrlC: false, patchConsole: true, maxFps: 60},
		);
		await instance.waitUntilExit();
	} catch (error) {
		failure ??= error;
		code = 1;
	} finally {
		options.opening.close();
		for (const signal of SIGNALS) process.off(signal, onSignal);
		process.off('SIGTSTP', onStop);
		process.off('SIGCONT', onContinue);
		process.off('uncaughtException', onFatal);
		process.off('unhandledRejection', onFatal);
		restore();
		options.keys?.destroy();
	}
	if (failure !== undefined) {
		const detail = failure instanceof Error ? (failure.stack ?? failure.message) : String(failure);
		stderr.write(`timescope: internal error: ${sanitize(detail, {multiline: true})}\n`);
		code = 1;
	}
	return {code, loaded, failure: mistake};
}
