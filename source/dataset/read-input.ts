import {constants, isUtf8} from 'node:buffer';
import {fstatSync} from 'node:fs';
import {type FileHandle, open, readdir} from 'node:fs/promises';
import {basename, dirname} from 'node:path';
import {EVERY_FORMAT} from './formats.js';
import type {Problem, ProblemCode} from './problems.js';

/**
 * Reading a dataset's bytes, exactly once and never without bound. A file, a named pipe or standard
 * input is opened once; its head is read to tell NDJSON (streamed) from one JSON or CSV text (read
 * whole), and the rest follows from the same handle, so a pipe's writer loses nothing. Every way this
 * can fail before parsing starts gets one clear line: missing, a directory, a device, unreadable,
 * empty, binary, not UTF-8, too large.
 */

/** The longest string V8 holds: a JSON text (one `JSON.parse`) can be no longer, in UTF-16 units. */
export const MAX_TEXT_BYTES = constants.MAX_STRING_LENGTH;

/** A pipe that never ends is stopped here even when it is NDJSON (streamed, but kept in memory). */
export const MAX_STREAM_BYTES = 4 * 2 ** 30;

const CHUNK = 64 * 1024;

// The root line carries every actor, place and source of an archive: it can run to megabytes.
const MAX_ROOT_LINE = 64 << 20;

export interface Input {
	/** The name for messages: `<stdin>`, or the path as given (bytes that are not UTF-8 as `\xNN`). */
	readonly file: string;
	/** The size of a regular file; undefined for pipes and standard input. */
	readonly size?: number;
	/** What has been read: at least the first line, when it starts an object (NDJSON's root line). */
	readonly head: Buffer;
	/** Everything after `head`, once. */
	rest(): AsyncIterable<Buffer>;
	/** For a file: read what follows `head` straight into `buffer` from `offset` on; the bytes read. */
	fill?(buffer: Buffer, offset: number): Promise<number>;
	close(): Promise<void>;
}

export type Opened = {ok: true; input: Input} | {ok: false; problem: Problem};

const fail = (file: string, code: ProblemCode, message: string, more: Partial<Problem> = {}): Opened => ({
	ok: false,
	problem: {file, code, params: {}, message, ...more},
});

/** Bytes in order, chunk by chunk, from a file handle or a stream; undefined at the end. */
interface Source {
	next(): Promise<Buffer | undefined>;
	/** Fill `buffer` from `offset` on, straight from the file (no chunks); the bytes read. */
	fill?(buffer: Buffer, offset: number): Promise<number>;
	close(): Promise<void>;
}

/** `-` is standard input; it is labelled `<stdin>` in messages. */
export async function openInput(
	path: string,
	options: {onSize?: (bytes: number) => void} = {},
): Promise<Opened> {
	const opened = path === '-' ? openStdin() : await openPath(path);
	if (!opened.ok) return opened;
	const {source, file, size} = opened;
	if (size !== undefined) options.onSize?.(size);
	try {
		return await readHead(source, file, size);
	} catch (error) {
		await source.close();
		return fail(file, ...readError(error));
	}
}

type Opening = {ok: true; source: Source; file: string; size?: number} | {ok: false; problem: Problem};

function openStdin(): Opening {
	// Standard input may be a pipe, a socket, a terminal or a file: its stream reads them all.
	const chunks = process.stdin[Symbol.asyncIterator]();
	let size: number | undefined;
	try {
		const info = fstatSync(0);
		if (info.isFile()) size = info.size;
	} catch {
		// No standard input to describe: reading it will say so.
	}
	return {
		ok: true,
		file: '<stdin>',
		size,
		source: {
			async next() {
				const {done, value} = await chunks.next();
				return done ? undefined : typeof value === 'string' ? Buffer.from(value) : (value as Buffer);
			},
			async close() {
				await chunks.return?.();
			},
		},
	};
}

function handleSource(handle: FileHandle): Source {
	return {
		async next() {
			const buffer = Buffer.allocUnsafe(CHUNK);
			const {bytesRead} = await handle.read(buffer, 0, CHUNK, null);
			return bytesRead === 0 ? undefined : buffer.subarray(0, bytesRead);
		},
		async fill(buffer, offset) {
			let at = offset;
			while (at < buffer.length) {
				const {bytesRead} = await handle.read(buffer, at, buffer.length - at, null);
				if (bytesRead === 0) break;
				at += bytesRead;
			}
			return at - offset;
		},
		close: () => handle.close(),
	};
}

