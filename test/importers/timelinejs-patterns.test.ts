import {readdirSync, readFileSync} from 'node:fs';
import {parse} from 'csv-parse/sync';
import {describe, expect, it} from 'vitest';
import {formatDate} from '../../source/dataset/dates.js';
import {parseEdtf} from '../../source/dataset/edtf.js';
import {
	explainUnrecognised,
	type ImportProblem,
	textImporterFor,
} from '../../source/dataset/importers/index.js';
import type {TimescopeDocument} from '../../source/dataset/schema.js';
import {sharedExample, TIMELINEJS_EXAMPLES} from '../helpers/shared.js';
import {importText} from '../helpers/timelinejs.js';

/** One small file per pattern met in published timelines; see test/fixtures/timelinejs/SOURCES.md. */

const FIXTURES = new URL('../fixtures/timelinejs/', import.meta.url);
const fixture = (name: string) => readFileSync(new URL(name, FIXTURES), 'utf8');

function open(name: string) {
	const result = importText(fixture(name), name);
	if (!result.ok) throw new Error(`${name}: ${JSON.stringify(result.problems)}`);
	return result;
}

const dates = (doc: TimescopeDocument) => doc.events.map((e) => [e.title, e.date]);
const shown = (edtf: string) => {
	const parsed = parseEdtf(edtf);
	if (!parsed.ok) throw new Error(parsed.message);
	return formatDate(parsed.date);
};

describe('BCE years: TimelineJS -500 is 500 BCE, EDTF -0499', () => {
	const expected = [
		['Five hundred BCE', '-0499'],
		['A March day in 44 BCE', '-0043-03-15'],
	];

	it('in TimelineJS 3 JSON, on both sides of the boundary, in ranges and eras across it', () => {
		const {doc, skipped: problems} = open('bce-years.json');
		expect(problems).toEqual([]);
		expect(dates(doc)).toEqual([
			...expected,
			['Two BCE', '-0001'],
			['One BCE', '0000'],
			['Year zero as written', '0000'],
			['One CE', '0001'],
			['A span across the boundary', '-0043/0014'],
			['A date with its own wording', '-0752'],
		]);
		expect(doc.eras).toEqual([
			{id: 'an-era-across-the-boundary', date: '-0026/0014', title: 'An era across the boundary'},
		]);
		expect(doc.events.find((e) => e.date === '-0752')?.dateText).toBe('753 BC (traditional)');
		// Year 0 has no BCE reading of its own: what the file says is kept beside the date.
		expect(doc.events[4]?.extensions?.timelinejs).toEqual({start_date: {year: '0'}});
		expect(shown('-0499')).toMatch(/500/);
	});

	it('in TimelineJS 2 startDate strings', () => {
		const {doc, skipped: problems} = open('bce-years-v2.json');
		expect(problems).toEqual([]);
		expect(dates(doc)).toEqual([
			['Five hundred BC', '-0499'],
			['A March day in 44 BC', '-0043-03-15'],
			['From 1 BC to 1 AD', '0000/0001'],
		]);
	});

	it('in the Sheets Year column', () => {
		const {doc, skipped: problems} = open('bce-years.csv');
		expect(problems).toEqual([]);
		expect(dates(doc)).toEqual([...expected, ['From 1 BCE to 1 CE', '0000/0001']]);
	});
});

describe("deep time, on TimelineJS's cosmological scale", () => {
	it('opens every event and era, in EDTF long years, shown in years ago', () => {
		const {doc, skipped: problems} = open('deep-time.json');
		expect(problems).toEqual([]);
		expect(dates(doc)).toEqual([
			['The universe begins', 'Y-13799999999'],
			['The Earth forms', 'Y-4539999999/Y-4499999999'],
			['The dinosaurs die out', 'Y-65999999'],
			['Early modern humans', 'Y-299999'],
			['Writing', '-2999'],
			['A walk on the Moon', '1969-07-20'],
		]);
		expect(doc.eras).toEqual([{id: 'the-mesozoic', date: 'Y-251999999/Y-65999999', title: 'The Mesozoic'}]);
		expect(shown('Y-13799999999')).toBe('13.8 billion years ago');
		expect(shown('Y-299999')).toBe('300,000 BC');
	});
});

