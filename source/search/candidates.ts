import {Growable} from './growable.js';
import {type Collection, FIELD_BITS, type Field, type Link, type Lists, type SearchIndex} from './index.js';
import type {Pool} from './pool.js';
import {type ParsedQuery, type Term, typoBudget} from './query.js';
import {EXACT, NO_MATCH} from './scan.js';
import {norm, WHOLE} from './score.js';
import {type CompiledTerm, fieldCode, matchSequence, scoreCode, termKey} from './terms.js';

/**
 * The candidate stage: exactly which records of a collection (quotes, events or eras) match a parsed
 * query, each with an estimate of the log of fuse.js's score (score.ts), from which the best are
 * handed to fuse.js. A side of the query is evaluated term by term, the term matching the fewest
 * words of the corpus first, each pass over the survivors of the last, so a query costs about one
 * pass over the records its rarest term allows. Passes are generators that yield every few thousand
 * records: the same code runs in one go (`search`) or in slices (`searchAsync`).
 */

export interface Evaluation {
	/** Matching records, ascending. */
	readonly matches: Uint32Array;
	/** Per match, the estimated log of its fuse.js score (lower is better; 32 bits halve the memory read). */
	readonly estimates: Float32Array;
	/** Pooled arrays under `matches` and `estimates`: give them back once the evaluation is no longer read. */
	readonly buffers: ReadonlyArray<Uint32Array | Float32Array>;
}

const SLICE = 32768;
/** The estimate of fuse.js's score 0 (its best), as the log of the smallest score it multiplies by. */
const NEGATIONS_ALONE = Math.log(Number.EPSILON);

/**
 * A term's log-score contribution from each entry of a linked table (a speaker's name and aliases,
 * an event title, a tag), worked out once per query: 0 when it does not match there, negative when
 * it does. NaN until worked out.
 */
class LinkParts {
	readonly values: Float32Array;
	/** After `all`: whether any entry matches (a link none of whose entries match adds nothing). */
	matched = true;
	/** Every entry worked out (by `all`). */
	private complete = false;
	constructor(
		private readonly link: Link,
		private readonly term: CompiledTerm,
		private readonly pool: Pool,
	) {
		this.values = pool.take(Float32Array, link.table.entryStart.length - 1).fill(Number.NaN);
	}

	release(): void {
		this.pool.give(this.values);
	}

	/** Values of the table with a word the term matches. */
	matching(): number {
		return postingsSize(this.link.table.postings, this.term.lastWords);
	}

	entry(e: number): number {
		const {entryStart} = this.link.table;
		this.values[e] = 0;
		scoreValues(this.link, this.term, this.values, entryStart[e] as number, entryStart[e + 1] as number);
		return this.values[e] as number;
	}

	/**
	 * Work out every entry: 0 for all, then each value that has a word the term matches, found from
	 * the postings, or, when most values have one, by reading every value once.
	 */
	*all(): Generator<void, void> {
		if (this.complete) return;
		this.complete = true;
		const {values, term, link} = this;
		const {postings, valueEntry} = link.table;
		values.fill(0);
		this.matched = this.matching() > 0;
		if (!this.matched) return;
		if (term.letter || this.matching() * 8 >= valueEntry.length) {
			for (let from = 0; from < valueEntry.length; from += SLICE) {
				if (from > 0) yield;
				scoreValues(link, term, values, from, Math.min(valueEntry.length, from + SLICE));
			}
			return;
		}
		// A value with several of the matched words is in several postings lists: scored once.
		const seen = this.pool.take(Uint8Array, valueEntry.length);
		for (let from = 0; from < term.lastWords.length; from = scoreListed(link, term, values, seen, from))
			yield;
		unsee(postings, term.lastWords, seen);
		this.pool.give(seen);
	}
}

/**
 * Score the values listed in the postings of the term's matched words, from word `from` on, for a
 * slice's worth of postings; the next word to do (a plain function: generators optimise poorly).
 */
