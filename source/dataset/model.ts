import {buildColumns} from './columns.js';
import type {Reference} from './dates.js';
import type {Anchor, EdtfDate} from './edtf.js';
import type {QuoteKind} from './quote-kinds.js';
import {openColumns} from './records.js';
import type {ActorDoc, EraDoc, EventDoc, PlaceDoc, QuoteDoc, SourceDoc, TimescopeDocument} from './schema.js';

/**
 * The loaded dataset as the rest of timescope sees it: dates parsed (when read; their anchors are
 * numbers kept beside them), references resolved, events in timeline order, each event holding its
 * quotes. Built once from a validated document into columns
 * (columns.ts) that records read (records.ts): the parsed document is not kept, and `doc` gives back
 * each item's document, the same keys in the same order, when asked.
 */

export type Actor = ActorDoc;
export type Place = PlaceDoc;
export type Source = SourceDoc;

export interface TimelineEvent {
	/** Position in `Dataset.events` (timeline order). */
	readonly index: number;
	readonly id: string;
	readonly date: EdtfDate;
	/** The date's anchor: where the timeline places and groups the event, read without parsing it. */
	readonly anchor: Anchor;
	/** Cells the date's short form (formatDate) takes, up to 255, read without parsing it. */
	readonly dateWidth: number;
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
	/** The `said` date's anchor and width (as an event's), read without parsing it. */
	readonly saidAnchor?: Anchor;
	readonly saidWidth?: number;
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
	/**
	 * Where each run of events that share a date starts (timeline order): a timeline of the whole
	 * dataset groups and counts 24k runs instead of 100k events.
	 */
	readonly dateRuns: Uint32Array;
}

/** The model of a document that passed schema and reference checks. */
export function buildDataset(doc: TimescopeDocument): Dataset {
	return openColumns(buildColumns(doc));
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

/** An event's actor as the source words it: `CIA (reported)`. */
export function actorLabel(event: TimelineEvent, actor: Actor): string {
	const qualifier = event.actorQualifiers.get(actor.id);
	return qualifier === undefined ? actor.name : `${actor.name} (${qualifier})`;
}
