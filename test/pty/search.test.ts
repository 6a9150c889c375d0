import {existsSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {afterEach, describe, expect, it, vi} from 'vitest';
import {BUNDLED, expectRestored, KEY, TerminalSession} from './terminal.js';

/** Search in a real terminal: a timeline without quotes, and a paste far past the query's cap. */

vi.setConfig({testTimeout: 30_000});

const sessions: TerminalSession[] = [];

afterEach(() => {
	for (const session of sessions.splice(0)) session.dispose();
});

function open(args: string[], columns = 100, rows = 30): TerminalSession {
	const session = new TerminalSession(args, {columns, rows});
	sessions.push(session);
	return session;
}

/** Shared material is read from ../shared beside the repository, never copied in. */
function sharedFile(path: string): string {
	const file = fileURLToPath(new URL(`../../../shared/${path}`, import.meta.url));
	if (!existsSync(file))
		throw new Error(`shared material missing: ${file} (expected ../shared beside the repository)`);
	return file;
}

describe('a timeline without quotes', () => {
	it('is searched by its events: / finds “Livy” in the Mark Twain TimelineJS example, Enter opens it', async () => {
		const session = open([
			sharedFile('timelinejs-examples/TimelineJS3__website__examples__twain__marktwain.json'),
		]);
		await session.waitFor(' TIMELINE ');
		session.press('/');
		await session.waitFor(' SEARCH ');
		session.press('livy');
		// The results whole, not only their count: the terminal can show a frame half-written.
		const results = await session.waitFor(/\/ livy +\d+ events\b[\s\S]*event +\S/);
		expect(results).toMatch(/▸ Livy/);
		expect(results).toMatch(/event +\S/);
		session.press(KEY.enter);
		const detail = await session.waitFor(' DETAIL ');
		expect(detail).toContain('Meets and falls in love with Livy');
		// q closes the detail; only the timeline quits with it.
		session.press('q', 'q');
		await expectRestored(session, 0);
	});
});

describe('a paste far past the cap', () => {
	it('keeps 1,000 characters, says so, stays responsive, and Ctrl-C still exits at once', async () => {
		const session = open([BUNDLED]);
		await session.waitFor(' TIMELINE ');
		session.press('/');
		await session.waitFor(' SEARCH ');
		// 100 KB of distinct words, in one write, as a terminal delivers a paste.
		const paste = Array.from({length: 20_000}, (_, i) => `word${i}`)
			.join(' ')
			.slice(0, 100_000);
		const began = Date.now();
		session.press(paste);
		await session.waitFor('holds at most 1,000 characters', 15_000);
		// The line shows the end of what was kept, the search has answered (nothing has these words).
		await session.waitFor(/\/ …\s?\S.* +nothing matches/, 15_000);
		expect(Date.now() - began).toBeLessThan(15_000);
		// Keys still act: clear the line, type a real query, see its results.
		session.press('\u0015', 'oil');
		await session.waitFor(/\/ oil +\d+ events? · \d+ quotes?/);
		const stopped = Date.now();
		session.press(KEY.ctrlC);
		await expectRestored(session, 130);
		expect(Date.now() - stopped).toBeLessThan(5_000);
	});
});

describe('the quotes view', () => {
	it('lists who said what, when; z groups by speaker; Enter opens the quote in its event', async () => {
		const session = open([BUNDLED], 120, 40);
		await session.waitFor(' TIMELINE ');
		session.press('Q');
		await session.waitFor(' QUOTES ');
		// Waited for, not read at once: a frame may arrive in more than one piece.
		await session.waitFor(/── December 2025 · \d+ ─/);
		await session.waitFor(/▸ between 29 Dec–2 Jan 2026 +Trump +“along the shore”/);
		session.press('z');
		await session.waitFor(/── Nicolas Maduro · 8 ─/);
		await session.waitFor(/── Trump · 5 ─/);
		session.press(KEY.enter);
		await session.waitFor(' DETAIL ');
		await session.waitFor(/▌ +“along the shore”/);
		session.press(KEY.escape);
		await session.waitFor(' QUOTES ');
		session.press(KEY.escape);
		await session.waitFor(' TIMELINE ');
		session.press('q');
		await expectRestored(session, 0);
	});

	it('on a timeline without quotes, says so and points to search', async () => {
		const session = open([
			sharedFile('timelinejs-examples/TimelineJS3__website__examples__twain__marktwain.json'),
		]);
		await session.waitFor(' TIMELINE ');
		session.press('Q');
		await session.waitFor('This timeline has no quotes. Press / to search its events.');
		session.press(KEY.ctrlC);
		await expectRestored(session, 130);
	});
});
