import {stripVTControlCharacters} from 'node:util';
import {render} from 'ink-testing-library';
import {describe, expect, it, vi} from 'vitest';
import type {LoadResult} from '../../source/dataset/load.js';
import type {LoadProgress, Opening} from '../../source/open/open.js';
import {createSearcher} from '../../source/search/searcher.js';
import {type Loaded, Session} from '../../source/ui/session.js';
import {loadFixture} from '../state/helpers.js';
import {KEYS} from './render.js';

/**
 * The explorer's first screen while a big file loads in the worker: it says what is being opened and
 * how far it has got, the quit and suspend keys work on it, and the explorer takes over once the data
 * is there (or the session ends, when the file cannot be opened).
 */

const small = loadFixture('small');
const CTRL_Z = '\u001a';

function loadingSession(options: {start?: (loaded: Loaded) => never} = {}) {
	let finish: (result: LoadResult) => void = () => {};
	const result = new Promise<LoadResult>((resolve) => {
		finish = resolve;
	});
	const listeners = new Set<(progress: LoadProgress) => void>();
	const opening: Opening = {
		result,
		cached: false,
		onProgress: (listener) => {
			listeners.add(listener);
		},
		loadSearcher: async (dataset) => createSearcher(dataset),
		drawn: async () => undefined,
		close: () => {},
	};
	const exits: number[] = [];
	const loaded: LoadResult[] = [];
	const failures: unknown[] = [];
	let suspensions = 0;
	const app = render(
		<Session
			opening={opening}
			start={
				options.start ??
				((data) => ({dataset: data.dataset, fileLabel: data.file, filters: {}, path: undefined}))
			}
			fileLabel="archive.json"
			colour={false}
			io={{
				suspend: () => {
					suspensions++;
					return undefined;
				},
				clearScreen: () => {},
			}}
			onExit={(code) => exits.push(code)}
			onLoaded={(done) => loaded.push(done)}
			onFailure={(error) => failures.push(error)}
		/>,
	);
	Object.defineProperty(app.stdout, 'columns', {get: () => 100});
	Object.defineProperty(app.stdout, 'rows', {get: () => 30});
	const frame = () => stripVTControlCharacters(app.lastFrame() ?? '');
	return {
		app,
		exits,
		loaded,
		failures,
		suspensions: () => suspensions,
		frame,
		progress: (progress: LoadProgress) => {
			for (const listener of listeners) listener(progress);
		},
		finish,
		async until(text: string) {
			await vi.waitFor(() => {
				if (!frame().includes(text)) throw new Error(`never showed "${text}":\n${frame()}`);
			});
		},
		/** The loading screen is up and reads keys. */
		async ready() {
			await this.until(' LOADING ');
			await new Promise((resolve) => setImmediate(resolve));
		},
	};
}

const okResult = (): LoadResult => ({
	ok: true,
	dataset: small,
	file: 'archive.json',
	format: 'timescope',
	problems: [],
	omitted: 0,
	skipped: {},
});

describe('the loading screen', () => {
	it('says what is opening and how far it has got, then gives way to the timeline', async () => {
		const ui = loadingSession();
		await ui.ready();
		expect(ui.frame()).toContain('opening archive.json');
		expect(ui.frame()).toContain('q quit');
		ui.progress({phase: 'reading', bytes: 30_000_000, totalBytes: 60_000_000, events: 1234, quotes: 5678});
		await ui.until('50% · 1,234 events, 5,678 quotes');
		ui.progress({phase: 'building'});
		await ui.until('building the timeline');
		ui.finish(okResult());
		await ui.until(' TIMELINE ');
		expect(ui.loaded).toHaveLength(1);
		expect(ui.exits).toEqual([]);
	});

	it('loses no key pressed the moment the timeline replaces the loading screen', async () => {
		const ui = loadingSession();
		await ui.ready();
		// The fastest typist: a key that arrives in the very next turn after the first frame of the timeline.
		const write = ui.app.stdout.write.bind(ui.app.stdout);
		let pressed = false;
		ui.app.stdout.write = (frame: string) => {
			write(frame);
			if (!pressed && stripVTControlCharacters(frame).includes(' TIMELINE ')) {
				pressed = true;
				setImmediate(() => ui.app.stdin.write('/'));
			}
		};
		ui.finish(okResult());
		await ui.until(' SEARCH ');
	});

	it('quits on q while the data is still loading, and on Ctrl-C with 130', async () => {
		const quit = loadingSession();
		await quit.ready();
		quit.app.stdin.write('q');
		await vi.waitFor(() => expect(quit.exits).toEqual([0]));
		const interrupted = loadingSession();
		await interrupted.ready();
		interrupted.app.stdin.write(KEYS.ctrlC);
		await vi.waitFor(() => expect(interrupted.exits).toEqual([130]));
	});

	it('suspends on Ctrl-Z and lets other keys, pastes and clicks pass without effect', async () => {
		const ui = loadingSession();
		await ui.ready();
		ui.app.stdin.write('jj/abc');
		ui.app.stdin.write('\u001b[200~pasted\u001b[201~');
		ui.app.stdin.write('\u001b[<0;10;5M\u001b[<0;10;5m');
		ui.app.stdin.write(CTRL_Z);
		await vi.waitFor(() => expect(ui.suspensions()).toBe(1));
		expect(ui.exits).toEqual([]);
		expect(ui.frame()).toContain(' LOADING ');
		ui.finish(okResult());
		await ui.until(' TIMELINE ');
	});

	it('ends the session with exit 1 when the file turns out not to open', async () => {
		const ui = loadingSession();
		await ui.ready();
		const refused: LoadResult = {
			ok: false,
			file: 'archive.json',
			problems: [{file: 'archive.json', code: 'unreadable', params: {}, message: 'not JSON'}],
			omitted: 0,
		};
		ui.finish(refused);
		await vi.waitFor(() => expect(ui.exits).toEqual([1]));
		expect(ui.loaded).toEqual([refused]);
	});

	it('hands a mistake found once the data is there (an unknown --actor) back to be reported', async () => {
		const mistake = new Error('no actor "nobody"');
		const ui = loadingSession({
			start: () => {
				throw mistake;
			},
		});
		await ui.ready();
		ui.finish(okResult());
		await vi.waitFor(() => expect(ui.failures).toEqual([mistake]));
	});
});
