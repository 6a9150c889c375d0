import meow, {type AnyFlag} from 'meow';
import packageJson from '../../package.json' with {type: 'json'};
import {
	type CommandName,
	FLAGS,
	type FlagName,
	type FlagSpec,
	type Flags,
	kebab,
	valueName,
} from './flags.js';
import {closest, UsageError} from './usage-error.js';

/**
 * From argv to a command and typed flags. meow parses; before it, each word is checked against the
 * flag table so that every mistake is told in timescope's own words (meow and Node would print their
 * own and exit), and after it the table's rules are applied: where a flag applies, what it conflicts
 * with, what it needs.
 */

export interface CommandArgs {
	/** The arguments as they read in usage lines and errors: `FILE`. */
	readonly name: string;
	readonly min: number;
	readonly max: number;
}

export interface Invocation {
	readonly command: CommandName;
	readonly flags: Flags;
	/** The words after the command name (for `timescope [FILE]`, all of them). */
	readonly args: readonly string[];
}

export interface ParseContext {
	/** Subcommands and their arguments; any other first word is the FILE of `timescope [FILE]`. */
	readonly commands: Readonly<Record<string, {readonly args: CommandArgs}>>;
	/** The arguments of `timescope [FILE]`. */
	readonly view: CommandArgs;
	/** stdin and stdout are both terminals: `timescope [FILE]` opens the explorer unless told not to. */
	readonly terminal: boolean;
	/**
	 * stdout alone is a terminal: with the data on stdin (`cat file | timescope -`) the explorer opens
	 * all the same and reads keys from the terminal itself (/dev/tty), as fzf and less do.
	 */
	readonly stdoutTerminal?: boolean;
	/** Text for `--help` (asked for only when it is shown). */
	readonly help: () => string;
}

export type Parsed = {readonly show: 'help' | 'version'; readonly text: string} | Invocation;

interface Given {
	readonly name: FlagName;
	readonly value: string | boolean;
	/** As typed: `--search`, `-s`, `--no-watch`. */
	readonly as: string;
}

const SPECS: Readonly<Record<FlagName, FlagSpec>> = FLAGS;
const NAMES = Object.keys(FLAGS) as FlagName[];
const LONG = new Map(NAMES.map((name) => [kebab(name), name]));
const SHORT = new Map(
	NAMES.flatMap((name) => {
		const short = SPECS[name].short;
		return short ? [[short, name] as const] : [];
	}),
);

/** Where a flag works, for `timescope [FILE]` given a flag it cannot take. */
const WHERE: Record<CommandName, string> = {
	explore: 'in the explorer (a terminal, without --print or --json)',
	print: 'with printed output (--print, --json, or a pipe)',
	validate: 'with timescope validate',
	convert: 'with timescope convert',
	completion: 'with timescope completion',
	extract: 'with timescope extract',
};

export function parseCommandLine(argv: readonly string[], context: ParseContext): Parsed {
	const {given, positionals} = scan(argv);
	const named = new Map(given.map((flag) => [flag.name, flag]));
	const cli = meow({
		importMeta: import.meta,
		argv: canonical(given, positionals),
		pkg: packageJson,
		help: named.has('help') ? context.help() : false,
		autoHelp: false,
		autoVersion: false,
		flags: Object.fromEntries(
			NAMES.map((name) => {
				const {type, multiple, default: value} = SPECS[name];
				const flag = {type, isMultiple: multiple ?? false, ...(value !== undefined && {default: value})};
				return [name, flag as AnyFlag];
			}),
		),
	});
	if (named.has('help')) return {show: 'help', text: cli.help};
	if (named.has('version')) return {show: 'version', text: `${packageJson.version}\n`};

	const flags = cli.flags as unknown as Flags;
	const first = positionals[0];
	const sub =
		first !== undefined && Object.hasOwn(context.commands, first) ? context.commands[first] : undefined;
	const args = sub ? positionals.slice(1) : positionals;
	for (const flag of given) {
		for (const other of SPECS[flag.name].conflicts ?? []) {
			const clash = named.get(other as FlagName);
			if (clash) throw new UsageError(`${flag.as} and ${clash.as} cannot be used together`);
		}
	}
	const terminal = context.terminal || (context.stdoutTerminal === true && args[0] === '-');
	const command: CommandName = sub ? (positionals[0] as CommandName) : viewMode(flags, terminal);
	for (const flag of given) {
		const where = SPECS[flag.name].for;
		if (where && !where.includes(command)) {
			if (sub) throw new UsageError(`${flag.as} does not apply to ${command}`);
			throw new UsageError(`${flag.as} works only ${where.map((name) => WHERE[name]).join(' or ')}`);
		}
		for (const needed of SPECS[flag.name].requires ?? []) {
			if (!named.has(needed as FlagName)) throw new UsageError(`${flag.as} needs --${kebab(needed)}`);
		}
	}
	checkArgs(sub ? positionals[0] : undefined, sub?.args ?? context.view, args, context);
	return {command, flags, args};
}

