import {chmodSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {noBrowser} from '../../source/system/browser.js';
import {clipboardTools, copyText, osc52} from '../../source/system/clipboard.js';

/** The clipboard says how the text went; tools are tried where the session has them, OSC 52 last. */

/** A directory with stand-ins for clipboard tools: each writes what it is given to FILE.out. */
function fakeTools(tools: Record<string, number>): {path: string; read(name: string): string} {
	const dir = mkdtempSync(join(tmpdir(), 'timescope-clip-'));
	for (const [name, exit] of Object.entries(tools)) {
		const script = join(dir, name);
		writeFileSync(script, `#!/bin/sh\n/bin/cat > "${dir}/${name}.out"\nexit ${exit}\n`);
		chmodSync(script, 0o755);
	}
	return {path: dir, read: (name) => readFileSync(join(dir, `${name}.out`), 'utf8')};
}

function terminal() {
	const written: string[] = [];
	return {written, write: (data: string) => written.push(data)};
}

describe('copying', () => {
	it('uses wl-copy under Wayland and says so', async () => {
		const tools = fakeTools({'wl-copy': 0});
		const term = terminal();
		const copied = await copyText(
			'“words” — Someone',
			term,
			{PATH: tools.path, WAYLAND_DISPLAY: 'wayland-0'},
			'linux',
		);
		expect(copied.how).toBe('copied with wl-copy');
		expect(tools.read('wl-copy')).toBe('“words” — Someone');
		expect(term.written).toEqual([]);
	});

	it('falls through a failing tool to the next, and to tmux’s buffer inside tmux', async () => {
		const tools = fakeTools({xclip: 1, tmux: 0});
		const env = {PATH: tools.path, DISPLAY: ':0', TMUX: '/tmp/tmux-0/default,1,0'};
		const copied = await copyText('text', terminal(), env, 'linux');
		expect(copied.how).toBe('copied into tmux’s paste buffer (tmux load-buffer -w)');
		expect(tools.read('tmux')).toBe('text');
	});

	it('sends OSC 52 when there is no tool, and says it was sent rather than copied', async () => {
		const term = terminal();
		const copied = await copyText('Ñandú “x”', term, {PATH: '/nonexistent'}, 'linux');
		expect(copied.how).toBe('sent to the terminal clipboard (OSC 52)');
		expect(term.written).toEqual([osc52('Ñandú “x”')]);
		const payload = (term.written[0] as string).slice('\u001b]52;c;'.length, -1);
		expect(/^[A-Za-z0-9+/=]+$/.test(payload)).toBe(true);
		expect(Buffer.from(payload, 'base64').toString('utf8')).toBe('Ñandú “x”');
	});

	it('tries only what the session has: pbcopy on macOS, X tools with a display', () => {
		expect(clipboardTools({}, 'darwin').map((tool) => tool.command)).toEqual(['pbcopy']);
		expect(clipboardTools({DISPLAY: ':0'}, 'linux').map((tool) => tool.command)).toEqual(['xclip', 'xsel']);
		expect(clipboardTools({}, 'linux')).toEqual([]);
	});
});

describe('a browser', () => {
	it('is not there over SSH without a display, nor on Linux without one', () => {
		expect(noBrowser({SSH_CONNECTION: '1 2 3 4'}, 'darwin')).toBe('an SSH session');
		expect(noBrowser({}, 'linux')).toBe('no graphical display');
		expect(noBrowser({DISPLAY: ':0', SSH_TTY: '/dev/pts/1'}, 'linux')).toBeUndefined();
		expect(noBrowser({}, 'darwin')).toBeUndefined();
	});
});
