import {parseEdtf} from '../edtf.js';

/**
 * TimelineJS date objects (`{"year": "1835", "month": "11", "day": "", ...}`) to EDTF.
 *
 * Every part may be a number or a string; `""` and `null` mean absent; the precision is the finest part
 * present. A date is read down to its first part that cannot be used (a day without a month, month 13,
 * 30 February): what comes before it is the date, and a note says what was not used. Only a date with
 * no usable year gives nothing. EDTF has no hour-only precision, so an hour without minutes becomes
 * `Thh:00:00` and the caller keeps the original object (`lossless: false`).
 *
 * Years: TimelineJS writes 500 BCE as -500 and labels it "500 BCE" (Language.js prints the absolute
 * value with a BCE suffix); EDTF years are astronomical (-0499 is 500 BC). So every year below zero
 * moves by one, deep years too: TimelineJS's -13800000000 ("13.8 billion years ago") is
 * `Y-13799999999`, which timescope shows as 13.8 billion years ago again.
 */

export const DATE_PARTS = ['year', 'month', 'day', 'hour', 'minute', 'second'] as const;
export type DatePart = (typeof DATE_PARTS)[number];
/** `year` as TimelineJS writes it; `zone` is a UTC offset some v2 dates carry (`Z`, `-08:00`). */
export type DateParts = Partial<Record<DatePart, number>> & {year: number; zone?: string};

/** Where in the date object a problem lies: a part name, or undefined for the object as a whole. */
export interface DateError {
	error: string;
	field?: string;
}

/** Something in a date that was not used, and why; the date itself was still read. */
export interface DateNote {
	field?: string;
	message: string;
}

/** The EDTF (astronomical) year of a year as TimelineJS writes it. */
export function astronomicalYear(year: number): number {
	return year < 0 ? year + 1 : year;
}

/** The year TimelineJS writes for an astronomical year: the inverse of `astronomicalYear`. */
export function timelineJsYear(astronomical: number): number {
	return astronomical <= 0 ? astronomical - 1 : astronomical;
}

export interface ReadDate {
	/** Undefined when the object gives no date at all (absent, null, or every part empty). */
	parts?: DateParts;
	/** False when the EDTF text cannot carry everything the object says (milliseconds, a format...). */
	lossless: boolean;
	note?: DateNote;
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
		return {field: name, error: `${name} must be a whole number, found ${describeValue(value)}`};
	}
	const [min, max] = RANGES[name];
	if (!Number.isSafeInteger(n) || n < min || n > max) {
		const range = name === 'year' ? 'a whole number' : `a whole number from ${min} to ${max}`;
		return {field: name, error: `${name} must be ${range}, found ${describeValue(value)}`};
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
	const lossless = Object.entries(object).every(
		([key, v]) => (DATE_PARTS as readonly string[]).includes(key) || key === 'zone' || isAbsent(v),
	);
	const year = readPart('year', object.year);
	if (isDateError(year)) return year;
	if (year === undefined) {
		const given = DATE_PARTS.find((name) => !isAbsent(object[name]));
		if (given === undefined) return {lossless};
		// TimelineJS reads a missing year as 0 (1 BC), which no author means.
		return {field: 'year', error: `the date has ${withArticle(given)} but no year`};
	}
	const parts: DateParts = {year};
	if (typeof object.zone === 'string') parts.zone = object.zone;
	let note: DateNote | undefined;
	for (const name of DATE_PARTS.slice(1)) {
		const part = readPart(name, object[name]);
		if (part === undefined) {
			// An hour without minutes is on the hour; any other gap ends the date here.
			if (name === 'minute' && parts.hour !== undefined) break;
			const finer = DATE_PARTS.slice(DATE_PARTS.indexOf(name) + 1).find((n) => !isAbsent(object[n]));
			if (finer !== undefined)
				note = {field: finer, message: `the date has ${withArticle(finer)} but no ${name}`};
			break;
		}
		if (isDateError(part)) {
			note = {field: name, message: part.error};
			break;
		}
		if (name === 'day' && parts.month !== undefined && part > daysInMonth(year, parts.month)) {
			note = {field: 'day', message: `day ${part} does not exist in month ${parts.month} of ${year}`};
			break;
		}
		parts[name] = part;
	}
	const bigYear = Math.abs(year) > 9999;
	const hourOnly = parts.hour !== undefined && parts.minute === undefined;
	if (note) note.message += `; read as ${describeParts(parts)}`;
	// Year 0 is read as 1 BC, the year TimelineJS calls -1: the original says "0", and is kept.
	const yearZero = year === 0;
	return {parts, lossless: lossless && !note && !hourOnly && !yearZero && !(bigYear && parts.month), note};
}

