import {formatDate, sortByDate} from '../../source/dataset/dates.js';
import {anchorInstant, anchorOf, type EdtfDate, isBound, parseEdtf} from '../../source/dataset/edtf.js';
import type {Dataset, Era, Quote, TimelineEvent} from '../../source/dataset/model.js';
import type {ActorLinkDoc, SourceDoc, TimescopeDocument} from '../../source/dataset/schema.js';
import {cellWidth} from '../../source/text/cells.js';

/**
 * The model as it was before columns: one object per event and quote, built straight from the
 * document. Kept as the oracle the columnar model (source/dataset/columns.ts, records.ts) must agree
 * with, field by field, on every dataset (test/dataset/model.test.ts).
 */

function mustParseEdtf(text: string): EdtfDate {
	const result = parseEdtf(text);
	if (!result.ok) throw new Error(`invalid EDTF date "${text}": ${result.message}`);
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
export function buildObjectModel(doc: TimescopeDocument): Dataset {
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
			anchor: anchorOf(mustParseEdtf(event.date)),
			dateWidth: Math.min(255, cellWidth(formatDate(mustParseEdtf(event.date)))),
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
		const said = quote.said === undefined ? undefined : mustParseEdtf(quote.said);
		const model: Quote = {
			index,
			id: quote.id,
			text: quote.text,
			speaker,
			kind: quote.kind,
			said,
			saidAnchor: said && anchorOf(said),
			saidWidth: said && Math.min(255, cellWidth(formatDate(said))),
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
		dateRuns: Uint32Array.from(
			events.flatMap((event, i) => (i === 0 || event.doc.date !== events[i - 1]?.doc.date ? [i] : [])),
		),
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
