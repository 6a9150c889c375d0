import {describe, expect, it} from 'vitest';
import {loadText} from '../../source/dataset/load.js';
import type {Dataset} from '../../source/dataset/model.js';
import {buildTimeline, type Grouping} from '../../source/state/timeline.js';
import {sparklineFor} from '../../source/ui/sparkline.js';
import {readShared} from '../helpers/shared.js';
import {cursorTitle, loadCliFixture, press, start, type} from './helpers.js';

/**
 * Where each kind of time goes in the explorer's state: dated events in order, what gives only a bound
 * after them and off the sparkline, the first cursor on the dated story; groupings down to deep time.
 */

const kinds = loadCliFixture('kinds-of-time');
const deep = loadCliFixture('deep-time');
const labels = (dataset: Dataset, grouping: Grouping) =>
	buildTimeline(dataset, grouping, true, dataset.reference).groupLabels;

describe('placement of dates that give only a bound', () => {
	it('comes after the dated timeline, in groups by bound, and never takes the first cursor', () => {
		const state = start(kinds);
		const {timeline} = state;
		expect(cursorTitle(state)).toBe('Council vote on the harbour');
		expect(timeline.datedCount).toBe(7);
		expect(timeline.events.slice(7).map((event) => event.id)).toEqual(['review', 'closure']);
		expect(timeline.groupLabels.slice(-2)).toEqual([
			'Date not given · on or after 1 Dec 2025',
			'Date not given · reported by 2 Jan 2026',
		]);
	});

	it('is left off the sparkline: no column, no count', () => {
		const {timeline} = start(kinds);
		const sparkline = sparklineFor(timeline, 40);
		if (!sparkline) throw new Error('no sparkline');
		const closure = timeline.events.find((event) => event.id === 'closure');
		if (!closure) throw new Error('no closure');
		expect(sparkline.column(closure)).toBeUndefined();
		expect(timeline.domain?.last.id).toBe('statement');
		// The bars are scaled to the dated events only: the tallest holds the two on 31 Dec.
		expect(sparkline.text).toContain('█');
		const onlyBounds = buildTimeline({events: timeline.events.slice(7), quotes: []}, 'day', false);
		expect(onlyBounds.domain).toBeUndefined();
		expect(sparklineFor(onlyBounds, 40)).toBeUndefined();
	});

	it('is never where a date jump lands', () => {
		const late = press(type(press(start(kinds), 't'), '2027'), 'enter');
		expect(cursorTitle(late)).toBe('Council statement');
		expect(late.message?.text).toBe('no event on or after 2027: showing the last dated one');
		const deepJump = press(type(press(start(deep), 't'), 'Y-100000000'), 'enter');
		expect(cursorTitle(deepJump)).toBe('An impact ends an age');
	});

	it('keeps its place when the grouping changes', () => {
		let state = press(start(kinds), 'G');
		expect(cursorTitle(state)).toBe('Harbour closed to tankers');
		state = press(state, 'z');
		expect(cursorTitle(state)).toBe('Harbour closed to tankers');
		expect(state.timeline.groupLabels.at(-1)).toBe('Date not given · reported by 2 Jan 2026');
	});
});