async function openPath(path: string): Promise<Opening> {
	let target: string | Buffer = path;
	let file = path;
	// Node decodes command-line bytes as UTF-8, so a name that is not UTF-8 arrives with U+FFFD in it
	// and names no file. The directory knows the real bytes.
	if (path.includes('\uFFFD')) {
		const real = await undecodableName(path);
		if (real) {
			target = real;
			file = showBytes(real);
		}
	}
	let handle: FileHandle;
	try {
		handle = await open(target);
	} catch (error) {
		const [code, message] = readError(error);
		if (code === 'no-such-file' && path.includes('\uFFFD')) {
			return {
				ok: false,
				problem: {
					file,
					code: 'bad-file-name',
					params: {},
					message:
						'no such file; its name is not valid UTF-8 as given (bytes shown as \uFFFD): rename the file, or pass it as - on standard input',
				},
			};
		}
		return {ok: false, problem: {file, code, params: {}, message}};
	}
	const info = await handle.stat();
	if (info.isFile() || info.isFIFO()) {
		return {ok: true, source: handleSource(handle), file, size: info.isFile() ? info.size : undefined};
	}
	await handle.close();
	if (info.isDirectory()) {
		return {
			ok: false,
			problem: {
				file,
				code: 'is-directory',
				params: {},
				message: 'is a directory; expected a timescope/1 JSON file or a TimelineJS file',
			},
		};
	}
	const kind = info.isCharacterDevice()
		? 'a character device'
		: info.isBlockDevice()
			? 'a block device'
			: info.isSocket()
				? 'a socket'
				: 'not a regular file';
	return {
		ok: false,
		problem: {
			file,
			code: 'not-a-file',
			params: {kind},
			message: `is ${kind}, not a file; expected a timescope/1 JSON file or a TimelineJS file (or - for standard input)`,
		},
	};
}

/** The one entry of the path's directory whose name decodes to the path's (mangled) name. */
async function undecodableName(path: string): Promise<Buffer | undefined> {
	try {
		const dir = dirname(path);
		const wanted = basename(path);
		const names = (await readdir(dir, {encoding: 'buffer'})).filter(
			(name) => name.toString('utf8') === wanted,
		);
		// The directory as it was typed (nothing for a bare name), then the name's real bytes.
		const typed = path.slice(0, path.length - wanted.length);
		return names.length === 1 ? Buffer.concat([Buffer.from(typed), names[0] as Buffer]) : undefined;
	} catch {
		return undefined;
	}
}

/** Bytes of a name as text, with those that are not UTF-8 written `\xNN`. */
function showBytes(bytes: Buffer): string {
	let shown = '';
	let at = 0;
	while (at < bytes.length) {
		const bad = firstInvalidUtf8(bytes, at);
		const end = bad === -1 ? bytes.length : bad;
		shown += bytes.subarray(at, end).toString('utf8');
		if (bad === -1) break;
		shown += `\\x${(bytes[bad] as number).toString(16).padStart(2, '0')}`;
		at = bad + 1;
	}
	return shown;
}

function readError(error: unknown): [ProblemCode, string] {
	const code = (error as NodeJS.ErrnoException).code;
	switch (code) {
		case 'ENOENT':
			return ['no-such-file', 'no such file'];
		case 'EACCES':
		case 'EPERM':
			return ['permission-denied', 'permission denied'];
		case 'EISDIR':
			return ['is-directory', 'is a directory; expected a timescope/1 JSON file or a TimelineJS file'];
		default:
			return ['unreadable', `cannot be read (${code ?? (error as Error).message})`];
	}
}

/**
 * The first chunk, checked at once (a device or a binary file is refused after 64 KB, not 6 GB), and
 * for text that starts an object, everything up to the end of its first line and a chunk more:
 * enough to tell NDJSON from JSON.
 */
