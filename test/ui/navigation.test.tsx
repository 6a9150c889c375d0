import {cleanup} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import {loadFixture} from '../state/helpers.js';
import {KEYS, ready, renderExplorer} from './render.js';

/** Keeping one's place, as a person sees it at 80 x 24. */

afterEach(() => cleanup());

const small = loadFixture('small');
const SIZE = {columns: 80, rows: 24};

describe('moving around', () => {
	it('F1 from the date prompt shows the help; closing it gives the prompt back with what was typed', async () => {
		const ui = renderExplorer(small, {size: SIZE});
		await ready(ui);
		ui.press('t');
		await ui.until(' GO TO DATE ');
		ui.press('Dec 2025', KEYS.f1);
		await ui.until(' HELP ');
		ui.press('q');
		const prompt = await ui.until(' GO TO DATE ');
		expect(prompt).toMatch(/ GO TO DATE {2}Dec 2025/);
		ui.press(KEYS.enter);
		const there = await ui.until('Dec 2025: first event on or after is c. Dec 2025');
		expect(there).toMatch(/▸ c\. Dec 2025 +Earlier release/);
	});

	it('J and K step to the next and previous event without leaving the detail', async () => {
		const ui = renderExplorer(small, {size: SIZE});
		await ready(ui);
		ui.press(KEYS.enter);
		await ui.until(' DETAIL  1/6');
		ui.press('J');
		await ui.until(' DETAIL  2/6');
		expect(ui.lines().slice(0, 2)).toEqual(['  c. Dec 2025', '  Earlier release of prisoners']);
		ui.press('K', 'K');
		await ui.until('no earlier event');
		expect(ui.lines()[1]).toBe('  Disputed election');
	});

	it('the facet picker filters names as typed, with counts, and Tab jumps to the tags', async () => {
		const ui = renderExplorer(small, {size: SIZE});
		await ready(ui);
		ui.press('f');
		await ui.until('Actors (4)');
		ui.press(KEYS.tab);
		await ui.until(/▸ \[ \] 2 {2}media/);
		ui.press('/', 'nic');
		const filtered = await ui.until('Actors (1 of 4)');
		expect(filtered).toContain('Filter · 0 picked · /nic');
		expect(filtered).toMatch(/▸ \[ \] 4 {2}Nicolás Maduro/);
		ui.press(KEYS.enter);
		await ui.until('[x] 4  Nicolás Maduro');
		ui.press(KEYS.escape);
		await ui.until(' FILTER ');
		ui.press('q');
		const timeline = await ui.until('4 of 6 events');
		expect(timeline).toContain('filters: actor Nicolás Maduro');
	});

	it('q closes the help and the detail; only the timeline quits', async () => {
		const ui = renderExplorer(small, {size: SIZE});
		await ready(ui);
		ui.press('?');
		await ui.until(' HELP ');
		ui.press('q');
		await ui.until(' TIMELINE ');
		ui.press(KEYS.enter);
		await ui.until(' DETAIL ');
		ui.press('q');
		await ui.until(' TIMELINE ');
		expect(ui.exits).toEqual([]);
		ui.press('q');
		await ui.until(() => ui.exits.length > 0);
		expect(ui.exits).toEqual([0]);
	});

	it('marks the events a search found until it is cleared; an empty search line marks none', async () => {
		const ui = renderExplorer(small, {size: SIZE});
		await ready(ui);
		const marked = () => ui.lines().filter((line) => line.startsWith('• '));
		expect(marked()).toEqual([]);
		ui.press('/', 'chevron');
		await ui.until(/\/ chevron .*\d+ quotes?/);
		ui.press(KEYS.escape);
		await ui.until('/chevron · ');
		expect(marked().length).toBeGreaterThan(0);
		ui.press(KEYS.escape);
		await ui.until('search cleared');
		await new Promise((resolve) => setTimeout(resolve, 100));
		expect(marked()).toEqual([]);
	});
});
