import {describe, expect, it} from 'vitest';
import {buildDataset} from '../../source/dataset/model.js';
import {modeOf} from '../../source/state/keymap.js';
import {marksSelection, resolveMarks} from '../../source/state/marks.js';
import {reducer} from '../../source/state/reducer.js';
import type {State} from '../../source/state/state.js';
import {answer, cursorTitle, loadFixture, press, start, type} from './helpers.js';

/** m, M, u/U: marks by id, in the timeline, the detail, search and their own list. */

const small = loadFixture('small');

function at(state: State, title: string): State {
	let next = press(state, 'g');
	while (cursorTitle(next) !== title) next = press(next, 'j');
	return next;
}

describe('m', () => {
	it('marks the event under the timeline cursor, and unmarks it', () => {
		const kept = {items: [], store: '/data/small.json'};
		const marked = press(at(start(small, {marks: kept}), 'Interview taped'), 'm');
		expect(marked.marks.items).toEqual([{kind: 'event', id: 'taped', label: 'Interview taped'}]);
		expect(marked.message?.text).toBe('marked event Interview taped · 1 mark');
		const unmarked = press(marked, 'm');
		expect(unmarked.marks.items).toEqual([]);
		expect(unmarked.message?.text).toBe('unmarked event Interview taped · 0 marks');
	});

	it('marks the detail’s selected quote when the detail has the focus', () => {
		const state = press(at(start(small), 'Interview taped'), 'enter', ']', 'm');
		expect(state.marks.items).toEqual([
			{
				kind: 'quote',
				id: 'talk',
				label: '“This could be something we talk about in a few days.” — Nicolás Maduro',
			},
		]);
	});

	it('marks the selected search result (Ctrl-S: the search line takes m as text)', () => {
		let state = answer(type(press(start(small), '/'), 'chevron'));
		state = press(state, 'ctrl-s');
		expect(state.search.query).toBe('chevron');
		expect(state.marks.items.map((mark) => `${mark.kind}:${mark.id}`)).toEqual(['quote:chevron']);
		state = press(state, 'm');
		expect(state.search.query).toBe('chevronm');
	});

	it('says the marks last this session only when the data came from standard input', () => {
		const state = press(start(small), 'm');
		expect(state.message?.text).toContain('for this session only: the data came from standard input');
		const stored = press(start(small, {marks: {items: [], store: '/data/small.json'}}), 'm');
		expect(stored.message?.text).not.toContain('session only');
	});
});

describe('u and U', () => {
	it('step through the marked events, and those holding a marked quote, wrapping', () => {
		let state = press(at(start(small), 'Disputed election'), 'm');
		state = press(at(state, 'Interview aired on state TV'), 'enter', ']', 'm', 'escape');
		state = press(state, 'g', 'u');
		expect(cursorTitle(state)).toBe('Interview aired on state TV');
		expect(state.message?.text).toBe('event 2 of 2 marked');
		state = press(state, 'u');
		expect(cursorTitle(state)).toBe('Disputed election');
		expect(state.message?.text).toBe('event 1 of 2 marked (wrapped to the top)');
		expect(cursorTitle(press(state, 'U'))).toBe('Interview aired on state TV');
	});

	it('say how to mark when there is no mark', () => {
		expect(press(start(small), 'u').message?.text).toBe('no marks yet: m marks the event under the cursor');
	});
});

describe('the marks list (M)', () => {
	it('lists the marks in timeline order, the detail following the selection', () => {
		let state = press(at(start(small), 'Interview aired on state TV'), 'm');
		state = press(at(state, 'Disputed election'), 'm');
		state = press(state, 'M');
		expect(modeOf(state)).toBe('marks');
		expect(resolveMarks(state.dataset, state.marks.items).map((marked) => marked.mark.id)).toEqual([
			'election',
			'aired',
		]);
		expect(state.panes.marks.cursor).toBe(0);
		state = press(state, 'j');
		expect(state.panes.marks.cursor).toBe(1);
	});

	it('Enter goes to the mark in the timeline with its detail open, on the marked quote', () => {
		let state = press(at(start(small), 'Interview taped'), 'enter', ']', 'm', 'escape', 'g', 'M');
		state = press(state, 'enter');
		expect(modeOf(state)).toBe('detail');
		expect(state.view).toBe('timeline');
		expect(cursorTitle(state)).toBe('Interview taped');
		expect(state.detail.quote).toBe(1);
	});

	it('m takes the selected mark away', () => {
		let state = press(at(start(small), 'Interview taped'), 'm', 'M');
		state = press(state, 'm');
		expect(state.marks.items).toEqual([]);
		expect(modeOf(state)).toBe('marks');
	});

	it('keeps a mark whose item is gone after a reload, as missing', () => {
		let state = press(at(start(small, {path: '/data/small.json'}), 'Interview taped'), 'm');
		const without = buildDataset({
			...small.doc,
			events: small.doc.events.filter((event) => event.id !== 'taped'),
		});
		state = reducer(state, {
			type: 'loaded',
			result: {
				ok: true,
				dataset: without,
				file: 'small.json',
				format: 'timescope/1',
				problems: [],
				omitted: 0,
				skipped: {},
			},
			cause: 'key',
		});
		expect(state.marks.items).toHaveLength(1);
		const [marked] = resolveMarks(state.dataset, state.marks.items);
		expect(marked?.kind).toBe('missing');
		state = press(state, 'M', 'enter');
		expect(state.message?.text).toBe('event taped is not in the data any more (kept in case it comes back)');
	});
});

describe('exporting marks', () => {
	it('takes the marked events with their quotes, and a marked quote with its event for context', () => {
		let state = press(at(start(small), 'Disputed election'), 'm');
		state = press(at(state, 'Interview aired on state TV'), 'enter', ']', 'm');
		const selection = marksSelection(state.dataset, state.marks.items);
		expect(selection.events.map((event) => event.id)).toEqual(['election', 'aired']);
		expect(selection.quotes.map((quote) => quote.id)).toEqual(['paraphrase']);
	});
});
