import {afterEach, describe, expect, it, vi} from 'vitest';
import {BUNDLED, TerminalSession} from './terminal.js';

/** What the environment may hold without changing what the explorer draws. */

vi.setConfig({testTimeout: 20_000});

const sessions: TerminalSession[] = [];

afterEach(() => {
	for (const session of sessions.splice(0)) session.dispose();
});

describe('the environment', () => {
	it('DEV=true (Ink’s devtools switch) prints no devtools warning and changes nothing on screen', async () => {
		const session = new TerminalSession([BUNDLED], {columns: 100, rows: 30, env: {DEV: 'true'}});
		sessions.push(session);
		const screen = await session.waitFor(' TIMELINE ');
		expect(screen).toContain('Venezuela leader strikes');
		expect(session.output).not.toMatch(/devtools/i);
		session.press('q');
		expect((await session.waitForExit()).exitCode).toBe(0);
		expect(session.output).not.toMatch(/devtools/i);
	});
});
