import type {Selection} from '../dataset/filter.js';
import type {Dataset} from '../dataset/model.js';
import {type Evaluation, evaluate, narrows, selectBest} from './candidates.js';
import {KINDS, type Kind} from './fields.js';
import {fold, unfoldRanges} from './fold.js';
import {buildIndex, type Collection, displayText, recordCount, type SearchIndex} from './index.js';
import {listRecords, recordIndex, recordKind} from './order.js';
import {Pool} from './pool.js';
import {type ParsedQuery, parseQuery, QUERY_LIMIT} from './query.js';
import {RANKED, Ranker, type SearchHit} from './rank.js';
import {type Allowed, allowedRecords} from './restrict.js';
import {runSliced, runToEnd} from './steps.js';
import {type CompiledTerm, compileTerms, ScanCache} from './terms.js';

/**
 * Search over the whole timeline, instant at a million quotes: events, quotes and eras in one ranked
 * list. Two stages, the same for every kind of record:
 *
 * 1. The candidate stage (index.ts, scan.ts, terms.ts, candidates.ts) decides exactly which records
 *    match: it matches each term against the vocabulary once, then reads the records' word ids term
 *    by term, the rarest term first and from its postings when that reads less. While a query is
 *    being extended it reads only the previous matches.
 * 2. fuse.js ranks and highlights the best of them, all kinds together, by an estimate of fuse.js's
 *    own score (rank.ts); when more hits are asked for, the rest follow by that estimate,
 *    highlighted when first read.
 *
 * A query with no search terms (empty, or only `@name`, `#tag`, `!not`) lists what it keeps in time
 * order instead, windowed: a hit is made only when read.
 *
 * Every string is indexed in its sanitized, single-line form, the form the views draw, so match
 * ranges point at the characters on screen.
 */

export {KINDS, type Kind, SCOPE_KINDS, type Scope} from './fields.js';
export type {QuoteHit, SearchHit} from './rank.js';

/** Hits in order; an array, or a window over a long time-ordered list whose hits are made when read. */
export interface Hits {
	readonly length: number;
	at(index: number): SearchHit | undefined;
	slice(from?: number, to?: number): SearchHit[];
}

export interface SearchResult {
	readonly query: string;
	/** Every record that matches, however many `hits` holds. */
	readonly total: number;
	/** `total` by kind. */
	readonly counts: Readonly<Record<Kind, number>>;
	/** Best first, or in time order when `ranked` is false. */
	readonly hits: Hits;
	/** False when the query has no search terms: the hits are listed in time order, all scored 0. */
	readonly ranked: boolean;
}

export interface SearchOptions {
	/** How many hits to return (all by default); `total` still counts every match. */
	limit?: number;
	/**
	 * Search only these events and quotes (a filtered timeline's; eras are left out): `total` and
	 * `hits` count only them. Pass the same selection again while a query is typed: a query extending
	 * the last one searches only its matches.
	 */
	within?: Selection;
	/** The kinds of record to return (all by default). */
	kinds?: readonly Kind[];
}

export interface AsyncSearchOptions extends SearchOptions {
	signal?: AbortSignal;
	/** Longest stretch, in ms, between event-loop turns (default 6). */
	sliceMs?: number;
}

export interface Searcher {
	search(query: string, options?: SearchOptions): SearchResult;
	/**
	 * The same search in slices of a few milliseconds, so a slow query never delays typing. The
	 * explorer aborts the previous call on each keystroke; an aborted call resolves to `undefined`.
	 */
	searchAsync(query: string, options?: AsyncSearchOptions): Promise<SearchResult | undefined>;
	/** Records indexed. */
	readonly size: number;
	/** Quote indices in the order they were said (its `said` date, else its event's), undated last. */
	readonly quoteOrder: Uint32Array;
}

export interface LoadOptions {
	/** Called between slices of the build with records indexed so far. */
	onProgress?: (done: number, total: number) => void;
	/** Stop building (the promise rejects with the signal's reason). */
	signal?: AbortSignal;
	/** Called with the index once built (to keep it: the cache stores it). */
	onIndex?: (index: SearchIndex) => void;
}

const NONE: Readonly<Record<Kind, number>> = {event: 0, quote: 0, era: 0};

/** The order kinds take when hits tie: the container before what it contains. */
const KIND_RANK: Record<Kind, number> = {era: 0, event: 1, quote: 2};

interface Last {
	query: ParsedQuery;
	within: Selection | undefined;
	evaluation: Evaluation;
}

