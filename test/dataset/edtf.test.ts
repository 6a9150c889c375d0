import edtf, {parse} from 'edtf';
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {startOfDay} from '../../source/dataset/calendar.js';
import {type EdtfDate, type EdtfPoint, parseEdtf} from '../../source/dataset/edtf.js';

function date(text: string): EdtfDate {
	const result = parseEdtf(text);
	if (!result.ok) throw new Error(`${text}: ${result.message}`);
	return result.date;
}

function point(text: string): EdtfPoint {
	const parsed = date(text);
	if (parsed.kind !== 'point') throw new Error(`${text} is a ${parsed.kind}`);
	return parsed.point;
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
		expect(week.kind).toBe('interval');
		expect([iso(week.min), iso(week.max)]).toEqual(['2025-12-22T00:00:00.000Z', '2025-12-28T23:59:59.999Z']);
		expect(date('2025-12/..')).toMatchObject({kind: 'interval', end: 'open', max: Number.POSITIVE_INFINITY});
		expect(date('../2025')).toMatchObject({start: 'open', min: Number.NEGATIVE_INFINITY});
		expect(date('/2025')).toMatchObject({start: 'unknown'});
		expect(date('2025/')).toMatchObject({end: 'unknown', max: Number.POSITIVE_INFINITY});
		expect(date('2025-12-01/2025-12-01')).toMatchObject({end: {day: 1}});
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
		expect(message('Y-1E20')).toMatch(/beyond the trillion years/);
		expect(message('Y2025')).toMatch(/not an EDTF date/);
		expect(message('[2025-12-28..2025-12-22]')).toBe(
			'the range 2025-12-28..2025-12-22 ends before it starts',
		);
		expect(message('[..2025, 2026]')).toMatch(/"..2025" is open-ended and must stand alone/);
		expect(message('[2025,,2026]')).toBe('a set needs a date between each pair of commas');
		expect(message('[2025-12-22..2025-12-28')).toBe('a set opened with "[" must close with "]"');
		expect(message('[2025-13..2026]')).toMatch(/^in the set: not an EDTF date/);
		expect(message('{2025, 2026}')).toMatch(/not supported: give each date its own event/);
	});

	it('reads plain dates exactly as the edtf package does (fast path agrees)', () => {
		const plain = fc
			.tuple(
				fc.integer({min: -9999, max: 9999}),
				fc.option(fc.integer({min: 1, max: 12}), {nil: undefined}),
				fc.integer({min: 1, max: 31}),
				fc.boolean(),
				fc.constantFrom('', '~', '?', '%'),
			)
			.map(([y, m, d, withDay, q]) => {
				let text = (y < 0 ? '-' : '') + String(Math.abs(y)).padStart(4, '0');
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

	it('reads long years, in deep time and far ahead, without a JavaScript Date', () => {
		expect(point('Y-13800000000')).toMatchObject({year: -13_800_000_000, precision: 'year'});
		expect(point('Y170000002')).toMatchObject({year: 170_000_002});
		expect(point('Y-17E7')).toMatchObject({year: -170_000_000, approximate: false});
		expect(point('Y-17E7S3')).toMatchObject({year: -170_000_000, approximate: true});
		// Beyond Date's ±271,821 years the instants still order by year and cover the whole year.
		const bang = date('Y-13800000000');
		const next = date('Y-13799999999');
		expect(bang.min).toBeLessThan(bang.max);
		expect(bang.max).toBeLessThan(next.min);
		expect(date('Y-12345').min).toBe(startOfDay(-12345, 1, 1));
		// Where the edtf package can still place a long year (within Date's range), we agree with it.
		fc.assert(
			fc.property(fc.integer({min: 10_000, max: 270_000}), fc.boolean(), (magnitude, negative) => {
				const text = `Y${negative ? '-' : ''}${magnitude}`;
				const theirs = edtf(parse(text));
				expect([date(text).min, date(text).max]).toEqual([theirs.min, theirs.max]);
			}),
			{numRuns: 200},
		);
		expect(date('Y-300000').min).toBeLessThan(date('-9999').min);
		// Intervals of long years, which the edtf package's grammar does not take.
		expect(date('Y-538799999/Y-251901999')).toMatchObject({kind: 'interval', start: {year: -538_799_999}});
	});

	it('counts days as the calendar does, across the BC boundary (year 0 is 1 BC, a leap year)', () => {
		expect(message('0000-02-29')).toBe('ok');
		expect(message('-0001-02-29')).toBe('day 29 does not exist in -0001-02');
		expect(date('0001-01-01').min - date('0000-12-31').min).toBe(86_400_000);
		expect(iso(date('0001-01-01').min)).toBe('0001-01-01T00:00:00.000Z');
	});

	it('reads level 2 sets: one day of a window, one of listed dates, on or before, on or after', () => {
		const week = date('[2025-12-22..2025-12-28]');
		expect(week).toMatchObject({kind: 'oneOf', members: [{from: {day: 22}, to: {day: 28}}]});
		expect([iso(week.min), iso(week.max)]).toEqual(['2025-12-22T00:00:00.000Z', '2025-12-28T23:59:59.999Z']);
		expect(date('[2024, 2025-12-31]')).toMatchObject({
			kind: 'oneOf',
			members: [{from: {year: 2024, precision: 'year'}}, {from: {day: 31}}],
		});
		const by = date('[..2026-01-02]');
		expect(by).toMatchObject({kind: 'onOrBefore', point: {day: 2}, min: Number.NEGATIVE_INFINITY});
		expect(iso(by.max)).toBe('2026-01-02T23:59:59.999Z');
		expect(date('[2026-01-02..]')).toMatchObject({kind: 'onOrAfter', max: Number.POSITIVE_INFINITY});
		expect(date('[2025-12-31]')).toMatchObject({kind: 'point', point: {day: 31}});
		expect(date('[Y-66000000..Y-65000000]')).toMatchObject({kind: 'oneOf'});
		expect(date('[2025-12~..2026-01]')).toMatchObject({
			kind: 'oneOf',
			members: [{from: {approximate: true}}],
		});
	});

	it('reads every set the edtf package reads as the package does', () => {
		const day = fc
			.tuple(fc.integer({min: 1000, max: 2999}), fc.integer({min: 1, max: 12}), fc.integer({min: 1, max: 28}))
			.map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
		const member = fc.oneof(
			day,
			fc.tuple(day, day).map(([a, b]) => (a <= b ? `${a}..${b}` : `${b}..${a}`)),
		);
		const sets = fc.oneof(
			fc.array(member, {minLength: 2, maxLength: 4}).map((members) => `[${members.join(', ')}]`),
			day.map((d) => `[..${d}]`),
			day.map((d) => `[${d}..]`),
		);
		fc.assert(
			fc.property(sets, (text) => {
				const theirs = parse(text, {level: 2});
				const ours = date(text);
				expect(theirs.type).toBe('Set');
				if ('earlier' in theirs && theirs.earlier) expect(ours.kind).toBe('onOrBefore');
				else if ('later' in theirs && theirs.later) expect(ours.kind).toBe('onOrAfter');
				else {
					expect(ours.kind).toBe('oneOf');
					const firsts = (theirs.values as unknown[]).map(
						(v) => edtf((Array.isArray(v) ? v[0] : v) as never).min,
					);
					expect(ours.kind === 'oneOf' && ours.members.map((m) => m.from.min)).toEqual(firsts);
					expect(ours.min).toBe(Math.min(...firsts));
				}
			}),
			{numRuns: 300},
		);
	});
});

function message(text: string): string {
	const result = parseEdtf(text);
	return result.ok ? 'ok' : result.message;
}
