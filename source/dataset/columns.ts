import {cellWidth} from '../text/cells.js';
import {formatDate, sortByDate} from './dates.js';
import {
	type Anchor,
	anchorInstant,
	anchorOf,
	type EdtfDate,
	isBound,
	type Precision,
	parseEdtf,
} from './edtf.js';
import {idTable} from './id-table.js';
import {QUOTE_KINDS, type QuoteKind} from './quote-kinds.js';
import type {ActorLinkDoc, EventDoc, QuoteDoc, TimescopeDocument} from './schema.js';
import {NO_STRING, StringTableBuilder, type StringTableData} from './strings.js';

/**
 * A validated document as columns: one typed array per field of events and quotes, strings in one
 * table (strings.ts), references as positions. This is the model's whole state: the flyweight records
 * (records.ts) read it, the cache stores it as it is, the loading worker hands it over without a
 * copy. Events are in timeline order, quotes in document order, as `Dataset` has them.
 *
 * Enough is kept to give back each item's document exactly (`--json` prints the same bytes): the
 * keys each item had, in their order ("shapes"), actor links in the form they were written, ids
 * that resolve to nothing, and anything else (extensions) as JSON text. Actors, places, sources,
 * eras and the root's own fields are few: they stay one JSON text (`root`).
 */

export const NO_REF = -1;

/** Dates in a validated document always parse; this turns the result type into the value. */
export function mustParseEdtf(text: string): EdtfDate {
	const result = parseEdtf(text);
	if (!result.ok) throw new Error(`invalid EDTF date "${text}" in a validated document: ${result.message}`);
	return result.date;
}

/** How an event's actor was written: `"a1"`, `{"id": "a1"}`, `{"id", "qualifier"}`, `{"qualifier", "id"}`. */
export const LINK_FORMS = ['id', 'object', 'idQualifier', 'qualifierId'] as const;

export interface ColumnsMeta {
	/** The document's keys in order ("events" and "quotes" among them). */
	readonly rootKeys: readonly string[];
	/** String number of the document without "events" and "quotes", as JSON. */
	readonly root: number;
	readonly eventShapes: readonly (readonly string[])[];
	readonly quoteShapes: readonly (readonly string[])[];
	/** How many actors, places and sources the document lists (what refs may point at). */
	readonly targets: {readonly actors: number; readonly places: number; readonly sources: number};
}

/** Events in timeline order (`ev…`), quotes in document order (`q…`); lists as start/items pairs. */
export interface ColumnArrays {
	/** Position of each event in the document's `events`. */
	readonly evOrder: Uint32Array;
	readonly evId: Uint32Array;
	/** Into `dateText`. */
	readonly evDate: Uint32Array;
	readonly evTitle: Uint32Array;
	readonly evDateText: Uint32Array;
	readonly evSummary: Uint32Array;
	/** JSON of the keys no column holds (extensions), or NO_STRING. */
	readonly evRest: Uint32Array;
	readonly evShape: Uint16Array;
	readonly evActorStart: Uint32Array;
	readonly actorId: Uint32Array;
	/** Position in the document's `actors` of the actor the id names, or NO_REF. */
	readonly actorRef: Int32Array;
	/** Index in LINK_FORMS. */
	readonly actorForm: Uint8Array;
	readonly actorQualifier: Uint32Array;
	readonly evPlaceStart: Uint32Array;
	readonly placeId: Uint32Array;
	readonly placeRef: Int32Array;
	readonly evTagStart: Uint32Array;
	readonly tag: Uint32Array;
	readonly evSourceStart: Uint32Array;
	readonly sourceId: Uint32Array;
	readonly sourceRef: Int32Array;
	/** Each event's quotes (positions in `quotes`), in the order they were said. */
	readonly evQuoteStart: Uint32Array;
	readonly evQuote: Uint32Array;
	/** eventsById as a hash table of timeline positions (id-table.ts). */
	readonly evIdTable: Int32Array;
	readonly qId: Uint32Array;
	readonly qText: Uint32Array;
	readonly qSpeaker: Uint32Array;
	readonly qSpeakerRef: Int32Array;
	/** 0 for none, else 1 + its index in QUOTE_KINDS. */
	readonly qKind: Uint8Array;
	/** Into `dateText`, or NO_STRING. */
	readonly qSaid: Uint32Array;
	readonly qContext: Uint32Array;
	readonly qSource: Uint32Array;
	readonly qSourceRef: Int32Array;
	readonly qOriginal: Uint32Array;
	readonly qLanguage: Uint32Array;
	readonly qRest: Uint32Array;
	readonly qShape: Uint16Array;
	readonly qEventStart: Uint32Array;
	readonly qEventId: Uint32Array;
	/** Timeline position of the event, or NO_REF. */
	readonly qEventRef: Int32Array;
	/** Each distinct date's text (string numbers): events and quotes refer to dates by place here. */
	readonly dateText: Uint32Array;
	/** Each distinct date's anchor (edtf.ts), read without parsing the date: see `anchorAt`. */
	readonly dateInstant: Float64Array;
	readonly dateYear: Float64Array;
	/** 0 when not known. */
	readonly dateMonth: Uint8Array;
	readonly dateDay: Uint8Array;
	/** Precision (PRECISIONS), unspecified year digits << 3, bound << 6. */
	readonly dateForm: Uint8Array;
	/** Cells each date's short form (formatDate) takes, up to 255: a list's date column, unparsed. */
	readonly dateWidth: Uint8Array;
}

