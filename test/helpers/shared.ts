import {existsSync, readFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';

/**
 * Material the project reads but does not hold (published TimelineJS files, the source article) lives
 * in `../shared/` beside the checkout, as it does in CI. Missing, it fails the test that needs it with
 * a message that says where it should be: a test never skips for it.
 */

const SHARED = fileURLToPath(new URL('../../../shared/', import.meta.url));

export function sharedPath(relative: string): string {
	const path = `${SHARED}${relative}`;
	if (!existsSync(path)) {
		throw new Error(`${path} is missing: tests read shared material from ../shared/ beside the repository`);
	}
	return path;
}

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
	return readFileSync(sharedExamplePath(name), 'utf8');
}
