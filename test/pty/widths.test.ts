import {fileURLToPath} from 'node:url';
import {afterEach, describe, expect, it, vi} from 'vitest';
import {KEY, TerminalSession} from './terminal.js';

/**
 * Characters terminals measure differently from width libraries (zero-width spaces, Hangul fillers,
 * soft hyphens, emoji sequences, conjuncts), drawn in a terminal that measures as glibc does (tmux,
 * xterm, VTE): every row stays where it belongs, the pane divider stays in its column, and the frame
 * never scrolls.
 */

vi.setConfig({testTimeout: 20_000});

const WIDTHS = fileURLToPath(new URL('../fixtures/explorer/widths.json', import.meta.url));

const sessions: TerminalSession[] = [];

afterEach(() => {
	for (const session of sessions.splice(0)) session.dispose();
});

function open(columns: number, rows: number): TerminalSession {
	const session = new TerminalSession([WIDTHS], {columns, rows});
	sessions.push(session);
	return session;
}

/** The frame is whole: title on the first row, the status bar on the last but one, nothing below. */
function expectFrameInPlace(session: TerminalSession, rows: number, mode: string): void {
	const lines = session.lines();
	expect(lines[0]).toMatch(/^Widths .*that terminals and libraries disagree on/);
	expect(lines[rows - 2]).toMatch(new RegExp(`^ ${mode} `));
	expect(lines[rows - 1]).toBe('');
	// Zero-width characters with nothing to attach to never reach the terminal.
	expect(session.output).not.toContain('\u200b');
	expectLastColumnUnwritten(session, rows);
}

/**
 * Nothing is written into the terminal's last column (its cells stay as a clear left them, with no
 * character, not even a space): a character a terminal draws wider than measured has room there.
 */
function expectLastColumnUnwritten(session: TerminalSession, rows: number): void {
	const last = session.term.cols - 1;
	const written = Array.from({length: rows}, (_, y) => y).filter((y) => session.cells(y)[last] !== '');
	expect(written, 'rows with something in the last column').toEqual([]);
}

/** Columns of the divider between list and detail, on every body row. */
function dividerColumns(session: TerminalSession, from: number, to: number): Set<number> {
	const found = new Set<number>();
	for (let y = from; y < to; y++) found.add(session.cells(y).lastIndexOf('│'));
	return found;
}

describe('hostile widths in a real terminal', () => {
	it('keeps every row in place and the divider in one column at 120 x 40', async () => {
		const session = open(120, 40);
		await session.waitFor('TIMELINE');
		for (const key of ['', 'j', 'j', 'j', 'j']) {
			session.press(key);
			await session.waitFor(/TIMELINE/);
			expectFrameInPlace(session, 40, 'TIMELINE');
			const columns = dividerColumns(session, 5, 38);
			expect(columns.size).toBe(1);
			expect([...columns][0]).toBeGreaterThan(40);
		}
		// The filler-named actor and the hostile quote, in the detail.
		session.press('g', 'j', KEY.tab);
		await session.waitFor('DETAIL');
		expectFrameInPlace(session, 40, 'DETAIL');
		expect(session.screen()).toContain('Hangul fillers');
		expect(dividerColumns(session, 5, 38).size).toBe(1);
		// Line wrapping is off while the explorer runs (a row can never push the frame up), on after.
		expect(session.term.modes.wraparoundMode).toBe(false);
		session.press('q', 'q');
		await session.waitForExit();
		expect(session.term.modes.wraparoundMode).toBe(true);
	});

	it('keeps the frame in place at 80 x 24 in the list, the detail and search', async () => {
		const session = open(80, 24);
		await session.waitFor('TIMELINE');
		expectFrameInPlace(session, 24, 'TIMELINE');
		for (let i = 0; i < 4; i++) {
			session.press('j');
			await session.waitFor(`TIMELINE  ${i + 2}/5`);
			expectFrameInPlace(session, 24, 'TIMELINE');
			session.press(KEY.enter);
			await session.waitFor('DETAIL');
			// The detail fills the screen: its first row is the event's date, the status bar stays put.
			expect(session.lines()[22]).toMatch(/^ DETAIL /);
			expect(session.lines()[23]).toBe('');
			expectLastColumnUnwritten(session, 24);
			session.press('h');
			await session.waitFor('TIMELINE');
		}
		session.press('/');
		await session.waitFor('SEARCH');
		session.press('fillers');
		await session.waitFor('1 event · 1 quote');
		expectFrameInPlace(session, 24, 'SEARCH');
	});
});
