import {link, lstat, mkdir, rename, rm, writeFile} from 'node:fs/promises';
import {basename, dirname, join} from 'node:path';

/**
 * Writing a file whole or not at all: the text goes to a temporary file beside it, which then takes
 * its name. A crash or a full disk leaves the old file (or none) as it was, never half of the new one.
 * Without `overwrite`, an existing file is never replaced: the temporary file is linked to the name,
 * which fails if the name is taken, so no check can be outrun by another writer.
 */

export type Written = 'written' | 'exists';

export async function writeFileAtomic(
	path: string,
	text: string,
	options: {overwrite: boolean; mode?: number},
): Promise<Written> {
	const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
	try {
		await writeFile(temporary, text, {mode: options.mode ?? 0o666, flag: 'wx'});
		if (options.overwrite) {
			await rename(temporary, path);
			return 'written';
		}
		try {
			await link(temporary, path);
		} catch (error) {
			const code = (error as NodeJS.ErrnoException).code;
			if (code === 'EEXIST') return 'exists';
			// A file system without hard links: check, then rename (a narrow race, on such systems only).
			if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS') throw error;
			if (await exists(path)) return 'exists';
			await rename(temporary, path);
		}
		return 'written';
	} finally {
		await rm(temporary, {force: true});
	}
}

/** Make a directory and those above it, for files only their owner reads (a state directory). */
export async function privateDirectory(path: string): Promise<void> {
	await mkdir(path, {recursive: true, mode: 0o700});
}

async function exists(path: string): Promise<boolean> {
	try {
		await lstat(path);
		return true;
	} catch {
		return false;
	}
}
