import {Box} from 'ink';
import {MIN_COLUMNS, MIN_ROWS} from '../state/layout.js';
import {cellWidth, truncateCells} from '../text/cells.js';
import {run} from './fit.js';
import {Line} from './theme.js';

/**
 * Below 40x10 nothing fits: say so on one line (two where even that does not fit, split where it
 * reads), and recover as soon as the terminal grows.
 */
export function TooSmall({columns, rows}: {columns: number; rows: number}) {
	const what = 'terminal too small';
	const need = `(need ${MIN_COLUMNS}x${MIN_ROWS}, now ${columns}x${rows})`;
	const whole = `${what} ${need}`;
	const lines = cellWidth(whole) <= columns || rows < 3 ? [whole] : [what, need];
	return (
		<Box flexDirection="column">
			{lines.map((line) => (
				<Line key={line} runs={[run(truncateCells(line, Math.max(1, columns)), 'error')]} />
			))}
		</Box>
	);
}
