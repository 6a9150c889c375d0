import {closeSync, openSync} from 'node:fs';
import {ReadStream} from 'node:tty';

/**
 * The terminal itself, for keys when standard input carries the data (`cat file | timescope -`):
 * /dev/tty, the controlling terminal, as fzf, less and VisiData read it. There is none in a process
 * detached from any terminal (a service, `setsid`), and then the caller prints instead.
 */
export function openTerminalInput(): {ok: true; keys: ReadStream} | {ok: false; why: string} {
	let fd: number;
	try {
		fd = openSync('/dev/tty', 'r');
	} catch (error) {
		return {ok: false, why: (error as NodeJS.ErrnoException).code ?? String(error)};
	}
	try {
		return {ok: true, keys: new ReadStream(fd)};
	} catch (error) {
		closeSync(fd);
		return {ok: false, why: error instanceof Error ? error.message : String(error)};
	}
}
