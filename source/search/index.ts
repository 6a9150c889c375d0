import type {Actor, Dataset, Quote} from '../dataset/model.js';
import {sanitize} from '../text/sanitize.js';
import {foldText} from './fold.js';
import {Growable} from './growable.js';
import {Vocabulary, type WordLookup} from './vocabulary.js';

/**
 * The candidate stage's index, built once per dataset. Every searched field is folded (fold.ts) and
 * split on spaces into words; each distinct word gets an id, the commonest the smallest. What is
 * kept is numbers in typed arrays, not strings per quote:
 *
 * - the vocabulary: every distinct word once, joined by newlines into one string that a query scans
 *   in milliseconds (a million quotes have ~10⁵ distinct words, not 10⁸ characters);
 * - a forward index: each quote's text as the ids of its words, in order (for phrases and anchors);
 * - postings: for each word, the quotes and event titles that have it; for each event and speaker,
 *   its quotes (a rare term starts from those instead of reading every quote);
 * - each quote's speaker and events as small integers, and the words of every speaker name, alias
 *   and event title, so a query works those out once per speaker or event, not once per quote.
 *
 * Memory: about 9 bytes per word of text (forward index and postings) plus the vocabulary.
 */

export interface FieldWords {
	/** Word ids in order. */
	readonly words: Uint32Array;
}

export interface SpeakerEntry {
	readonly actor: Actor;
	readonly name: FieldWords;
	readonly aliases: readonly FieldWords[];
	/** Folded name, aliases and id, for `@name`. */
	readonly keys: readonly string[];
}

export interface QuoteIndex {
	readonly quotes: readonly Quote[];
	/** Word id → folded word. */
	readonly words: readonly string[];
	readonly ids: WordLookup;
	/** `\n` + the words joined by `\n` + `\n`: word i starts at `wordStarts[i]`. */
	readonly vocabulary: string;
	readonly wordStarts: Uint32Array;
	/** Quote i's text words are `textWords[textStart[i] .. textStart[i + 1])`. */
	readonly textStart: Uint32Array;
	readonly textWords: Uint32Array;
	/** Quote → speaker slot in `speakers`. */
	readonly speakerOf: Uint32Array;
	readonly speakers: readonly SpeakerEntry[];
	/** Quote i's events (indices in `Dataset.events`) are `eventList[eventStart[i] .. eventStart[i + 1])`. */
	readonly eventStart: Uint32Array;
	readonly eventList: Uint32Array;
	/** Event e's title words are `titleWords[titleStart[e] .. titleStart[e + 1])`. */
	readonly titleStart: Uint32Array;
	readonly titleWords: Uint32Array;
	/** Per word: its occurrences in quote texts and event titles. */
	readonly counts: Uint32Array;
	/** Word → quotes whose text has it; word → events whose title has it. */
	readonly textPostings: Lists;
	readonly titlePostings: Lists;
	/** Event → its quotes; speaker slot → its quotes. */
	readonly eventQuotes: Lists;
	readonly speakerQuotes: Lists;
}

/** The quote text as drawn on screen: what is indexed, and what match ranges point into. */
export function quoteDisplayText(quote: Quote): string {
	return sanitize(quote.text);
}

/** Chunk sizes between yields: each a millisecond or two at any corpus size. */
const QUOTES_PER_STEP = 512;
const ITEMS_PER_STEP = 1 << 18;

/**
 * Build the index in steps: yields the number of quotes done so far every millisecond or so, so a
 * caller can spread the work over event-loop turns (loadQuoteSearcher) or run it in one go. The
 * loops live in plain functions called once per step: V8 optimises generator bodies poorly, and a
 * loop left in one ran 50× slower at a million quotes (measured).
 */
