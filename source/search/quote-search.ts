import type {Dataset, Quote} from '../dataset/model.js';
import {compileTerms, type Evaluation, evaluate, narrows, ScanCache, selectBest} from './candidates.js';
import {buildIndex, type QuoteIndex} from './index.js';
import {Pool} from './pool.js';
import {type ParsedQuery, parseQuery} from './query.js';
import {RANKED, Ranker, type SearchHit} from './rank.js';
import {runSliced, runToEnd} from './steps.js';

/**
 * Quote search, instant at a million quotes. Two stages:
 *
 * 1. The candidate stage (index.ts, scan.ts, candidates.ts) decides exactly which quotes match: it
 *    matches each term against the vocabulary once, then reads the quotes' word ids term by term,
 *    the rarest term first and from its postings when it is rare. While a query is being extended
 *    it reads only the previous matches.
 * 2. fuse.js ranks and highlights the best of them by an estimate of fuse.js's own score (rank.ts);
 *    when more hits are asked for, the rest follow by that estimate, highlighted when first read.
 *
 * Every string is indexed in its sanitized, single-line form, the form the views draw, so match
 * ranges point at the characters on screen.
 */

export type {SearchHit} from './rank.js';

export interface SearchResult {
	readonly query: string;
	/** Every quote that matches, however many `hits` holds. */
	readonly total: number;
	/** Best first. */
	readonly hits: readonly SearchHit[];
}

export interface SearchOptions {
	/** How many hits to return (all by default); `total` still counts every match. */
	limit?: number;
	/**
	 * Search only these quotes (a filtered timeline's): `total` and `hits` count only them. Cheaper
	 * than filtering the hits afterwards, which needs every hit asked for. Pass the same set again
	 * while a query is typed: a query extending the last one searches only its matches.
	 */
	within?: ReadonlySet<Quote>;
}

export interface AsyncSearchOptions extends SearchOptions {
	signal?: AbortSignal;
	/** Longest stretch, in ms, between event-loop turns (default 6). */
	sliceMs?: number;
}

export interface QuoteSearcher {
	search(query: string, options?: SearchOptions): SearchResult;
	/**
	 * The same search in slices of a few milliseconds, so a slow query never delays typing. The
	 * explorer aborts the previous call on each keystroke; an aborted call resolves to `undefined`.
	 */
	searchAsync(query: string, options?: AsyncSearchOptions): Promise<SearchResult | undefined>;
	/** Quotes indexed. */
	readonly size: number;
}

export interface LoadOptions {
	/** Called between slices of the build with quotes indexed so far. */
	onProgress?: (done: number, total: number) => void;
	/** Stop building (the promise rejects with the signal's reason). */
	signal?: AbortSignal;
}

function makeSearcher(index: QuoteIndex): QuoteSearcher {
	const pool = new Pool();
	const cache = new ScanCache(index);
	const ranker = new Ranker(index);
	let last: {query: ParsedQuery; within: ReadonlySet<Quote> | undefined; evaluation: Evaluation} | undefined;
	const masks = new WeakMap<ReadonlySet<Quote>, Uint8Array>();
	const maskOf = (within: ReadonlySet<Quote>): Uint8Array => {
		let mask = masks.get(within);
		if (!mask) {
			mask = new Uint8Array(index.quotes.length);
			for (const quote of within) if (index.quotes[quote.index] === quote) mask[quote.index] = 1;
			masks.set(within, mask);
		}
		return mask;
	};
	// Searches in progress: searchAsync calls interleave when the caller does not abort the last one,
	// and pooled arrays go back only when no other search can be reading them.
	let running = 0;

	function* run(
		raw: string,
		{limit = Number.POSITIVE_INFINITY, within}: SearchOptions,
	): Generator<void, SearchResult> {
		const query = parseQuery(raw);
		if (query.groups.length === 0 && query.speakers.length === 0) return {query: raw, total: 0, hits: []};
		running++;
		try {
			const compiled = yield* compileTerms(query, cache);
			const previous = last;
			const narrowed = previous && previous.within === within && narrows(query, previous.query);
			const universe = narrowed ? previous.evaluation.matches : undefined;
			const evaluation = yield* evaluate(index, query, compiled, universe, pool, within && maskOf(within));
			last = {query, within, evaluation};
			if (previous && running === 1) for (const array of previous.evaluation.buffers) pool.give(array);
			// fuse.js ranks the best RANKED whatever the limit, so a smaller limit is a prefix of a larger one.
			const best = selectBest(evaluation, Math.max(limit, RANKED), pool);
			yield;
			const hits = yield* ranker.rank(query, evaluation.terms, best.ids, best.estimates, RANKED);
			return {query: raw, total: evaluation.matches.length, hits: hits.slice(0, limit)};
		} finally {
			running--;
		}
	}

	return {
		size: index.quotes.length,
		search(query, options = {}) {
			return runToEnd(run(query, options));
		},
		searchAsync(query, {signal, sliceMs, ...options} = {}) {
			return runSliced(run(query, options), {signal, sliceMs});
		},
	};
}

/** Build the index in one go (print mode: nothing else to keep responsive). */
export function createQuoteSearcher(dataset: Dataset): QuoteSearcher {
	const build = buildIndex(dataset);
	for (;;) {
		const step = build.next();
		if (step.done) return makeSearcher(step.value);
	}
}

/**
 * Build the index off the caller's critical path, in slices of a few milliseconds: the explorer
 * draws its first frame and keeps reading keys while this runs.
 */
export async function loadQuoteSearcher(dataset: Dataset, options: LoadOptions = {}): Promise<QuoteSearcher> {
	const {onProgress, signal} = options;
	const total = dataset.quotes.length;
	let done = 0;
	const build = buildIndex(dataset);
	const progress = (function* () {
		for (;;) {
			const step = build.next();
			if (step.done) return step.value;
			done = Math.max(done, step.value);
			yield;
		}
	})();
	const index = await runSliced(progress, {signal, onSlice: () => onProgress?.(done, total)});
	if (!index) throw signal?.reason ?? new Error('aborted');
	onProgress?.(total, total);
	return makeSearcher(index);
}
