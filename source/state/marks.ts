import type {Selection} from '../dataset/filter.js';
import type {Dataset, Quote, TimelineEvent} from '../dataset/model.js';
import {sanitize} from '../text/sanitize.js';
import {stepAmong, stepMessage} from './list.js';
import type {State} from './state.js';
import type {Timeline} from './timeline.js';

/**
 * Marks: events and quotes a person set aside while reading, by id, so they outlive a reload and the
 * session (`store`: they are kept under the dataset's real path, see `system/marks-store.ts`). A mark
 * whose item is gone from the data after a reload is kept and shown as missing, never dropped: the
 * item may come back, and the person should know it went. Each keeps a label, written when it was
 * marked, to say what is missing.
 */

export type MarkKind = 'event' | 'quote';

export interface Mark {
	readonly kind: MarkKind;
	readonly id: string;
	/** What it was when marked: the event's title, or the quote's first words and speaker. */
	readonly label: string;
}

export interface Marks {
	/** In the order they were made. */
	readonly items: readonly Mark[];
	/** The dataset's real path, the marks' key between sessions; undefined: for this session only. */
	readonly store?: string;
}

/** A mark and what it marks in the data now. */
export type Marked =
	| {readonly mark: Mark; readonly kind: 'event'; readonly event: TimelineEvent}
	| {readonly mark: Mark; readonly kind: 'quote'; readonly quote: Quote}
	| {readonly mark: Mark; readonly kind: 'missing'};

export type Markable =
	| {readonly kind: 'event'; readonly event: TimelineEvent}
	| {readonly kind: 'quote'; readonly quote: Quote};

const LABEL_WORDS = 60;

export function markOf(target: Markable): Mark {
	if (target.kind === 'event') {
		return {kind: 'event', id: target.event.id, label: sanitize(target.event.title)};
	}
	const {quote} = target;
	const text = sanitize(quote.text);
	const words = text.length > LABEL_WORDS ? `${text.slice(0, LABEL_WORDS).trimEnd()}…` : text;
	return {kind: 'quote', id: quote.id, label: `“${words}” — ${sanitize(quote.speaker.name)}`};
}

const keyOf = (kind: MarkKind, id: string) => `${kind}\u0000${id}`;

const keySets = new WeakMap<readonly Mark[], ReadonlySet<string>>();

function keys(items: readonly Mark[]): ReadonlySet<string> {
	let set = keySets.get(items);
	if (!set) {
		set = new Set(items.map((mark) => keyOf(mark.kind, mark.id)));
		keySets.set(items, set);
	}
	return set;
}

export function isMarked(marks: Marks, kind: MarkKind, id: string): boolean {
	return marks.items.length > 0 && keys(marks.items).has(keyOf(kind, id));
}

/** The marks with `mark` added, or taken away when it is there already. */
export function toggleMark(marks: Marks, mark: Mark): {marks: Marks; on: boolean} {
	if (isMarked(marks, mark.kind, mark.id)) {
		const items = marks.items.filter((other) => other.kind !== mark.kind || other.id !== mark.id);
		return {marks: {...marks, items}, on: false};
	}
	return {marks: {...marks, items: [...marks.items, mark]}, on: true};
}

const resolvedCache = new WeakMap<Dataset, WeakMap<readonly Mark[], readonly Marked[]>>();

/**
 * Every mark with what it marks now, in timeline order (a quote at its first event, a quote of no
 * event after the events), the missing ones last in the order they were made. One pass over the
 * quotes when some are marked: the dataset has no index of quotes by id, and needs none for this.
 */
