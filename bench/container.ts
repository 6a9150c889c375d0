import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
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
 * time from reading the file to a dataset and a searcher (checksums verified, every column checked).
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

/** From packs back to a searchable dataset: what every container must end in. */
function reopen(modelPack: Packable, indexPack: Packable): number {
	const reopened = openColumns(unpackColumns(modelPack));
	return restoreIndex(indexPack, reopened) ? reopened.events.length : 0;
}

interface Way {
	name: string;
	write(path: string): void;
	read(path: string): number;
}

const ways: Way[] = [
	{
		name: 'own layout (pack.ts)',
		write: (path) => {
			const m = new Uint8Array(packToBuffer(model));
			const i = new Uint8Array(packToBuffer(index));
			const head = Buffer.alloc(8);
			head.writeUInt32LE(m.length, 0);
			writeFileSync(path, Buffer.concat([head, m, new Uint8Array((8 - (m.length % 8)) % 8), i]));
		},
		read: (path) => {
			const bytes = readFileSync(path);
			// In a buffer of its own, so that arrays sit at multiples of 8 and are viewed, not copied.
			const own = new Uint8Array(bytes.length);
			own.set(bytes);
			const length = Buffer.from(own.buffer).readUInt32LE(0);
			const start = 8 + length + ((8 - (length % 8)) % 8);
			return reopen(unpack(own.subarray(8, 8 + length)), unpack(own.subarray(start)));
		},
	},
	{
		name: 'V8 serialize + CRC-32',
		write: (path) => {
			const body = serialize({model, index});
			const head = Buffer.alloc(4);
			head.writeUInt32LE(crc32(body), 0);
			writeFileSync(path, Buffer.concat([head, body]));
		},
		read: (path) => {
			const bytes = readFileSync(path);
			const body = bytes.subarray(4);
			if (crc32(body) !== bytes.readUInt32LE(0)) throw new Error('checksum');
			const value = deserialize(body) as {model: Packable; index: Packable};
			return reopen(value.model, value.index);
		},
	},
];

if (sqliteModule) {
	type Database = {
		exec(sql: string): void;
		prepare(sql: string): {run(...values: unknown[]): void; all(): Array<Record<string, unknown>>};
		transaction(work: () => void): () => void;
		close(): void;
	};
	const Sqlite = createRequire(import.meta.url)(sqliteModule) as new (path: string) => Database;
	const tables = {model, index};
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
				for (const [pack, packable] of Object.entries(tables)) {
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
		read: (path) => {
			const db = new Sqlite(path);
			const packs: Record<string, {meta: unknown; arrays: Record<string, Packable['arrays'][string]>}> = {};
			for (const row of db.prepare('SELECT pack, json FROM meta').all()) {
				packs[row.pack as string] = {meta: JSON.parse(row.json as string), arrays: {}};
			}
			for (const row of db.prepare('SELECT pack, name, type, bytes FROM arrays').all()) {
				const bytes = row.bytes as Buffer;
				// SQLite hands back bytes at any offset: copied to be viewed as the type they hold.
				const own = new Uint8Array(bytes.length);
				own.set(bytes);
				const Type = globalThis[row.type as 'Float64Array'];
				(packs[row.pack as string] as {arrays: Record<string, unknown>}).arrays[row.name as string] =
					new Type(own.buffer, 0, own.length / Type.BYTES_PER_ELEMENT);
			}
			db.close();
			return reopen(packs.model as Packable, packs.index as Packable);
		},
	});
}

const dir = mkdtempSync(join(tmpdir(), 'timescope-container-'));
const RUNS = 5;
try {
	process.stdout.write(
		`${file}: ${dataset.events.length.toLocaleString('en')} events, ${dataset.quotes.length.toLocaleString('en')} quotes; best of ${RUNS} runs\n\n`,
	);
	process.stdout.write('| container | on disk | write | read to a searchable dataset |\n|---|---|---|---|\n');
	for (const [n, way] of ways.entries()) {
		const path = join(dir, `entry-${n}`);
		let write = Number.POSITIVE_INFINITY;
		let read = Number.POSITIVE_INFINITY;
		for (let run = 0; run < RUNS; run++) {
			rmSync(path, {force: true});
			let start = performance.now();
			way.write(path);
			write = Math.min(write, performance.now() - start);
			start = performance.now();
			if (way.read(path) !== dataset.events.length) throw new Error(`${way.name} lost events`);
			read = Math.min(read, performance.now() - start);
		}
		const size = readFileSync(path).length / 1e6;
		process.stdout.write(
			`| ${way.name} | ${size.toFixed(0)} MB | ${write.toFixed(0)} ms | ${read.toFixed(0)} ms |\n`,
		);
	}
} finally {
	rmSync(dir, {recursive: true, force: true});
}
