import {mkdtempSync, readFileSync, symlinkSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';
import {describe, expect, it} from 'vitest';
import {inkPatched, sharesCaches} from '../../source/ui/ink-patch.js';

/**
 * patches/ink+6.8.0.patch must be in the Ink that draws. An install that skips patch-package leaves it
 * out silently; these tests, and the explorer's start-up check, make that loud.
 */

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PATCH = join(ROOT, 'patches/ink+6.8.0.patch');

interface Hunk {
	readonly before: string;
	readonly after: string;
}

/** The patch's hunks by file: each hunk's text before and after (context lines in both). */
function hunksByFile(patch: string): Map<string, Hunk[]> {
	const files = new Map<string, Hunk[]>();
	let hunks: Hunk[] = [];
	let before: string[] | undefined;
	let after: string[] = [];
	const flush = () => {
		if (before) hunks.push({before: before.join('\n'), after: after.join('\n')});
		before = undefined;
	};
	for (const line of patch.split('\n')) {
		if (line.startsWith('+++ b/')) {
			hunks = [];
			files.set(line.slice('+++ b/'.length), hunks);
		} else if (line.startsWith('@@')) {
			flush();
			before = [];
			after = [];
		} else if (before && !line.startsWith('diff ') && !line.startsWith('---') && !line.startsWith('index ')) {
			if (line.startsWith('-')) before.push(line.slice(1));
			else if (line.startsWith('+')) after.push(line.slice(1));
			else if (line.startsWith(' ')) {
				before.push(line.slice(1));
				after.push(line.slice(1));
			}
		}
		if (line.startsWith('diff ')) flush();
	}
	flush();
	return files;
}

const hunks = hunksByFile(readFileSync(PATCH, 'utf8'));

describe('the Ink patch', () => {
	it('is applied to node_modules, every hunk of it', () => {
		expect([...hunks.keys()]).toEqual([
			'node_modules/ink/build/output.js',
			'node_modules/ink/build/render-node-to-output.js',
		]);
		for (const [file, fileHunks] of hunks) {
			const text = readFileSync(join(ROOT, file), 'utf8');
			for (const hunk of fileHunks) expect(text, `${file} lacks a hunk of the patch`).toContain(hunk.after);
		}
	});

	it('shows in the behaviour the explorer checks at start-up', () => {
		expect(inkPatched()).toBe(true);
	});

	it('is missed by that check when Ink is installed without it', async () => {
		const file = 'node_modules/ink/build/output.js';
		let text = readFileSync(join(ROOT, file), 'utf8');
		for (const hunk of hunks.get(file) ?? []) text = text.replace(hunk.after, hunk.before);
		// A copy of Ink's Output as `npm ci --ignore-scripts` leaves it, importing the same packages.
		const dir = mkdtempSync(join(tmpdir(), 'timescope-ink-'));
		symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
		writeFileSync(join(dir, 'package.json'), '{"type": "module"}');
		writeFileSync(join(dir, 'output.js'), text.replace(/^\/\/# sourceMappingURL=.*$/m, ''));
		const {default: unpatched} = await import(pathToFileURL(join(dir, 'output.js')).href);
		expect(text).not.toContain('sharedCaches');
		expect(sharesCaches(unpatched)).toBe(false);
	});
});
