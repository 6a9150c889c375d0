import {copyFileSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, describe, expect, it, vi} from 'vitest';
import {fixturePath} from '../state/helpers.js';
import {BUNDLED, CLI, KEY, TerminalSession} from './terminal.js';

/**
 * Terminal habits in a real pseudo-terminal: Ctrl-Z and `fg` under a shell with job control, the
 * mouse, bracketed paste, and the modes switched off again on the way out.
 */

vi.setConfig({testTimeout: 30_000});

const sessions: TerminalSession[] = [];

afterEach(() => {
	for (const session of sessions.splice(0)) session.dispose();
});

const MOUSE_ON = '\u001b[?1000h\u001b[?1006h';
const MOUSE_OFF = '\u001b[?1006l\u001b[?1000l';
const PASTE_ON = '\u001b[?2004h';
const PASTE_OFF = '\u001b[?2004l';
const PROMPT = 'shell$ ';

function open(args: string[], columns = 120, rows = 40): TerminalSession {
	const session = new TerminalSession(args, {columns, rows});
	sessions.push(session);
	return session;
}

/** An interactive bash (job control on), as a person's terminal has. */
async function shell(columns = 120, rows = 40): Promise<TerminalSession> {
	const session = new TerminalSession([], {
		columns,
		rows,
		program: ['/bin/bash', '--norc', '--noprofile', '-i'],
		env: {PS1: PROMPT, HISTFILE: '/dev/null'},
	});
	sessions.push(session);
	await session.waitFor(PROMPT);
	return session;
}

/** Everything written after the last `from`. */
function since(session: TerminalSession, from: string): string {
	return session.output.slice(session.output.lastIndexOf(from));
}

/** The explorer's process: the shell's child. */
function childOf(pid: number): number {
	const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/);
	return Number(children[0]);
}

describe('Ctrl-Z and fg', () => {
	it.each([
		{columns: 120, rows: 40},
		{columns: 80, rows: 24},
	])(
		'give the shell a usable terminal and come back redrawn at $columns x $rows',
		async ({columns, rows}) => {
			const session = await shell(columns, rows);
			session.press(`node ${CLI} ${BUNDLED}\r`);
			await session.waitFor('TIMELINE  1/20');
			expect(session.term.modes.wraparoundMode).toBe(false);
			session.press('j');
			await session.waitFor('TIMELINE  2/20');
			session.press('\u001a');
			const stopped = await session.waitFor(/Stopped.*\n[^\n]*shell\$ /s);
			expect(stopped).not.toContain('TIMELINE');
			expect(session.bufferType()).toBe('normal');
			expect(session.cursorVisible()).toBe(true);
			// The shell's long lines wrap again while the explorer is stopped.
			expect(session.term.modes.wraparoundMode).toBe(true);
			const handedBack = since(session, MOUSE_ON);
			expect(handedBack).toContain(MOUSE_OFF);
			expect(handedBack).toContain(PASTE_OFF);
			// Cooked mode: the shell echoes what is typed and runs it on Enter.
			session.press('echo typed\r');
			await session.waitFor(/^typed$/m);
			session.press('fg\r');
			const back = await session.waitFor('TIMELINE  2/20');
			expect(session.bufferType()).toBe('alternate');
			expect(session.cursorVisible()).toBe(false);
			expect(session.term.modes.wraparoundMode).toBe(false);
			const lines = session.lines();
			expect(lines[0]).toContain('Venezuela leader strikes conciliatory tone');
			expect(lines[rows - 2]).toMatch(/^ TIMELINE {2}2\/20/);
			expect(back).not.toContain('Stopped');
			// Raw mode again: one key moves, with no Enter.
			session.press('j');
			await session.waitFor('TIMELINE  3/20');
			session.press('q');
			await session.waitFor(PROMPT);
			expect(session.bufferType()).toBe('normal');
			expect(session.cursorVisible()).toBe(true);
		},
	);

	it('SIGTSTP from outside stops it the same way, and fg (SIGCONT) brings it back', async () => {
		const session = await shell();
		session.press(`node ${CLI} ${BUNDLED}\r`);
		await session.waitFor('TIMELINE  1/20');
		process.kill(childOf(session.pty.pid), 'SIGTSTP');
		await session.waitFor(/Stopped/);
		expect(session.bufferType()).toBe('normal');
		expect(session.cursorVisible()).toBe(true);
		session.press('fg\r');
		await session.waitFor('TIMELINE  1/20');
		expect(session.bufferType()).toBe('alternate');
		session.press('q');
		await session.waitFor(PROMPT);
		expect(session.bufferType()).toBe('normal');
	});

	it('without a shell to come back to, says so and carries on', async () => {
		const session = open([BUNDLED]);
		await session.waitFor('TIMELINE');
		// Once a key has moved the cursor the terminal is in raw mode: Ctrl-Z is a key, not the tty's signal.
		session.press('j');
		await session.waitFor('TIMELINE  2/20');
		session.press('\u001a');
		await session.waitFor('cannot suspend: no shell job control here');
		expect(session.bufferType()).toBe('alternate');
		session.press('j');
		await session.waitFor('TIMELINE  3/20');
		session.press('q');
		expect((await session.waitForExit()).exitCode).toBe(0);
	});
});

