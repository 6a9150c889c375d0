import {useApp, useStdin, useStdout} from 'ink';
import {useEffect, useLayoutEffect, useReducer, useRef, useState} from 'react';
import type {LoadResult, ReadOptions} from '../dataset/load.js';
import type {Dataset} from '../dataset/model.js';
import {type DatasetWatcher, watchDataset} from '../dataset/watch.js';
import {type LoadOptions, loadSearcher, SCOPE_KINDS, type Searcher} from '../search/searcher.js';
import type {Action} from '../state/actions.js';
import {InputReader} from '../state/input.js';
import {unfinishedEscape} from '../state/keys.js';
import type {Size} from '../state/layout.js';
import type {Marks} from '../state/marks.js';
import {initialState, reducer} from '../state/reducer.js';
import {RESULT_LIMIT} from '../state/search.js';
import type {Effect, ExportOutcome, InitOptions, State} from '../state/state.js';
import {type Opened, openInBrowser} from '../system/browser.js';
import {type Copied, copyText} from '../system/clipboard.js';
import {type ExportRequest, exportFile} from '../system/export-file.js';
import {saveMarks} from '../system/marks-store.js';
import {CLEAR_SCREEN} from '../system/terminal.js';
import {Screen} from './screen.js';
import {ThemeProvider} from './theme.js';

/** The outside world the explorer acts on; tests replace it. */
export interface Io {
	/** Put text on the clipboard: with a clipboard tool where there is one, else OSC 52. */
	copy(text: string): Promise<Copied>;
	/** Open a web address (a `webHref`) in a browser, or say why there is none to open it in. */
	openUrl(url: string): Promise<Opened>;
	/** Give the terminal back and stop (Ctrl-Z); or say why this process cannot be stopped. */
	suspend(): string | undefined;
	/** Call `redraw` each time the explorer comes back from a stop (`fg`); returns how to stop calling. */
	onResume(redraw: () => void): () => void;
	/** Wipe the screen before a re-layout, so no line of the old size is left behind. */
	clearScreen(): void;
	/** Keep the marks for their dataset, for the next session. */
	saveMarks(marks: Marks): Promise<void>;
	/** Write an export (never over an existing file unless asked) and say how it went. */
	exportFile(request: ExportRequest): Promise<ExportOutcome>;
	loadSearcher(dataset: Dataset, options: LoadOptions): Promise<Searcher>;
	/** Read the file again (R). */
	load(path: string): Promise<LoadResult>;
	/** Call back with each new version of the file (--watch). */
	watch(path: string, onLoad: (result: LoadResult) => void): DatasetWatcher;
}

export interface AppProps {
	/** `strict`: reloads refuse a file with any problem, as the first load did (--strict). */
	readonly init: Omit<InitOptions, 'size'> & {readonly watch?: boolean; readonly strict?: boolean};
	readonly size?: Size;
	readonly colour: boolean;
	/** Draw web addresses as OSC 8 hyperlinks (the terminal shows them). */
	readonly links?: boolean;
	readonly io?: Partial<Io>;
	readonly onExit?: (code: number) => void;
	/**
	 * Called once the first frame is drawn (the cache is written then, off the critical path). A
	 * result it resolves with replaces the data: the file was not what the cache held.
	 */
	readonly onDrawn?: () => Promise<LoadResult | undefined>;
}

const FALLBACK: Size = {columns: 100, rows: 30};

export function App({init, size, colour, links, io: givenIo, onExit, onDrawn}: AppProps) {
	const {stdout} = useStdout();
	// The first io is kept: effects must not run again because a parent passed a new object.
	const io = useRef(withStrictness(givenIo ?? {}, init.strict ?? false)).current;
	const [state, dispatch] = useReducer(reducer, undefined, () =>
		initialState({today: Date.now(), ...init, size: size ?? terminalSize(stdout)}),
	);
	const {exit} = useApp();
	useKeys(dispatch);
	useResize(dispatch, io);
	useResume(io);
	const searcher = useSearcher(state.dataset, dispatch, io);
	useSearch(state, searcher, dispatch);
	useEffects(state.effect, dispatch, io, stdout);
	useWatch(init.watch ? init.path : undefined, dispatch, io);
	useDrawn(onDrawn, dispatch);
	useMarksStore(state.marks, dispatch, io);
	useEffect(() => {
		if (state.exit === undefined) return;
		onExit?.(state.exit);
		exit();
	}, [state.exit, exit, onExit]);
	return (
		<ThemeProvider colour={colour} links={links}>
			<Screen state={state} />
		</ThemeProvider>
	);
}

/** The reader loads with the first reload, not with the explorer: a cached open never reads a file. */
async function loadFile(path: string, options?: ReadOptions): Promise<LoadResult> {
	return (await import('../dataset/load.js')).loadDataset(path, options);
}

/** Reading the file again reads it as the first time: leniently, or strictly with --strict. */
function withStrictness(io: Partial<Io>, strict: boolean): Partial<Io> {
	return {
		load: (path) => loadFile(path, {strict}),
		watch: (path, onLoad) => watchDataset(path, onLoad, {read: {strict}}),
		...io,
	};
}

