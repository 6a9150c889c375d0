import {useApp, useStdin, useStdout} from 'ink';
import {useEffect, useReducer, useRef, useState} from 'react';
import {type LoadResult, loadDataset} from '../dataset/load.js';
import type {Dataset} from '../dataset/model.js';
import {type DatasetWatcher, watchDataset} from '../dataset/watch.js';
import {type LoadOptions, loadSearcher, SCOPE_KINDS, type Searcher} from '../search/searcher.js';
import type {Action} from '../state/actions.js';
import {decodeKeys, unfinishedEscape} from '../state/keys.js';
import type {Size} from '../state/layout.js';
import {initialState, reducer} from '../state/reducer.js';
import {RESULT_LIMIT} from '../state/search.js';
import type {Effect, InitOptions, State} from '../state/state.js';
import {Screen} from './screen.js';
import {ThemeProvider} from './theme.js';

/** The outside world the explorer acts on; tests replace it. */
export interface Io {
	/** Put text on the clipboard (OSC 52 in a terminal). */
	copy(text: string): void;
	openUrl(url: string): Promise<void>;
	/** Wipe the screen before a re-layout, so no line of the old size is left behind. */
	clearScreen(): void;
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
	readonly io?: Partial<Io>;
	readonly onExit?: (code: number) => void;
}

const FALLBACK: Size = {columns: 100, rows: 30};

export function App({init, size, colour, io: givenIo, onExit}: AppProps) {
	const {stdout} = useStdout();
	// The first io is kept: effects must not run again because a parent passed a new object.
	const io = useRef(withStrictness(givenIo ?? {}, init.strict ?? false)).current;
	const [state, dispatch] = useReducer(reducer, undefined, () =>
		initialState({today: Date.now(), ...init, size: size ?? terminalSize(stdout)}),
	);
	const {exit} = useApp();
	useKeys(dispatch);
	useResize(dispatch, io);
	const searcher = useSearcher(state.dataset, dispatch, io);
	useSearch(state, searcher, dispatch);
	useEffects(state.effect, dispatch, io, stdout);
	useWatch(init.watch ? init.path : undefined, dispatch, io);
	useEffect(() => {
		if (state.exit === undefined) return;
		onExit?.(state.exit);
		exit();
	}, [state.exit, exit, onExit]);
	return (
		<ThemeProvider colour={colour}>
			<Screen state={state} />
		</ThemeProvider>
	);
}

/** Reading the file again reads it as the first time: leniently, or strictly with --strict. */
function withStrictness(io: Partial<Io>, strict: boolean): Partial<Io> {
	return {
		load: (path) => loadDataset(path, {strict}),
		watch: (path, onLoad) => watchDataset(path, onLoad, {read: {strict}}),
		...io,
	};
}

function terminalSize(stdout: NodeJS.WriteStream): Size {
	return {columns: stdout.columns || FALLBACK.columns, rows: stdout.rows || FALLBACK.rows};
}

const INK_NO_EVENTS =
	'this Ink has no useStdin().internal_eventEmitter, which the explorer reads keys from (see docs/ARCHITECTURE.md, "Ink internals")';

/**
 * How long an escape sequence left unfinished at the end of a chunk waits for its rest before it is
 * read as Esc (vim's `ttimeoutlen`): long enough for a key's bytes split by a terminal or an ssh link,
 * short enough that Esc answers at once.
 */
export const ESC_TIMEOUT_MS = 50;

/**
 * Input straight from Ink's input events into the reducer. Ink's `useInput` names neither F1 nor
 * several other keys, and re-subscribes on every render; one subscription that dispatches key names
 * has no stale state to act on. Timing is this reader's job, never the reducer's: an unfinished
 * escape sequence is held ESC_TIMEOUT_MS for the bytes that finish it (`state/keys.ts`).
 */
function useKeys(dispatch: (action: Action) => void): void {
	const {internal_eventEmitter: events, setRawMode, isRawModeSupported} = useStdin();
	// Not part of Ink's documented API (upstream has dropped it from its types): an upgrade must fail here,
	// loudly, not leave an explorer that reads no keys.
	if (!events) throw new Error(INK_NO_EVENTS);
	useEffect(() => {
		if (!isRawModeSupported) return;
		setRawMode(true);
		return () => setRawMode(false);
	}, [isRawModeSupported, setRawMode]);
	useEffect(() => {
		let held = '';
		let timer: NodeJS.Timeout | undefined;
		const send = (text: string) => {
			const keys = decodeKeys(text);
			if (keys.length > 0) dispatch({type: 'keys', keys});
		};
		const onInput = (data: string | Buffer) => {
			clearTimeout(timer);
			const text = held + String(data);
			const tail = unfinishedEscape(text);
			held = tail < 0 ? '' : text.slice(tail);
			send(tail < 0 ? text : text.slice(0, tail));
			if (held) {
				timer = setTimeout(() => {
					const late = held;
					held = '';
					send(late);
				}, ESC_TIMEOUT_MS);
			}
		};
		events.on('input', onInput);
		return () => {
			clearTimeout(timer);
			events.off('input', onInput);
		};
	}, [events, dispatch]);
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
		if (effect.kind === 'copy') {
			(io.copy ?? ((text: string) => stdout.write(osc52(text))))(effect.text);
			done();
			return;
		}
		if (effect.kind === 'reload') {
			(io.load ?? loadDataset)(effect.path).then(
				(result) => {
					dispatch({type: 'loaded', result, cause: 'key'});
					done();
				},
				(error: unknown) =>
					done(`reload failed: ${error instanceof Error ? error.message : String(error)}`, true),
			);
			return;
		}
		(io.openUrl ?? openWithSystem)(effect.url).then(
			() => done(),
			(error: unknown) =>
				done(`could not open the URL: ${error instanceof Error ? error.message : String(error)}`, true),
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

/** OSC 52 clipboard write; the payload is base64, so nothing in the text can end the sequence early. */
export function osc52(text: string): string {
	return `\u001b]52;c;${Buffer.from(text, 'utf8').toString('base64')}\u0007`;
}

async function openWithSystem(url: string): Promise<void> {
	const {default: open} = await import('open');
	await open(url);
}
