import type {Command} from './actions.js';
import {LEGEND} from './legend.js';
import {type Mode, PANES} from './panes.js';
import type {State} from './state.js';

/**
 * Every key of the explorer, defined once. The same table routes input, writes the help overlay,
 * the status bar's hints and every other mention of a key (a picker's title, a message), so what the
 * screen says is what the keys do. The table is data: `buildKeymap` turns any such table into the
 * `Keymap` the state carries (the default one unless the explorer is given another).
 */

export interface Binding {
	readonly keys: readonly string[];
	readonly modes: readonly Mode[];
	readonly command: Command;
	readonly help: string;
	/**
	 * Short label for the status bar; bindings without one appear only in the help. Bindings of a mode
	 * that share a label make one hint, their first keys joined in table order: `j/k move`.
	 */
	readonly hint?: string;
}

const BROWSE: Mode[] = ['timeline', 'detail', 'quotes'];
// Ctrl-C quits and Ctrl-Z suspends from anywhere, a pane added later included.
const EVERY_MODE = Object.keys(PANES) as Mode[];

export const KEYMAP: readonly Binding[] = [
	// Timeline
	{
		keys: ['j', 'down'],
		modes: ['timeline'],
		command: {type: 'move', by: 1},
		help: 'next event',
		hint: 'move',
	},
	{
		keys: ['k', 'up'],
		modes: ['timeline'],
		command: {type: 'move', by: -1},
		help: 'previous event',
		hint: 'move',
	},
	{keys: ['pagedown', 'space'], modes: ['timeline'], command: {type: 'page', dir: 1}, help: 'page down'},
	{keys: ['pageup', 'b'], modes: ['timeline'], command: {type: 'page', dir: -1}, help: 'page up'},
	{
		keys: ['ctrl-d'],
		modes: ['timeline'],
		command: {type: 'page', dir: 1, half: true},
		help: 'half a page down',
	},
	{
		keys: ['ctrl-u'],
		modes: ['timeline'],
		command: {type: 'page', dir: -1, half: true},
		help: 'half a page up',
	},
	{keys: ['g', 'home'], modes: ['timeline'], command: {type: 'edge', end: 'first'}, help: 'first event'},
	{keys: ['G', 'end'], modes: ['timeline'], command: {type: 'edge', end: 'last'}, help: 'last event'},
	{
		keys: ['['],
		modes: ['timeline'],
		command: {type: 'group', dir: -1},
		help: 'start of this or the previous group',
		hint: 'group',
	},
	{keys: [']'], modes: ['timeline'], command: {type: 'group', dir: 1}, help: 'next group', hint: 'group'},
	{
		keys: ['enter', 'l', 'right'],
		modes: ['timeline'],
		command: {type: 'openDetail'},
		help: 'open the detail',
		hint: 'detail',
	},
	{keys: ['n'], modes: ['timeline'], command: {type: 'hit', dir: 1}, help: 'next event with a search hit'},
	{
		keys: ['N'],
		modes: ['timeline'],
		command: {type: 'hit', dir: -1},
		help: 'previous event with a search hit',
	},
	{keys: ['u'], modes: ['timeline'], command: {type: 'stepMark', dir: 1}, help: 'next marked event'},
	{keys: ['U'], modes: ['timeline'], command: {type: 'stepMark', dir: -1}, help: 'previous marked event'},
	{
		keys: ['z'],
		modes: ['timeline'],
		command: {type: 'cycleGrouping'},
		help: 'coarser groups: day … billion years',
	},
	{
		keys: ['E'],
		modes: ['timeline'],
		command: {type: 'era', dir: -1},
		help: 'start of this or the previous era',
	},
	{keys: ['e'], modes: ['timeline'], command: {type: 'era', dir: 1}, help: 'next era'},
	{keys: ['escape'], modes: ['timeline'], command: {type: 'clearSearch'}, help: 'clear the search'},

	// Quotes view
	{keys: ['j', 'down'], modes: ['quotes'], command: {type: 'move', by: 1}, help: 'next quote', hint: 'move'},
	{
		keys: ['k', 'up'],
		modes: ['quotes'],
		command: {type: 'move', by: -1},
		help: 'previous quote',
		hint: 'move',
	},
	{keys: ['pagedown', 'space'], modes: ['quotes'], command: {type: 'page', dir: 1}, help: 'page down'},
	{keys: ['pageup', 'b'], modes: ['quotes'], command: {type: 'page', dir: -1}, help: 'page up'},
	{
		keys: ['ctrl-d'],
		modes: ['quotes'],
		command: {type: 'page', dir: 1, half: true},
		help: 'half a page down',
	},
	{
		keys: ['ctrl-u'],
		modes: ['quotes'],
		command: {type: 'page', dir: -1, half: true},
		help: 'half a page up',
	},
	{keys: ['g', 'home'], modes: ['quotes'], command: {type: 'edge', end: 'first'}, help: 'first quote'},
	{keys: ['G', 'end'], modes: ['quotes'], command: {type: 'edge', end: 'last'}, help: 'last quote'},
	{
		keys: ['enter', 'l', 'right'],
		modes: ['quotes'],
		command: {type: 'openDetail'},
		help: 'open the quote in its event',
		hint: 'open',
	},
	{
		keys: ['z'],
		modes: ['quotes'],
		command: {type: 'cycleGrouping'},
		help: 'group by date or by speaker',
		hint: 'group',
	},
	{keys: ['n'], modes: ['quotes'], command: {type: 'hit', dir: 1}, help: 'next quote the search found'},
	{keys: ['N'], modes: ['quotes'], command: {type: 'hit', dir: -1}, help: 'previous quote the search found'},
	{
		keys: ['escape', 'h', 'left', 'q'],
		modes: ['quotes'],
		command: {type: 'close'},
		help: 'back to the timeline',
		hint: 'back',
	},

	// Detail
	{
		keys: ['j', 'down'],
		modes: ['detail'],
		command: {type: 'move', by: 1},
		help: 'scroll down',
		hint: 'scroll',
	},
	{keys: ['k', 'up'], modes: ['detail'], command: {type: 'move', by: -1}, help: 'scroll up', hint: 'scroll'},
	{keys: ['pagedown', 'space'], modes: ['detail'], command: {type: 'page', dir: 1}, help: 'page down'},
	{keys: ['pageup', 'b'], modes: ['detail'], command: {type: 'page', dir: -1}, help: 'page up'},
	{
		keys: ['ctrl-d'],
		modes: ['detail'],
		command: {type: 'page', dir: 1, half: true},
		help: 'half a page down',
	},
	{keys: ['ctrl-u'], modes: ['detail'], command: {type: 'page', dir: -1, half: true}, help: 'half a page up'},
	{keys: ['g', 'home'], modes: ['detail'], command: {type: 'edge', end: 'first'}, help: 'top'},
	{keys: ['G', 'end'], modes: ['detail'], command: {type: 'edge', end: 'last'}, help: 'bottom'},
	{
		keys: ['['],
		modes: ['detail'],
		command: {type: 'quote', dir: -1},
		help: 'select the previous quote',
		hint: 'quote',
	},
	{
		keys: [']'],
		modes: ['detail'],
		command: {type: 'quote', dir: 1},
		help: 'select the next quote',
		hint: 'quote',
	},
	{
		keys: ['J'],
		modes: ['detail'],
		command: {type: 'step', by: 1},
		help: 'next event (or result)',
		hint: 'event',
	},
	{
		keys: ['K'],
		modes: ['detail'],
		command: {type: 'step', by: -1},
		help: 'previous event (or result)',
		hint: 'event',
	},
	{
		keys: ['escape', 'h', 'left', 'q'],
		modes: ['detail'],
		command: {type: 'close'},
		help: 'back',
		hint: 'back',
	},

	// Marks
	{keys: ['j', 'down'], modes: ['marks'], command: {type: 'move', by: 1}, help: 'next mark', hint: 'move'},
	{keys: ['k', 'up'], modes: ['marks'], command: {type: 'move', by: -1}, help: 'previous mark', hint: 'move'},
	{keys: ['pagedown', 'space'], modes: ['marks'], command: {type: 'page', dir: 1}, help: 'page down'},
	{keys: ['pageup', 'b'], modes: ['marks'], command: {type: 'page', dir: -1}, help: 'page up'},
	{keys: ['g', 'home'], modes: ['marks'], command: {type: 'edge', end: 'first'}, help: 'first mark'},
	{keys: ['G', 'end'], modes: ['marks'], command: {type: 'edge', end: 'last'}, help: 'last mark'},
	{
		keys: ['enter'],
		modes: ['marks'],
		command: {type: 'openDetail'},
		help: 'go to it in the timeline',
		hint: 'go to',
	},
	{keys: ['tab'], modes: ['marks'], command: {type: 'toggleFocus'}, help: 'move into the detail'},
	{
		keys: ['escape', 'q'],
		modes: ['marks'],
		command: {type: 'close'},
		help: 'back to the timeline',
		hint: 'back',
	},

	// Browsing, list or detail
	{keys: ['tab'], modes: BROWSE, command: {type: 'toggleFocus'}, help: 'switch between list and detail'},
	{
		keys: ['+'],
		modes: BROWSE,
		command: {type: 'resizeSplit', dir: 1},
		help: 'widen the detail',
	},
	{
		keys: ['-'],
		modes: BROWSE,
		command: {type: 'resizeSplit', dir: -1},
		help: 'narrow the detail',
	},
	{
		keys: ['|'],
		modes: BROWSE,
		command: {type: 'toggleDetail'},
		help: 'hide or show the detail',
	},
	{
		keys: ['/'],
		modes: BROWSE,
		command: {type: 'open', pane: 'search'},
		help: 'search events, quotes and eras',
		hint: 'search',
	},
	{
		keys: ['Q'],
		modes: ['timeline', 'detail'],
		command: {type: 'open', pane: 'quotes'},
		help: 'every quote, in the order said',
		hint: 'quotes',
	},
	{keys: ['t'], modes: BROWSE, command: {type: 'open', pane: 'date'}, help: 'go to a date', hint: 'date'},
	{
		keys: ['f'],
		modes: BROWSE,
		command: {type: 'open', pane: 'facets'},
		help: 'filter by actor, tag or place',
		hint: 'filter',
	},
	{
		keys: ['y'],
		modes: [...BROWSE, 'marks'],
		command: {type: 'copy'},
		help: 'copy the quote with its attribution',
		hint: 'copy',
	},
	{
		keys: ['m'],
		modes: [...BROWSE, 'marks'],
		command: {type: 'mark'},
		help: 'mark or unmark the event or quote',
	},
	{keys: ['M'], modes: BROWSE, command: {type: 'open', pane: 'marks'}, help: 'the marks'},
	{
		keys: ['w'],
		modes: [...BROWSE, 'marks'],
		command: {type: 'open', pane: 'export'},
		help: 'export the view or marks to a file',
	},
	{keys: ['Y'], modes: [...BROWSE, 'marks'], command: {type: 'copyUrl'}, help: 'copy the source URL'},
	{keys: ['o'], modes: [...BROWSE, 'marks'], command: {type: 'openUrl'}, help: 'open the source URL'},
	{
		keys: ['!'],
		modes: BROWSE,
		command: {type: 'open', pane: 'problems'},
		help: 'problems found while loading',
	},
	{keys: ['R'], modes: BROWSE, command: {type: 'reload'}, help: 'reload the file from disk'},

	// Search
	{
		keys: ['up', 'ctrl-p'],
		modes: ['search'],
		command: {type: 'move', by: -1},
		help: 'previous result',
		hint: 'move',
	},
	{
		keys: ['down', 'ctrl-n'],
		modes: ['search'],
		command: {type: 'move', by: 1},
		help: 'next result',
		hint: 'move',
	},
	{keys: ['pagedown'], modes: ['search'], command: {type: 'page', dir: 1}, help: 'page down'},
	{keys: ['pageup'], modes: ['search'], command: {type: 'page', dir: -1}, help: 'page up'},
	{
		keys: ['enter'],
		modes: ['search'],
		command: {type: 'openDetail'},
		help: 'open the quote’s event',
		hint: 'open',
	},
	{
		keys: ['tab'],
		modes: ['search'],
		command: {type: 'scope'},
		help: 'all kinds, events or quotes',
		hint: 'kinds',
	},
	{keys: ['shift-tab'], modes: ['search'], command: {type: 'toggleFocus'}, help: 'move into the detail'},
	{keys: ['ctrl-s'], modes: ['search'], command: {type: 'mark'}, help: 'mark or unmark the selected result'},
	{
		keys: ['escape'],
		modes: ['search'],
		command: {type: 'close'},
		help: 'back to the timeline',
		hint: 'back',
	},
	{
		keys: ['backspace'],
		modes: ['search', 'date', 'facetFilter', 'export'],
		command: {type: 'erase', what: 'back'},
		help: 'delete back',
	},
	{
		keys: ['delete'],
		modes: ['search', 'date', 'facetFilter', 'export'],
		command: {type: 'erase', what: 'forward'},
		help: 'delete forward',
	},
	{
		keys: ['ctrl-w'],
		modes: ['search', 'date', 'facetFilter', 'export'],
		command: {type: 'erase', what: 'word'},
		help: 'delete a word',
	},
	{
		keys: ['ctrl-u'],
		modes: ['search', 'date', 'facetFilter', 'export'],
		command: {type: 'erase', what: 'line'},
		help: 'clear the line',
	},
	{
		keys: ['left'],
		modes: ['search', 'date', 'facetFilter', 'export'],
		command: {type: 'caret', to: 'left'},
		help: 'caret left',
	},
	{
		keys: ['right'],
		modes: ['search', 'date', 'facetFilter', 'export'],
		command: {type: 'caret', to: 'right'},
		help: 'caret right',
	},
	{
		keys: ['home', 'ctrl-a'],
		modes: ['search', 'date', 'facetFilter', 'export'],
		command: {type: 'caret', to: 'start'},
		help: 'line start',
	},
	{
		keys: ['end', 'ctrl-e'],
		modes: ['search', 'date', 'facetFilter', 'export'],
		command: {type: 'caret', to: 'end'},
		help: 'line end',
	},

	// Problems
	{
		keys: ['j', 'down'],
		modes: ['problems'],
		command: {type: 'move', by: 1},
		help: 'next problem',
		hint: 'move',
	},
	{
		keys: ['k', 'up'],
		modes: ['problems'],
		command: {type: 'move', by: -1},
		help: 'previous problem',
		hint: 'move',
	},
	{keys: ['pagedown', 'space'], modes: ['problems'], command: {type: 'page', dir: 1}, help: 'page down'},
	{keys: ['pageup', 'b'], modes: ['problems'], command: {type: 'page', dir: -1}, help: 'page up'},
	{keys: ['g', 'home'], modes: ['problems'], command: {type: 'edge', end: 'first'}, help: 'first problem'},
	{keys: ['G', 'end'], modes: ['problems'], command: {type: 'edge', end: 'last'}, help: 'last problem'},
	{
		keys: ['enter', 'l', 'right'],
		modes: ['problems'],
		command: {type: 'openDetail'},
		help: 'read the problem whole',
		hint: 'detail',
	},
	{keys: ['tab'], modes: ['problems'], command: {type: 'toggleFocus'}, help: 'move into the detail'},
	{
		keys: ['escape', 'h', 'left', '!', 'q'],
		modes: ['problems'],
		command: {type: 'close'},
		help: 'back to the timeline',
		hint: 'back',
	},

	// Date prompt
	{
		keys: ['enter'],
		modes: ['date'],
		command: {type: 'submitDate'},
		help: 'go to the first event on or after',
		hint: 'go',
	},
	{keys: ['escape'], modes: ['date'], command: {type: 'close'}, help: 'cancel', hint: 'cancel'},

	// Export prompt
	{
		keys: ['enter'],
		modes: ['export'],
		command: {type: 'submitExport'},
		help: 'write the file',
		hint: 'write',
	},
	{
		keys: ['tab'],
		modes: ['export'],
		command: {type: 'exportWhat'},
		help: 'export the marks or the view',
		hint: 'marks/view',
	},
	{keys: ['escape'], modes: ['export'], command: {type: 'close'}, help: 'cancel', hint: 'cancel'},

	// Facet picker
	{keys: ['j', 'down'], modes: ['facets'], command: {type: 'move', by: 1}, help: 'next', hint: 'move'},
	{keys: ['k', 'up'], modes: ['facets'], command: {type: 'move', by: -1}, help: 'previous', hint: 'move'},
	{keys: ['pagedown', 'ctrl-d'], modes: ['facets'], command: {type: 'page', dir: 1}, help: 'page down'},
	{keys: ['pageup', 'ctrl-u'], modes: ['facets'], command: {type: 'page', dir: -1}, help: 'page up'},
	{keys: ['g', 'home'], modes: ['facets'], command: {type: 'edge', end: 'first'}, help: 'first'},
	{keys: ['G', 'end'], modes: ['facets'], command: {type: 'edge', end: 'last'}, help: 'last'},
	{
		keys: ['enter', 'space'],
		modes: ['facets'],
		command: {type: 'toggleFacet'},
		help: 'pick or clear',
		hint: 'pick',
	},
	{
		keys: ['c'],
		modes: ['facets'],
		command: {type: 'clearFacets'},
		help: 'clear every facet',
		hint: 'clear all',
	},
	{
		keys: ['/'],
		modes: ['facets'],
		command: {type: 'open', pane: 'facetFilter'},
		help: 'filter the names',
		hint: 'filter',
	},
	{
		keys: ['tab'],
		modes: ['facets', 'facetFilter'],
		command: {type: 'facetKind', dir: 1},
		help: 'next kind: actors, tags, places',
		hint: 'kind',
	},
	{
		keys: ['shift-tab'],
		modes: ['facets', 'facetFilter'],
		command: {type: 'facetKind', dir: -1},
		help: 'previous kind',
		hint: 'kind',
	},
	{keys: ['escape', 'f', 'q'], modes: ['facets'], command: {type: 'close'}, help: 'close', hint: 'close'},

	// Filtering the facet picker's names
	{
		keys: ['down', 'ctrl-n'],
		modes: ['facetFilter'],
		command: {type: 'move', by: 1},
		help: 'next',
		hint: 'move',
	},
	{
		keys: ['up', 'ctrl-p'],
		modes: ['facetFilter'],
		command: {type: 'move', by: -1},
		help: 'previous',
		hint: 'move',
	},
	{keys: ['pagedown'], modes: ['facetFilter'], command: {type: 'page', dir: 1}, help: 'page down'},
	{keys: ['pageup'], modes: ['facetFilter'], command: {type: 'page', dir: -1}, help: 'page up'},
	{
		keys: ['enter'],
		modes: ['facetFilter'],
		command: {type: 'toggleFacet'},
		help: 'pick or clear',
		hint: 'pick',
	},
	{
		keys: ['escape'],
		modes: ['facetFilter'],
		command: {type: 'close'},
		help: 'back to the list, the filter kept',
		hint: 'done',
	},

	// Help
	{keys: ['j', 'down'], modes: ['help'], command: {type: 'move', by: 1}, help: 'scroll down', hint: 'scroll'},
	{keys: ['k', 'up'], modes: ['help'], command: {type: 'move', by: -1}, help: 'scroll up', hint: 'scroll'},
	{keys: ['pagedown', 'space'], modes: ['help'], command: {type: 'page', dir: 1}, help: 'page down'},
	{keys: ['pageup', 'b'], modes: ['help'], command: {type: 'page', dir: -1}, help: 'page up'},
	{keys: ['g', 'home'], modes: ['help'], command: {type: 'edge', end: 'first'}, help: 'top'},
	{keys: ['G', 'end'], modes: ['help'], command: {type: 'edge', end: 'last'}, help: 'bottom'},
	{
		keys: ['escape', '?', 'f1', 'q'],
		modes: ['help'],
		command: {type: 'close'},
		help: 'close the help',
		hint: 'close',
	},

	// Everywhere
	{
		keys: ['?', 'f1'],
		modes: [...BROWSE, 'marks', 'problems'],
		command: {type: 'open', pane: 'help'},
		help: 'this help',
		hint: 'help',
	},
	{
		keys: ['f1'],
		modes: ['search', 'date', 'facets', 'facetFilter', 'export'],
		command: {type: 'open', pane: 'help'},
		help: 'this help',
		hint: 'help',
	},
	// Only the timeline quits with q; elsewhere q closes what is open, as in less, man and tig.
	{keys: ['q'], modes: ['timeline'], command: {type: 'quit', code: 0}, help: 'quit', hint: 'quit'},
	{
		keys: ['ctrl-c'],
		modes: EVERY_MODE,
		command: {type: 'quit', code: 130},
		help: 'quit (exit code 130)',
	},
	{
		keys: ['ctrl-z'],
		modes: EVERY_MODE,
		command: {type: 'suspend'},
		help: 'suspend to the shell (fg comes back)',
	},
];

