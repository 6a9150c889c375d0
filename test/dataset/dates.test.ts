import {describe, expect, it} from 'vitest';
import {
	formatDate,
	type Reference,
	relationText,
	sortByDate,
	undatedHeading,
	whenText,
} from '../../source/dataset/dates.js';
import {type BoundDate, type EdtfDate, parseEdtf} from '../../source/dataset/edtf.js';

function date(text: string): EdtfDate {
	const result = parseEdtf(text);
	if (!result.ok) throw new Error(result.message);
	return result.date;
}

describe('formatDate: the short form (list column, one-line outputs)', () => {
	it.each([
		['2026-01-01', '1 Jan 2026'],
		['2025-12', 'Dec 2025'],
		['2024', '2024'],
		['2025-12-22/2025-12-28', '22–28 Dec 2025'],
		['2025-11-28/2025-12-03', '28 Nov – 3 Dec 2025'],
		['2025-12-28/2026-01-03', '28 Dec 2025 – 3 Jan 2026'],
		['2025-10/2025-12', 'Oct–Dec 2025'],
		['2024/2025', '2024–2025'],
		['2025-12~', 'c. Dec 2025'],
		['2025-12-31?', '31 Dec 2025?'],
		['2025%', 'c. 2025?'],
		['2025-12/..', 'Dec 2025 – ongoing'],
		['2025~/..', 'c. 2025 – ongoing'],
		['../2025', 'until 2025'],
		['1985/', '1985 – ?'],
		['/2026-01-02', '? – 2 Jan 2026'],
		['[2025-12-22..2025-12-28]', 'between 22–28 Dec 2025'],
		['[2024, 2025-12-31]', '2024 or 31 Dec 2025'],
		['[2025-12-29..2026-01-01]', 'between 29 Dec–1 Jan 2026'],
		['[2025-11-28..2025-12-03]', 'between 28 Nov – 3 Dec 2025'],
		['[..2026-01-02]', 'by 2 Jan 2026'],
		['[2025-12-01..]', '1 Dec 2025 or later'],
		['2025-21', 'Spring 2025'],
		['2025-12-XX', 'Dec 2025'],
		['201X', '201X'],
		['0602', '602'],
		['0001', '1'],
		['0000', '1 BC'],
		['-0001', '2 BC'],
		['-0044', '45 BC'],
		['-0499', '500 BC'],
		['-0499/-0399', '500–400 BC'],
		['-0009/0020', '10 BC – AD 20'],
		['-0043-03-15', '15 Mar 44 BC'],
		['Y-12345', '12,346 BC'],
		['Y-13800000000', '13.8 billion years ago'],
		// TimelineJS's -13800000000 after the BCE shift: the year-zero question is below the precision.
		['Y-13799999999', '13.8 billion years ago'],
		['Y-65999999', '66 million years ago'],
		['Y-13799629999', '13.79963 billion years ago'],
		['Y-65500122', '65,500,123 BC'],
		['Y-541000000/Y-251902000', '541,000,001–251,902,001 BC'],
		['Y-541000000/Y-252000000', '541–252 million years ago'],
		['Y-13800000000/Y-541000000', '13.8 billion – 541 million years ago'],
		['Y-540999999/1969', '541 million years ago – AD 1969'],
		['Y170000002', '170,000,002'],
		['Y-17E7S3', 'c. 170 million years ago'],
		['2025-12-31T23:59:00Z', '31 Dec 2025 23:59 UTC'],
		['2026-01-01T10:00:00+05:00', '1 Jan 2026 10:00 UTC+05:00'],
		['2025~/2026-01-02', 'c. 2025 – 2 Jan 2026'],
	])('%s reads as %s', (text, expected) => {
		expect(formatDate(date(text))).toBe(expected);
	});

	it('does not shift days in a time zone west of UTC', () => {
		const before = process.env.TZ;
		process.env.TZ = 'America/Los_Angeles';
		try {
			expect(formatDate(date('2026-01-01'))).toBe('1 Jan 2026');
		} finally {
			process.env.TZ = before;
		}
	});
});

describe('whenText: the full wording (detail, print)', () => {
	it.each([
		['2025-12-31', '31 Dec 2025'],
		['[2025-12-22..2025-12-28]', 'some day between 22 and 28 Dec 2025'],
		['[2025-11-28..2025-12-03]', 'some day between 28 Nov and 3 Dec 2025'],
		['[2025-12-29..2026-01-01]', 'some day between 29 Dec 2025 and 1 Jan 2026'],
		['[2025-10..2025-12]', 'some month between Oct and Dec 2025'],
		['[2020..2024]', 'some year between 2020 and 2024'],
		['[2024, 2025-12-31]', 'either 2024 or 31 Dec 2025'],
		['[2023, 2024, 2025-12-22..2025-12-28]', 'one of 2023, 2024 or some day between 22 and 28 Dec 2025'],
		['[..2026-01-02]', 'by 2 Jan 2026 (date not given)'],
		['[2025-12-01..]', 'on or after 1 Dec 2025 (date not given)'],
		['2025~/..', 'c. 2025 – ongoing'],
		['2025/', '2025 – ? (end not given)'],
		['/2026-01-02', '? – 2 Jan 2026 (start not given)'],
		['2025-12-22/2025-12-28', '22–28 Dec 2025'],
	])('%s reads as %s', (text, expected) => {
		expect(whenText(date(text))).toBe(expected);
	});
});

