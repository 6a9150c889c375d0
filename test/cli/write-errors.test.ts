import {spawnSync} from 'node:child_process';
import {closeSync, openSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';
import {CLI} from '../helpers/run-cli.js';

const SMALL = fileURLToPath(new URL('../fixtures/cli/small.json', import.meta.url));

/** The built CLI with stdout on /dev/full: every write fails with ENOSPC, as on a full disk. */
function toFullDevice(args: string[]) {
	const full = openSync('/dev/full', 'w');
	try {
		return spawnSync(process.execPath, [CLI, ...args], {
			stdio: ['ignore', full, 'pipe'],
			encoding: 'utf8',
			env: {...process.env, NO_COLOR: '', COLUMNS: ''},
		});
	} finally {
		closeSync(full);
	}
}

describe('a failed write', () => {
	it.each([
		['print', [SMALL, '--print']],
		['json', [SMALL, '--json']],
		['search', [SMALL, '--search', 'oil', '--print']],
		['search json', [SMALL, '--search', 'oil', '--json']],
		['validate', ['validate', SMALL]],
		['convert', ['convert', SMALL]],
		['help', ['--help']],
	])('on %s output is one line on stderr and exit 1, never a stack trace', (_, args) => {
		const run = toFullDevice(args);
		expect(run.stderr).toBe('timescope: could not write the output: no space left on device (ENOSPC)\n');
		expect(run.status).toBe(1);
	});

	it('is quiet when the reader closes the pipe early, whatever the output', () => {
		for (const args of [
			[SMALL, '--json'],
			['validate', SMALL, SMALL, SMALL],
			['convert', SMALL],
		]) {
			const quoted = args.map((arg) => `"${arg}"`).join(' ');
			const run = spawnSync('sh', ['-c', `"${process.execPath}" "${CLI}" ${quoted} | head -c 1`], {
				encoding: 'utf8',
			});
			expect(run.stderr).toBe('');
			expect(run.stdout).toHaveLength(1);
		}
	});
});
