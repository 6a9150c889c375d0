import {parseEdtf} from '../edtf.js';

/**
 * TimelineJS date objects (`{"year": "1835", "month": "11", "day": "", ...}`) to EDTF.
 *
 * Every part may be a number or a string; `""` and `null` mean absent; the precision is the finest part
 * present. EDTF has no hour-only precision, so an hour without minutes becomes `Thh:00:00` and the
 * caller keeps the original object (`lossless: false`).
 */

export const DATE_PARTS = ['year', 'month', 'day', 'hour', 'minute', 'second'] as const;
export type DatePart = (typeof DATE_PARTS)[number];
export type DateParts = Partial<Record<DatePart, number>> & {year: number};

/** Where in the date object a problem lies: a part name, or undefined for the object as a whole. */
export interface DateError {
	error: string;
	field?: string;
}

export interface ReadDate {
	/** Undefined when the object gives no date at all (absent, null, or every part empty). */
	parts?: DateParts;
	/** False when the EDTF text cannot carry everything the object says (milliseconds, a format...). */
	lossless: boolean;
}

const RANGES: Record<DatePart, [number, number]> = {
	year: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
	month: [1, 12],
	day: [1, 31],
	hour: [0, 23],
	minute: [0, 59],
	second: [0, 59],
};

const INTEGER = /^[+-]?\d+$/;

