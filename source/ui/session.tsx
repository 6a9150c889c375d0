import {useApp} from 'ink';
import {useEffect, useState} from 'react';
import type {LoadResult, Opened} from '../dataset/load.js';
import type {Dataset} from '../dataset/model.js';
import type {LoadProgress, Opening} from '../open/open.js';
import {App, type AppProps, type Io} from './app.js';
import {Loading} from './loading.js';
import {ThemeProvider} from './theme.js';

/**
 * The explorer from the moment the terminal is taken: the loading screen while the data is on its way
 * (a big file read in the worker), then the explorer over it. A file that cannot be opened, or a flag
 * that does not fit the data (an unknown --actor), ends the session; the caller reports it once the
 * terminal is given back.
 */

export type Loaded = Opened & {ok: true; dataset: Dataset};

export interface SessionProps {
	readonly opening: Opening;
	/** The explorer's start, when the data was there before the first frame. */
	readonly ready?: AppProps['init'];
	/** The explorer's start from the loaded data; may throw (a UsageError). */
	readonly start: (loaded: Loaded) => AppProps['init'];
	readonly fileLabel: string;
	readonly colour: boolean;
	/** Draw web addresses as OSC 8 hyperlinks (the terminal shows them). */
	readonly links?: boolean;
	readonly io?: Partial<Io>;
	readonly onExit: (code: number) => void;
	/** What loading gave, to report after the session. */
	readonly onLoaded: (result: LoadResult) => void;
	readonly onFailure: (error: unknown) => void;
}

export function Session({
	opening,
	ready,
	start,
	fileLabel,
	colour,
	links,
	io,
	onExit,
	onLoaded,
	onFailure,
}: SessionProps) {
	const {exit} = useApp();
	const [init, setInit] = useState(ready);
	const [progress, setProgress] = useState<LoadProgress>();
	const [appIo] = useState(() => ({...io, loadSearcher: io?.loadSearcher ?? opening.loadSearcher}));
	useEffect(() => {
		if (ready) return;
		opening.onProgress(setProgress);
		let live = true;
		opening.result.then(
			(result) => {
				if (!live) return;
				onLoaded(result);
				if (!result.ok) {
					onExit(1);
					exit();
					return;
				}
				try {
					setInit(start(result));
				} catch (error) {
					onFailure(error);
					exit();
				}
			},
			(error: unknown) => {
				onFailure(error);
				exit();
			},
		);
		return () => {
			live = false;
		};
	}, [ready, opening, start, onLoaded, onExit, onFailure, exit]);
	if (!init) {
		return (
			<ThemeProvider colour={colour}>
				<Loading
					file={fileLabel}
					progress={progress}
					onQuit={(code) => {
						onExit(code);
						exit();
					}}
					onSuspend={io?.suspend}
				/>
			</ThemeProvider>
		);
	}
	return <App init={init} colour={colour} links={links} io={appIo} onExit={onExit} onDrawn={opening.drawn} />;
}
