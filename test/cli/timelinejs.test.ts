import {readFile} from 'node:fs/promises';
import {fileURLToPath} from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import {describe, expect, it} from 'vitest';
import {runCli} from '../helpers/run-cli.js';
import {sharedExamplePath} from '../helpers/shared.js';
import {timelineJsReads} from '../helpers/timelinejs-reads.js';

const fixture = (name: string) =>
	name.startsWith('TimelineJS3__')
		? sharedExamplePath(name)
		: fileURLToPath(new URL(`../fixtures/timelinejs/${name}`, import.meta.url));
const SCHEMA = fileURLToPath(new URL('../../schema/timescope-1.schema.json', import.meta.url));

const EXAMPLES = [
	['TimelineJS3__website__examples__twain__marktwain.json', 17, 0],
	['TimelineJS3__src__template__eras.json', 20, 3],
	['TimelineJS3__contrib__women_in_computing.json', 10, 0],
	['TimelineJS3__contrib__women_in_computing.csv', 10, 0],
	['timelinejs2-sample.json', 4, 1],
] as const;

describe('TimelineJS files', () => {
	it.each(EXAMPLES)(
		'%s converts to valid timescope/1 with %i events and %i eras',
		async (name, events, eras) => {
			const ajv = new Ajv2020.default({allErrors: true, strict: false});
			addFormats.default(ajv);
			const validate = ajv.compile(JSON.parse(await readFile(SCHEMA, 'utf8')));
			for (const args of [
				['convert', fixture(name)],
				[fixture(name), '--json'],
			]) {
				const run = await runCli(args);
				expect(run.stderr).toBe('');
				expect(run.code).toBe(0);
				const doc = JSON.parse(run.stdout);
				expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
				expect(doc.events).toHaveLength(events);
				expect(doc.eras ?? []).toHaveLength(eras);
			}
			const check = await runCli(['validate', fixture(name)]);
			expect(check.stdout).toContain(`: ok (TimelineJS`);
		},
	);

	it('reads TimelineJS from standard input, telling CSV from JSON by content', async () => {
		const csv = await readFile(fixture('TimelineJS3__contrib__women_in_computing.csv'));
		const fromCsv = await runCli(['-', '--print'], {stdin: csv});
		expect(fromCsv.code).toBe(0);
		expect(fromCsv.stdout).toMatch(/^Women in Computing\n10 events · 0 quotes\n/);
		expect(fromCsv.stdout).toContain(
			'Take Ada Lovelace\n  (https://en.wikipedia.org/wiki/Ada_Lovelace): Daughter of Lord Byron',
		);
		const json = await readFile(fixture('TimelineJS3__src__template__eras.json'));
		const fromJson = await runCli(['-', '--print'], {stdin: json});
		expect(fromJson.stdout).toMatch(/^Eras Test\n20 events · 0 quotes\n/);
		expect(fromJson.stdout).toContain('9–23 Aug 622\n  Muhammad Migrates from Mecca to Medina');
	});

	it('prints each media URL once per source, whole, even past the width', async () => {
		const run = await runCli([fixture('media-without-caption.json'), '--print'], {env: {COLUMNS: '40'}});
		expect(run.code).toBe(0);
		const long =
			'https://example.org/a/very/long/path/to/a/photo-of-the-evening-session-with-a-long-name.jpg';
		const lines = run.stdout.split('\n');
		// On the event and in the list of sources: twice in all, each time whole, on a line of its own.
		expect(lines.filter((line) => line.includes(long)).map((line) => line.trim())).toEqual([
			long,
			`${long};`,
		]);
		for (const line of lines) if (!line.includes('://')) expect(line.length).toBeLessThanOrEqual(40);
		const photo = lines.filter((line) => line.includes('https://example.org/photo.jpg'));
		expect(photo).toHaveLength(2);
		expect(run.stdout).not.toContain('https://example.org/photo.jpg,\n  https://example.org/photo.jpg');
	});

	it('convert --as timelinejs writes TimelineJS 3 JSON that TimelineJS reads as the original', async () => {
		for (const name of ['TimelineJS3__src__template__eras.json', 'bce-years.json']) {
			const run = await runCli(['convert', fixture(name), '--as', 'timelinejs']);
			expect(run.stderr).toBe('');
			expect(run.code).toBe(0);
			const original = JSON.parse(await readFile(fixture(name), 'utf8'));
			expect(timelineJsReads(JSON.parse(run.stdout))).toEqual(timelineJsReads(original));
		}
		const csv = await runCli(['convert', fixture('bce-years.csv'), '--as', 'timelinejs']);
		expect(JSON.parse(csv.stdout).events.map((e: {start_date: unknown}) => e.start_date)).toEqual([
			{year: '-500'},
			{year: '-44', month: '3', day: '15'},
			{year: '-1'},
		]);
		const wrong = await runCli(['convert', fixture('bce-years.csv'), '--as', 'html']);
		expect(wrong.code).toBe(2);
		expect(wrong.stderr).toMatch(/--as expects timescope or timelinejs, found "html"/);
	});

	it('--event finds an id in Hangul however the terminal composed it', async () => {
		for (const typed of ['안기부', '안기부'.normalize('NFD')]) {
			const run = await runCli([fixture('korean-ids.json'), '--print', '--event', typed]);
			expect(run.code).toBe(0);
			expect(run.stdout).toContain('국가안전기획부로 개칭');
			expect(run.stdout).not.toContain('중앙정보부 탄생');
		}
	});

	it('opens every event it can, and says where and why it left one out', async () => {
		const text =
			'{\n  "events": [\n    {"start_date": {"year": 2001}, "text": {"headline": "Dated"}},\n    {"text": {"headline": "No date"}}\n  ]\n}';
		const problem = '<stdin>:4:5: /events/1: no start_date: TimelineJS leaves such a slide out too\n';
		const printed = await runCli(['-', '--print'], {stdin: text});
		expect(printed.code).toBe(3);
		expect(printed.stdout).toContain('2001\n  Dated');
		expect(printed.stderr).toBe(problem);
		const strict = await runCli(['-', '--print', '--strict'], {stdin: text});
		expect([strict.code, strict.stdout, strict.stderr]).toEqual([1, '', problem]);
	});

	it('convert refuses to write part of a file unless told --skip-invalid, then lists what it left out', async () => {
		const file = fixture('empty-date-parts.json');
		const refused = await runCli(['convert', file]);
		expect(refused.code).toBe(1);
		expect(refused.stdout).toBe('');
		expect(refused.stderr).toMatch(/\/events\/1\/start_date: start_date has no year/);
		expect(refused.stderr).toMatch(/nothing written; --skip-invalid writes the items that can be read/);
		for (const as of ['timescope', 'timelinejs']) {
			const partial = await runCli(['convert', file, '--skip-invalid', '--as', as]);
			expect(partial.code).toBe(3);
			expect(JSON.parse(partial.stdout).events).toHaveLength(2);
			expect(partial.stderr.trim().split('\n')).toEqual([
				expect.stringMatching(
					/empty-date-parts\.json:\d+:\d+: \/events\/1\/start_date: start_date has no year/,
				),
				expect.stringMatching(/empty-date-parts\.json:\d+:\d+: \/events\/3: no start_date/),
			]);
		}
		// Notes leave nothing out: the file is written, the note said, and the exit code is 0.
		const noted = await runCli(['convert', fixture('partial-dates.json')]);
		expect(noted.code).toBe(0);
		expect(JSON.parse(noted.stdout).events).toHaveLength(5);
		expect(noted.stderr).toMatch(
			/note: month must be a whole number from 1 to 12, found "13"; read as year 2001/,
		);
	});
});