function scoreListed(
	link: Link,
	term: CompiledTerm,
	parts: Float32Array,
	seen: Uint8Array,
	from: number,
): number {
	const {postings} = link.table;
	const {lastWords} = term;
	let read = 0;
	let w = from;
	for (; w < lastWords.length && read < SLICE * 2; w++) {
		const word = lastWords[w] as number;
		const end = postings.start[word + 1] as number;
		for (let p = postings.start[word] as number; p < end; p++) {
			const v = postings.items[p] as number;
			if (seen[v]) continue;
			seen[v] = 1;
			scoreValues(link, term, parts, v, v + 1);
		}
		read += end - (postings.start[word] as number);
	}
	return w;
}

/** Clear the marks of the values listed in the postings of `words`. */
function unsee(postings: Lists, words: Uint32Array, seen: Uint8Array): void {
	for (let w = 0; w < words.length; w++) {
		const word = words[w] as number;
		for (let p = postings.start[word] as number; p < (postings.start[word + 1] as number); p++)
			seen[postings.items[p] as number] = 0;
	}
}

/** Add the scores of values `from .. to` of a link's table to their entries' parts. */
function scoreValues(link: Link, term: CompiledTerm, parts: Float32Array, from: number, to: number): void {
	const {valueEntry, valueRole, valueStart, words, valueLetters} = link.table;
	const {weights} = link;
	const {letter} = term;
	for (let v = from; v < to; v++) {
		if (letter && !((valueLetters[v] as number) & letter)) continue;
		const start = valueStart[v] as number;
		const end = valueStart[v + 1] as number;
		// A letter in the value's mask is an exact match: no word need be read.
		const code = letter
			? end - start === 1 && words[start] === term.whole
				? WHOLE
				: EXACT
			: scoreCode(term, words, start, end);
		if (code === NO_MATCH) continue;
		const e = valueEntry[v] as number;
		parts[e] =
			(parts[e] as number) +
			(weights[valueRole[v] as number] as number) * norm(end - start) * (term.logs[code] as number);
	}
}

/** How many of a table's values have a word the term matches. */
function postingsSize(lists: Lists, words: Uint32Array): number {
	// A term's matched words are kept by the scan cache while it is typed: counted once per list.
	let known = sizes.get(words);
	if (!known) {
		known = new Map();
		sizes.set(words, known);
	}
	let size = known.get(lists);
	if (size === undefined) {
		size = 0;
		for (let w = 0; w < words.length; w++) {
			const word = words[w] as number;
			size += (lists.start[word + 1] as number) - (lists.start[word] as number);
		}
		known.set(lists, size);
	}
	return size;
}

const sizes = new WeakMap<Uint32Array, Map<Lists, number>>();

/** A term's contributions from every link of a collection. */
class TermParts {
	readonly links: LinkParts[];
	constructor(collection: Collection, term: CompiledTerm, pool: Pool) {
		this.links = collection.links.map((link) => new LinkParts(link, term, pool));
	}

	release(): void {
		for (const link of this.links) link.release();
	}
}

interface Pass {
	/** Records to look at, ascending; all when undefined. */
	ids: Uint32Array | undefined;
	estimates: Float32Array | undefined;
}

/**
 * The records of `universe` (all when undefined; only those marked in `allowed`, by record, when
 * given) that match, ascending, with their estimates.
 */
