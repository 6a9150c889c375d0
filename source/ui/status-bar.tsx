import {display} from '../state/display.js';
import {modeOf} from '../state/keymap.js';
import {PANES} from '../state/panes.js';
import type {State} from '../state/state.js';
import {fitRuns, run} from './fit.js';
import {Line, type Run} from './theme.js';

/** Mode, position (`12/48`), then a message or the current mode's key hints from the keymap. */
export function StatusBar({state, width}: {state: State; width: number}) {
	const mode = modeOf(state);
	const pane = PANES[mode];
	const runs: Run[] = [run(` ${pane.title.toUpperCase()} `, 'mode'), run(' ')];
	const position = pane.position?.(state);
	if (position) runs.push(run(position, 'label'), run('  '));
	// The header's banner says why; this keeps it in sight where the header is not drawn.
	if (state.reloadError && !state.message) runs.push(run('! stale: reload failed', 'error'), run('  '));
	if (state.message) {
		// Messages may quote dataset text or an error from the system: they pass the same gate.
		const text = display(state.message.text);
		runs.push(run(state.message.error ? `! ${text}` : text, state.message.error ? 'error' : 'plain'));
	} else {
		for (const hint of state.keymap.hints(mode)) {
			runs.push(run(hint.keys, 'label'), run(` ${hint.label}  `, 'dim'));
		}
	}
	return <Line runs={fitRuns(runs, width)} />;
}
