import {overlayRows, screenLayout} from '../layout.js';
import type {Pane} from '../pane.js';
import {clamp, viewScroll} from '../scroll.js';
import {type State, withPane} from '../state.js';

/** The help: every key of every mode, from the keymap that routes them; it opens at its top. */

export interface HelpPosition {
	/** First line on screen. */
	readonly scroll: number;
}

const rows = (state: State) => overlayRows(screenLayout(state));

export const helpPane: Pane<HelpPosition> = {
	title: 'Help',
	kind: 'overlay',
	initial: {scroll: 0},
	scroll: viewScroll({
		rows,
		top: (state) => state.panes.help.scroll,
		to: (state, top) => {
			const columns = state.keymap.helpColumns(screenLayout(state).columns);
			const tallest = Math.max(...columns.map((column) => column.length));
			const scroll = clamp(top, 0, Math.max(0, tallest - rows(state)));
			return scroll === state.panes.help.scroll ? state : withPane(state, 'help', {scroll});
		},
	}),
	open: (state) => withPane(state, 'help', {scroll: 0}),
};
