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
	/** What loading left out. */
	problems?: ProblemReport;
}

export function renderExplorer(dataset: Dataset, options: ExplorerOptions = {}) {
	let size = options.size ?? {columns: 100, rows: 30};
	const copied: string[] = [];
	const opened: string[] = [];
	const exits: number[] = [];
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
				problems: options.problems,
			}}
			size={size}
			colour={options.colour ?? true}
			io={{
				copy: (text) => copied.push(text),
				openUrl: async (url) => {
					opened.push(url);
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
