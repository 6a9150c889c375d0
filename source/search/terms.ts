import {Growable} from './growable.js';
import type {SearchIndex} from './index.js';
import {type ParsedQuery, type Term, typoBudget} from './query.js';
import {EXACT, filterWords, linesOf, NO_MATCH, type Role, scanWords} from './scan.js';
import {logScores, WHOLE} from './score.js';

/**
 * Terms matched against the vocabulary: for each word of a term, which words of the corpus it
 * matches and how well (scan.ts), once per query whatever the number of records. The candidate
 * stage then reads records' word ids against these tables.
 */

/** A term with its vocabulary matches: `roles[j][wordId]` says how word j of the term matches. */
export interface CompiledTerm {
	readonly term: Term;
	readonly key: string;
	/** Anchored (^ $ =) or several words: decided on the word sequence, not word by word. */
	readonly verify: boolean;
	readonly roles: readonly Uint8Array[];
	/** Occurrences in the corpus of the words its last word matches: the smaller, the sooner it runs. */
	readonly coverage: number;
	/** Ids of the words its last word matches (every match contains one). */
	readonly lastWords: Uint32Array;
	/** logScores for its kind and length. */
	readonly logs: Float64Array;
	/** For a fuzzy one-word term, the id of the word equal to it (a field of just that word is WHOLE), else -1. */
	readonly whole: number;
	/**
	 * For a term of one letter a–z (fuzzy, or `'x`, `!x`), its bit in the letter masks (index.ts): a
	 * field has it exactly when its mask does. Else 0.
	 */
	readonly letter: number;
}

/** The letter bit of a one-letter pattern a–z, else 0. */
function letterBit(pattern: string): number {
	const c = pattern.length === 1 ? pattern.charCodeAt(0) - 97 : -1;
	return c >= 0 && c < 26 ? 1 << c : 0;
}

/** Vocabulary words per scan step (a few milliseconds for the slowest, fuzzy, scan). */
const SCAN_SLICE = 65536;

export function termKey(term: Term): string {
	return `${term.negate ? '!' : ''}${term.kind}:${term.text}`;
}

function rolesOf(term: Term): Role[] {
	const n = term.words.length;
	return term.words.map((_, j): Role => {
		switch (term.kind) {
			case 'fuzzy':
			case 'include':
				// A phrase ("a b") is those words in a row as typed, fuzzy or not: a typo budget per word
				// would find runs fuse.js cannot align.
				return n === 1
					? term.kind === 'fuzzy'
						? 'fuzzy'
						: 'include'
					: j === 0
						? 'suffix'
						: j === n - 1
							? 'prefix'
							: 'equal';
			case 'prefix':
				return j === n - 1 ? 'prefix' : 'equal';
			case 'suffix':
				return j === 0 ? 'suffix' : 'equal';
			default:
				return 'equal';
		}
	});
}

interface ScanEntry {
	role: Role;
	pattern: string;
	out: Uint8Array;
	ids: Uint32Array;
	coverage: number;
	/** The last query that used it. */
	query: number;
}

/** Scans kept besides those of the current query. */
const KEPT_SCANS = 24;

/**
 * Vocabulary scans, remembered so an extended word scans only what the shorter one matched. Every
 * scan of the current query is kept (one vocabulary-sized byte array per distinct word, so a query's
 * memory grows with its length, which the search line caps), plus the last few others: a key typed
 * at the end of a long query scans one word again, not all of them.
 */
export class ScanCache {
	private entries: ScanEntry[] = [];
	private query = 0;
	constructor(private readonly index: SearchIndex) {}

	idOf(word: string): number | undefined {
		return this.index.ids.get(word);
	}

	/** A new query starts: scans it does not use may go. */
	next(): void {
		this.query++;
	}

	*scan(role: Role, pattern: string): Generator<void, ScanEntry> {
		const {index} = this;
		const found = this.entries.find((e) => e.role === role && e.pattern === pattern);
		if (found) {
			found.query = this.query;
			return found;
		}
		// Not pooled: hits highlighted lazily read these long after the scan (rank.ts).
		const out = new Uint8Array(index.words.size);
		const typos = role === 'fuzzy' ? typoBudget(pattern.length) : 0;
		let ids: Uint32Array;
		const letter = role === 'fuzzy' || role === 'include' ? letterBit(pattern) : 0;
		if (role === 'equal') {
			const id = index.ids.get(pattern);
			ids = Uint32Array.from(id === undefined ? [] : [id]);
			if (id !== undefined) out[id] = 1;
		} else if (letter) {
			yield;
			ids = wordsWithLetter(index.wordLetters, letter, out);
		} else {
			const base = this.entries.find((e) => e.role === role && refinesPattern(role, pattern, e.pattern));
			yield;
			if (base && typos === 0) {
				ids = filterWords(index.words, base.ids, pattern, role === 'fuzzy' ? 'include' : role, out);
			} else {
				const lines = base ? linesOf(index.words, base.ids) : index.words;
				const matched = new Growable(256);
				const count = lines.starts.length - 1;
				for (let from = 0; from < count; from += SCAN_SLICE) {
					if (from > 0) yield;
					scanWords(lines, from, Math.min(count, from + SCAN_SLICE), pattern, role, typos, out, matched);
				}
				ids = matched.done();
			}
		}
		const coverage = occurrencesOf(index.counts, ids);
		const entry = {role, pattern, out, ids, coverage, query: this.query};
		this.entries.unshift(entry);
		const current = this.entries.filter((e) => e.query === this.query).length;
		while (this.entries.length > current + KEPT_SCANS) {
			// The oldest first, never one of this query's.
			const at = this.entries.findLastIndex((e) => e.query !== this.query);
			this.entries.splice(at, 1);
		}
		return entry;
	}
}