export function* evaluate(
	index: SearchIndex,
	collection: Collection,
	query: ParsedQuery,
	terms: ReadonlyMap<string, CompiledTerm>,
	universe: Uint32Array | undefined,
	pool: Pool,
	allowed?: Uint8Array,
): Generator<void, Evaluation> {
	const parts = new Map<string, TermParts>();
	const partsOf = (term: CompiledTerm) => {
		let found = parts.get(term.key);
		if (!found) {
			found = new TermParts(collection, term, pool);
			parts.set(term.key, found);
		}
		return found;
	};
	// Pooled arrays this evaluation holds; all go back to the pool but those under the result.
	const held = new Set<Uint32Array | Float32Array>();
	const take = <T extends Uint32Array | Float32Array>(make: new (length: number) => T): T => {
		const array = pool.take(make, collection.size);
		held.add(array);
		return array;
	};
	const context: PassContext = {index, collection, pool, take};
	let result: Evaluation | undefined;
	try {
		let union: {matches: Uint32Array; estimates: Float32Array} | undefined;
		const sides = query.groups.length === 0 ? [[]] : query.groups;
		for (const side of sides) {
			const compiled = side.map((term) => terms.get(termKey(term)) as CompiledTerm);
			const positive = compiled.filter((term) => !term.term.negate).sort((a, b) => a.coverage - b.coverage);
			const negative = compiled.filter((term) => term.term.negate);
			let pass: Pass = {ids: universe, estimates: undefined};
			const rarest = positive[0];
			// A rare term's postings say where it can be: marking those records costs about a posting
			// each, then every pass reads only them, instead of every record of the universe.
			if (
				rarest &&
				!rarest.letter &&
				seedSize(collection, rarest) < (universe?.length ?? collection.size) / 2
			) {
				pass = {ids: yield* seed(collection, rarest, partsOf(rarest), universe, pool), estimates: undefined};
			}
			if (allowed) pass = yield* filterPass(collection, pass, allowed);
			for (const term of positive) pass = yield* termPass(context, term, partsOf(term), pass, false);
			if (positive.length > 1 && pass.ids && pass.estimates)
				yield* togetherPass(collection, positive, pass.ids, pass.estimates);
			for (const term of negative) pass = yield* termPass(context, term, partsOf(term), pass, true);
			const ids = pass.ids ?? everyRecord(collection);
			// fuse.js scores a side of negations alone 0, its best: such records rank first here too.
			const estimates =
				positive.length === 0
					? new Float32Array(ids.length).fill(NEGATIONS_ALONE)
					: (pass.estimates ?? new Float32Array(ids.length));
			union = union ? mergeBest(union, {matches: ids, estimates}) : {matches: ids, estimates};
		}
		const {matches, estimates} = union as {matches: Uint32Array; estimates: Float32Array};
		const buffers = [...held].filter(
			(array) => array.buffer === matches.buffer || array.buffer === estimates.buffer,
		);
		result = {matches, estimates, buffers};
		return result;
	} finally {
		for (const found of parts.values()) found.release();
		for (const array of held) if (!result?.buffers.includes(array)) pool.give(array);
	}
}

/**
 * At most how many records `seed` would find for `term`: its words' postings in the collection's
 * fields, and in each linked table, two records per value.
 */
function seedSize(collection: Collection, term: CompiledTerm): number {
	let size = postingsSize(collection.postings, term.lastWords);
	for (const link of collection.links) size += holdersSize(link, term.lastWords);
	return size;
}

/**
 * At most how many records hold a table entry with one of `words`: a speaker's name brings all their
 * quotes. Counted once per list of words, like postingsSize.
 */
function holdersSize(link: Link, words: Uint32Array): number {
	let known = sizes.get(words);
	if (!known) {
		known = new Map();
		sizes.set(words, known);
	}
	let size = known.get(link.holders);
	if (size === undefined) {
		size = 0;
		const {postings, valueEntry} = link.table;
		const {start} = link.holders;
		for (let w = 0; w < words.length; w++) {
			const word = words[w] as number;
			for (let p = postings.start[word] as number; p < (postings.start[word + 1] as number); p++) {
				const entry = valueEntry[postings.items[p] as number] as number;
				size += (start[entry + 1] as number) - (start[entry] as number);
			}
		}
		known.set(link.holders, size);
	}
	return size;
}

/**
 * The records (of `universe`, when given) where `term` may match: those with one of the words its
 * last word matches in a field, or linked to a table entry that matches. The passes then decide
 * on each.
 */
function* seed(
	collection: Collection,
	term: CompiledTerm,
	parts: TermParts,
	universe: Uint32Array | undefined,
	pool: Pool,
): Generator<void, Uint32Array> {
	// Taken all zeros, given back all zeros.
	const marks = pool.take(Uint8Array, collection.size);
	markFields(collection, term, marks);
	yield;
	for (let l = 0; l < collection.links.length; l++) {
		const linkParts = parts.links[l] as LinkParts;
		if (linkParts.matching() === 0) continue;
		yield* linkParts.all();
		markHolders(collection.links[l] as Link, linkParts, marks);
	}
	yield;
	const out = marked(marks, universe);
	marks.fill(0);
	pool.give(marks);
	return out;
}

