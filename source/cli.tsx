#!/usr/bin/env node
import {fileURLToPath} from 'node:url';
import {type CliArgs, HELP, parseCli, UsageError, VERSION} from './cli-args.js';
import {parseEdtf} from './dataset/edtf.js';
import {type Filters, findActors, select, toDocument} from './dataset/filter.js';
import {loadDataset, readDocument} from './dataset/load.js';
import type {Dataset} from './dataset/model.js';
import {formatProblems} from './dataset/problems.js';
import {toSafeJson} from './output/json.js';
import {renderListing} from './output/listing.js';
import {progressBar} from './output/progress.js';
import {renderSearchListing, searchJson} from './output/search-output.js';
import {colourEnabled, styleFor} from './output/style.js';
import {validateFiles} from './output/validate-report.js';
import {createSearcher, QUERY_LIMIT} from './search/searcher.js';
import {sanitize} from './text/sanitize.js';

// Ink and React are imported only on the interactive path: print, JSON and validate start fast.

const BUNDLED = fileURLToPath(new URL('../data/venezuela-us-dialogue.json', import.meta.url));

// Set first thing in main(), so a usage error is reported like any other.
let cli: CliArgs;

const out = (text: string) => process.stdout.write(text);
const err = (line: string) => process.stderr.write(`timescope: ${line}\n`);

async function main(): Promise<number> {
	cli = parseCli(process.argv.slice(2));
	if (cli.flags.help) {
		out(HELP);
		return 0;
	}
	if (cli.flags.version) {
		out(`${VERSION}\n`);
		return 0;
	}
	const [command, ...rest] = cli.positionals;
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
	if (cli.positionals.length > 1)
		throw new UsageError(`expected one FILE, found ${cli.positionals.length}: ${cli.positionals.join(' ')}`);
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
	if (flags.search !== undefined && flags.search.length > QUERY_LIMIT) {
		throw new UsageError(
			`--search: a query holds at most ${QUERY_LIMIT.toLocaleString('en')} characters, this one has ${flags.search.length.toLocaleString('en')}`,
		);
	}

	const explorer = !flags.print && !flags.json && terminal;
	if (flags.watch && !explorer) {
		throw new UsageError('--watch reloads the explorer: it needs a terminal, and no --print or --json');
	}
	if (flags.watch && command === '-')
		throw new UsageError('--watch needs a file to watch, not standard input');

	const file = command ?? BUNDLED;
	const progress = progressBar(file === BUNDLED ? 'bundled dataset' : file);
	const loaded = await loadDataset(file, {onSize: progress.onSize, onProgress: progress.onProgress});
	progress.done();
	if (!loaded.ok) return fail(loaded.problems);
	const {dataset} = loaded;
	const filters = readFilters(dataset);

	if (explorer) {
		const {runInteractive} = await import('./interactive.js');
		return runInteractive({
			dataset,
			fileLabel: loaded.file,
			path: file === '-' ? undefined : file,
			watch: flags.watch,
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
		const result = createSearcher(dataset).search(flags.search, {
			within: selection,
			limit: flags.limit === 0 ? undefined : flags.limit,
		});
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
	const actors = flags.actor.flatMap((query) => {
		const found = findActors(dataset, query);
		if (found.length === 0)
			throw new UsageError(`--actor: no actor matches "${query}"${known([...dataset.actors.keys()])}`);
		return found.map((actor) => actor.id);
	});
	const places = flags.place.flatMap((query) => {
		const wanted = query.toLowerCase();
		const found = [...dataset.places.values()].filter(
			(place) => place.id === query || place.name.toLowerCase().includes(wanted),
		);
		if (found.length === 0)
			throw new UsageError(`--place: no place matches "${query}"${known([...dataset.places.keys()])}`);
		return found.map((place) => place.id);
	});
	const allTags = new Set(dataset.events.flatMap((event) => event.tags));
	for (const tag of flags.tag) {
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

// `timescope --print | head` closes the pipe early: that is the reader's choice, not an error. EIO is
// a terminal that hung up: there is no one left to tell, and 129 is what a hang-up exits with.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
	if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
	if (error.code === 'EIO') process.exit(process.exitCode ?? 129);
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