describe('the mouse', () => {
	it('is reported in SGR form while the explorer runs: a click selects, a second opens, the wheel moves', async () => {
		const session = open([BUNDLED]);
		await session.waitFor('TIMELINE  1/20');
		expect(session.output).toContain(MOUSE_ON);
		const line = session.lines().findIndex((text) => text.includes('Washington’s sanctions'));
		session.press(`\u001b[<0;5;${line + 1}M\u001b[<0;5;${line + 1}m`);
		await session.waitFor('TIMELINE  2/20');
		session.press(`\u001b[<0;5;${line + 1}M\u001b[<0;5;${line + 1}m`);
		await session.waitFor(' DETAIL ');
		session.press(KEY.escape);
		await session.waitFor(' TIMELINE ');
		session.press('\u001b[<65;5;10M');
		await session.waitFor('TIMELINE  5/20');
		session.press('q');
		expect((await session.waitForExit()).exitCode).toBe(0);
		expect(since(session, MOUSE_ON)).toContain(MOUSE_OFF);
		expect(session.bufferType()).toBe('normal');
	});

	it('is left to the terminal with --no-mouse', async () => {
		const session = open([BUNDLED, '--no-mouse']);
		await session.waitFor('TIMELINE  1/20');
		expect(session.output).not.toContain('\u001b[?1000h');
		session.press('q');
		await session.waitForExit();
	});

	it('is switched off on SIGTERM and SIGHUP as well', async () => {
		for (const signal of ['SIGTERM', 'SIGHUP'] as const) {
			const session = open([BUNDLED]);
			await session.waitFor('TIMELINE');
			session.pty.kill(signal);
			await session.waitForExit();
			const after = since(session, MOUSE_ON);
			expect(after, signal).toContain(MOUSE_OFF);
			expect(after, signal).toContain(PASTE_OFF);
		}
	});
});

describe('bracketed paste', () => {
	it('is on while the explorer runs; a paste into search is text, never keys', async () => {
		const session = open([BUNDLED], 80, 24);
		await session.waitFor('TIMELINE  1/20');
		expect(session.output).toContain(PASTE_ON);
		session.press('/');
		await session.waitFor(' SEARCH ');
		session.press('\u001b[200~oil\r\nf\u001b[201~');
		const screen = await session.waitFor('/ oil f');
		expect(screen).toContain(' SEARCH ');
		expect(screen).not.toContain(' FILTER ');
		session.press(KEY.ctrlC);
		expect((await session.waitForExit()).exitCode).toBe(130);
		expect(since(session, PASTE_ON)).toContain(PASTE_OFF);
	});
});

describe('links', () => {
	it('are OSC 8 hyperlinks when the terminal is said to show them, laid out like plain text', async () => {
		const small = fixturePath('small');
		const plain = new TerminalSession([small], {env: {FORCE_HYPERLINK: '0'}});
		const linked = new TerminalSession([small], {env: {FORCE_HYPERLINK: '1'}});
		sessions.push(plain, linked);
		// The whole frame, the status bar its last line, before the two are compared.
		for (const session of [plain, linked]) await session.waitFor(/https:\/\/example\.test\/article.*q quit/s);
		expect(plain.output).not.toContain('\u001b]8;;');
		expect(linked.output).toMatch(/\u001b\]8;;https:\/\/[^\u001b]+\u001b\\https:\/\//);
		// The same cells either way: the link adds no width.
		expect(linked.screen()).toBe(plain.screen());
		for (const session of [plain, linked]) session.press('q');
	});
});

describe('marks across sessions', () => {
	it('are kept under XDG_STATE_HOME for the file, and a corrupt state file only costs the marks', async () => {
		const root = mkdtempSync(join(tmpdir(), 'timescope-pty-marks-'));
		const data = join(root, 'timeline.json');
		copyFileSync(fixturePath('small'), data);
		const env = {XDG_STATE_HOME: join(root, 'state')};
		const run = (args: string[]) => {
			const session = new TerminalSession(args, {env});
			sessions.push(session);
			return session;
		};

		const first = run([data]);
		await first.waitFor('TIMELINE  1/6');
		first.press('j', 'j', 'j');
		await first.waitFor('TIMELINE  4/6');
		first.press('m');
		await first.waitFor('marked event Interview taped · 1 mark');
		first.press('q');
		expect((await first.waitForExit()).exitCode).toBe(0);
		const dir = join(root, 'state', 'timescope', 'marks');
		const [file] = readdirSync(dir);
		expect(JSON.parse(readFileSync(join(dir, file as string), 'utf8')).marks).toEqual([
			{kind: 'event', id: 'taped', label: 'Interview taped'},
		]);

		// A second session, through another name for the same file, finds the mark.
		symlinkSync(data, join(root, 'link.json'));
		const second = run([join(root, 'link.json')]);
		await second.waitFor('TIMELINE  1/6');
		expect(second.screen()).toMatch(/^ {2}31 Dec 2025 +★ Interview taped/m);
		second.press('M');
		await second.waitFor('Marks · 1 mark · kept for this file between sessions');
		// q closes the marks list; only the timeline quits with it.
		second.press('q');
		await second.waitFor('TIMELINE  1/6');
		second.press('q');
		await second.waitForExit();

		writeFileSync(join(dir, file as string), '{"format": "timescope-marks/1", "marks": [');
		const third = run([data]);
		await third.waitFor('marks not read back (not JSON); starting with none');
		expect(third.screen()).toContain('TIMELINE  1/6');
		expect(third.screen()).not.toContain('★');
		third.press('q');
		expect((await third.waitForExit()).exitCode).toBe(0);
		expect(readFileSync(data, 'utf8')).toBe(readFileSync(fixturePath('small'), 'utf8'));
		// Set aside for whoever wants the marks back, not overwritten.
		expect(readdirSync(dir)).toEqual([`${file}.corrupt`]);
	});
});