describe('one event without a usable date never hides the rest', () => {
	it('leaves out the event whose parts are all empty, and the slide with no start_date, saying where', () => {
		const {doc, skipped: problems} = open('empty-date-parts.json');
		expect(dates(doc)).toEqual([
			['A dated event', '1969-06-28'],
			['An event with an empty end', '1970'],
		]);
		expect(problems.map((p) => [p.code, p.item, p.pointer])).toEqual([
			['skipped-item', {kind: 'event', index: 1}, '/events/1/start_date'],
			['skipped-item', {kind: 'event', index: 3}, '/events/3'],
		]);
	});

	it('reads dates readable only in part down to what they say, with a note each', () => {
		const {doc, skipped: problems} = open('partial-dates.json');
		expect(dates(doc).map(([, date]) => date)).toEqual(['2001', '1900', '2001-02', '2001-05/', '2001-05/']);
		expect(problems.map((p) => [p.severity, p.pointer])).toEqual([
			['note', '/events/0/start_date/month'],
			['note', '/events/1/start_date/day'],
			['note', '/events/2/start_date/day'],
			['note', '/events/3/end_date'],
			['note', '/events/4/end_date/year'],
		]);
	});
});

describe('TimelineJS 2 "era" written as an object', () => {
	it('is one era when it has dates', () => {
		const {doc, skipped: problems} = open('era-object-v2.json');
		expect(problems).toEqual([]);
		expect(doc.eras).toEqual([{id: '2012년', date: '2012-01-01/2012-12-31', title: '2012년'}]);
		expect(doc.events).toHaveLength(2);
	});

	it('is ignored with a note when it has none, and the file still opens', () => {
		const {doc, skipped: problems} = open('era-object-undated-v2.json');
		expect(doc.events).toHaveLength(1);
		expect(doc.eras).toBeUndefined();
		expect(problems).toEqual([expect.objectContaining({severity: 'note', pointer: '/timeline/era'})]);
	});
});

