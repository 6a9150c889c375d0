import {cleanup} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import {REBOUND} from '../helpers/rebound.js';
import {loadFixture} from '../state/helpers.js';
import {KEYS, ready, renderExplorer} from './render.js';

/**
 * No view names a key of its own: the status bar, the facet picker, the help, the date prompt, the
 * timeline's empty message and the messages say what the keymap binds. The same screens are checked
 * with the default keys and with a table where those keys moved.
 */

const small = loadFixture('small');

afterEach(() => {
	cleanup();
});

describe('every mention of a key comes from the keymap', () => {
	it('with the default keys', async () => {
		const ui = renderExplorer(small, {size: {columns: 120, rows: 40}});
		await ready(ui);
		expect(ui.frame()).toMatch(/ TIMELINE {2}1\/6 {2}j\/k move {2}\[\/\] group {2}Enter detail {2}\/ search/);
		ui.press('f');
		await ui.until(
			'Filter · 0 picked · Enter picks or clears · Tab/Shift-Tab move between kinds · c clears all · / filters · Esc closes',
		);
		ui.press('/');
		await ui.until(
			'Filter · 0 picked · /  · Enter picks or clears · Tab/Shift-Tab move between kinds · Esc ends the filter',
		);
		ui.press(KEYS.escape);
		await ui.until(' FILTER ');
		ui.press(KEYS.escape);
		await ui.until(' TIMELINE ');
		ui.press('?');
		await ui.until(/^Keys · \d+ more lines below \(j\/k, PgDn\) · Esc closes/);
		ui.press(KEYS.escape);
		await ui.until(' TIMELINE ');
		ui.press('t');
		await ui.until(
			/GO TO DATE +31 Dec 2025, Dec 2025, 22 Dec, yesterday, 3 days ago · Enter go · Esc cancel/,
		);
		ui.press(KEYS.escape);
		await ui.until(' TIMELINE ');
		ui.press('/', 'oil');
		await ui.until(/\/ oil .*\d+ (quote|event)s?/);
		ui.press(KEYS.escape);
		await ui.until('/oil · ');
		expect(ui.frame()).toMatch(/\/oil · \d+ events? \(Esc clears\)/);
	});

	it('with keys moved, the views follow', async () => {
		const ui = renderExplorer(small, {size: {columns: 120, rows: 40}, keymap: REBOUND});
		await ready(ui);
		expect(ui.frame()).toMatch(/ TIMELINE {2}1\/6 {2}x\/k move {2}\[\/\] group {2}Enter detail {2}s search/);
		expect(ui.frame()).toMatch(/F filter/);
		ui.press('x');
		await ui.until('TIMELINE  2/6');
		ui.press('n');
		await ui.until('no search yet: press s to search');

		ui.press('F');
		const picker = await ui.until(
			'Filter · 0 picked · p picks or clears · Tab/Shift-Tab move between kinds · C clears all · = filters · Backspace closes',
		);
		expect(picker).toMatch(
			/ FILTER {2}j\/k move {2}p pick {2}C clear all {2}= filter {2}Tab\/Shift-Tab kind {2}Backspace close/,
		);
		ui.press('p');
		await ui.until('Filter · 1 picked');
		ui.press(KEYS.backspace);
		await ui.until(' TIMELINE ');

		ui.press('?');
		const help = await ui.until(/^Keys · \d+ more lines below \(J\/k, PgDn\) · e closes/);
		expect(help).toMatch(/x ↓ +next event/);
		expect(help).not.toMatch(/j ↓ +next event/);
		expect(help).toMatch(/ HELP {2}J\/k scroll {2}e close/);
		ui.press('e');
		await ui.until(' TIMELINE ');

		ui.press('t');
		await ui.until(
			/GO TO DATE +31 Dec 2025, Dec 2025, 22 Dec, yesterday, 3 days ago · Ctrl-G go · Ctrl-X cancel/,
		);
		ui.press('2024', '\u0007');
		await ui.until('2024: first event on or after is 2024');

		ui.press('s', 'oil');
		await ui.until(/\/ oil .*\d+ (quote|event)s?/);
		ui.press(KEYS.escape);
		await ui.until(/\/oil · \d+ events? \(X clears\)/);
		ui.press('X');
		await ui.until('search cleared');
	});

	it('the empty timeline names the key that changes the filters', async () => {
		const filters = {tags: ['no such tag']};
		const ui = renderExplorer(small, {filters});
		await ready(ui);
		expect(ui.frame()).toContain('No events match the filters (f changes them).');
		cleanup();
		const rebound = renderExplorer(small, {filters, keymap: REBOUND});
		await ready(rebound);
		expect(rebound.frame()).toContain('No events match the filters (F changes them).');
	});
});
