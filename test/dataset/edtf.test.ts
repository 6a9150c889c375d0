import edtf, {parse} from 'edtf';
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {type EdtfDate, type EdtfPoint, parseEdtf} from '../../source/dataset/edtf.js';

function date(text: string): EdtfDate {
	const result = parseEdtf(text);
	if (!result.ok) throw new Error(`${text}: ${result.message}`);
	return result.date;
}

function point(text: string): EdtfPoint {
	return date(text).start as EdtfPoint;
}

const iso = (ms: number) => new Date(ms).toISOString();

describe('parseEdtf', () => {
	it('reads each precision with the instants it covers', () => {
		expect(point('2026-01-01')).toMatchObject({year: 2026, month: 1, day: 1, precision: 'day'});
		expect([iso(date('2026-01-01').min), iso(date('2026-01-01').max)]).toEqual([
			'2026-01-01T00:00:00.000Z',
			'2026-01-01T23:59:59.999Z',
		]);
		expect(point('2025-12')).toMatchObject({year: 2025, month: 12, day: undefined, precision: 'month'});
		expect(iso(date('2025-12').max)).toBe('2025-12-31T23:59:59.999Z');
		expect(point('2024')).toMatchObject({year: 2024, precision: 'year'});
		expect(iso(date('2024').max)).toBe('2024-12-31T23:59:59.999Z');
		expect(point('2025-21')).toMatchObject({year: 2025, season: 21, precision: 'season'});
		expect(point('2025-12-31T23:59:00Z')).toMatchObject({
			hour: 23,
			minute: 59,
			precision: 'minute',
			offset: 0,
		});
		expect(point('2026-01-01T10:30:15')).toMatchObject({second: 15, precision: 'second'});
	});

	it('keeps approximate and uncertain qualifiers', () => {
		expect(point('2025-12~')).toMatchObject({approximate: true, uncertain: false, precision: 'month'});
		expect(point('2025-12-31?')).toMatchObject({approximate: false, uncertain: true});
		expect(point('2025%')).toMatchObject({approximate: true, uncertain: true});
	});

	it('treats unspecified digits as a coarser precision', () => {
		expect(point('2025-12-XX')).toMatchObject({month: 12, day: undefined, precision: 'month'});
		expect(point('201X')).toMatchObject({precision: 'year', unspecifiedText: '201X'});
		expect(iso(date('201X').max)).toBe('2019-12-31T23:59:59.999Z');
	});

	it('reads intervals, open and unknown ends', () => {
		const week = date('2025-12-22/2025-12-28');
		expect([iso(week.min), iso(week.max)]).toEqual(['2025-12-22T00:00:00.000Z', '2025-12-28T23:59:59.999Z']);
		expect(date('2025-12/..')).toMatchObject({end: 'open', max: Number.POSITIVE_INFINITY});
		expect(date('../2025')).toMatchObject({start: 'open', min: Number.NEGATIVE_INFINITY});
		expect(date('/2025')).toMatchObject({start: 'unknown'});
		expect(date('2025-12-01/2025-12-01').end).toMatchObject({day: 1});
	});

	it('reads years below 1000 and before the common era', () => {
		expect(point('0602')).toMatchObject({year: 602});
		expect(new Date(date('0602').min).getUTCFullYear()).toBe(602);
		expect(point('-0044')).toMatchObject({year: -44});
	});

	it('explains what is wrong with a bad date', () => {
		const message = (text: string) => {
			const result = parseEdtf(text);
			return result.ok ? 'ok' : result.message;
		};
		expect(message('2025-13-01')).toMatch(/not an EDTF date/);
		expect(message('2025-02-29')).toBe('day 29 does not exist in 2025-02');
		expect(message('2024-02-29')).toBe('ok');
		expect(message('2025-00')).toBe('month 00 is not 01–12');
		expect(message('2025-12-22/2025-12-20')).toBe(
			'the interval ends (2025-12-20) before it starts (2025-12-22)',
		);
		expect(message('../..')).toBe('an interval needs at least one known end');
		expect(message('1/2/3')).toBe('an interval has exactly one "/"');
		expect(message('yesterday')).toMatch(/expected a form such as 2026-01-02/);
		expect(message('Y170000002')).toMatch(/outside the range/);
	});

	it('reads plain dates exactly as the edtf package does (fast path agrees)', () => {
		const plain = fc
			.tuple(
				fc.integer({min: 1, max: 9999}),
				fc.option(fc.integer({min: 1, max: 12}), {nil: undefined}),
				fc.integer({min: 1, max: 31}),
				fc.boolean(),
				fc.constantFrom('', '~', '?', '%'),
			)
			.map(([y, m, d, withDay, q]) => {
				let text = String(y).padStart(4, '0');
				if (m !== undefined) text += `-${String(m).padStart(2, '0')}`;
				if (m !== undefined && withDay) text += `-${String(Math.min(d, 28)).padStart(2, '0')}`;
				return text + q;
			});
		fc.assert(
			fc.property(plain, (text) => {
				const ours = date(text);
				const theirs = edtf(parse(text, {level: 1}));
				expect([ours.min, ours.max]).toEqual([theirs.min, theirs.max]);
			}),
			{numRuns: 500},
		);
	});
});
