import {stripVTControlCharacters} from 'node:util';
import {cleanup} from 'ink-testing-library';
import {afterEach, describe, expect, it, vi} from 'vitest';
import type {LoadResult} from '../../source/dataset/load.js';
import type {Searcher, SearchResult} from '../../source/search/searcher.js';
import {createSearcher} from '../../source/search/searcher.js';
import {KEYMAP} from '../../source/state/keymap.js';
import {generated, loadFixture} from '../state/helpers.js';
import {KEYS, ready, renderExplorer} from './render.js';

// Colour on, so highlight and selection codes can be checked; NO_COLOR is tested with colour off.
vi.hoisted(() => {
	process.env.FORCE_COLOR = '1';
});

const small = loadFixture('small');
const INVERSE = '\u001b[7m';

/** The runs of a raw line drawn underlined (how matched characters are marked, colour or not). */
function underlined(raw: string): string[] {
	return [...raw.matchAll(/\u001b\[4m((?:\u001b\[[0-9;]*m|[^\u001b])*?)\u001b\[24m/g)].map((match) =>
		stripVTControlCharacters(match[1] ?? ''),
	);
}

afterEach(() => {
	cleanup();
});

describe('the timeline screen', () => {
	it('shows title, counts, sparkline with dates, group headers, rows and the status bar, one line short', async () => {
		const ui = renderExplorer(small, {size: {columns: 100, rows: 30}});
		await ready(ui);
		const lines = ui.lines();
		expect(lines).toHaveLength(29);
		expect(lines[0]).toMatch(/^Explorer test timeline +fixtures\/small\.json$/);
		expect(lines[1]).toBe('6 events · 6 quotes · by month');
		expect(lines[2]).toMatch(/[▁▂▃▄▅▆▇█]/);
		expect(lines[3]).toMatch(/^▲ 2024 +2 Jan 2026 *$/);
		expect(lines[4]).toMatch(/^── 2024 · 1 ─+$/);
		expect(lines[5]).toMatch(/^▸ 2024 +Disputed election +Nicolás Maduro/);
		expect(lines[6]).toMatch(/^── December 2025 · 3 ─+$/);
		expect(lines[7]).toMatch(/^ {2}c\. Dec 2025 +Earlier release of prisoners/);
		expect(lines[8]).toMatch(/^ {2}22–28 Dec 2025 +Reported strike on a docking area +❝1 +Trump/);
		// Actors are cut to their column by cell width, with an ellipsis.
		expect(lines[9]).toMatch(/^ {2}31 Dec 2025 +Interview taped +❝2 {2}Nicolás Maduro, Ignacio…$/);
		expect(lines[28]).toMatch(/^ TIMELINE {2}1\/6 {2}j\/k move {2}\[\/\] group {2}Enter detail {2}\/ search/);
		expect(ui.widest()).toBeLessThanOrEqual(100);
		// The cursor row is in inverse video across the row.
		expect(ui.rawLine('Disputed election')).toContain(INVERSE);
		expect(ui.rawLine('Earlier release')).not.toContain(INVERSE);
	});

	it('fits rows with wide characters to the terminal in cells, never wrapping', async () => {
		const ui = renderExplorer(small, {size: {columns: 60, rows: 20}});
		await ready(ui);
		expect(ui.frame()).toContain('北京 reacts 🌍');
		expect(ui.widest()).toBeLessThanOrEqual(60);
		expect(ui.lines()).toHaveLength(19);
	});

	it('moves the cursor marker with j and k, and jumps with G and g', async () => {
		const ui = renderExplorer(small);
		await ready(ui);
		ui.press('j');
		await ui.until('TIMELINE  2/6');
		expect(ui.frame()).toMatch(/▸ c\. Dec 2025 +Earlier release/);
		expect(ui.rawLine('Earlier release')).toContain(INVERSE);
		ui.press('G');
		await ui.until('TIMELINE  6/6');
		expect(ui.frame()).toMatch(/▸ 2 Jan 2026 +北京 reacts/);
		ui.press('g');
		await ui.until('TIMELINE  1/6');
	});

	it('marks the cursor on the sparkline and names its date under it', async () => {
		const ui = renderExplorer(small);
		await ready(ui);
		ui.press('j', 'j', 'j');
		await ui.until('TIMELINE  4/6');
		// 31 Dec 2025 is near the right end of a span from 2024: the label reads leftwards from ▲.
		expect(ui.lines()[3]).toMatch(/^2024 +31 Dec 2025 ▲$/);
		ui.press('g');
		await ui.until('TIMELINE  1/6');
		expect(ui.lines()[3]).toMatch(/^▲ 2024 +2 Jan 2026$/);
		const bars = ui.raw().split('\n')[2] ?? '';
		expect(bars.startsWith(`${INVERSE}`) || bars.includes(`${INVERSE}▃`)).toBe(true);
	});

	it('toggles the grouping with z', async () => {
		const ui = renderExplorer(small);
		await ready(ui);
		ui.press('z');
		await ui.until('by year');
		expect(ui.frame()).toMatch(/── 2025 · 3 ─/);
		ui.press('z');
		await ui.until('by decade');
		expect(ui.frame()).toMatch(/── 2020s · 6 ─/);
		ui.press('z');
		await ui.until('by day');
		expect(ui.frame()).toMatch(/── Wed 31 Dec 2025 · 1 ─/);
	});

	it('shows only the rows that fit, whatever the number of events', async () => {
		const ui = renderExplorer(generated(5000), {size: {columns: 100, rows: 30}});
		await ready(ui);
		expect(ui.lines()).toHaveLength(29);
		ui.press('G');
		const last = await ui.until('TIMELINE  5000/5000');
		expect(last).toMatch(/▸ \d+ \w+ \d{4} +Event number 4999/);
		expect(last).not.toContain('Event number 0 ');
	});

	it('says there are no events in an empty dataset', async () => {
		const ui = renderExplorer(loadFixture('empty'));
		await ready(ui);
		expect(ui.frame()).toContain('No events in this dataset.');
		expect(ui.frame()).toContain('TIMELINE  0/0');
		ui.press('j', 'G', '/');
		await ui.until(' SEARCH ');
	});
});

describe('the detail pane', () => {
	it('sits to the right on a wide terminal, following the cursor, its date and title first', async () => {
		const ui = renderExplorer(small, {size: {columns: 170, rows: 40}});
		await ready(ui);
		ui.press('j', 'j', 'j');
		await ui.until('TIMELINE  4/6');
		const frame = ui.frame();
		expect(frame).toMatch(/▸ 31 Dec 2025 +Interview taped +❝2 {2}Nicolás Maduro, Ignacio…│/);
		expect(ui.lines()[4]).toMatch(/│ {2}31 Dec 2025$/);
		expect(ui.lines()[5]).toMatch(/│ {2}Interview taped$/);
		expect(ui.lines()[6]).toMatch(/│ {2}2 days before publication \(2 Jan 2026\)$/);
		expect(frame).toContain('Nicolás Maduro — President of Venezuela');
		expect(frame).toContain('Ignacio Ramonet — Spanish journalist');
		expect(frame).toContain('Places: Venezuela');
		expect(frame).toContain('Tags: media · oil');
		expect(frame).toContain('Id: taped');
		expect(frame).toContain('Quotes (2)');
		expect(frame).toContain('— Nicolás Maduro · said 31 Dec 2025 · direct quote');
		expect(frame).toContain('in an interview on state TV');
		expect(frame).toContain('The article · Wire · published 2 Jan 2026');
		expect(frame).toContain('https://example.test/article');
		ui.press('k');
		await ui.until('TIMELINE  3/6');
		expect(ui.frame()).toContain('22–28 Dec 2025 · “last week”');
		expect(ui.frame()).toContain('ended 5 days before publication (2 Jan 2026)');
		expect(ui.frame()).toContain('The first known attack on Venezuelan territory.');
	});

	it('opens full-screen below 110 columns with Enter, and Esc goes back', async () => {
		const ui = renderExplorer(small, {size: {columns: 80, rows: 24}});
		await ready(ui);
		ui.press('j', 'j', 'j');
		await ui.until('TIMELINE  4/6');
		expect(ui.frame()).not.toContain('Quotes (2)');
		ui.press(KEYS.enter);
		const detail = await ui.until(' DETAIL ');
		expect(detail).not.toContain('Explorer test timeline');
		expect(detail).toContain('Interview taped');
		expect(detail).toMatch(/DETAIL {2}4\/6 · lines 1–\d+ of \d+/);
		ui.press(KEYS.escape);
		await ui.until('TIMELINE  4/6');
	});

	it('scrolls on its own, saying how much is below', async () => {
		const ui = renderExplorer(small, {size: {columns: 60, rows: 14}});
		await ready(ui);
		ui.press('j', 'j', 'j', 'l');
		const top = await ui.until(/↓ \d+ more/);
		expect(top).toContain('31 Dec 2025');
		ui.press('G');
		const bottom = await ui.until((frame) => !/↓ \d+ more/.test(frame));
		expect(bottom).not.toContain('President of Venezuela');
		expect(bottom).toContain('https://example.test/article');
		// The date and the title stay pinned above what scrolled.
		expect(bottom.split('\n').slice(0, 2)).toEqual(['  31 Dec 2025', '  Interview taped']);
	});

	it('marks the selected quote with a bar; ] moves it', async () => {
		const ui = renderExplorer(small, {size: {columns: 120, rows: 40}});
		await ready(ui);
		ui.press('j', 'j', 'j', KEYS.tab);
		await ui.until(' DETAIL ');
		const barred = () =>
			ui
				.lines()
				.filter((line) => line.includes('▌'))
				.join('\n');
		expect(barred()).toContain('If they want oil');
		ui.press(']');
		await ui.until((frame) => frame.includes('▌') && barred().includes('This could be something'));
		expect(barred()).not.toContain('If they want oil');
	});
});

describe('quote search', () => {
	it('says indexing… until the index is ready, then shows results as you type', async () => {
		const ui = renderExplorer(small, {holdIndex: true});
		await ready(ui);
		ui.press('/');
		await ui.until('indexing… 0%');
		ui.press('chevron');
		await ui.until('/ chevron');
		expect(ui.frame()).toContain('indexing…');
		ui.releaseIndex();
		const results = await ui.until('1 quote');
		expect(results).toMatch(/▸ “If they want oil, Venezuela is ready for US investment, like with Chevron,”/);
		expect(results).toContain('— Nicolás Maduro · said 31 Dec 2025');
	});

	it('highlights the matched characters', async () => {
		const ui = renderExplorer(small);
		await ready(ui);
		ui.press('/', 'chevron');
		await ui.until('1 quote');
		expect(underlined(ui.rawLine('like with Chevron,”'))).toEqual(['Chevron']);
	});

	it('shows the match count always, and "nothing matches" for none', async () => {
		const ui = renderExplorer(small);
		await ready(ui);
		ui.press('/', 'zzqqxx');
		await ui.until('nothing matches');
		ui.press(...Array(6).fill(KEYS.backspace), '@maduro');
		const speaker = await ui.until('3 quotes');
		expect(speaker).toContain('/ @maduro');
		expect(speaker).not.toContain('along the shore');
	});

	it('passes fzf extended syntax through', async () => {
		const ui = renderExplorer(small);
		await ready(ui);
		ui.press('/', "'along");
		await ui.until('1 quote');
		expect(ui.frame()).toContain('“along the shore”');
		ui.press(...Array(6).fill(KEYS.backspace), '!oil @maduro');
		const negated = await ui.until('2 quotes');
		expect(negated).not.toContain('Chevron');
	});

	it('never lets a stale answer overwrite a newer one', async () => {
		const real = createSearcher(small);
		const calls: Array<{query: string; resolve: (result: SearchResult) => void}> = [];
		const slow: Searcher = {
			size: real.size,
			quoteOrder: real.quoteOrder,
			search: real.search,
			// Ignores the abort signal on purpose: answers come back in whatever order the test says.
			searchAsync: (query) =>
				new Promise((resolve) => {
					calls.push({query, resolve: resolve as (result: SearchResult) => void});
				}),
		};
		const ui = renderExplorer(small, {searcher: slow});
		await ready(ui);
		ui.press('/', 'o');
		// The empty line is asked for first, as soon as the index is ready (it lists everything).
		await vi.waitFor(() => expect(calls.map((call) => call.query)).toEqual(['', 'o']));
		ui.press('il');
		await vi.waitFor(() => expect(calls.at(-1)?.query).toBe('oil'));
		const newest = calls.at(-1);
		newest?.resolve(real.search('oil'));
		await ui.until('1 quote');
		for (const call of calls.slice(0, -1)) call.resolve(real.search(call.query));
		await new Promise((resolve) => setTimeout(resolve, 20));
		expect(ui.frame()).toContain('1 quote');
		expect(ui.frame()).toContain('/ oil');
	});

	it('Enter goes to the quote’s event, the quote marked and highlighted; Esc stays there; Esc again clears', async () => {
		const ui = renderExplorer(small, {size: {columns: 120, rows: 40}});
		await ready(ui);
		ui.press('j');
		await ui.until('TIMELINE  2/6');
		ui.press('/', 'chevron');
		await ui.until('1 quote');
		ui.press(KEYS.enter);
		await ui.until(' DETAIL ');
		const barred = ui.lines().filter((line) => line.includes('▌'));
		expect(barred.join('\n')).toContain('“If they want oil, Venezuela is ready');
		expect(barred.join('\n')).toContain('Chevron,”');
		const quoteLine = ui
			.raw()
			.split('\n')
			.find((line) => line.includes('▌') && stripVTControlCharacters(line).includes('Chevron'));
		expect(underlined(quoteLine ?? '')).toEqual(['Chevron']);
		expect(ui.frame()).toMatch(/ DETAIL {2}4\/6 .*\/chevron · 2 events/);
		ui.press(KEYS.escape);
		const back = await ui.until('TIMELINE  4/6');
		expect(back).toMatch(/▸ 31 Dec 2025 +Interview taped/);
		expect(back).toContain('/chevron · 2 events (Esc clears)');
		ui.press(KEYS.escape);
		const cleared = await ui.until('search cleared');
		expect(cleared).not.toContain('/chevron');
	});

	it('opens with --search filled in and --event in the detail', async () => {
		const searching = renderExplorer(small, {search: 'shore'});
		await searching.until('1 quote');
		expect(searching.frame()).toContain('/ shore');
		cleanup();
		const reading = renderExplorer(small, {eventId: 'strike', size: {columns: 80, rows: 24}});
		const detail = await reading.until(' DETAIL ');
		expect(detail).toContain('Reported strike on a docking area');
	});
});

describe('keys everywhere', () => {
	it('? shows every key of every mode, from the keymap', async () => {
		const ui = renderExplorer(small, {size: {columns: 120, rows: 40}});
		await ready(ui);
		ui.press('?');
		await ui.until(' HELP ');
		let seen = ui.frame();
		// Page until the help says nothing more is below, reading every page as it is drawn.
		while (/more lines? below/.test(ui.frame())) {
			const before = ui.frame();
			ui.press(KEYS.pageDown);
			seen += await ui.until((frame) => frame !== before);
		}
		for (const binding of KEYMAP) expect(seen).toContain(binding.help);
		ui.press(KEYS.escape);
		await ui.until(' TIMELINE ');
	});

	it('t jumps to the first event on or after a date', async () => {
		const ui = renderExplorer(small);
		await ready(ui);
		ui.press('t');
		await ui.until(' GO TO DATE ');
		ui.press('2025-12-31', KEYS.enter);
		const frame = await ui.until('TIMELINE  4/6');
		expect(frame).toMatch(/▸ 31 Dec 2025 +Interview taped/);
		ui.press('t');
		await ui.until(' GO TO DATE ');
		ui.press('nope', KEYS.enter);
		await ui.until('expected a date such as 31 Dec 2025');
	});

	it('f picks a facet with its count, narrowing the timeline; picking again clears it', async () => {
		const ui = renderExplorer(small);
		await ready(ui);
		ui.press('f');
		const picker = await ui.until('Actors (4)');
		// The count of events stands before each name.
		expect(picker).toMatch(/▸ \[ \] 4 {2}Nicolás Maduro/);
		expect(picker).toMatch(/Tags \(6\)/);
		expect(picker).toMatch(/\[ \] 1 {2}北京/);
		ui.press(KEYS.enter);
		await ui.until('[x] 4  Nicolás Maduro');
		ui.press(KEYS.escape);
		const filtered = await ui.until('4 of 6 events');
		expect(filtered).toContain('filters: actor Nicolás Maduro');
		expect(filtered).not.toContain('Reported strike');
		ui.press('f', KEYS.enter);
		await ui.until('[ ] 4  Nicolás Maduro');
		ui.press(KEYS.escape);
		await ui.until('6 events · 6 quotes');
	});

	it('y copies the quote as a citation and says how it was copied', async () => {
		const ui = renderExplorer(small);
		await ready(ui);
		ui.press('j', 'j', 'j', 'y');
		await ui.until('copied with test-clip: “If they want oil');
		expect(ui.copied).toEqual([
			'“If they want oil, Venezuela is ready for US investment, like with Chevron,” — Nicolás Maduro, 31 Dec 2025, The article, Wire, https://example.test/article',
		]);
	});

	it('o opens the web address of the source, refuses others, says when there is none', async () => {
		const ui = renderExplorer(small);
		await ready(ui);
		ui.press('o');
		await ui.until('opening https://example.test/article');
		await vi.waitFor(() => expect(ui.opened).toEqual(['https://example.test/article']));
		ui.press('G', 'o');
		await ui.until('no URL: the sources here have none');
		ui.press('k', KEYS.tab, ']', 'o');
		await ui.until('! not opening file:///etc/passwd');
		expect(ui.opened).toHaveLength(1);
	});

	it('q exits 0 and Ctrl-C 130, from the search line too', async () => {
		const quitting = renderExplorer(small);
		await ready(quitting);
		quitting.press('q');
		await vi.waitFor(() => expect(quitting.exits).toEqual([0]));
		cleanup();
		const interrupted = renderExplorer(small);
		await ready(interrupted);
		interrupted.press('/', 'q');
		await interrupted.until('/ q');
		interrupted.press(KEYS.ctrlC);
		await vi.waitFor(() => expect(interrupted.exits).toEqual([130]));
	});
});

describe('the terminal', () => {
	it('re-lays out on resize, shows the too-small message below 40x10 and recovers', async () => {
		const ui = renderExplorer(small, {size: {columns: 120, rows: 40}});
		await ready(ui);
		expect(ui.frame()).toContain('│');
		ui.resize({columns: 80, rows: 24});
		await ui.until((frame) => frame.split('\n').length === 23);
		expect(ui.frame()).not.toContain('│');
		ui.resize({columns: 39, rows: 10});
		await ui.until('(need 40x10, now 39x10)');
		ui.resize({columns: 60, rows: 9});
		await ui.until('terminal too small (need 40x10, now 60x9)');
		ui.resize({columns: 30, rows: 8});
		const tiny = await ui.until('(need 40x10, now 30x8)');
		expect(tiny.split('\n')).toEqual(['terminal too small', '(need 40x10, now 30x8)']);
		ui.resize({columns: 100, rows: 30});
		const back = await ui.until('TIMELINE  1/6');
		expect(back.split('\n')).toHaveLength(29);
	});

	it('with NO_COLOR draws no colour, and structure still shows in inverse video and symbols', async () => {
		const ui = renderExplorer(small, {colour: false});
		await ready(ui);
		ui.press('/', 'chevron');
		await ui.until('1 quote');
		expect(ui.raw()).not.toMatch(/\u001b\[(?:3[0-7]|9[0-7]|38;)/);
		expect(ui.rawLine('If they want')).toContain(INVERSE);
		expect(underlined(ui.rawLine('If they want'))).toEqual(['Chevron']);
		expect(ui.frame()).toContain('▸ “If they want');
	});

	it('draws dataset text through the sanitizer: no escape sequence from the data reaches the frame', async () => {
		const ui = renderExplorer(loadFixture('hostile'), {size: {columns: 120, rows: 40}});
		await ready(ui);
		ui.press(KEYS.tab);
		await ui.until(' DETAIL ');
		// Only SGR codes (Ink's own styling) remain once the frame is stripped of them.
		const withoutSgr = ui.raw().replace(/\u001b\[[0-9;]*m/g, '');
		expect(withoutSgr).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
		expect(ui.frame()).toContain('Hostile strings red');
		expect(ui.frame()).toContain('Evil  speaker esrever');
		expect(ui.frame()).not.toContain('pwned');
	});
});

describe('reload (R)', () => {
	it('shows a bad version’s first problem as a banner over the last good data, and clears it on a good one', async () => {
		const bad: LoadResult = {
			ok: false,
			file: 'fixtures/small.json',
			problems: [
				{
					file: 'fixtures/small.json',
					line: 4,
					column: 12,
					pointer: '/events/0/date',
					code: 'bad-date',
					params: {},
					message: 'expected a date',
				},
				{
					file: 'fixtures/small.json',
					line: 9,
					column: 3,
					pointer: '/events/1',
					code: 'wrong-type',
					params: {expected: 'object'},
					message: 'expected an object',
				},
			],
			omitted: 0,
		};
		const results: LoadResult[] = [
			bad,
			{
				ok: true,
				dataset: small,
				file: 'fixtures/small.json',
				format: 'timescope/1',
				problems: [],
				omitted: 0,
				skipped: {},
			},
		];
		const asked: string[] = [];
		const ui = renderExplorer(small, {
			size: {columns: 100, rows: 30},
			path: '/home/me/small.json',
			load: async (path) => {
				asked.push(path);
				return results.shift() as LoadResult;
			},
		});
		await ready(ui);
		ui.press('j', 'R');
		await ui.until('reload failed: still showing the last good version');
		expect(asked).toEqual(['/home/me/small.json']);
		const lines = ui.lines();
		expect(lines[0]).toMatch(
			/^! reload failed: fixtures\/small\.json:4:12: \/events\/0\/date: expected a date \(and 1 more\)/,
		);
		expect(lines[1]).toBe('6 events · 6 quotes · by month');
		expect(ui.frame()).toMatch(/▸ c\. Dec 2025 +Earlier release of prisoners/);
		// Moving on replaces the message, not the banner; the status bar keeps a reminder.
		ui.press('k');
		await ui.until((frame) => !frame.includes('still showing'));
		expect(ui.lines()[0]).toMatch(/^! reload failed/);
		expect(ui.lines()[28]).toMatch(/^ TIMELINE {2}1\/6 {2}! stale: reload failed/);
		ui.press('R');
		await ui.until('reloaded · 6 events, 6 quotes');
		expect(ui.lines()[0]).toMatch(/^Explorer test timeline +fixtures\/small\.json$/);
	});
});
