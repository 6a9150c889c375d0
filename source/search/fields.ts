/**
 * What is searched in each kind of record, and how much each field weighs. These are fuse.js's keys
 * (fuse.js ranks with them) and the candidate stage's weights (it estimates fuse.js's score with
 * them), so both stages read the same table.
 *
 * A record's own texts are its fields (a quote's text, an event's summary); texts several records
 * share (a speaker's name, an event's title, a tag) are links to tables, matched once per query.
 */

export type Kind = 'event' | 'quote' | 'era';

export const KINDS: readonly Kind[] = ['event', 'quote', 'era'];

/** What a search is kept to, as `--kind` and the search line's Tab name it. */
export type Scope = 'all' | 'events' | 'quotes' | 'eras';

export const SCOPE_KINDS: Record<Scope, readonly Kind[]> = {
	all: KINDS,
	events: ['event'],
	quotes: ['quote'],
	eras: ['era'],
};

export interface Key {
	readonly name: string;
	readonly weight: number;
}

/** A quote: its words weigh most; who said it and where, less. */
export const QUOTE_KEYS: readonly Key[] = [
	{name: 'text', weight: 3},
	{name: 'speaker', weight: 1},
	{name: 'aliases', weight: 1},
	{name: 'context', weight: 0.5},
	{name: 'events', weight: 0.5},
];

/**
 * An event: its title as a quote's text. An era is ranked with the same keys (only its title is
 * filled), so an era title and an event title that match alike score alike.
 */
export const EVENT_KEYS: readonly Key[] = [
	{name: 'title', weight: 3},
	{name: 'summary', weight: 1},
	{name: 'dateText', weight: 0.5},
	{name: 'actors', weight: 1},
	{name: 'places', weight: 0.5},
	{name: 'tags', weight: 1},
	{name: 'era', weight: 0.5},
];

export const KEYS_OF: Record<Kind, readonly Key[]> = {quote: QUOTE_KEYS, event: EVENT_KEYS, era: EVENT_KEYS};

/** A key's weight as fuse.js uses it: divided by the sum of the weights of its kind's keys. */
export function keyWeight(kind: Kind, name: string): number {
	const keys = KEYS_OF[kind];
	const total = keys.reduce((sum, key) => sum + key.weight, 0);
	const key = keys.find((k) => k.name === name);
	if (!key) throw new Error(`no key ${name} for ${kind}`);
	return key.weight / total;
}

export function keyIndex(kind: Kind, name: string): number {
	const at = KEYS_OF[kind].findIndex((key) => key.name === name);
	if (at < 0) throw new Error(`no key ${name} for ${kind}`);
	return at;
}
