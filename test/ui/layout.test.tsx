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
			expect(ui.frame(), `at ${columns}`).toMatch(/Reported strike on a dock.* +❝1 {2}Trump/);
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

/** A left click at a cell (0-based), as an SGR mouse report: press, then release. */
const click = (column: number, line: number) =>
	`\u001b[<0;${column + 1};${line + 1}M\u001b[<0;${column + 1};${line + 1}m`;

describe('a click on the list', () => {
	it('selects the event drawn under it: either line of a wrapped date, never the header above', async () => {
		// Tall enough for every row: nothing scrolls, each row stays on its line.
		const ui = renderExplorer(timed, {size: {columns: 41, rows: 20}});
		await ready(ui);
		const lines = ui.lines();
		const first = lines.findIndex((line) => line.includes('5 Jan 1920 06:45:56 –'));
		expect(lines[first + 1]).toMatch(/A range/);
		expect(lines[first - 1]).toMatch(/^── /);
		ui.press('G');
		await ui.until('TIMELINE  4/4');
		for (const line of [first, first + 1]) {
			ui.press(click(20, line));
			await ui.until('TIMELINE  1/4');
			ui.press('G');
			await ui.until('TIMELINE  4/4');
		}
		// The row after the tall one is the next event.
		const next = lines.findIndex((line) => line.includes('Within a'));
		ui.press(click(20, next));
		await ui.until('TIMELINE  2/4');
		// A click on a group header changes nothing: the next key still starts from the second event.
		ui.press(click(20, first - 1), 'j');
		await ui.until('TIMELINE  3/4');
	});

	it('on the sticky header selects nothing; the line under it is the first event on screen', async () => {
		const ui = renderExplorer(generated(250), {size: {columns: 80, rows: 24}});
		await ready(ui);
		ui.press(KEYS.pageDown);
		await ui.until((frame) => !frame.includes('TIMELINE  1/250'));
		const position = Number(/TIMELINE {2}(\d+)\/250/.exec(ui.frame())?.[1]);
		expect(ui.lines()[4]).toMatch(/^── January 2025 · 31 ─+$/);
		// Events are numbered from 0: the one under the sticky header.
		const top = Number(/Event number (\d+)/.exec(ui.lines()[5] ?? '')?.[1]);
		expect(top).toBeLessThan(position - 1);
		ui.press(click(10, 4), 'j');
		await ui.until(`TIMELINE  ${position + 1}/250`);
		ui.press(click(10, 5));
		await ui.until(`TIMELINE  ${top + 1}/250`);
		expect(ui.lines().find((line) => line.startsWith('▸ '))).toContain(`Event number ${top} `);
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

	it('keeps the way out of an overlay, its close key, to the last, with the help', async () => {
		const ui = renderExplorer(small, {size: {columns: 80, rows: 24}});
		await ready(ui);
		ui.press('f');
		const picker = await ui.until(' FILTER ');
		expect(picker.split('\n')[22]).toMatch(/^ FILTER {2}j\/k move .*Esc close {2}F1 help/);
		ui.press('q');
		await ui.until(' TIMELINE ');
		ui.press('M');
		const marks = await ui.until(' MARKS ');
		expect(marks.split('\n')[22]).toMatch(/Esc back .*\? help/);
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
		await ui.until(/detail \d+ columns, list \d+/);
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
