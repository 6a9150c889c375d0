import {parseArgs} from 'node:util';
import packageJson from '../package.json' with {type: 'json'};

/**
 * Command-line flags, parsed with Node's own parseArgs. meow (the brief's choice) cost 245 kB of
 * bundle and about 50 ms of every start — a third of the print path's budget — for what parseArgs does.
 */

export const VERSION = packageJson.version;

export const HELP = `
  timescope — explore a timeline of dated events and who said what, when

  Usage
    $ timescope [FILE]                explore FILE (default: the bundled dataset)
    $ timescope validate FILE...      check files and list every problem
    $ timescope convert FILE          write FILE (e.g. a TimelineJS timeline) as timescope/1 JSON

  FILE is a timescope/1 JSON file, a TimelineJS JSON or CSV file, or - for standard input.

  Options
    --print               plain listing (the default when stdout is not a terminal)
    --json                the dataset, or with --search the results, as JSON
    --search, -s QUERY    search quotes (fzf syntax: 'exact ^prefix suffix$ !not a|b; @speaker)
    --limit N             at most N search results in --print/--json (default 50, 0 for all)
    --from DATE           only events that may fall on or after DATE (2025-12, 2025-12-31, 2024)
    --to DATE             only events that may fall on or before DATE
    --actor NAME_OR_ID    only events involving the actor, and the actor's quotes (repeatable)
    --tag TAG             only events with the tag (repeatable: any of them)
    --place NAME_OR_ID    only events at the place (repeatable)
    --event ID            open that event's detail (print: only that event)
    --watch, -w           reload the explorer when FILE changes
    --interactive, -i     the explorer, even if a flag would choose print mode (needs a terminal)
    --help, -h            this help
    --version, -v         the version

  Examples
    $ timescope
    $ timescope --search chevron --print
    $ timescope --from 2025-12 --actor maduro --print
    $ timescope --search '@maduro oil' --json | jq '.results[0].quote.text'
    $ timescope validate data/*.json
    $ timescope convert timeline.csv > timeline.json
    $ cat timeline.json | timescope - --print

  Exit codes: 0 ok, 1 bad data or unreadable file (nothing shown), 2 usage error, 3 shown without
  the items listed on stderr (--print, --json, --search), 130 interrupted (Ctrl-C).
`;

export class UsageError extends Error {}

export interface CliFlags {
	print: boolean;
	json: boolean;
	search?: string;
	limit: number;
	from?: string;
	to?: string;
	actor: string[];
	tag: string[];
	place: string[];
	event?: string;
	watch: boolean;
	interactive: boolean;
	help: boolean;
	version: boolean;
}

export interface CliArgs {
	positionals: string[];
	flags: CliFlags;
}

export function parseCli(argv: string[]): CliArgs {
	let parsed: ReturnType<typeof parse>;
	try {
		parsed = parse(argv);
	} catch (error) {
		// parseArgs words its errors for developers ("Unknown option '--x'. To specify a positional…").
		throw new UsageError((error as Error).message.split('. ')[0] ?? 'invalid arguments');
	}
	const {values, positionals} = parsed;
	const limit = values.limit === undefined ? 50 : Number(values.limit);
	if (!Number.isInteger(limit) || limit < 0) {
		throw new UsageError(`--limit expects a whole number ≥ 0, found "${values.limit}"`);
	}
	return {
		positionals,
		flags: {
			print: values.print ?? false,
			json: values.json ?? false,
			search: values.search,
			limit,
			from: values.from,
			to: values.to,
			actor: values.actor ?? [],
			tag: values.tag ?? [],
			place: values.place ?? [],
			event: values.event,
			watch: values.watch ?? false,
			interactive: values.interactive ?? false,
			help: values.help ?? false,
			version: values.version ?? false,
		},
	};
}

function parse(argv: string[]) {
	return parseArgs({
		args: argv,
		allowPositionals: true,
		strict: true,
		options: {
			print: {type: 'boolean'},
			json: {type: 'boolean'},
			search: {type: 'string', short: 's'},
			limit: {type: 'string'},
			from: {type: 'string'},
			to: {type: 'string'},
			actor: {type: 'string', multiple: true},
			tag: {type: 'string', multiple: true},
			place: {type: 'string', multiple: true},
			event: {type: 'string'},
			watch: {type: 'boolean', short: 'w'},
			interactive: {type: 'boolean', short: 'i'},
			help: {type: 'boolean', short: 'h'},
			version: {type: 'boolean', short: 'v'},
		},
	});
}
