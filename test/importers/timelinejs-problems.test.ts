import {describe, expect, it} from 'vitest';
import {
	explainUnrecognised,
	type ImportProblem,
	type ImportResult,
	jsonImporterFor,
	textImporterFor,
	timelineJs2,
	timelineJs3,
	timelineJsCsv,
} from '../../source/dataset/importers/index.js';
import {importTimelineJsCsv} from '../../source/dataset/importers/timelinejs-csv.js';
import {sharedExample} from '../helpers/shared.js';

function importJson(value: unknown): ImportResult {
	const importer = jsonImporterFor(value);
	if (!importer) throw new Error(`not recognised: ${JSON.stringify(value)}`);
	return importer.import(value, 'x.json');
}

/** The document and its problems, for an input that opens. */
function opened(result: ImportResult) {
	if (!result.ok) throw new Error(`expected a document, got ${JSON.stringify(result.problems)}`);
	return result;
}

function refused(result: ImportResult): ImportProblem[] {
	if (result.ok) throw new Error('expected the input to be refused');
	return result.problems;
}

const event = (start: unknown, extra: Record<string, unknown> = {}) => ({
	start_date: start,
	text: {headline: 'An event'},
	...extra,
});

describe('one bad TimelineJS 3 event never hides the others', () => {
	it('leaves out an event without a usable start date, with a located skipped-item problem', () => {
		const result = opened(
			importJson({
				events: [
					event({year: 2001}),
					{text: {headline: 'No date'}},
					event({year: '', month: '', day: ''}),
					event(null),
					event('2001-01-01'),
					event({year: 'MMI'}),
					'text',
					event({year: 2002}),
				],
			}),
		);
		expect(result.doc.events.map((e) => e.date)).toEqual(['2001', '2002']);
		expect(result.skipped).toEqual([
			{
				code: 'skipped-item',
				params: {kind: 'event', index: 1, reason: 'no start_date: TimelineJS leaves such a slide out too'},
				message: 'no start_date: TimelineJS leaves such a slide out too',
				item: {kind: 'event', index: 1},
				pointer: '/events/1',
			},
			expect.objectContaining({
				item: {kind: 'event', index: 2},
				pointer: '/events/2/start_date',
				message: 'start_date has no year: TimelineJS would place it in year 0',
			}),
			expect.objectContaining({item: {kind: 'event', index: 3}, pointer: '/events/3/start_date'}),
			expect.objectContaining({
				item: {kind: 'event', index: 4},
				pointer: '/events/4/start_date',
				message: expect.stringMatching(/^a date must be an object such as \{"year": 1835/),
			}),
			expect.objectContaining({item: {kind: 'event', index: 5}, pointer: '/events/5/start_date/year'}),
			expect.objectContaining({
				item: {kind: 'event', index: 6},
				pointer: '/events/6',
				message: 'an event must be an object, found "text"',
			}),
		]);
		for (const problem of result.skipped) expect(problem.code).toBe('skipped-item');
	});

	it('opens an event whose date is readable only in part at what it says, with a note on the part', () => {
		const result = opened(
			importJson({
				events: [
					event({year: '2001', month: '13'}),
					event({year: 2001, month: 5}, {end_date: {year: 2001, month: 4}}),
					event({year: 1900, day: 5}),
				],
			}),
		);
		expect(result.doc.events.map((e) => e.date)).toEqual(['2001', '2001-05/', '1900']);
		expect(result.skipped).toEqual([
			{
				code: 'bad-date',
				params: {},
				severity: 'note',
				pointer: '/events/0/start_date/month',
				message: 'month must be a whole number from 1 to 12, found "13"; read as year 2001',
			},
			expect.objectContaining({
				severity: 'note',
				pointer: '/events/1/end_date',
				message: 'the end date (2001-04) is before the start date (2001-05); the end is left unknown',
			}),
			expect.objectContaining({severity: 'note', pointer: '/events/2/start_date/day'}),
		]);
		// What was not used is kept as written.
		expect(result.doc.events[0]?.extensions?.timelinejs).toMatchObject({
			start_date: {year: '2001', month: '13'},
		});
	});

	it('leaves out an era without an end, or without a start, and keeps the others', () => {
		const result = opened(
			importJson({
				events: [event({year: 2001})],
				eras: [
					{start_date: {year: 2000}, text: {headline: 'No end'}},
					{end_date: {year: 2000}, text: {headline: 'No start'}},
					{start_date: {year: 1990}, end_date: {year: 1999}, text: {headline: 'Nineties'}},
				],
			}),
		);
		expect(result.doc.eras).toEqual([{id: 'nineties', date: '1990/1999', title: 'Nineties'}]);
		expect(result.skipped.map((p) => [p.code, p.item, p.pointer])).toEqual([
			['skipped-item', {kind: 'era', index: 0}, '/eras/0'],
			['skipped-item', {kind: 'era', index: 1}, '/eras/1'],
		]);
	});

	it('refuses only what is not a TimelineJS timeline at all, with one clear problem', () => {
		expect(refused(importJson({events: {}, title: {}}))).toEqual([
			{
				code: 'not-timelinejs',
				params: {found: 'an object'},
				pointer: '/events',
				message: 'expected a list of events, found an object',
			},
		]);
		for (const value of [
			null,
			[],
			42,
			'text',
			{events: [1, 2]},
			{format: 'other', events: []},
			{format: 'timescope/1', events: []},
		]) {
			expect(jsonImporterFor(value)).toBeUndefined();
		}
	});

	it('explains the draft TimelineJS 3 shape that TimelineJS never read', () => {
		expect(explainUnrecognised({json: {timeline: {slides: [{date: {year: 1}}]}}})).toMatchObject({
			pointer: '/timeline/slides',
			message: expect.stringMatching(/TimelineJS itself does not read/),
		});
	});
});

describe('TimelineJS 2: skipped slides point into the v2 file', () => {
	it('a slide without startDate, or with one that cannot be read, is left out', () => {
		const result = opened(
			importJson({
				timeline: {
					headline: 'v2',
					date: [{startDate: '2011,12,10', headline: 'ok'}, {startDate: 'soon'}, {headline: 'none'}],
				},
			}),
		);
		expect(result.doc.events.map((e) => e.title)).toEqual(['ok']);
		expect(result.skipped.map((p) => [p.pointer, p.message])).toEqual([
			['/timeline/date/1/startDate', expect.stringMatching(/found "soon"$/)],
			['/timeline/date/2', expect.stringMatching(/^no start_date/)],
		]);
	});

	it('an end before the start leaves the end unknown, noted at endDate', () => {
		const result = opened(importJson({timeline: {date: [{startDate: '2011', endDate: '2010'}]}}));
		expect(result.doc.events[0]?.date).toBe('2011/');
		expect(result.skipped).toEqual([
			expect.objectContaining({severity: 'note', pointer: '/timeline/date/0/endDate'}),
		]);
	});

	it('refuses a timeline object without a date list', () => {
		expect(refused(importJson({timeline: {headline: 'No dates'}}))).toEqual([
			{
				code: 'not-timelinejs',
				params: {found: 'none'},
				pointer: '/timeline',
				message: 'expected "date" to be a list of slides, found none',
			},
		]);
	});

	it('takes an era object with dates as one era, and notes one without (both real Korean files have one)', () => {
		const slides = [{startDate: '2012,1,4', headline: '워크샵'}];
		const dated = opened(
			importJson({timeline: {date: slides, era: {startDate: '2012', endDate: '2013', headline: '2012년'}}}),
		);
		expect(dated.doc.eras).toEqual([{id: '2012년', date: '2012/2013', title: '2012년'}]);
		expect(dated.skipped).toEqual([]);
		const undated = opened(importJson({timeline: {date: slides, era: {startDate: '', headline: ''}}}));
		expect(undated.doc.eras).toBeUndefined();
		expect(undated.doc.events).toHaveLength(1);
		expect(undated.skipped).toEqual([
			expect.objectContaining({
				severity: 'note',
				pointer: '/timeline/era',
				message: expect.stringMatching(/ignored/),
			}),
		]);
		const junk = opened(importJson({timeline: {date: slides, era: 5}}));
		expect(junk.skipped).toEqual([expect.objectContaining({severity: 'note', pointer: '/timeline/era'})]);
	});

	it('an era object whose end cannot be read is left out at its own path', () => {
		const result = opened(
			importJson({timeline: {date: [{startDate: '2011'}], era: {startDate: '2011', endDate: 'later'}}}),
		);
		expect(result.doc.eras).toBeUndefined();
		expect(result.skipped.map((p) => [p.severity, p.item, p.pointer])).toEqual([
			['note', undefined, '/timeline/era/endDate'],
			[undefined, {kind: 'era', index: 0}, '/timeline/era/endDate'],
		]);
	});
});

describe('TimelineJS CSV: problems with line and column', () => {
	const header = 'Year,Month,Day,Time,End Year,End Month,End Day,End Time,Display Date,Headline,Text\n';

	it('points at the cell, counting the lines of multi-line quoted cells before it', () => {
		const csv = `${header}2001,2,3,,,,,,,"Multi\nline",x\n\n2001,13,3,,,,,,,Bad month,y\r\n1999,1,1,25:00,,,,,,"Bad\r\ntime",z\n2001,1,1,,,,,,,"a\nb","c\n""d"",\ne",,2001,x\n`;
		const result = opened(importTimelineJsCsv(csv, 'x.csv'));
		expect(result.doc.events.map((e) => e.date)).toEqual(['2001-02-03', '2001', '2001-01-01']);
		expect(result.skipped.map(({line, column, message, item}) => ({line, column, message, item}))).toEqual([
			{
				line: 5,
				column: 6,
				message: 'month must be a whole number from 1 to 12, found "13"; read as year 2001',
				item: undefined,
			},
			{
				line: 6,
				column: 10,
				message: expect.stringMatching(/^expected a time such as 10:30/),
				item: {kind: 'event', index: 2},
			},
		]);
	});

	it('an end before the start is noted at End Year; a row without Year is left out at its Year cell', () => {
		const csv = `${header}2001,,,,1999,,,,,Backwards,\n,5,,,,,,,,No year,\n`;
		const result = opened(importTimelineJsCsv(csv, 'x.csv'));
		expect(result.doc.events.map((e) => e.date)).toEqual(['2001/']);
		expect(result.skipped.map(({line, column, severity}) => ({line, column, severity}))).toEqual([
			{line: 2, column: 9, severity: 'note'},
			{line: 3, column: 1, severity: undefined},
		]);
	});

	it('reads the first template (Start Date, End Date), month first as TimelineJS does', () => {
		const csv =
			'Start Date,End Date,Headline,Text,Tag\n12/10/2011,,Meeting,,\n1/2011 ,,Month,,\n11/09/1810 0:00:00,,Plan,,\n11-09-1810,,Ambiguous,,\n';
		const result = opened(importTimelineJsCsv(csv, 'x.csv'));
		expect(result.doc.events.map((e) => e.date)).toEqual(['2011-12-10', '2011-01', '1810-11-09T00:00:00']);
		expect(result.skipped).toEqual([
			expect.objectContaining({line: 5, column: 1, item: {kind: 'event', index: 3}}),
		]);
	});

	it('broken CSV quoting and an empty sheet are refused with their line', () => {
		expect(refused(importTimelineJsCsv('Year,Headline\n2001,"unclosed\n', 'x.csv'))).toEqual([
			expect.objectContaining({
				line: 2,
				column: 1,
				message: expect.stringMatching(/^not valid CSV: Quote Not Closed/),
			}),
		]);
		expect(refused(importTimelineJsCsv('', 'x.csv'))).toEqual([
			expect.objectContaining({
				line: 1,
				message: expect.stringMatching(/^no header row: expected Year, Month, Day/),
			}),
		]);
	});
});

describe('a CSV that is not a TimelineJS sheet is told what one looks like', () => {
	it('names the missing columns, every column of the template and the header found', () => {
		const [problem] = refused(importTimelineJsCsv('Month,Day,Text\n1,2,x\n', 'x.csv'));
		expect(problem).toMatchObject({code: 'not-a-sheet', line: 1, column: 1});
		expect(problem?.message).toBe(
			'not a TimelineJS sheet: no "Year" or "Headline" column. A TimelineJS sheet\'s header row names Year, Month, Day, Time, End Year, End Month, End Day, End Time, Display Date, Headline, Text, Media, Media Credit, Media Caption, Media Thumbnail, Type, Group, Background; this one names "Month", "Day", "Text"',
		);
		expect(explainUnrecognised({text: ',Date,Event,Country\n0,1610,Telescope,Venice\n'})?.message).toMatch(
			/^not a TimelineJS sheet: no "Year" or "Headline" column\. .*this one names "", "Date", "Event", "Country"$/,
		);
	});

	it('says nothing of sheets about text that is not CSV', () => {
		for (const text of ['hello world', 'plain\ntext\n', '{"events": [']) {
			expect(explainUnrecognised({text})).toBeUndefined();
		}
	});
});

describe('TimelineJS CSV reading', () => {
	it('matches columns by header text in any order, case and spacing, with Tag for Group', () => {
		const csv =
			' HEADLINE ,tag,year,MONTH,day,time,endyear,displaydate,Type,Background,Notes\r\n' +
			'Evening vote,Politics,"1,963",11,22,12:30 PM,,Friday afternoon,,#112233,my own note\r\n' +
			'The 60s,,1960,,,,1969,,era,,\r\n' +
			'A title,,,,,,,,TITLE,,\r\n';
		const {doc} = opened(importTimelineJsCsv(csv, 'sheet.csv'));
		expect(doc.title).toBe('A title');
		expect(doc.eras).toEqual([{id: 'the-60s', date: '1960/1969', title: 'The 60s'}]);
		expect(doc.events).toEqual([
			{
				id: '1963-11-22-evening-vote',
				date: '1963-11-22T12:30:00',
				dateText: 'Friday afternoon',
				title: 'Evening vote',
				tags: ['Politics'],
				extensions: {timelinejs: {background: {color: '#112233'}, columns: {Notes: 'my own note'}}},
			},
		]);
	});

	it('shows a second title row as an event, as TimelineJS does', () => {
		const {doc} = opened(
			importTimelineJsCsv('Year,Headline,Type\n,First,title\n2001,Second,title\n', 's.csv'),
		);
		expect(doc.title).toBe('First');
		expect(doc.events.map((e) => [e.title, e.extensions?.timelinejs])).toEqual([['Second', {type: 'title'}]]);
	});

	it('skips blank rows; a sheet without a title row gets the same title from a file as from stdin', () => {
		const fromFile = opened(importTimelineJsCsv('Year,Headline\n\n,\n2001,Only\n', '/tmp/My timeline.csv'));
		const fromStdin = opened(importTimelineJsCsv('Year,Headline\n\n,\n2001,Only\n', '<stdin>'));
		expect(fromFile.doc.title).toBe('Untitled TimelineJS timeline');
		expect(fromFile.doc).toEqual(fromStdin.doc);
		expect(fromFile.doc.extensions?.timescope).toMatchObject({titleFrom: 'none'});
		expect(fromFile.doc.events).toHaveLength(1);
		expect(fromFile.skipped).toEqual([]);
	});
});

describe('detection by shape, from one table of importers', () => {
	it('recognises TimelineJS 3 and TimelineJS 2 JSON, and nothing else', () => {
		expect(
			jsonImporterFor(JSON.parse(sharedExample('TimelineJS3__website__examples__twain__marktwain.json'))),
		).toBe(timelineJs3);
		expect(jsonImporterFor({timeline: {date: []}})).toBe(timelineJs2);
		expect(jsonImporterFor({events: []})).toBe(timelineJs3);
		expect(jsonImporterFor({title: [{text: {headline: 'A list'}}], events: []})).toBe(timelineJs3);
		for (const value of [
			null,
			1,
			'x',
			[],
			{},
			{events: 'x'},
			{events: [1]},
			{timeline: 'x'},
			{format: 'x', events: []},
		]) {
			expect(jsonImporterFor(value)).toBeUndefined();
		}
	});

	it('recognises a TimelineJS CSV by its header row', () => {
		expect(textImporterFor(sharedExample('TimelineJS3__contrib__women_in_computing.csv'))).toBe(
			timelineJsCsv,
		);
		expect(textImporterFor('\ufeff year , Headline \n1,x\n')).toBe(timelineJsCsv);
		expect(textImporterFor('Start Date,Headline\n')).toBe(timelineJsCsv);
		for (const text of [
			'',
			'a,b,c\n1,2,3\n',
			'Headline,Text\n',
			'Year\n2001\n',
			'\u0000\u0001,"bin',
			'x'.repeat(200_000),
		]) {
			expect(textImporterFor(text)).toBeUndefined();
		}
	});
});
