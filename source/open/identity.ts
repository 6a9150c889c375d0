import {createHash} from 'node:crypto';
import {type FileHandle, open, realpath, stat} from 'node:fs/promises';

/**
 * Which file, in which state: what a cache entry is valid for. Checked in two steps, because reading
 * and hashing a 400 MB file would cost more than the cached open it guards:
 *
 * 1. before the first frame, the file's identity: device, inode, size, modification and change times
 *    (nanoseconds), and a hash of its first and last 64 KB. Any write moves the change time, even
 *    one whose modification time was put back afterwards;
 * 2. after it, a hash of the whole content (SHA-256, read in the background), against the hash of
 *    the bytes that were parsed when the entry was written. A change the first step cannot see (a
 *    file system with coarse times, a write within the same clock tick) is caught here, and the
 *    explorer reloads the file.
 */

export interface FileIdentity {
	/** The real path: one cache entry per file, however it is named. */
	readonly path: string;
	readonly dev: string;
	readonly ino: string;
	readonly size: number;
	readonly mtimeNs: string;
	readonly ctimeNs: string;
	/** SHA-256 of the size, the first and the last SAMPLE bytes. */
	readonly sample: string;
}

const SAMPLE = 64 * 1024;
const PIECE = 1 << 20;

/** The identity of a regular file, or undefined (no such file, not a regular file, unreadable). */
export async function identify(path: string): Promise<FileIdentity | undefined> {
	try {
		const real = await realpath(path);
		const info = await stat(real, {bigint: true});
		if (!info.isFile()) return undefined;
		const size = Number(info.size);
		return {
			path: real,
			dev: String(info.dev),
			ino: String(info.ino),
			size,
			mtimeNs: String(info.mtimeNs),
			ctimeNs: String(info.ctimeNs),
			sample: await sampleHash(real, size),
		};
	} catch {
		return undefined;
	}
}

async function sampleHash(path: string, size: number): Promise<string> {
	const hash = createHash('sha256').update(String(size));
	const handle = await open(path);
	try {
		const head = Buffer.alloc(Math.min(SAMPLE, size));
		await handle.read(head, 0, head.length, 0);
		hash.update(head);
		const tail = Buffer.alloc(Math.min(SAMPLE, Math.max(0, size - head.length)));
		await handle.read(tail, 0, tail.length, size - tail.length);
		hash.update(tail);
	} finally {
		await handle.close();
	}
	return hash.digest('hex');
}

export function sameIdentity(a: FileIdentity, b: FileIdentity): boolean {
	return (
		a.path === b.path &&
		a.dev === b.dev &&
		a.ino === b.ino &&
		a.size === b.size &&
		a.mtimeNs === b.mtimeNs &&
		a.ctimeNs === b.ctimeNs &&
		a.sample === b.sample
	);
}

/** A running SHA-256 of bytes as they are read (the loader's `onBytes`). */
export function contentHasher() {
	const hash = createHash('sha256');
	return {update: (bytes: Uint8Array) => hash.update(bytes), digest: () => hash.digest('hex')};
}

/**
 * SHA-256 of the whole file, read in 1 MB pieces between other work; undefined if it cannot be read
 * or `signal` stops it. One buffer serves every piece: a stream's fresh buffer per piece would leave
 * the file's size in garbage, and the explorer's memory would swell by that much while it hashes.
 */
export async function contentHash(path: string, signal?: AbortSignal): Promise<string | undefined> {
	const hash = createHash('sha256');
	const piece = Buffer.allocUnsafe(PIECE);
	let handle: FileHandle | undefined;
	try {
		handle = await open(path);
		for (;;) {
			if (signal?.aborted) return undefined;
			const {bytesRead} = await handle.read(piece, 0, PIECE, null);
			if (bytesRead === 0) return hash.digest('hex');
			hash.update(piece.subarray(0, bytesRead));
		}
	} catch {
		return undefined;
	} finally {
		await handle?.close().catch(() => {});
	}
}
