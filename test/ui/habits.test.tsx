import {cleanup} from 'ink-testing-library';
import {afterEach, describe, expect, it, vi} from 'vitest';
import {buildDataset} from '../../source/dataset/model.js';
import {loadFixture} from '../state/helpers.js';
import {KEYS, ready, renderExplorer} from './render.js';

/** Terminal habits through the whole explorer: pastes, the mouse, Ctrl-Z, the clipboard, links. */

const small = loadFixture('small');

afterEach(() => {
	cleanup();
});

const paste = (text: string) => `\u001b[200~${text}\u001b[201~`;
const click = (column: number, line: number) =>
	`\u001b[<0;${column + 1};${line + 1}M\u001b[<0;${column + 1};${line + 1}m`;

describe('a paste', () => {
	it('into the search line is text: a pasted newline does not open the detail, a pasted f no picker', async () => {
		const ui = renderExplorer(small);
		await ready(ui);
		ui.press('/');
		await ui.until(' SEARCH ');
		ui.press(paste('oil\nf'));
		const frame = await ui.until('/ oil f');
		expect(frame).toContain(' SEARCH ');
		expect(frame).not.toContain(' FILTER ');
		expect(frame).not.toContain(' DETAIL ');
	});

	it('outside a text field does nothing but say so', async () => {
		const ui = renderExplorer(small);
		await ready(ui);
		ui.press(paste('jjjq'));
		const frame = await ui.until('paste ignored: no text field here (/ opens the search line)');
		expect(frame).toContain('TIMELINE  1/6');
		expect(ui.exits).toEqual([]);
	});
});

describe('the mouse', () => {
	it('a click selects a row and a second click opens it; the wheel moves the list', async () => {
		const ui = renderExplorer(small, {size: {columns: 120, rows: 40}});
		await ready(ui);
		const line = ui.lines().findIndex((text) => text.includes('Interview taped'));
		ui.press(click(10, line));
		await ui.until('TIMELINE  4/6');
		ui.press(click(10, line));
		await ui.until(' DETAIL ');
		ui.press(click(10, line));
		await ui.until(' TIMELINE ');
		ui.press('\u001b[<65;10;10M');
		await ui.until('TIMELINE  6/6');
	});
});

describe('Ctrl-Z', () => {
	it('hands the terminal over, and the whole frame is drawn again on resume', async () => {
		const ui = renderExplorer(small);
		await ready(ui);
		ui.press('\u001a');
		await vi.waitFor(() => expect(ui.suspensions()).toBe(1));
		const frames = ui.app.frames.length;
		ui.resume();
		await vi.waitFor(() => expect(ui.app.frames.length).toBeGreaterThan(frames));
		// The screen is wiped and Ink writes its last frame after it (the pty test sees that frame; in
		// ink-testing-library's debug mode Ink keeps no last frame to write).
		expect(ui.app.frames.at(-1)).toContain('\u001b[2J');
		ui.press('j');
		await ui.until('TIMELINE  2/6');
	});

	it('says why when there is no shell to come back to', async () => {
		const ui = renderExplorer(small, {cannotSuspend: 'cannot suspend: no shell job control here'});
		await ready(ui);
		ui.press('\u001a');
		await ui.until('! cannot suspend: no shell job control here');
	});
});

describe('o without a browser', () => {
	it('shows the URL and the key that copies it, not an error from the opener', async () => {
		const ui = renderExplorer(small, {browser: {opened: false, why: 'an SSH session'}});
		await ready(ui);
		ui.press('o');
		await ui.until('no browser here (an SSH session): https://example.test/article · Y copies it');
		ui.press('Y');
		await ui.until('copied with test-clip: https://example.test/article');
		expect(ui.copied).toEqual(['https://example.test/article']);
	});
});

describe('keys', () => {
	it('Esc still backs out of the search after a paste', async () => {
		const ui = renderExplorer(small);
		await ready(ui);
		ui.press('/', paste('chevron'));
		await ui.until('/ chevron');
		ui.press(KEYS.escape);
		await ui.until(' TIMELINE ');
	});
});

describe('links in the detail', () => {
	const linked = buildDataset({
		format: 'timescope/1',
		title: 'Links',
		sources: [
			{id: 'web', title: 'A report', url: 'https://example.test/report?id=1'},
			{id: 'bare', url: 'https://example.test/bare'},
			{id: 'hostile', title: 'Hostile', url: 'https://evil.test/\u001b]52;c;AAAA\u0007x'},
			{id: 'script', title: 'Script', url: 'javascript:alert(1)'},
		],
		events: [
			{id: 'e', date: '2025-01-01', title: 'Linked event', sources: ['web', 'bare', 'hostile', 'script']},
		],
	});
	const OSC8 = '\u001b]8;;';

	it('are OSC 8 hyperlinks where the terminal shows them, on web addresses only, made safe', async () => {
		const ui = renderExplorer(linked, {size: {columns: 120, rows: 40}, links: true});
		await ready(ui);
		await ui.until('Sources (4)');
		const raw = ui.raw();
		expect(raw).toContain(`${OSC8}https://example.test/report?id=1\u001b\\https://example.test/report?id=1`);
		expect(raw).toContain(`${OSC8}https://example.test/bare\u001b\\https://example.test/bare`);
		// The escape in the hostile address is percent-encoded in the link, and gone from the text.
		expect(raw).toContain(`${OSC8}https://evil.test/%1B]52;c;AAAA%07x\u001b\\`);
		expect(raw).not.toContain('\u001b]52;');
		expect(raw).not.toContain(`${OSC8}javascript`);
		expect(ui.frame()).toContain('javascript:alert(1)');
	});

	it('are plain text where it does not', async () => {
		const ui = renderExplorer(linked, {size: {columns: 120, rows: 40}, links: false});
		await ready(ui);
		await ui.until('Sources (4)');
		expect(ui.raw()).not.toContain(OSC8);
		expect(ui.frame()).toContain('https://example.test/report?id=1');
	});
});

