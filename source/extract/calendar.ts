import {civilFromDays, daysFromCivil, daysInMonth, weekday} from '../dataset/calendar.js';

/**
 * Calendar days as `YYYY-MM-DD` strings for the extractor's date rules, on the project's calendar
 * arithmetic (no JavaScript Date, so no machine's time zone can move a publication date by a day).
 */

export type Day = string;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const parts = (day: Day) => ({
	year: Number(day.slice(0, 4)),
	month: Number(day.slice(5, 7)),
	day: Number(day.slice(8, 10)),
});
const fromNumber = (days: number): Day => {
	const civil = civilFromDays(days);
	return `${pad(civil.year, 4)}-${pad(civil.month)}-${pad(civil.day)}`;
};
const toNumber = (day: Day) => {
	const {year, month, day: date} = parts(day);
	return daysFromCivil(year, month, date);
};

export const shiftDays = (day: Day, days: number): Day => fromNumber(toNumber(day) + days);
export const monthOf = (day: Day): string => day.slice(0, 7);
export const yearOf = (day: Day): number => Number(day.slice(0, 4));

/** The same day `months` later, or the month's last day when it has no such day (31 Jan + 1 → 28 Feb). */
export function shiftMonths(day: Day, months: number): Day {
	const {year, month, day: date} = parts(day);
	const index = year * 12 + (month - 1) + months;
	const newYear = Math.floor(index / 12);
	const newMonth = index - newYear * 12 + 1;
	return `${pad(newYear, 4)}-${pad(newMonth)}-${pad(Math.min(date, daysInMonth(newYear, newMonth)))}`;
}

/** ISO weekday: Monday 1 … Sunday 7. */
export function isoWeekday(day: Day): number {
	const {year, month, day: date} = parts(day);
	return weekday(year, month, date) || 7;
}

export const weekStart = (day: Day): Day => shiftDays(day, 1 - isoWeekday(day));
export const weekEnd = (day: Day): Day => shiftDays(day, 7 - isoWeekday(day));

export function makeDay(year: number, month: number, day: number): Day | undefined {
	if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
	return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** The `month`/`day` nearest to `reference` on its side: on or before it for the past, after it for the future. */
export function nearestDay(month: number, day: number, reference: Day, future: boolean): Day | undefined {
	const year = yearOf(reference);
	for (const candidate of future ? [year, year + 1] : [year, year - 1]) {
		const found = makeDay(candidate, month, day);
		if (found && (future ? found >= reference : found <= reference)) return found;
	}
	return undefined;
}

/** The n-th given weekday (ISO 1–7) of a month, e.g. the fourth Thursday of November. */
export function nthWeekday(year: number, month: number, wanted: number, n: number): Day | undefined {
	const first = makeDay(year, month, 1);
	if (!first) return undefined;
	const offset = (wanted - isoWeekday(first) + 7) % 7;
	return shiftDays(first, offset + 7 * (n - 1));
}
