import {type Anchor, anchorInstant, type EdtfDate, isBound} from './edtf.js';
import type {Quote, TimelineEvent} from './model.js';

/**
 * Quotes in the order they were said, as the timeline orders events (dates.ts, sortByDate): by the
 * instant that places a date, then the shorter first; dates that give only a bound after the dated
 * ones; then document order. A quote is placed by its `said` date, else by its earliest event;
 * a quote with neither comes after all the others.
 */

/** When a quote was said: its `said` date, else its earliest event's date (events are in timeline order). */
export function quoteTime(quote: Quote): EdtfDate | undefined {
	return quote.said ?? earliestEvent(quote)?.date;
}

/** The anchor of `quoteTime`, read without parsing it: one object per date (events.anchor). */
export function quoteAnchor(quote: Quote): Anchor | undefined {
	return quote.saidAnchor ?? earliestEvent(quote)?.anchor;
}

/** Cells `quoteTime` takes in its short form (formatDate), read without parsing it. */
export function quoteTimeWidth(quote: Quote): number {
	return quote.saidWidth ?? earliestEvent(quote)?.dateWidth ?? 0;
}

function earliestEvent(quote: Quote): TimelineEvent | undefined {
	let earliest = quote.events[0];
	for (let i = 1; i < quote.events.length; i++) {
		const event = quote.events[i];
		if (event && earliest && event.index < earliest.index) earliest = event;
	}
	return earliest;
}

/** A place in time as numbers: rank (0 dated, 1 a bound only, 2 no date), anchor, then the last instant. */
export interface TimeKey {
	rank: number;
	anchor: number;
	last: number;
}

export function timeKey(date: EdtfDate | undefined): TimeKey {
	if (!date) return {rank: 2, anchor: 0, last: 0};
	return {rank: isBound(date) ? 1 : 0, anchor: anchorInstant(date), last: date.max};
}

/** Negative when `a` comes first; 0 (or NaN, two ongoing ends) when time does not tell them apart. */
export function compareKeys(a: TimeKey, b: TimeKey): number {
	return a.rank - b.rank || a.anchor - b.anchor || a.last - b.last;
}

/** Records between yields of the sort: a few milliseconds. */
const SORT_STEP = 1 << 15;

const orders = new WeakMap<readonly Quote[], Uint32Array>();

/**
 * Quote indices in the order said. A merge sort in steps, so a million quotes are sorted between
 * other work; the result is kept for these quotes (the search index and the quotes view share it).
 */
export function* sortQuotesByTime(quotes: readonly Quote[]): Generator<void, Uint32Array> {
	const known = orders.get(quotes);
	if (known) return known;
	const n = quotes.length;
	const rank = new Uint8Array(n);
	const anchor = new Float64Array(n);
	const last = new Float64Array(n);
	for (let q = 0; q < n; q += SORT_STEP) {
		readKeys(quotes, q, Math.min(n, q + SORT_STEP), rank, anchor, last);
		yield;
	}
	let from = new Uint32Array(n);
	let to = new Uint32Array(n);
	for (let q = 0; q < n; q++) from[q] = q;
	const keys = {rank, anchor, last};
	for (let width = 1; width < n; width *= 2) {
		// Runs of `width` merged pairwise, a step's worth of records at a time.
		for (let start = 0; start < n; ) {
			start = mergeStep(from, to, start, width, n, keys);
			yield;
		}
		[from, to] = [to, from];
	}
	orders.set(quotes, from);
	return from;
}

/** The same, in one go (the quotes view, when the search index has not sorted them yet). */
/**
 * Take `order` as these quotes' order in time, if it is an order of them: the one a search index
 * brought from where it was built (the loading process, the run that wrote a cache entry), which
 * sorted these same quotes. The quotes view then opens without sorting them again (200 ms at 200k).
 */
export function adoptOrder(quotes: readonly Quote[], order: Uint32Array): void {
	if (orders.has(quotes) || order.length !== quotes.length) return;
	const seen = new Uint8Array(quotes.length);
	for (let i = 0; i < order.length; i++) {
		const q = order[i] as number;
		if (q >= quotes.length || seen[q]) return;
		seen[q] = 1;
	}
	orders.set(quotes, order);
}

export function quotesByTime(quotes: readonly Quote[]): Uint32Array {
	const steps = sortQuotesByTime(quotes);
	for (;;) {
		const step = steps.next();
		if (step.done) return step.value;
	}
}

// The loops of the sort, in plain functions: V8 optimises generator bodies poorly.

interface Keys {
	rank: Uint8Array;
	anchor: Float64Array;
	last: Float64Array;
}

function readKeys(
	quotes: readonly Quote[],
	from: number,
	to: number,
	rank: Uint8Array,
	anchor: Float64Array,
	last: Float64Array,
): void {
	for (let q = from; q < to; q++) {
		const key = timeKey(quoteTime(quotes[q] as Quote));
		rank[q] = key.rank;
		anchor[q] = key.anchor;
		last[q] = key.last;
	}
}

/** Merge pairs of runs from `start` until about SORT_STEP records are done; where the next pair starts. */
function mergeStep(
	from: Uint32Array,
	to: Uint32Array,
	start: number,
	width: number,
	n: number,
	keys: Keys,
): number {
	let at = start;
	const until = start + Math.max(SORT_STEP, 2 * width);
	while (at < n && at < until) {
		mergeRuns(from, to, at, Math.min(n, at + width), Math.min(n, at + 2 * width), keys);
		at += 2 * width;
	}
	return at;
}

function mergeRuns(
	from: Uint32Array,
	to: Uint32Array,
	start: number,
	middle: number,
	end: number,
	keys: Keys,
): void {
	const {rank, anchor, last} = keys;
	let i = start;
	let j = middle;
	let k = start;
	while (i < middle && j < end) {
		const a = from[i] as number;
		const b = from[j] as number;
		const order =
			(rank[a] as number) - (rank[b] as number) ||
			(anchor[a] as number) - (anchor[b] as number) ||
			(last[a] as number) - (last[b] as number);
		// Equal or incomparable (two ongoing ends): the earlier run first, which is document order.
		if (order > 0) {
			to[k++] = b;
			j++;
		} else {
			to[k++] = a;
			i++;
		}
	}
	while (i < middle) to[k++] = from[i++] as number;
	while (j < end) to[k++] = from[j++] as number;
}