/** How often the words `ids` occur in the corpus (a plain function: a generator's `for…of` allocates). */
function occurrencesOf(counts: Uint32Array, ids: Uint32Array): number {
	let sum = 0;
	for (let i = 0; i < ids.length; i++) sum += counts[ids[i] as number] as number;
	return sum;
}

/** The words whose letters include `letter`, marked EXACT in `out`. */
function wordsWithLetter(wordLetters: Uint32Array, letter: number, out: Uint8Array): Uint32Array {
	const matched = new Growable(wordLetters.length);
	for (let w = 0; w < wordLetters.length; w++) {
		if ((wordLetters[w] as number) & letter) {
			out[w] = EXACT;
			matched.push(w);
		}
	}
	return matched.done();
}

/** Every word `pattern` matches in `role` also matched `shorter` (same typo budget for fuzzy). */
function refinesPattern(role: Role, pattern: string, shorter: string): boolean {
	switch (role) {
		case 'fuzzy':
			return pattern.startsWith(shorter) && typoBudget(pattern.length) === typoBudget(shorter.length);
		case 'include':
			return pattern.includes(shorter);
		case 'prefix':
			return pattern.startsWith(shorter);
		case 'suffix':
			return pattern.endsWith(shorter);
		default:
			return false;
	}
}

/** Match every distinct term of the query against the vocabulary. */
export function* compileTerms(
	query: ParsedQuery,
	cache: ScanCache,
): Generator<void, Map<string, CompiledTerm>> {
	const compiled = new Map<string, CompiledTerm>();
	cache.next();
	for (const group of query.groups) {
		for (const term of group) {
			const key = termKey(term);
			if (compiled.has(key)) continue;
			const roles: Uint8Array[] = [];
			const termRoles = rolesOf(term);
			let coverage = 0;
			let lastWords: Uint32Array = new Uint32Array(0);
			for (let j = 0; j < term.words.length; j++) {
				const entry = yield* cache.scan(termRoles[j] as Role, term.words[j] as string);
				roles.push(entry.out);
				coverage = entry.coverage;
				lastWords = entry.ids;
			}
			const verify =
				term.kind === 'prefix' || term.kind === 'suffix' || term.kind === 'exact' || term.words.length > 1;
			compiled.set(key, {
				term,
				key,
				verify,
				roles,
				coverage,
				lastWords,
				logs: logScores(term.text.length, term.kind === 'fuzzy'),
				whole: term.kind === 'fuzzy' && term.words.length === 1 ? (cache.idOf(term.text) ?? -1) : -1,
				letter: (term.kind === 'fuzzy' || term.kind === 'include') && !verify ? letterBit(term.text) : 0,
			});
		}
	}
	return compiled;
}

/** The best code with which `term` matches the word sequence `seq[from..to)`, or NO_MATCH. */
export function matchSequence(term: CompiledTerm, seq: Uint32Array, from: number, to: number): number {
	const {roles} = term;
	const n = roles.length;
	const length = to - from;
	if (length < n) return NO_MATCH;
	const at = (start: number): number => {
		let worst = 0;
		for (let j = 0; j < n; j++) {
			const code = (roles[j] as Uint8Array)[seq[from + start + j] as number] as number;
			if (code === NO_MATCH) return NO_MATCH;
			if (code > worst) worst = code;
		}
		// A phrase found is an exact match.
		return n === 1 ? worst : EXACT;
	};
	switch (term.term.kind) {
		case 'prefix':
			return at(0);
		case 'suffix':
			return at(length - n);
		case 'exact':
			return length === n ? at(0) : NO_MATCH;
		default: {
			let best = NO_MATCH;
			for (let start = 0; start + n <= length; start++) {
				const code = at(start);
				if (code !== NO_MATCH && (best === NO_MATCH || code < best)) best = code;
			}
			return best;
		}
	}
}

/**
 * How well one field matches one term for its score: fieldCode, or WHOLE when the field is just the
 * term's word.
 */
export function scoreCode(term: CompiledTerm, seq: Uint32Array, from: number, to: number): number {
	if (to - from === 1 && seq[from] === term.whole) return WHOLE;
	return fieldCode(term, seq, from, to);
}

/** How well one field matches one term: the best code over its words (or its sequence), else NO_MATCH. */
export function fieldCode(term: CompiledTerm, seq: Uint32Array, from: number, to: number): number {
	if (term.verify) return matchSequence(term, seq, from, to);
	const role = term.roles[0] as Uint8Array;
	// Branch-free minimum: NO_MATCH (0) wraps to 255, a code c to c - 1.
	let best = 255;
	for (let p = from; p < to; p++) {
		const c = ((role[seq[p] as number] as number) + 255) & 255;
		// biome-ignore lint/complexity/useMathMinMax: twice as fast as Math.min here (measured)
		best = c < best ? c : best;
	}
	return (best + 1) & 255;
}
