import {UTCDate} from '@date-fns/utc';
import {addDays, addMonths, addYears, endOfISOWeek, format, getISODay, startOfISOWeek} from 'date-fns';

/**
 * Calendar days as `YYYY-MM-DD` strings, computed in UTC so that no machine's time zone moves a
 * publication date by a day. News dates are all within JavaScript's range, unlike a dataset's.
 */

export type Day = string;

const toDate = (day: Day) => new UTCDate(`${day}T00:00:00Z`);
const toDay = (date: Date): Day => format(date, 'yyyy-MM-dd');

export const shiftDays = (day: Day, days: number): Day => toDay(addDays(toDate(day), days));
export const shiftMonths = (day: Day, months: number): Day => toDay(addMonths(toDate(day), months));
export const shiftYears = (day: Day, years: number): Day => toDay(addYears(toDate(day), years));
/** ISO weekday: Monday 1 … Sunday 7. */
export const isoWeekday = (day: Day): number => getISODay(toDate(day));
export const weekStart = (day: Day): Day => toDay(startOfISOWeek(toDate(day)));
export const weekEnd = (day: Day): Day => toDay(endOfISOWeek(toDate(day)));
export const monthOf = (day: Day): string => day.slice(0, 7);
export const yearOf = (day: Day): number => Number(day.slice(0, 4));

export function makeDay(year: number, month: number, day: number): Day | undefined {
	const text = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
	const date = toDate(text);
	return Number.isNaN(date.getTime()) || toDay(date) !== text ? undefined : text;
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
export function nthWeekday(year: number, month: number, weekday: number, n: number): Day | undefined {
	const first = makeDay(year, month, 1);
	if (!first) return undefined;
	const offset = (weekday - isoWeekday(first) + 7) % 7;
	return shiftDays(first, offset + 7 * (n - 1));
}
