import {Box, useStdout} from 'ink';
import {useEffect, useState} from 'react';
import type {LoadProgress} from '../open/open.js';
import {display} from '../state/display.js';
import {DEFAULT_KEYMAP} from '../state/keymap.js';
import {layoutFor} from '../state/layout.js';
import {useKeys} from './app.js';
import {fitRuns, run} from './fit.js';
import {Line, type Run} from './theme.js';

/**
 * The explorer's first screen while a big file loads in the worker: what is being opened, how far it
 * has got, and the keys that work meanwhile: the timeline's own quit and suspend keys, from the keymap
 * (Ctrl-C, q, Ctrl-Z). Other keys, pastes and clicks wait for no one: there is nothing to act on yet.
 */

const BAR = 24;

export function Loading({
	file,
	progress,
	onQuit,
	onSuspend,
}: {
	file: string;
	progress: LoadProgress | undefined;
	onQuit: (code: number) => void;
	/** Ctrl-Z: give the terminal back and stop (io.suspend); says why it cannot, if it cannot. */
	onSuspend?: () => string | undefined;
}) {
	const {stdout} = useStdout();
	// The explorer's own frame: the last column never written, one line short of the terminal.
	const {columns, height} = layoutFor({columns: stdout.columns || 80, rows: stdout.rows || 24});
	const elapsed = useElapsed();
	useKeys((action) => {
		if (action.type !== 'keys') return;
		for (const key of action.keys) {
			const command = DEFAULT_KEYMAP.commandFor('timeline', key);
			if (command?.type === 'quit') onQuit(command.code);
			else if (command?.type === 'suspend') onSuspend?.();
		}
	});
	const quit = DEFAULT_KEYMAP.hintFor('timeline', {type: 'quit', code: 0});
	const lines: Run[][] = [
		[run('timescope', 'title')],
		[],
		[run('opening ', 'dim'), run(display(file), 'plain')],
		[run(progressText(progress, elapsed), 'plain')],
	];
	const body = Math.max(0, height - lines.length - 1);
	const status: Run[] = [run(' LOADING ', 'mode'), run(' ')];
	if (quit) status.push(run(quit.keys, 'label'), run(` ${quit.label}`, 'dim'));
	return (
		<Box flexDirection="column" width={columns} height={height}>
			{lines.map((runs, i) => (
				// biome-ignore lint/suspicious/noArrayIndexKey: fixed lines
				<Line key={i} runs={fitRuns([run(' '), ...runs], columns)} />
			))}
			<Box height={body} />
			<Line runs={fitRuns(status, columns)} />
		</Box>
	);
}

function progressText(progress: LoadProgress | undefined, seconds: number): string {
	const time = `${seconds.toFixed(1)} s`;
	if (!progress) return `starting… ${time}`;
	const size = progress.totalBytes ? `${megabytes(progress.totalBytes)}` : '';
	if (progress.phase === 'building') return `building the timeline… ${time}`;
	if (progress.events === undefined && progress.quotes === undefined) {
		return `reading and checking ${size}… ${time}`.replace('  ', ' ');
	}
	const fraction = progress.totalBytes ? Math.min(1, (progress.bytes ?? 0) / progress.totalBytes) : 0;
	const filled = Math.round(fraction * BAR);
	const counts = `${(progress.events ?? 0).toLocaleString('en')} events, ${(progress.quotes ?? 0).toLocaleString('en')} quotes`;
	return `${'█'.repeat(filled)}${'░'.repeat(BAR - filled)} ${Math.round(fraction * 100)}% · ${counts} · ${time}`;
}

function megabytes(bytes: number): string {
	return `${Math.max(1, Math.round(bytes / 1e6)).toLocaleString('en')} MB`;
}

/** Seconds since the screen appeared, ticking every 100 ms so the screen shows it is alive. */
function useElapsed(): number {
	const [start] = useState(() => performance.now());
	const [now, setNow] = useState(start);
	useEffect(() => {
		const timer = setInterval(() => setNow(performance.now()), 100);
		return () => clearInterval(timer);
	}, []);
	return (now - start) / 1000;
}