function viewMode(flags: Flags, terminal: boolean): CommandName {
	if (flags.print || flags.json || flags.markdown || flags.csv) return 'print';
	if (flags.interactive && !terminal) {
		throw new UsageError(
			'--interactive needs a terminal on stdin and stdout (use --print or --json in pipes)',
		);
	}
	return terminal ? 'explore' : 'print';
}

function checkArgs(
	command: string | undefined,
	spec: CommandArgs,
	args: readonly string[],
	context: ParseContext,
): void {
	const name = command ?? 'timescope';
	if (args.length < spec.min) {
		const what = spec.max > spec.min ? `at least ${count(spec.min)}` : `exactly ${count(spec.min)}`;
		throw new UsageError(`${name} needs ${what} ${spec.name}`);
	}
	if (args.length > spec.max) {
		const found = `found ${args.length}: ${args.join(' ')}`;
		if (command) throw new UsageError(`${command} takes ${count(spec.max)} ${spec.name}, ${found}`);
		const meant = closest(args[0] as string, Object.keys(context.commands));
		throw new UsageError(
			`expected one ${spec.name}, ${found}${meant ? ` (did you mean timescope ${meant}?)` : ''}`,
		);
	}
}

/** Each word of argv checked against the table: flags with their values, and the other words. */
function scan(argv: readonly string[]): {given: Given[]; positionals: string[]} {
	const given: Given[] = [];
	const positionals: string[] = [];
	const add = (flag: Given) => {
		const earlier = given.find((other) => other.name === flag.name);
		if (earlier && !SPECS[flag.name].multiple && earlier.value !== flag.value) {
			throw new UsageError(
				`${flag.as} is given twice (${shown(earlier.value)}, ${shown(flag.value)}); give it once`,
			);
		}
		if (!earlier || SPECS[flag.name].multiple) given.push(flag);
	};
	for (let i = 0; i < argv.length; i++) {
		const word = argv[i] as string;
		if (word === '--') {
			positionals.push(...argv.slice(i + 1));
			break;
		}
		if (word.startsWith('--')) {
			const equals = word.indexOf('=');
			const typed = word.slice(2, equals === -1 ? undefined : equals);
			const {name, negated} = longFlag(typed);
			const as = `--${typed}`;
			if (SPECS[name].type === 'boolean') {
				if (equals !== -1) throw new UsageError(`${as} takes no value, found "${word.slice(equals + 1)}"`);
				add({name, value: !negated, as});
			} else if (equals !== -1) {
				add({name, value: checkValue(name, as, word.slice(equals + 1)), as});
			} else {
				add({name, value: checkValue(name, as, valueAfter(argv, i, as, name)), as});
				i++;
			}
		} else if (word.startsWith('-') && word !== '-') {
			for (let j = 1; j < word.length; j++) {
				const letter = word[j] as string;
				const name = SHORT.get(letter);
				const as = `-${letter}`;
				if (!name) throw unknownFlag(word.length > 2 ? `-${word.slice(1)}` : as, word.slice(1));
				if (SPECS[name].type === 'boolean') {
					add({name, value: true, as});
					continue;
				}
				// `-sfoo` or `-search`: a value glued to its letter is too easily a mistyped long flag.
				if (j < word.length - 1) {
					if (word.length > 3 && LONG.has(word.slice(1))) throw unknownFlag(word, word.slice(1));
					throw new UsageError(`${as} takes a value: write ${as} ${valueName(SPECS[name])}, found ${word}`);
				}
				add({name, value: checkValue(name, as, valueAfter(argv, i, as, name)), as});
				i++;
			}
		} else {
			positionals.push(word);
		}
	}
	return {given, positionals};
}

