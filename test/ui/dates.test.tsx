import {cleanup} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import {loadCliFixture} from '../state/helpers.js';
import {KEYS, ready, renderExplorer} from './render.js';

/** What the explorer draws for each kind of time: the list's short forms, the group of undated facts, the detail's words. */

const kinds = loadCliFixture('kinds-of-time');
const deep = loadCliFixture('deep-time');

afterEach(() => {
	cleanup();
});

describe('kinds of time in the explorer', () => {
	it('lists each kind in its short form, with the undated facts in their own group at the end', async () => {
		const ui = renderExplorer(kinds, {size: {columns: 100, rows: 30}});
		await ready(ui);
		const lines = ui.lines();
		// The fixture has eras: the band under the sparkline makes the header one line taller.
		expect(lines[3]).toMatch(/^━+ Before the works ━+[─╌]+$/);
		expect(lines[6]).toMatch(/^▸ 2024 +Council vote on the harbour/);
		const frame = ui.frame();
		expect(frame).toMatch(/ {2}c\. 2025 – ongoing +Harbour works under way/);
		expect(frame).toMatch(/ {2}between 22–28 Dec 2025 +Fire at the dock +Harbour council, Coast …/);
		expect(frame).toMatch(/ {2}22–28 Dec 2025 +Week of talks/);
		expect(frame).toMatch(
			/── Date not given · on or after 1 Dec 2025 · 1 ─+\n {2}1 Dec 2025 or later +Review of the works/,
		);
		expect(frame).toMatch(
			/── Date not given · reported by 2 Jan 2026 · 1 ─+\n {2}by 2 Jan 2026 +Harbour closed to tankers/,
		);
		const undated = lines.findIndex((line) => line.startsWith('── Date not given'));
		expect(undated).toBeGreaterThan(lines.findIndex((line) => line.includes('Council statement')));
	});

	it('words the detail against publication, saying "ended" only for a real end', async () => {
		// Wide enough for the longest wording on one line of the detail.
		const ui = renderExplorer(kinds, {size: {columns: 150, rows: 30}});
		await ready(ui);
		ui.press('j');
		await ui.until('c. 2025 – ongoing · “for months”');
		expect(ui.frame()).toContain('ongoing as of publication (2 Jan 2026)');
		ui.press('j');
		await ui.until('some day between 22 and 28 Dec 2025 · “last week”');
		expect(ui.frame()).toContain('5–11 days before publication (2 Jan 2026)');
		expect(ui.frame()).toMatch(/Coast agency \(reported\)\n/);
		ui.press('j');
		await ui.until('ended 5 days before publication (2 Jan 2026)');
		ui.press('G');
		await ui.until('by 2 Jan 2026 (date not given)');
		const frame = ui.frame();
		expect(frame).toContain('no later than publication (2 Jan 2026)');
		expect(frame).toContain('— Harbour council · said by 2 Jan 2026 (date');
		expect(frame).not.toContain('ended');
		// No place on the sparkline: the axis says the cursor's event has no date to plot.
		expect(ui.lines()[4]).toContain('cursor: date not given');
		// Nor in an era: the band names none.
		expect(ui.lines()[3]).toMatch(/^[─╌ ]+$/);
	});

	it('opens a deep-time timeline grouped by hundreds of millions of years, in words', async () => {
		const ui = renderExplorer(deep, {size: {columns: 100, rows: 30}});
		await ready(ui);
		const lines = ui.lines();
		expect(lines[1]).toBe('11 events · 0 quotes · by 100 million years');
		expect(lines[3]).toMatch(/^━+ Before animals ━+[─╌]+ *$/);
		expect(lines[4]).toMatch(/^▲ 13\.8 billion years ago +170,000,002 *$/);
		expect(lines[5]).toMatch(/^── 13\.8 billion years ago · 1 ─+$/);
		expect(lines[6]).toMatch(/^▸ 13\.8 billion years ago +First light/);
		expect(ui.frame()).toMatch(/── since 100 million years ago · 7 ─+/);
		ui.press('t');
		await ui.until(' GO TO DATE ');
		ui.press('-0499', KEYS.enter);
		await ui.until(/▸ 500 BC +A city is founded/);
	});

	it('names the cursor’s era in the band, and the band follows the cursor with e', async () => {
		const ui = renderExplorer(kinds, {size: {columns: 100, rows: 30}});
		await ready(ui);
		expect(ui.lines()[3]).toContain(' Before the works ');
		expect(ui.lines()[3]).not.toContain('The works ');
		ui.press('e');
		await ui.until('era: The works (2025 – Jan 2026)');
		expect(ui.lines()[3]).toMatch(/^[─╌]+━+ The works ━+$/);
		expect(ui.frame()).toMatch(/▸ c\. 2025 – ongoing +Harbour works under way/);
	});

	it('explains the notation in the help', async () => {
		const ui = renderExplorer(kinds, {size: {columns: 80, rows: 60}});
		await ready(ui);
		ui.press('?');
		await ui.until(' HELP ');
		ui.press('G');
		const help = await ui.until('Notation');
		for (const line of [
			/ {2}c\. Dec 2025 +approximate \(circa\)/,
			/ {2}31 Dec 2025\? +uncertain in the source/,
			/ {2}c\. 2025 – ongoing +began then, still going on/,
			/ {2}between 22–28 Dec +one day in the window, unknown which/,
			/ {2}by 2 Jan 2026 +on or before that day, nothing more/,
			/ {2}1 million years ago +deep time, in words/,
			/ {2}❝4 +the event has 4 quotes/,
			/ {2}CIA \(reported\) +its part only reported or alleged/,
		]) {
			expect(help).toMatch(line);
		}
	});
});