export function* buildIndex(dataset: Dataset): Generator<number, QuoteIndex> {
	const {events, quotes} = dataset;
	const reader = new WordReader();
	const titleStart = new Uint32Array(events.length + 1);
	const titles = new Growable();
	for (let e = 0; e < events.length; e += QUOTES_PER_STEP) {
		readTitles(reader, events, e, Math.min(events.length, e + QUOTES_PER_STEP), titleStart, titles);
		yield 0;
	}
	const titleIds = titles.done();

	const textStart = new Uint32Array(quotes.length + 1);
	const text = new Growable();
	const speakerOf = new Uint32Array(quotes.length);
	const eventStart = new Uint32Array(quotes.length + 1);
	const eventList = new Growable();
	for (let q = 0; q < quotes.length; q += QUOTES_PER_STEP) {
		const to = Math.min(quotes.length, q + QUOTES_PER_STEP);
		readQuotes(reader, quotes, q, to, {textStart, text, speakerOf, eventStart, eventList});
		yield to;
	}
	const textIds = text.done();
	const eventIds = eventList.done();
	const progress = quotes.length;

	// Renumber words by frequency, most frequent first: per-query arrays indexed by word id are then
	// read mostly in their first few kilobytes, which stay in cache (Zipf: the 1000 commonest words are
	// most of any text).
	const {vocabulary, speakers} = reader;
	const words = vocabulary.words();
	yield progress;
	const counts = new Uint32Array(words.length);
	for (let i = 0; i < textIds.length; i += ITEMS_PER_STEP) {
		count(textIds, i, Math.min(textIds.length, i + ITEMS_PER_STEP), counts);
		yield progress;
	}
	count(titleIds, 0, titleIds.length, counts);
	const {order, renumber} = frequencyOrder(counts);
	yield progress;
	for (const array of [textIds, titleIds]) {
		for (let i = 0; i < array.length; i += ITEMS_PER_STEP) {
			remap(array, i, Math.min(array.length, i + ITEMS_PER_STEP), renumber);
			yield progress;
		}
	}
	for (const speaker of speakers) {
		remap(speaker.name.words, 0, speaker.name.words.length, renumber);
		for (const alias of speaker.aliases) remap(alias.words, 0, alias.words.length, renumber);
	}
	const sorted = Array.from(order, (id) => words[id] as string);
	const ids = vocabulary.finish(renumber, sorted);
	yield progress;
	const wordStarts = new Uint32Array(sorted.length + 1);
	let offset = 1;
	for (let i = 0; i < sorted.length; i++) {
		wordStarts[i] = offset;
		offset += (sorted[i] as string).length + 1;
	}
	wordStarts[sorted.length] = offset;
	const sortedCounts = Uint32Array.from(order, (id) => counts[id] as number);
	yield progress;
	const joined = `\n${sorted.join('\n')}\n`;
	yield progress;

	const everyQuote = new Uint32Array(quotes.length + 1);
	for (let q = 0; q <= quotes.length; q++) everyQuote[q] = q;
	return {
		quotes,
		words: sorted,
		ids,
		vocabulary: joined,
		wordStarts,
		textStart,
		textWords: textIds,
		speakerOf,
		speakers,
		eventStart,
		eventList: eventIds,
		titleStart,
		titleWords: titleIds,
		counts: sortedCounts,
		textPostings: yield* invert(textStart, textIds, sorted.length, progress),
		titlePostings: yield* invert(titleStart, titleIds, sorted.length, progress),
		eventQuotes: yield* invert(eventStart, eventIds, events.length, progress),
		speakerQuotes: yield* invert(everyQuote, speakerOf, speakers.length, progress),
	};
}

/** Folds texts into word ids, and speakers into slots. */
class WordReader {
	readonly vocabulary = new Vocabulary();
	readonly speakers: SpeakerEntry[] = [];
	private readonly slots = new Map<Actor, number>();

	/** Push the ids of the words of `text` (folded, split on its single spaces). */
	push(text: string, into: Growable): void {
		const folded = foldText(sanitize(text));
		for (let from = 0; from < folded.length; ) {
			let to = folded.indexOf(' ', from);
			if (to === -1) to = folded.length;
			into.push(this.vocabulary.idOf(folded, from, to));
			from = to + 1;
		}
	}

	wordsOf(text: string): Uint32Array {
		const list = new Growable(16);
		this.push(text, list);
		return list.done();
	}

	slotOf(actor: Actor): number {
		let slot = this.slots.get(actor);
		if (slot === undefined) {
			slot = this.speakers.length;
			this.speakers.push({
				actor,
				name: {words: this.wordsOf(actor.name)},
				aliases: (actor.aliases ?? []).map((alias) => ({words: this.wordsOf(alias)})),
				keys: [actor.name, ...(actor.aliases ?? []), actor.id].map((key) => foldText(sanitize(key))),
			});
			this.slots.set(actor, slot);
		}
		return slot;
	}
}

function readTitles(
	reader: WordReader,
	events: Dataset['events'],
	from: number,
	to: number,
	titleStart: Uint32Array,
	titles: Growable,
): void {
	for (let e = from; e < to; e++) {
		reader.push((events[e] as Dataset['events'][number]).title, titles);
		titleStart[e + 1] = titles.length;
	}
}

