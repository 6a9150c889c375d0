import {createWriteStream, mkdirSync, mkdtempSync, readdirSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {finished} from 'node:stream/promises';
import {stripVTControlCharacters} from 'node:util';
import {afterAll, afterEach, beforeAll, describe, expect, it, vi} from 'vitest';
import {writeDataset} from '../../bench/generate.js';
import {expectRestored, KEY, TerminalSession} from './terminal.js';

/**
 * A big file opened by the built CLI, as a person meets it: read in the bundle's worker behind the
 * loading screen, whose keys work; the cache written once the timeline is drawn, under
 * XDG_CACHE_HOME; the second open drawn from it, with no loading screen; --no-cache touching nothing.
 */

vi.setConfig({testTimeout: 60_000});

// 15,000 events and 30,000 quotes: about 9 MB, past the 8 MB from which the worker reads a file.
const EVENTS = 15_000;
const QUOTES = 30_000;

let dir: string;
let file: string;
let temporary: string;
const sessions: TerminalSession[] = [];

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'timescope-open-pty-'));
	file = join(dir, 'archive.json');
	temporary = join(dir, 'tmp');
	mkdirSync(temporary);
	const out = createWriteStream(file);
	await writeDataset({events: EVENTS, quotes: QUOTES, seed: 3}, out);
	out.end();
	await finished(out);
});

afterAll(() => rmSync(dir, {recursive: true, force: true}));

afterEach(() => {
	for (const session of sessions.splice(0)) session.dispose();
});

/** The loading process's hand-over folders: under the explorer's TMPDIR, gone once it is done. */
function loadingFolders(): string[] {
	return readdirSync(temporary).filter((name) => name.startsWith('timescope-loading-'));
}

function open(args: string[], cache: string): TerminalSession {
	const session = new TerminalSession(args, {env: {XDG_CACHE_HOME: cache, TMPDIR: temporary}});
	sessions.push(session);
	return session;
}

function entries(cache: string): string[] {
	try {
		return readdirSync(join(cache, 'timescope')).filter((name) => name.endsWith('.tsc'));
	} catch {
		return [];
	}
}

const shown = (session: TerminalSession) => stripVTControlCharacters(session.output);

describe('a big file', () => {
	it('loads behind the loading screen, is cached once drawn, and opens from the cache the next time', async () => {
		const cache = join(dir, 'cache-a');
		const first = open([file], cache);
		await first.waitFor(' TIMELINE ', 40_000);
		expect(shown(first)).toContain(' LOADING ');
		expect(first.screen()).toContain(`${EVENTS} events · ${QUOTES} quotes`);
		await vi.waitFor(() => expect(entries(cache)).toHaveLength(1), {timeout: 40_000, interval: 100});
		first.press('q');
		await expectRestored(first, 0);

		const second = open([file], cache);
		await second.waitFor(' TIMELINE ', 20_000);
		expect(shown(second)).not.toContain(' LOADING ');
		expect(second.screen()).toContain(`${EVENTS} events · ${QUOTES} quotes`);
		// The index came with the entry: search answers at once, with no "indexing…".
		second.press('/');
		await second.waitFor(' SEARCH ');
		second.press('troops');
		await second.waitFor(/\/ troops +[\d,]+ events\b/);
		expect(second.screen()).not.toContain('indexing');
		second.press(KEY.ctrlC);
		await expectRestored(second, 130);
		expect(loadingFolders()).toEqual([]);
	});

	it('quits from the loading screen with q, and leaves the terminal as it was', async () => {
		const cache = join(dir, 'cache-b');
		const session = open([file], cache);
		await session.waitFor(' LOADING ', 20_000);
		session.press('q');
		await expectRestored(session, 0);
		expect(entries(cache)).toEqual([]);
		await vi.waitFor(() => expect(loadingFolders()).toEqual([]), {timeout: 10_000, interval: 100});
	});

	it('leaves no loading process and no folder behind when the explorer is killed while it loads', async () => {
		const session = open([file], join(dir, 'cache-d'));
		// The loading process is under way: it has said how big the file is.
		await session.waitFor(/reading and checking \d+ MB/, 20_000);
		expect(loadingFolders()).toHaveLength(1);
		session.pty.kill('SIGKILL');
		await session.exited;
		// The explorer had no say: the loading process hears it go (its channel closes, the terminal
		// hangs up) and ends, removing the folder it was given.
		await vi.waitFor(() => expect(loadingFolders()).toEqual([]), {timeout: 15_000, interval: 100});
	});

	it('writes no cache with --no-cache', async () => {
		const cache = join(dir, 'cache-c');
		const session = open([file, '--no-cache'], cache);
		await session.waitFor(' TIMELINE ', 40_000);
		// Long enough for the index to be built and an entry to have been written, were it to be.
		session.press('/');
		await session.waitFor((screen) => screen.includes(' SEARCH ') && !screen.includes('indexing'), 40_000);
		session.press(KEY.ctrlC);
		await expectRestored(session, 130);
		expect(entries(cache)).toEqual([]);
	});
});
