import {mkdtemp, rename, writeFile} from 'node:fs/promises';
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
		watcher = watchDataset(file, (result) => results.push(result), {debounceMs: 20});
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
});