function describeParts(parts: DateParts): string {
	return DATE_PARTS.filter((name) => parts[name] !== undefined)
		.map((name) => `${name} ${parts[name]}`)
		.join(', ');
}

/**
 * The EDTF text of one point: `1835-11-30`, `0602`, `-0043-03`, `1900-01-06T06:45:56`, `Y-13800000`.
 * Years beyond four digits only exist at year precision in EDTF (TimelineJS's cosmological scale).
 */
export function pointToEdtf(parts: DateParts): string {
	const year = astronomicalYear(parts.year);
	const pad = (n: number, width: number) => String(Math.abs(n)).padStart(width, '0');
	if (Math.abs(year) > 9999) return `Y${year}`;
	let text = `${year < 0 ? '-' : ''}${pad(year, 4)}`;
	if (parts.month === undefined) return text;
	text += `-${pad(parts.month, 2)}`;
	if (parts.day === undefined) return text;
	text += `-${pad(parts.day, 2)}`;
	if (parts.hour === undefined) return text;
	return `${text}T${pad(parts.hour, 2)}:${pad(parts.minute ?? 0, 2)}:${pad(parts.second ?? 0, 2)}${parts.zone ?? ''}`;
}

export type DateSide = 'start_date' | 'end_date';

export type SlideDate =
	| {ok: true; edtf: string; lossless: boolean; notes: Array<DateNote & {on: DateSide}>}
	| ({ok: false; on: DateSide} & DateError);

/**
 * A slide's date: a point, or an interval when `end_date` names a date. Only the start can make the
 * slide unusable; an end that cannot be read, or that comes before the start, leaves the end unknown
 * (`1835/`), as the author's end is, and says so in a note.
 */
export function slideDate(start: unknown, end: unknown): SlideDate {
	const from = readDateObject(start);
	if (isDateError(from)) return {ok: false, on: 'start_date', ...from};
	if (from.parts === undefined) {
		return {
			ok: false,
			on: 'start_date',
			error:
				start === undefined
					? 'no start_date: TimelineJS leaves such a slide out too'
					: 'start_date has no year: TimelineJS would place it in year 0',
		};
	}
	const startText = pointToEdtf(from.parts);
	const checked = parseEdtf(startText);
	if (!checked.ok) return {ok: false, on: 'start_date', error: checked.message};
	const notes: Array<DateNote & {on: DateSide}> = from.note ? [{on: 'start_date', ...from.note}] : [];
	const openEnded = (note: DateNote): SlideDate => ({
		ok: true,
		edtf: `${startText}/`,
		lossless: false,
		notes: [...notes, {on: 'end_date', ...note, message: `${note.message}; the end is left unknown`}],
	});
	const to = readDateObject(end);
	if (isDateError(to)) return openEnded({field: to.field, message: to.error});
	if (to.note) notes.push({on: 'end_date', ...to.note});
	const lossless = from.lossless && to.lossless && notes.length === 0;
	if (to.parts === undefined) return {ok: true, edtf: startText, lossless, notes};
	const endText = pointToEdtf(to.parts);
	// A range from a day to the same day is that day; the end object is kept by the caller.
	if (endText === startText) return {ok: true, edtf: startText, lossless: false, notes};
	const interval = parseEdtf(`${startText}/${endText}`);
	if (!interval.ok) {
		const before = /before it starts/.test(interval.message);
		return openEnded({
			message: before
				? `the end date (${endText}) is before the start date (${startText})`
				: interval.message,
		});
	}
	return {ok: true, edtf: `${startText}/${endText}`, lossless, notes};
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
		error: `expected a time such as 10:30, 10:30:15 or 10:30 PM, found ${describeValue(text)}`,
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

/** In the proleptic Gregorian calendar EDTF uses, where TimelineJS's year -1 (1 BCE) is a leap year. */
function daysInMonth(timelineJsYear: number, month: number): number {
	const year = astronomicalYear(timelineJsYear);
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
