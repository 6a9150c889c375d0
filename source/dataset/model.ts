import {type Reference, sortByDate} from './dates.js';
import {anchorInstant, type EdtfDate, isBound, parseEdtf} from './edtf.js';
import type {
	ActorDoc,
	ActorLinkDoc,
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
	/** Actor id → the source's hedge on that actor's part ("reported"), for the actors that have one. */
	readonly actorQualifiers: ReadonlyMap<string, string>;
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
	/** The reference date, and whether it is a source's publication date. */
	readonly reference?: Reference;
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
const NO_QUALIFIERS: ReadonlyMap<string, string> = new Map();

function linkId(link: ActorLinkDoc): string {
	return typeof link === 'string' ? link : link.id;
}

function qualifiersOf(links: readonly ActorLinkDoc[] | undefined): ReadonlyMap<string, string> {
	let qualifiers: Map<string, string> | undefined;
	for (const link of links ?? []) {
		if (typeof link === 'string' || link.qualifier === undefined) continue;
		qualifiers ??= new Map();
		qualifiers.set(link.id, link.qualifier);
	}
	return qualifiers ?? NO_QUALIFIERS;
}

/** An event's actor as the source words it: `CIA (reported)`. */
export function actorLabel(event: TimelineEvent, actor: Actor): string {
	const qualifier = event.actorQualifiers.get(actor.id);
	return qualifier === undefined ? actor.name : `${actor.name} (${qualifier})`;
}

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
	const events: MutableEvent[] = sortByDate(
		doc.events.map((event) => ({
			index: 0,
			id: event.id,
			date: mustParseEdtf(event.date),
			title: event.title,
			dateText: event.dateText,
			summary: event.summary,
			actors: resolve(event.actors?.map(linkId), actors),
			actorQualifiers: qualifiersOf(event.actors),
			places: resolve(event.places, places),
			tags: event.tags ?? NONE,
			sources: resolve(event.sources, sources),
			quotes: [],
			doc: event,
		})),
	);
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

	const eras: Era[] = sortByDate(
		(doc.eras ?? []).map((era) => ({
			id: era.id,
			date: mustParseEdtf(era.date),
			title: era.title,
			doc: era,
		})),
	);

	const referenceDate = doc.referenceDate === undefined ? undefined : mustParseEdtf(doc.referenceDate);
	return {
		doc,
		title: doc.title,
		summary: doc.summary,
		referenceDate,
		reference: referenceDate && {date: referenceDate, publication: isPublished(referenceDate, doc.sources)},
		events,
		quotes,
		eras,
		actors,
		places,
		sources,
		eventsById,
	};
}

/** Whether a date is the publication date of one of the sources (an article's date). */
function isPublished(date: EdtfDate, sources: readonly SourceDoc[] | undefined): boolean {
	return (sources ?? []).some((source) => {
		if (!source.published) return false;
		const parsed = parseEdtf(source.published);
		return parsed.ok && parsed.date.min === date.min && parsed.date.max === date.max;
	});
}

// Words with a date first, in the order said; words given no date or only a bound after them.
function compareQuotes(a: Quote, b: Quote): number {
	const when = (quote: Quote) =>
		quote.said === undefined || isBound(quote.said) ? Number.POSITIVE_INFINITY : anchorInstant(quote.said);
	const said = when(a) - when(b);
	return Number.isNaN(said) || said === 0 ? a.index - b.index : said;
}
