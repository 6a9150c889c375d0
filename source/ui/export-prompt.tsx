import {EXPORT_EXTENSIONS, FORMAT_NAMES, formatFor} from '../output/export.js';
import type {Command} from '../state/actions.js';
import {display} from '../state/display.js';
import {PANES} from '../state/panes.js';
import {cellWidth} from '../text/cells.js';
import {fitRuns, run} from './fit.js';
import {Line, type Run} from './theme.js';
import type {PaneViewProps} from './views.js';

const NAMED: readonly Command[] = [{type: 'submitExport'}, {type: 'exportWhat'}, {type: 'close'}];

/**
 * The export prompt, in place of the status bar: what is exported, the file name with its caret,
 * then the form the name's extension gives, or the question when the file exists, or what went wrong.
 */
export function ExportPrompt({state, width}: PaneViewProps) {
	const {text, caret, what, exists, error, writing} = state.panes.export;
	const shown = display(text);
	const at = Math.min(caret, shown.length);
	const prompt: Run[] = [
		run(` ${PANES.export.title.toUpperCase()} `, 'mode'),
		run(` ${what === 'marks' ? 'the marks' : 'the view'} to `, 'label'),
		run(shown.slice(0, at)),
		run(shown.slice(at, at + 1) || ' ', 'selected'),
		run(shown.slice(at + 1)),
		run('  '),
	];
	const replace = state.keymap.keysFor('export', {type: 'submitExport'});
	const note: Run = writing
		? run('writing…', 'dim')
		: error
			? run(error, 'error')
			: exists
				? run(
						// The path last: on a narrow line it is what gets cut, never the question.
						`exists: ${replace ?? 'submit'} replaces it, or change the name (${display(exists.path)})`,
						'error',
					)
				: run(hints(state, formatFor(text)), 'dim');
	const used = prompt.reduce((sum, r) => sum + cellWidth(r.text), 0);
	return (
		<Line
			runs={fitRuns([...prompt, run(note.text.slice(0, Math.max(0, width - used)), note.paint)], width)}
		/>
	);
}

function hints(state: PaneViewProps['state'], format: keyof typeof FORMAT_NAMES | undefined): string {
	const keys = NAMED.flatMap((command) => state.keymap.hintFor('export', command) ?? []);
	const form = format ? FORMAT_NAMES[format] : `name it ${EXPORT_EXTENSIONS}`;
	return [form, ...keys.map((hint) => `${hint.keys} ${hint.label}`)].join(' · ');
}
