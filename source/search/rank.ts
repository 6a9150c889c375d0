import Fuse, {type Expression, type FuseResult, type IFuseOptions} from 'fuse.js';
import type {Era, Quote, TimelineEvent} from '../dataset/model.js';
import {DISPLAY_LIMIT} from '../text/cells.js';
import {KEYS_OF, type Kind} from './fields.js';
import {type Folded, fold, unfoldRanges} from './fold.js';
import {type Collection, displayText, type Field, type SearchIndex, type Table} from './index.js';
import type {ParsedQuery} from './query.js';
import {NO_MATCH} from './scan.js';
import {runToEnd} from './steps.js';
import {type CompiledTerm, fieldCode, termKey} from './terms.js';

/**
 * fuse.js ranks and highlights the candidates. Each record is given to it as its folded fields
 * (fields.ts), and each term is asked only of the fields where the candidate stage found it (so
 * fuse.js never highlights a stray two-letter coincidence in a name), as a logical query: `$or` of
 * the query's sides, each an `$and` of its positive terms, each an `$or` of the fields. Records of
 * one kind with the same shape of matches share one fuse.js instance.
 *
 * Only the best few (`RANKED`) go through fuse.js on every keystroke; hits past them, when more
 * are asked for, follow in the order of the candidate stage's estimate and are highlighted by
 * fuse.js when first read (a list view reads only the rows it shows).
 */

/** Inclusive [start, end] character ranges, as fuse.js reports them. */
export type Ranges = ReadonlyArray<readonly [number, number]>;

/** A field besides the main one that matched, as drawn, and where. */
export interface MatchedField {
	/** Its key (fields.ts): `summary`, `tags`, `context`… */
	readonly name: string;
	readonly text: string;
	readonly ranges: Ranges;
}

interface HitBase {
	/** 0 is a perfect match, 1 no match (fuse.js convention). */
	readonly score: number;
	/** The best-matching field besides the main text (and, for a quote, its speaker), if any. */
	readonly field?: MatchedField;
}

export interface QuoteHit extends HitBase {
	readonly kind: 'quote';
	readonly quote: Quote;
	/** The quote text as drawn (sanitized, one line), and where the query matched it. */
	readonly text: string;
	readonly textRanges: Ranges;
	/** Ranges in the speaker's name as drawn (`sanitize(quote.speaker.name)`). */
	readonly speakerRanges: Ranges;
}

export interface EventHit extends HitBase {
	readonly kind: 'event';
	readonly event: TimelineEvent;
	/** The title as drawn, and where the query matched it. */
	readonly text: string;
	readonly textRanges: Ranges;
}

export interface EraHit extends HitBase {
	readonly kind: 'era';
	readonly era: Era;
	readonly text: string;
	readonly textRanges: Ranges;
}

export type SearchHit = QuoteHit | EventHit | EraHit;

// fuse.js ranks and highlights the part of a text that is ever drawn (DISPLAY_LIMIT characters): on
// a 10 MB quote it would take seconds and overflow the stack collecting millions of match ranges. The
// candidate stage still searches the whole text.

/** Records whose folded fields a ranker keeps (a few keystrokes' worth of candidates). */
const RECORDS_KEPT = 2048;

/** How many of the best candidates fuse.js ranks per search. */
export const RANKED = 50;

type FuseDoc = Record<string, string | string[]>;

const options = (kind: Kind): IFuseOptions<FuseDoc> => ({
	keys: KEYS_OF[kind].map((key) => ({...key})),
	includeScore: true,
	includeMatches: true,
	useExtendedSearch: true,
	ignoreLocation: true,
	// The fields are folded already. A term the candidate stage accepts has at most one typo per
	// four characters, each at most two edits for fuse.js (a swap is two): 0.5 never rejects it.
	isCaseSensitive: true,
	ignoreDiacritics: false,
	threshold: 0.5,
});

/** A record as fuse.js sees it, with what maps its folded texts back to the screen. */
interface Candidate {
	record: number;
	estimate: number;
	doc: FuseDoc;
	/** Per key, the folded values given to fuse.js and the texts as drawn. */
	values: Map<string, Array<{folded: Folded; text: string}>>;
	/** Which fields each positive term matched, per side the record satisfies: groups equal queries. */
	signature: string;
	/** Undefined when no positive term holds (`!x`, `@name` alone): every such match is as good. */
	query: Expression | undefined;
}

