import fc from 'fast-check';
import {describe, it} from 'vitest';
import {buildDataset} from '../../source/dataset/model.js';
import type {TimescopeDocument} from '../../source/dataset/schema.js';
import type {SearchHit, SearchResult} from '../../source/search/searcher.js';
import type {Action} from '../../source/state/actions.js';
import {detailView} from '../../source/state/detail-nav.js';
import {facetItems} from '../../source/state/facets.js';
import {KEYMAP} from '../../source/state/keymap.js';
import {layoutFor} from '../../source/state/layout.js';
import {initialState, reducer} from '../../source/state/reducer.js';
import type {State} from '../../source/state/state.js';
import {rowCount, rowOfEvent} from '../../source/state/timeline.js';

/**
 * Random key sequences over random datasets (empty ones included), with search answers arriving
 * late, out of order or for stale queries, and the terminal resized now and then. After every step:
 * no exception, the cursor on an event and on screen, and the search state consistent.
 */

const DATES = [
	'2024',
	'2025-12',
	'2025-12-31',
	'2026-01-01',
	'2025-12-22/2025-12-28',
	'2025~/2026-01-02',
	'/2026-01-02',
	'../2025-06',
	'2025-12~',
	'2025-12-31?',
	'1999-07-04',
	'2025-21',
	'2026-01-01T10:30:00Z',
];
const WORDS = ['oil', 'Chevron', 'talk', 'días', '北京', 'strike', 'shore', 'ready'];

const documents = fc
	.record({
		events: fc.array(
			fc.record({
				date: fc.constantFrom(...DATES),
				title: fc.array(fc.constantFrom(...WORDS), {minLength: 1, maxLength: 4}),
				actors: fc.subarray(['a', 'b', 'c']),
				tags: fc.subarray(['x', 'y']),
			}),
			{maxLength: 40},
		),
		quotes: fc.array(
			fc.record({
				words: fc.array(fc.constantFrom(...WORDS), {minLength: 1, maxLength: 12}),
				speaker: fc.constantFrom('a', 'b', 'c'),
				event: fc.nat(60),
				kind: fc.constantFrom('direct', 'partial', 'paraphrase', undefined),
			}),
			{maxLength: 40},
		),
	})
	.map(
		({events, quotes}): TimescopeDocument => ({
			format: 'timescope/1',
			title: 'Random',
			referenceDate: '2026-01-02',
			actors: ['a', 'b', 'c'].map((id) => ({id, name: `Actor ${id}`})),
			sources: [{id: 's', title: 'Source', url: 'https://example.test/'}],
			events: events.map((event, i) => ({
				id: `e${i}`,
				date: event.date,
				title: event.title.join(' '),
				actors: event.actors,
				tags: event.tags,
				sources: ['s'],
			})),
			quotes: quotes.map((quote, i) => ({
				id: `q${i}`,
				text: quote.words.join(' '),
				speaker: quote.speaker,
				...(quote.kind && {kind: quote.kind as 'direct'}),
				// Some quotes belong to no event (their index is past the last event).
				events: quote.event < events.length ? [`e${quote.event}`] : [],
				source: 's',
			})),
		}),
	);

const BOUND_KEYS = [...new Set(KEYMAP.flatMap((binding) => binding.keys))];
const keys = fc.constantFrom(...BOUND_KEYS, 'a', 'o', '@', ' ', '2', '0', '-', 'é', '北', 'escape', 'x');

/** What can happen between two frames besides a key press. */
type Step =
	| {kind: 'key'; key: string}
	| {kind: 'answer'; stale: boolean; hits: number[]; ranges: Array<[number, number]>}
	| {kind: 'resize'; columns: number; rows: number}
	| {kind: 'index'};

const steps = fc.array(
	fc.oneof(
		{weight: 12, arbitrary: keys.map((key): Step => ({kind: 'key', key}))},
		{
			weight: 2,
			arbitrary: fc
				.record({
					stale: fc.boolean(),
					hits: fc.array(fc.nat(50), {maxLength: 12}),
					ranges: fc.array(fc.tuple(fc.integer({min: -3, max: 80}), fc.integer({min: -3, max: 80})), {
						maxLength: 4,
					}),
				})
				.map((answer): Step => ({kind: 'answer', ...answer})),
		},
		{
			weight: 1,
			arbitrary: fc
				.record({columns: fc.integer({min: 1, max: 200}), rows: fc.integer({min: 1, max: 60})})
				.map((size): Step => ({kind: 'resize', ...size})),
		},
		{weight: 1, arbitrary: fc.constant<Step>({kind: 'index'})},
	),
	{maxLength: 30},
);

