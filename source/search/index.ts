import {anchorInstant, isBound} from '../dataset/edtf.js';
import type {Actor, Dataset, Era, Place, Quote, TimelineEvent} from '../dataset/model.js';
import {sortQuotesByTime} from '../dataset/quote-time.js';
import {sanitize} from '../text/sanitize.js';
import {type Kind, keyIndex, keyWeight} from './fields.js';
import {foldText} from './fold.js';
import {Growable} from './growable.js';
import {timeOrder} from './order.js';
import {norm} from './score.js';
import {EventTitles, PackedTexts, type TableTexts} from './table-texts.js';
import {Vocabulary, WordList, type WordLookup} from './vocabulary.js';

/**
 * The candidate stage's index, built once per dataset. Every searched text is folded (fold.ts) and
 * split on spaces into words; each distinct word gets an id, the commonest the smallest. What is
 * kept is numbers in typed arrays, not strings per record:
 *
 * - the vocabulary: every distinct word once, joined by newlines into one string that a query scans
 *   in milliseconds (a million quotes have ~10⁵ distinct words, not 10⁸ characters);
 * - per kind of record (quotes, events, eras), a collection: each own field (a quote's text, an
 *   event's summary) as the ids of its words in order (for phrases and anchors), and postings from
 *   each word to the records and fields that have it (a rare term starts from those instead of
 *   reading every record);
 * - tables of the texts records share (speakers' and actors' names and aliases, event titles, places,
 *   tags, eras), with links from each record to its entries: a query works a shared text out once,
 *   not once per record that shares it.
 *
 * Memory: about 9 bytes per word of text (forward index and postings) plus the vocabulary.
 */

/** Lists stored end to end: list i is `items[start[i] .. start[i + 1])`. */
export interface Lists {
	readonly start: Uint32Array;
	readonly items: Uint32Array;
}

/** A record's own text: record i's words are `words[start[i] .. start[i + 1])`. */
export interface Field {
	/** Its key in the kind's key table (fields.ts), and that key's weight. */
	readonly key: number;
	readonly weight: number;
	readonly start: Uint32Array;
	readonly words: Uint32Array;
	/** Per record, the letters a–z in the field (lettersOf). */
	readonly letters: Uint32Array;
	/**
	 * Per record, the key's weight times the field's norm (score.ts), and the id of its one word when
	 * it has exactly one (else -1): what a pass needs of a field it need not read.
	 */
	readonly scale: Float32Array;
	readonly only: Int32Array;
	/** The text as the dataset has it (not sanitized), if the record has one. */
	readonly text: (record: number) => string | undefined;
}

/** Own fields per record at most: postings items are `record << FIELD_BITS | field`. */
export const FIELD_BITS = 2;

/**
 * Texts records share. Entry e (an actor, a tag…) has values `entryStart[e] .. entryStart[e + 1]`
 * (an actor's name, then its aliases); value v's words are `words[valueStart[v] .. valueStart[v + 1])`.
 */
export interface Table {
	readonly entryStart: Uint32Array;
	readonly valueEntry: Uint32Array;
	/** 0 for a name, 1 for an alias. */
	readonly valueRole: Uint8Array;
	readonly valueStart: Uint32Array;
	readonly words: Uint32Array;
	/** Per value, the letters a–z in it (lettersOf). */
	readonly valueLetters: Uint32Array;
	/** Value → its text as the dataset has it. */
	readonly texts: TableTexts;
	/** Word → the values that have it, ascending, each once. */
	readonly postings: Lists;
}

/** A record's entries in a table: record i's are `list[start[i] .. start[i + 1])`. */
export interface Link {
	/** What the record's entries are to it: `speaker`, `events`, `actors`, `places`, `tags`, `eras`. */
	readonly name: string;
	readonly table: Table;
	/** By value role (name, alias): the key it counts for, and that key's weight. */
	readonly keys: readonly number[];
	readonly weights: readonly number[];
	readonly start: Uint32Array;
	readonly list: Uint32Array;
	/** Every record has exactly one entry (a quote's speaker): `list[record]` is it. */
	readonly single: boolean;
	/** Entry → the records that link to it, ascending. */
	readonly holders: Lists;
}

export interface Collection {
	readonly kind: Kind;
	readonly size: number;
	readonly fields: readonly Field[];
	readonly links: readonly Link[];
	/** Word → `record << FIELD_BITS | field` for every own field that has it, ascending, each once. */
	readonly postings: Lists;
	/** Words of own fields per record, on average: what reading a record costs. */
	readonly wordsPerRecord: number;
}

