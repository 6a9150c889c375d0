import {cleanup} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import {loadFixture} from '../state/helpers.js';
import {KEYS, ready, renderExplorer} from './render.js';

const small = loadFixture('small');

afterEach(() => {
	cleanup();
});

describe('the header says what the filters keep, as the printed listing does', () => {
	it('reads values of one kind as OR, and a facet picked on top as one more condition', async () => {
		const ui = renderExplorer(small, {
			size: {columns: 160, rows: 30},
			filters: {actors: ['trump', 'maduro'], tags: ['military', 'oil']},
		});
		await ready(ui);
		expect(ui.lines()[1]).toContain('filters: actor Trump or Nicolás Maduro · tag military or oil');
		ui.press('f');
		await ui.until(/\[ \] +\d+ +Venezuela/);
		// The picker lists actors, tags, then places: the last item is a place.
		ui.press('G');
		await ui.until(/▸ \[ \] +\d+ +(Venezuela|北京)/);
		ui.press(KEYS.enter);
		await ui.until('[x]');
		ui.press(KEYS.escape);
		const header = (await ui.until(' · place ')).split('\n')[1];
		expect(header).toMatch(
			/filters: actor Trump or Nicolás Maduro · tag military or oil · place (Venezuela|北京)$/,
		);
	});
});
