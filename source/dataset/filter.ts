import {type EdtfDate, isBound} from './edtf.js';
import type {Dataset, Quote, TimelineEvent} from './model.js';
import type {TimescopeDocument} from './schema.js';

/**
 * Narrowing a dataset: the `--from/--to/--actor/--tag/--place` flags, and the explorer's facets on top
 * of them. Different kinds of filter combine with AND; several values of one kind with OR.
 */
export interface Filters {
	from?: EdtfDate;
	to?: EdtfDate;
	/**
	 * How a date must stand to the `from`/`to` window: `may` fall inside it (it overlaps: the default,
	 * so nothing that could be in the window is hidden) or `certain`ly fall inside it.
	 */
	dateMatch?: DateMatch;
	/** Let items with no date, or a date that gives only a bound ("by 2 Jan 2026"), through a window. */
	includeUndated?: boolean;
	/** Actor ids: events the actor takes part in or speaks at, and the actor's own quotes. */
	actors?: readonly string[];
	/** Tags as the dataset writes them. */
	tags?: readonly string[];
	/** Place ids. */
	places?: readonly string[];
}

export type DateMatch = 'may' | 'certain';

export interface Selection {
	readonly events: readonly TimelineEvent[];
	readonly quotes: readonly Quote[];
}

/** Whether a selection is the whole dataset: nothing narrows it (the one way to ask). */
export function isWhole(selection: Selection, dataset: Dataset): boolean {
	return selection.events === dataset.events && selection.quotes === dataset.quotes;
}

export function select(dataset: Dataset, filters: Filters): Selection {
	return narrow({events: dataset.events, quotes: dataset.quotes}, filters);
}

/** What of `base` the filters keep; `base` itself when they keep everything. */
export function narrow(base: Selection, filters: Filters): Selection {
	const actors = new Set(filters.actors ?? []);
	const tags = new Set(filters.tags ?? []);
	const places = new Set(filters.places ?? []);
	if (!filters.from && !filters.to && actors.size + tags.size + places.size === 0) return base;
	const inWindow = dateWindow(filters);

	const events = base.events.filter(
		(event) =>
			inWindow(event.date) &&
			(actors.size === 0 ||
				event.actors.some((actor) => actors.has(actor.id)) ||
				event.quotes.some((quote) => actors.has(quote.speaker.id))) &&
			(tags.size === 0 || event.tags.some((tag) => tags.has(tag))) &&
			(places.size === 0 || event.places.some((place) => places.has(place.id))),
	);
	const kept = new Set(events);
	const quotes = base.quotes.filter((quote) => {
		if (actors.size > 0 && !actors.has(quote.speaker.id)) return false;
		if (quote.events.length > 0) return quote.events.some((event) => kept.has(event));
		// A quote tied to no event is kept by its own date, unless an event facet (tag, place) is set.
		return tags.size === 0 && places.size === 0 && inWindow(quote.said);
	});
	return {events, quotes};
}

/** Whether a date passes the `from`/`to` window of the filters. */
export function dateWindow(filters: Filters): (date: EdtfDate | undefined) => boolean {
	if (filters.from === undefined && filters.to === undefined) return () => true;
	const start = filters.from?.min ?? Number.NEGATIVE_INFINITY;
	const end = filters.to?.max ?? Number.POSITIVE_INFINITY;
	const undated = filters.includeUndated === true;
	// "May fall inside": a December event matches --to 2025-12-15. "Certainly": all of it is inside.
	if (filters.dateMatch === 'certain') {
		return (date) => (date === undefined || isBound(date) ? undated : date.min >= start && date.max <= end);
	}
	return (date) => (date === undefined || isBound(date) ? undated : date.max >= start && date.min <= end);
}

/**
 * The filters in words, one part per kind, values of a kind joined by "or" as they combine:
 * `["from 2025-12", "actor Donald Trump or Nicolás Maduro", "tag military"]`. Dataset text, raw:
 * the caller sanitizes for its output.
 */
export function describeFilters(dataset: Dataset, filters: Filters): string[] {
	const anyOf = (kind: string, names: readonly string[]) =>
		names.length === 0
			? []
			: [`${kind} ${names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} or ${names.at(-1)}`}`];
	return [
		...(filters.from ? [`from ${filters.from.text}`] : []),
		...(filters.to ? [`to ${filters.to.text}`] : []),
		...(filters.dateMatch === 'certain' ? ['certainly inside'] : []),
		...(filters.includeUndated ? ['with undated'] : []),
		...anyOf(
			'actor',
			(filters.actors ?? []).map((id) => dataset.actors.get(id)?.name ?? id),
		),
		...anyOf('tag', filters.tags ?? []),
		...anyOf(
			'place',
			(filters.places ?? []).map((id) => dataset.places.get(id)?.name ?? id),
		),
	];
}

/** The selection as a `timescope/1` document: same root, only the chosen events and quotes. */
export function toDocument(dataset: Dataset, selection: Selection): TimescopeDocument {
	const doc = dataset.doc;
	if (isWhole(selection, dataset)) return doc;
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