export interface SearchIndex {
	readonly dataset: Dataset;
	/** Word id → folded word. */
	readonly words: WordList;
	readonly ids: WordLookup;
	/** Per word: its occurrences in every field and table. */
	readonly counts: Uint32Array;
	/** Occurrences of every word: the sum of `counts`. */
	readonly occurrences: number;
	/** Per word, the letters a–z in it (lettersOf). */
	readonly wordLetters: Uint32Array;
	readonly quotes: Collection;
	readonly events: Collection;
	readonly eras: Collection;
	/** Actors (speakers and event actors) in the order of the actors table, for `@name`. */
	readonly actors: readonly ActorKeys[];
	/** Folded tags in the order of the tags table, for `#tag`. */
	readonly tags: readonly string[];
	/** Quote indices in the order they were said (sortQuotesByTime). */
	readonly quoteOrder: Uint32Array;
	/** Every record in time order, as record codes (order.ts). */
	readonly timeOrder: Uint32Array;
}

export interface ActorKeys {
	readonly actor: Actor;
	/** Folded name, aliases and id. */
	readonly keys: readonly string[];
}

/**
 * The letters a–z a folded word holds, as bits (a = bit 0). A query's first keystroke is one letter
 * that most records contain: these say which without reading their words.
 */
export function lettersOf(word: string): number {
	let bits = 0;
	for (let i = 0; i < word.length; i++) {
		const c = word.charCodeAt(i) - 97;
		if (c >= 0 && c < 26) bits |= 1 << c;
	}
	return bits;
}

/** Text as drawn on screen: what is indexed, and what match ranges point into. */
export function displayText(text: string): string {
	return sanitize(text);
}

/** Records per step between yields: each a millisecond or two at any corpus size. */
const RECORDS_PER_STEP = 512;
const ITEMS_PER_STEP = 1 << 18;

/** Records indexed (events, quotes and eras): what build progress counts. */
export function recordCount(dataset: Dataset): number {
	return dataset.events.length + dataset.quotes.length + dataset.eras.length;
}

/**
 * Build the index in steps: yields the number of records done so far every millisecond or so, so a
 * caller can spread the work over event-loop turns (loadSearcher) or run it in one go. The loops
 * live in plain functions called once per step: V8 optimises generator bodies poorly, and a loop
 * left in one ran 50× slower at a million quotes (measured).
 */
