import Fuse, {type FuseResultMatch} from 'fuse.js';
import type {Dataset, Quote} from '../dataset/model.js';
import {fold} from '../text/fold.js';
import {sanitize} from '../text/sanitize.js';

/**
 * Quote search. Every string is indexed in its sanitized, single-line form: the same form the views
 * draw, so match ranges point at the characters on screen.
 */

/** Inclusive [start, end] character ranges, as fuse.js reports them. */
export type Ranges = ReadonlyArray<readonly [number, number]>;

export interface SearchHit {
	readonly quote: Quote;
	/** 0 is a perfect match, 1 no match (fuse.js convention). */
	readonly score: number;
	/** The quote text as drawn, and where the query matched it. */
	readonly text: string;
	readonly textRanges: Ranges;
	readonly speakerRanges: Ranges;
}

export interface SearchResult {
	readonly query: string;
	readonly total: number;
	readonly hits: readonly SearchHit[];
}

export interface SearchOptions {
	/** How many hits to return (all by default); `total` still counts every match. */
	limit?: number;
}

export interface QuoteSearcher {
	search(query: string, options?: SearchOptions): SearchResult;
	/**
	 * The same search without holding the event loop for long: the explorer calls this on every
	 * keystroke and aborts the previous call, so a slow query never delays typing. Resolves to
	 * `undefined` when aborted.
	 */
	searchAsync(
		query: string,
		options?: SearchOptions & {signal?: AbortSignal},
	): Promise<SearchResult | undefined>;
}

interface QuoteRecord {
	quote: Quote;
	text: string;
	speaker: string;
	aliases: string[];
	events: string[];
}

export function quoteDisplayText(quote: Quote): string {
	return sanitize(quote.text);
}

/** Build the index off the caller's critical path (the explorer draws its first frame first). */
export async function loadQuoteSearcher(dataset: Dataset): Promise<QuoteSearcher> {
	await new Promise((resolve) => setImmediate(resolve));
	return createQuoteSearcher(dataset);
}

export function createQuoteSearcher(dataset: Dataset): QuoteSearcher {
	const records: QuoteRecord[] = dataset.quotes.map((quote) => ({
		quote,
		text: quoteDisplayText(quote),
		speaker: sanitize(quote.speaker.name),
		aliases: (quote.speaker.aliases ?? []).map((alias) => sanitize(alias)),
		events: quote.events.map((event) => sanitize(event.title)),
	}));
	const fuse = new Fuse(records, {
		keys: [
			{name: 'text', weight: 3},
			{name: 'speaker', weight: 1},
			{name: 'aliases', weight: 1},
			{name: 'events', weight: 0.5},
		],
		includeScore: true,
		includeMatches: true,
		ignoreDiacritics: true,
		useExtendedSearch: true,
		ignoreLocation: true,
		threshold: 0.35,
	});

	const searcher: QuoteSearcher = {
		search(rawQuery, {limit = Number.POSITIVE_INFINITY} = {}) {
			const {terms, speakers} = parseQuery(rawQuery);
			const bySpeaker = (record: QuoteRecord) =>
				speakers.every((wanted) =>
					[record.quote.speaker.id, record.speaker, ...record.aliases].some((name) =>
						fold(name).includes(wanted),
					),
				);
			let hits: SearchHit[];
			if (terms === '') {
				hits = speakers.length === 0 ? [] : records.filter(bySpeaker).map((record) => toHit(record, 0, []));
			} else {
				hits = fuse
					.search(terms)
					.filter((result) => bySpeaker(result.item))
					.map((result) => toHit(result.item, result.score ?? 0, result.matches ?? []));
			}
			return {query: rawQuery, total: hits.length, hits: hits.slice(0, limit)};
		},
		async searchAsync(query, {signal, ...options} = {}) {
			await new Promise((resolve) => setImmediate(resolve));
			if (signal?.aborted) return undefined;
			return searcher.search(query, options);
		},
	};
	return searcher;
}

function toHit(record: QuoteRecord, score: number, matches: ReadonlyArray<FuseResultMatch>): SearchHit {
	const rangesOf = (key: string) => matches.filter((m) => m.key === key).flatMap((m) => m.indices);
	return {
		quote: record.quote,
		score,
		text: record.text,
		textRanges: rangesOf('text'),
		speakerRanges: rangesOf('speaker'),
	};
}

/** `@maduro oil` narrows to speakers whose name, alias or id contains "maduro". */
export function parseQuery(query: string): {terms: string; speakers: string[]} {
	const speakers: string[] = [];
	const terms = query
		.split(/\s+/u)
		.filter((token) => {
			if (token.length > 1 && token.startsWith('@')) {
				speakers.push(fold(token.slice(1)));
				return false;
			}
			return token !== '';
		})
		.join(' ');
	return {terms, speakers};
}
