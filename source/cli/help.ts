import type {Command} from './commands.js';
import {type CommandName, FLAGS, type FlagSpec, longFlag, valueName} from './flags.js';

/** `--help`, written from the command and flag tables (meow indents it and puts the description on top). */
export function helpText(view: Command, commands: Readonly<Record<string, Command>>): string {
	const usage = [
		['$ timescope', argsText(view), view.summary],
		...Object.entries(commands).map(([name, command]) => [
			`$ timescope ${name}`,
			argsText(command),
			command.summary,
		]),
	].map(([call, args, summary]) => [`${call} ${args}`, summary as string] as const);
	const flags = Object.entries(FLAGS as Readonly<Record<string, FlagSpec>>);
	// Flags of the explorer and print modes, and those of every command, read under Options; a flag of
	// subcommands only, under that subcommand.
	const home = (spec: FlagSpec): string =>
		!spec.for || spec.for.some((name: CommandName) => name === 'explore' || name === 'print')
			? 'Options'
			: `Options of ${spec.for[0]}`;
	const sections = [...new Set(flags.map(([, spec]) => home(spec)))].map((title) => ({
		title,
		rows: flags
			.filter(([, spec]) => home(spec) === title)
			.map(([name, spec]) => [label(name, spec), spec.help] as const),
	}));
	return [
		'Usage',
		...table(usage),
		'',
		'FILE is a timescope/1 JSON or NDJSON file, a TimelineJS JSON or CSV file, or - for standard input.',
		...sections.flatMap(({title, rows}) => ['', title, ...table(rows)]),
		'',
		'Examples',
		...[
			'timescope',
			'timescope --search chevron --print',
			'timescope --from 2025-12 --actor maduro --print',
			"timescope --search '@maduro oil' --json | jq '.results[0].quote.text'",
			'timescope validate data/*.json',
			'timescope convert timeline.csv > timeline.json',
			'timescope extract article.txt --date 2026-01-02 -o draft.json',
			'cat timeline.json | timescope - --print',
		].map((example) => `  $ ${example}`),
		'',
		'Exit codes: 0 ok, 1 bad data or unreadable file (nothing shown), 2 usage error, 3 shown without the',
		'items listed on stderr (--print, --json, --search; never with --strict), 130 interrupted (Ctrl-C).',
	].join('\n');
}

function argsText(command: Command): string {
	const {name, min, max} = command.args;
	const many = max > 1 ? `${name}...` : name;
	return min === 0 ? `[${many}]` : many;
}

function label(name: string, spec: FlagSpec): string {
	const long = longFlag(name, spec);
	const value = spec.type === 'boolean' ? '' : ` ${valueName(spec)}`;
	return `${long}${spec.short ? `, -${spec.short}` : ''}${value}`;
}

function table(rows: ReadonlyArray<readonly [string, string]>): string[] {
	const width = Math.max(...rows.map(([left]) => left.length)) + 2;
	return rows.map(([left, right]) => `  ${left.padEnd(width)}${right}`);
}