export function* buildIndex(dataset: Dataset): Generator<number, SearchIndex> {
	const {events, quotes, eras} = dataset;
	const reader = new WordReader();
	const tags = new Slots<string>();
	const places = new Slots<Place>();

	// Events: title, summary, the source's wording of the date; actors, places, tags, eras.
	const eventColumns = [new Column(events.length), new Column(events.length), new Column(events.length)];
	const eventLinks = {
		actors: new Column(events.length),
		places: new Column(events.length),
		tags: new Column(events.length),
		eras: new Column(events.length),
	};
	const sweep = new EraSweep(eras);
	for (let e = 0; e < events.length; e += RECORDS_PER_STEP) {
		const to = Math.min(events.length, e + RECORDS_PER_STEP);
		readEvents(reader, events, e, to, eventColumns, eventLinks, {tags, places, sweep});
		yield to;
	}
	let done = events.length;

	// Quotes: text and context; speaker and events.
	const quoteColumns = [new Column(quotes.length), new Column(quotes.length)];
	const speakers = new Column(quotes.length);
	const quoteEvents = new Column(quotes.length);
	for (let q = 0; q < quotes.length; q += RECORDS_PER_STEP) {
		const to = Math.min(quotes.length, q + RECORDS_PER_STEP);
		readQuotes(reader, quotes, q, to, quoteColumns, speakers, quoteEvents);
		yield done + to;
	}
	done += quotes.length;

	const eraTitles = new Column(eras.length);
	for (let r = 0; r < eras.length; r++) eraTitles.push(r, reader, eras[r]?.title);
	const placeTexts = new Column(places.items.length);
	places.items.forEach((place, p) => placeTexts.push(p, reader, place.name));
	const tagTexts = new Column(tags.items.length);
	tags.items.forEach((tag, t) => tagTexts.push(t, reader, tag));
	done += eras.length;
	yield done;

	// Renumber words by frequency, most frequent first: per-query arrays indexed by word id are then
	// read mostly in their first few kilobytes, which stay in cache (Zipf: the 1000 commonest words are
	// most of any text).
	const {vocabulary} = reader;
	const words = vocabulary.words();
	const columns = [...eventColumns, ...quoteColumns, eraTitles, placeTexts, tagTexts, reader.actorTexts].map(
		(column) => column.done(),
	);
	const counts = new Uint32Array(words.length);
	for (const column of columns) {
		for (let i = 0; i < column.words.length; i += ITEMS_PER_STEP) {
			count(column.words, i, Math.min(column.words.length, i + ITEMS_PER_STEP), counts);
			yield done;
		}
	}
	const {order, renumber} = frequencyOrder(counts);
	yield done;
	for (const column of columns) {
		for (let i = 0; i < column.words.length; i += ITEMS_PER_STEP) {
			remap(column.words, i, Math.min(column.words.length, i + ITEMS_PER_STEP), renumber);
			yield done;
		}
	}
	const sorted = new Array<string>(order.length);
	for (let rank = 0; rank < order.length; rank++) sorted[rank] = words[order[rank] as number] as string;
	const sortedCounts = new Uint32Array(order.length);
	const wordLetters = new Uint32Array(order.length);
	for (let rank = 0; rank < order.length; rank++) {
		sortedCounts[rank] = counts[order[rank] as number] as number;
		wordLetters[rank] = lettersOf(sorted[rank] as string);
	}
	yield done;
	const wordList = WordList.of(sorted);
	const ids = vocabulary.finish(renumber, wordList);
	yield done;

	const [title, summary, dateText, text, context, eraTitle, place, tag, actor] = columns as [
		Words,
		Words,
		Words,
		Words,
		Words,
		Words,
		Words,
		Words,
		Words,
	];
	const vocabularySize = sorted.length;
	const table = function* (
		values: Words,
		texts: TableTexts,
		entries?: {start: Uint32Array; roles: Uint8Array},
	): Generator<number, Table> {
		const count = values.start.length - 1;
		const entryStart = entries?.start ?? identity(count + 1);
		const valueEntry = new Uint32Array(count);
		for (let entry = 0; entry + 1 < entryStart.length; entry++) {
			for (let v = entryStart[entry] as number; v < (entryStart[entry + 1] as number); v++)
				valueEntry[v] = entry;
		}
		return {
			entryStart,
			valueEntry,
			valueRole: entries?.roles ?? new Uint8Array(count),
			valueStart: values.start,
			words: values.words,
			valueLetters: yield* lettersPerOwner(values, wordLetters, done),
			texts,
			postings: yield* invert([values], vocabularySize, done),
		};
	};
	const titles = yield* table(title, new EventTitles(events));
	const actorTable = yield* table(actor, PackedTexts.of(reader.actorStrings), {
		start: reader.actorStart.done(),
		roles: reader.actorRoles(),
	});
	const placeTable = yield* table(place, PackedTexts.of(places.items.map((p) => p.name)));
	const tagTable = yield* table(tag, PackedTexts.of(tags.items));
	const eraTable = yield* table(eraTitle, PackedTexts.of(eras.map((era) => era.title)));

	const link = function* (
		kind: Kind,
		name: string,
		table: Table,
		column: Words,
		keys: readonly string[],
	): Generator<number, Link> {
		const entries = table.entryStart.length - 1;
		return {
			name,
			table,
			keys: keys.map((name) => keyIndex(kind, name)),
			weights: keys.map((name) => keyWeight(kind, name)),
			start: column.start,
			list: column.words,
			single: everyOne(column.start),
			holders: yield* invert([column], entries, done),
		};
	};
	const collection = function* (
		kind: Kind,
		size: number,
		fields: ReadonlyArray<{name: string; column: Words; text: (record: number) => string | undefined}>,
		links: Link[],
	): Generator<number, Collection> {
		const owned: Field[] = [];
		for (const {name, column, text} of fields) {
			const weight = keyWeight(kind, name);
			owned.push({
				key: keyIndex(kind, name),
				weight,
				start: column.start,
				words: column.words,
				letters: yield* lettersPerOwner(column, wordLetters, done),
				...shapeOf(column, weight),
				text,
			});
		}
		const total = fields.reduce((sum, {column}) => sum + column.words.length, 0);
		return {
			kind,
			size,
			fields: owned,
			links,
			postings: yield* invert(
				fields.map((field) => field.column),
				vocabularySize,
				done,
				true,
			),
			wordsPerRecord: size === 0 ? 0 : total / size,
		};
	};

	const eventIndex = yield* collection(
		'event',
		events.length,
		[
			{name: 'title', column: title, text: (e) => events[e]?.title},
			{name: 'summary', column: summary, text: (e) => events[e]?.summary},
			{name: 'dateText', column: dateText, text: (e) => events[e]?.dateText},
		],
		[
			yield* link('event', 'actors', actorTable, eventLinks.actors.done(), ['actors', 'actors']),
			yield* link('event', 'places', placeTable, eventLinks.places.done(), ['places']),
			yield* link('event', 'tags', tagTable, eventLinks.tags.done(), ['tags']),
			yield* link('event', 'eras', eraTable, eventLinks.eras.done(), ['era']),
		],
	);
	const quoteIndex = yield* collection(
		'quote',
		quotes.length,
		[
			{name: 'text', column: text, text: (q) => quotes[q]?.text},
			{name: 'context', column: context, text: (q) => quotes[q]?.context},
		],
		[
			yield* link('quote', 'speaker', actorTable, speakers.done(), ['speaker', 'aliases']),
			yield* link('quote', 'events', titles, quoteEvents.done(), ['events']),
		],
	);
	const quoteOrder = yield* progressOf(sortQuotesByTime(quotes), done);
	const inTime = yield* progressOf(timeOrder(dataset, quoteOrder), done);
	const eraIndex = yield* collection(
		'era',
		eras.length,
		[{name: 'title', column: eraTitle, text: (r) => eras[r]?.title}],
		[],
	);
	return {
		dataset,
		words: wordList,
		ids,
		counts: sortedCounts,
		occurrences: columns.reduce((sum, column) => sum + column.words.length, 0),
		wordLetters,
		quotes: quoteIndex,
		events: eventIndex,
		eras: eraIndex,
		actors: reader.actors.map((actor) => ({
			actor,
			keys: [actor.name, ...(actor.aliases ?? []), actor.id].map((key) => foldText(sanitize(key))),
		})),
		tags: tags.items.map((t) => foldText(sanitize(t))),
		quoteOrder,
		timeOrder: inTime,
	};
}