describe('export', () => {
	it('writes the marks and the view to files, atomically, asking before it replaces one', async () => {
		const root = mkdtempSync(join(tmpdir(), 'timescope-pty-export-'));
		const session = new TerminalSession([fixturePath('small')], {
			columns: 120,
			rows: 40,
			env: {XDG_STATE_HOME: join(root, 'state')},
		});
		sessions.push(session);
		await session.waitFor('TIMELINE  1/6');
		session.press('j', 'j', 'j');
		await session.waitFor('TIMELINE  4/6');
		session.press('m');
		await session.waitFor('marked event Interview taped');

		const marks = join(root, 'marks.md');
		session.press('w');
		await session.waitFor(' EXPORT ');
		session.press('\t', '\u0015', marks);
		await session.waitFor(`the marks to ${marks}`);
		session.press(KEY.enter);
		await session.waitFor(`wrote ${marks}: the marks as Markdown, 1 event and 2 quotes`);
		expect(readFileSync(marks, 'utf8')).toContain('## 31 Dec 2025 — Interview taped');

		const view = join(root, 'view.json');
		session.press('w', '\u0015', view, KEY.enter);
		await session.waitFor(`wrote ${view}: the view as timescope/1 JSON, 6 events and 6 quotes`);
		expect(JSON.parse(readFileSync(view, 'utf8')).events).toHaveLength(6);

		// A file that exists: asked about, kept on Esc, replaced on a second Enter.
		writeFileSync(join(root, 'keep.csv'), 'mine');
		session.press('w', '\u0015', join(root, 'keep.csv'), KEY.enter);
		await session.waitFor('exists: Enter replaces it');
		expect(readFileSync(join(root, 'keep.csv'), 'utf8')).toBe('mine');
		session.press(KEY.escape);
		await session.waitFor(' TIMELINE ');
		expect(readFileSync(join(root, 'keep.csv'), 'utf8')).toBe('mine');
		session.press('w', '\u0015', join(root, 'keep.csv'), KEY.enter);
		await session.waitFor('exists: Enter replaces it');
		session.press(KEY.enter);
		await session.waitFor(`wrote ${join(root, 'keep.csv')}: the view as CSV`);
		expect(readFileSync(join(root, 'keep.csv'), 'utf8')).toMatch(/^event_id,event_date,/);
		expect(readdirSync(root).filter((name) => name.endsWith('.tmp'))).toEqual([]);
		session.press('q');
		expect((await session.waitForExit()).exitCode).toBe(0);
	});
});

describe('data piped in (timescope -)', () => {
	const piped = (command: string) => {
		const session = new TerminalSession(['-c', command], {program: ['/bin/sh'], columns: 100, rows: 30});
		sessions.push(session);
		return session;
	};

	it('opens the explorer, reading keys from the terminal, and gives the terminal back', async () => {
		const session = piped(`cat '${fixturePath('small')}' | '${process.execPath}' '${CLI}' -; echo "exit $?"`);
		await session.waitFor('TIMELINE  1/6');
		expect(session.lines()[0]).toContain('<stdin>');
		expect(session.bufferType()).toBe('alternate');
		session.press('j', 'j');
		await session.waitFor('TIMELINE  3/6');
		session.press('m');
		await session.waitFor('1 mark · for this session only');
		session.press('/', 'oil');
		await session.waitFor('/ oil');
		session.press(KEY.escape);
		await session.waitFor(' TIMELINE ');
		session.press('q');
		await session.waitFor('exit 0');
		expect(session.bufferType()).toBe('normal');
		expect(session.cursorVisible()).toBe(true);
		expect(since(session, MOUSE_ON)).toContain(MOUSE_OFF);
	});

	it('prints instead, and says why, when there is no terminal to read keys from', async () => {
		const session = piped(
			`cat '${fixturePath('small')}' | setsid -w '${process.execPath}' '${CLI}' -; echo "exit $?"`,
		);
		await session.waitFor('exit 0');
		expect(session.output).toContain(
			'timescope: no terminal to read keys from (/dev/tty: ENXIO); printing instead',
		);
		expect(session.output).toContain('Disputed election');
		expect(session.output).not.toContain('\u001b[?1049h');
	});
});
