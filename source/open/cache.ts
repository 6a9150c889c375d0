import {createHash, randomBytes} from 'node:crypto';
import {type FileHandle, mkdir, open, readdir, rename, rm, stat, utimes} from 'node:fs/promises';
import {homedir} from 'node:os';
import {join} from 'node:path';
import {crc32} from 'node:zlib';
import type {Opened} from '../dataset/load.js';
import {type FileIdentity, sameIdentity} from './identity.js';

/**
 * The cache of opened datasets: one file per dataset file, under `$XDG_CACHE_HOME/timescope/`
 * (`~/.cache/timescope/` by default), holding what loading it produced (the model's columns, the
 * search index, the problems found) for the file in one state (identity.ts). A later open of the
 * same file in the same state reads that instead of parsing and checking the JSON again.
 *
 * An entry is checked (magic, layout, build, a checksum of its header; each part carries its own
 * checksum, pack.ts) and used only if every check holds; anything else is a miss, and the entry is
 * written anew. Its model is read before the first frame, its index after. Entries are written to a temporary file and renamed into place, so a
 * reader never sees half of one. Past the size limit, the entries used longest ago go (a hit marks
 * its entry used). Nothing here throws: a cache that cannot be read or written is no cache.
 *
 *   0   "TSCACHE1"      magic and layout
 *   8   u32             header length
 *   12  u32             CRC-32 of the header
 *   16  header          UTF-8 JSON: {build, source, contentHash, result, model: [offset, length], index}
 *       model, index    packs (pack.ts), each at an offset that is a multiple of 8
 */

declare const TIMESCOPE_BUILD: string | undefined;

/**
 * The build that writes and reads entries: the bundle's is a hash of its sources (esbuild.config.mjs),
 * so an entry written by other code is never read as if it were this code's.
 */
export const BUILD = typeof TIMESCOPE_BUILD === 'string' ? TIMESCOPE_BUILD : 'sources';

const MAGIC = Buffer.from('TSCACHE1', 'latin1');
const FIXED = 16;
const SUFFIX = '.tsc';
/** A temporary file this old was left by a writer that died. */
const STALE_MS = 10 * 60 * 1000;

/** Files smaller than this open about as fast from JSON as from a cache entry: not cached. */
const CACHE_MIN_BYTES = 1 << 20;
const DEFAULT_LIMIT_MB = 2048;

export interface CacheSettings {
	readonly dir: string;
	/** Bytes all entries may take together. */
	readonly limit: number;
	/** Files smaller than this are not cached. */
	readonly minBytes: number;
}

/** `$XDG_CACHE_HOME/timescope` (`~/.cache/timescope`), limited by TIMESCOPE_CACHE_MB (default 2048). */
export function cacheSettings(env: NodeJS.ProcessEnv = process.env): CacheSettings {
	const base = env.XDG_CACHE_HOME?.startsWith('/') ? env.XDG_CACHE_HOME : join(homedir(), '.cache');
	const mb = Number(env.TIMESCOPE_CACHE_MB);
	return {
		dir: join(base, 'timescope'),
		limit: (Number.isFinite(mb) && mb >= 0 ? mb : DEFAULT_LIMIT_MB) * 2 ** 20,
		minBytes: CACHE_MIN_BYTES,
	};
}

/** What loading the file reported, kept with its model: a cached open reports the same. */
export type LoadReport = Opened;

export interface CacheEntry {
	readonly contentHash: string;
	readonly report: LoadReport;
	/** The model's pack (dataset/column-pack.ts), its checksum not yet verified. */
	readonly model: Uint8Array;
	/**
	 * The search index's pack (search/snapshot.ts), its checksum not yet verified; undefined if none was
	 * written or it cannot be read. Read only when asked (after the first frame), from the entry as it
	 * was opened, whatever has been written in its place since.
	 */
	readIndex(): Promise<Uint8Array | undefined>;
	/** Let go of the entry's file (its index read, or no longer wanted). */
	close(): Promise<void>;
}

interface Header {
	build: string;
	source: FileIdentity;
	contentHash: string;
	report: LoadReport;
	model: [number, number];
	index: [number, number] | null;
}

