import {existsSync, readFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';

/**
 * Material the project may read but not hold (the source article, published timelines) lives in
 * `../shared/` beside the repository, as it does in CI. Missing, it is an error that says where it
 * was looked for: a test that depends on it never passes by skipping.
 */
export function sharedPath(path: string): string {
	const full = fileURLToPath(new URL(`../../../shared/${path}`, import.meta.url));
	if (!existsSync(full)) {
		throw new Error(`shared material missing: ${full} (the shared folder belongs beside the repository)`);
	}
	return full;
}

export function readShared(path: string): string {
	return readFileSync(sharedPath(path), 'utf8');
}

/** The four published TimelineJS files of `../shared/timelinejs-examples/` (see its SOURCES.md). */
export const TIMELINEJS_EXAMPLES = [
	'TimelineJS3__website__examples__twain__marktwain.json',
	'TimelineJS3__src__template__eras.json',
	'TimelineJS3__contrib__women_in_computing.json',
	'TimelineJS3__contrib__women_in_computing.csv',
] as const;

export function sharedExamplePath(name: string): string {
	return sharedPath(`timelinejs-examples/${name}`);
}

export function sharedExample(name: string): string {
	return readShared(`timelinejs-examples/${name}`);
}
