import {mkdtemp, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {Readable} from 'node:stream';
import {describe, expect, it} from 'vitest';
import {loadDataset, loadText} from '../../source/dataset/load.js';
import {loadNdjson} from '../../source/dataset/ndjson.js';
import {formatProblems, PROBLEMS_KEPT} from '../../source/dataset/problems.js';
import {type Input, MAX_TEXT_BYTES, readText} from '../../source/dataset/read-input.js';

const ROOT = '{"format":"timescope/1","title":"T"}';
const event = (id: string, extra = '') => `{"event":{"id":"${id}","date":"2025","title":"${id}"${extra}}}`;

describe('duplicate keys', () => {
	it('are located problems: JSON keeps the last, so the first would be lost without a word', async () => {
		const text =
			'{"format": "timescope/1", "title": "T",\n "events": [{"id": "a", "date": "2025", "title": "A"}],\n "events": []}';
		const strict = await loadText(text, 'f.json', {strict: true});
		expect(formatProblems(strict.problems)).toEqual([
			'f.json:3:2: /events: duplicate key "events" (first at line 2, column 2): JSON keeps only the last, and the first value would be lost without a word',
		]);
		expect(strict.problems[0]?.params).toEqual({key: 'events', line: 2, column: 2});
	});

	it('leave an item with one out of a lenient load, and nothing else', async () => {
		const text =
			'{"format": "timescope/1", "title": "T", "events": [{"id": "a", "date": "2025", "title": "A", "title": "B"}, {"id": "b", "date": "2025", "title": "C"}]}';
		const loaded = await loadText(text, 'f.json');
		expect(loaded.ok && loaded.dataset.events.map((e) => e.id)).toEqual(['b']);
		expect(loaded.ok && loaded.skipped).toEqual({event: 1});
		expect(loaded.problems.map((p) => [p.pointer, p.code])).toEqual([['/events/0/title', 'duplicate-key']]);
	});

	it('leave an NDJSON line out, located on it', async () => {
		const result = await loadNdjson(
			Readable.from([`${ROOT}\n${event('a', ',"title":"again"')}\n${event('b')}\n`]),
			{
				file: 'a.ndjson',
				lenient: true,
			},
		);
		expect(result.ok && result.doc.events.map((e) => e.id)).toEqual(['b']);
		expect(
			result.problems.filter((p) => p.code === 'duplicate-key').map((p) => [p.line, p.column, p.pointer]),
		).toEqual([[2, 46, '/event/title']]);
	});

	it('are not mistaken in strings full of colons and escaped ones', async () => {
		const text = JSON.stringify({
			format: 'timescope/1',
			title: 'a: b: c',
			events: [{id: 'a', date: '2025', title: 'At 10:30: "quoted": yes', summary: 'x\u003ay'}],
		}).replace('x:y', 'x\\u003ay');
		const loaded = await loadText(text, 'f.json', {strict: true});
		expect(loaded.problems).toEqual([]);
	});
});

describe('a bad UTF-8 byte', () => {
	it('on line 5 of an NDJSON file is reported at its line and column; the other lines are kept', async () => {
		const bytes = Buffer.concat([
			Buffer.from(`${ROOT}\n${event('a')}\n${event('b')}\n${event('c')}\n{"event":{"id":"d","title":"caf`),
			Buffer.from([0xe9]),
			Buffer.from(`"}}\n${event('e')}\n`),
		]);
		const result = await loadNdjson(Readable.from([bytes]), {file: 'a.ndjson', lenient: true});
		expect(result.ok && result.doc.events.map((e) => e.id)).toEqual(['a', 'b', 'c', 'e']);
		expect(formatProblems(result.problems.filter((p) => p.code === 'not-utf8'))).toEqual([
			'a.ndjson:5:32: is not UTF-8 text on this line (an invalid byte sequence); save it as UTF-8',
		]);
	});

	it('in a JSON file is reported at its line and column', async () => {
		const dir = await mkdtemp(join(tmpdir(), 'timescope-utf8-'));
		const file = join(dir, 'latin1.json');
		await writeFile(
			file,
			Buffer.concat([Buffer.from('{\n  "title": "caf'), Buffer.from([0xe9]), Buffer.from('"\n}')]),
		);
		const loaded = await loadDataset(file);
		expect(formatProblems(loaded.problems)).toEqual([
			`${file}:2:16: is not UTF-8 text (byte 0xe9 at offset 17 is no UTF-8 character); save it as UTF-8`,
		]);
	});
});

describe('a million problems', () => {
	it('are counted to the last: the report says the true number', async () => {
		const bad = 2500;
		const lines = [ROOT, ...Array.from({length: bad}, (_, i) => event(`e${i}`, ',"colour":"red"'))];
		const result = await loadNdjson(Readable.from([lines.join('\n')]), {file: 'a.ndjson'});
		expect(result.ok).toBe(false);
		expect(result.problems).toHaveLength(PROBLEMS_KEPT);
		expect(result.omitted).toBe(bad - PROBLEMS_KEPT);
		expect(formatProblems(result.problems, {omitted: result.omitted}).at(-1)).toBe(
			'a.ndjson: … and 2,450 more problems',
		);
		const json = JSON.stringify({
			format: 'timescope/1',
			title: 'T',
			events: Array.from({length: 6000}, (_, i) => ({
				id: `e${i}`,
				date: i % 2 ? '2025' : 'never',
				title: 'x',
			})),
		});
		const loaded = await loadText(json, 'f.json');
		expect(loaded.ok && loaded.dataset.events).toHaveLength(3000);
		expect(loaded.ok && loaded.skipped).toEqual({event: 3000});
		expect(loaded.problems.length + loaded.omitted).toBe(3000);
	});

	it('quote a huge value in a few dozen characters, never whole', async () => {
		const huge = JSON.stringify('x'.repeat(100_000));
		const tl2 = `{"timeline":{"headline":"T","date":[{"startDate":"2001","headline":"ok"},{"startDate":${huge}}]}}`;
		const tl3 = `{"events":[{"start_date":{"year":2001},"text":{"headline":"ok"}},{"start_date":{"year":${huge}}}]}`;
		for (const text of [tl2, tl3]) {
			const loaded = await loadText(text, 'tl.json');
			const lines = formatProblems(loaded.problems, {omitted: loaded.omitted});
			expect(lines).toHaveLength(1);
			expect(lines[0]).toMatch(/found "x{60}…"/);
			expect(lines[0]?.length).toBeLessThan(300);
		}
	});

	it('from an imported timeline too: every slide left out is counted, the first thousand are located', async () => {
		const slides = 20_000;
		const tl3 = JSON.stringify({
			events: [
				{start_date: {year: 2001}, text: {headline: 'kept'}},
				...Array.from({length: slides}, () => ({start_date: {month: 3}, text: {headline: 'no year'}})),
			],
		});
		const started = performance.now();
		const loaded = await loadText(tl3, 'tl.json');
		expect(performance.now() - started).toBeLessThan(4000);
		expect(loaded.ok && loaded.dataset.events.map((e) => e.title)).toEqual(['kept']);
		expect(loaded.ok && loaded.skipped).toEqual({event: slides});
		expect(loaded.problems).toHaveLength(PROBLEMS_KEPT);
		expect(loaded.problems[0]?.line).toBe(1);
		expect(formatProblems(loaded.problems, {omitted: loaded.omitted}).at(-1)).toBe(
			'tl.json: … and 19,950 more problems',
		);
	});
});

describe('NDJSON counts', () => {
	const counted = (events: number) => `{"format":"timescope/1","title":"T","counts":{"events":${events}}}`;

	it('say a file cut at a line end is cut short', async () => {
		const text = `${counted(3)}\n${event('a')}\n${event('b')}\n`;
		const strict = await loadNdjson(Readable.from([text]), {file: 'a.ndjson'});
		expect(formatProblems(strict.problems)).toEqual([
			'a.ndjson:1:46: /counts: the file does not hold what its first line counts (3 events counted, 2 found): it is cut short, or still being written',
		]);
		const lenient = await loadNdjson(Readable.from([text]), {file: 'a.ndjson', lenient: true});
		expect(lenient.ok && lenient.doc.events).toHaveLength(2);
		expect(lenient.problems.map((p) => p.code)).toEqual(['truncated']);
	});

	it('pass a whole file without a word, and leave a file without them readable, with a note', async () => {
		const whole = await loadNdjson(Readable.from([`${counted(2)}\n${event('a')}\n${event('b')}\n`]));
		expect(whole).toMatchObject({ok: true, problems: []});
		const bare = await loadNdjson(Readable.from([`${ROOT}\n${event('a')}\n`]));
		expect(bare.ok && bare.problems.map((p) => [p.code, p.severity])).toEqual([['no-counts', 'note']]);
	});

	it('must be whole numbers of lists', async () => {
		const text = `{"format":"timescope/1","title":"T","counts":{"events":-1}}\n${event('a')}\n`;
		const result = await loadNdjson(Readable.from([text]));
		expect(result.problems.map((p) => [p.pointer, p.code])).toEqual([['/counts/events', 'bad-value']]);
	});
});

describe('standard input past the longest JSON text', () => {
	it('is refused as soon as it passes the limit, without holding it whole', async () => {
		const chunk = Buffer.alloc(64 << 20, 0x20);
		const input: Input = {
			file: '<stdin>',
			head: Buffer.from('['),
			async *rest() {
				// The same 64 MB again and again: only the count grows.
				for (let sent = 0; sent <= MAX_TEXT_BYTES; sent += chunk.length) yield chunk;
				throw new Error('read past the limit');
			},
			close: async () => {},
		};
		const result = await readText(input);
		expect(result.ok).toBe(false);
		expect(!result.ok && result.problem.code).toBe('too-large');
		expect(!result.ok && result.problem.message).toMatch(
			/it passed 512 MB, the most one JSON text can hold; write it as NDJSON/,
		);
	});
});

describe('a TimelineJS sheet cut short', () => {
	const sheet = 'Year,Month,Day,Headline,Text,Type\n2001,1,2,First,text one,\n2002,3,4,Second,text two,\n';

	it('is reported when it stops inside a row; a validate fails, a lenient load shows the rows with the problem', async () => {
		const cut = sheet.slice(0, sheet.length - 12);
		const strict = await loadText(cut, 'f.csv', {strict: true});
		expect(formatProblems(strict.problems)).toEqual([
			"f.csv:3:1: the last row has 4 of the header's 6 columns and no line end: the file looks cut short",
		]);
		const lenient = await loadText(cut, 'f.csv');
		expect(lenient.ok && lenient.dataset.events).toHaveLength(2);
		expect(lenient.problems.map((p) => p.code)).toEqual(['truncated']);
	});

	it('passes whole, with or without a last line end', async () => {
		expect((await loadText(sheet, 'f.csv', {strict: true})).problems).toEqual([]);
		expect((await loadText(sheet.trimEnd(), 'f.csv', {strict: true})).problems).toEqual([]);
	});
});
