import {mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, describe, expect, it, vi} from 'vitest';
import {KEY, TerminalSession} from './terminal.js';

/**
 * One event with 100,000 tags or 20,000 places once froze the explorer for minutes, with Ctrl-C
 * ignored: laying out its detail wrapped one enormous line. Lists are clipped before layout now, and
 * a frame costs what is on screen. Each test bounds the time to the first frame and to the exit after
 * Ctrl-C or a signal. The files are generated here.
 */

vi.setConfig({testTimeout: 30_000});

// A loaded machine takes a while to start Node and read a megabyte; a frozen one never draws.
const FIRST_FRAME_MS = 15_000;
// What the issue asks of every signal, whatever the explorer is doing.
const SIGNAL_MS = 1000;

const sessions: TerminalSession[] = [];

afterEach(() => {
	for (const session of sessions.splice(0)) session.dispose();
});

function datasetFile(name: string, doc: object): string {
	const file = join(mkdtempSync(join(tmpdir(), 'timescope-bounded-')), name);
	writeFileSync(file, JSON.stringify(doc));
	return file;
}

const count = (n: number) => Array.from({length: n}, (_, i) => i);

const manyTags = () =>
	datasetFile('tags.json', {
		format: 'timescope/1',
		title: 'One event, many tags',
		events: [
			{id: 'e1', date: '2025', title: 'Tagged to excess', tags: count(100_000).map((i) => `tag-${i}`)},
			{id: 'e2', date: '2026', title: 'An ordinary event', tags: ['plain']},
		],
	});

const manyPlaces = () =>
	datasetFile('places.json', {
		format: 'timescope/1',
		title: 'One event, many places',
		places: count(20_000).map((i) => ({id: `p${i}`, name: `Place ${i}`})),
		events: [
			{id: 'e1', date: '2025', title: 'Everywhere at once', places: count(20_000).map((i) => `p${i}`)},
		],
	});

function open(
	file: string,
	columns: number,
	rows: number,
): {session: TerminalSession; exitedAt: Promise<number>} {
	const session = new TerminalSession([file], {columns, rows});
	sessions.push(session);
	const exitedAt = new Promise<number>((resolve) => session.pty.onExit(() => resolve(Date.now())));
	return {session, exitedAt};
}

async function exitsWithin(
	session: TerminalSession,
	exitedAt: Promise<number>,
	sentAt: number,
	code: number,
) {
	const exit = await session.waitForExit(FIRST_FRAME_MS);
	expect(exit.exitCode).toBe(code);
	expect((await exitedAt) - sentAt).toBeLessThan(SIGNAL_MS);
	expect(session.bufferType()).toBe('normal');
}

describe('an event with huge lists', () => {
	it('100,000 tags: the first frame shows the detail with the tags clipped; Ctrl-C exits at once', async () => {
		const {session, exitedAt} = open(manyTags(), 120, 40);
		// The detail's lines may wrap the note: read the pane's text whatever its width. A frame is
		// read once the status bar is drawn too: a loaded machine can show one half written.
		const screen = await session.waitFor(
			(text) =>
				text.replace(/[\s│]+/g, ' ').includes('… and 99,950 more tags') && / TIMELINE {2}1\/2/.test(text),
			FIRST_FRAME_MS,
		);
		expect(screen).toContain('Tags: tag-0 · tag-1 · tag-2');
		expect(screen).toMatch(/ TIMELINE {2}1\/2/);
		const sentAt = Date.now();
		session.press(KEY.ctrlC);
		await exitsWithin(session, exitedAt, sentAt, 130);
	});

	it('100,000 tags: the facet picker counts them and moves at once; SIGTERM while it opens exits at once', async () => {
		const {session, exitedAt} = open(manyTags(), 80, 24);
		await session.waitFor(' TIMELINE ', FIRST_FRAME_MS);
		session.press('f');
		const picker = await session.waitFor('Tags (100001)', FIRST_FRAME_MS);
		// Each name after its count of events.
		expect(picker).toMatch(/▸ \[ \] 1 {2}plain|▸ \[ \] 1 {2}tag-0/);
		session.press('G');
		await session.waitFor(/▸ \[ \] 1 {2}tag-99999|▸ \[ \] 1 {2}plain/, 5000);
		session.press('g', 'f');
		await session.waitFor(' TIMELINE ', 5000);
		session.press('f');
		const sentAt = Date.now();
		session.pty.kill('SIGTERM');
		await exitsWithin(session, exitedAt, sentAt, 143);
	});

	it('20,000 places: the detail opens with the places clipped; SIGINT exits at once', async () => {
		const {session, exitedAt} = open(manyPlaces(), 80, 24);
		await session.waitFor(' TIMELINE ', FIRST_FRAME_MS);
		session.press(KEY.enter);
		const detail = await session.waitFor('more places', 5000);
		expect(detail).toContain('Places: Place 0 · Place 1');
		expect(detail.replace(/\s+/g, ' ')).toContain('… and 19,950 more places');
		const sentAt = Date.now();
		session.pty.kill('SIGINT');
		await exitsWithin(session, exitedAt, sentAt, 130);
	});
});
