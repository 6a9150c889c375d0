import {describe, expect, it} from 'vitest';
import {formatDate} from '../../source/dataset/dates.js';
import {anchorPoint, parseEdtf} from '../../source/dataset/edtf.js';
import {
	astronomicalYear,
	parseTimeOfDay,
	readDateObject,
	slideDate,
	timelineJsYear,
} from '../../source/dataset/importers/timelinejs-dates.js';
import {parseV2Date} from '../../source/dataset/importers/timelinejs-v2.js';

function edtf(start: unknown, end?: unknown): string {
	const result = slideDate(start, end);
	if (!result.ok) throw new Error(result.error);
	return result.edtf;
}

describe('TimelineJS date objects to EDTF', () => {
	it('takes numbers and strings alike, and "" and null as absent', () => {
		expect(edtf({year: 1835, month: 11, day: 30})).toBe('1835-11-30');
		expect(edtf({year: '1835', month: '11', day: '30'})).toBe('1835-11-30');
		expect(edtf({year: ' 1835 ', month: '11', day: ''})).toBe('1835-11');
		expect(edtf({year: 1835, month: null, day: null, hour: ''})).toBe('1835');
	});

	it('pads years to four digits', () => {
		expect(edtf({year: 602})).toBe('0602');
		expect(edtf({year: 1})).toBe('0001');
	});

	it('writes years beyond four digits the EDTF way, at year precision', () => {
		expect(edtf({year: 12345})).toBe('Y12345');
		expect(slideDate({year: 12345, month: 2}, undefined)).toMatchObject({
			ok: true,
			edtf: 'Y12345',
			lossless: false,
		});
	});

	it('keeps the time of day in a form parseEdtf accepts', () => {
		const text = edtf({year: 1835, month: 11, day: 30, hour: 10, minute: 30});
		expect(text).toBe('1835-11-30T10:30:00');
		const parsed = parseEdtf(text);
		expect(parsed.ok && anchorPoint(parsed.date)).toMatchObject({hour: 10, minute: 30, precision: 'minute'});
		expect(
			edtf({year: 2000, month: '01', day: '05', hour: '6', minute: '45', second: '56', millisecond: ''}),
		).toBe('2000-01-05T06:45:56');
	});

	it('marks what EDTF cannot say (hour only, milliseconds, a format) so the original is kept', () => {
		expect(slideDate({year: 2000, month: 1, day: 5, hour: 6}, undefined)).toMatchObject({
			edtf: '2000-01-05T06:00:00',
			lossless: false,
		});
		expect(slideDate({year: 2000, millisecond: '5'}, undefined)).toMatchObject({lossless: false});
		expect(slideDate({year: 2000, format: 'yyyy'}, undefined)).toMatchObject({lossless: false});
		expect(slideDate({year: 2000, format: '', millisecond: ''}, undefined)).toMatchObject({
			lossless: true,
		});
	});

	it('makes an interval from end_date, and a point when the end says nothing', () => {
		expect(edtf({year: 622, month: 8, day: 9}, {year: 622, month: 8, day: 23})).toBe('0622-08-09/0622-08-23');
		expect(edtf({year: 1943, month: 7}, {year: 1946, month: '', day: ''})).toBe('1943-07/1946');
		expect(edtf({year: 1943}, {year: '', month: ''})).toBe('1943');
		expect(edtf({year: 1943}, null)).toBe('1943');
	});
});