export interface Columns {
	readonly meta: ColumnsMeta;
	readonly strings: StringTableData;
	readonly arrays: ColumnArrays;
}

/** Keys an event's columns hold; any other key of an event is kept in `evRest`. */
const EVENT_COLUMNS = new Set([
	'id',
	'date',
	'title',
	'dateText',
	'summary',
	'actors',
	'places',
	'tags',
	'sources',
]);
const QUOTE_COLUMNS = new Set([
	'id',
	'text',
	'speaker',
	'kind',
	'said',
	'context',
	'events',
	'source',
	'original',
	'language',
]);

/**
 * Build the columns of a document that passed schema and reference checks. `textBytes`, the size of
 * the file it was parsed from, is room enough for its strings almost always: the table is then not
 * grown (and copied) a dozen times on the way.
 */
export function buildColumns(doc: TimescopeDocument, {textBytes = 0}: {textBytes?: number} = {}): Columns {
	const strings = new StringTableBuilder(Math.max(1 << 20, textBytes));
	const dates = new DateSlots(strings);
	const docEvents = doc.events;
	const docQuotes = doc.quotes ?? [];
	const actorAt = new Targets(doc.actors, strings);
	const placeAt = new Targets(doc.places, strings);
	const sourceAt = new Targets(doc.sources, strings);

	// Timeline order: sorted by date, ties in file order.
	const timeline = sortByDate(
		docEvents.map((event, at) => ({at, date: dates.parsed(dates.slot(event.date))})),
	);
	const n = timeline.length;
	const evOrder = Uint32Array.from(timeline, (entry) => entry.at);
	const eventAt = new Map<string, number>();
	for (let i = 0; i < n; i++) eventAt.set((docEvents[evOrder[i] as number] as EventDoc).id, i);
	const evId = new Uint32Array(n);

	const ev = {
		id: evId,
		date: new Uint32Array(n),
		title: new Uint32Array(n),
		dateText: new Uint32Array(n),
		summary: new Uint32Array(n),
		rest: new Uint32Array(n),
		shape: new Uint16Array(n),
	};
	const eventShapes = new Shapes(EVENT_COLUMNS);
	const actors = new ListBuilder(n, 4);
	const places = new ListBuilder(n, 2);
	const tags = new ListBuilder(n, 1);
	const sources = new ListBuilder(n, 2);
	for (let i = 0; i < n; i++) {
		const event = docEvents[evOrder[i] as number] as EventDoc;
		ev.id[i] = strings.add(event.id);
		ev.date[i] = dates.slot(event.date);
		ev.title[i] = strings.optional(event.title);
		ev.dateText[i] = strings.optional(event.dateText);
		ev.summary[i] = strings.optional(event.summary);
		const shape = eventShapes.of(event);
		ev.shape[i] = shape;
		ev.rest[i] = eventShapes.rest(event, shape, strings);
		for (const link of event.actors ?? []) {
			const id = typeof link === 'string' ? link : link.id;
			const at = actorAt.get(id);
			actors.push4(actorAt.idString(id, at), at, linkForm(link), linkQualifier(link, strings));
		}
		actors.end(i);
		for (const id of event.places ?? []) {
			const at = placeAt.get(id);
			places.push2(placeAt.idString(id, at), at);
		}
		places.end(i);
		for (const tag of event.tags ?? []) tags.push1(strings.shared(tag));
		tags.end(i);
		for (const id of event.sources ?? []) {
			const at = sourceAt.get(id);
			sources.push2(sourceAt.idString(id, at), at);
		}
		sources.end(i);
	}

	const m = docQuotes.length;
	const q = {
		id: new Uint32Array(m),
		text: new Uint32Array(m),
		speaker: new Uint32Array(m),
		speakerRef: new Int32Array(m),
		kind: new Uint8Array(m),
		said: new Uint32Array(m),
		context: new Uint32Array(m),
		source: new Uint32Array(m),
		sourceRef: new Int32Array(m),
		original: new Uint32Array(m),
		language: new Uint32Array(m),
		rest: new Uint32Array(m),
		shape: new Uint16Array(m),
	};
	const quoteShapes = new Shapes(QUOTE_COLUMNS);
	const links = new ListBuilder(m, 2);
	for (let k = 0; k < m; k++) {
		const quote = docQuotes[k] as QuoteDoc;
		q.id[k] = strings.add(quote.id);
		q.text[k] = strings.optional(quote.text);
		const speaker = actorAt.get(quote.speaker);
		q.speaker[k] = actorAt.idString(quote.speaker, speaker);
		q.speakerRef[k] = speaker;
		q.kind[k] = quote.kind === undefined ? 0 : 1 + QUOTE_KINDS.indexOf(quote.kind as QuoteKind);
		q.said[k] = quote.said === undefined ? NO_STRING : dates.slot(quote.said);
		q.context[k] = strings.optional(quote.context);
		const source = quote.source === undefined ? NO_REF : sourceAt.get(quote.source);
		q.source[k] = quote.source === undefined ? NO_STRING : sourceAt.idString(quote.source, source);
		q.sourceRef[k] = source;
		q.original[k] = strings.optional(quote.original);
		q.language[k] = strings.optionalShared(quote.language);
		const shape = quoteShapes.of(quote);
		q.shape[k] = shape;
		q.rest[k] = quoteShapes.rest(quote, shape, strings);
		for (const id of quote.events ?? []) {
			const at = eventAt.get(id) ?? NO_REF;
			links.push2(at === NO_REF ? strings.shared(id) : (evId[at] as number), at);
		}
		links.end(k);
	}
	const qEventId = links.take(0, Uint32Array);
	const qEventRef = links.take(1, Int32Array);
	// Words with a date first, in the order said; words given no date or only a bound after them.
	const when = (k: number) => {
		const slot = q.said[k] as number;
		if (slot === NO_STRING) return Number.POSITIVE_INFINITY;
		const said = dates.parsed(slot);
		return isBound(said) ? Number.POSITIVE_INFINITY : anchorInstant(said);
	};
	const {start: evQuoteStart, items: evQuote} = invert(links.start, qEventRef, n);
	for (let i = 0; i < n; i++) {
		const from = evQuoteStart[i] as number;
		const to = evQuoteStart[i + 1] as number;
		if (to - from > 1) {
			evQuote.subarray(from, to).sort((a, b) => {
				const said = when(a) - when(b);
				return Number.isNaN(said) || said === 0 ? a - b : said;
			});
		}
	}

	const {events: _events, quotes: _quotes, ...rest} = doc;
	const root = strings.add(JSON.stringify(rest));
	return {
		meta: {
			rootKeys: definedKeys(doc),
			root,
			eventShapes: eventShapes.list,
			quoteShapes: quoteShapes.list,
			targets: {
				actors: doc.actors?.length ?? 0,
				places: doc.places?.length ?? 0,
				sources: doc.sources?.length ?? 0,
			},
		},
		arrays: {
			evOrder,
			evId: ev.id,
			evDate: ev.date,
			evTitle: ev.title,
			evDateText: ev.dateText,
			evSummary: ev.summary,
			evRest: ev.rest,
			evShape: ev.shape,
			evActorStart: actors.start,
			actorId: actors.take(0, Uint32Array),
			actorRef: actors.take(1, Int32Array),
			actorForm: actors.take(2, Uint8Array),
			actorQualifier: actors.take(3, Uint32Array),
			evPlaceStart: places.start,
			placeId: places.take(0, Uint32Array),
			placeRef: places.take(1, Int32Array),
			evTagStart: tags.start,
			tag: tags.take(0, Uint32Array),
			evSourceStart: sources.start,
			sourceId: sources.take(0, Uint32Array),
			sourceRef: sources.take(1, Int32Array),
			evQuoteStart,
			evQuote,
			evIdTable: idTable([...eventAt]),
			qId: q.id,
			qText: q.text,
			qSpeaker: q.speaker,
			qSpeakerRef: q.speakerRef,
			qKind: q.kind,
			qSaid: q.said,
			qContext: q.context,
			qSource: q.source,
			qSourceRef: q.sourceRef,
			qOriginal: q.original,
			qLanguage: q.language,
			qRest: q.rest,
			qShape: q.shape,
			qEventStart: links.start,
			qEventId,
			qEventRef,
			dateText: dates.texts(),
			...dates.facts(),
		},
		strings: strings.done(),
	};
}