async function readHead(source: Source, file: string, size: number | undefined): Promise<Opened> {
	const pieces: Buffer[] = [];
	let read = 0;
	const next = async (): Promise<Buffer | undefined> => {
		const chunk = await source.next();
		if (chunk !== undefined) read += chunk.length;
		return chunk;
	};
	const first = await next();
	if (first === undefined) {
		await source.close();
		return fail(file, 'empty', `is empty (0 bytes): expected one of: ${EVERY_FORMAT}`);
	}
	pieces.push(first);
	const refused = refuseBinary(first, file);
	if (refused) {
		await source.close();
		return refused;
	}
	if (startsObject(first)) {
		let chunk: Buffer | undefined = first;
		let lineEnded = first.includes(0x0a);
		while (read < MAX_ROOT_LINE) {
			chunk = await next();
			if (chunk === undefined) break;
			pieces.push(chunk);
			if (lineEnded) break;
			lineEnded = chunk.includes(0x0a);
		}
	}
	const head = Buffer.concat(pieces);
	let closed = false;
	return {
		ok: true,
		input: {
			file,
			size,
			head,
			// One read ahead: the disk works while the reader parses the chunk before.
			async *rest() {
				let pending = source.next();
				try {
					for (let chunk = await pending; chunk !== undefined; chunk = await pending) {
						pending = source.next();
						yield chunk;
					}
				} finally {
					// Stopped early: the read in flight ends with the handle, unheard.
					pending.catch(() => {});
				}
			},
			fill: source.fill && ((buffer, offset) => (source.fill as NonNullable<Source['fill']>)(buffer, offset)),
			async close() {
				if (closed) return;
				closed = true;
				await source.close();
			},
		},
	};
}

function startsObject(bytes: Buffer): boolean {
	const text = bytes
		.subarray(0, 64)
		.toString('latin1')
		.replace(/^\u00ef\u00bb\u00bf/, '');
	return text.trimStart().startsWith('{');
}

/**
 * A NUL in the first 8 KB, or bytes that are not UTF-8 in the first line: no text, refused after one
 * chunk. A bad byte further on is found when the text is decoded (JSON, CSV) or leaves out only its
 * line (NDJSON).
 */
function refuseBinary(first: Buffer, file: string): Opened | undefined {
	if (isUtf16(first)) return undefined;
	const nul = first.subarray(0, 8192).indexOf(0);
	if (nul !== -1) {
		return fail(file, 'binary', `is a binary file (a NUL byte at offset ${nul}); expected JSON or CSV text`, {
			params: {offset: nul},
		});
	}
	// A multi-byte character may be cut at the chunk's end: only what precedes the last 3 bytes counts.
	const lineEnd = first.indexOf(0x0a);
	const line = lineEnd === -1 ? first.subarray(0, Math.max(0, first.length - 3)) : first.subarray(0, lineEnd);
	const bad = firstInvalidUtf8(line, 0);
	return bad === -1 ? undefined : notUtf8(first, bad, file);
}

