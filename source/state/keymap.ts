import type {Command} from './actions.js';
import type {State} from './state.js';

/**
 * Every key of the explorer, defined once. The same table routes input, writes the help overlay and
 * the status bar's hints, so what the help says is what the keys do.
 */

export type Mode = 'timeline' | 'detail' | 'search' | 'date' | 'facets' | 'help';

export interface Binding {
	readonly keys: readonly string[];
	readonly modes: readonly Mode[];
	readonly command: Command;
	readonly help: string;
	/** Short label for the status bar; bindings without one appear only in the help. */
	readonly hint?: string;
}

const BROWSE: Mode[] = ['timeline', 'detail'];

export const KEYMAP: readonly Binding[] = [
	// Timeline
	{
		keys: ['j', 'down'],
		modes: ['timeline'],
		command: {type: 'move', by: 1},
		help: 'next event',
		hint: 'move',
	},
	{keys: ['k', 'up'], modes: ['timeline'], command: {type: 'move', by: -1}, help: 'previous event'},
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
	{keys: [']'], modes: ['timeline'], command: {type: 'group', dir: 1}, help: 'next group', hint: 'group'},
	{
		keys: ['['],
		modes: ['timeline'],
		command: {type: 'group', dir: -1},
		help: 'start of this or the previous group',
	},
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
	{keys: ['z'], modes: ['timeline'], command: {type: 'cycleGrouping'}, help: 'group by day, month or year'},

	// Detail
	{
		keys: ['j', 'down'],
		modes: ['detail'],
		command: {type: 'move', by: 1},
		help: 'scroll down',
		hint: 'scroll',
	},
	{keys: ['k', 'up'], modes: ['detail'], command: {type: 'move', by: -1}, help: 'scroll up'},
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
		keys: [']'],
		modes: ['detail'],
		command: {type: 'quote', dir: 1},
		help: 'select the next quote',
		hint: 'quote',
	},
	{keys: ['['], modes: ['detail'], command: {type: 'quote', dir: -1}, help: 'select the previous quote'},
	{keys: ['escape', 'h', 'left'], modes: ['detail'], command: {type: 'back'}, help: 'back', hint: 'back'},

	// Browsing, list or detail
	{keys: ['tab'], modes: BROWSE, command: {type: 'toggleFocus'}, help: 'switch between list and detail'},
	{keys: ['/'], modes: BROWSE, command: {type: 'openSearch'}, help: 'search quotes', hint: 'search'},
	{keys: ['t'], modes: BROWSE, command: {type: 'openDate'}, help: 'go to a date', hint: 'date'},
	{
		keys: ['f'],
		modes: BROWSE,
		command: {type: 'openFacets'},
		help: 'filter by actor, tag or place',
		hint: 'filter',
	},
	{
		keys: ['y'],
		modes: BROWSE,
		command: {type: 'copy'},
		help: 'copy the quote with its attribution',
		hint: 'copy',
	},
	{keys: ['o'], modes: BROWSE, command: {type: 'openUrl'}, help: 'open the source URL'},
	{keys: ['R'], modes: BROWSE, command: {type: 'reload'}, help: 'reload the file from disk'},

	// Search
	{
		keys: ['down', 'ctrl-n'],
		modes: ['search'],
		command: {type: 'move', by: 1},
		help: 'next result',
		hint: 'move',
	},
	{keys: ['up', 'ctrl-p'], modes: ['search'], command: {type: 'move', by: -1}, help: 'previous result'},
	{keys: ['pagedown'], modes: ['search'], command: {type: 'page', dir: 1}, help: 'page down'},
	{keys: ['pageup'], modes: ['search'], command: {type: 'page', dir: -1}, help: 'page up'},
	{
		keys: ['enter'],
		modes: ['search'],
		command: {type: 'submitSearch'},
		help: 'open the quote’s event',
		hint: 'open',
	},
	{keys: ['tab'], modes: ['search'], command: {type: 'toggleFocus'}, help: 'move into the detail'},
	{
		keys: ['escape'],
		modes: ['search'],
		command: {type: 'closeSearch'},
		help: 'back to the timeline',
		hint: 'back',
	},
	{
		keys: ['backspace'],
		modes: ['search', 'date'],
		command: {type: 'erase', what: 'back'},
		help: 'delete back',
	},
	{
		keys: ['delete'],
		modes: ['search', 'date'],
		command: {type: 'erase', what: 'forward'},
		help: 'delete forward',
	},
	{
		keys: ['ctrl-w'],
		modes: ['search', 'date'],
		command: {type: 'erase', what: 'word'},
		help: 'delete a word',
	},
	{
		keys: ['ctrl-u'],
		modes: ['search', 'date'],
		command: {type: 'erase', what: 'line'},
		help: 'clear the line',
	},
	{keys: ['left'], modes: ['search', 'date'], command: {type: 'caret', to: 'left'}, help: 'caret left'},
	{keys: ['right'], modes: ['search', 'date'], command: {type: 'caret', to: 'right'}, help: 'caret right'},
	{
		keys: ['home', 'ctrl-a'],
		modes: ['search', 'date'],
		command: {type: 'caret', to: 'start'},
		help: 'line start',
	},
	{keys: ['end', 'ctrl-e'], modes: ['search', 'date'], command: {type: 'caret', to: 'end'}, help: 'line end'},

	// Date prompt
	{
		keys: ['enter'],
		modes: ['date'],
		command: {type: 'submitDate'},
		help: 'go to the first event on or after',
		hint: 'go',
	},
	{keys: ['escape'], modes: ['date'], command: {type: 'close'}, help: 'cancel', hint: 'cancel'},

	// Facet picker
	{keys: ['j', 'down'], modes: ['facets'], command: {type: 'move', by: 1}, help: 'next', hint: 'move'},
	{keys: ['k', 'up'], modes: ['facets'], command: {type: 'move', by: -1}, help: 'previous'},
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
	{keys: ['escape', 'f'], modes: ['facets'], command: {type: 'close'}, help: 'close', hint: 'close'},

	// Help
	{keys: ['j', 'down'], modes: ['help'], command: {type: 'move', by: 1}, help: 'scroll down', hint: 'scroll'},
	{keys: ['k', 'up'], modes: ['help'], command: {type: 'move', by: -1}, help: 'scroll up'},
	{keys: ['pagedown', 'space'], modes: ['help'], command: {type: 'page', dir: 1}, help: 'page down'},
	{keys: ['pageup', 'b'], modes: ['help'], command: {type: 'page', dir: -1}, help: 'page up'},
	{keys: ['g', 'home'], modes: ['help'], command: {type: 'edge', end: 'first'}, help: 'top'},
	{keys: ['G', 'end'], modes: ['help'], command: {type: 'edge', end: 'last'}, help: 'bottom'},
	{
		keys: ['escape', '?', 'f1'],
		modes: ['help'],
		command: {type: 'close'},
		help: 'close the help',
		hint: 'close',
	},

	// Everywhere
	{keys: ['?', 'f1'], modes: BROWSE, command: {type: 'help'}, help: 'this help', hint: 'help'},
	{
		keys: ['f1'],
		modes: ['search', 'date', 'facets'],
		command: {type: 'help'},
		help: 'this help',
		hint: 'help',
	},
	{
		keys: ['q'],
		modes: [...BROWSE, 'facets', 'help'],
		command: {type: 'quit', code: 0},
		help: 'quit',
		hint: 'quit',
	},
	{
		keys: ['ctrl-c'],
		modes: ['timeline', 'detail', 'search', 'date', 'facets', 'help'],
		command: {type: 'quit', code: 130},
		help: 'quit (exit code 130)',
	},
];