/** Ranks one collection's candidates; folded shared texts are worked out once, when first ranked. */
export class Ranker {
	private readonly folded = new Map<Table, Array<{folded: Folded; text: string} | undefined>>();
	private readonly records = new Map<number, ReadonlyArray<{folded: Folded; text: string} | undefined>>();
	private readonly fuseOptions: IFuseOptions<FuseDoc>;

	constructor(
		private readonly index: SearchIndex,
		private readonly collection: Collection,
	) {
		this.fuseOptions = options(collection.kind);
	}

	/** Hits for `ids` (with their estimates), scored by fuse.js; each with its estimate, for merging kinds. */
	*rank(
		query: ParsedQuery,
		terms: ReadonlyMap<string, CompiledTerm>,
		ids: Uint32Array,
		estimates: Float32Array,
	): Generator<void, Array<{hit: SearchHit; estimate: number}>> {
		const candidates: Candidate[] = [];
		for (let i = 0; i < ids.length; i++) {
			candidates.push(this.describe(query, terms, ids[i] as number, estimates[i] as number));
			if (candidates.length % 32 === 0) yield;
		}
		const results = yield* this.score(candidates);
		return candidates.map((candidate) => ({
			hit: this.hit(query, candidate, results.get(candidate)),
			estimate: candidate.estimate,
		}));
	}

	private *score(candidates: readonly Candidate[]): Generator<void, Map<Candidate, FuseResult<FuseDoc>>> {
		const shapes = new Map<string, Candidate[]>();
		for (const candidate of candidates) {
			if (!candidate.query) continue;
			const list = shapes.get(candidate.signature);
			if (list) list.push(candidate);
			else shapes.set(candidate.signature, [candidate]);
		}
		const results = new Map<Candidate, FuseResult<FuseDoc>>();
		for (const list of shapes.values()) {
			const fuse = new Fuse(
				list.map((c) => c.doc),
				this.fuseOptions,
			);
			for (const result of fuse.search((list[0] as Candidate).query as Expression)) {
				results.set(list[result.refIndex] as Candidate, result);
			}
			yield;
		}
		return results;
	}

	/** The matched ranges per key and value, mapped back to the texts as drawn. */
	private ranges(candidate: Candidate, result: FuseResult<FuseDoc> | undefined): Map<string, Ranges[]> {
		const found = new Map<string, Array<Array<readonly [number, number]>>>();
		for (const match of result?.matches ?? []) {
			const key = match.key as string;
			const values = candidate.values.get(key) ?? [];
			const at = match.refIndex ?? 0;
			let lists = found.get(key);
			if (!lists) {
				lists = values.map(() => []);
				found.set(key, lists);
			}
			lists[at]?.push(...match.indices);
		}
		const out = new Map<string, Ranges[]>();
		for (const [key, lists] of found) {
			const values = candidate.values.get(key) ?? [];
			out.set(
				key,
				lists.map((list, i) => (values[i] ? unfoldRanges((values[i] as {folded: Folded}).folded, list) : [])),
			);
		}
		return out;
	}

	private hit(query: ParsedQuery, candidate: Candidate, result: FuseResult<FuseDoc> | undefined): SearchHit {
		const ranges = this.ranges(candidate, result);
		// fuse.js rejecting a candidate would be a bug in the candidate stage; it still shows, last.
		const score = candidate.query ? (result?.score ?? 1) : 0;
		const keys = KEYS_OF[this.collection.kind];
		const main = (keys[0] as {name: string}).name;
		const text = candidate.values.get(main)?.[0]?.text ?? '';
		const textRanges = ranges.get(main)?.[0] ?? [];
		const {record} = candidate;
		const {dataset} = this.index;
		if (this.collection.kind === 'quote') {
			const quote = dataset.quotes[record] as Quote;
			const name = candidate.values.get('speaker')?.[0];
			const speakerRanges: Array<readonly [number, number]> = [...(ranges.get('speaker')?.[0] ?? [])];
			for (const wanted of query.speakers) {
				const at = name?.folded.text.indexOf(wanted) ?? -1;
				if (at !== -1 && name)
					speakerRanges.push(...unfoldRanges(name.folded, [[at, at + wanted.length - 1]]));
			}
			return {
				kind: 'quote',
				quote,
				score,
				text,
				textRanges,
				speakerRanges,
				field: this.matchedField(candidate, ranges, ['text', 'speaker']),
			};
		}
		const field = this.matchedField(candidate, ranges, [main]) ?? this.tagField(query, candidate);
		if (this.collection.kind === 'event') {
			return {kind: 'event', event: dataset.events[record] as TimelineEvent, score, text, textRanges, field};
		}
		return {kind: 'era', era: dataset.eras[record] as Era, score, text, textRanges, field};
	}

