/**
 * Every command-line flag, once. This table drives parsing (meow), the usage checks and their
 * suggestions, `--help` and the shell completions; the handlers read the typed `Flags` it yields.
 * Adding a flag is one entry here plus the code that reads it (see "Adding a flag" in README.md).
 *
 * Keys are camelCase and typed on the command line in kebab-case (`skipInvalid` is `--skip-invalid`).
 */

/** Where a flag applies: the explorer and print modes of `timescope [FILE]`, and each subcommand. */
export type CommandName = 'explore' | 'print' | 'validate' | 'convert' | 'completion' | 'extract';

export interface FlagSpec {
	readonly type: 'boolean' | 'string' | 'number';
	readonly short?: string;
	/** Given several times, the values are a list (that reads as OR). Otherwise once at most. */
	readonly multiple?: boolean;
	/** The only values accepted (strings). */
	readonly choices?: readonly string[];
	/** Numbers are whole numbers, at least this. */
	readonly min?: number;
	readonly default?: boolean | string | number;
	/** What the value is, in help and usage errors: `QUERY`, `DATE`; `FILE` completes file names. */
	readonly value?: string;
	/** One line of `--help`. */
	readonly help: string;
	/** The commands it applies to; absent: all of them. */
	readonly for?: readonly CommandName[];
	/** Flags it cannot be combined with (checked both ways). */
	readonly conflicts?: readonly string[];
	/** Flags it needs beside it. */
	readonly requires?: readonly string[];
}

const VIEW: readonly CommandName[] = ['explore', 'print'];

