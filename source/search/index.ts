import type {Actor, Dataset, Quote} from '../dataset/model.js';
import {sanitize} from '../text/sanitize.js';
import {fold} from './fold.js';

/**
 * The candidate stage's index, built once per dataset. Every searched field is folded (fold.ts) and
 * split on spaces into words; each distinct word gets an id. What is kept is numbers in typed
 * arrays, not strings per quote:
 *
 * - the vocabulary: every distinct word once, joined by newlines into one string that a query scans
 *   in a few milliseconds (an archive of a million quotes has ~10⁵ distinct words, not 10⁸ characters);
 * - a forward index: each quote's text as the ids of its words, in order (for phrases and anchors);
 * - each quote's speaker and events as small integers, and the words of every speaker name, alias
 *   and event title, so a query evaluates those once per speaker or event, not once per quote.
 *
 * A query finds the words that match each term in the vocabulary, marks them in a bit mask per word,
 * then walks the forward index OR-ing masks (candidates.ts): linear in the corpus, but a tight loop
 * over typed arrays that runs at ~200 M words/s, and only over the previous matches while a query
 * is being extended.
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
	readonly ids: ReadonlyMap<string, number>;
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
}

/** The quote text as drawn on screen: what is indexed, and what match ranges point into. */
export function quoteDisplayText(quote: Quote): string {
	return sanitize(quote.text);
}

class Growable {
	array = new Uint32Array(1024);
	length = 0;
	push(value: number): void {
		if (this.length === this.array.length) {
			const bigger = new Uint32Array(this.array.length * 2);
			bigger.set(this.array);
			this.array = bigger;
		}
		this.array[this.length++] = value;
	}
	done(): Uint32Array {
		return this.array.slice(0, this.length);
	}
}

/**
 * Build the index in steps: yields the number of quotes done so far every few hundred quotes, so a
 * caller can spread the work over event-loop turns (loadQuoteSearcher) or run it in one go.
 */
export function* buildIndex(dataset: Dataset): Generator<number, QuoteIndex> {
	const words: string[] = [];
	const ids = new Map<string, number>();
	const idOf = (word: string): number => {
		let id = ids.get(word);
		if (id === undefined) {
			id = words.length;
			words.push(word);
			ids.set(word, id);
		}
		return id;
	};
	const wordsOf = (text: string): Uint32Array => {
		const folded = fold(sanitize(text)).text;
		if (folded === '') return new Uint32Array(0);
		const parts = folded.split(' ');
		const out = new Uint32Array(parts.length);
		for (let i = 0; i < parts.length; i++) out[i] = idOf(parts[i] as string);
		return out;
	};

	const speakers: SpeakerEntry[] = [];
	const speakerSlots = new Map<Actor, number>();
	const slotOf = (actor: Actor): number => {
		let slot = speakerSlots.get(actor);
		if (slot === undefined) {
			slot = speakers.length;
			speakers.push({
				actor,
				name: {words: wordsOf(actor.name)},
				aliases: (actor.aliases ?? []).map((alias) => ({words: wordsOf(alias)})),
				keys: [actor.name, ...(actor.aliases ?? []), actor.id].map((key) => fold(sanitize(key)).text),
			});
			speakerSlots.set(actor, slot);
		}
		return slot;
	};

	const {events, quotes} = dataset;
	const titleStart = new Uint32Array(events.length + 1);
	const titles = new Growable();
	for (let e = 0; e < events.length; e++) {
		for (const id of wordsOf((events[e] as Dataset['events'][number]).title)) titles.push(id);
		titleStart[e + 1] = titles.length;
		if ((e & 1023) === 1023) yield 0;
	}
	const titleIds = titles.done();

	const textStart = new Uint32Array(quotes.length + 1);
	const text = new Growable();
	const speakerOf = new Uint32Array(quotes.length);
	const eventStart = new Uint32Array(quotes.length + 1);
	const eventList = new Growable();
	for (let q = 0; q < quotes.length; q++) {
		const quote = quotes[q] as Quote;
		for (const id of wordsOf(quote.text)) text.push(id);
		textStart[q + 1] = text.length;
		speakerOf[q] = slotOf(quote.speaker);
		for (const event of quote.events) eventList.push(event.index);
		eventStart[q + 1] = eventList.length;
		if ((q & 255) === 255) yield q + 1;
	}

	// Renumber words by frequency, most frequent first: per-query arrays indexed by word id are then
	// read mostly in their first few kilobytes, which stay in cache (Zipf: the 1000 commonest words are
	// most of any text).
	const counts = new Uint32Array(words.length);
	const textIds = text.done();
	for (const id of textIds) counts[id] = (counts[id] as number) + 1;
	for (const id of titleIds) counts[id] = (counts[id] as number) + 1;
	const order = Uint32Array.from(words.keys()).sort(
		(a, b) => (counts[b] as number) - (counts[a] as number) || a - b,
	);
	yield quotes.length;
	const renumber = new Uint32Array(words.length);
	order.forEach((id, rank) => {
		renumber[id] = rank;
	});
	const remap = (array: Uint32Array) => {
		for (let i = 0; i < array.length; i++) array[i] = renumber[array[i] as number] as number;
		return array;
	};
	remap(textIds);
	remap(titleIds);
	for (const speaker of speakers) {
		remap(speaker.name.words);
		for (const alias of speaker.aliases) remap(alias.words);
	}
	const sorted = Array.from(order, (id) => words[id] as string);
	ids.clear();
	sorted.forEach((word, id) => ids.set(word, id));

	const wordStarts = new Uint32Array(sorted.length + 1);
	let offset = 1;
	for (let i = 0; i < sorted.length; i++) {
		wordStarts[i] = offset;
		offset += (sorted[i] as string).length + 1;
	}
	wordStarts[sorted.length] = offset;
	const sortedCounts = Uint32Array.from(order, (id) => counts[id] as number);

	return {
		quotes,
		words: sorted,
		ids,
		vocabulary: `\n${sorted.join('\n')}\n`,
		wordStarts,
		textStart,
		textWords: textIds,
		speakerOf,
		speakers,
		eventStart,
		eventList: eventList.done(),
		titleStart,
		titleWords: titleIds,
		counts: sortedCounts,
	};
}
