import {spawn} from 'node:child_process';

/**
 * Copying text, and saying truthfully how it went. A clipboard tool is used where the session has
 * one (a graphical display, macOS): it either works or fails visibly. Inside tmux without one,
 * `tmux load-buffer -w` puts it in tmux's buffer (and, as tmux is set up, the terminal's clipboard).
 * Otherwise the text is sent to the terminal as OSC 52, which the terminal may or may not accept:
 * no answer comes back, so the message says it was sent, not that it arrived.
 */

export interface Copied {
	/** What happened, for the status bar: `copied with wl-copy`. */
	readonly how: string;
}

interface Tool {
	readonly command: string;
	readonly args: readonly string[];
	readonly how: string;
}

const TOOL_TIMEOUT_MS = 2000;

/** The tools worth trying in this environment, best first. */
export function clipboardTools(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): Tool[] {
	const tools: Tool[] = [];
	if (platform === 'darwin') tools.push({command: 'pbcopy', args: [], how: 'copied with pbcopy'});
	if (env.WAYLAND_DISPLAY) tools.push({command: 'wl-copy', args: [], how: 'copied with wl-copy'});
	if (env.DISPLAY) {
		tools.push(
			{command: 'xclip', args: ['-selection', 'clipboard'], how: 'copied with xclip'},
			{command: 'xsel', args: ['--clipboard', '--input'], how: 'copied with xsel'},
		);
	}
	if (env.TMUX) {
		tools.push({
			command: 'tmux',
			args: ['load-buffer', '-w', '-'],
			how: 'copied into tmux’s paste buffer (tmux load-buffer -w)',
		});
	}
	return tools;
}

export async function copyText(
	text: string,
	terminal: {write(data: string): unknown},
	env: NodeJS.ProcessEnv = process.env,
	platform: NodeJS.Platform = process.platform,
): Promise<Copied> {
	for (const tool of clipboardTools(env, platform)) {
		if (await runTool(tool, text, env)) return {how: tool.how};
	}
	terminal.write(osc52(text));
	return {how: 'sent to the terminal clipboard (OSC 52)'};
}

/** OSC 52 clipboard write; the payload is base64, so nothing in the text can end the sequence early. */
export function osc52(text: string): string {
	return `\u001b]52;c;${Buffer.from(text, 'utf8').toString('base64')}\u0007`;
}

/** Whether the tool took the text: it ran, read it all and exited 0 in time. Missing tools say no. */
function runTool(tool: Tool, text: string, env: NodeJS.ProcessEnv): Promise<boolean> {
	return new Promise((resolve) => {
		let settled = false;
		const settle = (ok: boolean) => {
			if (settled) return;
			settled = true;
			clearTimeout(timer);
			resolve(ok);
		};
		// No pipe but stdin: a tool that stays to serve the selection (xclip) must not hold ours open.
		const child = spawn(tool.command, tool.args, {env, stdio: ['pipe', 'ignore', 'ignore']});
		const timer = setTimeout(() => {
			child.kill();
			settle(false);
		}, TOOL_TIMEOUT_MS);
		child.on('error', () => settle(false));
		child.on('exit', (code) => settle(code === 0));
		child.stdin.on('error', () => settle(false));
		child.stdin.end(text);
	});
}
