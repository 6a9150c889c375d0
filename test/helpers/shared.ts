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
