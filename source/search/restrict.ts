import type {Selection} from '../dataset/filter.js';
import type {Kind} from './fields.js';
import type {Collection, Link, SearchIndex} from './index.js';
import type {ParsedQuery} from './query.js';

/**
 * Which records a search may return, whatever its terms: those of a filtered timeline (`within`),
 * those `@name` and `#tag` keep. Per kind, a mask by record index (1: may match), `true` for every
 * record, or `false` for none.
 */
export type Allowed = Readonly<Record<Kind, Uint8Array | boolean>>;

const masks = new WeakMap<readonly unknown[], Uint8Array>();

/** A mask of the items of `subset` (a filtered list of `all`'s items), by their `index`. */
function maskOf(subset: ReadonlyArray<{index: number}>, size: number): Uint8Array {
	let mask = masks.get(subset);
	if (!mask) {
		mask = new Uint8Array(size);
		for (const item of subset) mask[item.index] = 1;
		masks.set(subset, mask);
	}
	return mask;
}

export function allowedRecords(
	index: SearchIndex,
	query: ParsedQuery,
	within: Selection | undefined,
): Allowed {
	const {dataset} = index;
	const whole = !within || (within.events === dataset.events && within.quotes === dataset.quotes);
	// Eras are not part of any filtered timeline: they are searched with the whole of it.
	let allowed: Record<Kind, Uint8Array | boolean> = {
		era: whole,
		event: whole || maskOf(within.events, dataset.events.length),
		quote: whole || maskOf(within.quotes, dataset.quotes.length),
	};
	if (query.speakers.length > 0) allowed = both(allowed, bySpeaker(index, query.speakers));
	if (query.tags.length > 0) allowed = both(allowed, byTags(index, query.tags));
	return allowed;
}

function both(a: Allowed, b: Allowed): Record<Kind, Uint8Array | boolean> {
	const and = (x: Uint8Array | boolean, y: Uint8Array | boolean): Uint8Array | boolean => {
		if (x === false || y === false) return false;
		if (x === true) return y;
		if (y === true) return x;
		const out = new Uint8Array(x.length);
		for (let i = 0; i < out.length; i++) out[i] = (x[i] as number) & (y[i] as number);
		return out;
	};
	return {era: and(a.era, b.era), event: and(a.event, b.event), quote: and(a.quote, b.quote)};
}

/** Mark the records linked (by `link`) to the entries `entries` marks. */
function holdersOf(link: Link, entries: Uint8Array, size: number): Uint8Array {
	const out = new Uint8Array(size);
	const {holders} = link;
	for (let entry = 0; entry < entries.length; entry++) {
		if (!entries[entry]) continue;
		for (let h = holders.start[entry] as number; h < (holders.start[entry + 1] as number); h++)
			out[holders.items[h] as number] = 1;
	}
	return out;
}

function linkNamed(collection: Collection, kind: string): Link {
	const link = collection.links.find((l) => l.name === kind);
	if (!link) throw new Error(`no ${kind} link in ${collection.kind}`);
	return link;
}

/** `@name`: quotes by an actor every name matches; events that actor takes part in or speaks at. */
function bySpeaker(index: SearchIndex, names: readonly string[]): Allowed {
	const actors = Uint8Array.from(index.actors, ({keys}) =>
		names.every((name) => keys.some((key) => key.includes(name))) ? 1 : 0,
	);
	const quotes = holdersOf(linkNamed(index.quotes, 'speaker'), actors, index.quotes.size);
	const events = holdersOf(linkNamed(index.events, 'actors'), actors, index.events.size);
	const quoteEvents = linkNamed(index.quotes, 'events');
	for (let q = 0; q < quotes.length; q++) {
		if (!quotes[q]) continue;
		for (let p = quoteEvents.start[q] as number; p < (quoteEvents.start[q + 1] as number); p++)
			events[quoteEvents.list[p] as number] = 1;
	}
	return {era: false, event: events, quote: quotes};
}

/** `#tag`: events with a tag each pattern is part of, and the quotes of those events. */
function byTags(index: SearchIndex, wanted: readonly string[]): Allowed {
	const tagLink = linkNamed(index.events, 'tags');
	let events: Uint8Array | undefined;
	for (const pattern of wanted) {
		const tags = Uint8Array.from(index.tags, (tag) => (tag.includes(pattern) ? 1 : 0));
		const these = holdersOf(tagLink, tags, index.events.size);
		if (events)
			for (let e = 0; e < events.length; e++) events[e] = (events[e] as number) & (these[e] as number);
		else events = these;
	}
	const kept = events ?? new Uint8Array(index.events.size);
	const quoteEvents = linkNamed(index.quotes, 'events');
	const quotes = new Uint8Array(index.quotes.size);
	for (let q = 0; q < quotes.length; q++) {
		for (let p = quoteEvents.start[q] as number; p < (quoteEvents.start[q + 1] as number); p++) {
			if (kept[quoteEvents.list[p] as number]) {
				quotes[q] = 1;
				break;
			}
		}
	}
	return {era: false, event: kept, quote: quotes};
}
