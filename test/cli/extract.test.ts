import {mkdtemp, readFile, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {runCli} from '../helpers/run-cli.js';
import {sharedPath} from '../helpers/shared.js';

const ARTICLE = sharedPath('articles/2026-01-02-venezuela-us-dialogue.txt');

async function scratch(): Promise<string> {
	return mkdtemp(join(tmpdir(), 'timescope-extract-'));
}

describe('timescope extract', () => {
	it('writes a draft that timescope validate accepts, atomically to -o', async () => {
		const dir = await scratch();
		const out = join(dir, 'draft.json');
		const run = await runCli(['extract', ARTICLE, '-o', out]);
		expect(run.stdout).toBe('');
		expect(run.code).toBe(0);
		expect(run.stderr).toMatch(/draft written to .*draft\.json: 13 quotes, \d+ events, \d+ actors/u);
		const validated = await runCli(['validate', out]);
		expect(validated.code).toBe(0);
		const doc = JSON.parse(await readFile(out, 'utf8'));
		expect(doc).toMatchObject({format: 'timescope/1', referenceDate: '2026-01-02'});
	});

	it('writes the draft to stdout, with --title and --date for a plain article', async () => {
		const dir = await scratch();
		const file = join(dir, 'port.txt');
		await writeFile(file, '“We are ready,” Mayor Ana Ruiz said on Thursday.\n');
		const run = await runCli(['extract', file, '--date', '2026-03-06', '--title', 'Port']);
		expect(run.code).toBe(0);
		const doc = JSON.parse(run.stdout);
		expect(doc.title).toBe('Port');
		expect(doc.quotes[0]).toMatchObject({text: 'We are ready,', said: '2026-03-05'});
	});

	it('leaves the output file as it was when an article cannot be read', async () => {
		const dir = await scratch();
		const out = join(dir, 'draft.json');
		await writeFile(out, 'previous');
		const run = await runCli(['extract', join(dir, 'missing.txt'), '-o', out]);
		expect(run.code).toBe(1);
		expect(run.stderr).toContain('missing.txt: no such file');
		expect(await readFile(out, 'utf8')).toBe('previous');
	});

	it('refuses a publication date that is not a day, as a usage error', async () => {
		const run = await runCli(['extract', ARTICLE, '--date', '2026-02-30']);
		expect(run.code).toBe(2);
		expect(run.stderr).toContain('--date expects a publication day as YYYY-MM-DD, found "2026-02-30"');
	});

	it('prints an article’s draft as it prints a dataset: timescope ARTICLE.txt --print', async () => {
		const run = await runCli([ARTICLE, '--print']);
		expect(run.code).toBe(0);
		expect(run.stdout).toContain('Draft extracted by timescope');
		expect(run.stdout).toContain('Wherever they want and whenever they want,');
	});
});
