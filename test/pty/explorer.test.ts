import {mkdtempSync, renameSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import fc from 'fast-check';
import {afterEach, describe, expect, it, vi} from 'vitest';
import {cellWidth} from '../../source/text/cells.js';
import {hostileDataset} from '../helpers/hostile.js';
import {generatedDocument} from '../state/helpers.js';
import {BUNDLED, expectRestored, KEY, TerminalSession} from './terminal.js';

/**
 * The built CLI in a real pseudo-terminal, at a wide and a common size: what a person sees, and that
 * the terminal is handed back intact (main screen, cursor shown) with the right exit code.
 */

// A loaded machine can be slow to start a process; the deadlines inside each test stay short.
vi.setConfig({testTimeout: 20_000});

const sessions: TerminalSession[] = [];

afterEach(() => {
	for (const session of sessions.splice(0)) session.dispose();
});

function open(args: string[], columns: number, rows: number, env?: NodeJS.ProcessEnv): TerminalSession {
	const session = new TerminalSession(args, {columns, rows, env});
	sessions.push(session);
	return session;
}

describe.each([
	{columns: 120, rows: 40},
	{columns: 80, rows: 24},
])('the bundled dataset at $columns x $rows', ({columns, rows}) => {
	it('draws the first screen on the alternate screen, one line short of the terminal, cursor hidden', async () => {
		const session = open([BUNDLED], columns, rows);
		const screen = await session.waitFor('TIMELINE');
		const lines = session.lines();
		expect(lines[0]).toContain('Venezuela leader strikes conciliatory tone');
		expect(lines[1]).toContain('20 events · 13 quotes · by month');
		// The sparkline's first and last dates, and the cursor on the first dated event: the story, not
		// the facts the article gives no date for, which wait below under their own heading.
		expect(lines[3]).toMatch(/^▲ 2024 .* 2 Jan 2026$/);
		expect(lines[4]).toMatch(/^── 2024 · 1 ─+/);
		expect(lines[5]).toMatch(/^▸ 2024 +Maduro’s disputed victory/);
		expect(screen).toContain('── December 2025 · 6');
		expect(screen).toMatch(/ {2}between 22–28 Dec 2025 +Reported CIA-led strike/);
		expect(screen).toContain('── Date not given · reported by 2 Jan 2026 · 8 ─');
		expect(lines.findIndex((line) => line.startsWith('── Date not given'))).toBeGreaterThan(
			lines.findIndex((line) => line.includes('Article published')),
		);
		expect(lines[rows - 2]).toMatch(/^ TIMELINE {2}1\/20 {2}j\/k move/);
		expect(lines[rows - 1]).toBe('');
		expect(session.bufferType()).toBe('alternate');
		expect(session.cursorVisible()).toBe(false);
		for (const line of lines) expect(line.length).toBeLessThanOrEqual(columns);
		session.press('q');
		await expectRestored(session, 0);
	});

	it('moves with j, k, G and g', async () => {
		const session = open([BUNDLED], columns, rows);
		await session.waitFor('TIMELINE  1/20');
		session.press('j');
		await session.waitFor('TIMELINE  2/20');
		expect(session.screen()).toMatch(/▸ c\. 2025 – ongoing +Washington’s sanctions/);
		session.press('k');
		await session.waitFor('TIMELINE  1/20');
		session.press('G');
		const last = await session.waitFor('TIMELINE  20/20');
		expect(last).toMatch(/▸ by 2 Jan 2026 +Maduro says the US seeks/);
		// An event with no date has no place on the sparkline, and the axis says so.
		expect(session.lines()[3]).toContain('cursor: date not given');
		session.press('g');
		await session.waitFor('TIMELINE  1/20');
		expect(session.screen()).toMatch(/▸ 2024 +Maduro’s disputed victory/);
		session.press('q');
		await expectRestored(session, 0);
	});

	it('searches for chevron, goes to the quote with Enter, and stays there after Esc', async () => {
		const session = open([BUNDLED], columns, rows);
		await session.waitFor('TIMELINE');
		session.press('/');
		await session.waitFor(' SEARCH ');
		session.press('chevron');
		// The events about Chevron, ranked with the quote naming it. Each waited for: a frame may
		// arrive in more than one piece.
		await session.waitFor('2 events · 1 quote');
		await session.waitFor(/▸ Chevron is the only major oil company/);
		await session.waitFor('— Nicolas Maduro · said 31 Dec 2025');
		session.press(KEY.down, KEY.down);
		await session.waitFor(/▸ “.*Chevron,”/);
		session.press(KEY.enter);
		await session.waitFor(' DETAIL ');
		// The quote's block is marked with the selection bar, on screen.
		const marked = () =>
			session
				.lines()
				.filter((line) => line.includes('▌'))
				.join(' ');
		await session.waitFor(() => marked().includes('If they want oil, Venezuela is ready'));
		await session.waitFor(() => marked().includes('— Nicolas Maduro · said 31 Dec 2025'));
		// Enter went there, as less and vim do: Esc leaves the cursor on the quote's event, the search
		// still in force in the status bar.
		session.press(KEY.escape);
		const back = await session.waitFor('TIMELINE  8/20');
		expect(back).toMatch(/▸ 31 Dec 2025 +Maduro’s interview/);
		expect(back).toContain('/chevron · 3 events');
		session.press('/');
		await session.waitFor('/ chevron');
		session.press(KEY.escape);
		await session.waitFor('TIMELINE  8/20');
		session.press(KEY.escape);
		await session.waitFor('search cleared');
		session.press('q');
		await expectRestored(session, 0);
	});

	it('shows the help on ? and closes it with Esc', async () => {
		const session = open([BUNDLED], columns, rows);
		await session.waitFor('TIMELINE');
		session.press('?');
		const help = await session.waitFor(' HELP ');
		expect(help).toMatch(/^Keys/);
		expect(help).toMatch(/j ↓ +next event/);
		expect(help).toMatch(/PgDn Space +page down/);
		session.press(KEY.escape);
		await session.waitFor('TIMELINE');
		session.press(KEY.f1);
		await session.waitFor(' HELP ');
		// q closes the help, as in less; only the timeline quits with it.
		session.press('q');
		await session.waitFor('TIMELINE');
		session.press('q');
		await expectRestored(session, 0);
	});

	it('says the terminal is too small at 30x8 and recovers when it grows back', async () => {
		const session = open([BUNDLED], columns, rows);
		await session.waitFor('TIMELINE');
		session.press('j');
		await session.waitFor('TIMELINE  2/20');
		session.resize(30, 8);
		const small = await session.waitFor('terminal too small');
		expect(small).toContain('(need 40x10, now 30x8)');
		expect(small).not.toContain('TIMELINE');
		session.resize(columns, rows);
		const back = await session.waitFor('TIMELINE  2/20');
		expect(back).not.toContain('too small');
		const lines = session.lines();
		expect(lines[0]).toContain('Venezuela leader strikes');
		expect(lines[rows - 2]).toMatch(/^ TIMELINE/);
		expect(lines[rows - 1]).toBe('');
		session.press('q');
		await expectRestored(session, 0);
	});

	it('quits with Ctrl-C, exit code 130, terminal restored', async () => {
		const session = open([BUNDLED], columns, rows);
		await session.waitFor('TIMELINE');
		session.press(KEY.ctrlC);
		await expectRestored(session, 130);
	});
});

describe('the terminal comes back on every way out', () => {
	it('Ctrl-C in the search line and in the detail exits 130', async () => {
		const searching = open([BUNDLED], 100, 30);
		await searching.waitFor('TIMELINE');
		searching.press('/', 'oil');
		await searching.waitFor(/\/ oil +\d+ events? · \d+ quotes?/);
		searching.press(KEY.ctrlC);
		await expectRestored(searching, 130);

		const reading = open([BUNDLED, '--event', 'interview-aired'], 100, 30);
		await reading.waitFor(' DETAIL ');
		reading.press(KEY.ctrlC);
		await expectRestored(reading, 130);
	});

	it('Ctrl-C while the quote index is still being built exits 130', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'timescope-pty-'));
		const file = join(dir, 'archive.json');
		const doc = generatedDocument(20_000);
		// Three quotes an event: enough that building the index takes a visible while.
		doc.quotes = doc.events.flatMap((event, i) =>
			[0, 1, 2].map((k) => ({
				id: `q${i}-${k}`,
				text: `Words ${i} spoken ${k} about oil and ships`,
				speaker: 'a',
				events: [event.id],
			})),
		);
		writeFileSync(file, JSON.stringify(doc));
		const session = open([file, '--search', 'oil'], 100, 30);
		await session.waitFor('indexing…');
		session.press(KEY.ctrlC);
		await expectRestored(session, 130);
	});

	it('SIGTERM exits 143 and SIGHUP 129', async () => {
		const term = open([BUNDLED], 100, 30);
		await term.waitFor('TIMELINE');
		term.pty.kill('SIGTERM');
		await expectRestored(term, 143);

		const hup = open([BUNDLED], 100, 30);
		await hup.waitFor('TIMELINE');
		hup.pty.kill('SIGHUP');
		await expectRestored(hup, 129);
	});

	it('an error thrown while rendering exits 1 and prints it after the terminal is restored', async () => {
		// A preload breaks the text comparison only the facet picker's sort calls; f opens the picker.
		const session = open([BUNDLED], 100, 30, {
			NODE_OPTIONS: `--import ${new URL('./fixtures/break-facet-sort.mjs', import.meta.url).pathname}`,
		});
		await session.waitFor('TIMELINE');
		session.press('f');
		await expectRestored(session, 1);
		const afterRestore = session.output.slice(session.output.lastIndexOf('\u001b[?1049l'));
		expect(afterRestore).toContain('timescope: internal error: Error: sorting broken for this test');
		expect(session.screen()).toContain('timescope: internal error');
	});
});

