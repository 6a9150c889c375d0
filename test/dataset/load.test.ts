import {mkdtemp, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {beforeAll, describe, expect, it} from 'vitest';
import {loadDataset, loadText} from '../../source/dataset/load.js';
import {formatProblems, type Problem} from '../../source/dataset/problems.js';

/** Problems of a text as the user reads them: `FILE:LINE:COL: /pointer: message`. */
async function report(text: string): Promise<string[]> {
	const result = await loadText(text, 'f.json', {strict: true});
	return formatProblems(result.problems);
}

const minimal = (body: object) =>
	JSON.stringify({format: 'timescope/1', title: 'T', events: [], ...body}, null, 2);

describe('syntax errors', () => {
	it('names a trailing comma at its position, with the pointer of the enclosing value', async () => {
		const text = '{\n  "format": "timescope/1",\n  "events": [\n    {"id": "a",}\n  ]\n}';
		expect(await report(text)).toEqual([
			'f.json:4:16: /events/0: expected a property name, found "}" (trailing commas are not allowed in JSON)',
		]);
	});

	it('lists every syntax error, not just the first', async () => {
		const text = '{\n  "title": "x"\n  "events": [\n    {"id" "b"}\n  ]\n';
		const lines = await report(text);
		expect(lines).toContain('f.json:3:3: /events: expected "," between items');
		expect(lines).toContain('f.json:4:11: /events/0: expected ":" after the property name');
		expect(lines.at(-1)).toMatch(/^f\.json:6:1: .*expected "}" to close the object$/);
	});

	it('says a file cut short ends before the document is complete, once, with what is still open', async () => {
		const text = '{\n  "format": "timescope/1",\n  "title": "T",\n  "events": [\n    {"id": "a", "date": "20';
		const problems = (await loadText(text, 'f.json')).problems;
		expect(problems.map((p) => [p.code, p.params])).toEqual([['truncated', {open: 3}]]);
		expect(formatProblems(problems)).toEqual([
			'f.json:5:28: /events/0: the file ends at line 5 before the document is complete (3 values still open)',
		]);
		expect(await report('{"title": "T"')).toEqual([
			'f.json:1:14: (root): the file ends at line 1 before the document is complete',
		]);
		// Something after a complete document, or a mistake before the end, is not a file cut short.
		expect((await report('{"title": "T"} extra'))[0]).toMatch(/found an invalid symbol$/);
		expect((await report('{"a": 1,}'))[0]).toMatch(/trailing commas are not allowed/);
	});

	it('reports an unterminated string and raw control characters', async () => {
		expect((await report('{"title": "abc\n}'))[0]).toMatch(
			/^f\.json:1:11: .*expected a closing double quote/,
		);
		expect((await report('{"title": "a\u0007b"}'))[0]).toMatch(
			/^f\.json:1:\d+: .*control characters must be written as \\u escapes/,
		);
	});

	it('rejects comments, which JSON does not have', async () => {
		expect((await report('{\n  // note\n  "format": "timescope/1"\n}'))[0]).toMatch(
			/^f\.json:2:3: .*comments are not allowed/,
		);
	});
});

describe('schema errors', () => {
	const doc = [
		'{',
		'  "format": "timescope/1",',
		'  "title": "T",',
		'  "actors": [{"id": "a", "name": "A", "nmae": "x"}, {"id": "a", "name": ""}],',
		'  "events": [',
		'    {"id": "e1", "date": "2025-13-01", "title": "x", "actors": ["zz"]},',
		'    {"id": "e2", "date": "2025-12-22/2025-12-20", "title": 5},',
		'    {"id": "e3", "title": "no date"}',
		'  ],',
		'  "quotes": [{"id": "q", "text": "hi", "speaker": "nobody", "kind": "full"}],',
		'  "eras": [{"id": "r", "date": "2025", "title": "e"}]',
		'}',
	].join('\n');

	it('lists every problem in file order with line, column, pointer, expected and found', async () => {
		expect(await report(doc)).toEqual([
			'f.json:4:39: /actors/0/nmae: unknown key "nmae" (misspelt? data of your own belongs under "extensions")',
			'f.json:4:60: /actors/1/id: duplicate actor id "a" (already used by /actors/0)',
			'f.json:4:73: /actors/1/name: expected a non-empty string, found an empty string',
			'f.json:6:26: /events/0/date: not an EDTF date (expected a form such as 2026-01-02, 2025-12, 2024, 2025-12-31?, 2025-12~, 2025-12-22/2025-12-28, 2025~/.., [2025-12-22..2025-12-28], [..2026-01-02], Y-13800000000), found the string "2025-13-01"',
			'f.json:6:65: /events/0/actors/0: "zz" is not the id of any actor (see "actors")',
			'f.json:7:26: /events/1/date: the interval ends (2025-12-20) before it starts (2025-12-22), found the string "2025-12-22/2025-12-20"',
			'f.json:7:60: /events/1/title: expected a string, found number 5',
			'f.json:8:5: /events/2: missing required key "date"',
			'f.json:10:51: /quotes/0/speaker: "nobody" is not the id of any actor (see "actors")',
			'f.json:10:69: /quotes/0/kind: expected "direct" or "partial" or "paraphrase", found the string "full"',
			'f.json:11:32: /eras/0/date: expected an interval such as 2025-09/2026-01, found the single date "2025"',
		]);
	});

	it('checks references from quotes to events and sources', async () => {
		const lines = await report(
			minimal({
				actors: [{id: 'a', name: 'A'}],
				quotes: [{id: 'q', text: 't', speaker: 'a', events: ['gone'], source: 'nowhere'}],
			}),
		);
		expect(lines).toEqual([
			expect.stringMatching(/^f\.json:\d+:\d+: \/quotes\/0\/events\/0: "gone" is not the id of any event/),
			expect.stringMatching(/^f\.json:\d+:\d+: \/quotes\/0\/source: "nowhere" is not the id of any source/),
		]);
	});

	it('requires a source to say where it is from, and URLs to be URLs', async () => {
		const lines = await report(minimal({sources: [{id: 's'}, {id: 't', url: 'not a url'}]}));
		expect(lines.join('\n')).toMatch(/\/sources\/0: a source needs at least one of title, publisher or url/);
		expect(lines.join('\n')).toMatch(/\/sources\/1\/url: expected a URL/);
	});

	it('caps a long report at 50 lines and counts the rest', async () => {
		const events = Array.from({length: 80}, (_, i) => ({id: `e${i}`, date: 'nope', title: 't'}));
		const result = await loadText(minimal({events}), 'f.json', {strict: true});
		expect(result.ok).toBe(false);
		const lines = formatProblems((result as {problems: Problem[]}).problems);
		expect(lines).toHaveLength(51);
		expect(lines.at(-1)).toBe('f.json: … and 30 more problems');
	});
});

describe('not a timescope file', () => {
	it('names what was found instead', async () => {
		expect(await report('{"name": "pkg", "version": "1.0.0"}')).toEqual([
			'f.json:1:1: (root): not a timescope file: found an object with keys name, version; expected an object with "format": "timescope/1"',
		]);
		expect((await report('[1, 2, 3]'))[0]).toMatch(/found an array of 3 items/);
		expect((await report('{"format": "timescope/2", "title": "x"}'))[0]).toMatch(
			/unsupported format "timescope\/2": this version of timescope reads "timescope\/1"/,
		);
		expect(await report('hello world')).toEqual([
			'f.json:1:1: not a timescope file: found text starting with "hello world"; expected JSON',
		]);
	});

	it('refuses nesting deep enough to break the tools that read it', async () => {
		const deep = `${'['.repeat(300)}${']'.repeat(300)}`;
		const text = `{"format": "timescope/1", "title": "T", "events": [], "extensions": {"x": ${deep}}}`;
		expect(await report(text)).toEqual([
			expect.stringMatching(
				/^f\.json:1:\d+: \/extensions\/x\/0\/.*: expected at most 256 levels of nesting, found more$/,
			),
		]);
	});

	it('survives 200 000 levels of nesting with one clear line', async () => {
		const text = `{"format": "timescope/1", "title": "T", "events": [], "extensions": {"x": ${'['.repeat(200_000)}${']'.repeat(200_000)}}}`;
		expect(await report(text)).toHaveLength(1);
		const broken = `${'['.repeat(200_000)}`;
		expect(await report(broken)).toEqual([
			'f.json: is not valid JSON (nested too deeply to locate the error)',
		]);
	});
});

describe('files', () => {
	let dir: string;
	beforeAll(async () => {
		dir = await mkdtemp(join(tmpdir(), 'timescope-load-'));
		await writeFile(join(dir, 'empty.json'), '');
		await writeFile(join(dir, 'blank.json'), '  \n\t\n');
		await writeFile(join(dir, 'binary.json'), Buffer.from([0x7b, 0x00, 0x01, 0x02]));
		await writeFile(join(dir, 'latin1.json'), Buffer.from('{"title": "caf\xe9"}', 'latin1'));
		await writeFile(
			join(dir, 'utf16.json'),
			Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(minimal({}), 'utf16le')]),
		);
		await writeFile(join(dir, 'bom.json'), `\ufeff${minimal({})}`);
	});

	const first = async (name: string) => {
		const result = await loadDataset(name.startsWith('/') ? name : join(dir, name));
		return result.ok ? 'ok' : formatProblems(result.problems).join('\n').replace(dir, 'DIR');
	};

	it('gives one clear line for each file that cannot be read as text', async () => {
		expect(await first('missing.json')).toBe('DIR/missing.json: no such file');
		expect(await first(dir)).toBe(
			'DIR: is a directory; expected a timescope/1 JSON file or a TimelineJS file',
		);
		// An empty file is told every format timescope reads, since it holds none of them.
		const every =
			'expected one of: a timescope/1 JSON document; timescope/1 NDJSON (one item a line); TimelineJS 3 JSON ({"title": …, "events": […]}); TimelineJS 2 JSON ({"timeline": {"date": […]}}); a TimelineJS CSV (Google Sheets template): a header row Year, Month, Day, …, Headline, Text, … and a row per event';
		expect(await first('empty.json')).toBe(`DIR/empty.json: is empty (0 bytes): ${every}`);
		expect(await first('blank.json')).toBe(`DIR/blank.json: contains only whitespace: ${every}`);
		expect(await first('binary.json')).toBe(
			'DIR/binary.json: is a binary file (a NUL byte at offset 1); expected JSON or CSV text',
		);
		expect(await first('latin1.json')).toMatch(
			/^DIR\/latin1\.json:1:\d+: is not UTF-8 text \(byte 0xe9 at offset 1\d is no UTF-8 character\)/,
		);
	});

	it('reads UTF-16 and a UTF-8 byte order mark', async () => {
		expect(await first('utf16.json')).toBe('ok');
		expect(await first('bom.json')).toBe('ok');
	});
});