function longFlag(typed: string): {name: FlagName; negated: boolean} {
	const name = LONG.get(typed);
	if (name) return {name, negated: false};
	const positive = typed.startsWith('no-') ? LONG.get(typed.slice(3)) : undefined;
	if (positive && SPECS[positive].type === 'boolean') return {name: positive, negated: true};
	if (positive) {
		throw new UsageError(
			`--${typed} is not a flag: --${typed.slice(3)} takes a value (${valueName(SPECS[positive])})`,
		);
	}
	throw unknownFlag(`--${typed}`, typed);
}

function unknownFlag(as: string, typed: string): UsageError {
	const meant = closest(typed, [...LONG.keys()]);
	return new UsageError(`unknown flag ${as}${meant ? ` (did you mean --${meant}?)` : ''}`);
}

function valueAfter(argv: readonly string[], at: number, as: string, name: FlagName): string {
	const next = argv[at + 1];
	const what = valueName(SPECS[name]);
	if (next === undefined) throw new UsageError(`${as} needs a value (${what})`);
	if (next.startsWith('-') && next !== '-' && !/^-\d+$/.test(next)) {
		throw new UsageError(
			`${as} needs a value (${what}), found the flag ${next}; for a value that starts with "-", write ${as}=${next}`,
		);
	}
	return next;
}

function checkValue(name: FlagName, as: string, value: string): string {
	const spec = SPECS[name];
	if (value === '') throw new UsageError(`${as} needs a value (${valueName(spec)}), found an empty one`);
	if (spec.choices && !spec.choices.includes(value)) {
		const meant = closest(value, spec.choices);
		throw new UsageError(
			`${as} expects ${spec.choices.slice(0, -1).join(', ')} or ${spec.choices.at(-1)}, found "${value}"${meant ? ` (did you mean ${meant}?)` : ''}`,
		);
	}
	const min = spec.min ?? Number.NEGATIVE_INFINITY;
	if (spec.type === 'number' && !(/^-?\d+$/.test(value) && Number(value) >= min)) {
		const bound = spec.min === undefined ? '' : ` ≥ ${spec.min}`;
		throw new UsageError(`${as} expects a whole number${bound}, found "${value}"`);
	}
	return value;
}

function count(n: number): string {
	return n === 1 ? 'one' : `${n}`;
}

function shown(value: string | boolean): string {
	return typeof value === 'string' ? `"${value}"` : `${value}`;
}

/**
 * The flags in one unambiguous form for meow, then `--` and the other words. A value is its own word
 * (`--search "q"`), as meow's parser keeps it whole; glued with `=` it would lose surrounding quotes,
 * so only a value starting with "-" is glued (`--search=-x`), which meow could not tell from a flag.
 */
function canonical(given: readonly Given[], positionals: readonly string[]): string[] {
	const words = given.flatMap(({name, value}) => {
		if (value === true) return [`--${kebab(name)}`];
		if (value === false) return [`--no-${kebab(name)}`];
		return value.startsWith('-') ? [`--${kebab(name)}=${value}`] : [`--${kebab(name)}`, value];
	});
	return [...words, '--', ...positionals];
}
