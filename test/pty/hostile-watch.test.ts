import {appendFileSync, mkdtempSync, renameSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {TerminalSession} from './terminal.js';

/**
 * --watch against saves that used to end the explorer or show half a file: an NDJSON line keyed like
 * a prototype member, and a save written in pieces. The explorer stays, says what it left out, and
 * Ctrl-C still ends it at once.
 */

const sessions: TerminalSession[] = [];

afterEach(() => {
	for (const session of sessions.splice(0)) session.dispose();
});

const ROOT = '{"format":"timescope/1","title":"Archive"}';
const event = (i: number) =>
	`{"event":{"id":"e${i}","date":"2025-01-${String(i + 1).padStart(2, '0')}","title":"Event ${i}"}}`;

describe('--watch with hostile saves', () => {
	it('keeps the explorer open through a line keyed toString, __proto__ or constructor, saying what it left out', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'timescope-hostile-watch-'));
		const file = join(dir, 'archive.ndjson');
		writeFileSync(file, `${ROOT}\n${event(0)}\n${event(1)}\n`);
		const session = new TerminalSession(['--watch', file], {columns: 120, rows: 30});
		sessions.push(session);
		await session.waitFor('TIMELINE');
		// A key that took effect: the explorer's effects, the watcher's among them, are running.
		session.press('j');
		await session.waitFor(/▸ .*Event 1/);
		for (const [i, name] of ['toString', '__proto__', 'constructor'].entries()) {
			writeFileSync(
				join(dir, '.tmp'),
				`${ROOT}\n${event(0)}\n{"${name}":{}}\n${event(1)}\n${event(2 + i)}\n`,
			);
			renameSync(join(dir, '.tmp'), file);
			const screen = await session.waitFor(`reloaded · 3 events`);
			expect(screen).toContain('! 1 line left out (! problems)');
		}
		session.press('!');
		expect(await session.waitFor('PROBLEMS')).toMatch(/3:1 +expected an object with one key, "event"/);
		session.press('j');
		// The detail shows the selected problem whole (its lines may wrap the words).
		await session.waitFor((text) => text.replace(/[\s│]+/g, ' ').includes('with keys constructor'));
		session.press('\u0003');
		const exit = await session.waitForExit(5000);
		expect(exit.exitCode).toBe(130);
	}, 30_000);

	it('never shows a save written in pieces half done', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'timescope-slow-watch-'));
		const file = join(dir, 'archive.ndjson');
		const counted = (n: number) => `{"format":"timescope/1","title":"Archive","counts":{"events":${n}}}`;
		writeFileSync(file, `${counted(1)}\n${event(0)}\n`);
		const session = new TerminalSession(['--watch', file], {columns: 120, rows: 30});
		sessions.push(session);
		await session.waitFor('TIMELINE');
		session.press('?');
		await session.waitFor('HELP');
		session.press('\u001b');
		// A generator that writes in place, a line every 40 ms.
		writeFileSync(file, `${counted(6)}\n`);
		for (let i = 0; i < 6; i++) {
			await new Promise((resolve) => setTimeout(resolve, 40));
			appendFileSync(file, `${event(i)}\n`);
		}
		const screen = await session.waitFor('reloaded · 6 events');
		expect(screen).not.toContain('left out');
		expect(session.output).not.toMatch(/reloaded · [1-5] events?/);
		session.press('q');
		expect((await session.waitForExit(5000)).exitCode).toBe(0);
	}, 30_000);
});
