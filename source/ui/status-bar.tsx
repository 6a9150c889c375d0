import {display} from '../state/display.js';
import {type Hint, modeOf} from '../state/keymap.js';
import {PANES} from '../state/panes.js';
import {searchSummary} from '../state/search.js';
import type {State} from '../state/state.js';
import {cellWidth} from '../text/cells.js';
import {fitRuns, run} from './fit.js';
import {Line, type Run} from './theme.js';

/**
 * Mode, position (`12/48`), then a message or the current mode's key hints from the keymap, as many as
 * fit (help and the way out, quit or close, the last to go).
 */
export function StatusBar({state, width}: {state: State; width: number}) {
	const mode = modeOf(state);
	const pane = PANES[mode];
	const runs: Run[] = [run(` ${pane.title.toUpperCase()} `, 'mode'), run(' ')];
	const position = pane.position?.(state);
	if (position) runs.push(run(position, 'label'), run('  '));
	const search = searchSummary(state);
	if (search) {
		const clear = state.keymap.keysFor(mode, {type: 'clearSearch'});
		runs.push(run(search, 'accent'), run(clear ? ` (${clear} clears)  ` : '  ', 'dim'));
	}
	// The header's banner says why; this keeps it in sight where the header is not drawn.
	if (state.reloadError && !state.message) runs.push(run('! stale: reload failed', 'error'), run('  '));
	if (state.message) {
		// Messages may quote dataset text or an error from the system: they pass the same gate.
		const text = display(state.message.text);
		runs.push(run(state.message.error ? `! ${text}` : text, state.message.error ? 'error' : 'plain'));
	} else {
		const room = width - runs.reduce((sum, r) => sum + cellWidth(r.text), 0);
		for (const hint of hintsThatFit(state, room)) {
			runs.push(run(hint.keys, 'label'), run(` ${hint.label}  `, 'dim'));
		}
	}
	return <Line runs={fitRuns(runs, width)} />;
}

const hintWidth = (hint: Hint) => cellWidth(`${hint.keys} ${hint.label}  `);

/**
 * The mode's hints that fit in `room` cells, in table order. When not all fit, the others go from the
 * end first: how to get help and how to get out (quit, or close what is open) are the last to go.
 */
function hintsThatFit(state: State, room: number): readonly Hint[] {
	const mode = modeOf(state);
	const hints = state.keymap.hints(mode);
	const kept = new Set(
		[HELP, QUIT, CLOSE]
			.map((command) => state.keymap.hintFor(mode, command))
			.filter((hint) => hint !== undefined),
	);
	let shown = [...hints];
	let used = shown.reduce((sum, hint) => sum + hintWidth(hint), 0);
	for (let i = shown.length - 1; i >= 0 && used > room; i--) {
		const hint = shown[i] as Hint;
		if (kept.has(hint)) continue;
		used -= hintWidth(hint);
		shown = shown.filter((other) => other !== hint);
	}
	return shown;
}

const HELP = {type: 'open', pane: 'help'} as const;
const QUIT = {type: 'quit', code: 0} as const;
// An overlay's way out is its close key, as the timeline's is q.
const CLOSE = {type: 'close'} as const;
