import {describe, expect, it} from 'vitest';
import {buildDataset} from '../../source/dataset/model.js';
import type {TimescopeDocument} from '../../source/dataset/schema.js';
import {detailView} from '../../source/state/detail-nav.js';
import {modeOf} from '../../source/state/keymap.js';
import {currentHit} from '../../source/state/search.js';
import {answer, cursorTitle, press, start, type, WIDE} from './helpers.js';

/** What Enter does on each kind of result. */

const doc: TimescopeDocument = {
	format: 'timescope/1',
	title: 'Results of every kind',
	actors: [{id: 'ana', name: 'Ana Ruiz'}],
	eras: [{id: 'thaw', date: '2025-10/2025-12', title: 'The thaw'}],
	events: [
		{id: 'before', date: '2025-06-01', title: 'Before anything'},
		{id: 'talks', date: '2025-11-03', title: 'Talks open in Oslo'},
		{id: 'after', date: '2026-02-01', title: 'After the thaw'},
	],
	quotes: [{id: 'q', text: 'We will keep talking.', speaker: 'ana', events: ['talks']}],
};

const data = buildDataset(doc);
const search = (query: string) => answer(type(press(start(data, {size: WIDE}), '/'), query));

describe('results of every kind', () => {
	it('Enter on an event opens its detail', () => {
		const state = search('oslo');
		expect(currentHit(state)?.kind).toBe('event');
		const opened = press(state, 'enter');
		expect(modeOf(opened)).toBe('detail');
		const view = detailView(opened);
		expect(view?.subject.kind === 'event' && view.subject.event.id).toBe('talks');
	});

	it('Enter on an era goes to the first event that falls in it; the detail shows that event meanwhile', () => {
		const state = search("'thaw");
		const hit = currentHit(state);
		expect(hit?.kind).toBe('era');
		const preview = detailView(state);
		expect(preview?.subject.kind === 'event' && preview.subject.event.id).toBe('talks');
		const gone = press(state, 'enter');
		expect(modeOf(gone)).toBe('timeline');
		expect(cursorTitle(gone)).toBe('Talks open in Oslo');
		expect(gone.message?.text).toBe('era: The thaw');
	});
});
