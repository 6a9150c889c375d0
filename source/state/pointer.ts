import type {Pointer} from './input.js';
import {modeOf} from './keymap.js';
import {screenLayout} from './layout.js';
import {type Mode, PANES} from './panes.js';
import type {State} from './state.js';

/**
 * Which pane is drawn under a terminal cell, and where in it: the screen's geometry as `ui/screen.tsx`
 * lays it out (`layout.ts` for both), read backwards. Lines and columns count from 0, the pane's first
 * line being its own 0.
 */

export interface Place {
	readonly mode: Mode;
	readonly line: number;
	readonly column: number;
}

export function placeAt(state: State, pointer: Pick<Pointer, 'line' | 'column'>): Place | undefined {
	const layout = screenLayout(state);
	const {line, column} = pointer;
	if (layout.tooSmall || line >= layout.height || column >= layout.columns) return undefined;
	const status = layout.height - 1;
	const mode = modeOf(state);
	const {kind} = PANES[mode];
	if (kind === 'overlay') return line < status ? {mode, line, column} : undefined;
	if (kind === 'prompt') return line === status ? {mode, line: 0, column} : undefined;
	if (line === status) return undefined;
	if (!layout.wide && state.focus === 'detail') return {mode: 'detail', line, column};
	const body = line - (status - layout.bodyHeight);
	if (body < 0) return undefined;
	if (!layout.wide || column < layout.listWidth) return {mode: state.view, line: body, column};
	// The detail's left rule is not part of it.
	if (column === layout.listWidth) return undefined;
	return {mode: 'detail', line: body, column: column - layout.listWidth - 1};
}