/** A generator of steps as one of build steps, each reporting `progress`. */
function* progressOf<T>(steps: Generator<void, T>, progress: number): Generator<number, T> {
	for (;;) {
		const step = steps.next();
		if (step.done) return step.value;
		yield progress;
	}
}

/** Lists of word ids (or entry ids), one per owner, as built. */
interface Words {
	readonly start: Uint32Array;
	readonly words: Uint32Array;
}

/** One list per owner, pushed owner by owner in order. */
class Column {
	readonly start: Uint32Array;
	readonly items = new Growable();
	constructor(owners: number) {
		this.start = new Uint32Array(owners + 1);
	}

	/** Owner `owner`'s list is what was pushed since the last `end`. */
	end(owner: number): void {
		this.start[owner + 1] = this.items.length;
	}

	/** The words of `text` (none when undefined) as owner `owner`'s list. */
	push(owner: number, reader: WordReader, text: string | undefined): void {
		if (text !== undefined) reader.push(text, this.items);
		this.end(owner);
	}

	done(): Words {
		return {start: this.start, words: this.items.done()};
	}
}

/** Distinct items in first-seen order, each with a slot number. */
class Slots<T> {
	readonly items: T[] = [];
	private readonly slots = new Map<T, number>();

	slotOf(item: T): number {
		let slot = this.slots.get(item);
		if (slot === undefined) {
			slot = this.items.length;
			this.items.push(item);
			this.slots.set(item, slot);
		}
		return slot;
	}
}

/** Folds texts into word ids, and actors into slots of the actors table (name, then aliases). */
class WordReader {
	readonly vocabulary = new Vocabulary();
	readonly actors: Actor[] = [];
	/** Actor slot → its values (name, aliases) in the table. */
	readonly actorStart = new Growable(64);
	readonly actorTexts = new GrowingColumn();
	readonly actorStrings: string[] = [];
	private readonly aliasValues: number[] = [];
	private readonly slots = new Map<Actor, number>();

	constructor() {
		this.actorStart.push(0);
	}

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

