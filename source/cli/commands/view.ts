import type {ReadStream} from 'node:tty';
import {BUNDLED} from '../../bundled.js';
import type {LoadResult} from '../../dataset/load.js';
import {findEvent} from '../../dataset/model.js';
import {type Opening, openDataset, openLoaded} from '../../open/open.js';
import {progressBar} from '../../output/progress.js';
import {QUERY_LIMIT} from '../../search/query.js';
import {openTerminalInput} from '../../system/tty.js';
import {keepYoungGenerationSmall} from '../../system/young-generation.js';
import {colourWanted} from '../../text/colour.js';
import {isArticle} from '../article-files.js';
import {readFilters} from '../filters.js';
import type {Invocation} from '../parse.js';
import {UsageError} from '../usage-error.js';
import {reportOpened, reportProblems} from '../write.js';
import {print} from './print.js';

/** `timescope [FILE]`: load FILE (or the bundled dataset), then explore it or print it. */
export async function view(invocation: Invocation): Promise<number> {
	const {flags, command} = invocation;
	const file = invocation.args[0] ?? BUNDLED;
	if (flags.watch && file === '-') throw new UsageError('--watch needs a file to watch, not standard input');
	if (flags.search !== undefined && flags.search.length > QUERY_LIMIT) {
		throw new UsageError(
			`--search: a query holds at most ${QUERY_LIMIT.toLocaleString('en')} characters, this one has ${flags.search.length.toLocaleString('en')}`,
		);
	}
	const article = isArticle(file);
	if (article && flags.watch) {
		throw new UsageError(
			'--watch reloads dataset files: write the draft with timescope extract -o FILE and watch that',
		);
	}
	if (!article && flags.date !== undefined) throw new UsageError('--date applies to articles (.txt, .html)');
	const explore = command !== 'print';
	if (explore) keepYoungGenerationSmall();
	// Ink and React load only for the explorer (print, JSON and validate start fast), and they load
	// while the data is read: the two waits overlap.
	const explorer = explore ? import('../../interactive.js') : undefined;
	explorer?.catch(() => {});
	const progress = progressBar(file === BUNDLED ? 'bundled dataset' : file);
	const opening: Opening = article
		? openLoaded(await (await import('./extract.js')).loadArticle(file, flags.date))
		: await openDataset(file, {
				strict: flags.strict,
				cache: flags.cache,
				// Print mode has no screen to show while a worker loads, nor a first frame to write the cache after.
				workerFrom: explore ? undefined : Number.POSITIVE_INFINITY,
				writeCache: explore,
				onSize: progress.onSize,
				onProgress: progress.onProgress,
			});
	progress.done();
	const {ready} = opening;
	if (ready && !ready.ok) return reportProblems(ready.problems, ready.omitted);
	const start = (loaded: LoadResult & {ok: true}) => ({
		dataset: loaded.dataset,
		fileLabel: loaded.file,
		path: file === '-' ? undefined : file,
		watch: flags.watch,
		filters: readFilters(loaded.dataset, flags),
		search: flags.search,
		scope: flags.kind,
		eventId:
			flags.event === undefined ? undefined : (findEvent(loaded.dataset, flags.event)?.id ?? flags.event),
		problems: {problems: loaded.problems, omitted: loaded.omitted, skipped: loaded.skipped},
		strict: flags.strict,
	});
	// Filters are read before the terminal is taken when the data is there: a bad one is said plainly.
	const init = ready ? start(ready) : undefined;
	const keys = explore ? keyboard() : undefined;
	if (!explore || keys === 'none') {
		try {
			const loaded = ready ?? (await opening.result);
			if (!loaded.ok) return reportProblems(loaded.problems, loaded.omitted);
			const filters = init?.filters ?? readFilters(loaded.dataset, flags);
			const code = await print(loaded.dataset, filters, flags, () =>
				opening.loadSearcher(loaded.dataset, {}),
			);
			const opened = reportOpened(loaded);
			return code === 0 ? opened : code;
		} finally {
			// A worker still building the index would keep the process alive.
			opening.close();
		}
	}
	const {runInteractive} = await (explorer ?? import('../../interactive.js'));
	const outcome = await runInteractive({
		opening,
		ready: init,
		start,
		fileLabel: file === BUNDLED ? 'bundled dataset' : file,
		path: file === '-' ? undefined : file,
		colour: colourWanted(flags.color, process.env, process.stdout),
		mouse: flags.mouse,
		keys: keys === 'stdin' ? undefined : keys,
	});
	if (outcome.failure !== undefined) throw outcome.failure;
	const loaded = ready ?? outcome.loaded;
	if (loaded && !loaded.ok) return reportProblems(loaded.problems, loaded.omitted);
	// What was left out stays on the main screen once the explorer's is gone.
	if (loaded) reportOpened(loaded);
	return outcome.code;
}

/**
 * Where the explorer reads keys: standard input, or, when that carries the data (`cat f | timescope -`),
 * the terminal itself; `none` when there is no terminal to open (then it prints, and says why).
 */
function keyboard(): ReadStream | 'stdin' | 'none' {
	if (process.stdin.isTTY) return 'stdin';
	const terminal = openTerminalInput();
	if (terminal.ok) return terminal.keys;
	process.stderr.write(
		`timescope: no terminal to read keys from (/dev/tty: ${terminal.why}); printing instead\n`,
	);
	return 'none';
}