export function entryPath(settings: CacheSettings, identity: Pick<FileIdentity, 'path'>): string {
	const name = createHash('sha256').update(identity.path).digest('hex').slice(0, 40);
	return join(settings.dir, `${name}${SUFFIX}`);
}

/**
 * The entry for the file in this state, or undefined (none, another state, another build, damaged).
 * Only its header and the model are read here: the index, the larger part, is read when the searcher
 * asks for it, once the first frame is out.
 */
export async function readEntry(
	settings: CacheSettings,
	identity: FileIdentity,
): Promise<CacheEntry | undefined> {
	const path = entryPath(settings, identity);
	let handle: FileHandle | undefined;
	try {
		handle = await open(path);
		const {size} = await handle.stat();
		const fixed = await readRange(handle, 0, FIXED);
		if (!fixed) return undefined;
		const length = Buffer.from(fixed.buffer).readUInt32LE(8);
		if (FIXED + length > size) return undefined;
		const text = await readRange(handle, FIXED, length);
		const header = text && readHeader(fixed, text, size);
		if (!header || header.build !== BUILD || !sameIdentity(header.source, identity)) return undefined;
		const model = await readRange(handle, ...header.model);
		if (!model) return undefined;
		// Used now: the last to be evicted. A failure to mark it is no reason not to use it.
		const now = new Date();
		await utimes(path, now, now).catch(() => {});
		const file = handle;
		handle = undefined;
		let closed: Promise<void> | undefined;
		const close = () => {
			closed ??= file.close().catch(() => {});
			return closed;
		};
		return {
			contentHash: header.contentHash,
			report: header.report,
			model,
			async readIndex() {
				if (closed || header.index === null) return undefined;
				const index = await readRange(file, ...header.index).catch(() => undefined);
				await close();
				return index;
			},
			close,
		};
	} catch {
		return undefined;
	} finally {
		await handle?.close().catch(() => {});
	}
}

/**
 * `length` bytes from `offset`, in a buffer of their own (a pack's arrays sit at multiples of 8 from
 * its start); undefined if the file ends first.
 */
export async function readRange(
	handle: FileHandle,
	offset: number,
	length: number,
): Promise<Uint8Array | undefined> {
	const bytes = new Uint8Array(new ArrayBuffer(length));
	let at = 0;
	while (at < length) {
		const {bytesRead} = await handle.read(bytes, at, length - at, offset + at);
		if (bytesRead === 0) return undefined;
		at += bytesRead;
	}
	return bytes;
}

/** The header, if the fixed part and the header's text hold together and every range lies within `size`. */
function readHeader(fixedBytes: Uint8Array, text: Uint8Array, size: number): Header | undefined {
	const fixed = Buffer.from(fixedBytes.buffer, fixedBytes.byteOffset, fixedBytes.byteLength);
	if (!fixed.subarray(0, MAGIC.length).equals(MAGIC)) return undefined;
	if (crc32(text) !== fixed.readUInt32LE(12)) return undefined;
	let header: Partial<Header>;
	try {
		header = JSON.parse(
			Buffer.from(text.buffer, text.byteOffset, text.byteLength).toString('utf8'),
		) as Partial<Header>;
	} catch {
		return undefined;
	}
	const range = (value: unknown) =>
		Array.isArray(value) &&
		value.length === 2 &&
		value.every((n) => Number.isSafeInteger(n) && n >= 0) &&
		(value[0] as number) % 8 === 0 &&
		(value[0] as number) + (value[1] as number) <= size;
	const report = header.report as Partial<LoadReport> | undefined;
	if (
		typeof header.build !== 'string' ||
		typeof header.contentHash !== 'string' ||
		typeof header.source !== 'object' ||
		header.source === null ||
		!range(header.model) ||
		!(header.index === null || range(header.index)) ||
		typeof report?.file !== 'string' ||
		typeof report.format !== 'string' ||
		!Array.isArray(report.problems) ||
		!report.problems.every((problem) => typeof (problem as {message?: unknown})?.message === 'string') ||
		!Number.isSafeInteger(report.omitted) ||
		typeof report.skipped !== 'object' ||
		report.skipped === null
	) {
		return undefined;
	}
	return header as Header;
}