describe('BCE years: TimelineJS labels year -500 "500 BCE", EDTF calls it -0499', () => {
	it('moves negative years by one and leaves year 1 and later alone', () => {
		expect(edtf({year: -500})).toBe('-0499');
		expect(edtf({year: '-44', month: 3, day: 15})).toBe('-0043-03-15');
		expect(edtf({year: -2})).toBe('-0001');
		expect(edtf({year: -1})).toBe('0000');
		expect(edtf({year: 1})).toBe('0001');
		expect(edtf({year: 2})).toBe('0002');
		for (const text of ['-0499', '-0043-03-15', '0000']) expect(parseEdtf(text).ok).toBe(true);
	});

	it('reads year 0 as JavaScript (and so TimelineJS) places it: astronomical 0, 1 BC, keeping the original', () => {
		// TimelineJS puts year 0 between -1 ("1 BCE") and 1, labelled "0": there is no such year, and
		// JavaScript's year 0 is 1 BC, the year TimelineJS calls -1.
		expect(slideDate({year: 0}, undefined)).toMatchObject({ok: true, edtf: '0000', lossless: false});
		expect(edtf({year: 0})).toBe(edtf({year: -1}));
	});

	it('keeps ranges that cross the boundary in order', () => {
		expect(edtf({year: -1}, {year: 1})).toBe('0000/0001');
		expect(edtf({year: -44, month: 3, day: 15}, {year: 14, month: 8, day: 19})).toBe(
			'-0043-03-15/0014-08-19',
		);
		expect(edtf({year: -3000}, {year: 500})).toBe('-2999/0500');
		expect(edtf({year: -500}, {year: -400})).toBe('-0499/-0399');
	});

	it('checks 29 February in the year EDTF means: TimelineJS -1 (1 BC) is a leap year, -2 is not', () => {
		expect(edtf({year: -1, month: 2, day: 29})).toBe('0000-02-29');
		expect(slideDate({year: -2, month: 2, day: 29}, undefined)).toMatchObject({
			ok: true,
			edtf: '-0001-02',
			notes: [{on: 'start_date', field: 'day'}],
		});
	});

	it('moves deep years too, which timescope shows as TimelineJS does, in years ago', () => {
		expect(edtf({year: '-13800000000'})).toBe('Y-13799999999');
		expect(edtf({year: -100_000})).toBe('Y-99999');
		expect(edtf({year: '-4540000000'}, {year: '-4500000000'})).toBe('Y-4539999999/Y-4499999999');
		const parsed = parseEdtf('Y-13799999999');
		expect(parsed.ok && formatDate(parsed.date)).toBe('13.8 billion years ago');
	});

	it('maps back exactly', () => {
		for (const year of [-13_800_000_000, -100_000, -99_999, -500, -2, -1, 1, 2, 2025]) {
			expect(timelineJsYear(astronomicalYear(year))).toBe(year);
		}
	});
});

describe('dates that cannot be read, or only in part', () => {
	it('gives no date without a usable year, naming why', () => {
		expect(slideDate(undefined, undefined)).toMatchObject({
			ok: false,
			on: 'start_date',
			error: expect.stringMatching(/^no start_date/),
		});
		for (const empty of [{}, {year: '', month: '', day: ''}, null]) {
			expect(slideDate(empty, undefined)).toMatchObject({
				ok: false,
				error: 'start_date has no year: TimelineJS would place it in year 0',
			});
		}
		expect(readDateObject({month: 3})).toEqual({field: 'year', error: 'the date has a month but no year'});
		expect(readDateObject({year: 'MCMLX'})).toMatchObject({field: 'year'});
		expect(readDateObject({year: 1960.5})).toMatchObject({field: 'year'});
		expect(readDateObject('1960-01-01')).toMatchObject({error: expect.stringMatching(/must be an object/)});
	});

	it('reads a date down to its first unusable part, with a note, never inventing January or midnight', () => {
		expect(readDateObject({year: 2001, month: 13})).toEqual({
			parts: {year: 2001},
			lossless: false,
			note: {
				field: 'month',
				message: 'month must be a whole number from 1 to 12, found 13; read as year 2001',
			},
		});
		expect(readDateObject({year: 2001, month: 2, day: 30})).toMatchObject({
			parts: {year: 2001, month: 2},
			note: {field: 'day', message: 'day 30 does not exist in month 2 of 2001; read as year 2001, month 2'},
		});
		expect(readDateObject({year: 2000, month: 2, day: 29})).toMatchObject({parts: {day: 29}});
		expect(readDateObject({year: 2001, day: 3})).toMatchObject({
			parts: {year: 2001},
			note: {field: 'day', message: 'the date has a day but no month; read as year 2001'},
		});
		expect(readDateObject({year: 2001, month: 1, hour: 3})).toMatchObject({
			parts: {year: 2001, month: 1},
			note: {field: 'hour', message: 'the date has an hour but no day; read as year 2001, month 1'},
		});
		expect(readDateObject({year: 2001, month: 'Sept'})).toMatchObject({
			parts: {year: 2001},
			note: {field: 'month'},
		});
	});

	it('leaves the end unknown when it cannot be read or comes before the start, and says so', () => {
		expect(slideDate({year: 2001}, {year: 1999})).toEqual({
			ok: true,
			edtf: '2001/',
			lossless: false,
			notes: [
				{
					on: 'end_date',
					message: 'the end date (1999) is before the start date (2001); the end is left unknown',
				},
			],
		});
		expect(slideDate({year: 2001}, {year: 'soon'})).toMatchObject({
			ok: true,
			edtf: '2001/',
			notes: [{on: 'end_date', field: 'year'}],
		});
		expect(slideDate({year: 2001}, {month: 5})).toMatchObject({ok: true, edtf: '2001/'});
		expect(parseEdtf('2001/').ok).toBe(true);
	});
});

