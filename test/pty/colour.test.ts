import {afterEach, describe, expect, it, vi} from 'vitest';
import {BUNDLED, TerminalSession} from './terminal.js';

/** The explorer takes its colour from the same decision as the printed output (text/colour.ts). */

vi.setConfig({testTimeout: 20_000});

const sessions: TerminalSession[] = [];
afterEach(() => {
	for (const session of sessions.splice(0)) session.dispose();
});

// SGR foreground colours (30–37, 90–97, 38;…): what the theme adds only when colour is on.
const COLOUR = /\u001b\[(?:[0-9;]*;)?(?:3[0-8]|9[0-7])[;m]/;

async function firstFrame(args: string[], env: NodeJS.ProcessEnv = {}): Promise<string> {
	const session = new TerminalSession([BUNDLED, ...args], {env});
	sessions.push(session);
	await session.waitFor('TIMELINE');
	session.press('q');
	await session.waitForExit();
	return session.output;
}

describe('colour in the explorer', () => {
	it('is on by default on a terminal, and off with --color never or NO_COLOR', async () => {
		expect(await firstFrame([])).toMatch(COLOUR);
		expect(await firstFrame(['--color', 'never'])).not.toMatch(COLOUR);
		expect(await firstFrame([], {NO_COLOR: '1'})).not.toMatch(COLOUR);
	});

	it('--color always beats NO_COLOR', async () => {
		expect(await firstFrame(['--color=always'], {NO_COLOR: '1'})).toMatch(COLOUR);
	});
});