export interface EntryParts {
	readonly source: FileIdentity;
	readonly contentHash: string;
	readonly report: LoadReport;
	readonly model: Uint8Array;
	readonly index?: Uint8Array;
}

/**
 * Write (or replace) the entry for a file, then keep the cache within its limit. Never throws: a
 * cache that cannot be written (read-only, full disk) is no cache. Returns whether it was written.
 */
export async function writeEntry(settings: CacheSettings, parts: EntryParts): Promise<boolean> {
	const path = entryPath(settings, parts.source);
	const temporary = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
	let written = false;
	try {
		const chunks: Uint8Array[] = [];
		const header = (model: number, index: number | undefined): Buffer =>
			Buffer.from(
				JSON.stringify({
					build: BUILD,
					source: parts.source,
					contentHash: parts.contentHash,
					report: parts.report,
					model: [model, parts.model.length],
					index: index === undefined || !parts.index ? null : [index, parts.index.length],
				} satisfies Header),
				'utf8',
			);
		// Offsets depend on the header's length: measure it with placeholder offsets of the same width.
		const size = FIXED + header(2 ** 40, parts.index ? 2 ** 40 : undefined).length;
		const model = align(size);
		const index = parts.index ? align(model + parts.model.length) : undefined;
		const end = index !== undefined && parts.index ? index + parts.index.length : model + parts.model.length;
		if (end > settings.limit) return false;
		const text = header(model, index);
		const fixed = Buffer.alloc(FIXED);
		MAGIC.copy(fixed, 0);
		fixed.writeUInt32LE(text.length, 8);
		fixed.writeUInt32LE(crc32(text), 12);
		chunks.push(fixed, text, new Uint8Array(model - FIXED - text.length), parts.model);
		if (parts.index && index !== undefined) {
			chunks.push(new Uint8Array(index - model - parts.model.length), parts.index);
		}
		await mkdir(settings.dir, {recursive: true, mode: 0o700});
		const handle = await open(temporary, 'wx', 0o600);
		try {
			await handle.writev(chunks);
		} finally {
			await handle.close();
		}
		await rename(temporary, path);
		written = true;
	} catch {
		await rm(temporary, {force: true}).catch(() => {});
	}
	if (written) await evict(settings, path);
	return written;
}

/** Remove the entry for a file (it was found stale). */
export async function dropEntry(
	settings: CacheSettings,
	identity: Pick<FileIdentity, 'path'>,
): Promise<void> {
	await rm(entryPath(settings, identity), {force: true}).catch(() => {});
}

const align = (offset: number) => Math.ceil(offset / 8) * 8;

/**
 * Oldest-used entries first, until all fit the limit; `keep` (just written) goes last of all. Only
 * this cache's own files are touched: anything else in the folder is left as it is.
 */
async function evict(settings: CacheSettings, keep: string): Promise<void> {
	try {
		const names = await readdir(settings.dir);
		const now = Date.now();
		const entries: Array<{path: string; size: number; used: number}> = [];
		for (const name of names) {
			const path = join(settings.dir, name);
			const info = await stat(path).catch(() => undefined);
			if (!info?.isFile()) continue;
			if (name.endsWith('.tmp') && name.includes(SUFFIX) && now - info.mtimeMs > STALE_MS) {
				await rm(path, {force: true}).catch(() => {});
			} else if (name.endsWith(SUFFIX) && /^[0-9a-f]{40}\.tsc$/.test(name)) {
				entries.push({path, size: info.size, used: path === keep ? Number.POSITIVE_INFINITY : info.mtimeMs});
			}
		}
		let total = entries.reduce((sum, entry) => sum + entry.size, 0);
		for (const entry of entries.sort((a, b) => a.used - b.used)) {
			if (total <= settings.limit) break;
			await rm(entry.path, {force: true}).catch(() => {});
			total -= entry.size;
		}
	} catch {
		// An unreadable folder: nothing to evict from.
	}
}