/** The mode keys are read in: the overlay, else the focused pane (the detail or the view). */
export function modeOf(state: State): Mode {
	if (state.overlay) return state.overlay;
	if (state.focus === 'detail') return 'detail';
	return state.view;
}

export interface Hint {
	readonly keys: string;
	readonly label: string;
}

export type HelpLine =
	| {readonly kind: 'title'; readonly text: string}
	| {readonly kind: 'entry'; readonly keys: string; readonly help: string}
	| {readonly kind: 'blank'};

export interface Keymap {
	readonly bindings: readonly Binding[];
	/** The command a key gives in a mode. */
	commandFor(mode: Mode, key: string): Command | undefined;
	/** The status bar's hints for a mode: `j/k move`, `Enter detail`, ... */
	hints(mode: Mode): readonly Hint[];
	/** How to name the key(s) for a command in a mode (`Esc`, `j/k`), or undefined when none is bound. */
	keysFor(mode: Mode, command: Command): string | undefined;
	/** The status bar's hint for a command in a mode, when its binding has one. */
	hintFor(mode: Mode, command: Command): Hint | undefined;
	/** The help's lines in one column, or two split at the section boundary nearest the middle. */
	helpColumns(width: number): ReadonlyArray<readonly HelpLine[]>;
}

const KEY_LABELS: Record<string, string> = {
	down: '↓',
	up: '↑',
	left: '←',
	right: '→',
	pagedown: 'PgDn',
	pageup: 'PgUp',
	space: 'Space',
	home: 'Home',
	end: 'End',
	enter: 'Enter',
	escape: 'Esc',
	tab: 'Tab',
	'shift-tab': 'Shift-Tab',
	backspace: 'Backspace',
	delete: 'Del',
	f1: 'F1',
};

