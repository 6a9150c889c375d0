import type {Command} from '../state/actions.js';
import {display} from '../state/display.js';
import {DATE_EXAMPLES} from '../state/panes/date.js';
import {PANES} from '../state/panes.js';
import type {State} from '../state/state.js';
import {cellWidth} from '../text/cells.js';
import {fitRuns, run} from './fit.js';
import {Line, type Run} from './theme.js';

// The keys named after the dates it takes (the status bar's other hints do not fit beside a prompt).
const NAMED: readonly Command[] = [{type: 'submitDate'}, {type: 'close'}];

/** The date prompt, in place of the status bar: the typed date with its caret, then what it takes. */
export function DatePrompt({state, width}: {state: State; width: number}) {
	const {text, caret, error} = state.panes.date;
	const shown = display(text);
	const at = Math.min(caret, shown.length);
	const prompt: Run[] = [
		run(` ${PANES.date.title.toUpperCase()} `, 'mode'),
		run(' '),
		run(shown.slice(0, at)),
		run(shown.slice(at, at + 1) || ' ', 'selected'),
		run(shown.slice(at + 1)),
		run('  '),
	];
	const hint = error ? run(error, 'error') : run(keyHints(state), 'dim');
	const used = prompt.reduce((sum, r) => sum + cellWidth(r.text), 0);
	return (
		<Line
			runs={fitRuns([...prompt, run(hint.text.slice(0, Math.max(0, width - used)), hint.paint)], width)}
		/>
	);
}

function keyHints(state: State): string {
	const hints = NAMED.flatMap((command) => state.keymap.hintFor('date', command) ?? []);
	return [DATE_EXAMPLES, ...hints.map((hint) => `${hint.keys} ${hint.label}`)].join(' · ');
}