function terminalSize(stdout: NodeJS.WriteStream): Size {
	return {columns: stdout.columns || FALLBACK.columns, rows: stdout.rows || FALLBACK.rows};
}

/** A paste whose end marker has not come after this long is taken as ended. */
const PASTE_WAIT_MS = 500;

const INK_NO_EVENTS =
	'this Ink has no useStdin().internal_eventEmitter, which the explorer reads keys from (see docs/ARCHITECTURE.md, "Ink internals")';

/**
 * How long an escape sequence left unfinished at the end of a chunk waits for its rest before it is
 * read as Esc (vim's `ttimeoutlen`): long enough for a key's bytes split by a terminal or an ssh link,
 * short enough that Esc answers at once.
 */
export const ESC_TIMEOUT_MS = 50;

/**
 * Input straight from Ink's input events into the reducer: keys, pastes and mouse reports
 * (`state/input.ts`). Ink's `useInput` names neither F1 nor several other keys, and re-subscribes on
 * every render; one subscription that dispatches what it read has no stale state to act on. Timing is
 * this reader's job, never the reducer's: an unfinished escape sequence is held ESC_TIMEOUT_MS for the
 * bytes that finish it (`state/keys.ts`), and a paste whose end never comes ends after PASTE_WAIT_MS.
 */
export function useKeys(dispatch: (action: Action) => void): void {
	const {internal_eventEmitter: events, setRawMode, isRawModeSupported} = useStdin();
	// Not part of Ink's documented API (upstream has dropped it from its types): an upgrade must fail here,
	// loudly, not leave an explorer that reads no keys.
	if (!events) throw new Error(INK_NO_EVENTS);
	// Layout effects, run in the same turn as the commit that writes the frame: a key pressed the
	// moment a screen appears (the timeline replacing the loading screen) finds its reader there. A
	// passive effect comes a turn later, and Ink drops input that no one listens to.
	useLayoutEffect(() => {
		if (!isRawModeSupported) return;
		setRawMode(true);
		return () => setRawMode(false);
	}, [isRawModeSupported, setRawMode]);
	useLayoutEffect(() => {
		const reader = new InputReader();
		let held = '';
		let escTimer: NodeJS.Timeout | undefined;
		let pasteTimer: NodeJS.Timeout | undefined;
		const send = (text: string) => {
			for (const action of reader.read(text)) dispatch(action);
			clearTimeout(pasteTimer);
			if (reader.pasting) {
				pasteTimer = setTimeout(() => {
					for (const action of reader.flush()) dispatch(action);
				}, PASTE_WAIT_MS);
			}
		};
		const onInput = (data: string | Buffer) => {
			clearTimeout(escTimer);
			const text = held + String(data);
			const tail = unfinishedEscape(text);
			held = tail < 0 ? '' : text.slice(tail);
			send(tail < 0 ? text : text.slice(0, tail));
			if (held) {
				escTimer = setTimeout(() => {
					const late = held;
					held = '';
					send(late);
				}, ESC_TIMEOUT_MS);
			}
		};
		events.on('input', onInput);
		return () => {
			clearTimeout(escTimer);
			clearTimeout(pasteTimer);
			events.off('input', onInput);
		};
	}, [events, dispatch]);
}

/** Back from a stop (`fg`): the screen was the shell's meanwhile, so draw the whole frame again. */
function useResume(io: Partial<Io>): void {
	const {write} = useStdout();
	useEffect(() => io.onResume?.(() => write(CLEAR_SCREEN)), [io, write]);
}

/** Ink re-lays out on resize but does not re-render React: the size lives in the reducer. */
function useResize(dispatch: (action: Action) => void, io: Partial<Io>): void {
	const {stdout} = useStdout();
	useEffect(() => {
		const onResize = () => {
			io.clearScreen?.();
			dispatch({type: 'resize', size: terminalSize(stdout)});
		};
		stdout.on('resize', onResize);
		return () => {
			stdout.off('resize', onResize);
		};
	}, [stdout, dispatch, io]);
}

/**
 * The quote index is built after the first frame, in slices, so keys are read meanwhile; search says
 * "indexing… n%" until it is ready. Leaving the explorer stops the build.
 */
function useSearcher(
	dataset: Dataset,
	dispatch: (action: Action) => void,
	io: Partial<Io>,
): Searcher | undefined {
	// Kept with the dataset it indexes: after a reload the old index must not answer for the new data.
	const [indexed, setIndexed] = useState<{dataset: Dataset; searcher: Searcher}>();
	useEffect(() => {
		const controller = new AbortController();
		let percent = 0;
		const onProgress = (done: number, total: number) => {
			const now = total === 0 ? 100 : Math.floor((done / total) * 100);
			if (now === percent || controller.signal.aborted) return;
			percent = now;
			dispatch({type: 'indexProgress', percent: now});
		};
		(io.loadSearcher ?? loadSearcher)(dataset, {onProgress, signal: controller.signal}).then(
			(loaded) => {
				if (controller.signal.aborted) return;
				setIndexed({dataset, searcher: loaded});
				dispatch({type: 'indexReady'});
			},
			(error: unknown) => {
				if (controller.signal.aborted) return;
				dispatch({type: 'indexFailed', message: error instanceof Error ? error.message : String(error)});
			},
		);
		return () => controller.abort();
	}, [dataset, dispatch, io.loadSearcher]);
	return indexed?.dataset === dataset ? indexed.searcher : undefined;
}