export const FLAGS = {
	print: {
		type: 'boolean',
		help: 'plain listing (the default when stdout is not a terminal)',
		for: ['print'],
		conflicts: ['json', 'markdown', 'csv', 'interactive'],
	},
	json: {
		type: 'boolean',
		help: 'the dataset, or with --search the results, as JSON',
		for: ['print'],
		conflicts: ['interactive'],
	},
	markdown: {
		type: 'boolean',
		help: 'the dataset (after filters) as a Markdown chronology, each quote cited',
		for: ['print'],
		conflicts: ['json', 'csv', 'search', 'interactive'],
	},
	csv: {
		type: 'boolean',
		help: 'the dataset (after filters) as CSV, a row per quote with its event',
		for: ['print'],
		conflicts: ['json', 'search', 'interactive'],
	},
	search: {
		type: 'string',
		short: 's',
		value: 'QUERY',
		help: "search events, quotes and eras (fzf syntax: 'exact ^prefix suffix$ !not a|b; @speaker #tag)",
		for: VIEW,
	},
	kind: {
		type: 'string',
		choices: ['all', 'events', 'quotes', 'eras'],
		default: 'all',
		value: 'KIND',
		help: 'with --search: only events, quotes or eras (default all)',
		for: VIEW,
		requires: ['search'],
	},
	limit: {
		type: 'number',
		min: 0,
		default: 50,
		value: 'N',
		help: 'at most N search results in --print/--json (default 50, 0 for all)',
		for: ['print'],
		requires: ['search'],
	},
	from: {
		type: 'string',
		value: 'DATE',
		help: 'only events that may fall on or after DATE (2025-12, 2025-12-31, 2024, -0499, Y-13800000000)',
		for: VIEW,
	},
	to: {type: 'string', value: 'DATE', help: 'only events that may fall on or before DATE', for: VIEW},
	certainlyInside: {
		type: 'boolean',
		help: 'with --from/--to: only what certainly falls inside the window, not what may',
		for: VIEW,
	},
	includeUndated: {
		type: 'boolean',
		help: 'with --from/--to: keep what has no date, or only a bound (by 2 Jan 2026)',
		for: VIEW,
	},
	actor: {
		type: 'string',
		multiple: true,
		value: 'NAME',
		help: 'only events involving the actor, and the actor’s quotes (repeat: any of them)',
		for: VIEW,
	},
	tag: {
		type: 'string',
		multiple: true,
		value: 'TAG',
		help: 'only events with the tag (repeat: any of them)',
		for: VIEW,
	},
	place: {
		type: 'string',
		multiple: true,
		value: 'NAME',
		help: 'only events at the place (repeat: any of them)',
		for: VIEW,
	},
	event: {
		type: 'string',
		value: 'ID',
		help: 'open that event’s detail (print: only that event)',
		for: VIEW,
	},
	strict: {
		type: 'boolean',
		help: 'refuse FILE for any problem, as validate does, instead of leaving bad items out',
		for: VIEW,
	},
	watch: {type: 'boolean', short: 'w', help: 'reload the explorer when FILE changes', for: ['explore']},
	cache: {
		type: 'boolean',
		default: true,
		help: 'neither read nor write the cache of opened files (~/.cache/timescope; see the README)',
		for: VIEW,
	},
	mouse: {
		type: 'boolean',
		default: true,
		help: 'leave the mouse to the terminal (to select text) instead of the wheel scrolling and clicks selecting',
		for: ['explore'],
	},
	interactive: {
		type: 'boolean',
		short: 'i',
		help: 'the explorer, even if a flag would choose print mode (needs a terminal)',
		for: ['explore'],
	},
	skipInvalid: {
		type: 'boolean',
		help: 'write what can be read and list on stderr what was left out, instead of refusing (exit 3)',
		for: ['convert'],
	},
	as: {
		type: 'string',
		choices: ['timescope', 'timelinejs'],
		default: 'timescope',
		value: 'FORMAT',
		help: 'what convert writes: timescope (timescope/1 JSON) or timelinejs (TimelineJS 3 JSON, to publish)',
		for: ['convert'],
	},
	color: {
		type: 'string',
		choices: ['auto', 'always', 'never'],
		default: 'auto',
		help: 'colour always, never, or auto (on a terminal; FORCE_COLOR and NO_COLOR are honoured)',
	},
	width: {
		type: 'number',
		min: 20,
		value: 'N',
		help: 'wrap printed output at N columns (default: the terminal’s, COLUMNS, or 80)',
		for: ['print'],
		conflicts: ['json'],
	},
	date: {
		type: 'string',
		value: 'YYYY-MM-DD',
		help: 'an article’s publication date, which relative dates ("on Thursday") are resolved against',
		for: ['extract', 'explore', 'print'],
	},
	title: {
		type: 'string',
		value: 'TITLE',
		help: 'the draft’s title (default: the article’s headline)',
		for: ['extract'],
	},
	output: {
		type: 'string',
		short: 'o',
		value: 'FILE',
		help: 'write the draft to FILE (replaced whole, never half-written) instead of stdout',
		for: ['extract'],
	},
	help: {type: 'boolean', short: 'h', help: 'this help'},
	version: {type: 'boolean', short: 'v', help: 'the version'},
} as const satisfies Record<string, FlagSpec>;

export type FlagName = keyof typeof FLAGS;

type Spec<K extends FlagName> = (typeof FLAGS)[K];
type Value<F> = F extends {type: 'boolean'}
	? boolean
	: F extends {choices: readonly (infer C)[]}
		? C
		: F extends {type: 'number'}
			? number
			: string;

/** The parsed flags: lists for `multiple`, a value for those with a default, else possibly undefined. */
export type Flags = {
	readonly [K in FlagName]: Spec<K> extends {multiple: true}
		? readonly Value<Spec<K>>[]
		: Spec<K> extends {type: 'boolean'} | {default: unknown}
			? Value<Spec<K>>
			: Value<Spec<K>> | undefined;
};

/** What a flag's value is, in help and usage errors: `QUERY`, `auto|always|never`. */
export function valueName(spec: FlagSpec): string {
	return spec.choices ? spec.choices.join('|') : (spec.value ?? 'VALUE');
}

/** A flag as it is typed: `--search`, and for a switch that is on by default, `--no-cache`. */
export function longFlag(name: string, spec: FlagSpec): string {
	return `--${spec.type === 'boolean' && spec.default === true ? 'no-' : ''}${kebab(name)}`;
}

/** `skipInvalid` → `skip-invalid`. */
export function kebab(name: string): string {
	return name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
}