	slotOf(actor: Actor): number {
		let slot = this.slots.get(actor);
		if (slot === undefined) {
			slot = this.actors.length;
			this.actors.push(actor);
			this.addValue(actor.name, false);
			for (const alias of actor.aliases ?? []) this.addValue(alias, true);
			this.actorStart.push(this.actorStrings.length);
			this.slots.set(actor, slot);
		}
		return slot;
	}

	private addValue(text: string, alias: boolean): void {
		if (alias) this.aliasValues.push(this.actorStrings.length);
		this.actorStrings.push(text);
		this.push(text, this.actorTexts.items);
		this.actorTexts.end();
	}

	actorRoles(): Uint8Array {
		const roles = new Uint8Array(this.actorStrings.length);
		for (const value of this.aliasValues) roles[value] = 1;
		return roles;
	}
}

/** A Column whose number of owners is not known in advance. */
class GrowingColumn {
	readonly items = new Growable();
	private readonly starts = new Growable(64);
	constructor() {
		this.starts.push(0);
	}

	end(): void {
		this.starts.push(this.items.length);
	}

	done(): Words {
		return {start: this.starts.done(), words: this.items.done()};
	}
}

interface EventLinks {
	actors: Column;
	places: Column;
	tags: Column;
	eras: Column;
}

function readEvents(
	reader: WordReader,
	events: readonly TimelineEvent[],
	from: number,
	to: number,
	columns: Column[],
	links: EventLinks,
	slots: {tags: Slots<string>; places: Slots<Place>; sweep: EraSweep},
): void {
	const [title, summary, dateText] = columns as [Column, Column, Column];
	for (let e = from; e < to; e++) {
		const event = events[e] as TimelineEvent;
		title.push(e, reader, event.title);
		summary.push(e, reader, event.summary);
		dateText.push(e, reader, event.dateText);
		// Indexed loops: a `for…of` here allocated an iterator result per item (measured).
		for (let i = 0; i < event.actors.length; i++)
			links.actors.items.push(reader.slotOf(event.actors[i] as Actor));
		links.actors.end(e);
		for (let i = 0; i < event.places.length; i++)
			links.places.items.push(slots.places.slotOf(event.places[i] as Place));
		links.places.end(e);
		for (let i = 0; i < event.tags.length; i++)
			links.tags.items.push(slots.tags.slotOf(event.tags[i] as string));
		links.tags.end(e);
		slots.sweep.erasAt(event, links.eras.items);
		links.eras.end(e);
	}
}

function readQuotes(
	reader: WordReader,
	quotes: readonly Quote[],
	from: number,
	to: number,
	columns: Column[],
	speakers: Column,
	events: Column,
): void {
	const [text, context] = columns as [Column, Column];
	for (let q = from; q < to; q++) {
		const quote = quotes[q] as Quote;
		text.push(q, reader, quote.text);
		context.push(q, reader, quote.context);
		speakers.items.push(reader.slotOf(quote.speaker));
		speakers.end(q);
		for (let i = 0; i < quote.events.length; i++) events.items.push((quote.events[i] as TimelineEvent).index);
		events.end(q);
	}
}

/**
 * The era each event falls in, as the explorer places it (dataset/eras.ts, eraOf: the era that
 * started last among those covering the instant that places the event; none for a date that gives
 * only a bound), asked for events in time order. Eras are in time order too, so one sweep keeps those
 * that have started, and each ended era is dropped once: linear in events and eras, however many
 * eras overlap (eraOf per event would be events × eras).
 */
class EraSweep {
	private readonly open: number[] = [];
	private next = 0;
	constructor(private readonly eras: readonly Era[]) {}

	/** Push the era `event` falls in, if any, to `into`. */
	erasAt(event: TimelineEvent, into: Growable): void {
		const {eras, open} = this;
		if (eras.length === 0 || isBound(event.date)) return;
		const at = anchorInstant(event.date);
		while (this.next < eras.length && (eras[this.next] as Era).date.min <= at) open.push(this.next++);
		for (let i = open.length - 1; i >= 0; i--) {
			const era = open[i] as number;
			if ((eras[era] as Era).date.max >= at) {
				into.push(era);
				return;
			}
			open.splice(i, 1);
		}
	}
}

