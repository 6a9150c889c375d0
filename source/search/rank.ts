import Fuse, {type Expression, type FuseResult, type IFuseOptions} from 'fuse.js';
import type {Quote} from '../dataset/model.js';
import {DISPLAY_LIMIT} from '../text/cells.js';
import {sanitize} from '../text/sanitize.js';
import {type CompiledTerm, fieldCode, termKey} from './candidates.js';
import {type Folded, fold, unfoldRanges} from './fold.js';
import {type QuoteIndex, quoteDisplayText} from './index.js';
import type {ParsedQuery} from './query.js';
import {NO_MATCH} from './scan.js';
import {KEYS} from './score.js';
import {runToEnd} from './steps.js';

/**
 * fuse.js ranks and highlights the candidates. Each quote is given to it as its folded fields, and
 * each term is asked only of the fields where the candidate stage found it (so fuse.js never
 * highlights a stray two-letter coincidence in a name), as a logical query: `$or` of the query's
 * sides, each an `$and` of its positive terms, each an `$or` of the fields. Quotes with the same
 * shape of matches share one fuse.js instance.
 *
 * Only the best few (`RANKED`) go through fuse.js on every keystroke; hits past them, when more
 * are asked for, follow in the order of the candidate stage's estimate and are highlighted by
 * fuse.js when first read (a list view reads only the rows it shows).
 */

/** Inclusive [start, end] character ranges, as fuse.js reports them. */
export type Ranges = ReadonlyArray<readonly [number, number]>;

export interface SearchHit {
	readonly quote: Quote;
	/** 0 is a perfect match, 1 no match (fuse.js convention). */
	readonly score: number;
	/** The quote text as drawn (sanitized, one line), and where the query matched it. */
	readonly text: string;
	readonly textRanges: Ranges;
	/** Ranges in the speaker's name as drawn (`sanitize(quote.speaker.name)`). */
	readonly speakerRanges: Ranges;
}

// fuse.js ranks and highlights the part of a quote that is ever drawn (DISPLAY_LIMIT characters): on
// a 10 MB quote it would take seconds and overflow the stack collecting millions of match ranges. The
// candidate stage still searches the whole text.

/** How many of the best candidates fuse.js ranks per search. */
export const RANKED = 100;

const TEXT = 0;
const SPEAKER = 1;
const ALIASES = 2;
const EVENTS = 3;

interface FuseDoc {
	text: string;
	speaker: string;
	aliases: string[];
	events: string[];
}

const FUSE_OPTIONS: IFuseOptions<FuseDoc> = {
	keys: KEYS.map((key) => ({...key})),
	includeScore: true,
	includeMatches: true,
	useExtendedSearch: true,
	ignoreLocation: true,
	// The fields are folded already. A term the candidate stage accepts has at most one typo per
	// four characters, each at most two edits for fuse.js (a swap is two): 0.5 never rejects it.
	isCaseSensitive: true,
	ignoreDiacritics: false,
	threshold: 0.5,
};

interface Candidate {
	q: number;
	estimate: number;
	doc: FuseDoc;
	text: string;
	folded: Folded;
	speaker: Folded;
	/** Which fields each positive term matched, per side the quote satisfies: groups equal queries. */
	signature: string;
	/** Undefined when no positive term holds (`!x`, `@name` alone): every such match is as good. */
	query: Expression | undefined;
}

interface SpeakerText {
	name: Folded;
	aliases: string[];
}

/** Per searcher: folded names and titles are worked out once, when first ranked. */
export class Ranker {
	private readonly speakers: Array<SpeakerText | undefined>;
	private readonly titles: Array<string | undefined>;

	constructor(private readonly index: QuoteIndex) {
		this.speakers = new Array(index.speakers.length);
		this.titles = new Array(index.titleStart.length - 1);
	}