describe('titles', () => {
	it('takes the headline of a title written as a one-element list, and keeps the list', () => {
		const {doc} = open('list-title.json');
		expect(doc.title).toBe('A title written as a list');
		expect(doc.summary).toMatch(/^Written for timescope's tests/);
		expect(doc.extensions?.timelinejs).toMatchObject({title: JSON.parse(fixture('list-title.json')).title});
		expect(dates(doc)).toEqual([['A long span', '1879/1939']]);
		expect(doc.events[0]?.tags).toEqual(['A group']);
	});

	it('gives a timeline without title the same title from a file and from stdin', () => {
		const text = fixture('no-title.json');
		const fromFile = importText(text, '/data/no-title.json');
		const fromStdin = importText(text, '<stdin>');
		expect(fromFile).toEqual(fromStdin);
		if (!fromFile.ok) throw new Error('not ok');
		expect(fromFile.doc.title).toBe('Untitled TimelineJS timeline');
	});
});

describe('ids in Korean and other scripts', () => {
	it('are stored composed (NFC), as the headline reads, and a unique_id in Hangul is kept as is', () => {
		const {doc} = open('korean-ids.json');
		expect(doc.events.map((e) => e.id)).toEqual([
			'1961-06-10-중앙정보부-탄생',
			'안기부',
			'2020-カタカナ-と-ひらがな',
		]);
		for (const event of doc.events) expect(event.id).toBe(event.id.normalize('NFC'));
	});
});

describe('media', () => {
	it('keeps both the asset and the media list of a TimelineJS 2 slide', () => {
		const {doc} = open('asset-and-media-v2.json');
		const [slide] = doc.events;
		expect(doc.sources).toEqual([
			{
				id: 'media-2012-01-09-통신심의-폐지-1인시위',
				title: "The asset's own caption",
				publisher: 'Photo desk',
				url: 'https://example.org/protest.jpg',
			},
		]);
		const original = JSON.parse(fixture('asset-and-media-v2.json')).timeline.date[0];
		expect(slide?.extensions?.timelinejs).toMatchObject({
			layout: 'triple',
			timelinejs2: {media: original.media},
			media: {url: original.asset.media, caption: original.asset.caption, credit: original.asset.credit},
		});
	});

	it('lists a media URL once: no caption, or a caption or credit that repeats it, adds no title', () => {
		const {doc} = open('media-without-caption.json');
		expect(doc.sources?.map(({title, publisher, url}) => ({title, publisher, url}))).toEqual([
			{
				title: undefined,
				publisher: undefined,
				url: 'https://example.org/a/very/long/path/to/a/photo-of-the-evening-session-with-a-long-name.jpg',
			},
			{title: undefined, publisher: 'https://example.org/source-page', url: 'https://example.org/photo.jpg'},
			{title: 'The evening session', publisher: undefined, url: 'https://example.org/other.jpg'},
		]);
	});
});

describe('other date forms met in published files', () => {
	it('reads the first Sheets template, month first, and leaves out a day-first date it cannot tell', () => {
		const {doc, skipped: problems} = open('first-template.csv');
		expect(doc.title).toBe('A first-template sheet');
		expect(dates(doc)).toEqual([
			['Month first', '2011-12-10/2011-12-11'],
			['A month', '2011-01'],
			['With a time of day', '1810-11-09T00:00:00'],
		]);
		expect(doc.events[0]?.tags).toEqual(['Meetings']);
		expect(problems).toEqual([
			expect.objectContaining({line: 6, column: 1, item: {kind: 'event', index: 3}}),
		]);
	});

	it('keeps the UTC offset of ISO dates in TimelineJS 2 files', () => {
		const {doc, skipped: problems} = open('v2-time-zones.json');
		expect(problems).toEqual([]);
		expect(dates(doc)).toEqual([
			['The first gathering', '2014-12-06T17:00:00-08:00'],
			['After midnight', '2014-12-07T01:02:00Z/2014-12-07T03:00:00Z'],
		]);
	});

	it('tells a CSV that is not a sheet which columns a TimelineJS sheet has', () => {
		const text = fixture('not-a-sheet.csv');
		expect(textImporterFor(text)).toBeUndefined();
		expect(explainUnrecognised({text})?.message).toMatch(
			/^not a TimelineJS sheet: .*Year, Month, Day, Time, End Year/,
		);
	});
});

/**
 * Every string of the source is somewhere in the converted document, as written or, where timescope
 * shows it converted (HTML made plain), kept under extensions; an item left out is accounted for by
 * its problem instead. Date parts are checked as dates above (BCE years move by one).
 */
describe('nothing is dropped', () => {
	const DATE_PARTS = new Set(['year', 'month', 'day', 'hour', 'minute', 'second', 'millisecond']);
	const DATE_COLUMNS = new Set([
		'Year',
		'Month',
		'Day',
		'Time',
		'End Year',
		'End Month',
		'End Day',
		'End Time',
		'Start Date',
		'End Date',
	]);

	/** [string, where] pairs of a JSON source, minus date parts and the items left out. */
	function jsonStrings(value: unknown, skippedRoots: string[]): Array<[string, string]> {
		const found: Array<[string, string]> = [];
		const walk = (v: unknown, pointer: string, key: string, parent: string) => {
			if (skippedRoots.some((root) => pointer === root || pointer.startsWith(`${root}/`))) return;
			if ((parent === 'start_date' || parent === 'end_date') && DATE_PARTS.has(key)) return;
			if (typeof v === 'string') found.push([v, pointer]);
			else if (v && typeof v === 'object') {
				for (const [k, x] of Object.entries(v)) walk(x, `${pointer}/${k}`, k, key);
			}
		};
		walk(value, '', '', '');
		return found;
	}

	function csvStrings(text: string, problems: ImportProblem[]): Array<[string, string]> {
		const records = parse(text, {columns: true, bom: true, info: true, relax_column_count: true}) as Array<{
			record: Record<string, string>;
			info: {lines: number};
		}>;
		const skippedLines = problems.filter((p) => p.item).map((p) => p.line);
		const found: Array<[string, string]> = [];
		records.forEach(({record, info}, index) => {
			const next = records[index + 1]?.info.lines ?? Number.POSITIVE_INFINITY;
			// `info.lines` counts the line a record ends on; a problem's line lies within its record.
			const first = index === 0 ? 2 : (records[index - 1]?.info.lines ?? 0) + 1;
			if (
				skippedLines.some((line) => line !== undefined && line >= first && line <= Math.min(info.lines, next))
			)
				return;
			for (const [column, cell] of Object.entries(record)) {
				if (!DATE_COLUMNS.has(column.trim())) found.push([cell, `line ${info.lines} ${column}`]);
			}
		});
		return found;
	}

	const files: Array<[string, () => string]> = [
		...readdirSync(FIXTURES)
			.filter((name) => /\.(json|csv)$/.test(name) && name !== 'not-a-sheet.csv')
			.map((name): [string, () => string] => [name, () => fixture(name)]),
		...TIMELINEJS_EXAMPLES.map((name): [string, () => string] => [name, () => sharedExample(name)]),
	];

	it.each(files)('%s', (name, read) => {
		const text = read();
		const result = importText(text, name);
		if (!result.ok) throw new Error(JSON.stringify(result.problems));
		const haystack = JSON.stringify(result.doc);
		const skippedRoots = result.skipped
			.filter((p) => p.item && p.pointer !== undefined)
			.map((p) =>
				(p.pointer ?? '')
					.split('/')
					.slice(0, p.pointer?.startsWith('/timeline/') ? 4 : 3)
					.join('/'),
			);
		const strings = name.endsWith('.csv')
			? csvStrings(text, result.skipped)
			: jsonStrings(JSON.parse(text), skippedRoots);
		expect(strings.length).toBeGreaterThan(0);
		const missing = strings.filter(
			([s]) => s.trim() !== '' && !haystack.includes(JSON.stringify(s).slice(1, -1)),
		);
		expect(missing).toEqual([]);
	});
});
