import {closeSync, mkdtempSync, openSync, readSync, rmSync, statSync, writeSync} from 'node:fs';
import {createRequire} from 'node:module';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {deserialize, serialize} from 'node:v8';
import {crc32} from 'node:zlib';
import {packColumns, unpackColumns} from '../source/dataset/column-pack.js';
import {buildColumns} from '../source/dataset/columns.js';
import {readDocument} from '../source/dataset/load.js';
import {type Packable, packToBuffer, unpack} from '../source/dataset/pack.js';
import {openColumns} from '../source/dataset/records.js';
import {buildIndex} from '../source/search/index.js';
import {restoreIndex, snapshotIndex} from '../source/search/snapshot.js';

/**
 * The cache's container, measured three ways on one file's model and search index (issue 15): our own
 * binary layout (source/dataset/pack.ts, what source/open/cache.ts writes), V8's serializer
 * (`v8.serialize`, plus the CRC-32 the cache needs either way) and SQLite (better-sqlite3, each array a
 * BLOB: the best case for it, since rows of a table would have to be turned back into columns, which is
 * the parsing the cache is there to skip). Each way: the bytes on disk, the time to write them, and the
 * time from reading each part to what the explorer needs of it (checksums verified, every column checked).
 *
 *   node --import tsx bench/container.ts FILE [--sqlite PATH/TO/node_modules/better-sqlite3]
 *
 * better-sqlite3 is not a dependency of timescope: name a copy of it to measure SQLite too.
 */

const args = process.argv.slice(2);
const file = args[0];
if (!file) throw new Error('usage: container.ts FILE [--sqlite MODULE]');
const sqliteAt = args.indexOf('--sqlite');
const sqliteModule = sqliteAt === -1 ? undefined : args[sqliteAt + 1];

const loaded = await readDocument(file);
if (!loaded.ok) throw new Error(`${file} does not open`);
const columns = buildColumns(loaded.doc);
const dataset = openColumns(columns);
const build = buildIndex(dataset);
let step = build.next();
while (!step.done) step = build.next();
const model = packColumns(columns);
const index = snapshotIndex(step.value, dataset);

/**
 * Each container holds the two packs as two parts, as a cache entry does: the model, read before the
 * first frame, and the search index, read after it. Reading a part ends in what the explorer needs of
 * it: the dataset (every column checked), then the searcher over it.
 */
interface Way {
	name: string;
	write(path: string): void;
	readModel(path: string): Packable;
	readIndex(path: string): Packable;
}

/** Bytes `start` to `end` of a file, in a buffer of their own, as source/open/cache.ts reads them. */
function readPart(path: string, start: number, end: number): Uint8Array {
	const bytes = new Uint8Array(new ArrayBuffer(end - start));
	const fd = openSync(path, 'r');
	try {
		for (let at = 0; at < bytes.length; ) {
			const read = readSync(fd, bytes, at, bytes.length - at, start + at);
			if (read === 0) throw new Error('cut short');
			at += read;
		}
	} finally {
		closeSync(fd);
	}
	return bytes;
}

/** Two parts, each after an 8-byte length, aligned to 8: [length][model][pad][length][index]. */
function writeParts(path: string, parts: Uint8Array[]): void {
	const fd = openSync(path, 'w');
	try {
		for (const part of parts) {
			const head = Buffer.alloc(8);
			head.writeUInt32LE(part.length, 0);
			writeSync(fd, head);
			writeSync(fd, part);
			writeSync(fd, new Uint8Array((8 - (part.length % 8)) % 8));
		}
	} finally {
		closeSync(fd);
	}
}

function partOf(path: string, which: 0 | 1): Uint8Array {
	const first = Buffer.from(readPart(path, 0, 8).buffer).readUInt32LE(0);
	if (which === 0) return readPart(path, 8, 8 + first);
	const second = 8 + first + ((8 - (first % 8)) % 8);
	const length = Buffer.from(readPart(path, second, second + 8).buffer).readUInt32LE(0);
	return readPart(path, second + 8, second + 8 + length);
}

function checked(body: Uint8Array): Uint8Array {
	const view = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
	if (crc32(view.subarray(4)) !== view.readUInt32LE(0)) throw new Error('checksum');
	return view.subarray(4);
}

function withCrc(body: Uint8Array): Uint8Array {
	const head = Buffer.alloc(4);
	head.writeUInt32LE(crc32(body), 0);
	return Buffer.concat([head, body]);
}