function keyLabel(key: string): string {
	const label = KEY_LABELS[key];
	if (label) return label;
	const ctrl = /^ctrl-(.)$/.exec(key);
	return ctrl ? `Ctrl-${(ctrl[1] as string).toUpperCase()}` : key;
}

function sameCommand(a: Command, b: Command): boolean {
	const keys = Object.keys(a) as Array<keyof Command>;
	return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}

/** From this width the help is laid out in two columns. */
const HELP_TWO_COLUMNS = 100;

/** A keymap from a table of bindings; a key bound twice in one mode is an error. */
export function buildKeymap(bindings: readonly Binding[]): Keymap {
	const table = new Map<string, Command>();
	for (const binding of bindings) {
		for (const mode of binding.modes) {
			for (const key of binding.keys) {
				const slot = `${mode} ${key}`;
				if (table.has(slot)) throw new Error(`key ${key} is bound twice in ${mode} mode`);
				table.set(slot, binding.command);
			}
		}
	}
	const inMode = (mode: Mode) => bindings.filter((binding) => binding.modes.includes(mode));

	const hintCache = new Map<Mode, readonly Hint[]>();
	const hints = (mode: Mode): readonly Hint[] => {
		let found = hintCache.get(mode);
		if (!found) {
			const byLabel = new Map<string, string[]>();
			for (const binding of inMode(mode)) {
				if (!binding.hint) continue;
				const keys = byLabel.get(binding.hint) ?? [];
				keys.push(keyLabel(binding.keys[0] as string));
				byLabel.set(binding.hint, keys);
			}
			found = [...byLabel].map(([label, keys]) => ({keys: keys.join('/'), label}));
			hintCache.set(mode, found);
		}
		return found;
	};

	const bindingFor = (mode: Mode, command: Command) =>
		inMode(mode).find((candidate) => sameCommand(candidate.command, command));
	const hintFor = (mode: Mode, command: Command): Hint | undefined => {
		const label = bindingFor(mode, command)?.hint;
		return label === undefined ? undefined : hints(mode).find((hint) => hint.label === label);
	};
	const keysFor = (mode: Mode, command: Command): string | undefined => {
		const binding = bindingFor(mode, command);
		if (!binding) return undefined;
		return hintFor(mode, command)?.keys ?? keyLabel(binding.keys[0] as string);
	};

	let lines: readonly HelpLine[] | undefined;
	// One line per binding under a title per mode, in the registry's order; then what the marks on
	// screen mean (the legend), so one page explains both the keys and the notation.
	const helpLines = (): readonly HelpLine[] => {
		lines ??= [
			...(Object.keys(PANES) as Mode[]).flatMap((mode, i): HelpLine[] => [
				...(i > 0 ? [{kind: 'blank'} as const] : []),
				{kind: 'title', text: PANES[mode].title},
				...inMode(mode).map((binding) => ({
					kind: 'entry' as const,
					keys: binding.keys.map(keyLabel).join(' '),
					help: binding.help,
				})),
			]),
			{kind: 'blank'},
			{kind: 'title', text: 'Notation'},
			...LEGEND.map((entry) => ({kind: 'entry' as const, keys: entry.example, help: entry.meaning})),
		];
		return lines;
	};

	return {
		bindings,
		commandFor: (mode, key) => table.get(`${mode} ${key}`),
		hints,
		keysFor,
		hintFor,
		helpColumns: (width) => {
			const all = helpLines();
			if (width < HELP_TWO_COLUMNS) return [all];
			let split = 0;
			all.forEach((line, i) => {
				if (line.kind === 'blank' && Math.abs(i - all.length / 2) < Math.abs(split - all.length / 2))
					split = i;
			});
			return split === 0 ? [all] : [all.slice(0, split), all.slice(split + 1)];
		},
	};
}

export const DEFAULT_KEYMAP = buildKeymap(KEYMAP);

/** The help's columns at a width (the default keymap's unless given another). */
export function helpColumns(
	width: number,
	keymap: Keymap = DEFAULT_KEYMAP,
): ReadonlyArray<readonly HelpLine[]> {
	return keymap.helpColumns(width);
}