function isUtf16(bytes: Buffer): boolean {
	return (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
}

function notUtf8(bytes: Buffer, offset: number, file: string): Opened {
	const {line, column} = utf8Position(bytes, offset);
	return fail(
		file,
		'not-utf8',
		`is not UTF-8 text (byte 0x${(bytes[offset] as number).toString(16).padStart(2, '0')} at offset ${offset} is no UTF-8 character); save it as UTF-8`,
		{line, column, params: {offset}},
	);
}

export type TextResult = {ok: true; text: string; file: string} | {ok: false; problem: Problem};

/**
 * The whole input as one text, for JSON and CSV: read into one buffer (a regular file's size is known)
 * and decoded once (`onBytes` sees the bytes first). Anything over MAX_TEXT_BYTES is refused before it
 * is read, or as soon as a pipe passes it, with the way out: NDJSON.
 */
export async function readText(input: Input, onBytes?: (bytes: Uint8Array) => void): Promise<TextResult> {
	const {file} = input;
	const tooLarge = (bytes: number | undefined): TextResult => ({
		ok: false,
		problem: {
			file,
			code: 'too-large',
			params: {limit: MAX_TEXT_BYTES, ...(bytes !== undefined && {bytes})},
			message: `is too large to read as one JSON document: ${bytes === undefined ? 'it passed' : `it is ${megabytes(bytes)}, over`} ${megabytes(MAX_TEXT_BYTES)}, the most one JSON text can hold; write it as NDJSON, one item a line, and it is streamed (see the README, NDJSON)`,
		},
	});
	if (input.size !== undefined && input.size > MAX_TEXT_BYTES) return tooLarge(input.size);
	let bytes: Buffer;
	if (input.size !== undefined) {
		// A regular file: one buffer of its size, filled in place (it may have grown or shrunk since).
		bytes = Buffer.allocUnsafe(Math.max(input.size, input.head.length));
		input.head.copy(bytes);
		let length = input.head.length;
		if (input.fill) length += await input.fill(bytes, length);
		for await (const chunk of input.rest()) {
			if (length + chunk.length > bytes.length) {
				if (length + chunk.length > MAX_TEXT_BYTES) return tooLarge(undefined);
				bytes = Buffer.concat([bytes.subarray(0, length), chunk]);
			} else chunk.copy(bytes, length);
			length += chunk.length;
		}
		bytes = bytes.subarray(0, length);
	} else {
		const pieces = [input.head];
		let length = input.head.length;
		for await (const chunk of input.rest()) {
			length += chunk.length;
			if (length > MAX_TEXT_BYTES) return tooLarge(undefined);
			pieces.push(chunk);
		}
		bytes = Buffer.concat(pieces, length);
	}
	onBytes?.(bytes);
	const decoded = decode(bytes, file);
	if (!decoded.ok) return decoded;
	if (decoded.text.trim() === '') {
		return {
			ok: false,
			problem: {
				file,
				code: 'empty',
				params: {},
				message: `contains only whitespace: expected one of: ${EVERY_FORMAT}`,
			},
		};
	}
	return decoded;
}

function megabytes(bytes: number): string {
	return `${Math.round(bytes / 2 ** 20).toLocaleString('en-US')} MB`;
}

const utf8 = new TextDecoder('utf-8', {fatal: true});

function decode(bytes: Buffer, file: string): TextResult {
	// A UTF-16 file is text, just not UTF-8: Windows tools still write it.
	if (bytes[0] === 0xff && bytes[1] === 0xfe) {
		return {ok: true, file, text: new TextDecoder('utf-16le').decode(bytes.subarray(2))};
	}
	if (bytes[0] === 0xfe && bytes[1] === 0xff) {
		return {ok: true, file, text: new TextDecoder('utf-16be').decode(bytes.subarray(2))};
	}
	const nul = bytes.subarray(0, 8192).indexOf(0);
	if (nul !== -1)
		return fail(
			file,
			'binary',
			`is a binary file (a NUL byte at offset ${nul}); expected JSON or CSV text`,
		) as TextResult;
	if (!isUtf8(bytes)) return notUtf8(bytes, firstInvalidUtf8(bytes, 0), file) as TextResult;
	const text = utf8.decode(bytes);
	return {ok: true, file, text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text};
}

/** Line and column (1-based, in UTF-16 units as an editor counts them) of a byte offset. */
export function utf8Position(bytes: Uint8Array, offset: number): {line: number; column: number} {
	let line = 1;
	let start = 0;
	for (let i = bytes.indexOf(0x0a); i !== -1 && i < offset; i = bytes.indexOf(0x0a, i + 1)) {
		line++;
		start = i + 1;
	}
	const before = Buffer.from(bytes.buffer, bytes.byteOffset + start, offset - start).toString('utf8');
	return {line, column: before.length + 1};
}

/** Offset of the first byte at `from` or after that starts no valid UTF-8 character, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array, from: number): number {
	let i = from;
	while (i < bytes.length) {
		const lead = bytes[i] as number;
		if (lead < 0x80) {
			i++;
			continue;
		}
		let length: number;
		let low = 0x80;
		let high = 0xbf;
		if (lead >= 0xc2 && lead <= 0xdf) length = 2;
		else if (lead >= 0xe0 && lead <= 0xef) {
			length = 3;
			if (lead === 0xe0) low = 0xa0; // overlong
			if (lead === 0xed) high = 0x9f; // surrogates
		} else if (lead >= 0xf0 && lead <= 0xf4) {
			length = 4;
			if (lead === 0xf0) low = 0x90; // overlong
			if (lead === 0xf4) high = 0x8f; // past U+10FFFF
		} else return i;
		const second = bytes[i + 1];
		if (second === undefined || second < low || second > high) return i;
		for (let k = 2; k < length; k++) {
			const next = bytes[i + k];
			if (next === undefined || next < 0x80 || next > 0xbf) return i;
		}
		i += length;
	}
	return -1;
}

/** A named file or standard input read whole as text, opened once and closed (an article, say). */
export async function readPathText(path: string): Promise<TextResult> {
	const opened = await openInput(path);
	if (!opened.ok) return opened;
	try {
		return await readText(opened.input);
	} finally {
		await opened.input.close();
	}
}