describe('spreadsheet Time cells', () => {
	it.each([
		['10:30', {hour: 10, minute: 30}],
		['10:30:15', {hour: 10, minute: 30, second: 15}],
		['10:30:15.5', {hour: 10, minute: 30, second: 15, millisecond: 500}],
		['1030', {hour: 10, minute: 30}],
		['10.30', {hour: 10, minute: 30}],
		['10:30 PM', {hour: 22, minute: 30}],
		['12 a.m.', {hour: 0}],
		['12:05pm', {hour: 12, minute: 5}],
	])('reads %s', (text, time) => {
		expect(parseTimeOfDay(text)).toEqual(time);
	});

	it.each(['25:00', '10:61', 'noon', '10:30:15:01', '13 PM', ''])('refuses %j', (text) => {
		expect(parseTimeOfDay(text)).toHaveProperty('error');
	});
});

describe('TimelineJS 2 date strings', () => {
	it.each([
		['2011,12,10', {year: 2011, month: 12, day: 10}],
		['2011,12,10,07,02,10', {year: 2011, month: 12, day: 10, hour: 7, minute: 2, second: 10}],
		['1999', {year: 1999}],
		[-500, {year: -500}],
		['2011-12-10', {year: 2011, month: 12, day: 10}],
		['2011-12-10T07:02', {year: 2011, month: 12, day: 10, hour: 7, minute: 2}],
		['12/10/2011', {year: 2011, month: 12, day: 10}],
		['1/2011', {year: 2011, month: 1}],
		['11/09/1810 0:00:00', {year: 1810, month: 11, day: 9, hour: 0, minute: 0, second: 0}],
		[
			'2014-12-06T17:00:00-08:00',
			{year: 2014, month: 12, day: 6, hour: 17, minute: 0, second: 0, zone: '-08:00'},
		],
		['2014-12-06T17:00:00Z', {year: 2014, month: 12, day: 6, hour: 17, minute: 0, second: 0, zone: 'Z'}],
	])('reads %j', (text, parts) => {
		expect(parseV2Date(text)).toEqual(parts);
	});

	it('says absent for "" and refuses words', () => {
		expect(parseV2Date('')).toBeUndefined();
		expect(parseV2Date('yesterday')).toHaveProperty('error');
		// Day first or month first? Neither TimelineJS reads it, and timescope does not guess.
		expect(parseV2Date('11-09-1810  0:00:00')).toHaveProperty('error');
		expect(parseV2Date({year: 1})).toHaveProperty('error');
	});
});
