import {mkdtemp, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {runCli} from '../helpers/run-cli.js';

// A root line longer than the loader's first read (64 KiB): archives carry every actor in it.
const actors = Array.from({length: 2000}, (_, i) => ({
	id: `a${i}`,
	name: `Actor number ${i} with a long name`,
}));
const root = {format: 'timescope/1', title: 'Archive', actors};
const lines = [
	JSON.stringify(root),
	JSON.stringify({event: {id: 'e1', date: '2025-12', title: 'First'}}),
	JSON.stringify({quote: {id: 'q1', text: 'Words about oil', speaker: 'a7', events: ['e1']}}),
	JSON.stringify({event: {id: 'e2', date: '2024', title: 'Earlier'}}),
];

describe('NDJSON archives', () => {
	it('streams a file and reads standard input, with a root line of any length', async () => {
		const dir = await mkdtemp(join(tmpdir(), 'timescope-ndjson-'));
		const file = join(dir, 'archive.ndjson');
		await writeFile(file, `${lines.join('\n')}\n`);
		const validated = await runCli(['validate', file]);
		expect(validated.stdout).toBe(`${file}: ok (timescope/1 NDJSON, 2 events, 1 quote)\n`);
		// Notes are problems' kin: stderr, as every problem is.
		expect(validated.stderr).toBe(
			`${file}:1:1: (root): note: no "counts" on the first line, so a file cut short at a line end cannot be told from a whole one (see the README, NDJSON)\n`,
		);
		const piped = await runCli(['-', '--print'], {stdin: lines.join('\r\n')});
		expect(piped.stdout).toMatch(
			/^Archive\n2 events · 1 quote\n\n2024\n {2}Earlier\n\nDec 2025\n {2}First\n {2}“Words about oil”\n/,
		);
	});

	it('lists every broken line with its position and pointer', async () => {
		const broken = [
			lines[0],
			'{"event": {"id": "e1", "title": "no date"}}',
			'{"quote": {"id": "q", "text": "t", "speaker": "nobody"}}',
			'{oops',
		];
		const run = await runCli(['validate', '-'], {stdin: broken.join('\n')});
		expect(run.code).toBe(1);
		expect(run.stdout).toBe('<stdin>: invalid, 4 problems\n');
		expect(run.stderr.split('\n')).toEqual([
			expect.stringMatching(/^<stdin>:2:\d+: \/event: missing required key "date"$/),
			expect.stringMatching(/^<stdin>:3:\d+: \/quote\/speaker: "nobody" is not the id of any actor/),
			'<stdin>:4:2: (root): expected a JSON value, found an invalid symbol',
			'<stdin>:4:6: (root): expected "}" to close the object',
			'',
		]);
	});
});