const ways: Way[] = [
	{
		name: 'own layout (pack.ts)',
		write: (path) =>
			writeParts(path, [new Uint8Array(packToBuffer(model)), new Uint8Array(packToBuffer(index))]),
		readModel: (path) => unpack(partOf(path, 0)),
		readIndex: (path) => unpack(partOf(path, 1)),
	},
	{
		name: 'V8 serialize + CRC-32',
		write: (path) => writeParts(path, [withCrc(serialize(model)), withCrc(serialize(index))]),
		readModel: (path) => deserialize(checked(partOf(path, 0))) as Packable,
		readIndex: (path) => deserialize(checked(partOf(path, 1))) as Packable,
	},
];

if (sqliteModule) {
	type Database = {
		exec(sql: string): void;
		prepare(sql: string): {
			run(...values: unknown[]): void;
			all(...values: unknown[]): Array<Record<string, unknown>>;
			get(...values: unknown[]): Record<string, unknown> | undefined;
		};
		transaction(work: () => void): () => void;
		close(): void;
	};
	const Sqlite = createRequire(import.meta.url)(sqliteModule) as new (path: string) => Database;
	const read = (path: string, pack: string): Packable => {
		const db = new Sqlite(path);
		try {
			const meta = JSON.parse(db.prepare('SELECT json FROM meta WHERE pack = ?').get(pack)?.json as string);
			const arrays: Record<string, Packable['arrays'][string]> = {};
			for (const row of db.prepare('SELECT name, type, bytes FROM arrays WHERE pack = ?').all(pack)) {
				const bytes = row.bytes as Buffer;
				// SQLite hands bytes back at any offset: copied to be viewed as the type they hold.
				const own = new Uint8Array(bytes.length);
				own.set(bytes);
				const Type = globalThis[row.type as 'Float64Array'];
				arrays[row.name as string] = new Type(own.buffer, 0, own.length / Type.BYTES_PER_ELEMENT);
			}
			return {meta, arrays};
		} finally {
			db.close();
		}
	};
	ways.push({
		name: 'SQLite (better-sqlite3), arrays as BLOBs',
		write: (path) => {
			const db = new Sqlite(path);
			db.exec(
				'CREATE TABLE meta (pack TEXT PRIMARY KEY, json TEXT); CREATE TABLE arrays (pack TEXT, name TEXT, type TEXT, bytes BLOB)',
			);
			const meta = db.prepare('INSERT INTO meta VALUES (?, ?)');
			const array = db.prepare('INSERT INTO arrays VALUES (?, ?, ?, ?)');
			db.transaction(() => {
				for (const [pack, packable] of Object.entries({model, index})) {
					meta.run(pack, JSON.stringify(packable.meta));
					for (const [name, values] of Object.entries(packable.arrays)) {
						array.run(
							pack,
							name,
							values.constructor.name,
							Buffer.from(values.buffer, values.byteOffset, values.byteLength),
						);
					}
				}
			})();
			db.close();
		},
		readModel: (path) => read(path, 'model'),
		readIndex: (path) => read(path, 'index'),
	});
}

const dir = mkdtempSync(join(tmpdir(), 'timescope-container-'));
const RUNS = 5;
try {
	process.stdout.write(
		`${file}: ${dataset.events.length.toLocaleString('en')} events, ${dataset.quotes.length.toLocaleString('en')} quotes; best of ${RUNS} runs\n\n`,
	);
	process.stdout.write(
		'| container | on disk | write | model to the dataset (before the first frame) | index to the searcher (after it) |\n|---|---|---|---|---|\n',
	);
	for (const [n, way] of ways.entries()) {
		const path = join(dir, `entry-${n}`);
		const best = {write: Infinity, model: Infinity, index: Infinity};
		const time = (key: keyof typeof best, work: () => void) => {
			const start = performance.now();
			work();
			best[key] = Math.min(best[key], performance.now() - start);
		};
		for (let run = 0; run < RUNS; run++) {
			rmSync(path, {force: true});
			time('write', () => way.write(path));
			let reopened = dataset;
			time('model', () => {
				reopened = openColumns(unpackColumns(way.readModel(path)));
			});
			if (reopened.events.length !== dataset.events.length) throw new Error(`${way.name} lost events`);
			time('index', () => {
				restoreIndex(way.readIndex(path), reopened);
			});
		}
		const size = statSync(path).size / 1e6;
		const ms = (value: number) => `${value.toFixed(0)} ms`;
		process.stdout.write(
			`| ${way.name} | ${size.toFixed(0)} MB | ${ms(best.write)} | ${ms(best.model)} | ${ms(best.index)} |\n`,
		);
	}
} finally {
	rmSync(dir, {recursive: true, force: true});
}