/** A searcher over an index built before (restored from a snapshot, say). */
export function makeSearcher(index: SearchIndex): Searcher {
	const pool = new Pool();
	const cache = new ScanCache(index);
	const collections: Record<Kind, Collection> = {event: index.events, quote: index.quotes, era: index.eras};
	const rankers: Record<Kind, Ranker> = {
		event: new Ranker(index, index.events),
		quote: new Ranker(index, index.quotes),
		era: new Ranker(index, index.eras),
	};
	const last = new Map<Kind, Last>();
	let restriction: {key: string; within: Selection | undefined; allowed: Allowed} | undefined;
	const allowedFor = (query: ParsedQuery, within: Selection | undefined): Allowed => {
		const key = `${query.speakers.join('\u0000')}\u0001${query.tags.join('\u0000')}`;
		if (restriction?.key !== key || restriction.within !== within)
			restriction = {key, within, allowed: allowedRecords(index, query, within)};
		return restriction.allowed;
	};
	// Searches in progress: searchAsync calls interleave when the caller does not abort the last one,
	// and pooled arrays go back only when no other search can be reading them.
	let running = 0;

	function* evaluateKind(
		kind: Kind,
		query: ParsedQuery,
		within: Selection | undefined,
		terms: ReadonlyMap<string, CompiledTerm>,
		allowed: Uint8Array | true,
	): Generator<void, Evaluation> {
		const previous = last.get(kind);
		const narrowed = previous && previous.within === within && narrows(query, previous.query);
		const universe = narrowed ? previous.evaluation.matches : undefined;
		const evaluation = yield* evaluate(
			index,
			collections[kind],
			query,
			terms,
			universe,
			pool,
			allowed === true ? undefined : allowed,
		);
		last.set(kind, {query, within, evaluation});
		if (previous && running === 1) for (const array of previous.evaluation.buffers) pool.give(array);
		return evaluation;
	}

	function* run(
		raw: string,
		{limit = Number.POSITIVE_INFINITY, within, kinds = KINDS}: SearchOptions,
	): Generator<void, SearchResult> {
		if (raw.length > QUERY_LIMIT) throw new RangeError(`a query of at most ${QUERY_LIMIT} characters`);
		const query = parseQuery(raw);
		const allowed = allowedFor(query, within);
		const scope = KINDS.filter((kind) => kinds.includes(kind) && allowed[kind] !== false);
		const listed = query.groups.every((group) => group.every((term) => term.negate));
		running++;
		try {
			const terms = yield* compileTerms(query, cache);
			const evaluations = new Map<Kind, Evaluation>();
			// Without terms (empty, `@name`, `#tag`) what is allowed is what matches: nothing to evaluate.
			if (query.groups.length > 0) {
				for (const kind of scope) {
					evaluations.set(
						kind,
						yield* evaluateKind(kind, query, within, terms, allowed[kind] as Uint8Array | true),
					);
				}
			}
			const counts = {...NONE};
			if (listed) {
				const keep: Partial<Record<Kind, Uint8Array | true>> = {};
				for (const kind of scope) {
					const evaluation = evaluations.get(kind);
					const mask = allowed[kind] as Uint8Array | true;
					if (evaluation) {
						keep[kind] = maskOf(evaluation.matches, collections[kind].size);
						counts[kind] = evaluation.matches.length;
					} else {
						keep[kind] = mask;
						counts[kind] = mask === true ? collections[kind].size : countOnes(mask);
					}
				}
				const codes = yield* listRecords(index.timeOrder, keep, limit);
				return {
					query: raw,
					total: sum(counts),
					counts,
					hits: new ListedHits(index, query, codes),
					ranked: false,
				};
			}
			const picked: Array<{kind: Kind; record: number; estimate: number}> = [];
			for (const [kind, evaluation] of evaluations) {
				counts[kind] = evaluation.matches.length;
				// fuse.js ranks the best RANKED whatever the limit, so a smaller limit is a prefix of a larger one.
				const best = selectBest(evaluation, Math.max(limit, RANKED), pool);
				best.ids.forEach((record, i) => {
					picked.push({kind, record, estimate: best.estimates[i] as number});
				});
			}
			yield;
			picked.sort(
				(a, b) => a.estimate - b.estimate || KIND_RANK[a.kind] - KIND_RANK[b.kind] || a.record - b.record,
			);
			const kept = picked.slice(0, Math.max(Math.min(limit, picked.length), Math.min(RANKED, picked.length)));
			const ranked: Array<{hit: SearchHit; estimate: number; kind: Kind; record: number}> = [];
			for (const kind of KINDS) {
				const mine = kept.slice(0, RANKED).filter((p) => p.kind === kind);
				if (mine.length === 0) continue;
				const hits = yield* rankers[kind].rank(
					query,
					terms,
					Uint32Array.from(mine, (p) => p.record),
					Float32Array.from(mine, (p) => p.estimate),
				);
				hits.forEach((entry, i) => {
					ranked.push({...entry, kind, record: (mine[i] as {record: number}).record});
				});
			}
			ranked.sort(
				(a, b) =>
					a.hit.score - b.hit.score ||
					a.estimate - b.estimate ||
					KIND_RANK[a.kind] - KIND_RANK[b.kind] ||
					a.record - b.record,
			);
			const hits = new RankedHits(
				ranked.map((entry) => entry.hit).slice(0, limit),
				kept.slice(RANKED, limit),
				(p) => rankers[p.kind].lazyHit(query, terms, p.record, p.estimate),
			);
			return {query: raw, total: sum(counts), counts, hits, ranked: true};
		} finally {
			running--;
		}
	}

	return {
		size: recordCount(index.dataset),
		quoteOrder: index.quoteOrder,
		search(query, options = {}) {
			return runToEnd(run(query, options));
		},
		searchAsync(query, {signal, sliceMs, ...options} = {}) {
			return runSliced(run(query, options), {signal, sliceMs});
		},
	};
}

