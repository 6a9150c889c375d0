import {isWhole} from '../dataset/filter.js';
import type {Actor, Quote} from '../dataset/model.js';
import {quoteAnchor, quotesByTime, quoteTime, quoteTimeWidth} from '../dataset/quote-time.js';
import {foldText} from '../search/fold.js';
import type {State} from './state.js';
import {type Groups, groupByDate, runsOf} from './timeline.js';

/**
 * The quotes view's list: every quote of the timeline shown (its filters and facets), in the order
 * it was said (its `said` date, else its event's; undated last, dataset/quote-time.ts), grouped by
 * date (at the timeline's grouping) or by speaker (speakers by name, each one's quotes in time
 * order). Built once per selection, grouping and timeline grouping.
 */

export type QuoteGrouping = 'date' | 'speaker';

export interface QuoteList extends Groups {
	readonly by: QuoteGrouping;
	/** The quotes in display order. */
	readonly quotes: readonly Quote[];
	readonly labels: readonly string[];
	/** Cells the widest of their dates takes (quoteTimeWidth). */
	readonly dateWidth: number;
}

const lists = new WeakMap<readonly Quote[], Map<string, QuoteList>>();

export function quoteList(state: State, by: QuoteGrouping): QuoteList {
	const {selection, grouping} = state.timeline;
	let known = lists.get(selection.quotes);
	if (!known) {
		known = new Map();
		lists.set(selection.quotes, known);
	}
	const key = `${by} ${grouping}`;
	let list = known.get(key);
	if (!list) {
		const inTime = quotesInTime(state);
		const runs = runsOf(inTime, quoteAnchor);
		// Every date measured, a run of quotes on one date at a time: they share its width.
		let dateWidth = 4;
		for (let r = 0; r < runs.length; r++)
			dateWidth = Math.max(dateWidth, quoteTimeWidth(inTime[runs[r] as number] as Quote));
		if (by === 'date') {
			const groups = groupByDate(inTime, runs, quoteAnchor, quoteTime, grouping, state.dataset.reference);
			list = {by, quotes: inTime, ...groups, dateWidth};
		} else list = {...bySpeaker(inTime), dateWidth};
		known.set(key, list);
	}
	return list;
}

/** The timeline's quotes in the order said: the dataset's order, kept to the selection. */
function quotesInTime(state: State): Quote[] {
	const {dataset} = state;
	const order = quotesByTime(dataset.quotes);
	const whole = isWhole(state.timeline.selection, dataset);
	const kept = whole ? undefined : new Set(state.timeline.selection.quotes);
	const out: Quote[] = [];
	for (let i = 0; i < order.length; i++) {
		const quote = dataset.quotes[order[i] as number] as Quote;
		if (!kept || kept.has(quote)) out.push(quote);
	}
	return out;
}

/** Speakers by name (as search folds it), each with their quotes in the order said. */
function bySpeaker(inTime: readonly Quote[]): Omit<QuoteList, 'dateWidth'> {
	const bySpeakerMap = new Map<Actor, Quote[]>();
	for (const quote of inTime) {
		const list = bySpeakerMap.get(quote.speaker);
		if (list) list.push(quote);
		else bySpeakerMap.set(quote.speaker, [quote]);
	}
	const speakers = [...bySpeakerMap.keys()]
		.map((actor) => ({actor, name: foldText(actor.name)}))
		.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
	const quotes: Quote[] = [];
	const starts: number[] = [];
	const groupOf = new Int32Array(inTime.length);
	const labels: string[] = [];
	for (const {actor} of speakers) {
		const own = bySpeakerMap.get(actor) as Quote[];
		starts.push(quotes.length);
		groupOf.fill(labels.length, quotes.length, quotes.length + own.length);
		labels.push(actor.name);
		for (const quote of own) quotes.push(quote);
	}
	starts.push(quotes.length);
	return {by: 'speaker', quotes, groupStart: Int32Array.from(starts), groupOf, labels};
}