describe('marks', () => {
	const kept = {items: [], store: '/data/small.json'};

	it('m puts ★ on the row and in the detail’s gutter, M lists them, and each change is saved', async () => {
		const ui = renderExplorer(small, {size: {columns: 120, rows: 40}, marks: kept});
		await ready(ui);
		ui.press('j', 'j', 'j');
		await ui.until('TIMELINE  4/6');
		ui.press('m');
		await ui.until('marked event Interview taped · 1 mark');
		expect(ui.frame()).toMatch(/^▸ 31 Dec 2025 +★ Interview taped/m);
		ui.press(KEYS.enter, ']', 'm');
		await ui.until('marked quote “This could be something');
		expect(ui.lines().some((line) => /│▌★ +“This could be something/.test(line))).toBe(true);
		await vi.waitFor(() => expect(ui.saved).toHaveLength(2));
		expect(ui.saved.at(-1)?.items.map((mark) => mark.id)).toEqual(['taped', 'talk']);
		ui.press(KEYS.escape);
		await ui.until(' TIMELINE ');
		ui.press('M');
		const list = await ui.until(' MARKS ');
		expect(list).toContain('Marks · 2 marks · kept for this file between sessions');
		expect(list).toMatch(/▸ ★ 31 Dec 2025 +Interview taped/);
		// The quote's row, cut where the list ends (the detail's rule).
		expect(list).toMatch(/ {2}❝ 31 Dec 2025 +“This could be something we talk about in [^│]*│/);
	});

	it('shows the marks kept from an earlier session, a missing one as missing', async () => {
		const ui = renderExplorer(small, {
			size: {columns: 120, rows: 40},
			marks: {
				store: '/data/small.json',
				items: [
					{kind: 'event', id: 'gone', label: 'An event since deleted'},
					{kind: 'event', id: 'election', label: 'Disputed election'},
				],
			},
		});
		await ready(ui);
		expect(ui.frame()).toMatch(/^▸ 2024 +★ Disputed election/m);
		ui.press('M');
		const list = await ui.until(' MARKS ');
		expect(list).toMatch(/▸ ★ 2024 +Disputed election/);
		expect(list).toMatch(/ {2}✗ missing +event gone · An event since deleted · not in t/);
	});

	it('says once that the kept marks could not be read, and opens all the same', async () => {
		const ui = renderExplorer(small, {
			marks: kept,
			notice: 'marks not read back (not JSON); starting with none',
		});
		await ready(ui);
		await ui.until('! marks not read back (not JSON); starting with none');
		ui.press('j');
		const after = await ui.until('TIMELINE  2/6');
		expect(after).not.toContain('marks not read back');
	});

	it('says when the marks could not be saved', async () => {
		const ui = renderExplorer(small, {marks: kept, saveFails: 'EACCES: permission denied'});
		await ready(ui);
		ui.press('m');
		await ui.until('! marks not saved: EACCES: permission denied');
	});
});

describe('export (w)', () => {
	it('prompts for a file in the status line, and says what was written where', async () => {
		const ui = renderExplorer(small, {size: {columns: 120, rows: 40}, path: '/data/small.json'});
		await ready(ui);
		ui.press('w');
		await ui.until(' EXPORT ');
		expect(ui.lines().at(-1)).toMatch(
			/^ EXPORT {2}the view to small-view\.md {3}Markdown · Enter write · Tab marks\/view · Esc cancel/,
		);
		ui.press(KEYS.enter);
		await ui.until('wrote /out/small-view.md: the view as Markdown, 6 events and 6 quotes');
		expect(ui.exports.map((request) => [request.file, request.format, request.overwrite])).toEqual([
			['small-view.md', 'markdown', false],
		]);
	});

	it('asks before replacing a file that exists', async () => {
		const ui = renderExplorer(small, {
			size: {columns: 120, rows: 40},
			path: '/data/small.json',
			exported: {exists: '/out/small-view.md'},
		});
		await ready(ui);
		ui.press('w');
		await ui.until(' EXPORT ');
		ui.press(KEYS.enter);
		await ui.until('exists: Enter replaces it, or change the name (/out/small-view.md)');
	});
});
