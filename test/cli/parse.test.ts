import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {COMMANDS, VIEW} from '../../source/cli/commands.js';
import {type CommandName, FLAGS, type FlagSpec, kebab, longFlag} from '../../source/cli/flags.js';
import {helpText} from '../../source/cli/help.js';
import {type Invocation, parseCommandLine} from '../../source/cli/parse.js';
import {UsageError} from '../../source/cli/usage-error.js';

const context = (terminal: boolean) => ({
	commands: COMMANDS,
	view: VIEW.args,
	terminal,
	help: () => helpText(VIEW, COMMANDS),
});
const parse = (argv: string[], terminal = false) => parseCommandLine(argv, context(terminal)) as Invocation;
const error = (argv: string[], terminal = false) => {
	try {
		parseCommandLine(argv, context(terminal));
	} catch (thrown) {
		return (thrown as Error).message;
	}
	throw new Error(`${argv.join(' ')} parsed without an error`);
};

describe('the flag table', () => {
	const specs = Object.entries(FLAGS as Readonly<Record<string, FlagSpec>>);

	it('names only flags that exist in conflicts and requires, and short letters once', () => {
		for (const [name, spec] of specs) {
			for (const other of [...(spec.conflicts ?? []), ...(spec.requires ?? [])]) {
				expect(Object.keys(FLAGS), `${name} refers to ${other}`).toContain(other);
			}
		}
		const shorts = specs.flatMap(([, spec]) => (spec.short ? [spec.short] : []));
		expect(new Set(shorts).size).toBe(shorts.length);
	});

	it('puts every flag in --help, with its short letter and value', () => {
		const help = helpText(VIEW, COMMANDS);
		for (const [name, spec] of specs) expect(help).toContain(longFlag(name, spec));
		expect(help).toContain('--search, -s QUERY');
		expect(help).toContain('$ timescope validate FILE...');
		expect(help).toContain('$ timescope convert FILE ');
	});
});

describe('parsing', () => {
	it('reads flags in any order, long or short, glued with = or not, and files after --', () => {
		const run = parse(['-s', 'oil', 'file.json', '--actor=maduro', '--actor', 'trump', '--limit=3']);
		expect(run.command).toBe('print');
		expect(run.args).toEqual(['file.json']);
		expect(run.flags).toMatchObject({search: 'oil', actor: ['maduro', 'trump'], limit: 3, print: false});
		expect(parse(['--', '--print']).args).toEqual(['--print']);
		expect(parse(['--search=-x']).flags.search).toBe('-x');
		expect(parse(['-']).args).toEqual(['-']);
		expect(parse([]).flags.limit).toBe(50);
	});

	it('picks the explorer on a terminal, print mode in a pipe or when asked', () => {
		expect(parse([], true).command).toBe('explore');
		expect(parse(['--print'], true).command).toBe('print');
		expect(parse(['--json'], true).command).toBe('print');
		expect(parse([], false).command).toBe('print');
		expect(parse(['-wi'], true).flags).toMatchObject({watch: true, interactive: true});
	});

	it('finds subcommands by their first word, with their arguments', () => {
		const run = parse(['validate', 'a.json', 'b.json']);
		expect([run.command, run.args]).toEqual(['validate' satisfies CommandName, ['a.json', 'b.json']]);
		expect(parse(['convert', 'a.csv']).command).toBe('convert');
	});

	it('answers --help and --version before checking anything else', () => {
		const help = parseCommandLine(['validate', '--help'], context(false));
		expect(help).toMatchObject({show: 'help'});
		expect('show' in help && help.text).toContain('Usage');
		expect(parseCommandLine(['-v'], context(false))).toMatchObject({show: 'version'});
	});
});

