import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {
	detectJsonFormat,
	type ImportResult,
	importTimelineJsCsv,
	importTimelineJsJson,
	looksLikeTimelineCsv,
} from '../../source/dataset/importers/index.js';

const FIXTURES = new URL('../fixtures/timelinejs/', import.meta.url);

/** Where each problem is and what it says (its code and params are tested with the loader). */
function problems(result: ImportResult) {
	if (result.ok) throw new Error('expected problems, got a document');
	return result.problems.map(({code: _code, params: _params, ...located}) => located);
}

const event = (start: unknown, extra: Record<string, unknown> = {}) => ({
	start_date: start,
	text: {headline: 'An event'},
	...extra,
});

describe('bad TimelineJS 3 JSON gives located problems, never an exception', () => {
	it('an event without a start date points at the event, or at its empty start_date', () => {
		const result = importTimelineJsJson(
			{events: [event({year: 2001}), {text: {headline: 'No date'}}, event({})]},
			'x',
		);
		expect(problems(result)).toEqual([
			{pointer: '/events/1', message: 'no start date: TimelineJS needs at least a year'},
			{pointer: '/events/2/start_date', message: 'no start date: TimelineJS needs at least a year'},
		]);
	});

	it('an end before the start points at end_date', () => {
		const result = importTimelineJsJson(
			{events: [event({year: 2001, month: 5}, {end_date: {year: 2001, month: 4}})]},
			'x',
		);
		expect(problems(result)).toEqual([
			{pointer: '/events/0/end_date', message: 'the end date (2001-04) is before the start date (2001-05)'},
		]);
	});

	it('a bad part points at the part', () => {
		const result = importTimelineJsJson({events: [event({year: '2001', month: '13'})]}, 'x');
		expect(problems(result)).toEqual([
			{
				pointer: '/events/0/start_date/month',
				message: 'month must be a whole number from 1 to 12, found "13"',
			},
		]);
	});

	it('lists every problem at once, escaping pointer characters', () => {
		const result = importTimelineJsJson(
			{
				events: [null, 'text', event('2001-01-01'), event({year: 1, day: 2})],
				eras: [{start_date: {year: 2000}, text: {headline: 'No end'}}],
			},
			'x',
		);
		expect(problems(result).map((p) => p.pointer)).toEqual([
			'/events/0',
			'/events/1',
			'/events/2/start_date',
			'/events/3/start_date/day',
			'/eras/0',
		]);
	});

	it('events that are not a list, and input that is not TimelineJS, get one clear problem', () => {
		expect(problems(importTimelineJsJson({events: {}, title: {}}, 'x'))).toEqual([
			{pointer: '/events', message: 'expected a list of events, found an object'},
		]);
		for (const value of [null, [], 42, 'text', {events: [1, 2]}, {format: 'other', events: []}]) {
			expect(problems(importTimelineJsJson(value, 'x'))).toEqual([
				{pointer: '', message: expect.stringMatching(/^not a TimelineJS timeline/)},
			]);
		}
		expect(problems(importTimelineJsJson({format: 'timescope/1', events: []}, 'x'))[0]?.message).toMatch(
			/already a timescope\/1 document/,
		);
	});

	it('a bad v2 date points into the v2 file', () => {
		const result = importTimelineJsJson(
			{timeline: {headline: 'v2', date: [{startDate: '2011,12,10', headline: 'ok'}, {startDate: 'soon'}]}},
			'x',
		);
		expect(problems(result)).toEqual([
			{pointer: '/timeline/date/1/startDate', message: expect.stringMatching(/found "soon"/)},
		]);
		expect(
			problems(importTimelineJsJson({timeline: {date: [{startDate: '2011', endDate: '2010'}]}}, 'x')),
		).toEqual([{pointer: '/timeline/date/0/endDate', message: expect.stringMatching(/before the start/)}]);
		expect(problems(importTimelineJsJson({timeline: {headline: 'No dates'}}, 'x'))).toEqual([
			{pointer: '/timeline', message: 'expected "date" to be a list of slides, found none'},
		]);
		expect(problems(importTimelineJsJson({timeline: {date: [{startDate: '2011'}], era: 5}}, 'x'))).toEqual([
			{pointer: '/timeline/era', message: 'expected a list of eras, found 5'},
		]);
	});
});