function toAction(state: State, step: Step): Action {
	switch (step.kind) {
		case 'key':
			return {type: 'key', key: step.key};
		case 'resize':
			return {type: 'resize', size: {columns: step.columns, rows: step.rows}};
		case 'index':
			return {type: 'indexReady'};
		case 'answer': {
			const {quotes} = state.dataset;
			const hits: SearchHit[] = step.hits
				.map((i) => quotes[i % Math.max(1, quotes.length)])
				.filter((quote) => quote !== undefined)
				.map((quote) => ({
					kind: 'quote' as const,
					quote,
					score: 0.1,
					text: quote.text,
					textRanges: step.ranges,
					speakerRanges: [],
				}));
			const query = step.stale ? `${state.search.query}stale` : state.search.query;
			const result: SearchResult = {
				query,
				total: hits.length + 3,
				counts: {event: 0, quote: hits.length + 3, era: 0},
				hits,
				ranked: true,
			};
			return {type: 'searchResults', query, generation: state.search.generation, result};
		}
	}
}

// Plain checks: this runs on some 150 000 states, and each names the invariant it guards.
function check(holds: boolean, invariant: string): void {
	if (!holds) throw new Error(`broken: ${invariant}`);
}

function checkInvariants(state: State): void {
	const {timeline} = state;
	const count = timeline.events.length;
	const layout = layoutFor(state.size);
	check(state.cursor >= 0, 'state.cursor >= 0');
	check(state.cursor <= Math.max(0, count - 1), 'state.cursor <= Math.max(0, count - 1)');
	check(state.top >= 0, 'state.top >= 0');
	// The list's first line is always a group header (the current group's, when its own scrolled off):
	// the rows from `top` fill the lines under it.
	const rows = Math.max(1, layout.bodyHeight - 1);
	check(
		state.top <= Math.max(0, rowCount(timeline) - rows),
		'state.top <= Math.max(0, rowCount(timeline) - rows)',
	);
	if (count > 0) {
		const row = rowOfEvent(timeline, state.cursor);
		check(row >= state.top, 'row >= state.top');
		check(row < state.top + rows, 'row < state.top + rows');
	}
	const {search} = state;
	check(search.caret >= 0, 'search.caret >= 0');
	check(search.caret <= search.query.length, 'search.caret <= search.query.length');
	// An empty line is a search too (everything, in time order): any query may have an outcome.
	const hits = search.outcome?.hits.length ?? 0;
	check(search.selected >= 0, 'search.selected >= 0');
	check(search.selected <= Math.max(0, hits - 1), 'search.selected <= Math.max(0, hits - 1)');
	check(search.top <= search.selected, 'search.top <= search.selected');
	for (const position of search.outcome?.events ?? []) check(position < count, 'position < count');
	const view = detailView(state);
	if (view) {
		check(state.detail.scroll >= 0, 'state.detail.scroll >= 0');
		check(
			state.detail.scroll <= Math.max(0, view.doc.lines.length - view.height),
			'state.detail.scroll <= Math.max(0, view.doc.lines.length - view.height)',
		);
	}
	check(
		state.panes.facets.cursor <= Math.max(0, facetItems(state.base).length - 1),
		'state.panes.facets.cursor <= Math.max(0, facetItems(state.base).length - 1)',
	);
	check(state.panes.help.scroll >= 0, 'state.panes.help.scroll >= 0');
}

describe('the reducer under random input', () => {
	it('never throws, keeps the cursor on an event on screen and the search state consistent', () => {
		fc.assert(
			fc.property(documents, steps, (doc, sequence) => {
				const dataset = buildDataset(doc);
				let state = initialState({
					dataset,
					fileLabel: 'random.json',
					filters: {},
					size: {columns: 100, rows: 30},
				});
				checkInvariants(state);
				for (const step of sequence) {
					const before = state;
					state = reducer(state, toAction(state, step));
					if (before.exit !== undefined && step.kind === 'key')
						check(state === before, 'no change after exit');
					checkInvariants(state);
				}
			}),
			{numRuns: 10_000},
		);
	}, 60_000);
});
