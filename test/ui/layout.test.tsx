import {cleanup} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import {cellWidth} from '../../source/text/cells.js';
import {generated, loadFixture, loadTimed} from '../state/helpers.js';
import {KEYS, ready, renderExplorer} from './render.js';

/** What a person sees of the layout: whole dates, who, headers that stay, the split they set. */

afterEach(() => cleanup());

const small = loadFixture('small');

const timed = loadTimed();

/** The cell where the divider between list and detail is on each body line (-1 where there is none). */
const dividers = (lines: string[]) =>
	lines.slice(4, -1).map((line) => (line.includes('│') ? cellWidth(line.slice(0, line.indexOf('│'))) : -1));

describe('the list', () => {
	it('shows every date whole: in its column at 80 columns, wrapped onto a second line at 41', async () => {
		const ui = renderExplorer(timed, {size: {columns: 80, rows: 24}});
		await ready(ui);
		expect(ui.frame()).toMatch(/▸ 5 Jan 1920 06:45:56 – 5 Jan 1923 06:45:56 {2}A range with times/);
		expect(ui.frame()).toMatch(/ {2}between 22–28 Dec 2025 +Some day that week/);
		cleanup();
		const narrow = renderExplorer(timed, {size: {columns: 41, rows: 12}});
		await ready(narrow);
		const lines = narrow.lines();
		const at = lines.findIndex((line) => line.startsWith('▸ 5 Jan 1920 06:45:56 –'));
		expect(at).toBeGreaterThan(0);
		expect(lines[at + 1]).toMatch(/^ {2}5 Jan 1923 06:45:56 +A range/);
		expect(narrow.widest()).toBeLessThanOrEqual(41);
	});

	it('shows who (actors, else speakers) beside the titles at 80, 120 and 200 columns', async () => {
		for (const columns of [80, 120, 200]) {
			const ui = renderExplorer(small, {size: {columns, rows: 30}});
			await ready(ui);
			expect(ui.frame(), `at ${columns}`).toMatch(/Disputed election +Nicolás Maduro/);
			expect(ui.frame(), `at ${columns}`).toMatch(/Reported strike on a docking.* +❝1 {2}Trump/);
			cleanup();
		}
	});

	it('keeps the current group’s header on the first line when its own has scrolled off', async () => {
		const ui = renderExplorer(generated(250), {size: {columns: 80, rows: 24}});
		await ready(ui);
		expect(ui.lines()[4]).toMatch(/^── January 2025 · 31 ─+$/);
		ui.press(KEYS.pageDown);
		await ui.until((frame) => !frame.includes('TIMELINE  1/250'));
		// January's header is off screen; the list still says which month these days are in.
		expect(ui.lines()[4]).toMatch(/^── January 2025 · 31 ─+$/);
		expect(ui.lines()[5]).toMatch(/^ {2}\d+ Jan 2025 +Event number/);
		// The 20th of February: February's header has scrolled off.
		ui.press(']', ...'j'.repeat(19));
		await ui.until('TIMELINE  51/250');
		expect(ui.lines()[4]).toMatch(/^── February 2025 · 28 ─+$/);
	});
});

describe('the detail', () => {
	it('pins the event’s date and title above what scrolls: a search hit opens with the event in sight', async () => {
		const ui = renderExplorer(small, {size: {columns: 80, rows: 24}});
		await ready(ui);
		ui.press('/', 'chevron');
		await ui.until('1 quote');
		ui.press(KEYS.enter);
		await ui.until(' DETAIL ');
		const lines = ui.lines();
		expect(lines[0]).toBe('  31 Dec 2025');
		expect(lines[1]).toBe('  Interview taped');
		expect(ui.frame()).toContain('▌   “If they want oil, Venezuela is ready for US investment, like with');
		ui.press('G');
		await ui.until(/lines \d+–(\d+) of \1/);
		expect(ui.lines().slice(0, 2)).toEqual(['  31 Dec 2025', '  Interview taped']);
		expect(ui.frame()).toContain('Id: taped');
	});
});

describe('the status bar', () => {
	it('keeps ? help and q quit to the last, at 80 x 24 and 60 columns', async () => {
		for (const columns of [80, 60]) {
			const ui = renderExplorer(small, {size: {columns, rows: 24}});
			await ready(ui);
			expect(ui.lines()[22], `at ${columns}`).toMatch(/^ TIMELINE {2}1\/6 {2}j\/k move .*\? help {2}q quit/);
			cleanup();
		}
	});
});

describe('the split', () => {
	it('+ and - move the divider, | hides the detail and shows it again, and the choice stays', async () => {
		const ui = renderExplorer(small, {size: {columns: 120, rows: 30}});
		await ready(ui);
		const start = new Set(dividers(ui.lines()));
		expect(start.size).toBe(1);
		const [at] = start;
		ui.press('+');
		await ui.until(/detail \d+ of 120 columns/);
		const wider = new Set(dividers(ui.lines()));
		expect(wider.size).toBe(1);
		expect([...wider][0]).toBeLessThan(at as number);
		ui.press('j');
		await ui.until('TIMELINE  2/6');
		expect(new Set(dividers(ui.lines()))).toEqual(wider);
		ui.press('|');
		await ui.until('detail hidden: Enter opens it');
		expect(new Set(dividers(ui.lines()))).toEqual(new Set([-1]));
		expect(ui.frame()).toMatch(/Earlier release of prisoners +Nicolás Maduro/);
		ui.press(KEYS.enter);
		await ui.until(' DETAIL ');
		expect(ui.lines()[0]).toBe('  c. Dec 2025');
		ui.press(KEYS.escape);
		await ui.until(' TIMELINE ');
		ui.press('|');
		await ui.until('detail beside the list');
		expect(new Set(dividers(ui.lines()))).toEqual(wider);
	});
});
