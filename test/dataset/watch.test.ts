import {appendFile, mkdir, mkdtemp, rename, rm, symlink, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import type {LoadResult} from '../../source/dataset/load.js';
import {formatProblems} from '../../source/dataset/problems.js';
import {type DatasetWatcher, watchDataset} from '../../source/dataset/watch.js';

const doc = (title: string) => JSON.stringify({format: 'timescope/1', title, events: []});

describe('watchDataset', () => {
	let watcher: DatasetWatcher | undefined;
	afterEach(() => watcher?.close());

	async function setup() {
		const dir = await mkdtemp(join(tmpdir(), 'timescope-watch-'));
		const file = join(dir, 'data.json');
		await writeFile(file, doc('first'));
		const results: LoadResult[] = [];
		watcher = watchDataset(file, (result) => results.push(result), {debounceMs: 20, pollMs: 50});
		return {dir, file, results};
	}

	const title = (result: LoadResult | undefined) => (result?.ok ? result.dataset.title : undefined);

	it('reloads after an in-place write', async () => {
		const {file, results} = await setup();
		await writeFile(file, doc('second'));
		await expect.poll(() => title(results.at(-1))).toBe('second');
	});

	it('follows an atomic save (write a temp file, rename it over the old one)', async () => {
		const {dir, file, results} = await setup();
		for (const name of ['third', 'fourth']) {
			await writeFile(join(dir, '.data.json.tmp'), doc(name));
			await rename(join(dir, '.data.json.tmp'), file);
			await expect.poll(() => title(results.at(-1))).toBe(name);
		}
	});

	it('reports a broken save with its position, then recovers', async () => {
		const {file, results} = await setup();
		await writeFile(file, '{"format": "timescope/1", "title": "x", "events": [}');
		await expect.poll(() => results.at(-1)?.ok).toBe(false);
		const last = results.at(-1) as Extract<LoadResult, {ok: false}>;
		expect(formatProblems(last.problems)[0]).toMatch(/data\.json:1:52: /);
		await writeFile(file, doc('fixed'));
		await expect.poll(() => title(results.at(-1))).toBe('fixed');
	});

	it('ignores other files in the directory', async () => {
		const {dir, results} = await setup();
		await writeFile(join(dir, 'other.json'), doc('other'));
		await new Promise((resolve) => setTimeout(resolve, 150));
		expect(results).toEqual([]);
	});

	it('waits for a save written in pieces to stop growing: the half-written file is never shown', async () => {
		const {file, results} = await setup();
		const text = doc('slow and whole');
		await writeFile(file, text.slice(0, 20));
		for (let at = 20; at < text.length; at += 10) {
			await new Promise((resolve) => setTimeout(resolve, 30));
			await appendFile(file, text.slice(at, at + 10));
		}
		await expect.poll(() => title(results.at(-1)), {timeout: 5000}).toBe('slow and whole');
		expect(results.filter((result) => !result.ok)).toEqual([]);
	});

	it('reads an NDJSON file again while its counts say it is cut short and it is still being written', async () => {
		const dir = await mkdtemp(join(tmpdir(), 'timescope-watch-'));
		const file = join(dir, 'data.ndjson');
		const root = '{"format":"timescope/1","title":"T","counts":{"events":3}}';
		const line = (i: number) => `{"event":{"id":"e${i}","date":"2025","title":"E${i}"}}`;
		await writeFile(file, `${root}\n${line(0)}\n${line(1)}\n${line(2)}\n`);
		const results: LoadResult[] = [];
		watcher = watchDataset(file, (result) => results.push(result), {
			debounceMs: 20,
			pollMs: 50,
			settleMs: 40,
		});
		await writeFile(file, `${root}\n${line(0)}\n`);
		// The rest arrives after the file looked settled once.
		setTimeout(() => void appendFile(file, `${line(1)}\n${line(2)}\n`), 120);
		await expect
			.poll(() => results.at(-1)?.ok && results.at(-1), {timeout: 5000})
			.toMatchObject({problems: []});
		// The version cut short was never shown.
		expect(results.map((result) => (result.ok ? result.dataset.events.length : -1))).toEqual([3]);
	});

	it('keeps following after its directory is removed and made again', async () => {
		const {dir, file, results} = await setup();
		await rm(dir, {recursive: true});
		await new Promise((resolve) => setTimeout(resolve, 150));
		await mkdir(dir);
		await writeFile(file, doc('back again'));
		await expect.poll(() => title(results.at(-1)), {timeout: 5000}).toBe('back again');
		await writeFile(file, doc('and again'));
		await expect.poll(() => title(results.at(-1)), {timeout: 5000}).toBe('and again');
	});

	it('sees changes to the target of a symlink, wherever the target is', async () => {
		const elsewhere = await mkdtemp(join(tmpdir(), 'timescope-target-'));
		const target = join(elsewhere, 'real.json');
		await writeFile(target, doc('target one'));
		const dir = await mkdtemp(join(tmpdir(), 'timescope-link-'));
		const link = join(dir, 'link.json');
		await symlink(target, link);
		const results: LoadResult[] = [];
		watcher = watchDataset(link, (result) => results.push(result), {debounceMs: 20, pollMs: 50});
		await writeFile(target, doc('target two'));
		await expect.poll(() => title(results.at(-1)), {timeout: 5000}).toBe('target two');
	});
});