function sum(counts: Readonly<Record<Kind, number>>): number {
	return counts.event + counts.quote + counts.era;
}

/** A mask (by record) of the records listed. */
function maskOf(records: Uint32Array, size: number): Uint8Array {
	const mask = new Uint8Array(size);
	for (let i = 0; i < records.length; i++) mask[records[i] as number] = 1;
	return mask;
}

function countOnes(mask: Uint8Array): number {
	let n = 0;
	for (const bit of mask) n += bit;
	return n;
}

/** A window over a list whose hits past the first are made only when read, and kept once made. */
abstract class LazyHits implements Hits {
	private readonly made = new Map<number, SearchHit>();
	abstract readonly length: number;
	protected abstract make(position: number): SearchHit;

	at(position: number): SearchHit | undefined {
		if (position < 0 || position >= this.length || !Number.isInteger(position)) return undefined;
		let hit = this.made.get(position);
		if (!hit) {
			hit = this.make(position);
			if (this.made.size >= 4096) this.made.clear();
			this.made.set(position, hit);
		}
		return hit;
	}

	slice(from = 0, to = this.length): SearchHit[] {
		const out: SearchHit[] = [];
		for (let i = Math.max(0, from); i < Math.min(to, this.length); i++) out.push(this.at(i) as SearchHit);
		return out;
	}
}

/** The hits fuse.js ranked, then the rest in the candidate stage's order, each made when read. */
class RankedHits<T> extends LazyHits {
	readonly length: number;
	constructor(
		private readonly head: readonly SearchHit[],
		private readonly tail: readonly T[],
		private readonly lazy: (entry: T) => SearchHit,
	) {
		super();
		this.length = head.length + tail.length;
	}

	protected make(position: number): SearchHit {
		return position < this.head.length
			? (this.head[position] as SearchHit)
			: this.lazy(this.tail[position - this.head.length] as T);
	}
}

/** Records in time order, each made into a hit when read (and kept while the list is). */
class ListedHits extends LazyHits {
	constructor(
		private readonly index: SearchIndex,
		private readonly query: ParsedQuery,
		private readonly codes: Uint32Array,
	) {
		super();
	}

	get length(): number {
		return this.codes.length;
	}

	protected make(position: number): SearchHit {
		return listedHit(this.index, this.query, this.codes[position] as number);
	}
}

/** A record listed without search terms: nothing matched in its text; `@name` and `#tag` marked. */
function listedHit(index: SearchIndex, query: ParsedQuery, code: number): SearchHit {
	const {dataset} = index;
	const at = recordIndex(code);
	const marked = (text: string, wanted: readonly string[]) => {
		const folded = fold(text);
		return unfoldRanges(
			folded,
			wanted.flatMap((name) => {
				const found = folded.text.indexOf(name);
				return found === -1 ? [] : [[found, found + name.length - 1] as const];
			}),
		);
	};
	switch (recordKind(code)) {
		case 'quote': {
			const quote = dataset.quotes[at] as Dataset['quotes'][number];
			return {
				kind: 'quote',
				quote,
				score: 0,
				text: displayText(quote.text),
				textRanges: [],
				speakerRanges: marked(displayText(quote.speaker.name), query.speakers),
			};
		}
		case 'event': {
			const event = dataset.events[at] as Dataset['events'][number];
			const tag =
				query.tags.length > 0
					? event.tags.find((t) => query.tags.some((w) => fold(displayText(t)).text.includes(w)))
					: undefined;
			return {
				kind: 'event',
				event,
				score: 0,
				text: displayText(event.title),
				textRanges: [],
				...(tag !== undefined && {
					field: {name: 'tags', text: displayText(tag), ranges: marked(displayText(tag), query.tags)},
				}),
			};
		}
		default: {
			const era = dataset.eras[at] as Dataset['eras'][number];
			return {kind: 'era', era, score: 0, text: displayText(era.title), textRanges: []};
		}
	}
}

/** Build the index in one go (print mode: nothing else to keep responsive). */
export function createSearcher(dataset: Dataset): Searcher {
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
export async function loadSearcher(dataset: Dataset, options: LoadOptions = {}): Promise<Searcher> {
	const {onProgress, signal, onIndex} = options;
	const total = recordCount(dataset);
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
	onIndex?.(index);
	return makeSearcher(index);
}