// The loops of `seed`, in plain functions: in a generator each step of a `for…of` allocates.

function markFields(collection: Collection, term: CompiledTerm, marks: Uint8Array): void {
	const {start, items} = collection.postings;
	const {lastWords} = term;
	for (let w = 0; w < lastWords.length; w++) {
		const word = lastWords[w] as number;
		for (let p = start[word] as number, end = start[word + 1] as number; p < end; p++)
			marks[(items[p] as number) >>> FIELD_BITS] = 1;
	}
}

/** Mark the records linked to an entry of the link's table that the term matches (its parts all worked out). */
function markHolders(link: Link, parts: LinkParts, marks: Uint8Array): void {
	const {holders} = link;
	const {values} = parts;
	for (let entry = 0; entry < values.length; entry++) {
		if (!((values[entry] as number) < 0)) continue;
		for (let h = holders.start[entry] as number, last = holders.start[entry + 1] as number; h < last; h++)
			marks[holders.items[h] as number] = 1;
	}
}

/** The records marked (of `universe`, when given), ascending. */
function marked(marks: Uint8Array, universe: Uint32Array | undefined): Uint32Array {
	const out = new Growable();
	if (universe) {
		for (let i = 0; i < universe.length; i++)
			if (marks[universe[i] as number]) out.push(universe[i] as number);
	} else {
		for (let r = 0; r < marks.length; r++) if (marks[r]) out.push(r);
	}
	return out.done();
}

/** The records of `pass` that `allowed` marks (a filtered timeline, `@name`, `#tag`). */
function* filterPass(collection: Collection, pass: Pass, allowed: Uint8Array): Generator<void, Pass> {
	const {ids} = pass;
	const count = ids ? ids.length : collection.size;
	const out = new Uint32Array(count);
	let found = 0;
	for (let i = 0; i < count; i++) {
		const r = ids ? (ids[i] as number) : i;
		if (allowed[r] === 1) out[found++] = r;
		if ((i & (SLICE * 8 - 1)) === SLICE * 8 - 1) yield;
	}
	return {ids: out.subarray(0, found), estimates: pass.estimates && new Float32Array(found)};
}

/**
 * When every term of a side is in a record's first field (a quote's text, an event's title),
 * rank.ts asks fuse.js for them together there (as plain fuse.js does), which scores the record
 * once more: the mean of the terms' scores there, to the field's weight and norm. Added here to the
 * estimates, so those records are picked.
 */
function* togetherPass(
	collection: Collection,
	terms: readonly CompiledTerm[],
	ids: Uint32Array,
	estimates: Float32Array,
): Generator<void, void> {
	const {start, words, weight} = collection.fields[0] as Field;
	for (let from = 0; from < ids.length; from += SLICE) {
		if (from > 0) yield;
		const to = Math.min(ids.length, from + SLICE);
		for (let i = from; i < to; i++) {
			const r = ids[i] as number;
			const fieldFrom = start[r] as number;
			const fieldTo = start[r + 1] as number;
			let sum = 0;
			for (const term of terms) {
				const code = fieldCode(term, words, fieldFrom, fieldTo);
				if (code === NO_MATCH) {
					sum = Number.NaN;
					break;
				}
				sum += Math.exp(term.logs[code] as number);
			}
			if (!Number.isNaN(sum)) {
				estimates[i] =
					(estimates[i] as number) + weight * norm(fieldTo - fieldFrom) * Math.log(sum / terms.length);
			}
		}
	}
}

interface PassContext {
	readonly index: SearchIndex;
	readonly collection: Collection;
	readonly pool: Pool;
	readonly take: <T extends Uint32Array | Float32Array>(make: new (length: number) => T) => T;
}

/**
 * Keep the records of `pass` that `term` matches (or, negated, does not), adding to the estimates.
 *
 * How a field's code is found: reading the record's words (stopping at the first exact match), or,
 * when that would read more, from the postings of the words the term matches, written per record
 * and field into a scratch array first. On the first letters of a query most records match: the
 * early stop makes reading cheap for a common letter, the postings for a rarer pair of letters.
 */
