import {type ExportPrompt, editName, NO_EXPORT, openExport, submitExport, toggleWhat} from '../export.js';
import type {Pane} from '../pane.js';

/** The export prompt (w), in the status line: the file to write, and whether the marks or the view. */
export const exportPane: Pane<ExportPrompt> = {
	title: 'Export',
	kind: 'prompt',
	initial: NO_EXPORT,
	field: {
		get: (state) => state.panes.export,
		set: editName,
	},
	open: openExport,
	commands: {submitExport, exportWhat: toggleWhat},
};
