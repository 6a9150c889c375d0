import {spawnSync} from 'node:child_process';
import {closeSync, existsSync, openSync} from 'node:fs';
import {mkdtemp, open, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {CLI, runCli} from '../helpers/run-cli.js';
import {forever, runMeasured} from '../helpers/run-measured.js';

// Every hostile input ends with one clear line, exit 1, in a few seconds and a bounded amount of
// memory (today's machine reads these in well under a second and 100 MB; the bounds leave room for
// a loaded CI machine, not for reading the device to the end).
const QUICK_MS = 8000;
const SMALL_MB = 300;

describe('inputs that never end', () => {
	it.each(['/dev/zero', '/dev/urandom', '/dev/full'].filter((device) => existsSync(device)))(
		'validate %s is refused as a device at once',
		async (device) => {
			const run = await runMeasured(['validate', device]);
			expect(run.code).toBe(1);
			expect(run.stderr + run.stdout).toMatch(
				new RegExp(`^${device}: is a character device, not a file; expected a timescope/1 JSON file`),
			);
			expect(run.ms).toBeLessThan(QUICK_MS);
			expect(run.peakMb).toBeLessThan(SMALL_MB);
		},
	);

	it.each(['/dev/zero', '/dev/urandom'].filter((device) => existsSync(device)))(
		'%s on standard input is refused as binary after its first chunk',
		async (device) => {
			const fd = openSync(device, 'r');
			try {
				const run = await runMeasured(['validate', '-'], {stdinFd: fd});
				expect(run.code).toBe(1);
				expect(run.stderr).toMatch(
					/^<stdin>: is a binary file \(a NUL byte at offset \d+\); expected JSON or CSV text/,
				);
				expect(run.stdout).toBe('<stdin>: invalid, 1 problem\n');
				expect(run.ms).toBeLessThan(QUICK_MS);
				expect(run.peakMb).toBeLessThan(SMALL_MB);
			} finally {
				closeSync(fd);
			}
		},
	);

	it('yes \'{"a":1}\' | timescope validate - ends at line 2, before reading on', async () => {
		const run = await runMeasured(['validate', '-'], {feed: () => forever('{"a":1}\n')});
		expect(run.code).toBe(1);
		expect(run.stderr).toMatch(
			/^<stdin>:2:1: expected the end of the file after the JSON value on line 1, found more \(a timescope\/1 NDJSON file starts with its root object/,
		);
		expect(run.ms).toBeLessThan(QUICK_MS);
		expect(run.peakMb).toBeLessThan(SMALL_MB);
	});

	it('a stream of bad NDJSON lines that never ends is read in flat memory: problems past the first ones are only counted', async () => {
		const root = '{"format":"timescope/1","title":"T","counts":{}}\n';
		const run = await runMeasured(['validate', '-'], {
			feed: () => {
				const stream = forever('{"nothing":1}\n');
				stream.unshift(root);
				return stream;
			},
			sampleAtMs: 4000,
			killAfterMs: 5000,
		});
		// Still reading when stopped (a pipe may be a multi-gigabyte archive: MAX_STREAM_BYTES stops it).
		expect(run.signal).toBe('SIGKILL');
		expect(run.sampledMb).toBeGreaterThan(0);
		expect(run.sampledMb).toBeLessThan(SMALL_MB);
	}, 15_000);
});

describe('a JSON text too big for one string', () => {
	it('is refused from its size, before it is read, naming NDJSON', async () => {
		const dir = await mkdtemp(join(tmpdir(), 'timescope-big-'));
		const file = join(dir, 'big.json');
		// A sparse file: 600 MB on paper, 64 KB of text on disk.
		await writeFile(file, `[${' '.repeat(70_000)}`);
		const handle = await open(file, 'r+');
		await handle.truncate(600 * 2 ** 20);
		await handle.close();
		const run = await runMeasured(['validate', file]);
		expect(run.code).toBe(1);
		expect(run.stderr).toBe(
			`${file}: is too large to read as one JSON document: it is 600 MB, over 512 MB, the most one JSON text can hold; write it as NDJSON, one item a line, and it is streamed (see the README, NDJSON)\n`,
		);
		expect(run.ms).toBeLessThan(QUICK_MS);
		expect(run.peakMb).toBeLessThan(SMALL_MB);
	});
});

describe('a named pipe', () => {
	it('is read exactly once: the writer’s data arrives whole, every time', async () => {
		const dir = await mkdtemp(join(tmpdir(), 'timescope-fifo-'));
		const fifo = join(dir, 'f');
		const made = spawnSync('mkfifo', [fifo]);
		if (made.status !== 0) throw new Error(`mkfifo failed: ${made.stderr}`);
		const text = JSON.stringify({
			format: 'timescope/1',
			title: 'Piped',
			events: [{id: 'a', date: '2025', title: 'A'}],
		});
		for (let i = 0; i < 5; i++) {
			const writer = spawnSync(
				'sh',
				['-c', `printf '%s' '${text}' > '${fifo}' & "${process.execPath}" "${CLI}" validate '${fifo}'`],
				{
					encoding: 'utf8',
					timeout: QUICK_MS,
				},
			);
			expect(writer.stdout).toBe(`${fifo}: ok (1 event, 0 quotes)\n`);
			expect(writer.status).toBe(0);
		}
	});
});

describe('validate of several files', () => {
	it('reports every file, even after one that names no kind', async () => {
		const dir = await mkdtemp(join(tmpdir(), 'timescope-multi-'));
		const names = ['toString', 'constructor', '__proto__', 'valueOf', 'hasOwnProperty'];
		const files = await Promise.all(
			names.map(async (name) => {
				const file = join(dir, `${name}.ndjson`);
				await writeFile(file, `{"format":"timescope/1","title":"t"}\n{"${name}":{}}`);
				return file;
			}),
		);
		const good = join(dir, 'good.json');
		await writeFile(good, JSON.stringify({format: 'timescope/1', title: 'T', events: []}));
		const run = await runCli(['validate', ...files, good]);
		expect(run.code).toBe(1);
		expect(run.stderr).not.toMatch(/internal error|TypeError/);
		expect(run.stdout.trim().split('\n')).toEqual([
			...files.map((file) => `${file}: invalid, 1 problem`),
			`${good}: ok (0 events, 0 quotes)`,
		]);
		const lines = run.stderr.trim().split('\n');
		for (const [i, name] of names.entries()) {
			expect(lines[i]).toBe(
				`${files[i]}:2:1: (root): expected an object with one key, "event", "quote", "actor", "place", "source" or "era", found an object with keys ${name}`,
			);
		}
	});
});

describe('a file name that is not UTF-8', () => {
	it('is opened, and named with its odd bytes shown, not reported as no such file', async () => {
		const dir = await mkdtemp(join(tmpdir(), 'timescope-name-'));
		const name = Buffer.concat([Buffer.from(`${dir}/bad`), Buffer.from([0xff]), Buffer.from('name.json')]);
		await writeFile(name, JSON.stringify({format: 'timescope/1', title: 'T', events: []}));
		// Only a shell can pass bytes that are not UTF-8 as an argument.
		const run = spawnSync(
			'sh',
			['-c', `"${process.execPath}" "${CLI}" validate "${dir}/bad$(printf '\\377')name.json"`],
			{
				encoding: 'utf8',
			},
		);
		expect(run.stdout).toBe(`${dir}/bad\\xffname.json: ok (0 events, 0 quotes)\n`);
		expect(run.status).toBe(0);
		const missing = spawnSync(
			'sh',
			['-c', `"${process.execPath}" "${CLI}" validate "${dir}/gone$(printf '\\377').json"`],
			{
				encoding: 'utf8',
			},
		);
		expect(missing.stderr).toMatch(/gone\uFFFD\.json: no such file; its name is not valid UTF-8 as given/);
	});
});
