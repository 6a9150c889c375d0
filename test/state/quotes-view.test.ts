import {describe, expect, it} from 'vitest';
import {buildDataset} from '../../source/dataset/model.js';
import type {TimescopeDocument} from '../../source/dataset/schema.js';
import {detailView, selectedQuote} from '../../source/state/detail-nav.js';
import {modeOf} from '../../source/state/keymap.js';
import {listOfQuotes, selectedQuoteOf} from '../../source/state/panes/quotes.js';
import type {State} from '../../source/state/state.js';
import {cellWidth} from '../../source/text/cells.js';
import {answer, press, start, type, WIDE} from './helpers.js';

/** The quotes view: who said what, when. */

const doc: TimescopeDocument = {
	format: 'timescope/1',
	title: 'Quotes at every precision',
	actors: [
		{id: 'ana', name: 'Ana Ruiz'},
		{id: 'bo', name: 'Bo Lind'},
	],
	events: [
		{id: 'talks', date: '2025-11', title: 'Talks in November', tags: ['diplomacy']},
		{id: 'strike', date: '2025-12-20', title: 'The strike', tags: ['military']},
	],
	quotes: [
		{id: 'undated', text: 'No date and no event.', speaker: 'bo'},
		{id: 'bound', text: 'Said by the new year, no more is known.', speaker: 'ana', said: '[..2026-01-01]'},
		{id: 'month', text: 'Said in December.', speaker: 'bo', said: '2025-12'},
		{id: 'day', text: 'Said on the first of December.', speaker: 'ana', said: '2025-12-01'},
		{id: 'event-dated', text: 'Placed by its event, November.', speaker: 'bo', events: ['talks']},
		{id: 'year', text: 'Said in 2025.', speaker: 'ana', said: '2025'},
		{id: 'strike-day', text: 'After the strike.', speaker: 'ana', said: '2025-12-20', events: ['strike']},
	],
};

const data = buildDataset(doc);
const open = (state: State = start(data, {size: WIDE})) => press(state, 'Q');
const ids = (state: State) => listOfQuotes(state).quotes.map((quote) => quote.id);

describe('the quotes view', () => {
	it('lists every quote in the order said, at mixed precisions, undated last', () => {
		const state = open();
		expect(modeOf(state)).toBe('quotes');
		expect(ids(state)).toEqual([
			// 2025 starts on 1 Jan 2025; November (by its event); 1 Dec and December start together, the day
			// ends first; 20 Dec; then what gives only a bound; then what has no date at all.
			'year',
			'event-dated',
			'day',
			'month',
			'strike-day',
			'bound',
			'undated',
		]);
		const list = listOfQuotes(state);
		expect(list.labels.at(-1)).toBe('No known date');
		expect(list.labels).toContain('December 2025');
		// The date column fits the widest date, its own or its event's: "by 1 Jan 2026".
		expect(list.dateWidth).toBe(cellWidth('by 1 Jan 2026'));
		expect(listOfQuotes(press(state, 'z')).dateWidth).toBe(list.dateWidth);
	});

	it('z groups by speaker (by name, each in the order said) and back, keeping the selection', () => {
		let state = press(open(), 'j', 'j');
		expect(selectedQuoteOf(state)?.id).toBe('day');
		state = press(state, 'z');
		expect(state.message?.text).toBe('quotes by speaker');
		expect(listOfQuotes(state).labels).toEqual(['Ana Ruiz', 'Bo Lind']);
		expect(ids(state)).toEqual(['year', 'day', 'strike-day', 'bound', 'event-dated', 'month', 'undated']);
		expect(selectedQuoteOf(state)?.id).toBe('day');
		state = press(state, 'z');
		expect(listOfQuotes(state).by).toBe('date');
		expect(selectedQuoteOf(state)?.id).toBe('day');
	});

	it('shows the selected quote in its event; Enter opens it there; a quote without an event opens alone', () => {
		let state = press(open(), 'j');
		expect(selectedQuoteOf(state)?.id).toBe('event-dated');
		state = press(state, 'enter');
		expect(modeOf(state)).toBe('detail');
		const view = detailView(state);
		expect(view?.subject.kind === 'event' && view.subject.event.id).toBe('talks');
		expect(selectedQuote(state)?.id).toBe('event-dated');
		state = press(state, 'escape');
		expect(modeOf(state)).toBe('quotes');
		state = press(state, 'G', 'enter');
		expect(detailView(state)?.subject).toEqual({
			kind: 'quote',
			quote: expect.objectContaining({id: 'undated'}),
		});
	});

	it('y copies the selected quote with its attribution', () => {
		const state = press(open(), 'j', 'j', 'y');
		expect(state.effect).toMatchObject({
			kind: 'copy',
			text: expect.stringContaining('Said on the first of December.'),
		});
	});

	it('n and N go to the quotes the search found, wrapping', () => {
		let state = answer(type(press(start(data, {size: WIDE}), '/'), 'said'));
		state = press(state, 'escape', 'Q');
		expect(selectedQuoteOf(state)?.id).toBe('year');
		state = press(state, 'n');
		expect(selectedQuoteOf(state)?.id).toBe('day');
		state = press(state, 'n', 'n');
		expect(selectedQuoteOf(state)?.id).toBe('bound');
		state = press(state, 'n');
		expect(selectedQuoteOf(state)?.id).toBe('year');
		expect(state.message?.text).toContain('wrapped to the top');
		state = press(state, 'N');
		expect(selectedQuoteOf(state)?.id).toBe('bound');
	});

	it('keeps to the facets', () => {
		let state = press(start(data, {size: WIDE, filters: {tags: ['military']}}), 'Q');
		expect(ids(state)).toEqual(['strike-day']);
		state = press(start(data, {size: WIDE, filters: {tags: ['nothing-has-this']}}), 'Q');
		expect(ids(state)).toEqual([]);
		expect(press(state, 'enter').message?.text).toBe('no quotes to open');
	});

	it('Esc goes back to the timeline', () => {
		const state = press(open(), 'escape');
		expect(modeOf(state)).toBe('timeline');
	});
});