describe('data cannot act on the terminal', () => {
	it('draws hostile strings inert: no title change, no escape takes effect, the screen stays whole', async () => {
		const hostile = new URL('../fixtures/explorer/hostile.json', import.meta.url).pathname;
		const session = open([hostile], 100, 30);
		const screen = await session.waitFor('TIMELINE');
		expect(screen).toContain('Hostile strings red');
		expect(screen).toContain('Title with  clipboard and bell � and �backspace');
		expect(screen).not.toContain('pwned');
		session.press(KEY.enter);
		const detail = await session.waitFor(' DETAIL ');
		expect(detail).toContain('Quote  with  alternate screen off');
		expect(detail).toContain('Evil  speaker esrever');
		expect(session.titles).toEqual([]);
		expect(session.bufferType()).toBe('alternate');
		expect(session.output).not.toContain('\u001b]52;');
		expect(session.output).not.toContain('\u001b]0;');
		session.press('q', 'q');
		await expectRestored(session, 0);
	});
});

describe('generated hostile data cannot act on the terminal', () => {
	// fast-check datasets whose every string mixes text with CSI, OSC (title, clipboard, links), DCS,
	// C1, BEL, backspace, CR and bidi controls; a few per run, each through the explorer's screens.
	const samples = fc.sample(hostileDataset, {numRuns: 4, seed: 20_260_102});
	it.each(samples.map((doc, i) => [i, doc] as const))(
		'sample %i: nothing leaks through list, detail or search',
		async (i, doc) => {
			const dir = mkdtempSync(join(tmpdir(), 'timescope-hostile-'));
			const file = join(dir, `hostile-${i}.json`);
			writeFileSync(file, JSON.stringify(doc));
			const session = open([file], 100, 30);
			await session.waitFor(' TIMELINE ');
			session.press('j', KEY.enter);
			await session.waitFor(' DETAIL ');
			// Escape alone, then the next key: together they would read as Alt-/.
			session.press(KEY.escape);
			await session.waitFor(' TIMELINE ');
			session.press('/', 'o', 'i', 'l');
			await session.waitFor(/\/ oil +(?:\d+ (?:events?|quotes?|eras?)(?: · )?)+/);
			session.press(KEY.down, KEY.enter);
			await session.waitFor(' DETAIL ');
			session.press('?');
			await session.waitFor(' HELP ');
			session.press(KEY.escape);
			await session.waitFor(' DETAIL ');
			const lines = session.lines();
			expect(session.titles).toEqual([]);
			expect(session.bufferType()).toBe('alternate');
			for (const line of lines) expect(cellWidth(line)).toBeLessThanOrEqual(100);
			// Only timescope's own sequences reach the terminal: none of OSC, DCS, C1, BEL or a reset.
			expect(session.output).not.toMatch(/\u001b[\]P^_c]|[\u0080-\u009f]|\u0007/u);
			session.press('q', 'q');
			await expectRestored(session, 0);
		},
	);
});