/**
 * What references may point at (actors, places, sources): id → position of the item a lookup by id
 * finds (the last with that id, as a Map built from the list), and each id once in the string table.
 */
class Targets {
	private readonly positions = new Map<string, number>();
	private readonly ids: number[] = [];

	constructor(
		items: ReadonlyArray<{id: string}> | undefined,
		private readonly strings: StringTableBuilder,
	) {
		(items ?? []).forEach((item, at) => {
			this.positions.set(item.id, at);
			this.ids.push(NO_STRING);
		});
	}

	get(id: string): number {
		return this.positions.get(id) ?? NO_REF;
	}

	/** The string number of a reference's id: its target's, or its own when it names nothing. */
	idString(id: string, at: number): number {
		if (at === NO_REF) return this.strings.shared(id);
		let string = this.ids[at] as number;
		if (string === NO_STRING) {
			string = this.strings.shared(id);
			this.ids[at] = string;
		}
		return string;
	}
}

/** `owner → targets` lists as `target → owners`, owners ascending; targets NO_REF left out. */
function invert(
	start: Uint32Array,
	targets: Int32Array,
	count: number,
): {start: Uint32Array; items: Uint32Array} {
	const starts = new Uint32Array(count + 1);
	for (const target of targets)
		if (target !== NO_REF) starts[target + 1] = (starts[target + 1] as number) + 1;
	for (let t = 0; t < count; t++) starts[t + 1] = (starts[t + 1] as number) + (starts[t] as number);
	const cursor = starts.slice(0, count);
	const items = new Uint32Array(starts[count] as number);
	for (let owner = 0; owner + 1 < start.length; owner++) {
		for (let k = start[owner] as number; k < (start[owner + 1] as number); k++) {
			const target = targets[k] as number;
			if (target === NO_REF) continue;
			items[cursor[target] as number] = owner;
			cursor[target] = (cursor[target] as number) + 1;
		}
	}
	return {start: starts, items};
}

