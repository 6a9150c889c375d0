import type {Dataset} from '../dataset/model.js';
import {compareKeys, quoteTime, type TimeKey, timeKey} from '../dataset/quote-time.js';
import type {Kind} from './fields.js';

/**
 * Every record of the timeline in time order, for browsing with an empty query (as fzf lists every
 * line) and for listing what a query without search terms keeps (`@maduro`, `!oil`). One typed
 * array of record codes: the kind in the top two bits, the index in the rest.
 *
 * Order: the timeline's (dates.ts, sortByDate: the instant that places a date, then the shorter
 * first; dates that give only a bound after the dated ones), quotes placed by when they were said
 * (quote-time.ts), undated quotes last; at the same time an era before an event before a quote (a
 * quote said the day of its event follows it); within a kind, the kind's own order.
 */

const KIND_CODE: Record<Kind, number> = {era: 0, event: 1, quote: 2};
const CODE_KIND: readonly Kind[] = ['era', 'event', 'quote'];
const INDEX_BITS = 30;
const INDEX_MASK = 2 ** INDEX_BITS - 1;

export function encodeRecord(kind: Kind, index: number): number {
	return KIND_CODE[kind] * 2 ** INDEX_BITS + index;
}

export function recordKind(code: number): Kind {
	return CODE_KIND[code >>> INDEX_BITS] as Kind;
}

export function recordIndex(code: number): number {
	return code & INDEX_MASK;
}

const STEP = 1 << 15;

/** The whole timeline in time order, given the quotes in time order (sortQuotesByTime). */
export function* timeOrder(dataset: Dataset, quoteOrder: Uint32Array): Generator<void, Uint32Array> {
	const merge = new TimeMerge(dataset, quoteOrder);
	while (merge.step()) yield;
	return merge.out;
}

/** The three kinds merged by time, a step at a time (in a class, not a generator: see steps.ts). */
class TimeMerge {
	readonly out: Uint32Array;
	private readonly at: Record<Kind, number> = {era: 0, event: 0, quote: 0};
	private readonly lengths: Record<Kind, number>;
	/** The time of each kind's next record (undefined when it has none left). */
	private readonly heads: Record<Kind, TimeKey | undefined> = {
		era: undefined,
		event: undefined,
		quote: undefined,
	};
	private n = 0;

	constructor(
		private readonly dataset: Dataset,
		private readonly quoteOrder: Uint32Array,
	) {
		const {eras, events, quotes} = dataset;
		this.out = new Uint32Array(eras.length + events.length + quotes.length);
		this.lengths = {era: eras.length, event: events.length, quote: quotes.length};
		for (const kind of CODE_KIND) this.advance(kind, 0);
	}

	private advance(kind: Kind, to: number): void {
		const {eras, events, quotes} = this.dataset;
		this.at[kind] = to;
		if (to >= this.lengths[kind]) {
			this.heads[kind] = undefined;
			return;
		}
		const date =
			kind === 'era'
				? eras[to]?.date
				: kind === 'event'
					? events[to]?.date
					: quoteTime(quotes[this.quoteOrder[to] as number] as Dataset['quotes'][number]);
		this.heads[kind] = timeKey(date);
	}

	/** Place up to STEP records; false when all are placed. */
	step(): boolean {
		const {out, at, heads} = this;
		const end = Math.min(out.length, this.n + STEP);
		for (; this.n < end; this.n++) {
			// Kinds tried in era, event, quote order, and only a strictly earlier one wins: a tie keeps that order.
			let best: Kind | undefined;
			for (let k = 0; k < CODE_KIND.length; k++) {
				const kind = CODE_KIND[k] as Kind;
				const head = heads[kind];
				if (head && (best === undefined || compareKeys(head, heads[best] as TimeKey) < 0)) best = kind;
			}
			const kind = best as Kind;
			const index = kind === 'quote' ? (this.quoteOrder[at.quote] as number) : at[kind];
			out[this.n] = encodeRecord(kind, index);
			this.advance(kind, at[kind] + 1);
		}
		return this.n < out.length;
	}
}

/**
 * The records of `order` that `keep` keeps (per kind, a mask by index; a kind without one is left
 * out), in order, at most `limit`.
 */
export function* listRecords(
	order: Uint32Array,
	keep: Partial<Record<Kind, Uint8Array | true>>,
	limit: number,
): Generator<void, Uint32Array> {
	const masks = CODE_KIND.map((kind) => keep[kind]);
	if (masks.every((mask) => mask === true) && limit >= order.length) return order;
	const out = new Uint32Array(Math.min(order.length, limit));
	let found = 0;
	for (let i = 0; i < order.length && found < out.length; i++) {
		const code = order[i] as number;
		const mask = masks[code >>> INDEX_BITS];
		if (mask === true || (mask !== undefined && mask[code & INDEX_MASK] === 1)) out[found++] = code;
		if ((i & (STEP - 1)) === STEP - 1) yield;
	}
	return out.subarray(0, found);
}
