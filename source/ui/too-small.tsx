import {Box} from 'ink';
import {MIN_COLUMNS, MIN_ROWS} from '../state/layout.js';
import {wrapCells} from '../text/cells.js';
import {run} from './fit.js';
import {Line} from './theme.js';

/** Below 40x10 nothing fits: say so, and recover as soon as the terminal grows. */
export function TooSmall({columns, rows}: {columns: number; rows: number}) {
	const text = `terminal too small (need ${MIN_COLUMNS}x${MIN_ROWS}, now ${columns}x${rows})`;
	const lines = wrapCells(text, columns).slice(0, Math.max(1, rows - 1));
	return (
		<Box flexDirection="column">
			{lines.map((line, i) => (
				// biome-ignore lint/suspicious/noArrayIndexKey: wrapped lines are positional
				<Line key={i} runs={[run(line, 'error')]} />
			))}
		</Box>
	);
}