function* termPass(
	context: PassContext,
	term: CompiledTerm,
	parts: TermParts,
	pass: Pass,
	negate: boolean,
): Generator<void, Pass> {
	const {index, collection, pool, take} = context;
	// Always typed arrays (never undefined) keep the hot loop monomorphic: measured 1.6× faster.
	const ids = pass.ids ?? everyRecord(collection);
	const estimates = pass.estimates ?? zeros(collection);
	const count = ids.length;
	// Every entry at once when most will be needed, or when few match: one pass over the postings
	// beats a cache miss per record.
	for (const link of parts.links) {
		if (count >= link.values.length / 4 || link.matching() < count) yield* link.all();
	}
	const codes = scatterCheaper(index, collection, term, count)
		? yield* scatter(collection, term, pool)
		: undefined;
	const out = take(Uint32Array);
	const outEstimates = take(Float32Array);
	const acc = pool.take(Float64Array, SLICE);
	let found = 0;
	try {
		for (let from = 0; from < count; from += SLICE) {
			if (from > 0) yield;
			const to = Math.min(count, from + SLICE);
			found = passRange(
				collection,
				term,
				parts,
				codes,
				negate,
				ids,
				estimates,
				from,
				to,
				acc,
				out,
				outEstimates,
				found,
			);
		}
	} finally {
		pool.give(acc);
		if (codes) {
			codes.fill(0);
			pool.give(codes);
		}
	}
	return {ids: out.subarray(0, found), estimates: outEstimates.subarray(0, found)};
}

/** Whether reading the postings of the term's words costs less than reading `count` records. */
function scatterCheaper(
	index: SearchIndex,
	collection: Collection,
	term: CompiledTerm,
	count: number,
): boolean {
	// Reading stops at the first exact match: on average after words / (words the term matches).
	const reads = term.verify
		? collection.wordsPerRecord
		: Math.min(collection.wordsPerRecord, index.occurrences / Math.max(1, term.coverage));
	const scatter = postingsSize(collection.postings, term.lastWords) + ((collection.size << FIELD_BITS) >> 5);
	return scatter < count * reads;
}

/**
 * Per `record << FIELD_BITS | field`, the best code of the words of that field the term matches
 * (for a phrase or an anchored term, only that the field may match: the pass verifies it). Pooled:
 * give it back zeroed.
 */
function* scatter(collection: Collection, term: CompiledTerm, pool: Pool): Generator<void, Uint8Array> {
	const codes = pool.take(Uint8Array, collection.size << FIELD_BITS);
	for (let from = 0; from < term.lastWords.length; from = scatterSlice(collection, term, codes, from)) yield;
	return codes;
}

/** Scatter the postings of the term's matched words from word `from` on, a slice's worth; the next word. */
function scatterSlice(collection: Collection, term: CompiledTerm, codes: Uint8Array, from: number): number {
	const {start, items} = collection.postings;
	const {lastWords} = term;
	const role = term.roles[term.roles.length - 1] as Uint8Array;
	let read = 0;
	let w = from;
	for (; w < lastWords.length && read < SLICE * 4; w++) {
		const word = lastWords[w] as number;
		const code = role[word] as number;
		const end = start[word + 1] as number;
		for (let p = start[word] as number; p < end; p++) {
			const item = items[p] as number;
			const was = codes[item] as number;
			if (was === NO_MATCH || code < was) codes[item] = code;
		}
		read += end - (start[word] as number);
	}
	return w;
}

const everyRecordCache = new WeakMap<Collection, Uint32Array>();
const zerosCache = new WeakMap<Collection, Float32Array>();

function everyRecord(collection: Collection): Uint32Array {
	let all = everyRecordCache.get(collection);
	if (!all) {
		all = new Uint32Array(collection.size);
		for (let r = 0; r < all.length; r++) all[r] = r;
		everyRecordCache.set(collection, all);
	}
	return all;
}

function zeros(collection: Collection): Float32Array {
	let all = zerosCache.get(collection);
	if (!all) {
		all = new Float32Array(collection.size);
		zerosCache.set(collection, all);
	}
	return all;
}

