import {describe, expect, it} from 'vitest';
import type {LoadResult} from '../../source/dataset/load.js';
import {buildDataset} from '../../source/dataset/model.js';
import {helpColumns, modeOf} from '../../source/state/keymap.js';
import {reducer} from '../../source/state/reducer.js';
import type {State} from '../../source/state/state.js';
import {answer, cursorTitle, generatedDocument, press, start, type} from './helpers.js';

const PATH = '/data/story.json';

function good(doc = generatedDocument(30)): LoadResult {
	return {
		ok: true,
		dataset: buildDataset(doc),
		file: PATH,
		format: 'timescope/1',
		problems: [],
		omitted: 0,
		skipped: {},
	};
}

function load(state: State, result: LoadResult, cause: 'key' | 'watch' = 'watch'): State {
	return reducer(state, {type: 'loaded', result, cause});
}

const broken: LoadResult = {
	ok: false,
	file: PATH,
	problems: [
		{
			file: PATH,
			line: 12,
			column: 7,
			pointer: '/events/3/date',
			code: 'bad-date',
			params: {value: 'soon'},
			message: 'expected an EDTF date, found "soon"',
		},
		{
			file: PATH,
			line: 20,
			column: 3,
			pointer: '/quotes/0/speaker',
			code: 'dangling-reference',
			params: {kind: 'actor', id: 'x'},
			message: 'no actor has the id "x"',
		},
	],
	omitted: 0,
};

describe('reload (R and --watch)', () => {
	it('R asks the view to read the file again, and says so', () => {
		const state = press(start(buildDataset(generatedDocument(30)), {path: PATH}), 'R');
		expect(state.effect).toMatchObject({kind: 'reload', path: PATH});
		expect(state.message?.text).toBe('reloading…');
	});

	it('R explains that data read from standard input cannot be reloaded', () => {
		const state = press(start(buildDataset(generatedDocument(30))), 'R');
		expect(state.effect).toBeUndefined();
		expect(state.message?.text).toMatch(/standard input/);
	});

	it('R is listed in the help, like every key', () => {
		const lines = helpColumns(200).flat();
		expect(lines).toContainEqual({kind: 'entry', keys: 'R', help: 'reload the file from disk'});
	});

	it('keeps the cursor on the same event id when events are added before it', () => {
		let state = press(start(buildDataset(generatedDocument(30)), {path: PATH}), 'j', 'j', 'j', 'j', 'j');
		expect(cursorTitle(state)).toBe('Event number 5');
		const doc = generatedDocument(30);
		// Three new events dated before everything else, and a changed title for the cursor's event.
		doc.events.unshift(
			...[1, 2, 3].map((n) => ({id: `new${n}`, date: `2024-0${n}-01`, title: `Earlier ${n}`})),
		);
		const five = doc.events.find((event) => event.id === 'e5');
		if (five) five.title = 'Event number 5, corrected';
		state = load(state, good(doc));
		expect(cursorTitle(state)).toBe('Event number 5, corrected');
		expect(state.timeline.events[state.cursor]?.id).toBe('e5');
		expect(state.dataset.events).toHaveLength(33);
		expect(state.message?.text).toBe('file changed: reloaded · 33 events, 10 quotes');
	});

	it('moves to the next event in time when the cursor’s event was deleted', () => {
		let state = press(start(buildDataset(generatedDocument(30)), {path: PATH}), 'j', 'j', 'j');
		const doc = generatedDocument(30);
		doc.events = doc.events.filter((event) => event.id !== 'e3');
		doc.quotes = doc.quotes?.filter((quote) => !quote.events?.includes('e3'));
		state = load(state, good(doc), 'key');
		expect(state.timeline.events[state.cursor]?.id).toBe('e4');
		expect(state.message?.text).toBe('reloaded · 29 events, 9 quotes');
	});

	it('keeps the last good data on screen and shows the first problem until a good version arrives', () => {
		const before = press(start(buildDataset(generatedDocument(30)), {path: PATH}), 'j', 'j');
		let state = load(before, broken);
		expect(state.dataset).toBe(before.dataset);
		expect(state.timeline).toBe(before.timeline);
		expect(state.cursor).toBe(2);
		expect(state.reloadError).toEqual({
			text: `${PATH}:12:7: /events/3/date: expected an EDTF date, found "soon"`,
			more: 1,
		});
		expect(state.message).toMatchObject({error: true});
		// The banner outlives messages: moving on does not hide it.
		state = press(state, 'j');
		expect(state.message).toBeUndefined();
		expect(state.reloadError?.more).toBe(1);
		state = load(state, good());
		expect(state.reloadError).toBeUndefined();
		expect(state.cursor).toBe(3);
	});

	it('searches the query again with the new index, never with the old one', () => {
		let state = start(buildDataset(generatedDocument(30)), {path: PATH});
		state = reducer(state, {type: 'indexReady'});
		state = answer(type(press(state, '/'), 'needle'));
		expect(state.search.outcome?.total).toBe(1);
		const generation = state.search.generation;
		const doc = generatedDocument(60);
		state = load(state, good(doc));
		expect(modeOf(state)).toBe('search');
		expect(state.search.query).toBe('needle');
		expect(state.search.indexing).toBe(true);
		expect(state.search.outcome).toBeUndefined();
		expect(state.search.generation).toBe(generation + 1);
		// An answer computed for the old generation (old data) is dropped.
		const stale = reducer(state, {
			type: 'searchResults',
			query: 'needle',
			generation,
			result: {query: 'needle', total: 0, hits: []} as never,
		});
		expect(stale.search.outcome).toBeUndefined();
		state = answer(reducer(state, {type: 'indexReady'}));
		expect(state.search.outcome?.total).toBe(2);
	});

	it('drops a picked facet that the new data no longer has, instead of showing nothing', () => {
		let state = press(start(buildDataset(generatedDocument(30)), {path: PATH}), 'f');
		// Facets: actors first (Ana, Bo), then tags (other, five); pick "five".
		state = press(state, 'j', 'j', 'j', 'enter', 'escape');
		expect(state.timeline.events.length).toBe(6);
		const doc = generatedDocument(30);
		for (const event of doc.events) event.tags = ['other'];
		state = load(state, good(doc));
		expect(state.facets.size).toBe(0);
		expect(state.timeline.events).toHaveLength(30);
	});
});