	/**
	 * Hits for `ids` (with their estimates): the first `ranked` by fuse.js score, then the rest by
	 * estimate, highlighted lazily.
	 */
	*rank(
		query: ParsedQuery,
		terms: ReadonlyMap<string, CompiledTerm>,
		ids: Uint32Array,
		estimates: Float32Array,
		ranked: number,
	): Generator<void, SearchHit[]> {
		const order = Array.from(ids.keys()).sort(
			(a, b) =>
				(estimates[a] as number) - (estimates[b] as number) || (ids[a] as number) - (ids[b] as number),
		);
		const head: Candidate[] = [];
		for (const i of order.slice(0, ranked)) {
			head.push(this.describe(query, terms, ids[i] as number, estimates[i] as number));
			if (head.length % 32 === 0) yield;
		}
		const results = yield* this.score(head);
		const hits = head.map((candidate) => ({
			candidate,
			hit: this.hit(query, candidate, results.get(candidate)),
		}));
		hits.sort(
			(a, b) =>
				a.hit.score - b.hit.score ||
				a.candidate.estimate - b.candidate.estimate ||
				a.candidate.q - b.candidate.q,
		);
		const out: SearchHit[] = hits.map((entry) => entry.hit);
		for (const i of order.slice(ranked))
			out.push(this.lazyHit(query, terms, ids[i] as number, estimates[i] as number));
		return out;
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
				FUSE_OPTIONS,
			);
			for (const result of fuse.search((list[0] as Candidate).query as Expression)) {
				results.set(list[result.refIndex] as Candidate, result);
			}
			yield;
		}
		return results;
	}

	private hit(query: ParsedQuery, candidate: Candidate, result: FuseResult<FuseDoc> | undefined): SearchHit {
		const textRanges: Array<readonly [number, number]> = [];
		const speakerRanges: Array<readonly [number, number]> = [];
		for (const match of result?.matches ?? []) {
			if (match.key === 'text') textRanges.push(...match.indices);
			else if (match.key === 'speaker') speakerRanges.push(...match.indices);
		}
		for (const name of query.speakers) {
			const at = candidate.speaker.text.indexOf(name);
			if (at !== -1 && name !== '') speakerRanges.push([at, at + name.length - 1]);
		}
		return {
			quote: this.index.quotes[candidate.q] as Quote,
			// fuse.js rejecting a candidate would be a bug in the candidate stage; it still shows, last.
			score: candidate.query ? (result?.score ?? 1) : 0,
			text: candidate.text,
			textRanges: unfoldRanges(candidate.folded, textRanges),
			speakerRanges: unfoldRanges(candidate.speaker, speakerRanges),
		};
	}

	/** A hit past the ranked ones: scored by its estimate, highlighted by fuse.js when first read. */
	private lazyHit(
		query: ParsedQuery,
		terms: ReadonlyMap<string, CompiledTerm>,
		q: number,
		estimate: number,
	): SearchHit {
		let full: SearchHit | undefined;
		const resolve = (): SearchHit => {
			if (!full) {
				const candidate = this.describe(query, terms, q, estimate);
				const results = runToEnd(this.score([candidate]));
				full = this.hit(query, candidate, results.get(candidate));
			}
			return full;
		};
		const quote = this.index.quotes[q] as Quote;
		return {
			quote,
			// exp(estimate) estimates fuse.js's score; past the ranked hits, order is all it serves.
			score: Math.min(1, Math.exp(estimate)),
			get text() {
				return quoteDisplayText(quote);
			},
			get textRanges() {
				return resolve().textRanges;
			},
			get speakerRanges() {
				return resolve().speakerRanges;
			},
		};
	}

	private speakerText(slot: number): SpeakerText {
		let found = this.speakers[slot];
		if (!found) {
			const {actor} = this.index.speakers[slot] as QuoteIndex['speakers'][number];
			found = {
				name: fold(sanitize(actor.name)),
				aliases: (actor.aliases ?? []).map((alias) => fold(sanitize(alias)).text),
			};
			this.speakers[slot] = found;
		}
		return found;
	}

	private title(e: number, title: string): string {
		let found = this.titles[e];
		if (found === undefined) {
			found = fold(sanitize(title)).text;
			this.titles[e] = found;
		}
		return found;
	}

	private describe(
		query: ParsedQuery,
		terms: ReadonlyMap<string, CompiledTerm>,
		q: number,
		estimate: number,
	): Candidate {
		const {index} = this;
		const quote = index.quotes[q] as Quote;
		const slot = index.speakerOf[q] as number;
		const speaker = index.speakers[slot] as QuoteIndex['speakers'][number];
		const speakerText = this.speakerText(slot);
		const text = quoteDisplayText(quote);
		const folded = fold(text.length > DISPLAY_LIMIT ? text.slice(0, DISPLAY_LIMIT) : text);
		const doc: FuseDoc = {
			text: folded.text,
			speaker: speakerText.name.text,
			aliases: speakerText.aliases,
			events: quote.events.map((event) => this.title(event.index, event.title)),
		};
		const {textStart, textWords, titleStart, titleWords} = index;
		const keyBits = (term: CompiledTerm): number => {
			let bits = 0;
			if (fieldCode(term, textWords, textStart[q] as number, textStart[q + 1] as number) !== NO_MATCH)
				bits |= 1 << TEXT;
			if (fieldCode(term, speaker.name.words, 0, speaker.name.words.length) !== NO_MATCH)
				bits |= 1 << SPEAKER;
			if (speaker.aliases.some((alias) => fieldCode(term, alias.words, 0, alias.words.length) !== NO_MATCH)) {
				bits |= 1 << ALIASES;
			}
			if (
				quote.events.some(
					(event) =>
						fieldCode(
							term,
							titleWords,
							titleStart[event.index] as number,
							titleStart[event.index + 1] as number,
						) !== NO_MATCH,
				)
			) {
				bits |= 1 << EVENTS;
			}
			return bits;
		};
		const sides: Expression[] = [];
		const signature: string[] = [];
		for (const group of query.groups) {
			const parts: Expression[] = [];
			const shape: string[] = [];
			let holds = true;
			let allInText = true;
			const positive: string[] = [];
			for (const term of group) {
				const bits = keyBits(terms.get(termKey(term)) as CompiledTerm);
				if (term.negate ? bits !== 0 : bits === 0) {
					holds = false;
					break;
				}
				if (term.negate) continue;
				const keys = KEYS.filter((_, k) => bits & (1 << k)).map((key) => ({[key.name]: term.fuse}));
				parts.push(keys.length === 1 ? (keys[0] as Expression) : {$or: keys});
				shape.push(`${term.fuse}\u0000${bits}`);
				positive.push(term.fuse);
				if (!(bits & (1 << TEXT))) allInText = false;
			}
			// All the words in the quote itself, as plain fuse.js asks (one field, every term): it
			// scores that once more, so such quotes rank above those whose words are spread over the
			// speaker's name and event titles (candidates.ts adds the same to its estimate).
			if (holds && allInText && positive.length > 1) parts.push({text: positive.join(' ')});
			if (holds && parts.length > 0) {
				sides.push({$and: parts});
				signature.push(shape.join('\u0001'));
			}
		}
		return {
			q,
			estimate,
			doc,
			text,
			folded,
			speaker: speakerText.name,
			signature: signature.join('\u0002'),
			query: sides.length === 0 ? undefined : sides.length === 1 ? sides[0] : {$or: sides},
		};
	}
}