interface QuoteArrays {
	textStart: Uint32Array;
	text: Growable;
	speakerOf: Uint32Array;
	eventStart: Uint32Array;
	eventList: Growable;
}

function readQuotes(
	reader: WordReader,
	quotes: readonly Quote[],
	from: number,
	to: number,
	into: QuoteArrays,
): void {
	const {textStart, text, speakerOf, eventStart, eventList} = into;
	for (let q = from; q < to; q++) {
		const quote = quotes[q] as Quote;
		reader.push(quote.text, text);
		textStart[q + 1] = text.length;
		speakerOf[q] = reader.slotOf(quote.speaker);
		for (const event of quote.events) eventList.push(event.index);
		eventStart[q + 1] = eventList.length;
	}
}

function count(ids: Uint32Array, from: number, to: number, counts: Uint32Array): void {
	for (let i = from; i < to; i++) {
		const id = ids[i] as number;
		counts[id] = (counts[id] as number) + 1;
	}
}

function remap(ids: Uint32Array, from: number, to: number, renumber: Uint32Array): void {
	for (let i = from; i < to; i++) ids[i] = renumber[ids[i] as number] as number;
}

/** Word ids by falling frequency (ties in first-seen order), and each word's rank in that order. */
function frequencyOrder(counts: Uint32Array): {order: Uint32Array; renumber: Uint32Array} {
	// A numeric typed-array sort (no comparator, several times faster): rarer words get larger keys.
	const keys = new Float64Array(counts.length);
	let most = 0;
	for (const n of counts) most = Math.max(most, n);
	for (let id = 0; id < counts.length; id++) keys[id] = (most - (counts[id] as number)) * 2 ** 24 + id;
	keys.sort();
	const order = new Uint32Array(counts.length);
	const renumber = new Uint32Array(counts.length);
	for (let rank = 0; rank < order.length; rank++) {
		const id = (keys[rank] as number) % 2 ** 24;
		order[rank] = id;
		renumber[id] = rank;
	}
	return {order, renumber};
}

/** Lists stored end to end: list i is `items[start[i] .. start[i + 1])`. */
export interface Lists {
	readonly start: Uint32Array;
	readonly items: Uint32Array;
}

/**
 * Invert `owner → keys` lists (owner i's keys are `keys[start[i] .. start[i + 1])`) into
 * `key → owners`, each owner once per key, ascending.
 */
function* invert(
	start: Uint32Array,
	keys: Uint32Array,
	keyCount: number,
	progress: number,
): Generator<number, Lists> {
	const owners = start.length - 1;
	const step = Math.max(1, Math.floor((ITEMS_PER_STEP * owners) / Math.max(1, keys.length)));
	const sizes = new Uint32Array(keyCount + 1);
	const last = new Int32Array(keyCount).fill(-1);
	for (let owner = 0; owner < owners; owner += step) {
		countKeys(start, keys, owner, Math.min(owners, owner + step), last, sizes);
		yield progress;
	}
	for (let key = 0; key < keyCount; key++)
		sizes[key + 1] = (sizes[key + 1] as number) + (sizes[key] as number);
	const items = new Uint32Array(sizes[keyCount] as number);
	const cursor = sizes.slice(0, keyCount);
	last.fill(-1);
	yield progress;
	for (let owner = 0; owner < owners; owner += step) {
		placeOwners(start, keys, owner, Math.min(owners, owner + step), last, cursor, items);
		yield progress;
	}
	return {start: sizes, items};
}

function countKeys(
	start: Uint32Array,
	keys: Uint32Array,
	from: number,
	to: number,
	last: Int32Array,
	sizes: Uint32Array,
): void {
	for (let owner = from; owner < to; owner++) {
		for (let p = start[owner] as number, end = start[owner + 1] as number; p < end; p++) {
			const key = keys[p] as number;
			if (last[key] !== owner) {
				last[key] = owner;
				sizes[key + 1] = (sizes[key + 1] as number) + 1;
			}
		}
	}
}

function placeOwners(
	start: Uint32Array,
	keys: Uint32Array,
	from: number,
	to: number,
	last: Int32Array,
	cursor: Uint32Array,
	items: Uint32Array,
): void {
	for (let owner = from; owner < to; owner++) {
		for (let p = start[owner] as number, end = start[owner + 1] as number; p < end; p++) {
			const key = keys[p] as number;
			if (last[key] !== owner) {
				last[key] = owner;
				const at = cursor[key] as number;
				items[at] = owner;
				cursor[key] = at + 1;
			}
		}
	}
}
