import {UTCDate} from '@date-fns/utc';
import {
	differenceInCalendarDays,
	differenceInCalendarMonths,
	differenceInCalendarYears,
	differenceInMonths,
	differenceInYears,
	format,
} from 'date-fns';
import {type EdtfDate, type EdtfPoint, type OpenEnd, parseEdtf} from './edtf.js';

const SEASONS: Record<number, string> = {21: 'Spring', 22: 'Summer', 23: 'Autumn', 24: 'Winter'};

/** Human form at the date's own precision: `1 Jan 2026`, `Dec 2025`, `22–28 Dec 2025`, `c. Dec 2025`. */
export function formatDate(date: EdtfDate): string {
	if (date.end === undefined) return formatPoint(date.start as EdtfPoint);
	return formatRange(date.start, date.end);
}

function formatRange(start: EdtfPoint | OpenEnd, end: EdtfPoint | OpenEnd): string {
	if (start === 'open') return `until ${formatPoint(end as EdtfPoint)}`;
	if (start === 'unknown') return `? – ${formatPoint(end as EdtfPoint)}`;
	if (end === 'open') return `from ${formatPoint(start)}`;
	if (end === 'unknown') return `${formatPoint(start)} – ?`;
	const plain = !start.approximate && !start.uncertain && !end.approximate && !end.uncertain;
	const sameShape =
		plain && start.precision === end.precision && !start.unspecifiedText && !end.unspecifiedText;
	if (sameShape && start.year === end.year) {
		if (start.precision === 'day' && start.month === end.month) {
			return `${start.day}–${end.day} ${monthName(end)} ${yearText(end.year)}`;
		}
		if (start.precision === 'day') return `${dayMonth(start)} – ${dayMonth(end)} ${yearText(end.year)}`;
		if (start.precision === 'month') return `${monthName(start)}–${monthName(end)} ${yearText(end.year)}`;
	}
	if (sameShape && start.precision === 'year') return `${yearText(start.year)}–${yearText(end.year)}`;
	return `${formatPoint(start)} – ${formatPoint(end)}`;
}

/** `formatDate` for an EDTF string kept as text in the model (a source's `published`). */
export function formatDateText(text: string): string {
	const parsed = parseEdtf(text);
	return parsed.ok ? formatDate(parsed.date) : text;
}

export function formatPoint(point: EdtfPoint): string {
	let text: string;
	if (point.unspecifiedText && point.precision === 'year' && /X/.test(point.unspecifiedText.slice(0, 4))) {
		text = point.unspecifiedText.slice(0, 4);
	} else {
		switch (point.precision) {
			case 'year':
				text = yearText(point.year);
				break;
			case 'season':
				text = `${SEASONS[point.season ?? 0] ?? 'Season'} ${yearText(point.year)}`;
				break;
			case 'month':
				text = `${monthName(point)} ${yearText(point.year)}`;
				break;
			case 'day':
				text = `${dayMonth(point)} ${yearText(point.year)}`;
				break;
			default:
				text = `${dayMonth(point)} ${yearText(point.year)} ${timeText(point)}`;
		}
	}
	if (point.approximate) text = `c. ${text}`;
	if (point.uncertain) text = `${text}?`;
	return text;
}

function calendarDate(point: EdtfPoint): UTCDate {
	// A fixed leap year gives month and day names without two-digit-year or BCE quirks.
	return new UTCDate(2000, (point.month ?? 1) - 1, point.day ?? 1);
}

function monthName(point: EdtfPoint): string {
	return format(calendarDate(point), 'MMM');
}

function dayMonth(point: EdtfPoint): string {
	return format(calendarDate(point), 'd MMM');
}

function timeText(point: EdtfPoint): string {
	const pad = (n: number | undefined) => String(n ?? 0).padStart(2, '0');
	let text = `${pad(point.hour)}:${pad(point.minute)}`;
	if (point.precision === 'second') text += `:${pad(point.second)}`;
	if (point.offset !== undefined) {
		const sign = point.offset < 0 ? '−' : '+';
		const abs = Math.abs(point.offset);
		text += point.offset === 0 ? ' UTC' : ` UTC${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
	}
	return text;
}

/** Astronomical year numbering (EDTF): year 0 is 1 BC, -44 is 45 BC. */
function yearText(year: number): string {
	return year > 0 ? String(year) : `${1 - year} BC`;
}

/** Stable timeline order: earliest possible instant, then latest, then id. */
export function compareByDate(a: {date: EdtfDate; id: string}, b: {date: EdtfDate; id: string}): number {
	return a.date.min - b.date.min || a.date.max - b.date.max || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * Distance from a reference date in calendar units at the date's own precision, so a week range
 * stays a range: `1 day before`, `5–11 days before`, `1 month before`, `2 years before`. A long
 * interval is placed by its nearer end (`ended 2 days before`, `starts 3 months after`); `same day as`
 * and `overlaps` when the two share time.
 */
export function distanceFrom(date: EdtfDate, reference: EdtfDate): string {
	const before = date.max < reference.min;
	if (!before && date.min <= reference.max) {
		const sameDay = date.max - date.min < DAY_MS && reference.max - reference.min < DAY_MS;
		return sameDay ? 'same day as' : 'overlaps';
	}
	const direction = before ? 'before' : 'after';
	const nearEnd = before ? date.end : date.start;
	if (date.end !== undefined && date.max - date.min >= SHORT_SPAN && typeof nearEnd === 'object') {
		return `${before ? 'ended' : 'starts'} ${span(nearEnd.min, nearEnd.max, reference, before)} ${direction}`;
	}
	return `${span(date.min, date.max, reference, before)} ${direction}`;
}

const DAY_MS = 86_400_000;
// Below about four weeks a distance reads best in days; below a year, in months.
const SHORT_SPAN = 27 * DAY_MS;

// Each unit: its calendar difference (for a date known to that unit: Dec 2025 is 1 month before
// 2 Jan 2026), its elapsed difference (for a finer date promoted to it: 15 Sep 2025 is 3 months
// before), and the count at which the next unit up reads better.
const UNITS = [
	['day', differenceInCalendarDays, differenceInCalendarDays, 60],
	['month', differenceInCalendarMonths, differenceInMonths, 24],
	['year', differenceInCalendarYears, differenceInYears, Number.POSITIVE_INFINITY],
] as const;

/** The count in the date's own unit, moved up a unit when large ("4380 days" reads as "12 years"). */
function span(min: number, max: number, reference: EdtfDate, before: boolean): string {
	const width = max - min;
	const own = width < SHORT_SPAN ? 0 : width < 360 * DAY_MS ? 1 : 2;
	const ref = new UTCDate(before ? reference.min : reference.max);
	for (let unit = own; ; unit++) {
		const [name, calendar, elapsed, limit] = UNITS[unit] as (typeof UNITS)[number];
		const diff = unit === own ? calendar : elapsed;
		// Elapsed units count whole days: the last instant of 2 Jan 2014 is still 12 years before 2 Jan 2026.
		const day = (instant: number) =>
			unit === own ? instant : instant - (((instant % DAY_MS) + DAY_MS) % DAY_MS);
		const measure = (instant: number) =>
			Number.isFinite(instant) ? Math.abs(diff(ref, new UTCDate(day(instant)))) : Number.NaN;
		const [near, far] = before ? [measure(max), measure(min)] : [measure(min), measure(max)];
		if (near >= limit) continue;
		const count = Number.isNaN(far) || far === near ? String(near) : `${near}–${far}`;
		return `${count} ${name}${count === '1' ? '' : 's'}`;
	}
}
