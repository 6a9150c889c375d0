#!/usr/bin/env node
import {fileURLToPath} from 'node:url';
import meow from 'meow';
import {parseEdtf} from './dataset/edtf.js';
import {type Filters, findActors, select, toDocument} from './dataset/filter.js';
import {loadDataset, readDocument} from './dataset/load.js';
import type {Dataset} from './dataset/model.js';
import {formatProblems} from './dataset/problems.js';
import {toSafeJson} from './output/json.js';
import {renderListing} from './output/listing.js';
import {renderSearchListing, searchJson} from './output/search-output.js';
import {colourEnabled, styleFor} from './output/style.js';
import {validateFiles} from './output/validate-report.js';
import {createQuoteSearcher} from './search/quote-search.js';
import {sanitize} from './text/sanitize.js';

// Ink and React are imported only on the interactive path: print, JSON and validate start fast.

const BUNDLED = fileURLToPath(new URL('../data/venezuela-us-dialogue.json', import.meta.url));

const cli = meow(
	`
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
    --interactive, -i     the explorer, even if a flag would choose print mode (needs a terminal)
    --help, --version

  Examples
    $ timescope
    $ timescope --search chevron --print
    $ timescope --from 2025-12 --actor maduro --print
    $ timescope --search '@maduro oil' --json | jq '.results[0].quote.text'
    $ timescope validate data/*.json
    $ cat timeline.json | timescope - --print

  Exit codes: 0 ok, 1 bad data or unreadable file, 2 usage error, 130 interrupted (Ctrl-C).
`,
	{
		importMeta: import.meta,
		allowUnknownFlags: false,
		flags: {
			print: {type: 'boolean', default: false},
			json: {type: 'boolean', default: false},
			search: {type: 'string', shortFlag: 's'},
			limit: {type: 'number', default: 50},
			from: {type: 'string'},
			to: {type: 'string'},
			actor: {type: 'string', isMultiple: true},
			tag: {type: 'string', isMultiple: true},
			place: {type: 'string', isMultiple: true},
			event: {type: 'string'},
			interactive: {type: 'boolean', shortFlag: 'i', default: false},
		},
	},
);

class UsageError extends Error {}

const out = (text: string) => process.stdout.write(text);
const err = (line: string) => process.stderr.write(`timescope: ${line}\n`);

async function main(): Promise<number> {
	const [command, ...rest] = cli.input;
	if (command === 'validate') {
		if (rest.length === 0) throw new UsageError('validate needs at least one FILE');
		const report = await validateFiles(rest);
		out(`${report.lines.join('\n')}\n`);
		return report.ok ? 0 : 1;
	}
	if (command === 'convert') {
		if (rest.length !== 1) throw new UsageError('convert needs exactly one FILE');
		const result = await readDocument(rest[0] as string);
		if (!result.ok) return fail(result.problems);
		out(toSafeJson(result.doc));
		return 0;
	}
	if (cli.input.length > 1)
		throw new UsageError(`expected one FILE, found ${cli.input.length}: ${cli.input.join(' ')}`);
	const {flags} = cli;
	if (flags.interactive && (flags.print || flags.json)) {
		throw new UsageError('--interactive cannot be combined with --print or --json');
	}
	const terminal = process.stdin.isTTY === true && process.stdout.isTTY === true;
	if (flags.interactive && !terminal) {
		throw new UsageError(
			'--interactive needs a terminal on stdin and stdout (use --print or --json in pipes)',
		);
	}
	if (flags.limit < 0 || !Number.isInteger(flags.limit))
		throw new UsageError('--limit expects a whole number ≥ 0');

	const file = command ?? BUNDLED;
	const loaded = await loadDataset(file);
	if (!loaded.ok) return fail(loaded.problems);
	const {dataset} = loaded;
	const filters = readFilters(dataset);

	if (!flags.print && !flags.json && terminal) {
		const {runInteractive} = await import('./interactive.js');
		return runInteractive({
			dataset,
			fileLabel: loaded.file,
			filters,
			search: flags.search,
			eventId: flags.event,
		});
	}
	return printMode(dataset, filters);
}

