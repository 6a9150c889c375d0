import {describe, expect, it} from 'vitest';
import {compareByDate, distanceFrom, formatDate} from '../../source/dataset/dates.js';
import {type EdtfDate, parseEdtf} from '../../source/dataset/edtf.js';

function date(text: string): EdtfDate {
	const result = parseEdtf(text);
	if (!result.ok) throw new Error(result.message);
	return result.date;
}

describe('formatDate', () => {
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
		['2025-12/..', 'from Dec 2025'],
		['../2025', 'until 2025'],
		['1985/', '1985 – ?'],
		['2025-21', 'Spring 2025'],
		['2025-12-XX', 'Dec 2025'],
		['201X', '201X'],
		['0602', '602'],
		['-0044', '45 BC'],
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

describe('compareByDate', () => {
	it('orders by earliest instant, then latest, then id, whatever the input order', () => {
		const items = [
			{id: 'b', date: date('2025-12')},
			{id: 'a', date: date('2025-12')},
			{id: 'week', date: date('2025-12-22/2025-12-28')},
			{id: 'day', date: date('2025-12-01')},
			{id: 'open', date: date('../2025-12-31')},
			{id: 'year', date: date('2025')},
		];
		const order = (list: typeof items) => [...list].sort(compareByDate).map((item) => item.id);
		expect(order(items)).toEqual(['open', 'year', 'day', 'a', 'b', 'week']);
		expect(order([...items].reverse())).toEqual(order(items));
	});
});

describe('distanceFrom', () => {
	const publication = date('2026-01-02');
	it.each([
		['2026-01-01', '1 day before'],
		['2025-12-31', '2 days before'],
		['2026-01-05', '3 days after'],
		['2026-01-02', 'same day as'],
		['2025-12-22/2025-12-28', '5–11 days before'],
		['2025-12', '1 month before'],
		['2024', '2 years before'],
		['2025~/2026-01-02', 'overlaps'],
		['2025~/2025-12-31', 'ended 2 days before'],
		['2025-12~/2025-12-31', 'ended 2 days before'],
		['2026-03/2026-06', 'starts 2 months after'],
		['../2025-11', 'ended 2 months before'],
		['2025-09-15', '3 months before'],
		['2014-01-02', '12 years before'],
		['2025-10-20/2025-10-26', '2 months before'],
	])('%s is %s', (text, expected) => {
		expect(distanceFrom(date(text), publication)).toBe(expected);
	});
});
