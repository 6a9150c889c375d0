import {Box} from 'ink';
import {helpLines} from '../state/keymap.js';
import {padCells} from '../text/cells.js';
import {fitRuns, run} from './fit.js';
import {Line} from './theme.js';

const KEYS_COLUMN = 26;

/** Every key of every mode, written from the keymap that routes input. */
export function HelpOverlay({scroll, width, height}: {scroll: number; width: number; height: number}) {
	const lines = helpLines();
	const shown = lines.slice(scroll, scroll + height - 1);
	const below = lines.length - scroll - shown.length;
	const title = `Keys${below > 0 ? ` · ${below} more below (j/k, PgDn)` : ''} · Esc closes`;
	return (
		<Box flexDirection="column" width={width} height={height}>
			<Line runs={fitRuns([run(title, 'title')], width)} />
			{shown.map((line, i) => {
				const key = scroll + i;
				if (line.kind === 'blank') return <Line key={key} runs={[]} />;
				if (line.kind === 'title') return <Line key={key} runs={fitRuns([run(line.text, 'label')], width)} />;
				return (
					<Line
						key={key}
						runs={fitRuns(
							[run('  '), run(padCells(line.keys, KEYS_COLUMN - 2), 'accent'), run(line.help)],
							width,
						)}
					/>
				);
			})}
		</Box>
	);
}