export const MODE_TITLES: Record<Mode, string> = {
	timeline: 'Timeline',
	detail: 'Detail',
	search: 'Search',
	date: 'Go to date',
	facets: 'Filter',
	help: 'Help',
};

/** Modes where unbound printable keys type into a text field. */
export const TEXT_MODES: ReadonlySet<Mode> = new Set<Mode>(['search', 'date']);

export function modeOf(state: State): Mode {
	if (state.overlay) return state.overlay;
	if (state.focus === 'detail') return 'detail';
	return state.view === 'search' ? 'search' : 'timeline';
}

const table = new Map<string, Command>();
for (const binding of KEYMAP) {
	for (const mode of binding.modes) {
		for (const key of binding.keys) {
			const slot = `${mode} ${key}`;
			if (table.has(slot)) throw new Error(`key ${key} is bound twice in ${mode} mode`);
			table.set(slot, binding.command);
		}
	}
}

export function commandFor(mode: Mode, key: string): Command | undefined {
	return table.get(`${mode} ${key}`);
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

/** The status bar's hints for a mode: `j/k move`, `Enter detail`, ... */
export function hintsFor(mode: Mode): Array<{keys: string; label: string}> {
	const hints: Array<{keys: string; label: string}> = [];
	for (const binding of KEYMAP) {
		if (!binding.hint || !binding.modes.includes(mode)) continue;
		const keys =
			binding.command.type === 'move' && binding.keys[0] === 'j'
				? 'j/k'
				: binding.command.type === 'move'
					? '↑/↓'
					: binding.command.type === 'group' || binding.command.type === 'quote'
						? '[/]'
						: keyLabel(binding.keys[0] as string);
		hints.push({keys, label: binding.hint});
	}
	return hints;
}

interface HelpSection {
	readonly mode: Mode;
	readonly title: string;
	readonly entries: ReadonlyArray<{keys: string; help: string}>;
}

/** The help overlay's content: every binding of every mode. */
function helpSections(): HelpSection[] {
	const modes: Mode[] = ['timeline', 'detail', 'search', 'date', 'facets', 'help'];
	return modes.map((mode) => ({
		mode,
		title: MODE_TITLES[mode],
		entries: KEYMAP.filter((binding) => binding.modes.includes(mode)).map((binding) => ({
			keys: binding.keys.map(keyLabel).join(' '),
			help: binding.help,
		})),
	}));
}

export type HelpLine =
	| {readonly kind: 'title'; readonly text: string}
	| {readonly kind: 'entry'; readonly keys: string; readonly help: string}
	| {readonly kind: 'blank'};

let cachedHelp: readonly HelpLine[] | undefined;

/** The help overlay, one line each: a title per mode, then its keys. */
function helpLines(): readonly HelpLine[] {
	cachedHelp ??= helpSections().flatMap((section, i): HelpLine[] => [
		...(i > 0 ? [{kind: 'blank'} as const] : []),
		{kind: 'title', text: section.title},
		...section.entries.map((entry) => ({kind: 'entry' as const, ...entry})),
	]);
	return cachedHelp;
}

/** From this width the help is laid out in two columns. */
const HELP_TWO_COLUMNS = 100;

/** The help's lines in one column, or two split at the section boundary nearest the middle. */
export function helpColumns(width: number): ReadonlyArray<readonly HelpLine[]> {
	const lines = helpLines();
	if (width < HELP_TWO_COLUMNS) return [lines];
	let split = 0;
	lines.forEach((line, i) => {
		if (line.kind === 'blank' && Math.abs(i - lines.length / 2) < Math.abs(split - lines.length / 2))
			split = i;
	});
	return split === 0 ? [lines] : [lines.slice(0, split), lines.slice(split + 1)];
}
