import {
	existsSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	realpathSync,
	statSync,
	writeFileSync,
} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {writeFileAtomic} from '../../source/system/atomic-file.js';
import {loadMarks, saveMarks, stateHome} from '../../source/system/marks-store.js';

/** Marks on disk: keyed by the dataset's real path, written whole, never a reason not to open. */

function setUp() {
	const root = mkdtempSync(join(tmpdir(), 'timescope-marks-'));
	const data = join(root, 'data.json');
	writeFileSync(data, '{}');
	const env = {XDG_STATE_HOME: join(root, 'state'), HOME: root};
	return {root, data, env, dir: join(root, 'state', 'timescope', 'marks')};
}

const mark = {kind: 'event' as const, id: 'e1', label: 'An event'};

describe('the marks store', () => {
	it('keeps the marks of a dataset by its real path, for the next session', async () => {
		const {data, env, dir} = setUp();
		const first = await loadMarks(data, env);
		expect(first).toEqual({marks: {items: [], store: realpathSync(data)}});
		await saveMarks({...first.marks, items: [mark]}, env);
		const [file] = readdirSync(dir);
		expect(file).toMatch(/^[0-9a-f]{32}\.json$/);
		expect(statSync(join(dir, file as string)).mode & 0o777).toBe(0o600);
		expect(JSON.parse(readFileSync(join(dir, file as string), 'utf8'))).toEqual({
			format: 'timescope-marks/1',
			dataset: realpathSync(data),
			marks: [mark],
		});
		expect((await loadMarks(data, env)).marks.items).toEqual([mark]);
	});

	it('sets a corrupt file aside, starts with no marks, says so, and leaves the dataset alone', async () => {
		const {data, env, dir} = setUp();
		const {marks} = await loadMarks(data, env);
		await saveMarks({...marks, items: [mark]}, env);
		const file = join(dir, readdirSync(dir)[0] as string);
		writeFileSync(file, '{"format": "timescope-marks/1", "dataset": ');
		const loaded = await loadMarks(data, env);
		expect(loaded.marks.items).toEqual([]);
		expect(loaded.notice).toBe(
			`marks not read back (not JSON); starting with none; the old file is kept as ${file}.corrupt`,
		);
		expect(existsSync(`${file}.corrupt`)).toBe(true);
		expect(readFileSync(data, 'utf8')).toBe('{}');
		// The next save starts a good file again.
		await saveMarks({...loaded.marks, items: [mark]}, env);
		expect((await loadMarks(data, env)).marks.items).toEqual([mark]);
	});

	it('starts with no marks, and says so, when the state directory cannot be read', async () => {
		const {data, env} = setUp();
		const blocked = {...env, XDG_STATE_HOME: join(data, 'not-a-dir')};
		const loaded = await loadMarks(data, blocked);
		expect(loaded.marks.items).toEqual([]);
		expect(loaded.notice).toMatch(/^marks not read back \(.*: ENOTDIR\); starting with none$/);
		await expect(saveMarks({...loaded.marks, items: [mark]}, blocked)).rejects.toThrow();
	});

	it('follows the XDG base directory rules', () => {
		expect(stateHome({XDG_STATE_HOME: '/var/state', HOME: '/home/a'})).toBe('/var/state');
		expect(stateHome({XDG_STATE_HOME: 'relative', HOME: '/home/a'})).toBe('/home/a/.local/state');
		expect(stateHome({HOME: '/home/a'})).toBe('/home/a/.local/state');
	});
});

describe('atomic writes', () => {
	it('never replace a file unless told to, and leave no temporary file behind', async () => {
		const {root} = setUp();
		const file = join(root, 'out.md');
		expect(await writeFileAtomic(file, 'one', {overwrite: false})).toBe('written');
		expect(await writeFileAtomic(file, 'two', {overwrite: false})).toBe('exists');
		expect(readFileSync(file, 'utf8')).toBe('one');
		expect(await writeFileAtomic(file, 'three', {overwrite: true})).toBe('written');
		expect(readFileSync(file, 'utf8')).toBe('three');
		expect(readdirSync(root).filter((name) => name.endsWith('.tmp'))).toEqual([]);
	});
});