function linkForm(link: ActorLinkDoc): number {
	if (typeof link === 'string') return 0;
	if (link.qualifier === undefined) return 1;
	return Object.keys(link)[0] === 'id' ? 2 : 3;
}

function linkQualifier(link: ActorLinkDoc, strings: StringTableBuilder): number {
	return typeof link === 'string' ? NO_STRING : strings.optionalShared(link.qualifier);
}

/** Keys with a value, in order: what JSON.stringify writes. */
function definedKeys(item: object): string[] {
	return Object.keys(item).filter((key) => (item as Record<string, unknown>)[key] !== undefined);
}

/** Distinct key orders, numbered: a few per dataset, however many items. */
class Shapes {
	readonly list: string[][] = [];
	private readonly numbers = new Map<string, number>();
	/** Per shape, whether it has a key no column holds. */
	private readonly rests: boolean[] = [];
	private last = -1;

	constructor(private readonly columns: ReadonlySet<string>) {}

	of(item: object): number {
		// Items of a list mostly share one key order: checking against the last one allocates nothing.
		if (this.last !== -1 && sameKeys(item, this.list[this.last] as string[])) return this.last;
		const keys = definedKeys(item);
		const name = keys.join('\n');
		let number = this.numbers.get(name);
		if (number === undefined) {
			number = this.list.length;
			if (number > 0xffff) throw new Error('more than 65,536 distinct key orders in one list');
			this.list.push(keys);
			this.rests.push(keys.some((key) => !this.columns.has(key)));
			this.numbers.set(name, number);
		}
		this.last = number;
		return number;
	}

	/** The keys of an item of this shape that no column holds, as JSON (extensions), or NO_STRING. */
	rest(item: object, shape: number, strings: StringTableBuilder): number {
		if (!this.rests[shape]) return NO_STRING;
		const rest: Record<string, unknown> = {};
		for (const key of this.list[shape] as string[]) {
			if (this.columns.has(key)) continue;
			Object.defineProperty(rest, key, {
				value: (item as Record<string, unknown>)[key],
				enumerable: true,
				writable: true,
				configurable: true,
			});
		}
		return strings.add(JSON.stringify(rest));
	}
}

function sameKeys(item: object, keys: readonly string[]): boolean {
	let i = 0;
	for (const key in item) {
		if ((item as Record<string, unknown>)[key] === undefined) continue;
		if (keys[i] !== key) return false;
		i++;
	}
	return i === keys.length;
}

