import type {ReadStream} from 'node:tty';
import {BUNDLED} from '../../bundled.js';
import {loadDataset} from '../../dataset/load.js';
import {findEvent} from '../../dataset/model.js';
import {progressBar} from '../../output/progress.js';
import {QUERY_LIMIT} from '../../search/query.js';
import {openTerminalInput} from '../../system/tty.js';
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
	const progress = progressBar(file === BUNDLED ? 'bundled dataset' : file);
	const loaded = article
		? await (await import('./extract.js')).loadArticle(file, flags.date)
		: await loadDataset(file, {
				strict: flags.strict,
				onSize: progress.onSize,
				onProgress: progress.onProgress,
			});
	progress.done();
	if (!loaded.ok) return reportProblems(loaded.problems, loaded.omitted);
	const {dataset} = loaded;
	const filters = readFilters(dataset, flags);
	const keys = command === 'explore' ? keyboard() : undefined;
	if (command === 'print' || keys === 'none') {
		const code = await print(dataset, filters, flags);
		const opened = reportOpened(loaded);
		return code === 0 ? opened : code;
	}
	// Ink and React load only here: print, JSON and validate start fast.
	const {runInteractive} = await import('../../interactive.js');
	const code = await runInteractive({
		dataset,
		fileLabel: loaded.file,
		path: file === '-' ? undefined : file,
		watch: flags.watch,
		filters,
		search: flags.search,
		scope: flags.kind,
		eventId: flags.event === undefined ? undefined : (findEvent(dataset, flags.event)?.id ?? flags.event),
		problems: {problems: loaded.problems, omitted: loaded.omitted, skipped: loaded.skipped},
		strict: flags.strict,
		colour: colourWanted(flags.color, process.env, process.stdout),
		mouse: flags.mouse,
		keys: keys === 'stdin' ? undefined : keys,
	});
	// What was left out stays on the main screen once the explorer's is gone.
	reportOpened(loaded);
	return code;
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
