import {readdirSync, readFileSync} from 'node:fs';

/**
 * The terminal modes the explorer turns on for its session and off again on every way out (quit,
 * Ctrl-C, a signal, a crash) and around a suspension (Ctrl-Z, then `fg`): the alternate screen, the
 * hidden cursor, line wrapping off (DECAWM), bracketed paste (2004) and, unless turned off, mouse
 * reports (1000, in SGR form 1006).
 */

const ALT_SCREEN_ON = '\u001b[?1049h';
const ALT_SCREEN_OFF = '\u001b[?1049l';
const CURSOR_HIDE = '\u001b[?25l';
const CURSOR_SHOW = '\u001b[?25h';
const HOME = '\u001b[H';
// Line wrapping (DECAWM) off while the explorer runs: should a row ever be wider on the terminal than
// the layout counted (a font or terminal that measures a character its own way), the excess is cut at
// the right edge instead of wrapping onto the next row and scrolling the whole frame up. The shell
// gets it back on, Ctrl-Z included.
const AUTOWRAP_OFF = '\u001b[?7l';
const AUTOWRAP_ON = '\u001b[?7h';
const PASTE_ON = '\u001b[?2004h';
const PASTE_OFF = '\u001b[?2004l';
// Button presses and releases (the wheel included), reported as `ESC [ < b ; x ; y M`.
const MOUSE_ON = '\u001b[?1000h\u001b[?1006h';
const MOUSE_OFF = '\u001b[?1006l\u001b[?1000l';
// Reset attributes and end any synchronized update a cut-off frame may have left open.
const RESET = '\u001b[0m\u001b[?2026l';

export const CLEAR_SCREEN = `\u001b[2J${HOME}`;

export function enterModes(options: {mouse: boolean}): string {
	return ALT_SCREEN_ON + HOME + CURSOR_HIDE + AUTOWRAP_OFF + PASTE_ON + (options.mouse ? MOUSE_ON : '');
}

/** Everything `enterModes` turned on, off (mouse reports too: turning off what is off is harmless). */
export function leaveModes(): string {
	return RESET + MOUSE_OFF + PASTE_OFF + AUTOWRAP_ON + CURSOR_SHOW + ALT_SCREEN_OFF;
}

/**
 * Why stopping (SIGTSTP) would not stop this process, or undefined when it would. The kernel discards
 * SIGTSTP in an orphaned process group: one where no member's parent is in another group of the same
 * session, so no shell is there to say "Stopped" and to `fg` it (a command started by `tmux new
 * 'CMD'` or `exec` from a login shell). Read from /proc on Linux; elsewhere assumed possible.
 */
export function cannotSuspend(): string | undefined {
	const self = processStat('self');
	if (!self) return undefined;
	let entries: string[];
	try {
		entries = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
	} catch {
		return undefined;
	}
	for (const pid of entries) {
		const member = processStat(pid);
		if (member?.pgrp !== self.pgrp) continue;
		const parent = processStat(String(member.ppid));
		if (parent && parent.session === self.session && parent.pgrp !== self.pgrp) return undefined;
	}
	return 'no shell job control here to bring it back (fg)';
}

interface Stat {
	readonly ppid: number;
	readonly pgrp: number;
	readonly session: number;
}

function processStat(pid: string): Stat | undefined {
	try {
		const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
		// `pid (command) state ppid pgrp session …`; the command may hold spaces and parentheses.
		const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
		return {ppid: Number(fields[1]), pgrp: Number(fields[2]), session: Number(fields[3])};
	} catch {
		return undefined;
	}
}
