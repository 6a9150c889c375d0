import {stripVTControlCharacters} from 'node:util';
import {render} from 'ink-testing-library';
import {vi} from 'vitest';
import type {Filters} from '../../source/dataset/filter.js';
import type {LoadResult} from '../../source/dataset/load.js';
import type {Dataset} from '../../source/dataset/model.js';
import type {ProblemReport} from '../../source/dataset/problems.js';
import {createSearcher, type Searcher} from '../../source/search/searcher.js';
import type {Keymap} from '../../source/state/keymap.js';
import type {Size} from '../../source/state/layout.js';
import type {Marks} from '../../source/state/marks.js';
import type {ExportOutcome} from '../../source/state/state.js';
import type {Opened} from '../../source/system/browser.js';
import type {ExportRequest} from '../../source/system/export-file.js';
import {cellWidth} from '../../source/text/cells.js';
import {App} from '../../source/ui/app.js';

/**
 * The explorer rendered by ink-testing-library at a chosen terminal size, with the clipboard, the URL
 * opener and the search index replaced by recorders the test can inspect and control.
 */

export const KEYS = {
	enter: '\r',
	escape: '\u001b',
	up: '\u001b[A',
	down: '\u001b[B',
	pageDown: '\u001b[6~',
	f1: '\u001bOP',
	tab: '\t',
	ctrlC: '\u0003',
	backspace: '\u007f',
} as const;

export interface ExplorerOptions {
	size?: Size;
	filters?: Filters;
	search?: string;
	eventId?: string;
	colour?: boolean;
	/** Resolve the index only when the test says so. */
	holdIndex?: boolean;
	searcher?: Searcher;
	/** The file R reloads, and what reading it gives. */
	path?: string;
	load?: (path: string) => Promise<LoadResult>;
	/** Keys other than the default ones. */
	keymap?: Keymap;
	/** Draw web addresses as OSC 8 hyperlinks. */
	links?: boolean;
	/** What opening a URL finds (a browser, by default). */
	browser?: Opened;
	/** Why Ctrl-Z cannot stop the explorer (it can, by default). */
	cannotSuspend?: string;
	/** The marks kept from earlier sessions (none, and not kept, by default). */
	marks?: Marks;
	notice?: string;
	/** Saving marks fails with this. */
	saveFails?: string;
	/** What writing an export finds (the file written, by default). */
	exported?: ExportOutcome;
	/** What loading left out. */
	problems?: ProblemReport;
}

export function renderExplorer(dataset: Dataset, options: ExplorerOptions = {}) {
	let size = options.size ?? {columns: 100, rows: 30};
	const copied: string[] = [];
	const opened: string[] = [];
	const exits: number[] = [];
	let suspended = 0;
	const saved: Marks[] = [];
	const exports: ExportRequest[] = [];
	const resumers = new Set<() => void>();
	let releaseIndex: () => void = () => {};
	const searcher = options.searcher ?? createSearcher(dataset);
	const indexReady = options.holdIndex
		? new Promise<void>((resolve) => {
				releaseIndex = resolve;
			})
		: Promise.resolve();
	const app = render(
		<App
			init={{
				dataset,
				fileLabel: 'fixtures/small.json',
				filters: options.filters ?? {},
				search: options.search,
				eventId: options.eventId,
				path: options.path,
				keymap: options.keymap,
				marks: options.marks,
				notice: options.notice,
				problems: options.problems,
			}}
			size={size}
			colour={options.colour ?? true}
			links={options.links}
			io={{
				copy: async (text) => {
					copied.push(text);
					return {how: 'copied with test-clip'};
				},
				openUrl: async (url) => {
					opened.push(url);
					return options.browser ?? {opened: true};
				},
				exportFile: async (request) => {
					exports.push(request);
					return options.exported ?? {written: `/out/${request.file}`};
				},
				saveMarks: async (marks) => {
					if (options.saveFails) throw new Error(options.saveFails);
					saved.push(marks);
				},
				suspend: () => {
					if (options.cannotSuspend) return options.cannotSuspend;
					suspended++;
					return undefined;
				},
				onResume: (redraw) => {
					resumers.add(redraw);
					return () => resumers.delete(redraw);
				},
				clearScreen: () => {},
				...(options.load && {load: options.load}),
				loadSearcher: async () => {
					await indexReady;
					return searcher;
				},
			}}
			onExit={(code) => exits.push(code)}
		/>,
	);
	// ink-testing-library's stdout is 100 columns with no rows: make it the size under test.
	Object.defineProperty(app.stdout, 'columns', {get: () => size.columns});
	Object.defineProperty(app.stdout, 'rows', {get: () => size.rows});

	const raw = () => app.lastFrame() ?? '';
	const frame = () => stripVTControlCharacters(raw());
	const lines = () => frame().split('\n');
	return {
		app,
		copied,
		opened,
		exits,
		raw,
		frame,
		lines,
		releaseIndex: () => releaseIndex(),
		suspensions: () => suspended,
		/** Every set of marks written back, in order. */
		saved,
		/** Every export asked for. */
		exports,
		/** As after `fg`: every redraw the explorer asked for. */
		resume() {
			for (const redraw of resumers) redraw();
		},
		/** Send raw terminal input. */
		press(...inputs: string[]) {
			for (const input of inputs) app.stdin.write(input);
		},
		resize(next: Size) {
			size = next;
			app.stdout.emit('resize');
		},
		/** Wait until the frame (without escape codes) passes `check`. */
		async until(check: string | RegExp | ((frame: string) => boolean)) {
			const test =
				typeof check === 'function'
					? check
					: (text: string) => (typeof check === 'string' ? text.includes(check) : check.test(text));
			await vi.waitFor(() => {
				if (!test(frame())) throw new Error(`frame never matched ${String(check)}:\n${frame()}`);
			});
			return frame();
		},
		/** The raw (coloured) line containing `text`. */
		rawLine(text: string): string {
			return (
				raw()
					.split('\n')
					.find((line) => stripVTControlCharacters(line).includes(text)) ?? ''
			);
		},
		widest(): number {
			return Math.max(...lines().map((line) => cellWidth(line)));
		},
	};
}

export type Explorer = ReturnType<typeof renderExplorer>;

/** Wait for input to be wired (raw mode is enabled in an effect after the first frame). */
export async function ready(explorer: Explorer): Promise<void> {
	await explorer.until(/TIMELINE|SEARCH|DETAIL/);
	await new Promise((resolve) => setImmediate(resolve));
}
