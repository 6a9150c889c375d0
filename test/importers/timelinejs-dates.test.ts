import {describe, expect, it} from 'vitest';
import {anchorPoint, parseEdtf} from '../../source/dataset/edtf.js';
import {parseTimeOfDay, readDateObject, slideDate} from '../../source/dataset/importers/timelinejs-dates.js';
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

	it('pads years to four digits and keeps negative years', () => {
		expect(edtf({year: 602})).toBe('0602');
		expect(edtf({year: '-44', month: 3, day: 15})).toBe('-0044-03-15');
		expect(edtf({year: 0})).toBe('0000');
		expect(parseEdtf(edtf({year: -44})).ok).toBe(true);
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
		expect(slideDate({year: 2000, format: '', millisecond: ''}, undefined)).toMatchObject({lossless: true});
	});

	it('makes an interval from end_date, and a point when the end says nothing', () => {
		expect(edtf({year: 622, month: 8, day: 9}, {year: 622, month: 8, day: 23})).toBe('0622-08-09/0622-08-23');
		expect(edtf({year: 1943, month: 7}, {year: 1946, month: '', day: ''})).toBe('1943-07/1946');
		expect(edtf({year: 1943}, {year: '', month: ''})).toBe('1943');
		expect(edtf({year: 1943}, null)).toBe('1943');
	});

	it('reports an end before the start on end_date', () => {
		expect(slideDate({year: 2001}, {year: 1999})).toEqual({
			ok: false,
			on: 'end_date',
			error: 'the end date (1999) is before the start date (2001)',
		});
		expect(slideDate({year: 2001, month: 5}, {year: 2001, month: 4, day: 30})).toMatchObject({
			ok: false,
			on: 'end_date',
		});
	});

	it('reports dates it cannot read, naming the part', () => {
		expect(slideDate(undefined, undefined)).toMatchObject({
			on: 'start_date',
			error: expect.stringMatching(/no start date/),
		});
		expect(slideDate({}, undefined)).toMatchObject({
			on: 'start_date',
			error: expect.stringMatching(/no start date/),
		});
		expect(readDateObject({year: 2001, month: 13})).toEqual({
			field: 'month',
			error: 'month must be a whole number from 1 to 12, found 13',
		});
		expect(readDateObject({year: 2001, month: 2, day: 30})).toMatchObject({field: 'day'});
		expect(readDateObject({year: 2000, month: 2, day: 29})).toMatchObject({parts: {day: 29}});
		expect(readDateObject({year: 1900, month: 2, day: 29})).toMatchObject({field: 'day'});
		expect(readDateObject({year: 'MCMLX'})).toMatchObject({field: 'year'});
		expect(readDateObject({year: 1960.5})).toMatchObject({field: 'year'});
		expect(readDateObject({month: 3})).toEqual({field: 'year', error: 'the date has a month but no year'});
		expect(readDateObject('1960-01-01')).toMatchObject({error: expect.stringMatching(/must be an object/)});
	});

	it('refuses a finer part without the one above it rather than inventing January or midnight', () => {
		expect(readDateObject({year: 2001, day: 3})).toEqual({
			field: 'day',
			error: 'the date has a day but no month',
		});
		expect(readDateObject({year: 2001, month: 1, hour: 3})).toEqual({
			field: 'hour',
			error: 'the date has an hour but no day',
		});
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
	])('reads %j', (text, parts) => {
		expect(parseV2Date(text)).toEqual(parts);
	});

	it('says absent for "" and refuses words', () => {
		expect(parseV2Date('')).toBeUndefined();
		expect(parseV2Date('yesterday')).toHaveProperty('error');
		expect(parseV2Date({year: 1})).toHaveProperty('error');
	});
});
