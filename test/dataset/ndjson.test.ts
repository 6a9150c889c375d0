import {PassThrough} from 'node:stream';
import {describe, expect, it} from 'vitest';
import {generateDocument, writeDataset} from '../../bench/generate.js';
import {loadNdjson, looksLikeNdjson, type NdjsonProgress} from '../../source/dataset/ndjson.js';
import {formatProblems} from '../../source/dataset/problems.js';

/** The text cut into chunks of the given sizes (bytes), as a stream delivers it. */
async function* chunks(text: string, sizes: number[]): AsyncGenerator<Uint8Array> {
	const bytes = new TextEncoder().encode(text);
	let at = 0;
	for (let i = 0; at < bytes.length; i++) {
		const size = sizes[i % sizes.length] as number;
		yield bytes.subarray(at, at + size);
		at += size;
	}
}

async function report(text: string): Promise<string[]> {
	const result = await loadNdjson(chunks(text, [7, 64, 3]), {file: 'a.ndjson'});
	return result.ok ? [] : formatProblems(result.problems);
}

const ROOT = '{"format":"timescope/1","title":"T","actors":[{"id":"a","name":"Ana"}]}';

describe('loadNdjson', () => {
	it('reads what the generator writes back into the same document, whatever the chunking', async () => {
		const options = {events: 40, quotes: 90, seed: 4};
		const out = new PassThrough();
		let text = '';
		out.on('data', (chunk: Buffer) => {
			text += chunk.toString();
		});
		await writeDataset({...options, ndjson: true}, out);
		expect(looksLikeNdjson(text)).toBe(true);
		const progress: NdjsonProgress[] = [];
		// Chunks of 1, 2 and 5 bytes split the multi-byte characters of names and CJK quotes.
		const result = await loadNdjson(chunks(text, [1, 2, 5, 4096]), {onProgress: (p) => progress.push(p)});
		expect(result).toEqual({ok: true, doc: generateDocument(options), problems: [], omitted: 0, skipped: {}});
		expect(progress.at(-1)).toMatchObject({
			events: 40,
			quotes: 90,
			bytes: new TextEncoder().encode(text).length,
		});
	});

	it('accepts a byte order mark, CRLF, blank lines and forward references', async () => {
		const text = `\ufeff${ROOT}\r\n\r\n{"quote":{"id":"q","text":"Hi","speaker":"a","events":["e"]}}\r\n{"event":{"id":"e","date":"2026-01","title":"Later"}}\r\n`;
		const result = await loadNdjson(chunks(text, [5]));
		expect(result.ok && result.doc.quotes?.[0]?.events).toEqual(['e']);
		expect(result.ok && result.doc.events.map((e) => e.id)).toEqual(['e']);
	});

	it('locates a syntax error by line and column and goes on to list the rest', async () => {
		const text = `${ROOT}\n{"event":{"id":"e","date":"2026-01","title":"x",}}\n{"quote":{"id":"q","text":"","speaker":"a"}}\n`;
		expect(await report(text)).toEqual([
			'a.ndjson:2:49: /event: expected a property name, found "}" (trailing commas are not allowed in JSON)',
			'a.ndjson:3:27: /quote/text: expected a non-empty string, found an empty string',
		]);
	});

	it('words schema problems as the JSON loader does, with the pointer inside the line', async () => {
		const text = `${ROOT}\n{"event":{"id":"e","date":"2025-13-01","title":"x","colour":"red"}}\n`;
		const lines = await report(text);
		expect(lines).toContainEqual(expect.stringMatching(/^a\.ndjson:2:27: \/event\/date: not an EDTF date/));
		expect(lines).toContainEqual(
			expect.stringMatching(/^a\.ndjson:2:52: \/event\/colour: unknown key "colour"/),
		);
	});

	it('reports lines that are not one item, duplicate ids and references to nothing', async () => {
		const text = [
			ROOT,
			'{"event":{"id":"e","date":"2026","title":"x"},"quote":{}}',
			'{"quote":{"id":"q","text":"a","speaker":"a"}}',
			'{"quote":{"id":"q","text":"b","speaker":"a"}}',
			'{"quote":{"id":"r","text":"c","speaker":"nobody","events":["e9"]}}',
			'[1, 2]',
		].join('\n');
		expect(await report(text)).toEqual([
			'a.ndjson:2:1: (root): expected an object with one key, "event", "quote", "actor", "place", "source" or "era", found an object with keys event, quote',
			'a.ndjson:4:16: /quote/id: duplicate quote id "q" (already used on line 3)',
			'a.ndjson:5:41: /quote/speaker: "nobody" is not the id of any actor (see "actors")',
			'a.ndjson:5:60: /quote/events/0: "e9" is not the id of any event (see "events")',
			'a.ndjson:6:1: (root): expected an object with one key, "event", "quote", "actor", "place", "source" or "era", found an array of 2 items',
		]);
	});

	it('resolves items on later lines for the root object too', async () => {
		const text = `{"format":"timescope/1","title":"T","events":[{"id":"e","date":"2026","title":"x","actors":["b"]}]}\n{"actor":{"id":"b","name":"Bo"}}\n`;
		expect(await report(text)).toEqual([]);
		const missing = `{"format":"timescope/1","title":"T","events":[{"id":"e","date":"2026","title":"x","actors":["z"]}]}\n`;
		expect(await report(missing)).toEqual([
			'a.ndjson:1:93: /events/0/actors/0: "z" is not the id of any actor (see "actors")',
		]);
	});

	it('says what is wrong with the first line, an empty stream or bytes that are not UTF-8', async () => {
		expect(await report('{"format":"timescope/2","title":"T"}\n')).toEqual([
			'a.ndjson:1:11: /format: expected "format": "timescope/1" on the first line, found the string "timescope/2"',
		]);
		expect(await report('\n\n')).toEqual([
			'a.ndjson: is empty; expected a timescope/1 root object on the first line',
		]);
		const bad = await loadNdjson(
			(async function* () {
				yield new TextEncoder().encode(`${ROOT}\n`);
				yield Uint8Array.from([0x7b, 0xff, 0xfe]);
			})(),
			{file: 'b.ndjson'},
		);
		expect(bad.ok ? [] : formatProblems(bad.problems)).toEqual([
			'b.ndjson:2:2: is not UTF-8 text on this line (an invalid byte sequence); save it as UTF-8',
		]);
	});

	it('tells NDJSON from a JSON document', () => {
		expect(looksLikeNdjson(`${ROOT}\n{"event":{}}\n`)).toBe(true);
		expect(looksLikeNdjson('{\n  "format": "timescope/1",\n')).toBe(false);
		expect(looksLikeNdjson(`${ROOT}\n`)).toBe(false);
	});
});