describe('live reload', () => {
	it('--watch follows atomic saves, keeps the cursor on its event, and shows a bad version’s error until a good one', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'timescope-watch-'));
		const file = join(dir, 'story.json');
		// Editors save atomically: write a temporary file, then rename it over the old one.
		const save = (text: string) => {
			writeFileSync(join(dir, '.story.json.tmp'), text);
			renameSync(join(dir, '.story.json.tmp'), file);
		};
		const doc = generatedDocument(30);
		writeFileSync(file, JSON.stringify(doc, null, 2));
		const session = open(['--watch', file], 120, 40);
		await session.waitFor('TIMELINE');
		session.press('j', 'j', 'j');
		await session.waitFor(/▸ .*Event number 3\b/);

		doc.events.unshift({id: 'early', date: '2024-06-01', title: 'An earlier event'});
		const three = doc.events.find((event) => event.id === 'e3');
		if (three) three.title = 'Event number 3, corrected';
		save(JSON.stringify(doc, null, 2));
		let screen = await session.waitFor('file changed: reloaded · 31 events, 10 quotes');
		expect(screen).toMatch(/▸ .*Event number 3, corrected/);
		expect(session.lines()[1]).toContain('31 events');

		save('{"format": "timescope/1", "title": "half-written", "events": [\n  {"id": ');
		screen = await session.waitFor('reload failed');
		// A half-written save is a file cut short, and is told so.
		expect(session.lines()[0]).toMatch(
			/! reload failed: .*story\.json:2:\d+: \/events\/0: the file ends at line 2/,
		);
		expect(screen).toMatch(/▸ .*Event number 3, corrected/);
		expect(session.lines()[1]).toContain('31 events');

		doc.events.pop();
		save(JSON.stringify(doc));
		screen = await session.waitFor('reloaded · 30 events');
		expect(screen).not.toContain('reload failed');
		expect(session.lines()[0]).toContain('30 generated events');
		expect(screen).toMatch(/▸ .*Event number 3, corrected/);

		// R reloads by hand, with or without --watch.
		session.press('j');
		await session.waitFor(/▸ .*Event number 4\b/);
		session.press('R');
		screen = await session.waitFor(/^ TIMELINE .*reloaded · 30 events/m);
		expect(screen).toMatch(/▸ .*Event number 4\b/);
		session.press('q');
		await expectRestored(session, 0);
	});
});
