import type {ItemKind} from './problems.js';
import {actorSchema, eraSchema, eventSchema, placeSchema, quoteSchema, sourceSchema} from './schema.js';

/**
 * The six kinds of item a `timescope/1` document lists, and how they refer to one another: the one
 * table the validator, the lenient loader and the NDJSON reader all read.
 */

export type {ItemKind} from './problems.js';

export const LISTS = {
	actor: 'actors',
	place: 'places',
	source: 'sources',
	event: 'events',
	quote: 'quotes',
	era: 'eras',
} as const satisfies Record<ItemKind, string>;

export type ListName = (typeof LISTS)[ItemKind];

/** In document order, which is also the order the kinds are checked and reported in. */
export const ITEM_KINDS = Object.keys(LISTS) as ItemKind[];

export const ITEM_SCHEMAS = {
	actor: actorSchema,
	place: placeSchema,
	source: sourceSchema,
	event: eventSchema,
	quote: quoteSchema,
	era: eraSchema,
} as const;

export interface Reference {
	key: string;
	kind: ItemKind;
	/** A required reference cannot be dropped: the item goes with what it refers to. */
	required: boolean;
}

export const REFERENCES: Readonly<Record<ItemKind, readonly Reference[]>> = {
	actor: [],
	place: [],
	source: [],
	event: [
		{key: 'actors', kind: 'actor', required: false},
		{key: 'places', kind: 'place', required: false},
		{key: 'sources', kind: 'source', required: false},
	],
	// A quote is never shown without its speaker: data fidelity is who said it.
	quote: [
		{key: 'speaker', kind: 'actor', required: true},
		{key: 'events', kind: 'event', required: false},
		{key: 'source', kind: 'source', required: false},
	],
	era: [],
};

/** Own keys only: a data key such as `toString` or `__proto__` names no kind. */
export function isItemKind(key: string): key is ItemKind {
	return Object.hasOwn(LISTS, key);
}
