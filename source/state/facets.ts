import {type Filters, narrow, type Selection} from '../dataset/filter.js';

/**
 * Facets: actors, tags and places the person can pick in the explorer to narrow what the command
 * line already selected. Kinds combine with AND, values of one kind with OR (as the flags do).
 * Counts are events of the command-line selection, computed once per selection, when first needed.
 */

export type FacetKind = 'actor' | 'tag' | 'place';

export interface FacetItem {
	readonly kind: FacetKind;
	readonly id: string;
	/** Dataset text (drawn through `display`). */
	readonly label: string;
	readonly count: number;
}

const FACET_KINDS: readonly FacetKind[] = ['actor', 'tag', 'place'];

const itemsCache = new WeakMap<Selection, readonly FacetItem[]>();

/** Every actor, tag and place of the selection's events, most frequent first within its kind. */
export function facetItems(selection: Selection): readonly FacetItem[] {
	let items = itemsCache.get(selection);
	if (items) return items;
	const tables: Record<FacetKind, Map<string, {label: string; count: number}>> = {
		actor: new Map(),
		tag: new Map(),
		place: new Map(),
	};
	const bump = (kind: FacetKind, id: string, label: string) => {
		const entry = tables[kind].get(id);
		if (entry) entry.count++;
		else tables[kind].set(id, {label, count: 1});
	};
	for (const event of selection.events) {
		const actors = new Map(event.actors.map((actor) => [actor.id, actor.name]));
		for (const quote of event.quotes) actors.set(quote.speaker.id, quote.speaker.name);
		for (const [id, name] of actors) bump('actor', id, name);
		for (const tag of new Set(event.tags)) bump('tag', tag, tag);
		for (const place of new Set(event.places)) bump('place', place.id, place.name);
	}
	items = FACET_KINDS.flatMap((kind) =>
		[...tables[kind]]
			.map(([id, {label, count}]) => ({kind, id, label, count}))
			.sort((a, b) => b.count - a.count || a.label.localeCompare(b.label)),
	);
	itemsCache.set(selection, items);
	return items;
}

const totalsCache = new WeakMap<readonly FacetItem[], Readonly<Record<FacetKind, number>>>();

/** How many actors, tags and places there are: the picker's headings, without a pass per frame. */
export function facetTotals(items: readonly FacetItem[]): Readonly<Record<FacetKind, number>> {
	let totals = totalsCache.get(items);
	if (!totals) {
		const counted = {actor: 0, tag: 0, place: 0};
		for (const item of items) counted[item.kind]++;
		totals = counted;
		totalsCache.set(items, totals);
	}
	return totals;
}

/**
 * Picked facets: items of `facetItems` (of the selection they were picked in), in the order picked.
 * An item is its own key: the set holds the very objects the picker lists.
 */
export type PickedFacets = ReadonlySet<FacetItem>;

/** The picked facets as filters: they narrow the command line's selection by the same rule. */
export function facetFilters(picked: PickedFacets): Filters {
	const wanted: Record<FacetKind, string[]> = {actor: [], tag: [], place: []};
	for (const {kind, id} of picked) wanted[kind].push(id);
	return {actors: wanted.actor, tags: wanted.tag, places: wanted.place};
}

/** The base selection narrowed by the picked facets. */
export function applyFacets(base: Selection, picked: PickedFacets): Selection {
	return narrow(base, facetFilters(picked));
}

/** The picks that are still among `items` (a reloaded selection's), as those items, in the same order. */
export function repick(items: readonly FacetItem[], picked: PickedFacets): PickedFacets {
	const byId: Record<FacetKind, Map<string, FacetItem>> = {
		actor: new Map(),
		tag: new Map(),
		place: new Map(),
	};
	for (const item of items) byId[item.kind].set(item.id, item);
	return new Set([...picked].flatMap((pick) => byId[pick.kind].get(pick.id) ?? []));
}
