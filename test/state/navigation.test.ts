import {describe, expect, it} from 'vitest';
import {formatDate} from '../../source/dataset/dates.js';
import {buildDataset} from '../../source/dataset/model.js';
import {readDateInput} from '../../source/state/date-input.js';
import {detailView} from '../../source/state/detail-nav.js';
import {modeOf} from '../../source/state/keymap.js';
import {shownFacets} from '../../source/state/panes/facets.js';
import {currentHit, searchSummary} from '../../source/state/search.js';
import {answer, cursorTitle, generatedDocument, loadFixture, press, start, type} from './helpers.js';

/** Moving around without losing one's place: overlays, the detail, the picker, dates, the search. */

const small = loadFixture('small');
/** The small fixture's reference date, 2 Jan 2026, as an instant. */
const REFERENCE = Date.UTC(2026, 0, 2);

describe('overlays give back what they covered', () => {
	it('F1 over the date prompt returns to it with what was typed', () => {
		let state = type(press(start(small), 't'), '2025');
		state = press(state, 'f1');
		expect(modeOf(state)).toBe('help');
		state = press(state, 'q');
		expect(modeOf(state)).toBe('date');
		expect(state.panes.date.text).toBe('2025');
		expect(cursorTitle(press(state, 'enter'))).toBe('Earlier release of prisoners');
	});

	it('F1 over the search line and over the export prompt returns to them with what was typed', () => {
		let search = type(press(start(small), '/'), 'oil');
		search = press(search, 'f1');
		expect(modeOf(search)).toBe('help');
		search = press(search, 'q');
		expect(modeOf(search)).toBe('search');
		expect(search.search.query).toBe('oil');
		let prompt = type(press(start(small), 'w', 'ctrl-u'), 'notes.md');
		prompt = press(prompt, 'f1');
		expect(modeOf(prompt)).toBe('help');
		prompt = press(prompt, 'escape');
		expect(modeOf(prompt)).toBe('export');
		expect(prompt.panes.export.text).toBe('notes.md');
	});

	it('F1 over the picker’s filter returns to the filter, then Esc to the picker, Esc to the timeline', () => {
		let state = type(press(start(small), 'f', '/'), 'tr');
		state = press(state, 'f1', 'escape');
		expect(modeOf(state)).toBe('facetFilter');
		expect(state.panes.facets.filter).toBe('tr');
		state = press(state, 'escape');
		expect(modeOf(state)).toBe('facets');
		expect(state.panes.facets.filter).toBe('tr');
		expect(modeOf(press(state, 'escape'))).toBe('timeline');
	});
});

describe('next and previous event from the detail', () => {
	it('J and K move the list under the detail, which shows the event from its top', () => {
		let state = press(start(small, {size: {columns: 60, rows: 12}}), 'enter', 'j', 'j');
		expect(state.detail.scroll).toBe(2);
		state = press(state, 'J');
		expect(modeOf(state)).toBe('detail');
		expect(cursorTitle(state)).toBe('Earlier release of prisoners');
		expect(state.detail.scroll).toBe(0);
		state = press(state, 'K', 'K');
		expect(cursorTitle(state)).toBe('Disputed election');
		expect(state.message?.text).toBe('no earlier event');
		expect(press(state, 'G', 'J').detail.scroll).toBe(0);
	});

	it('steps through search results when the detail shows them', () => {
		let state = answer(type(press(start(small), '/'), 'in'));
		const hits = state.search.outcome?.hits.length ?? 0;
		expect(hits).toBeGreaterThan(1);
		state = press(state, 'shift-tab', 'J');
		expect(modeOf(state)).toBe('detail');
		expect(state.search.selected).toBe(1);
	});
});