export function resolveMarks(dataset: Dataset, items: readonly Mark[]): readonly Marked[] {
	let byItems = resolvedCache.get(dataset);
	if (!byItems) {
		byItems = new WeakMap();
		resolvedCache.set(dataset, byItems);
	}
	const cached = byItems.get(items);
	if (cached) return cached;
	const quoteIds = new Set(items.filter((mark) => mark.kind === 'quote').map((mark) => mark.id));
	const quotes = new Map<string, Quote>();
	if (quoteIds.size > 0) {
		for (const quote of dataset.quotes) if (quoteIds.has(quote.id)) quotes.set(quote.id, quote);
	}
	const resolved = items.map((mark): Marked => {
		if (mark.kind === 'event') {
			const event = dataset.eventsById.get(mark.id);
			return event ? {mark, kind: 'event', event} : {mark, kind: 'missing'};
		}
		const quote = quotes.get(mark.id);
		return quote ? {mark, kind: 'quote', quote} : {mark, kind: 'missing'};
	});
	const order = (marked: Marked): [number, number] => {
		if (marked.kind === 'event') return [marked.event.index, -1];
		if (marked.kind === 'quote') {
			const first = Math.min(...marked.quote.events.map((event) => event.index));
			return [Number.isFinite(first) ? first : dataset.events.length, marked.quote.index];
		}
		return [Number.POSITIVE_INFINITY, 0];
	};
	const sorted = resolved
		.map((marked, made) => ({marked, key: order(marked), made}))
		.sort((a, b) => a.key[0] - b.key[0] || a.key[1] - b.key[1] || a.made - b.made)
		.map(({marked}) => marked);
	byItems.set(items, sorted);
	return sorted;
}

const eventSets = new WeakMap<readonly Marked[], ReadonlySet<TimelineEvent>>();

/** Events marked, or holding a marked quote (drawn with ★ in the timeline). */
export function markedEvents(dataset: Dataset, items: readonly Mark[]): ReadonlySet<TimelineEvent> {
	const resolved = resolveMarks(dataset, items);
	let events = eventSets.get(resolved);
	if (!events) {
		const found = new Set<TimelineEvent>();
		for (const marked of resolved) {
			if (marked.kind === 'event') found.add(marked.event);
			else if (marked.kind === 'quote') for (const event of marked.quote.events) found.add(event);
		}
		events = found;
		eventSets.set(resolved, events);
	}
	return events;
}

const positionsCache = new WeakMap<Timeline, {items: readonly Mark[]; positions: Int32Array}>();

/** Timeline positions of the marked events (and those holding marked quotes), ascending: for u/U. */
export function markedPositions(timeline: Timeline, dataset: Dataset, items: readonly Mark[]): Int32Array {
	const cached = positionsCache.get(timeline);
	if (cached?.items === items) return cached.positions;
	const positions = Int32Array.from(
		[...markedEvents(dataset, items)].map((event) => timeline.indexOf(event)).filter((at) => at >= 0),
	).sort();
	positionsCache.set(timeline, {items, positions});
	return positions;
}

/**
 * What exporting the marks writes: the marked events with their quotes, each marked quote, and the
 * event of a marked quote for its context (with only the quotes marked). Missing marks are left out.
 */
export function marksSelection(dataset: Dataset, items: readonly Mark[]): Selection {
	const events = new Set<TimelineEvent>();
	const quotes = new Set<Quote>();
	for (const marked of resolveMarks(dataset, items)) {
		if (marked.kind === 'event') {
			events.add(marked.event);
			for (const quote of marked.event.quotes) quotes.add(quote);
		} else if (marked.kind === 'quote') {
			quotes.add(marked.quote);
			for (const event of marked.quote.events) events.add(event);
		}
	}
	return {
		events: [...events].sort((a, b) => a.index - b.index),
		quotes: [...quotes].sort((a, b) => a.index - b.index),
	};
}

/** u / U: the next (previous) event in the timeline that is marked or holds a marked quote. */
export function stepMark(state: State, dir: 1 | -1): State {
	const {items} = state.marks;
	if (items.length === 0) {
		const key = state.keymap.keysFor('timeline', {type: 'mark'});
		return {
			...state,
			message: {text: `no marks yet${key ? `: ${key} marks the event under the cursor` : ''}`},
		};
	}
	const positions = markedPositions(state.timeline, state.dataset, items);
	if (positions.length === 0) return {...state, message: {text: 'no marked event in this timeline'}};
	const step = stepAmong(state, positions, dir);
	return {...step.state, message: {text: stepMessage(step, positions.length, 'marked', dir)}};
}