/** Every query change starts a search and aborts the one before; answers carry the query they answer. */
function useSearch(state: State, searcher: Searcher | undefined, dispatch: (action: Action) => void): void {
	const {query, generation, scope} = state.search;
	const within = state.timeline.selection;
	useEffect(() => {
		if (!searcher) return;
		const controller = new AbortController();
		const kinds = SCOPE_KINDS[scope];
		searcher.searchAsync(query, {limit: RESULT_LIMIT, within, kinds, signal: controller.signal}).then(
			(result) => {
				if (result && !controller.signal.aborted)
					dispatch({type: 'searchResults', query, generation, result});
			},
			(error: unknown) => {
				if (!controller.signal.aborted) {
					dispatch({type: 'indexFailed', message: error instanceof Error ? error.message : String(error)});
				}
			},
		);
		return () => controller.abort();
	}, [searcher, query, generation, scope, within, dispatch]);
}

function useEffects(
	effect: Effect | undefined,
	dispatch: (action: Action) => void,
	io: Partial<Io>,
	stdout: NodeJS.WriteStream,
): void {
	useEffect(() => {
		if (!effect) return;
		const done = (message?: string, error?: boolean) =>
			dispatch({type: 'effectDone', id: effect.id, message, error});
		const failed = (what: string) => (error: unknown) =>
			done(`${what}: ${error instanceof Error ? error.message : String(error)}`, true);
		if (effect.kind === 'copy') {
			(io.copy ?? ((text: string) => copyText(text, stdout)))(effect.text).then(
				({how}) => done(`${how}: ${effect.text}`),
				failed('could not copy'),
			);
			return;
		}
		if (effect.kind === 'export') {
			(io.exportFile ?? exportFile)(effect).then(
				(outcome) => dispatch({type: 'exported', id: effect.id, outcome}),
				(error: unknown) =>
					dispatch({
						type: 'exported',
						id: effect.id,
						outcome: {failed: error instanceof Error ? error.message : String(error)},
					}),
			);
			return;
		}
		if (effect.kind === 'suspend') {
			const refused = io.suspend ? io.suspend() : 'cannot suspend: not in a terminal';
			done(refused, refused !== undefined);
			return;
		}
		if (effect.kind === 'reload') {
			(io.load ?? loadFile)(effect.path).then((result) => {
				dispatch({type: 'loaded', result, cause: 'key'});
				done();
			}, failed('reload failed'));
			return;
		}
		const {url, note} = effect;
		(io.openUrl ?? openInBrowser)(url).then(
			(opened) =>
				opened.opened ? done() : done(`no browser here (${opened.why}): ${url}${note ? ` · ${note}` : ''}`),
			failed('could not open the URL'),
		);
	}, [effect, dispatch, io, stdout]);
}

/** --watch: every change to the file on disk (atomic saves included) arrives as a `loaded` action. */
function useWatch(path: string | undefined, dispatch: (action: Action) => void, io: Partial<Io>): void {
	useEffect(() => {
		if (path === undefined) return;
		const watcher = (io.watch ?? watchDataset)(path, (result) =>
			dispatch({type: 'loaded', result, cause: 'watch'}),
		);
		return () => watcher.close();
	}, [path, dispatch, io]);
}

function useDrawn(onDrawn: AppProps['onDrawn'], dispatch: (action: Action) => void): void {
	// The first callback given is the one: the first frame happens once.
	const first = useRef(onDrawn).current;
	useEffect(() => {
		if (!first) return;
		let live = true;
		first().then(
			(result) => {
				if (live && result) dispatch({type: 'loaded', result, cause: 'watch'});
			},
			() => {},
		);
		return () => {
			live = false;
		};
	}, [first, dispatch]);
}

/**
 * The marks are written back whenever they change (not the ones read at start): one write at a
 * time, in order, so the last marks made are the ones kept. A failure is reported, never thrown.
 */
function useMarksStore(marks: Marks, dispatch: (action: Action) => void, io: Partial<Io>): void {
	const saved = useRef(marks);
	const queue = useRef(Promise.resolve());
	useEffect(() => {
		if (marks === saved.current) return;
		saved.current = marks;
		if (marks.store === undefined) return;
		queue.current = queue.current
			.then(() => (io.saveMarks ?? saveMarks)(marks))
			.catch((error: unknown) =>
				dispatch({type: 'marksNotSaved', message: error instanceof Error ? error.message : String(error)}),
			);
	}, [marks, dispatch, io]);
}