	/** The first key (in weight order) besides `skip` where fuse.js found the query. */
	private matchedField(
		candidate: Candidate,
		ranges: Map<string, Ranges[]>,
		skip: readonly string[],
	): MatchedField | undefined {
		const keys = [...KEYS_OF[this.collection.kind]].sort((a, b) => b.weight - a.weight);
		for (const {name} of keys) {
			if (skip.includes(name)) continue;
			const lists = ranges.get(name) ?? [];
			const at = lists.findIndex((list) => list.length > 0);
			const value = candidate.values.get(name)?.[at];
			if (at >= 0 && value) return {name, text: value.text, ranges: lists[at] as Ranges};
		}
		return undefined;
	}

	/** For `#tag`: the event's tag it names, marked. */
	private tagField(query: ParsedQuery, candidate: Candidate): MatchedField | undefined {
		for (const wanted of query.tags) {
			for (const value of candidate.values.get('tags') ?? []) {
				const at = value.folded.text.indexOf(wanted);
				if (at !== -1) {
					return {
						name: 'tags',
						text: value.text,
						ranges: unfoldRanges(value.folded, [[at, at + wanted.length - 1]]),
					};
				}
			}
		}
		return undefined;
	}

	/** A hit past the ranked ones: scored by its estimate, highlighted by fuse.js when first read. */
	lazyHit(
		query: ParsedQuery,
		terms: ReadonlyMap<string, CompiledTerm>,
		record: number,
		estimate: number,
	): SearchHit {
		let full: SearchHit | undefined;
		const resolve = (): SearchHit => {
			if (!full) {
				const candidate = this.describe(query, terms, record, estimate);
				const results = runToEnd(this.score([candidate]));
				full = this.hit(query, candidate, results.get(candidate));
			}
			return full;
		};
		const {dataset} = this.index;
		// exp(estimate) estimates fuse.js's score; past the ranked hits, order is all it serves. A record
		// only a side of negations matched (`a | !b`) is estimated as fuse.js's best (candidates.ts).
		const score = Math.min(1, Math.exp(estimate));
		const lazy = ['text', 'textRanges', 'field'];
		switch (this.collection.kind) {
			case 'quote':
				return withGetters(
					{kind: 'quote', quote: dataset.quotes[record] as Quote, score},
					[...lazy, 'speakerRanges'],
					resolve,
				);
			case 'event':
				return withGetters(
					{kind: 'event', event: dataset.events[record] as TimelineEvent, score},
					lazy,
					resolve,
				);
			default:
				return withGetters({kind: 'era', era: dataset.eras[record] as Era, score}, lazy, resolve);
		}
	}

	/**
	 * A record's own fields as drawn and folded. Kept for the records ranked lately: the next
	 * keystroke ranks mostly the same ones.
	 */
	private ownTexts(record: number): ReadonlyArray<{folded: Folded; text: string} | undefined> {
		let found = this.records.get(record);
		if (!found) {
			found = this.collection.fields.map((field) => {
				const raw = field.text(record);
				if (raw === undefined) return undefined;
				const text = displayText(raw);
				return {folded: fold(text.length > DISPLAY_LIMIT ? text.slice(0, DISPLAY_LIMIT) : text), text};
			});
			if (this.records.size >= RECORDS_KEPT) this.records.clear();
			this.records.set(record, found);
		}
		return found;
	}

