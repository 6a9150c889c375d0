import {spawn} from 'node:child_process';
import {fileURLToPath} from 'node:url';

export const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
export const BUNDLED = fileURLToPath(new URL('../../data/venezuela-us-dialogue.json', import.meta.url));

export interface CliRun {
	code: number | null;
	stdout: string;
	stderr: string;
}

/** Run the built CLI without a terminal (stdin and stdout are pipes), as scripts and CI do. */
export function runCli(
	args: string[],
	options: {stdin?: string | Buffer; env?: NodeJS.ProcessEnv} = {},
): Promise<CliRun> {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, [CLI, ...args], {
			env: {...process.env, NO_COLOR: '', FORCE_COLOR: '', COLUMNS: '', ...options.env},
			stdio: ['pipe', 'pipe', 'pipe'],
		});
		let stdout = '';
		let stderr = '';
		child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
			stdout += chunk;
		});
		child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
			stderr += chunk;
		});
		child.on('error', reject);
		child.on('close', (code) => resolve({code, stdout, stderr}));
		child.stdin.end(options.stdin ?? '');
	});
}
