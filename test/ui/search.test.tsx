import {stripVTControlCharacters} from 'node:util';
import {cleanup} from 'ink-testing-library';
import {afterEach, describe, expect, it, vi} from 'vitest';
import {loadFixture} from '../state/helpers.js';
import {KEYS, ready, renderExplorer} from './render.js';

/** What the search line and its results look like: every kind of result, counts, Tab, browsing. */

// Colour on, so the marks of matched characters can be checked.
vi.hoisted(() => {
	process.env.FORCE_COLOR = '1';
});

afterEach(() => cleanup());

const small = loadFixture('small');

/** The runs of a raw line drawn underlined (how matched characters are marked, colour or not). */
function underlined(raw: string): string[] {
	return [...raw.matchAll(/\u001b\[4m((?:\u001b\[[0-9;]*m|[^\u001b])*?)\u001b\[24m/g)].map((match) =>
		stripVTControlCharacters(match[1] ?? ''),
	);
}

describe('search results', () => {
	it('lists everything in time order on an empty line, saying what the line takes', async () => {
		const ui = renderExplorer(small, {size: {columns: 120, rows: 40}});
		await ready(ui);
		ui.press('/');
		const frame = await ui.until(/6 events · 6 quotes · in time order/);
		expect(frame).toMatch(/\/ {3}words, 'exact, \^/);
		expect(frame).toMatch(/▸ Disputed election/);
		expect(frame).toMatch(/ {2}event 2024\b/);
	});

	it('shows an event with its date, its title and the field that matched, marked', async () => {
		const ui = renderExplorer(small, {size: {columns: 120, rows: 40}});
		await ready(ui);
		ui.press('/', 'docking');
		const frame = await ui.until(/\/ docking +1 event\b/);
		expect(frame).toMatch(/▸ Reported strike on a docking area/);
		expect(frame).toMatch(/event 22–28 Dec 2025/);
		expect(underlined(ui.rawLine('Reported strike on a docking area'))).toEqual(['docking']);
	});

	it('shows the field an event was found by when it is not the title', async () => {
		const ui = renderExplorer(small, {size: {columns: 120, rows: 40}});
		await ready(ui);
		ui.press('/', 'territory');
		const frame = await ui.until(/\/ territory +1 event\b/);
		expect(frame).toMatch(/event 22–28 Dec 2025 · summary: .*territory/);
		expect(underlined(ui.rawLine('summary:'))).toEqual(['territory']);
	});

	it('Tab keeps the search to events, then quotes, then everything, with counts per kind', async () => {
		const ui = renderExplorer(small, {size: {columns: 120, rows: 40}});
		await ready(ui);
		ui.press('/', 'maduro');
		const all = await ui.until(/\/ maduro +\d+ events · \d+ quotes/);
		expect(all).toMatch(/ SEARCH .*Tab kinds/);
		const [, events, quotes] = all.match(/\/ maduro +(\d+) events · (\d+) quotes/) ?? [];
		ui.press(KEYS.tab);
		await ui.until(new RegExp(`events / maduro +${events} events(?! ·)`));
		ui.press(KEYS.tab);
		await ui.until(new RegExp(`quotes / maduro +${quotes} quotes`));
		ui.press(KEYS.tab);
		await ui.until(new RegExp(`\\n/ maduro +${events} events · ${quotes} quotes`));
		expect(ui.frame()).toMatch(/ SEARCH .*searching events, quotes and eras/);
	});
});
