import {Box} from 'ink';
import {type HelpLine, helpColumns} from '../state/keymap.js';
import type {State} from '../state/state.js';
import {padCells} from '../text/cells.js';
import {fitRuns, run} from './fit.js';
import {Line, type Run} from './theme.js';

const KEYS_COLUMN = 22;

/** Every key of every mode, written from the keymap that routes input, and the notation; two columns when wide. */
export function HelpOverlay({state, width, height}: {state: State; width: number; height: number}) {
	const {scroll} = state.panes.help;
	const columns = helpColumns(width, state.keymap);
	const columnWidth = columns.length === 1 ? width : Math.floor((width - 2) / 2);
	const rows = height - 1;
	const tallest = Math.max(...columns.map((column) => column.length));
	const below = Math.max(0, tallest - scroll - rows);
	const title = `Keys${below > 0 ? ` · ${below} more lines below${scrollKeys(state)}` : ''}${closeNote(state)}`;
	const lines = [<Line key="title" runs={fitRuns([run(title, 'title')], width)} />];
	for (let i = 0; i < rows && scroll + i < tallest; i++) {
		const runs = columns.flatMap((column, c) => [
			...(c > 0 ? [run('  ')] : []),
			...fitRuns(helpRuns(column[scroll + i], columnWidth), columnWidth),
		]);
		lines.push(<Line key={scroll + i} runs={runs} />);
	}
	return (
		<Box flexDirection="column" width={width} height={height}>
			{lines}
		</Box>
	);
}

/** ` (j/k, PgDn)`: the keys that scroll the help, as bound. */
function scrollKeys(state: State): string {
	const keys = [
		state.keymap.keysFor('help', {type: 'move', by: 1}),
		state.keymap.keysFor('help', {type: 'page', dir: 1}),
	].filter((key) => key !== undefined);
	return keys.length > 0 ? ` (${keys.join(', ')})` : '';
}

function closeNote(state: State): string {
	const keys = state.keymap.keysFor('help', {type: 'close'});
	return keys ? ` · ${keys} closes` : '';
}

function helpRuns(line: HelpLine | undefined, width: number): Run[] {
	if (!line || line.kind === 'blank') return [];
	if (line.kind === 'title') return [run(line.text, 'label')];
	const keys = Math.min(KEYS_COLUMN, Math.floor(width / 2));
	// At least one space after the keys, however long they are.
	return [run('  '), run(`${padCells(line.keys, keys - 3)} `, 'accent'), run(line.help)];
}