/**
 * The hot loops, in plain functions (V8 optimises generators less well), a column at a time: each
 * field, then each link, adds its part for every record of the slice into `acc`, then the slice is
 * kept or dropped by the sum. A short loop per column runs faster than one loop over the records
 * that visits every column (measured: about 1.5× on events). Returns the new `found`.
 */
function passRange(
	collection: Collection,
	term: CompiledTerm,
	parts: TermParts,
	codes: Uint8Array | undefined,
	negate: boolean,
	ids: Uint32Array,
	estimates: Float32Array,
	from: number,
	to: number,
	acc: Float64Array,
	out: Uint32Array,
	outEstimates: Float32Array,
	found: number,
): number {
	acc.fill(0, 0, to - from);
	const {fields, links} = collection;
	for (let f = 0; f < fields.length; f++) {
		const field = fields[f] as Field;
		if (term.letter) letterColumn(field, term, ids, from, to, acc);
		else if (codes) codeColumn(field, f, term, codes, ids, from, to, acc);
		else if (term.verify) verifyColumn(field, term, ids, from, to, acc);
		else scanColumn(field, term, ids, from, to, acc);
	}
	for (let l = 0; l < links.length; l++) {
		const linkParts = parts.links[l] as LinkParts;
		if (linkParts.matched) linkColumn(links[l] as Link, linkParts, ids, from, to, acc);
	}
	let next = found;
	for (let i = from; i < to; i++) {
		const part = acc[i - from] as number;
		// Every matching field adds a negative log; nothing matched leaves 0.
		if (part < 0 !== negate) {
			out[next] = ids[i] as number;
			outEstimates[next++] = (estimates[i] as number) + (negate ? 0 : part);
		}
	}
	return next;
}

/** A field's part, its code read word by word, stopping at the first exact match. */
function scanColumn(
	field: Field,
	term: CompiledTerm,
	ids: Uint32Array,
	from: number,
	to: number,
	acc: Float64Array,
): void {
	const {start, words, weight} = field;
	const {logs, whole} = term;
	const role = term.roles[0] as Uint8Array;
	for (let i = from; i < to; i++) {
		const r = ids[i] as number;
		const a = start[r] as number;
		const b = start[r + 1] as number;
		let code = NO_MATCH;
		for (let p = a; p < b; p++) {
			const c = role[words[p] as number] as number;
			if (c !== NO_MATCH && (code === NO_MATCH || c < code)) {
				code = c;
				// Exact matches all score the same (score.ts): the first one settles it. On the first
				// letters of a query most records match, and this reads two words of them, not twenty.
				if (c <= EXACT) break;
			}
		}
		if (code === NO_MATCH) continue;
		if (b - a === 1 && words[a] === whole) code = WHOLE;
		acc[i - from] = (acc[i - from] as number) + weight * norm(b - a) * (logs[code] as number);
	}
}

/** A one-letter term's part, from the field's letters: an exact match wherever the letter is. */
function letterColumn(
	field: Field,
	term: CompiledTerm,
	ids: Uint32Array,
	from: number,
	to: number,
	acc: Float64Array,
): void {
	const {letters, scale, only} = field;
	const {logs, whole, letter} = term;
	for (let i = from; i < to; i++) {
		const r = ids[i] as number;
		if (!((letters[r] as number) & letter)) continue;
		const code = only[r] === whole ? WHOLE : EXACT;
		acc[i - from] = (acc[i - from] as number) + (scale[r] as number) * (logs[code] as number);
	}
}

/** A phrase or anchored term's part, decided on the field's word sequence. */
function verifyColumn(
	field: Field,
	term: CompiledTerm,
	ids: Uint32Array,
	from: number,
	to: number,
	acc: Float64Array,
): void {
	const {start, words, weight} = field;
	for (let i = from; i < to; i++) {
		const r = ids[i] as number;
		const a = start[r] as number;
		const b = start[r + 1] as number;
		if (a === b) continue;
		const code = matchSequence(term, words, a, b);
		if (code !== NO_MATCH)
			acc[i - from] = (acc[i - from] as number) + weight * norm(b - a) * (term.logs[code] as number);
	}
}