	private tableValue(table: Table, value: number): {folded: Folded; text: string} {
		let cache = this.folded.get(table);
		if (!cache) {
			cache = new Array(table.texts.length);
			this.folded.set(table, cache);
		}
		let found = cache[value];
		if (!found) {
			const text = displayText(table.texts.at(value) ?? '');
			found = {folded: fold(text), text};
			cache[value] = found;
		}
		return found;
	}

	private describe(
		query: ParsedQuery,
		terms: ReadonlyMap<string, CompiledTerm>,
		record: number,
		estimate: number,
	): Candidate {
		const {collection} = this;
		const keys = KEYS_OF[collection.kind];
		const doc: FuseDoc = {};
		const values = new Map<string, Array<{folded: Folded; text: string}>>();
		for (const key of keys) values.set(key.name, []);
		this.ownTexts(record).forEach((value, f) => {
			const field = collection.fields[f] as Field;
			if (value) values.get((keys[field.key] as {name: string}).name)?.push(value);
		});
		for (const link of collection.links) {
			const {table} = link;
			for (let p = link.start[record] as number; p < (link.start[record + 1] as number); p++) {
				const entry = link.list[p] as number;
				for (let v = table.entryStart[entry] as number; v < (table.entryStart[entry + 1] as number); v++) {
					const name = (keys[link.keys[table.valueRole[v] as number] as number] as {name: string}).name;
					values.get(name)?.push(this.tableValue(table, v));
				}
			}
		}
		for (const [name, list] of values) {
			if (list.length > 0) doc[name] = list.map((value) => value.folded.text);
		}
		const keyBits = (term: CompiledTerm): number => {
			let bits = 0;
			for (const field of collection.fields) {
				const from = field.start[record] as number;
				const to = field.start[record + 1] as number;
				if (from < to && fieldCode(term, field.words, from, to) !== NO_MATCH) bits |= 1 << field.key;
			}
			for (const link of collection.links) {
				const {table} = link;
				for (let p = link.start[record] as number; p < (link.start[record + 1] as number); p++) {
					const entry = link.list[p] as number;
					for (let v = table.entryStart[entry] as number; v < (table.entryStart[entry + 1] as number); v++) {
						const from = table.valueStart[v] as number;
						const to = table.valueStart[v + 1] as number;
						if (fieldCode(term, table.words, from, to) !== NO_MATCH)
							bits |= 1 << (link.keys[table.valueRole[v] as number] as number);
					}
				}
			}
			return bits;
		};
		const main = (keys[0] as {name: string}).name;
		const sides: Expression[] = [];
		const signature: string[] = [];
		for (const group of query.groups) {
			const parts: Expression[] = [];
			const shape: string[] = [];
			let holds = true;
			let allInMain = true;
			const positive: string[] = [];
			for (const term of group) {
				const bits = keyBits(terms.get(termKey(term)) as CompiledTerm);
				if (term.negate ? bits !== 0 : bits === 0) {
					holds = false;
					break;
				}
				if (term.negate) continue;
				const asked = keys.filter((_, k) => bits & (1 << k)).map((key) => ({[key.name]: term.fuse}));
				parts.push(asked.length === 1 ? (asked[0] as Expression) : {$or: asked});
				shape.push(`${term.fuse}\u0000${bits}`);
				positive.push(term.fuse);
				if (!(bits & 1)) allInMain = false;
			}
			// All the words in the main field (a quote's text, an event's title), as plain fuse.js asks
			// (one field, every term): it scores that once more, so such records rank above those whose
			// words are spread over other fields (candidates.ts adds the same to its estimate).
			if (holds && allInMain && positive.length > 1) parts.push({[main]: positive.join(' ')});
			if (holds && parts.length > 0) {
				sides.push({$and: parts});
				signature.push(shape.join('\u0001'));
			}
		}
		return {
			record,
			estimate,
			doc,
			values,
			signature: signature.join('\u0002'),
			query: sides.length === 0 ? undefined : sides.length === 1 ? sides[0] : {$or: sides},
		};
	}
}

/** A hit whose named properties are worked out (by `resolve`) when first read. */
function withGetters(base: object, names: readonly string[], resolve: () => SearchHit): SearchHit {
	return Object.defineProperties(
		base,
		Object.fromEntries(
			names.map((name) => [name, {get: () => resolve()[name as keyof SearchHit], enumerable: true}]),
		),
	) as SearchHit;
}
