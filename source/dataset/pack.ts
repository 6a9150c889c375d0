import {crc32} from 'node:zlib';

/**
 * Typed arrays and a little JSON as one run of bytes, and back without copying: the form in which the
 * model (and the search index) goes from the loading worker to the explorer and into the cache.
 *
 *   0   "TSPK"             magic
 *   4   u32                layout version
 *   8   u32                CRC-32 of every byte from 16 to the end
 *   12  u32                length of the header
 *   16  header             UTF-8 JSON: {meta, arrays: [[name, type, offset, length], …], end}
 *       arrays             each at an offset that is a multiple of 8 from the start
 *
 * Unpacking checks everything it reads (magic, version, checksum, every offset and length) and throws
 * a PackError for anything amiss: a cache is never trusted, only verified.
 */

const MAGIC = 0x4b505354; // "TSPK", little-endian
const VERSION = 1;
const FIXED = 16;

export type NumberArray =
	| Int8Array
	| Uint8Array
	| Int16Array
	| Uint16Array
	| Int32Array
	| Uint32Array
	| Float32Array
	| Float64Array;

const TYPES = {
	Int8Array,
	Uint8Array,
	Int16Array,
	Uint16Array,
	Int32Array,
	Uint32Array,
	Float32Array,
	Float64Array,
} as const;
type TypeName = keyof typeof TYPES;

export interface Packable {
	readonly meta: unknown;
	readonly arrays: Readonly<Record<string, NumberArray>>;
}

export class PackError extends Error {}

const align = (offset: number) => Math.ceil(offset / 8) * 8;

/** The pack as chunks to write one after the other (no array is copied); `length` in all. */
export function pack(packable: Packable): {chunks: Uint8Array[]; length: number} {
	const entries = Object.entries(packable.arrays);
	// Offsets depend on the header's length, which depends on the offsets: settle on a length that holds.
	const meta = JSON.stringify(packable.meta) ?? 'null';
	let headerBytes = Buffer.alloc(0);
	let layout: Array<[string, TypeName, number, number]> = [];
	let end = 0;
	for (let room = Buffer.byteLength(meta) + 64 * (entries.length + 1); ; room *= 2) {
		let offset = align(FIXED + room);
		layout = entries.map(([name, array]) => {
			const at = offset;
			offset = align(offset + array.byteLength);
			return [name, typeName(array), at, array.length];
		});
		end = offset;
		headerBytes = Buffer.from(`{"meta":${meta},"arrays":${JSON.stringify(layout)},"end":${end}}`, 'utf8');
		if (headerBytes.length <= room) break;
	}
	const fixed = Buffer.alloc(FIXED);
	const chunks: Uint8Array[] = [fixed, headerBytes];
	let at = FIXED + headerBytes.length;
	const padTo = (offset: number) => {
		if (offset > at) chunks.push(new Uint8Array(offset - at));
		at = offset;
	};
	entries.forEach(([, array], i) => {
		padTo((layout[i] as [string, TypeName, number, number])[2]);
		chunks.push(new Uint8Array(array.buffer, array.byteOffset, array.byteLength));
		at += array.byteLength;
	});
	padTo(end);
	let crc = 0;
	// Node 20's crc32 of no bytes answers 0 whatever the running value: empty chunks are left out.
	for (const chunk of chunks.slice(1)) if (chunk.length > 0) crc = crc32(chunk, crc);
	fixed.writeUInt32LE(MAGIC, 0);
	fixed.writeUInt32LE(VERSION, 4);
	fixed.writeUInt32LE(crc, 8);
	fixed.writeUInt32LE(headerBytes.length, 12);
	return {chunks, length: end};
}

/** The pack in one buffer of its own (to hand to another thread). */
export function packToBuffer(packable: Packable): ArrayBuffer {
	const {chunks, length} = pack(packable);
	const buffer = new ArrayBuffer(length);
	const bytes = new Uint8Array(buffer);
	let at = 0;
	for (const chunk of chunks) {
		bytes.set(chunk, at);
		at += chunk.length;
	}
	return buffer;
}

/**
 * Views into `bytes` (which must start at a multiple of 8 in its buffer). `verify` checks the
 * checksum: needed for what was read from disk, not for what another thread just packed.
 */
export function unpack(bytes: Uint8Array, {verify = true}: {verify?: boolean} = {}): Packable {
	if (bytes.byteOffset % 8 !== 0) throw new PackError('a pack must start at a multiple of 8 bytes');
	const header = readHeader(bytes);
	if (verify) {
		const stored = new DataView(bytes.buffer, bytes.byteOffset, FIXED).getUint32(8, true);
		if (crc32(bytes.subarray(FIXED, header.end)) !== stored) throw new PackError('checksum mismatch');
	}
	const arrays: Record<string, NumberArray> = {};
	for (const entry of header.arrays) {
		if (!Array.isArray(entry) || entry.length !== 4) throw new PackError('bad array entry');
		const [name, type, offset, length] = entry as [unknown, unknown, unknown, unknown];
		if (typeof name !== 'string' || typeof type !== 'string' || !Object.hasOwn(TYPES, type)) {
			throw new PackError('bad array name or type');
		}
		const Type = TYPES[type as TypeName];
		if (
			!Number.isSafeInteger(offset) ||
			!Number.isSafeInteger(length) ||
			(offset as number) % 8 !== 0 ||
			(offset as number) < FIXED ||
			(length as number) < 0 ||
			(offset as number) + (length as number) * Type.BYTES_PER_ELEMENT > header.end
		) {
			throw new PackError(`array ${name} lies outside the pack`);
		}
		arrays[name] = new Type(
			bytes.buffer as ArrayBuffer,
			bytes.byteOffset + (offset as number),
			length as number,
		);
	}
	return {meta: header.meta, arrays};
}

function readHeader(bytes: Uint8Array): {meta: unknown; arrays: unknown[]; end: number} {
	if (bytes.length < FIXED) throw new PackError('too short');
	const view = new DataView(bytes.buffer, bytes.byteOffset, FIXED);
	if (view.getUint32(0, true) !== MAGIC) throw new PackError('not a pack');
	if (view.getUint32(4, true) !== VERSION) throw new PackError('another layout version');
	const length = view.getUint32(12, true);
	if (FIXED + length > bytes.length) throw new PackError('header cut short');
	let header: unknown;
	try {
		header = JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset + FIXED, length).toString('utf8'));
	} catch {
		throw new PackError('header is not JSON');
	}
	const {meta, arrays, end} = (header ?? {}) as {meta?: unknown; arrays?: unknown; end?: unknown};
	if (!Array.isArray(arrays) || !Number.isSafeInteger(end) || (end as number) > bytes.length) {
		throw new PackError('bad header');
	}
	return {meta, arrays, end: end as number};
}

/** Whether a view is a typed array a pack carries (not a DataView, a Buffer's pool slice is fine). */
export function isPackable(view: ArrayBufferView): view is NumberArray {
	return Object.values(TYPES).some((Type) => view.constructor === Type);
}

function typeName(array: NumberArray): TypeName {
	const name = array.constructor.name;
	if (!Object.hasOwn(TYPES, name)) throw new Error(`cannot pack a ${name}`);
	return name as TypeName;
}
