import {fold} from '../text/fold.js';
import type {EdtfDate} from './edtf.js';
import type {Actor, Dataset, Quote, TimelineEvent} from './model.js';
import type {TimescopeDocument} from './schema.js';

/**
 * Narrowing a dataset: the `--from/--to/--actor/--tag/--place` flags and the explorer's facets.
 * Different kinds of filter combine with AND; several values of one kind with OR.
 */
export interface Filters {
	from?: EdtfDate;
	to?: EdtfDate;
	/** Actor ids: events the actor takes part in or speaks at, and the actor's own quotes. */
	actors?: readonly string[];
	tags?: readonly string[];
	/** Place ids. */
	places?: readonly string[];
}

export interface Selection {
	readonly events: readonly TimelineEvent[];
	readonly quotes: readonly Quote[];
}

export function isFiltered(filters: Filters): boolean {
	return (
		filters.from !== undefined ||
		filters.to !== undefined ||
		(filters.actors?.length ?? 0) > 0 ||
		(filters.tags?.length ?? 0) > 0 ||
		(filters.places?.length ?? 0) > 0
	);
}

export function select(dataset: Dataset, filters: Filters): Selection {
	if (!isFiltered(filters)) return {events: dataset.events, quotes: dataset.quotes};
	const start = filters.from?.min ?? Number.NEGATIVE_INFINITY;
	const end = filters.to?.max ?? Number.POSITIVE_INFINITY;
	// A date overlaps the window when it could fall inside it: a December event matches --to 2025-12-15.
	const inWindow = (date: EdtfDate | undefined) =>
		date === undefined || (date.max >= start && date.min <= end);
	const actors = new Set(filters.actors ?? []);
	const tags = new Set(filters.tags ?? []);
	const places = new Set(filters.places ?? []);

	const events = dataset.events.filter(
		(event) =>
			inWindow(event.date) &&
			(actors.size === 0 ||
				event.actors.some((actor) => actors.has(actor.id)) ||
				event.quotes.some((quote) => actors.has(quote.speaker.id))) &&
			(tags.size === 0 || event.tags.some((tag) => tags.has(tag))) &&
			(places.size === 0 || event.places.some((place) => places.has(place.id))),
	);
	const kept = new Set(events);
	const quotes = dataset.quotes.filter((quote) => {
		if (actors.size > 0 && !actors.has(quote.speaker.id)) return false;
		if (quote.events.length > 0) return quote.events.some((event) => kept.has(event));
		// A quote tied to no event is kept by its own date, unless an event facet (tag, place) is set.
		return tags.size === 0 && places.size === 0 && inWindow(quote.said);
	});
	return {events, quotes};
}

/** Actors whose id, name or alias contains `query`, ignoring case and accents ("nicolas" finds Nicolás). */
export function findActors(dataset: Dataset, query: string): Actor[] {
	const wanted = fold(query.trim());
	if (wanted === '') return [];
	const exact = dataset.actors.get(query);
	if (exact) return [exact];
	return [...dataset.actors.values()].filter((actor) =>
		[actor.id, actor.name, ...(actor.aliases ?? [])].some((name) => fold(name).includes(wanted)),
	);
}

/** The selection as a `timescope/1` document: same root, only the chosen events and quotes. */
export function toDocument(dataset: Dataset, selection: Selection): TimescopeDocument {
	const doc = dataset.doc;
	if (selection.events === dataset.events && selection.quotes === dataset.quotes) return doc;
	const eventIds = new Set(selection.events.map((event) => event.id));
	return {
		...doc,
		events: doc.events.filter((event) => eventIds.has(event.id)),
		quotes: selection.quotes.map((quote) => ({
			...quote.doc,
			// A kept quote may also belong to events the filter dropped; those links would dangle.
			...(quote.doc.events && {events: quote.doc.events.filter((id) => eventIds.has(id))}),
		})),
	};
}