function printMode(dataset: Dataset, filters: Filters): number {
	const {flags} = cli;
	let selection = select(dataset, filters);
	if (flags.event !== undefined) {
		const event = dataset.eventsById.get(flags.event);
		if (!event) throw new UsageError(`no event has the id "${flags.event}"`);
		const quotes = new Set(selection.quotes);
		selection = {events: [event], quotes: event.quotes.filter((quote) => quotes.has(quote))};
	}
	const style = styleFor(colourEnabled(process.stdout, process.env));
	const width = outputWidth();
	if (flags.search !== undefined) {
		const inSelection = new Set(selection.quotes);
		const all = createQuoteSearcher(dataset).search(flags.search);
		const hits = all.hits.filter((hit) => inSelection.has(hit.quote));
		const limit = flags.limit === 0 ? hits.length : flags.limit;
		const result = {query: flags.search, total: hits.length, hits: hits.slice(0, limit)};
		out(flags.json ? toSafeJson(searchJson(result)) : renderSearchListing(result, {width, style}));
		return 0;
	}
	if (flags.json) {
		out(toSafeJson(toDocument(dataset, selection)));
		return 0;
	}
	out(renderListing(dataset, selection, {width, style, filterText: describeFilters(dataset, filters)}));
	return 0;
}

function readFilters(dataset: Dataset): Filters {
	const {flags} = cli;
	const date = (flag: string, value: string | undefined) => {
		if (value === undefined) return undefined;
		const parsed = parseEdtf(value);
		if (!parsed.ok)
			throw new UsageError(
				`--${flag}: expected a date such as 2025-12, 2025-12-31 or 2024, found "${value}"`,
			);
		return parsed.date;
	};
	const actors = (flags.actor ?? []).flatMap((query) => {
		const found = findActors(dataset, query);
		if (found.length === 0)
			throw new UsageError(`--actor: no actor matches "${query}"${known([...dataset.actors.keys()])}`);
		return found.map((actor) => actor.id);
	});
	const places = (flags.place ?? []).flatMap((query) => {
		const wanted = query.toLowerCase();
		const found = [...dataset.places.values()].filter(
			(place) => place.id === query || place.name.toLowerCase().includes(wanted),
		);
		if (found.length === 0)
			throw new UsageError(`--place: no place matches "${query}"${known([...dataset.places.keys()])}`);
		return found.map((place) => place.id);
	});
	const allTags = new Set(dataset.events.flatMap((event) => event.tags));
	for (const tag of flags.tag ?? []) {
		if (!allTags.has(tag)) throw new UsageError(`--tag: no event has the tag "${tag}"${known([...allTags])}`);
	}
	const filters: Filters = {
		from: date('from', flags.from),
		to: date('to', flags.to),
		actors,
		places,
		tags: flags.tag,
	};
	if (filters.from && filters.to && filters.to.max < filters.from.min) {
		throw new UsageError(`--to ${flags.to} is before --from ${flags.from}`);
	}
	return filters;
}

function known(names: string[]): string {
	if (names.length === 0) return ' (the dataset has none)';
	const shown = names.slice(0, 12).join(', ');
	return ` (known: ${shown}${names.length > 12 ? ', …' : ''})`;
}

function describeFilters(dataset: Dataset, filters: Filters): string | undefined {
	const parts = [
		filters.from && `from ${filters.from.text}`,
		filters.to && `to ${filters.to.text}`,
		...(filters.actors ?? []).map((id) => `actor ${dataset.actors.get(id)?.name ?? id}`),
		...(filters.tags ?? []).map((tag) => `tag ${tag}`),
		...(filters.places ?? []).map((id) => `place ${dataset.places.get(id)?.name ?? id}`),
		cli.flags.event !== undefined && `event ${cli.flags.event}`,
	].filter(Boolean);
	return parts.length > 0 ? parts.join(' · ') : undefined;
}

function outputWidth(): number {
	const fromEnv = Number(process.env.COLUMNS);
	if (Number.isInteger(fromEnv) && fromEnv >= 20) return fromEnv;
	return process.stdout.isTTY && process.stdout.columns >= 20 ? process.stdout.columns : 80;
}

function fail(problems: Parameters<typeof formatProblems>[0]): number {
	process.stderr.write(`${formatProblems(problems).join('\n')}\n`);
	return 1;
}

// `timescope --print | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
	if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
	throw error;
});

main().then(
	(code) => {
		process.exitCode = code;
	},
	(error: unknown) => {
		if (error instanceof UsageError) {
			err(sanitize(error.message));
			err('see timescope --help');
			process.exitCode = 2;
			return;
		}
		// A bug, not a user mistake: say so plainly, with the detail needed to report it.
		err(
			`internal error: ${sanitize(error instanceof Error ? (error.stack ?? error.message) : String(error))}`,
		);
		process.exitCode = 1;
	},
);