describe('bad TimelineJS CSV gives problems with line and column', () => {
	const header = 'Year,Month,Day,Time,End Year,End Month,End Day,End Time,Display Date,Headline,Text\n';

	it('a missing Year or Headline column is named, on the header line', () => {
		expect(problems(importTimelineJsCsv('Month,Day,Text\n1,2,x\n', 'x.csv'))).toEqual([
			{
				line: 1,
				column: 1,
				message: expect.stringMatching(/^no "Year" column: .*found "Month", "Day", "Text"/),
			},
			{line: 1, column: 1, message: expect.stringMatching(/^no "Headline" column/)},
		]);
		expect(problems(importTimelineJsCsv('\nYear,Text\n2001,x\n', 'x.csv'))).toEqual([
			{line: 2, column: 1, message: expect.stringMatching(/^no "Headline" column/)},
		]);
	});

	it('points at the cell, counting the lines of multi-line quoted cells before it', () => {
		const csv = `${header}2001,2,3,,,,,,,"Multi\nline",x\n\n2001,13,3,,,,,,,Bad month,y\r\n1999,1,1,25:00,,,,,,"Bad\r\ntime",z\n2001,1,1,,,,,,,"a\nb","c\n""d"",\ne",,2001,x\n`;
		expect(problems(importTimelineJsCsv(csv, 'x.csv'))).toEqual([
			{line: 5, column: 6, message: 'month must be a whole number from 1 to 12, found "13"'},
			{line: 6, column: 10, message: expect.stringMatching(/^expected a time such as 10:30/)},
		]);
	});

	it('an end before the start points at End Year; a row without Year at its Year cell', () => {
		const csv = `${header}2001,,,,1999,,,,,Backwards,\n,5,,,,,,,,No year,\n`;
		expect(problems(importTimelineJsCsv(csv, 'x.csv'))).toEqual([
			{line: 2, column: 9, message: 'the end date (1999) is before the start date (2001)'},
			{line: 3, column: 1, message: 'the date has a month but no year'},
		]);
	});

	it('broken CSV quoting is reported with its line', () => {
		expect(problems(importTimelineJsCsv('Year,Headline\n2001,"unclosed\n', 'x.csv'))).toEqual([
			{line: 2, column: 1, message: expect.stringMatching(/^not valid CSV: Quote Not Closed/)},
		]);
		expect(problems(importTimelineJsCsv('', 'x.csv'))).toEqual([
			{line: 1, message: expect.stringMatching(/empty/)},
		]);
	});
});

describe('TimelineJS CSV reading', () => {
	it('matches columns by header text in any order, case and spacing, with Tag for Group', () => {
		const csv =
			' HEADLINE ,tag,year,MONTH,day,time,endyear,displaydate,Type,Background,Notes\r\n' +
			'Evening vote,Politics,"1,963",11,22,12:30 PM,,Friday afternoon,,#112233,my own note\r\n' +
			'The 60s,,1960,,,,1969,,era,,\r\n' +
			'A title,,,,,,,,TITLE,,\r\n';
		const result = importTimelineJsCsv(csv, 'sheet.csv');
		if (!result.ok) throw new Error(JSON.stringify(result.problems));
		const {doc} = result;
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
		const csv = 'Year,Headline,Type\n,First,title\n2001,Second,title\n';
		const result = importTimelineJsCsv(csv, 'sheet.csv');
		if (!result.ok) throw new Error(JSON.stringify(result.problems));
		expect(result.doc.title).toBe('First');
		expect(result.doc.events.map((e) => [e.title, e.extensions?.timelinejs])).toEqual([
			['Second', {type: 'title'}],
		]);
	});

	it('skips blank rows and titles a sheet without title row from its file name', () => {
		const result = importTimelineJsCsv('Year,Headline\n\n,\n2001,Only\n', '/tmp/My timeline.csv');
		if (!result.ok) throw new Error(JSON.stringify(result.problems));
		expect(result.doc.title).toBe('My timeline');
		expect(result.doc.events).toHaveLength(1);
	});
});

describe('detection by shape', () => {
	const json = (name: string) => JSON.parse(readFileSync(new URL(name, FIXTURES), 'utf8'));

	it('recognises TimelineJS 3, TimelineJS 2 and timescope/1 JSON, and nothing else', () => {
		expect(detectJsonFormat(json('TimelineJS3__website__examples__twain__marktwain.json'))).toBe(
			'timelinejs3',
		);
		expect(detectJsonFormat(json('timelinejs2-sample.json'))).toBe('timelinejs2');
		expect(detectJsonFormat({format: 'timescope/1', title: 't', events: []})).toBe('timescope/1');
		expect(detectJsonFormat({events: []})).toBe('timelinejs3');
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
			expect(detectJsonFormat(value)).toBeUndefined();
		}
	});

	it('recognises a TimelineJS CSV by its header row', () => {
		const csv = readFileSync(new URL('TimelineJS3__contrib__women_in_computing.csv', FIXTURES), 'utf8');
		expect(looksLikeTimelineCsv(csv)).toBe(true);
		expect(looksLikeTimelineCsv('\ufeff year , Headline \n1,x\n')).toBe(true);
		expect(looksLikeTimelineCsv('Headline,Text\n')).toBe(true);
		for (const text of [
			'',
			'a,b,c\n1,2,3\n',
			'{"events": []}',
			'Year\n2001\n',
			'\u0000\u0001,"bin',
			'x'.repeat(200_000),
		]) {
			expect(looksLikeTimelineCsv(text)).toBe(false);
		}
	});
});
