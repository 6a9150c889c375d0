/**
 * Proleptic Gregorian calendar arithmetic on plain numbers, for any year EDTF can write.
 *
 * JavaScript's Date (and date-fns, built on it) stops at ±271,821 years; TimelineJS timelines go back
 * to the Big Bang (year −13,800,000,000). Days are counted from 1970-01-01 (Howard Hinnant's
 * days-from-civil) and stay exact integers up to the largest year timescope accepts (10^12 years is
 * 3.7·10^14 days, below 2^53). An instant is still a number of milliseconds since the epoch: past
 * 2^53 ms (about ±285,000 years) a double rounds it, by at most 2^22 ms (70 minutes) at 10^12 years,
 * so instants keep the order of their days everywhere.
 */

export const DAY_MS = 86_400_000;

/** Years beyond this magnitude are refused: day numbers would stop being exact. */
export const MAX_YEAR = 999_999_999_999;

export interface Civil {
	readonly year: number;
	/** 1–12 */
	readonly month: number;
	/** 1–31 */
	readonly day: number;
}

export function isLeapYear(year: number): boolean {
	return mod(year, 4) === 0 && (mod(year, 100) !== 0 || mod(year, 400) === 0);
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(year: number, month: number): number {
	return month === 2 && isLeapYear(year) ? 29 : (MONTH_DAYS[month - 1] ?? 31);
}

/** Days from 1970-01-01 to the given day (negative before). */
export function daysFromCivil(year: number, month: number, day: number): number {
	const y = month <= 2 ? year - 1 : year;
	const era = Math.floor(y / 400);
	const yearOfEra = y - era * 400;
	const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
	const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
	return era * 146_097 + dayOfEra - 719_468;
}

/** The day a day number falls on (the inverse of `daysFromCivil`). */
export function civilFromDays(days: number): Civil {
	const z = days + 719_468;
	const era = Math.floor(z / 146_097);
	const dayOfEra = z - era * 146_097;
	const yearOfEra = Math.floor(
		(dayOfEra -
			Math.floor(dayOfEra / 1460) +
			Math.floor(dayOfEra / 36_524) -
			Math.floor(dayOfEra / 146_096)) /
			365,
	);
	const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
	const mp = Math.floor((5 * dayOfYear + 2) / 153);
	const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
	const month = mp < 10 ? mp + 3 : mp - 9;
	return {year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day};
}

/** First instant (ms since the epoch, UTC) of a day. */
export function startOfDay(year: number, month: number, day: number): number {
	return daysFromCivil(year, month, day) * DAY_MS;
}

/**
 * The last instant before `instant`: one millisecond earlier, or, where a double no longer holds
 * single milliseconds (deep time), the next double below, so a year's last instant stays below the
 * next year's first.
 */
export function instantBefore(instant: number): number {
	const magnitude = Math.abs(instant);
	// At 2^53 and beyond a step of |x|·ε is at least one double and at most two.
	return magnitude < 2 ** 53 ? instant - 1 : instant - magnitude * Number.EPSILON;
}

/** The day an instant falls on, as a day number. */
export function dayNumber(instant: number): number {
	return Math.floor(instant / DAY_MS);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(year: number, month: number, day: number): number {
	// 1970-01-01 was a Thursday.
	return mod(daysFromCivil(year, month, day) + 4, 7);
}

/**
 * Whole months or years from `from` to `to` (from ≤ to), counted as a person does: 15 Sep 2025 to
 * 2 Jan 2026 is 3 months; 31 Dec 2024 to 2 Jan 2026 is 1 year.
 */
export function elapsed(unit: 'month' | 'year', from: Civil, to: Civil): number {
	const months = (to.year - from.year) * 12 + (to.month - from.month) - (to.day < from.day ? 1 : 0);
	return unit === 'month' ? months : Math.floor(months / 12);
}

function mod(value: number, by: number): number {
	return ((value % by) + by) % by;
}
