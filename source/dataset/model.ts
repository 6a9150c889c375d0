import {compareByDate} from './dates.js';
import {type EdtfDate, parseEdtf} from './edtf.js';
import type {
	ActorDoc,
	EraDoc,
	EventDoc,
	PlaceDoc,
	QuoteDoc,
	QuoteKind,
	SourceDoc,
	TimescopeDocument,
} from './schema.js';

/**
 * The loaded dataset as the rest of timescope sees it: dates parsed, references resolved, events in
 * timeline order, each event holding its quotes. Built once from a validated document; nothing here
 * copies a dataset string, so the model costs pointers, not text.
 */

export type Actor = ActorDoc;
export type Place = PlaceDoc;
export type Source = SourceDoc;

export interface TimelineEvent {
	/** Position in `Dataset.events` (timeline order). */
	readonly index: number;
	readonly id: string;
	readonly date: EdtfDate;
	readonly title: string;
	readonly dateText?: string;
	readonly summary?: string;
	readonly actors: readonly Actor[];
	readonly places: readonly Place[];
	readonly tags: readonly string[];
	readonly sources: readonly Source[];
	/** Quotes that belong to this event, in the order they were said (then document order). */
	readonly quotes: readonly Quote[];
	readonly doc: EventDoc;
}

export interface Quote {
	/** Position in `Dataset.quotes` (document order). */
	readonly index: number;
	readonly id: string;
	readonly text: string;
	readonly speaker: Actor;
	readonly kind?: QuoteKind;
	readonly said?: EdtfDate;
	readonly context?: string;
	readonly events: readonly TimelineEvent[];
	readonly source?: Source;
	readonly original?: string;
	readonly language?: string;
	readonly doc: QuoteDoc;
}

export interface Era {
	readonly id: string;
	readonly date: EdtfDate;
	readonly title: string;
	readonly doc: EraDoc;
}

export interface Dataset {
	readonly doc: TimescopeDocument;
	readonly title: string;
	readonly summary?: string;
	readonly referenceDate?: EdtfDate;
	readonly events: readonly TimelineEvent[];
	readonly quotes: readonly Quote[];
	readonly eras: readonly Era[];
	readonly actors: ReadonlyMap<string, Actor>;
	readonly places: ReadonlyMap<string, Place>;
	readonly sources: ReadonlyMap<string, Source>;
	readonly eventsById: ReadonlyMap<string, TimelineEvent>;
}

/**
 * The event with this id as a person typed it: a terminal may send Hangul or accents composed (NFC)
 * or decomposed (NFD), whichever way the file stores them.
 */
export function findEvent(dataset: Dataset, typed: string): TimelineEvent | undefined {
	const {eventsById} = dataset;
	return (
		eventsById.get(typed) ?? eventsById.get(typed.normalize('NFC')) ?? eventsById.get(typed.normalize('NFD'))
	);
}

/** Dates in a validated document always parse; this turns the result type into the value. */
export function mustParseEdtf(text: string): EdtfDate {
	const result = parseEdtf(text);
	if (!result.ok) throw new Error(`invalid EDTF date "${text}" in a validated document: ${result.message}`);
	return result.date;
}

function byId<T extends {id: string}>(items: readonly T[] | undefined): Map<string, T> {
	return new Map((items ?? []).map((item) => [item.id, item]));
}

// Shared by every event or quote without such references: an archive has hundreds of thousands.
const NONE: readonly never[] = Object.freeze([]);

function resolve<T>(ids: readonly string[] | undefined, table: ReadonlyMap<string, T>): readonly T[] {
	if (ids === undefined || ids.length === 0) return NONE;
	const out: T[] = [];
	for (const key of ids ?? []) {
		const item = table.get(key);
		if (item !== undefined) out.push(item);
	}
	return out;
}

/** Build the model from a document that passed schema and reference checks. */
export function buildDataset(doc: TimescopeDocument): Dataset {
	const actors = byId(doc.actors);
	const places = byId(doc.places);
	const sources = byId(doc.sources);

	interface MutableEvent extends Omit<TimelineEvent, 'index' | 'quotes'> {
		index: number;
		quotes: Quote[];
	}
	const events: MutableEvent[] = doc.events.map((event) => ({
		index: 0,
		id: event.id,
		date: mustParseEdtf(event.date),
		title: event.title,
		dateText: event.dateText,
		summary: event.summary,
		actors: resolve(event.actors, actors),
		places: resolve(event.places, places),
		tags: event.tags ?? NONE,
		sources: resolve(event.sources, sources),
		quotes: [],
		doc: event,
	}));
	events.sort(compareByDate);
	events.forEach((event, index) => {
		event.index = index;
	});
	const eventsById = new Map<string, MutableEvent>(events.map((event) => [event.id, event]));

	const quotes: Quote[] = (doc.quotes ?? []).map((quote, index) => {
		const speaker = actors.get(quote.speaker) ?? {id: quote.speaker, name: quote.speaker};
		const linked = resolve(quote.events, eventsById);
		const model: Quote = {
			index,
			id: quote.id,
			text: quote.text,
			speaker,
			kind: quote.kind,
			said: quote.said === undefined ? undefined : mustParseEdtf(quote.said),
			context: quote.context,
			events: linked,
			source: quote.source === undefined ? undefined : sources.get(quote.source),
			original: quote.original,
			language: quote.language,
			doc: quote,
		};
		for (const event of linked) event.quotes.push(model);
		return model;
	});
	for (const event of events) {
		if (event.quotes.length > 1) event.quotes.sort(compareQuotes);
	}

	const eras: Era[] = (doc.eras ?? [])
		.map((era) => ({id: era.id, date: mustParseEdtf(era.date), title: era.title, doc: era}))
		.sort(compareByDate);

	return {
		doc,
		title: doc.title,
		summary: doc.summary,
		referenceDate: doc.referenceDate === undefined ? undefined : mustParseEdtf(doc.referenceDate),
		events,
		quotes,
		eras,
		actors,
		places,
		sources,
		eventsById,
	};
}

function compareQuotes(a: Quote, b: Quote): number {
	const said = (a.said?.min ?? Number.POSITIVE_INFINITY) - (b.said?.min ?? Number.POSITIVE_INFINITY);
	return Number.isNaN(said) || said === 0 ? a.index - b.index : said;
}
