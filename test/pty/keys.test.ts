import {afterEach, describe, expect, it, vi} from 'vitest';
import {ESC_TIMEOUT_MS} from '../../source/ui/app.js';
import {BUNDLED, KEY, TerminalSession} from './terminal.js';

/**
 * Esc told apart by timing, in a real terminal: a quick Esc then a key is Esc and that key (never
 * Alt+key, which would lose the Esc); an arrow key whose bytes arrive split is still one arrow; a lone
 * Esc acts once the reader has waited ESC_TIMEOUT_MS for more.
 */

vi.setConfig({testTimeout: 20_000});

const sessions: TerminalSession[] = [];

afterEach(() => {
	for (const session of sessions.splice(0)) session.dispose();
});

async function inDetail(): Promise<TerminalSession> {
	const session = new TerminalSession([BUNDLED], {columns: 100, rows: 30});
	sessions.push(session);
	await session.waitFor(' TIMELINE ');
	session.press(KEY.enter);
	await session.waitFor(' DETAIL ');
	return session;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('Esc then a key', () => {
	it('Esc and / written together close the detail and open search', async () => {
		const session = await inDetail();
		session.press('\u001b/');
		await session.waitFor(' SEARCH ');
	});

	it('Esc, then / a moment later (within the wait), is the same', async () => {
		const session = await inDetail();
		session.press(KEY.escape);
		await pause(ESC_TIMEOUT_MS / 3);
		session.press('/');
		await session.waitFor(' SEARCH ');
	});

	it('an arrow whose bytes arrive apart is one arrow, not Esc and two letters', async () => {
		const session = new TerminalSession([BUNDLED], {columns: 100, rows: 30});
		sessions.push(session);
		await session.waitFor(' TIMELINE  1/20');
		session.press(KEY.escape);
		await pause(ESC_TIMEOUT_MS / 3);
		session.press('[B');
		const screen = await session.waitFor(' TIMELINE  2/20');
		// `[` and `B` were not typed as keys: no group jump, nothing else moved.
		expect(screen).toMatch(/▸ c\. 2025 – ongoing/);
	});

	it('a lone Esc acts once nothing more comes', async () => {
		const session = await inDetail();
		session.press(KEY.escape);
		await session.waitFor(' TIMELINE ');
		expect(session.screen()).not.toContain(' DETAIL ');
	});
});
