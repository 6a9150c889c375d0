import {describe, expect, it} from 'vitest';
import {buildKeymap, DEFAULT_KEYMAP, helpColumns, KEYMAP, modeOf} from '../../source/state/keymap.js';
import {type Mode, PANES} from '../../source/state/panes.js';
import {REBOUND} from '../helpers/rebound.js';
import {cursorTitle, loadFixture, press, start, type} from './helpers.js';

const small = loadFixture('small');

describe('the keymap is a value: the explorer reads the one it is given', () => {
	it('routes keys by the given table: the moved key works, the old one no longer does', () => {
		const state = start(small, {keymap: REBOUND});
		expect(cursorTitle(press(state, 'x'))).toBe('Earlier release of prisoners');
		expect(press(state, 'j').cursor).toBe(0);
		expect(modeOf(press(state, 's'))).toBe('search');
		expect(modeOf(press(state, '/'))).toBe('timeline');
		expect(modeOf(press(state, 'F', 'backspace'))).toBe('timeline');
		expect(press(state, 'F', 'p').facets.size).toBe(1);
		const prompt = type(press(state, 't'), '2025-12-31');
		expect(modeOf(press(prompt, 'enter'))).toBe('date');
		expect(cursorTitle(press(prompt, 'ctrl-g'))).toBe('Interview taped');
	});

	it('writes hints from the table: pairs that share a label read as one, in table order', () => {
		expect(DEFAULT_KEYMAP.hints('timeline').slice(0, 3)).toEqual([
			{keys: 'j/k', label: 'move'},
			{keys: '[/]', label: 'group'},
			{keys: 'Enter', label: 'detail'},
		]);
		expect(DEFAULT_KEYMAP.hints('search')[0]).toEqual({keys: '↑/↓', label: 'move'});
		expect(REBOUND.hints('timeline')[0]).toEqual({keys: 'x/k', label: 'move'});
		expect(REBOUND.hints('timeline')).toContainEqual({keys: 's', label: 'search'});
		expect(REBOUND.hints('facets')).toContainEqual({keys: 'Backspace', label: 'close'});
	});

	it('writes the help from the table', () => {
		const entries = helpColumns(80, REBOUND).flat();
		expect(entries).toContainEqual({kind: 'entry', keys: 'x ↓', help: 'next event'});
		expect(entries).toContainEqual({
			kind: 'entry',
			keys: 'Ctrl-G',
			help: 'go to the first event on or after',
		});
		expect(entries).not.toContainEqual({kind: 'entry', keys: 'j ↓', help: 'next event'});
	});

	it('names keys for messages from the table', () => {
		expect(press(start(small), 'n').message?.text).toBe('no search yet: press / to search');
		expect(press(start(small, {keymap: REBOUND}), 'n').message?.text).toBe(
			'no search yet: press s to search',
		);
		expect(REBOUND.keysFor('help', {type: 'move', by: 1})).toBe('J/k');
		expect(REBOUND.keysFor('timeline', {type: 'quit', code: 0})).toBe('q');
		expect(REBOUND.keysFor('date', {type: 'cycleGrouping'})).toBeUndefined();
	});

	it('quits with Ctrl-C in every mode', () => {
		for (const mode of Object.keys(PANES) as Mode[]) {
			expect(DEFAULT_KEYMAP.commandFor(mode, 'ctrl-c'), mode).toEqual({type: 'quit', code: 130});
		}
	});

	it('quits with q from the timeline alone: elsewhere q closes (or types, in a text field); F1 opens the help from every mode', () => {
		for (const mode of Object.keys(PANES) as Mode[]) {
			const q = DEFAULT_KEYMAP.commandFor(mode, 'q');
			if (mode === 'timeline') expect(q).toEqual({type: 'quit', code: 0});
			else if (PANES[mode].field) expect(q, mode).toBeUndefined();
			else expect(q, mode).toEqual({type: 'close'});
			const f1 = DEFAULT_KEYMAP.commandFor(mode, 'f1');
			expect(f1, mode).toEqual(mode === 'help' ? {type: 'close'} : {type: 'open', pane: 'help'});
		}
	});

	it('refuses a table that binds a key twice in one mode', () => {
		const clash = [
			...KEYMAP,
			{keys: ['j'], modes: ['timeline' as const], command: {type: 'copy' as const}, help: 'x'},
		];
		expect(() => buildKeymap(clash)).toThrow('key j is bound twice in timeline mode');
	});
});