describe('usage errors, in timescope’s own words', () => {
	it.each([
		[['--bogus'], 'unknown flag --bogus'],
		[['--serch', 'x'], 'unknown flag --serch (did you mean --search?)'],
		[['--sea', 'x'], 'unknown flag --sea (did you mean --search?)'],
		[['--acter', 'x'], 'unknown flag --acter (did you mean --actor?)'],
		[['-search', 'x'], 'unknown flag -search (did you mean --search?)'],
		[['-x'], 'unknown flag -x'],
		[['--no-search'], '--no-search is not a flag: --search takes a value (QUERY)'],
		[['--search'], '--search needs a value (QUERY)'],
		[['-s'], '-s needs a value (QUERY)'],
		[
			['--search', '--print'],
			'--search needs a value (QUERY), found the flag --print; for a value that starts with "-", write --search=--print',
		],
		[['--search='], '--search needs a value (QUERY), found an empty one'],
		[['-sx'], '-s takes a value: write -s QUERY, found -sx'],
		[['--print=yes'], '--print takes no value, found "yes"'],
		[['--limit', 'x', '--search', 'a'], '--limit expects a whole number ≥ 0, found "x"'],
		[['--limit', '-1', '--search', 'a'], '--limit expects a whole number ≥ 0, found "-1"'],
		[['--search', 'a', '--search', 'b'], '--search is given twice ("a", "b"); give it once'],
		[['--color', 'blue'], '--color expects auto, always or never, found "blue"'],
		[['--color', 'alway'], '--color expects auto, always or never, found "alway" (did you mean always?)'],
		[['--color'], '--color needs a value (auto|always|never)'],
		[['--width', '10'], '--width expects a whole number ≥ 20, found "10"'],
		[['--width', '40', '--json'], '--width and --json cannot be used together'],
		[['--width', '40'], '--width works only with printed output (--print, --json, or a pipe)', true],
		[['--print', '--json'], '--print and --json cannot be used together'],
		[['--json', '--interactive'], '--json and --interactive cannot be used together'],
		[['--limit', '5'], '--limit needs --search'],
		[
			['--interactive'],
			'--interactive needs a terminal on stdin and stdout (use --print or --json in pipes)',
		],
		[['--watch', '--print'], '--watch works only in the explorer (a terminal, without --print or --json)'],
		[['validate', 'a.json', '--search', 'x'], '--search does not apply to validate'],
		[['validate'], 'validate needs at least one FILE'],
		[['convert'], 'convert needs exactly one FILE'],
		[['convert', 'a', 'b'], 'convert takes one FILE, found 2: a b'],
		[['a.json', 'b.json'], 'expected one FILE, found 2: a.json b.json'],
		[['valdate', 'a.json'], 'expected one FILE, found 2: valdate a.json (did you mean timescope validate?)'],
	])('%j: %s', (argv: string[], message: string, terminal = false) => {
		expect(error(argv, terminal)).toBe(message);
	});

	it('lets a repeated flag with the same value pass', () => {
		expect(parse(['--print', '--print']).flags.print).toBe(true);
	});

	it('tells print-only flags apart in the explorer', () => {
		expect(error(['--limit', '3', '--search', 'x'], true)).toBe(
			'--limit works only with printed output (--print, --json, or a pipe)',
		);
	});
});

describe('values reach the handlers exactly as typed', () => {
	// Quotes, =, --, prototype names, spaces and control characters included; meow's parser strips
	// surrounding quotes from `--flag="v"`, so the canonical form it is given must not have them.
	const text = fc.oneof(
		fc.string({minLength: 1}),
		fc.constantFrom('"q"', "'q'", '--', '-x', '=', 'a=b', '__proto__', 'constructor', 'true', '0x10', ' '),
	);

	it('for a single value, repeated values and files', () => {
		fc.assert(
			fc.property(text, text, text, (query, actor, file) => {
				const run = parse([`--search=${query}`, `--actor=${actor}`, '--actor', 'x', '--', file]);
				expect(run.flags.search).toBe(query);
				expect(run.flags.actor).toEqual([actor, 'x']);
				expect(run.args).toEqual([file]);
			}),
		);
	});

	it('never fails other than with a usage error, whatever the words', () => {
		const word = fc.oneof(
			text,
			fc.constantFrom(
				...Object.keys(FLAGS).map((name) => `--${kebab(name)}`),
				'-s',
				'-wi',
				'validate',
				'convert',
				'completion',
				'-',
			),
		);
		fc.assert(
			fc.property(fc.array(word, {maxLength: 8}), fc.boolean(), (argv, terminal) => {
				try {
					parseCommandLine(argv, context(terminal));
				} catch (thrown) {
					expect(thrown).toBeInstanceOf(UsageError);
				}
			}),
		);
	});
});

describe('data piped in', () => {
	const piped = (argv: string[]) =>
		parseCommandLine(argv, {...context(false), stdoutTerminal: true}) as Invocation;

	it('opens the explorer for `-` when stdout is a terminal (keys come from /dev/tty)', () => {
		expect(piped(['-']).command).toBe('explore');
		expect(piped(['-', '--interactive']).command).toBe('explore');
		expect(piped(['-', '--print']).command).toBe('print');
	});

	it('prints a named file when stdin is not a terminal, as before', () => {
		expect(piped(['data.json']).command).toBe('print');
		expect(parse(['-']).command).toBe('print');
	});
});
