import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import xterm from '@xterm/headless';
import {type IPty, spawn} from 'node-pty';
import {expect} from 'vitest';
import {codePointCells} from '../../source/text/cells.js';

/**
 * The built CLI in a pseudo-terminal, read back through a headless xterm: what a person would see,
 * including which screen buffer is active, whether the cursor is shown and the window title. The
 * terminal measures characters with glibc's wcwidth, as tmux, xterm and VTE do (xterm.js's own table is
 * Unicode 6's).
 */

const {Terminal} = xterm;
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const CLI = join(ROOT, 'dist/cli.js');
export const BUNDLED = join(ROOT, 'data/venezuela-us-dialogue.json');

export interface Exit {
	exitCode: number;
	signal?: number;
}

/** xterm.js's property value: width in bits 1–2, bit 0 set when the character joins the cell before. */
const GLIBC_WIDTHS = {
	version: 'glibc',
	wcwidth: (code: number): 0 | 1 | 2 => {
		const cells = codePointCells(code);
		return cells === 0 ? 0 : cells === 2 ? 2 : 1;
	},
	charProperties(code: number, preceding: number): number {
		let width = this.wcwidth(code);
		let join = width === 0 && preceding !== 0;
		if (join) {
			const before = (preceding >> 1) & 3;
			if (before === 0) join = false;
			else width = Math.max(width, before) as 0 | 1 | 2;
		}
		return (width << 1) | (join ? 1 : 0);
	},
};

export class TerminalSession {
	readonly term: InstanceType<typeof Terminal>;
	readonly pty: IPty;
	readonly exited: Promise<Exit>;
	readonly titles: string[] = [];
	output = '';
	private pending = Promise.resolve();
	private waiters = new Set<() => void>();
	private exit?: Exit;

	constructor(
		args: string[],
		{
			columns = 120,
			rows = 40,
			env = {},
			program = [process.execPath, CLI],
		}: {
			columns?: number;
			rows?: number;
			env?: NodeJS.ProcessEnv;
			/** What runs in the terminal, before `args` (the built CLI unless told otherwise). */
			program?: readonly string[];
		} = {},
	) {
		this.term = new Terminal({cols: columns, rows, allowProposedApi: true});
		this.term.unicode.register(GLIBC_WIDTHS);
		this.term.unicode.activeVersion = 'glibc';
		this.term.onTitleChange((title) => this.titles.push(title));
		const [file = process.execPath, ...before] = program;
		this.pty = spawn(file, [...before, ...args], {
			name: 'xterm-256color',
			cols: columns,
			rows,
			cwd: ROOT,
			// Ink draws only the last frame when CI is set: the pty is a real terminal, so say so.
			env: {...process.env, CI: 'false', TERM: 'xterm-256color', NO_COLOR: '', ...env},
		});
		this.pty.onData((data) => {
			this.output += data;
			this.pending = this.pending.then(() => new Promise<void>((resolve) => this.term.write(data, resolve)));
			void this.pending.then(() => this.wake());
		});
		this.exited = new Promise((resolve) => {
			this.pty.onExit((exit) => {
				this.exit = exit;
				void this.pending.then(() => {
					this.wake();
					resolve(exit);
				});
			});
		});
	}

	private wake(): void {
		for (const waiter of this.waiters) waiter();
	}

	/** The visible screen, one string per row, trailing spaces trimmed. */
	lines(): string[] {
		const buffer = this.term.buffer.active;
		return Array.from(
			{length: this.term.rows},
			(_, y) => buffer.getLine(buffer.viewportY + y)?.translateToString(true) ?? '',
		);
	}

	/** Row `y` cell by cell: each cell's characters, '' for the second cell of a wide character. */
	cells(y: number): string[] {
		const line = this.term.buffer.active.getLine(this.term.buffer.active.viewportY + y);
		return Array.from({length: this.term.cols}, (_, x) => line?.getCell(x)?.getChars() ?? '');
	}

	screen(): string {
		return this.lines().join('\n');
	}

	/** Wait until the screen satisfies `check` (text it must contain, or a predicate), or fail with it. */
	async waitFor(check: string | RegExp | ((screen: string) => boolean), timeout = 10_000): Promise<string> {
		const test =
			typeof check === 'function'
				? check
				: typeof check === 'string'
					? (screen: string) => screen.includes(check)
					: (screen: string) => check.test(screen);
		const deadline = Date.now() + timeout;
		for (;;) {
			await this.pending;
			const screen = this.screen();
			if (test(screen)) return screen;
			const left = deadline - Date.now();
			if (left <= 0 || this.exit) {
				throw new Error(`timed out waiting for ${String(check)}; the screen was:\n${screen}`);
			}
			// Wake on the next output (or after a short poll, for changes that come without output).
			await new Promise<void>((resolve) => {
				const done = () => {
					clearTimeout(timer);
					this.waiters.delete(done);
					resolve();
				};
				const timer = setTimeout(done, Math.min(left, 50));
				this.waiters.add(done);
			});
		}
	}

	press(...keys: string[]): void {
		for (const key of keys) this.pty.write(key);
	}

	resize(columns: number, rows: number): void {
		this.pty.resize(columns, rows);
		this.term.resize(columns, rows);
	}

	/** Whether the last DECTCEM the program wrote shows the cursor. */
	cursorVisible(): boolean {
		return this.output.lastIndexOf('\u001b[?25h') > this.output.lastIndexOf('\u001b[?25l');
	}

	bufferType(): string {
		return this.term.buffer.active.type;
	}

	async waitForExit(timeout = 10_000): Promise<Exit> {
		let timer: NodeJS.Timeout | undefined;
		const timedOut = new Promise<never>((_, reject) => {
			timer = setTimeout(
				() => reject(new Error(`no exit within ${timeout} ms; screen:\n${this.screen()}`)),
				timeout,
			);
		});
		try {
			return await Promise.race([this.exited, timedOut]);
		} finally {
			clearTimeout(timer);
		}
	}

	dispose(): void {
		if (!this.exit) this.pty.kill('SIGKILL');
		this.term.dispose();
	}
}

export const KEY = {
	enter: '\r',
	escape: '\u001b',
	up: '\u001b[A',
	down: '\u001b[B',
	pageDown: '\u001b[6~',
	pageUp: '\u001b[5~',
	home: '\u001b[H',
	end: '\u001b[F',
	f1: '\u001bOP',
	tab: '\t',
	ctrlC: '\u0003',
	ctrlD: '\u0004',
	backspace: '\u007f',
} as const;

/** The program exited with `code` and handed the terminal back as it found it: main screen, cursor shown. */
export async function expectRestored(session: TerminalSession, code: number): Promise<void> {
	const exit = await session.waitForExit();
	expect(exit.exitCode).toBe(code);
	expect(session.bufferType()).toBe('normal');
	expect(session.cursorVisible()).toBe(true);
}