/** Distinct date texts, numbered, each parsed once. */
class DateSlots {
	private readonly numbers = new Map<string, number>();
	private readonly strings: number[] = [];
	private readonly dates: EdtfDate[] = [];

	constructor(private readonly table: StringTableBuilder) {}

	slot(text: string): number {
		let slot = this.numbers.get(text);
		if (slot === undefined) {
			slot = this.strings.length;
			this.strings.push(this.table.shared(text));
			this.dates.push(mustParseEdtf(text));
			this.numbers.set(text, slot);
		}
		return slot;
	}

	parsed(slot: number): EdtfDate {
		return this.dates[slot] as EdtfDate;
	}

	texts(): Uint32Array {
		return Uint32Array.from(this.strings);
	}

	/** What lists read of every date without parsing it: its anchor and its width. */
	facts(): Pick<
		ColumnArrays,
		'dateInstant' | 'dateYear' | 'dateMonth' | 'dateDay' | 'dateForm' | 'dateWidth'
	> {
		const n = this.dates.length;
		const columns = {
			dateInstant: new Float64Array(n),
			dateYear: new Float64Array(n),
			dateMonth: new Uint8Array(n),
			dateDay: new Uint8Array(n),
			dateForm: new Uint8Array(n),
			dateWidth: new Uint8Array(n),
		};
		this.dates.forEach((date, slot) => {
			columns.dateWidth[slot] = Math.min(255, cellWidth(formatDate(date)));
			const anchor = anchorOf(date);
			columns.dateInstant[slot] = anchor.instant;
			columns.dateYear[slot] = anchor.year;
			columns.dateMonth[slot] = anchor.month ?? 0;
			columns.dateDay[slot] = anchor.day ?? 0;
			columns.dateForm[slot] =
				PRECISIONS.indexOf(anchor.precision) |
				(anchor.unspecifiedYearDigits << 3) |
				(anchor.bound ? BOUND : 0);
		});
		return columns;
	}
}

const PRECISIONS: readonly Precision[] = ['year', 'season', 'month', 'day', 'minute', 'second'];
const BOUND = 1 << 6;

/** The anchor of date `slot`, as `anchorOf` gave it when the columns were built. */
export function anchorAt(a: ColumnArrays, slot: number): Anchor {
	const form = a.dateForm[slot] as number;
	const month = a.dateMonth[slot] as number;
	const day = a.dateDay[slot] as number;
	return {
		bound: (form & BOUND) !== 0,
		instant: a.dateInstant[slot] as number,
		year: a.dateYear[slot] as number,
		month: month === 0 ? undefined : month,
		day: day === 0 ? undefined : day,
		precision: PRECISIONS[form & 7] ?? 'day',
		unspecifiedYearDigits: (form >> 3) & 7,
	};
}

/** Per-owner lists of one or more parallel number columns: `start[i] .. start[i + 1]` are owner i's. */
class ListBuilder {
	readonly start: Uint32Array;
	private readonly columns: Float64Array[];
	private length = 0;

	constructor(owners: number, width: number) {
		this.start = new Uint32Array(owners + 1);
		this.columns = Array.from({length: width}, () => new Float64Array(Math.max(16, owners)));
	}

	push1(a: number): void {
		this.room();
		(this.columns[0] as Float64Array)[this.length++] = a;
	}

	push2(a: number, b: number): void {
		this.room();
		(this.columns[0] as Float64Array)[this.length] = a;
		(this.columns[1] as Float64Array)[this.length++] = b;
	}

	push4(a: number, b: number, c: number, d: number): void {
		this.room();
		(this.columns[0] as Float64Array)[this.length] = a;
		(this.columns[1] as Float64Array)[this.length] = b;
		(this.columns[2] as Float64Array)[this.length] = c;
		(this.columns[3] as Float64Array)[this.length++] = d;
	}

	private room(): void {
		if (this.length < (this.columns[0] as Float64Array).length) return;
		for (let c = 0; c < this.columns.length; c++) {
			const bigger = new Float64Array(this.length * 2);
			bigger.set(this.columns[c] as Float64Array);
			this.columns[c] = bigger;
		}
	}

	end(owner: number): void {
		this.start[owner + 1] = this.length;
	}

	/** Column `c` as the typed array it is stored in. */
	take<T>(c: number, Kind: {from(values: ArrayLike<number>): T}): T {
		return Kind.from((this.columns[c] as Float64Array).subarray(0, this.length));
	}
}