describe('relationText: against the reference date', () => {
	const publication: Reference = {date: date('2026-01-02'), publication: true};
	const other: Reference = {date: date('2026-01-02'), publication: false};
	it.each([
		['2026-01-01', '1 day before'],
		['2025-12-31', '2 days before'],
		['2026-01-05', '3 days after'],
		['2026-01-02', 'same day as'],
		['2026', 'same year as'],
		['[2025-12-22..2025-12-28]', '5–11 days before'],
		['2025-12', '2–32 days before'],
		// A year is a range of distances, not the difference of the year numbers.
		['2024', '1–2 years before'],
		['2014-01-02', '12 years before'],
		['2025-09-15', '3 months before'],
		['2025-10-20/2025-10-26', 'ended 2 months before'],
		['2025~/..', 'ongoing as of'],
		// A real end says "ended"; the reference date is never one.
		['2025~/2025-12-31', 'ended 2 days before'],
		['2025-12-22/2025-12-28', 'ended 5 days before'],
		['/2026-01-02', 'ended the same day as'],
		['2025/', 'began 2 days to 12 months before'],
		['2026-03/2026-06', 'starts 1–2 months after'],
		['[..2026-01-02]', 'no later than'],
		['[..2025-12-22]', 'no later than 11 days before'],
		['[2025-12-22..]', 'no earlier than 11 days before'],
		['[2025-12-29..2026-01-04]', '4 days before to 2 days after'],
		['[2025-12-29..2026-01-02]', '4 days before to the same day as'],
		['-0499', '2524–2525 years before'],
		['Y-13799999999', 'about 13.8 billion years before'],
	])('%s is %s publication', (text, expected) => {
		expect(relationText(date(text), publication)).toBe(`${expected} publication (2 Jan 2026)`);
	});

	it('names the reference date as such when it is not a source’s publication date', () => {
		expect(relationText(date('2025~/..'), other)).toBe('ongoing as of the reference date (2 Jan 2026)');
	});

	it('never says "ended" without a real end, whatever the span', () => {
		for (const text of ['2025~/..', '2025/', '[..2026-01-02]', '[2025-01..2025-12]', '2024']) {
			expect(relationText(date(text), publication), text).not.toMatch(/ended/);
		}
	});
});

describe('undatedHeading', () => {
	const bound = (text: string) => date(text) as BoundDate;
	it('says "reported by" only when the bound is the publication date', () => {
		const publication: Reference = {date: date('2026-01-02'), publication: true};
		expect(undatedHeading(bound('[..2026-01-02]'), publication)).toBe(
			'Date not given · reported by 2 Jan 2026',
		);
		expect(undatedHeading(bound('[..2026-01-02]'), {...publication, publication: false})).toBe(
			'Date not given · by 2 Jan 2026',
		);
		expect(undatedHeading(bound('[..2025-12]'), publication)).toBe('Date not given · by Dec 2025');
		expect(undatedHeading(bound('[2025-12-01..]'), undefined)).toBe(
			'Date not given · on or after 1 Dec 2025',
		);
	});
});

describe('sortByDate', () => {
	it('orders by the instant that places a date, then the shorter, then file order; bounds last', () => {
		const items = [
			{id: 'by', date: date('[..2025-06]')},
			{id: 'b', date: date('2025-12')},
			{id: 'a', date: date('2025-12')},
			{id: 'week', date: date('2025-12-22/2025-12-28')},
			{id: 'day', date: date('2025-12-01')},
			{id: 'ends', date: date('/2025-12-31')},
			{id: 'open', date: date('../2025-11-30')},
			{id: 'year', date: date('2025')},
			{id: 'deep', date: date('Y-13800000000')},
			{id: 'bc', date: date('-0499')},
		];
		expect(sortByDate(items).map((item) => item.id)).toEqual([
			'deep',
			'bc',
			'year',
			'open',
			'day',
			'b',
			'a',
			'week',
			'ends',
			'by',
		]);
		// Ties keep the order given: reversed, the two December months swap and nothing else moves.
		expect(sortByDate([...items].reverse()).map((item) => item.id)).toEqual([
			'deep',
			'bc',
			'year',
			'open',
			'day',
			'a',
			'b',
			'week',
			'ends',
			'by',
		]);
	});
});
