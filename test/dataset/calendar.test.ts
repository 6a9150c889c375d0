import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {
	civilFromDays,
	DAY_MS,
	daysFromCivil,
	daysInMonth,
	elapsed,
	instantBefore,
	startOfDay,
	weekday,
} from '../../source/dataset/calendar.js';

describe('calendar arithmetic without Date', () => {
	it('agrees with Date.UTC wherever Date reaches', () => {
		const day = fc.tuple(
			fc.integer({min: -271_000, max: 271_000}),
			fc.integer({min: 1, max: 12}),
			fc.integer({min: 1, max: 31}),
		);
		fc.assert(
			fc.property(day, ([year, month, d]) => {
				const dd = Math.min(d, daysInMonth(year, month));
				const date = new Date(0);
				date.setUTCFullYear(year, month - 1, dd);
				date.setUTCHours(0, 0, 0, 0);
				expect(startOfDay(year, month, dd)).toBe(date.getTime());
				expect(weekday(year, month, dd)).toBe(date.getUTCDay());
				expect(civilFromDays(daysFromCivil(year, month, dd))).toEqual({year, month, day: dd});
			}),
			{numRuns: 1000},
		);
	});

	it('round-trips days in deep time, and keeps the order of years there', () => {
		for (const year of [-13_800_000_000, -999_999_999_999, 170_000_002, 999_999_999_999]) {
			expect(civilFromDays(daysFromCivil(year, 2, 29 - (year % 4 === 0 ? 0 : 1)))).toMatchObject({year});
			const end = instantBefore(startOfDay(year + 1, 1, 1));
			expect(end).toBeLessThan(startOfDay(year + 1, 1, 1));
			expect(end).toBeGreaterThan(startOfDay(year, 12, 31));
		}
		expect(instantBefore(DAY_MS)).toBe(DAY_MS - 1);
	});

	it('counts whole months and years as a person does', () => {
		const c = (year: number, month: number, day: number) => ({year, month, day});
		expect(elapsed('month', c(2025, 9, 15), c(2026, 1, 2))).toBe(3);
		expect(elapsed('year', c(2024, 12, 31), c(2026, 1, 2))).toBe(1);
		expect(elapsed('year', c(2024, 1, 1), c(2026, 1, 2))).toBe(2);
		expect(elapsed('year', c(2024, 1, 3), c(2026, 1, 2))).toBe(1);
		expect(elapsed('year', c(-499, 6, 1), c(2026, 1, 2))).toBe(2524);
	});
});
