import {describe, expect, it} from 'vitest';
import {modeOf} from '../../source/state/keymap.js';
import {reducer} from '../../source/state/reducer.js';
import type {State} from '../../source/state/state.js';
import {loadFixture, press, start, type} from './helpers.js';

/** w: export the view or the marks to a file named in a prompt; never over a file without asking. */

const small = loadFixture('small');
const opened = () => start(small, {path: '/data/small.json', marks: {items: [], store: '/data/small.json'}});

function effectOf(state: State) {
	if (state.effect?.kind !== 'export') throw new Error(`no export requested: ${state.message?.text}`);
	return state.effect;
}

describe('the export prompt', () => {
	it('suggests a name for the view, and for the marks after Tab while the name is untouched', () => {
		const state = press(opened(), 'w');
		expect(modeOf(state)).toBe('export');
		expect(state.panes.export).toMatchObject({text: 'small-view.md', what: 'view'});
		expect(press(state, 'tab').panes.export).toMatchObject({text: 'small-marks.md', what: 'marks'});
		const typed = press(type(press(state, 'ctrl-u'), 'out.csv'), 'tab');
		expect(typed.panes.export).toMatchObject({text: 'out.csv', what: 'marks'});
	});

	it('opens on the marks from the marks list', () => {
		const state = press(opened(), 'm', 'M', 'w');
		expect(state.panes.export).toMatchObject({text: 'small-marks.md', what: 'marks'});
	});

	it('asks the view to write the view, in the form the extension names, not over a file', () => {
		const state = press(type(press(opened(), 'w', 'ctrl-u'), 'view.csv'), 'enter');
		const effect = effectOf(state);
		expect(effect).toMatchObject({file: 'view.csv', format: 'csv', overwrite: false});
		expect(effect.content.selection).toBe(state.timeline.selection);
		expect(state.panes.export.writing).toEqual({
			id: effect.id,
			what: 'the view as CSV, 6 events and 6 quotes',
		});
	});

	it('refuses a name without a known extension, and marks when there are none', () => {
		const unknown = press(type(press(opened(), 'w', 'ctrl-u'), 'notes.txt'), 'enter');
		expect(unknown.effect).toBeUndefined();
		expect(unknown.panes.export.error).toBe('name the file .json, .md or .csv: the extension says the form');
		const none = press(opened(), 'w', 'tab', 'enter');
		expect(none.panes.export.error).toBe('no marks to export (m marks); Tab exports the view');
	});

	it('when the file exists, asks; Enter again replaces it; a new name is a new question', () => {
		let state = press(opened(), 'm', 'w', 'tab', 'enter');
		const first = effectOf(state);
		expect(first).toMatchObject({file: 'small-marks.md', format: 'markdown', overwrite: false});
		state = reducer(state, {type: 'exported', id: first.id, outcome: {exists: '/home/a/small-marks.md'}});
		expect(modeOf(state)).toBe('export');
		expect(state.panes.export.exists).toEqual({name: 'small-marks.md', path: '/home/a/small-marks.md'});
		const again = press(state, 'enter');
		expect(effectOf(again).overwrite).toBe(true);
		const renamed = press(state, 'backspace', 'backspace', 'c', 's', 'v');
		expect(renamed.panes.export.exists).toBeUndefined();
		expect(effectOf(press(renamed, 'enter')).overwrite).toBe(false);
	});

	it('closes when written, saying what went where', () => {
		let state = press(opened(), 'm', 'w', 'tab', 'enter');
		state = reducer(state, {
			type: 'exported',
			id: effectOf(state).id,
			outcome: {written: '/home/a/small-marks.md'},
		});
		expect(modeOf(state)).toBe('timeline');
		expect(state.message?.text).toBe(
			'wrote /home/a/small-marks.md: the marks as Markdown, 1 event and 0 quotes',
		);
	});

	it('says why a write failed, in the prompt', () => {
		let state = press(opened(), 'w', 'enter');
		state = reducer(state, {
			type: 'exported',
			id: effectOf(state).id,
			outcome: {failed: '/x/y.md: no such directory'},
		});
		expect(modeOf(state)).toBe('export');
		expect(state.panes.export.error).toBe('cannot write: /x/y.md: no such directory');
	});

	it('counts missing marks as left out', () => {
		const state = press(
			start(small, {
				path: '/data/small.json',
				marks: {
					items: [
						{kind: 'event', id: 'gone', label: 'Gone'},
						{kind: 'event', id: 'election', label: 'x'},
					],
				},
			}),
			'w',
			'tab',
			'enter',
		);
		expect(state.panes.export.writing?.what).toBe(
			'the marks as Markdown, 1 event and 0 quotes; 1 missing mark left out',
		);
	});
});

describe('an export’s outcome', () => {
	it('is not lost when another effect is asked for while the file is written', () => {
		let state = press(opened(), 'w', 'enter');
		const {id} = effectOf(state);
		state = press(state, 'ctrl-z');
		expect(state.effect?.kind).toBe('suspend');
		state = reducer(state, {type: 'exported', id, outcome: {written: '/home/a/small-view.md'}});
		expect(state.message?.text).toBe(
			'wrote /home/a/small-view.md: the view as Markdown, 6 events and 6 quotes',
		);
		expect(state.effect?.kind).toBe('suspend');
	});

	it('still says where the file went when the prompt was closed meanwhile', () => {
		let state = press(opened(), 'w', 'enter', 'escape');
		expect(modeOf(state)).toBe('timeline');
		state = reducer(state, {type: 'exported', id: effectOf(state).id, outcome: {written: '~/small-view.md'}});
		expect(state.message?.text).toBe('wrote ~/small-view.md: the view as Markdown, 6 events and 6 quotes');
	});
});
