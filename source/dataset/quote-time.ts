import type {EdtfDate} from './edtf.js';
import type {Quote} from './model.js';

/**
 * When a quote was said, for putting quotes in time order: its `said` date, else the date of the
 * earliest event it belongs to (events are in timeline order, so the one with the lowest index),
 * else nothing: an undated quote comes after every dated one.
 */
export function quoteTime(quote: Quote): EdtfDate | undefined {
	if (quote.said) return quote.said;
	let earliest = quote.events[0];
	for (const event of quote.events) if (earliest && event.index < earliest.index) earliest = event;
	return earliest?.date;
}

/** Records between yields of the sort: a few milliseconds. */
const SORT_STEP = 1 << 15;

/**
 * Quote indices in time order: by the earliest instant each could fall on, then the latest (so a
 * month comes before a day in it, as events do), then document order; undated quotes last. A merge
 * sort in steps, so a million quotes are sorted between other work.
 */
export function* sortQuotesByTime(quotes: readonly Quote[]): Generator<void, Uint32Array> {
	const n = quotes.length;
	const min = new Float64Array(n);
	const max = new Float64Array(n);
	for (let q = 0; q < n; q += SORT_STEP) {
		readTimes(quotes, q, Math.min(n, q + SORT_STEP), min, max);
		yield;
	}
	let from = new Uint32Array(n);
	let to = new Uint32Array(n);
	for (let q = 0; q < n; q++) from[q] = q;
	for (let width = 1; width < n; width *= 2) {
		// Runs of `width` merged pairwise, a step's worth of records at a time.
		for (let start = 0; start < n; ) {
			start = mergeStep(from, to, start, width, n, min, max);
			yield;
		}
		[from, to] = [to, from];
	}
	return from;
}

// The loops of the sort, in plain functions: V8 optimises generator bodies poorly.

function readTimes(
	quotes: readonly Quote[],
	from: number,
	to: number,
	min: Float64Array,
	max: Float64Array,
): void {
	for (let q = from; q < to; q++) {
		const time = quoteTime(quotes[q] as Quote);
		min[q] = time ? time.min : Number.POSITIVE_INFINITY;
		max[q] = time ? time.max : Number.POSITIVE_INFINITY;
	}
}

/** Merge pairs of runs from `start` until about SORT_STEP records are done; where the next pair starts. */
function mergeStep(
	from: Uint32Array,
	to: Uint32Array,
	start: number,
	width: number,
	n: number,
	min: Float64Array,
	max: Float64Array,
): number {
	let at = start;
	const until = start + Math.max(SORT_STEP, 2 * width);
	while (at < n && at < until) {
		mergeRuns(from, to, at, Math.min(n, at + width), Math.min(n, at + 2 * width), min, max);
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
	min: Float64Array,
	max: Float64Array,
): void {
	let i = start;
	let j = middle;
	let k = start;
	while (i < middle && j < end) {
		const a = from[i] as number;
		const b = from[j] as number;
		const order = (min[a] as number) - (min[b] as number) || (max[a] as number) - (max[b] as number);
		// Equal or incomparable (two undated quotes): the earlier run first, which is document order.
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
