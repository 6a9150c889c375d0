import {BUNDLED} from '../../bundled.js';
import type {LoadResult} from '../../dataset/load.js';
import {type Opening, openDataset, openLoaded} from '../../open/open.js';
import {progressBar} from '../../output/progress.js';
import {QUERY_LIMIT} from '../../search/query.js';
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
		eventId: flags.event,
		problems: {problems: loaded.problems, omitted: loaded.omitted, skipped: loaded.skipped},
		strict: flags.strict,
	});
	if (!explore) {
		const loaded = ready ?? (await opening.result);
		if (!loaded.ok) return reportProblems(loaded.problems, loaded.omitted);
		const code = await print(loaded.dataset, readFilters(loaded.dataset, flags), flags, () =>
			opening.loadSearcher(loaded.dataset, {}),
		);
		const opened = reportOpened(loaded);
		return code === 0 ? opened : code;
	}
	// Filters are read before the terminal is taken when the data is there: a bad one is said plainly.
	const init = ready ? start(ready) : undefined;
	// Ink and React load only here: print, JSON and validate start fast.
	const {runInteractive} = await import('../../interactive.js');
	const outcome = await runInteractive({
		opening,
		ready: init,
		start,
		fileLabel: file === BUNDLED ? 'bundled dataset' : file,
		colour: colourWanted(flags.color, process.env, process.stdout),
	});
	if (outcome.failure !== undefined) throw outcome.failure;
	const loaded = ready ?? outcome.loaded;
	if (loaded && !loaded.ok) return reportProblems(loaded.problems, loaded.omitted);
	// What was left out stays on the main screen once the explorer's is gone.
	if (loaded) reportOpened(loaded);
	return outcome.code;
}
