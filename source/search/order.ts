import type {EdtfDate} from '../dataset/edtf.js';
import type {Dataset} from '../dataset/model.js';
import {quoteTime} from '../dataset/quote-time.js';
import type {Kind} from './fields.js';

/**
 * Every record of the timeline in time order, for browsing with an empty query (as fzf lists every
 * line) and for listing what a query without search terms keeps (`@maduro`, `!oil`). One typed
 * array of record codes: the kind in the top two bits, the index in the rest.
 *
 * Order: by the earliest instant a record could fall on, then the latest; at the same time an era
 * before an event before a quote (a quote said the day of its event follows it); within a kind, the
 * kind's own order (eras and events in timeline order, quotes by sortQuotesByTime). Undated quotes
 * come last.
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
	private n = 0;

	constructor(
		private readonly dataset: Dataset,
		private readonly quoteOrder: Uint32Array,
	) {
		const {eras, events, quotes} = dataset;
		this.out = new Uint32Array(eras.length + events.length + quotes.length);
		this.lengths = {era: eras.length, event: events.length, quote: quotes.length};
	}

	private time(kind: Kind, index: number): EdtfDate | undefined {
		const {eras, events, quotes} = this.dataset;
		if (kind === 'era') return eras[index]?.date;
		if (kind === 'event') return events[index]?.date;
		return quoteTime(quotes[this.quoteOrder[index] as number] as Dataset['quotes'][number]);
	}

	/** Place up to STEP records; false when all are placed. */
	step(): boolean {
		const {out, at, lengths} = this;
		const end = Math.min(out.length, this.n + STEP);
		for (; this.n < end; this.n++) {
			let best: Kind | undefined;
			let bestTime: EdtfDate | undefined;
			for (let k = 0; k < CODE_KIND.length; k++) {
				const kind = CODE_KIND[k] as Kind;
				if (at[kind] >= lengths[kind]) continue;
				const candidate = this.time(kind, at[kind]);
				if (best === undefined || earlier(candidate, bestTime)) {
					best = kind;
					bestTime = candidate;
				}
			}
			const kind = best as Kind;
			const index = kind === 'quote' ? (this.quoteOrder[at.quote] as number) : at[kind];
			at[kind]++;
			out[this.n] = encodeRecord(kind, index);
		}
		return this.n < out.length;
	}
}

/** Strictly earlier; kinds are tried in era, event, quote order, so a tie keeps that order. */
function earlier(a: EdtfDate | undefined, b: EdtfDate | undefined): boolean {
	if (!a) return false;
	if (!b) return true;
	return a.min < b.min || (a.min === b.min && a.max < b.max);
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
