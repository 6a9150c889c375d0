import {detailView} from '../state/detail-nav.js';
import {display} from '../state/display.js';
import {hintsFor, MODE_TITLES, modeOf} from '../state/keymap.js';
import type {State} from '../state/state.js';
import {cellWidth} from '../text/cells.js';
import {fitRuns, run} from './fit.js';
import {Line, type Run} from './theme.js';

/** Mode, position (`12/48`), then a message or the current mode's key hints from the keymap. */
export function StatusBar({state, width}: {state: State; width: number}) {
	const mode = modeOf(state);
	if (mode === 'date') return <DatePrompt state={state} width={width} />;
	const runs: Run[] = [run(` ${MODE_TITLES[mode].toUpperCase()} `, 'mode'), run(' ')];
	const position = positionText(state);
	if (position) runs.push(run(position, 'label'), run('  '));
	// The header's banner says why; this keeps it in sight where the header is not drawn.
	if (state.reloadError && !state.message) runs.push(run('! stale: reload failed', 'error'), run('  '));
	if (state.message) {
		// Messages may quote dataset text or an error from the system: they pass the same gate.
		const text = display(state.message.text);
		runs.push(run(state.message.error ? `! ${text}` : text, state.message.error ? 'error' : 'plain'));
	} else {
		for (const hint of hintsFor(mode)) {
			runs.push(run(hint.keys, 'label'), run(` ${hint.label}  `, 'dim'));
		}
	}
	return <Line runs={fitRuns(runs, width)} />;
}

function positionText(state: State): string {
	const mode = modeOf(state);
	if (mode === 'help' || mode === 'facets') return '';
	if (state.view === 'search') {
		const hits = state.search.outcome?.hits.length ?? 0;
		return hits === 0 ? '0/0' : `${state.search.selected + 1}/${hits}`;
	}
	const total = state.timeline.events.length;
	const at = total === 0 ? '0/0' : `${state.cursor + 1}/${total}`;
	if (mode !== 'detail') return at;
	const view = detailView(state);
	if (!view) return at;
	const lines = view.doc.lines.length;
	const last = Math.min(lines, state.detail.scroll + view.height);
	return `${at} · lines ${state.detail.scroll + 1}–${last} of ${lines}`;
}

function DatePrompt({state, width}: {state: State; width: number}) {
	const {text, caret, error} = state.date;
	const shown = display(text);
	const at = Math.min(caret, shown.length);
	const prompt: Run[] = [
		run(' GO TO DATE ', 'mode'),
		run(' '),
		run(shown.slice(0, at)),
		run(shown.slice(at, at + 1) || ' ', 'selected'),
		run(shown.slice(at + 1)),
		run('  '),
	];
	const hint = error
		? run(error, 'error')
		: run('2025-12-31, 2025-12 or 2024 · Enter go · Esc cancel', 'dim');
	const used = prompt.reduce((sum, r) => sum + cellWidth(r.text), 0);
	return (
		<Line
			runs={fitRuns([...prompt, run(hint.text.slice(0, Math.max(0, width - used)), hint.paint)], width)}
		/>
	);
}