/** A field's part from the codes scattered from the postings (verified for a phrase or anchor). */
function codeColumn(
	field: Field,
	f: number,
	term: CompiledTerm,
	codes: Uint8Array,
	ids: Uint32Array,
	from: number,
	to: number,
	acc: Float64Array,
): void {
	const {start, words, scale, only} = field;
	const {logs, whole, verify} = term;
	for (let i = from; i < to; i++) {
		const r = ids[i] as number;
		let code = codes[(r << FIELD_BITS) | f] as number;
		if (code === NO_MATCH) continue;
		if (verify) {
			code = matchSequence(term, words, start[r] as number, start[r + 1] as number);
			if (code === NO_MATCH) continue;
		} else if (only[r] === whole) code = WHOLE;
		acc[i - from] = (acc[i - from] as number) + (scale[r] as number) * (logs[code] as number);
	}
}

/** A link's part: the parts of the record's entries, each worked out when first needed. */
function linkColumn(
	link: Link,
	parts: LinkParts,
	ids: Uint32Array,
	from: number,
	to: number,
	acc: Float64Array,
): void {
	const {start, list} = link;
	const {values} = parts;
	if (link.single) {
		for (let i = from; i < to; i++) {
			const e = list[ids[i] as number] as number;
			const value = values[e] as number;
			acc[i - from] = (acc[i - from] as number) + (Number.isNaN(value) ? parts.entry(e) : value);
		}
		return;
	}
	for (let i = from; i < to; i++) {
		const r = ids[i] as number;
		let part = 0;
		for (let p = start[r] as number, end = start[r + 1] as number; p < end; p++) {
			const e = list[p] as number;
			const value = values[e] as number;
			part += Number.isNaN(value) ? parts.entry(e) : value;
		}
		acc[i - from] = (acc[i - from] as number) + part;
	}
}

/** Union of two ascending match lists; a record on both sides keeps its better estimate. */
function mergeBest(
	a: {matches: Uint32Array; estimates: Float32Array},
	b: {matches: Uint32Array; estimates: Float32Array},
): {matches: Uint32Array; estimates: Float32Array} {
	const matches = new Uint32Array(a.matches.length + b.matches.length);
	const estimates = new Float32Array(matches.length);
	let i = 0;
	let j = 0;
	let n = 0;
	while (i < a.matches.length || j < b.matches.length) {
		const x = i < a.matches.length ? (a.matches[i] as number) : Number.POSITIVE_INFINITY;
		const y = j < b.matches.length ? (b.matches[j] as number) : Number.POSITIVE_INFINITY;
		if (x < y) {
			matches[n] = x;
			estimates[n++] = a.estimates[i++] as number;
		} else if (y < x) {
			matches[n] = y;
			estimates[n++] = b.estimates[j++] as number;
		} else {
			matches[n] = x;
			estimates[n++] = Math.min(a.estimates[i++] as number, b.estimates[j++] as number);
		}
	}
	return {matches: matches.slice(0, n), estimates: estimates.slice(0, n)};
}

/** The new query matches a subset of what `previous` matched, so it may search only those. */
export function narrows(query: ParsedQuery, previous: ParsedQuery): boolean {
	const kept = (now: readonly string[], before: readonly string[]) =>
		now.length >= before.length && before.every((name, i) => (now[i] as string).includes(name));
	if (!kept(query.speakers, previous.speakers) || !kept(query.tags, previous.tags)) return false;
	// Only `@name` or `#tag` before: any terms now narrow those records further.
	if (previous.groups.length === 0) return previous.speakers.length > 0 || previous.tags.length > 0;
	if (query.groups.length !== previous.groups.length) return false;
	return previous.groups.every((terms, g) => {
		const next = query.groups[g] as readonly Term[];
		return next.length >= terms.length && terms.every((term, i) => termNarrows(next[i] as Term, term));
	});
}

function termNarrows(term: Term, previous: Term): boolean {
	if (term.kind !== previous.kind || term.negate !== previous.negate) return false;
	if (term.negate || term.kind === 'exact') return term.text === previous.text;
	switch (term.kind) {
		case 'fuzzy':
			return term.words.length === 1 && previous.words.length === 1
				? term.text.startsWith(previous.text) &&
						typoBudget(term.text.length) === typoBudget(previous.text.length)
				: term.text === previous.text;
		case 'include':
			return term.text.includes(previous.text);
		case 'prefix':
			return term.text.startsWith(previous.text);
		default:
			return term.text.endsWith(previous.text);
	}
}

