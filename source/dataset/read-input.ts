import {readFile, stat} from 'node:fs/promises';
import type {Problem} from './problems.js';

/**
 * Reading a dataset's bytes and turning them into text, with one clear line for each way that can
 * fail before parsing even starts: missing, a directory, unreadable, empty, binary, not UTF-8.
 */

export type InputResult = {ok: true; text: string; file: string} | {ok: false; problem: Problem};

/** `-` is standard input; it is labelled `<stdin>` in messages. */
export async function readInput(path: string): Promise<InputResult> {
	const file = path === '-' ? '<stdin>' : path;
	const fail = (message: string): InputResult => ({ok: false, problem: {file, message}});
	let bytes: Buffer;
	try {
		if (path === '-') {
			bytes = await readStream(process.stdin);
		} else {
			const info = await stat(path);
			if (info.isDirectory())
				return fail('is a directory; expected a timescope/1 JSON file or a TimelineJS file');
			bytes = await readFile(path);
		}
	} catch (error) {
		return fail(readErrorMessage(error));
	}
	const decoded = decode(bytes);
	if (typeof decoded !== 'string') return fail(decoded.error);
	if (decoded.trim() === '') {
		return fail(
			bytes.length === 0
				? 'is empty (0 bytes); expected a timescope/1 JSON document'
				: 'contains only whitespace',
		);
	}
	return {ok: true, text: decoded, file};
}

function readErrorMessage(error: unknown): string {
	const code = (error as NodeJS.ErrnoException).code;
	switch (code) {
		case 'ENOENT':
			return 'no such file';
		case 'EACCES':
		case 'EPERM':
			return 'permission denied';
		case 'EISDIR':
			return 'is a directory; expected a timescope/1 JSON file or a TimelineJS file';
		case 'ERR_STRING_TOO_LONG':
		case 'ERR_FS_FILE_TOO_LARGE':
			return 'is too large to read as one document; split it or write it as NDJSON (see README)';
		default:
			return `cannot be read (${code ?? (error as Error).message})`;
	}
}

async function readStream(stream: NodeJS.ReadableStream): Promise<Buffer> {
	const chunks: Buffer[] = [];
	for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
	return Buffer.concat(chunks);
}

const utf8 = new TextDecoder('utf-8', {fatal: true});

function decode(bytes: Buffer): string | {error: string} {
	// A UTF-16 file is text, just not UTF-8: Windows tools still write it.
	if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
	if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
	const nul = bytes.subarray(0, 8192).indexOf(0);
	if (nul !== -1) return {error: `is a binary file (a NUL byte at offset ${nul}); expected JSON or CSV text`};
	try {
		const text = utf8.decode(bytes);
		return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
	} catch {
		return {
			error: `is not UTF-8 text (invalid byte sequence near offset ${firstInvalidUtf8(bytes)}); save it as UTF-8`,
		};
	}
}

function firstInvalidUtf8(bytes: Buffer): number {
	let low = 0;
	let high = bytes.length;
	// Binary search on decodable prefixes; a cut inside a valid multi-byte character only moves it by ≤3.
	while (high - low > 4) {
		const mid = (low + high) >> 1;
		try {
			new TextDecoder('utf-8', {fatal: true}).decode(bytes.subarray(0, mid), {stream: true});
			low = mid;
		} catch {
			high = mid;
		}
	}
	return low;
}
