import {execFileSync} from 'node:child_process';
import {readFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const pkg = JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8'));

describe('the published package', () => {
	it('runs nothing when installed: npm would ask every user to allow an install script', () => {
		// The Ink patch is applied for developers by the `dependencies` script, which npm runs only in
		// this checkout after node_modules changes; the bundle in dist/ already contains the patch.
		for (const hook of ['preinstall', 'install', 'postinstall', 'prepare']) {
			expect(pkg.scripts, hook).not.toHaveProperty(hook);
		}
		expect(pkg.scripts.dependencies).toMatch(/^patch-package\b/);
		expect(pkg.scripts.prepack).toBe('npm run build');
	});

	it('holds the bundle, the bundled dataset and the schema, and no sources or tests', () => {
		const [pack] = JSON.parse(
			execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {cwd: ROOT, encoding: 'utf8'}),
		);
		const files: string[] = pack.files.map((file: {path: string}) => file.path);
		expect(files).toEqual(
			expect.arrayContaining([
				pkg.bin.timescope,
				'data/venezuela-us-dialogue.json',
				'schema/timescope-1.schema.json',
				'README.md',
				'package.json',
			]),
		);
		expect(files.filter((file) => !/^(dist|data|schema)\/|^(README\.md|package\.json)$/.test(file))).toEqual(
			[],
		);
	});
});
