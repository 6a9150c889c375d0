import type {Command} from '../../source/state/actions.js';
import {type Binding, buildKeymap, KEYMAP} from '../../source/state/keymap.js';
import type {Mode} from '../../source/state/panes.js';

/**
 * The default keymap with some keys moved, as a person's own key table would: nothing on screen may
 * still name the old keys. Each entry: in `mode`, the binding for `command` gets `keys`.
 */
const MOVES: ReadonlyArray<readonly [Mode, Command, readonly string[]]> = [
	['timeline', {type: 'move', by: 1}, ['x', 'down']],
	['timeline', {type: 'open', pane: 'search'}, ['s']],
	['timeline', {type: 'open', pane: 'facets'}, ['F']],
	['facets', {type: 'toggleFacet'}, ['p']],
	['facets', {type: 'clearFacets'}, ['C']],
	['facets', {type: 'close'}, ['backspace']],
	['facets', {type: 'open', pane: 'facetFilter'}, ['=']],
	['timeline', {type: 'clearSearch'}, ['X']],
	['help', {type: 'move', by: 1}, ['J', 'down']],
	['help', {type: 'close'}, ['e', '?']],
	['date', {type: 'submitDate'}, ['ctrl-g']],
	['date', {type: 'close'}, ['ctrl-x']],
];

function same(a: Command, b: Command): boolean {
	return JSON.stringify(a) === JSON.stringify(b);
}

export const REBOUND_TABLE: readonly Binding[] = KEYMAP.map((binding) => {
	const move = MOVES.find(
		([mode, command]) => binding.modes.includes(mode) && same(binding.command, command),
	);
	return move ? {...binding, keys: move[2]} : binding;
});

export const REBOUND = buildKeymap(REBOUND_TABLE);