export function isAbsent(value: unknown): boolean {
	return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

function readPart(name: DatePart, value: unknown): number | undefined | DateError {
	if (isAbsent(value)) return undefined;
	let n: number;
	if (typeof value === 'number') {
		n = value;
	} else if (typeof value === 'string' && INTEGER.test(value.trim())) {
		n = Number(value.trim());
	} else {
		return {field: name, error: `${name} must be a whole number, found ${JSON.stringify(value)}`};
	}
	const [min, max] = RANGES[name];
	if (!Number.isSafeInteger(n) || n < min || n > max) {
		const range = name === 'year' ? 'a whole number' : `a whole number from ${min} to ${max}`;
		return {field: name, error: `${name} must be ${range}, found ${JSON.stringify(value)}`};
	}
	return n;
}

export function isDateError(value: unknown): value is DateError {
	return typeof value === 'object' && value !== null && 'error' in value;
}

/** A date the CSV or v2 reader could not read, carried to the converter to be reported in place. */
export class UnreadableDate implements DateError {
	constructor(
		readonly error: string,
		readonly field?: string,
	) {}
}

/** Reads a TimelineJS date object; `undefined` parts when it names no date. */
export function readDateObject(value: unknown): ReadDate | DateError {
	if (value instanceof UnreadableDate) return {error: value.error, field: value.field};
	if (isAbsent(value)) return {lossless: true};
	if (typeof value !== 'object' || Array.isArray(value)) {
		return {
			error: `a date must be an object such as {"year": 1835, "month": 11}, found ${describeValue(value)}`,
		};
	}
	const object = value as Record<string, unknown>;
	const found: Partial<Record<DatePart, number>> = {};
	for (const name of DATE_PARTS) {
		const part = readPart(name, object[name]);
		if (isDateError(part)) return part;
		if (part !== undefined) found[name] = part;
	}
	const lossless = Object.entries(object).every(
		([key, v]) => (DATE_PARTS as readonly string[]).includes(key) || isAbsent(v),
	);
	if (found.year === undefined) {
		const given = DATE_PARTS.find((name) => found[name] !== undefined);
		if (given === undefined) return {lossless};
		return {field: 'year', error: `the date has ${withArticle(given)} but no year`};
	}
	// A finer part without the one above it is a date TimelineJS would silently move to January or
	// midnight; better to say so than to invent it.
	let missing: DatePart | undefined;
	for (const name of DATE_PARTS) {
		if (found[name] === undefined) missing ??= name;
		else if (missing !== undefined) {
			return {field: name, error: `the date has ${withArticle(name)} but no ${missing}`};
		}
	}
	if (found.month !== undefined && found.day !== undefined) {
		const days = daysInMonth(found.year, found.month);
		if (found.day > days) {
			return {
				field: 'day',
				error: `day ${found.day} does not exist in month ${found.month} of ${found.year}`,
			};
		}
	}
	const parts = found as DateParts;
	const bigYear = Math.abs(parts.year) > 9999;
	return {
		parts,
		lossless:
			lossless && !(found.hour !== undefined && found.minute === undefined) && !(bigYear && found.month),
	};
}

/**
 * The EDTF text of one point: `1835-11-30`, `0602`, `-0044-03`, `1900-01-06T06:45:56`, `Y-13800000`.
 * Years beyond four digits only exist at year precision in EDTF, as TimelineJS's cosmological scale.
 */
export function pointToEdtf(parts: DateParts): string {
	const pad = (n: number, width: number) => String(Math.abs(n)).padStart(width, '0');
	if (Math.abs(parts.year) > 9999) return `Y${parts.year}`;
	let text = `${parts.year < 0 ? '-' : ''}${pad(parts.year, 4)}`;
	if (parts.month === undefined) return text;
	text += `-${pad(parts.month, 2)}`;
	if (parts.day === undefined) return text;
	text += `-${pad(parts.day, 2)}`;
	if (parts.hour === undefined) return text;
	return `${text}T${pad(parts.hour, 2)}:${pad(parts.minute ?? 0, 2)}:${pad(parts.second ?? 0, 2)}`;
}

export type SlideDate =
	| {ok: true; edtf: string; lossless: boolean}
	| ({ok: false; on: 'start_date' | 'end_date'} & DateError);

/** A slide's date: a point, or an interval when `end_date` names a date. */
export function slideDate(start: unknown, end: unknown): SlideDate {
	const from = readDateObject(start);
	if (isDateError(from)) return {ok: false, on: 'start_date', ...from};
	if (from.parts === undefined) {
		return {ok: false, on: 'start_date', error: 'no start date: TimelineJS needs at least a year'};
	}
	const to = readDateObject(end);
	if (isDateError(to)) return {ok: false, on: 'end_date', ...to};
	const startText = pointToEdtf(from.parts);
	const checked = parseEdtf(startText);
	if (!checked.ok) return {ok: false, on: 'start_date', error: checked.message};
	if (to.parts === undefined) return {ok: true, edtf: startText, lossless: from.lossless && to.lossless};
	const endText = pointToEdtf(to.parts);
	// A range from a day to the same day is that day; the end object is kept by the caller.
	if (endText === startText) return {ok: true, edtf: startText, lossless: false};
	const interval = parseEdtf(`${startText}/${endText}`);
	if (!interval.ok) {
		const before = /before it starts/.test(interval.message);
		return {
			ok: false,
			on: 'end_date',
			error: before ? `the end date (${endText}) is before the start date (${startText})` : interval.message,
		};
	}
	return {ok: true, edtf: `${startText}/${endText}`, lossless: from.lossless && to.lossless};
}

export interface TimeOfDay {
	hour: number;
	minute?: number;
	second?: number;
	millisecond?: number;
}

/**
 * A spreadsheet's Time cell, read as TimelineJS reads it: `10:30`, `10:30:15`, `10:30:15.5`, `1030`,
 * `10.30`, `10:30 PM`, `12 a.m.`.
 */
export function parseTimeOfDay(text: string): TimeOfDay | DateError {
	const invalid = {
		error: `expected a time such as 10:30, 10:30:15 or 10:30 PM, found ${JSON.stringify(text)}`,
	};
	let rest = text.trim();
	const period = /\s*([ap])\.?m\.?$/i.exec(rest);
	if (period) rest = rest.slice(0, period.index).trim();
	const compact = /^(\d{1,2})(\d{2})$/.exec(rest);
	const pieces = compact ? [compact[1] ?? '', compact[2] ?? ''] : rest.split(rest.includes(':') ? ':' : '.');
	if (pieces.length > 3 || pieces.some((piece, i) => !(i === 2 ? /^\d+([.,]\d+)?$/ : /^\d+$/).test(piece))) {
		return invalid;
	}
	const [h = '', m, s] = pieces;
	let hour = Number(h);
	if (period) {
		if (hour < 1 || hour > 12) return {error: `hour ${hour} is not 1–12 in a time with AM/PM`};
		const pm = period[1]?.toLowerCase() === 'p';
		hour = (hour % 12) + (pm ? 12 : 0);
	}
	const time: TimeOfDay = {hour};
	if (m !== undefined) time.minute = Number(m);
	if (s !== undefined) {
		const [whole = '', fraction] = s.split(/[.,]/);
		time.second = Number(whole);
		if (fraction !== undefined) time.millisecond = Math.round(Number(`0.${fraction}`) * 1000);
	}
	if (time.hour > 23 || (time.minute ?? 0) > 59 || (time.second ?? 0) > 59) return invalid;
	return time;
}

function withArticle(part: DatePart): string {
	return part === 'hour' ? 'an hour' : `a ${part}`;
}

function daysInMonth(year: number, month: number): number {
	if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
	return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function describeValue(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'a list';
	if (typeof value === 'object') return 'an object';
	// A value from the file: a megabyte of it must not make a megabyte of message.
	if (typeof value === 'string' && value.length > 60) return JSON.stringify(`${value.slice(0, 60)}…`);
	return JSON.stringify(value);
}