/** Per owner of a column: its weight times its norm, and its one word (or -1). */
function shapeOf(column: Words, weight: number): {scale: Float32Array; only: Int32Array} {
	const owners = column.start.length - 1;
	const scale = new Float32Array(owners);
	const only = new Int32Array(owners).fill(-1);
	for (let owner = 0; owner < owners; owner++) {
		const from = column.start[owner] as number;
		const length = (column.start[owner + 1] as number) - from;
		if (length > 0) scale[owner] = weight * norm(length);
		if (length === 1) only[owner] = column.words[from] as number;
	}
	return {scale, only};
}

/** Whether every owner of a column has exactly one item. */
function everyOne(start: Uint32Array): boolean {
	for (let i = 1; i < start.length; i++)
		if ((start[i] as number) - (start[i - 1] as number) !== 1) return false;
	return true;
}

/** Per owner of a column, the letters of its words together. */
function* lettersPerOwner(
	column: Words,
	wordLetters: Uint32Array,
	progress: number,
): Generator<number, Uint32Array> {
	const owners = column.start.length - 1;
	const out = new Uint32Array(owners);
	const step = Math.max(1, Math.floor((ITEMS_PER_STEP * owners) / Math.max(1, column.words.length)));
	for (let owner = 0; owner < owners; owner += step) {
		orLetters(column, wordLetters, owner, Math.min(owners, owner + step), out);
		yield progress;
	}
	return out;
}

function orLetters(
	column: Words,
	wordLetters: Uint32Array,
	from: number,
	to: number,
	out: Uint32Array,
): void {
	const {start, words} = column;
	for (let owner = from; owner < to; owner++) {
		let bits = 0;
		for (let p = start[owner] as number, end = start[owner + 1] as number; p < end; p++)
			bits |= wordLetters[words[p] as number] as number;
		out[owner] = bits;
	}
}

function identity(length: number): Uint32Array {
	const out = new Uint32Array(length);
	for (let i = 0; i < length; i++) out[i] = i;
	return out;
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

/**
 * Invert `owner → keys` lists into `key → owners`, each owner once per key, ascending. For a
 * collection's fields (`byField`), owner i of column c is `i << FIELD_BITS | c`, however few fields
 * it has (an era has one).
 */
function* invert(
	columns: readonly Words[],
	keyCount: number,
	progress: number,
	byField = false,
): Generator<number, Lists> {
	const owners = (columns[0]?.start.length ?? 1) - 1;
	const shift = byField ? FIELD_BITS : 0;
	const items = columns.reduce((sum, column) => sum + column.words.length, 0);
	const step = Math.max(1, Math.floor((ITEMS_PER_STEP * owners) / Math.max(1, items)));
	const sizes = new Uint32Array(keyCount + 1);
	const last = new Int32Array(keyCount).fill(-1);
	for (let owner = 0; owner < owners; owner += step) {
		invertRange(columns, owner, Math.min(owners, owner + step), shift, last, sizes, undefined);
		yield progress;
	}
	prefixSums(sizes);
	const out = new Uint32Array(sizes[keyCount] as number);
	const cursor = sizes.slice(0, keyCount);
	last.fill(-1);
	yield progress;
	for (let owner = 0; owner < owners; owner += step) {
		invertRange(columns, owner, Math.min(owners, owner + step), shift, last, cursor, out);
		yield progress;
	}
	return {start: sizes, items: out};
}

/** Each count becomes the sum of those before it and itself (a plain function: see buildIndex). */
function prefixSums(sizes: Uint32Array): void {
	for (let key = 1; key < sizes.length; key++)
		sizes[key] = (sizes[key] as number) + (sizes[key - 1] as number);
}

/**
 * One range of owners: without `out`, count each key's owners (into `sizes[key + 1]`); with it, place
 * them at `cursor[key]`.
 */
function invertRange(
	columns: readonly Words[],
	from: number,
	to: number,
	shift: number,
	last: Int32Array,
	counters: Uint32Array,
	out: Uint32Array | undefined,
): void {
	for (let owner = from; owner < to; owner++) {
		for (let c = 0; c < columns.length; c++) {
			const {start, words} = columns[c] as Words;
			const id = (owner << shift) | c;
			for (let p = start[owner] as number, end = start[owner + 1] as number; p < end; p++) {
				const key = words[p] as number;
				if (last[key] === id) continue;
				last[key] = id;
				if (out) {
					const at = counters[key] as number;
					out[at] = id;
					counters[key] = at + 1;
				} else counters[key + 1] = (counters[key + 1] as number) + 1;
			}
		}
	}
}