describe('groupings, down to deep time', () => {
	it('chooses the grouping from the dated span', () => {
		expect(start(kinds).timeline.grouping).toBe('month');
		expect(start(deep).timeline.grouping).toBe('billion');
	});

	it('names groups of deep time in years ago', () => {
		expect(labels(deep, 'billion')).toEqual([
			'13.8 billion years ago',
			'4.5 billion years ago',
			'500 million years ago',
			'since 100 million years ago',
			'100,000,000–199,999,999',
		]);
		expect(labels(deep, 'million')).toEqual([
			'13.8 billion years ago',
			'4.54 billion years ago',
			'541 million years ago',
			'66 million years ago',
			'since 1 million years ago',
			'170,000,000–170,999,999',
		]);
	});

	it('names decades, centuries and millennia on both sides of year 1', () => {
		expect(labels(deep, 'millennium').slice(4)).toEqual([
			'300,999–300,000 BC',
			'3999–3000 BC',
			'999–1 BC',
			'1–999',
			'1000–1999',
			'170,000,000–170,000,999',
		]);
		expect(labels(deep, 'century').slice(5)).toEqual([
			'3500s BC',
			'500s BC',
			'99–1 BC',
			'1–99',
			'1900s',
			'170,000,000s',
		]);
		expect(labels(deep, 'decade').slice(6)).toEqual(['500s BC', '9–1 BC', '1–9', '1960s', '170,000,000s']);
		expect(labels(deep, 'year').slice(6)).toEqual(['500 BC', '1 BC', '1', '1969', '170,000,002']);
	});

	it('steps z to coarser groupings and back to days once everything is one group', () => {
		let state = start(kinds);
		const seen = [state.timeline.grouping];
		for (let i = 0; i < 4; i++) {
			state = press(state, 'z');
			seen.push(state.timeline.grouping);
		}
		expect(seen).toEqual(['month', 'year', 'decade', 'day', 'month']);
		state = press(start(deep), 'z');
		expect(state.timeline.grouping).toBe('day');
		expect(state.message?.text).toBe('grouped by day');
		for (const grouping of ['month', 'year', 'decade', 'century', 'millennium', 'million years']) {
			state = press(state, 'z');
			expect(state.message?.text).toBe(`grouped by ${grouping}`);
		}
		state = press(state, 'z');
		expect(state.message?.text).toBe('grouped by 100 million years');
	});

	it('places deep time on the sparkline in order, the Big Bang at the left edge', () => {
		const {timeline} = start(deep);
		const sparkline = sparklineFor(timeline, 100);
		if (!sparkline) throw new Error('no sparkline');
		const columns = timeline.events.map((event) => sparkline.column(event) ?? -1);
		expect(columns[0]).toBe(0);
		expect(columns).toEqual([...columns].sort((a, b) => a - b));
		expect(columns.at(-1)).toBe(99);
	});
});

describe('eras in the explorer', () => {
	const erasTemplate = async () => {
		const result = await loadText(
			readShared('timelinejs-examples/TimelineJS3__src__template__eras.json'),
			'eras.json',
		);
		if (!result.ok) throw new Error('the TimelineJS eras template does not load');
		return result.dataset;
	};

	it('e and E jump between the eras of TimelineJS’s own template, saying which', async () => {
		const dataset = await erasTemplate();
		expect(dataset.eras.map((era) => era.title)).toEqual([
			'Era Test 600-650',
			'Era Test 650-700',
			'Era Test 700-720',
		]);
		let state = start(dataset);
		expect(cursorTitle(state)).toBe('Last great Roman-Persian War.');
		state = press(state, 'e');
		expect(state.message?.text).toBe('era: Era Test 650-700 (650–700)');
		// 650 is in both the first and the second era: it counts as the one that started last.
		expect(cursorTitle(state)).toBe('Slav occupation of Balkans complete.');
		// The third era holds no event: there is nothing later to go to.
		state = press(state, 'e');
		expect(state.message?.text).toBe('no later era');
		state = press(state, 'j', 'E');
		expect(cursorTitle(state)).toBe('Slav occupation of Balkans complete.');
		state = press(state, 'E');
		expect(cursorTitle(state)).toBe('Last great Roman-Persian War.');
		expect(state.message?.text).toBe('era: Era Test 600-650 (600–650)');
		state = press(state, 'E');
		expect(state.message?.text).toBe('no earlier era');
	});

	it('goes from the undated facts back to the last era with events', () => {
		let state = press(start(kinds), 'G');
		expect(cursorTitle(state)).toBe('Harbour closed to tankers');
		state = press(state, 'E');
		expect(cursorTitle(state)).toBe('Harbour works under way');
		expect(state.message?.text).toBe('era: The works (2025 – Jan 2026)');
		expect(press(start(deep), 'e').message?.text).toBe('era: Animals (541 million years ago – AD 1969)');
	});

	it('says so when the timeline has no eras', () => {
		const plain = {...kinds, eras: []};
		expect(press(start(plain), 'e').message?.text).toBe('this timeline has no eras');
	});
});