describe('the facet picker', () => {
	const crowd = buildDataset({
		...generatedDocument(30),
		actors: Array.from({length: 666}, (_, i) => ({
			id: `a${i}`,
			name: i === 400 ? 'Nicolás Maduro' : `Person ${i}`,
		})),
		events: generatedDocument(30).events.map((event, i) => ({
			...event,
			actors: Array.from({length: 666}, (_, j) => `a${j}`).filter((_, j) => j % 30 === i || j === 400),
			tags: i % 2 ? ['oil'] : ['military'],
			places: [],
		})),
		quotes: [],
	});

	it('Tab reaches Tags past 666 actors in one key, Shift-Tab goes back', () => {
		let state = press(start(crowd), 'f', 'tab');
		expect(shownFacets(state)[state.panes.facets.cursor]).toMatchObject({kind: 'tag', label: 'military'});
		state = press(state, 'shift-tab');
		expect(shownFacets(state)[state.panes.facets.cursor]).toMatchObject({kind: 'actor'});
	});

	it('/ filters the names as typed, accents and case aside, letters in order; Enter picks', () => {
		let state = type(press(start(crowd), 'f', '/'), 'nicolas');
		expect(shownFacets(state).map((item) => item.label)).toEqual(['Nicolás Maduro']);
		state = type(press(state, 'ctrl-u'), 'nmdr');
		expect(shownFacets(state).map((item) => item.label)).toEqual(['Nicolás Maduro']);
		state = press(state, 'enter');
		expect(state.facets.size).toBe(1);
		expect(state.timeline.events).toHaveLength(30);
		// Letters together rank before letters spread out, whatever the alphabet says.
		state = type(press(state, 'ctrl-u'), 'on4');
		const labels = shownFacets(state).map((item) => item.label);
		expect(labels.indexOf('Person 40')).toBeGreaterThanOrEqual(0);
		expect(labels.indexOf('Person 40')).toBeLessThan(labels.indexOf('Person 14'));
	});
});

describe('go to date', () => {
	it('reads what the app shows and relative dates, never more precise than typed', () => {
		const read = (text: string) => {
			const date = readDateInput(text, REFERENCE);
			return date && formatDate(date);
		};
		expect(read('31 Dec 2025')).toBe('31 Dec 2025');
		expect(read('Dec 2025')).toBe('Dec 2025');
		expect(read('22 Dec')).toBe('22 Dec 2025');
		expect(read('December')).toBe('Dec 2025');
		expect(read('yesterday')).toBe('1 Jan 2026');
		expect(read('3 days ago')).toBe('30 Dec 2025');
		expect(read('last week')).toBe('22–28 Dec 2025');
		expect(read('last month')).toBe('Dec 2025');
		expect(read('last year')).toBe('2025');
		// EDTF as before, deep time too.
		expect(read('2025-12')).toBe('Dec 2025');
		expect(read('-0499')).toBe('500 BC');
		expect(read('soon')).toBeUndefined();
		expect(read('the 31 Dec 2025 meeting')).toBeUndefined();
	});

	it('counts from the dataset’s reference date, else from the day the session started', () => {
		const state = press(type(press(start(small), 't'), 'last week'), 'enter');
		expect(state.message?.text).toBe('22–28 Dec 2025: first event on or after is 22–28 Dec 2025');
		expect(cursorTitle(state)).toBe('Reported strike on a docking area');
		const noReference = buildDataset({...generatedDocument(60)});
		const today = start(noReference);
		const later = {...today, today: Date.UTC(2025, 1, 10)};
		expect(cursorTitle(press(type(press(later, 't'), 'yesterday'), 'enter'))).toBe('Event number 39');
	});
});

describe('a search left in force', () => {
	it('shows in the status bar, marks the selected hit in the timeline’s detail, and n selects the next', () => {
		let state = press(answer(type(press(start(small), '/'), 'ready for US investment')), 'escape');
		expect(searchSummary(state)).toMatch(/^\/ready for US investment · \d+ events?$/);
		state = press(state, 'n');
		const hit = currentHit(state);
		expect(hit?.kind).toBe('quote');
		const view = detailView(state);
		expect(hit?.kind === 'quote' && view?.highlight?.quote).toBe(hit?.kind === 'quote' && hit.quote);
		expect(view?.highlight?.quote.events).toContain(state.timeline.events[state.cursor]);
	});
});