/**
 * The `count` matches with the lowest estimates (ties to the earlier record), in no particular
 * order; all of them when there are no more than `count`.
 */
export function selectBest(
	evaluation: Evaluation,
	count: number,
	pool: Pool,
): {ids: Uint32Array; estimates: Float32Array} {
	const {matches, estimates} = evaluation;
	if (matches.length <= count) return {ids: matches, estimates};
	if (count <= HEAP_LIMIT) return heapSelect(matches, estimates, count);
	// Pooled by powers of two, so that lists of about the same length share one.
	const whole = pool.take(Float32Array, 2 ** Math.ceil(Math.log2(estimates.length)));
	const scratch = whole.subarray(0, estimates.length);
	scratch.set(estimates);
	const cut = kthSmallest(scratch, count);
	pool.give(whole);
	const ids = new Uint32Array(count);
	const picked = new Float32Array(count);
	let size = 0;
	for (let i = 0; i < matches.length && size < count; i++) {
		if ((estimates[i] as number) < cut) {
			ids[size] = matches[i] as number;
			picked[size++] = estimates[i] as number;
		}
	}
	for (let i = 0; i < matches.length && size < count; i++) {
		if (estimates[i] === cut) {
			ids[size] = matches[i] as number;
			picked[size++] = cut;
		}
	}
	return {ids, estimates: picked};
}

/** Up to this many, the best are kept in a heap in one pass; more, by quickselect. */
const HEAP_LIMIT = 1024;

/**
 * The `count` lowest estimates in one pass: a max-heap of the best so far, which most matches fail
 * to enter with a single comparison (a few thousand of a million get in). Ties go to the earlier
 * record: a later one with the same estimate never displaces it.
 */
function heapSelect(
	matches: Uint32Array,
	estimates: Float32Array,
	count: number,
): {ids: Uint32Array; estimates: Float32Array} {
	const ids = new Uint32Array(count);
	const values = new Float32Array(count);
	// Heap positions hold match positions; the worst kept (highest estimate, then latest) on top.
	const heap = new Uint32Array(count);
	const worse = (a: number, b: number) =>
		(estimates[a] as number) > (estimates[b] as number) || (estimates[a] === estimates[b] && a > b);
	const siftDown = (at: number) => {
		let i = at;
		for (;;) {
			const left = 2 * i + 1;
			if (left >= count) return;
			const right = left + 1;
			const top = right < count && worse(heap[right] as number, heap[left] as number) ? right : left;
			if (!worse(heap[top] as number, heap[i] as number)) return;
			const swap = heap[i] as number;
			heap[i] = heap[top] as number;
			heap[top] = swap;
			i = top;
		}
	};
	for (let i = 0; i < count; i++) heap[i] = i;
	for (let i = (count >> 1) - 1; i >= 0; i--) siftDown(i);
	for (let i = count; i < matches.length; i++) {
		if ((estimates[i] as number) < (estimates[heap[0] as number] as number)) {
			heap[0] = i;
			siftDown(0);
		}
	}
	for (let k = 0; k < count; k++) {
		const at = heap[k] as number;
		ids[k] = matches[at] as number;
		values[k] = estimates[at] as number;
	}
	return {ids, estimates: values};
}

/** The k-th smallest value (1-based) of `values`, which it reorders (Hoare's quickselect). */
function kthSmallest(values: Float32Array, k: number): number {
	let low = 0;
	let high = values.length - 1;
	const target = k - 1;
	while (low < high) {
		const pivot = values[(low + high) >> 1] as number;
		let i = low;
		let j = high;
		while (i <= j) {
			while ((values[i] as number) < pivot) i++;
			while ((values[j] as number) > pivot) j--;
			if (i <= j) {
				const swap = values[i] as number;
				values[i] = values[j] as number;
				values[j] = swap;
				i++;
				j--;
			}
		}
		if (target <= j) high = j;
		else if (target >= i) low = i;
		else return values[target] as number;
	}
	return values[target] as number;
}
