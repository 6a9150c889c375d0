import edtf, {type ParsedEdtf, parse} from 'edtf';
import {DAY_MS, daysInMonth, instantBefore, MAX_YEAR, startOfDay} from './calendar.js';

/**
 * A typed reading of EDTF (ISO 8601-2) dates, in the four kinds of time a source can give:
 *
 * - a point at its precision: `2025-12-31`, `2025-12`, `2024`, `2025~`, `2025-12-31?`, `Y-13800000000`;
 * - a duration: `2025-12-22/2025-12-28`; an open end (`2025~/..`) is ongoing, an empty side
 *   (`2025/`) is not known;
 * - one point, not known which, within a window or among listed dates (level 2 "one of a set"):
 *   `[2025-12-22..2025-12-28]`, `[2024, 2025-12-31]`;
 * - on or before / on or after a date, nothing more: `[..2026-01-02]`, `[2026-01-02..]`.
 *
 * Plain `YYYY`, `YYYY-MM`, `YYYY-MM-DD` (with an optional `~ ? %`) and long years `Y-13800000000` are
 * read by a small fast path: the edtf package's grammar costs ~80 µs per date, which is 8 s for a
 * 100k-event archive. Every other point goes to the edtf package; a property test keeps both paths in
 * agreement. Intervals and sets are split here so that their members take the same two paths: the
 * package's own set grammar knows neither long years nor qualified members.
 *
 * Instants are milliseconds since the epoch computed without Date (see calendar.ts), so a date in deep
 * time orders and places like any other.
 */

export type Precision = 'year' | 'season' | 'month' | 'day' | 'minute' | 'second';

export interface EdtfPoint {
	/** Astronomical numbering, as EDTF: 0 is 1 BC, -44 is 45 BC. */
	year: number;
	/** 1–12 */
	month?: number;
	day?: number;
	/** 21–24 (spring, summer, autumn, winter) */
	season?: number;
	hour?: number;
	minute?: number;
	second?: number;
	/** Minutes east of UTC when the text gave a zone; absent means UTC was assumed. */
	offset?: number;
	precision: Precision;
	approximate: boolean;
	uncertain: boolean;
	/** Original digits with X for unspecified ones (`201X`, `2025-12-XX`), when any are unspecified. */
	unspecifiedText?: string;
	/** Earliest and latest instant covered, in ms since the epoch (UTC). */
	min: number;
	max: number;
}

/** `open` is `..` (ongoing at the end, indefinite at the start), `unknown` an empty side (not known). */
export type OpenEnd = 'open' | 'unknown';

interface Covered {
	readonly text: string;
	/** Earliest and latest instant the date could fall on (±Infinity when a side is open or unknown). */
	readonly min: number;
	readonly max: number;
}

export interface PointDate extends Covered {
	readonly kind: 'point';
	readonly point: EdtfPoint;
}

export interface IntervalDate extends Covered {
	readonly kind: 'interval';
	readonly start: EdtfPoint | OpenEnd;
	readonly end: EdtfPoint | OpenEnd;
}

/** One member of a set: a date, or every date from `from` to `to` (`a..b`). */
export interface SetMember {
	readonly from: EdtfPoint;
	readonly to?: EdtfPoint;
}

export interface OneOfDate extends Covered {
	readonly kind: 'oneOf';
	readonly members: readonly SetMember[];
}

export interface BoundDate extends Covered {
	readonly kind: 'onOrBefore' | 'onOrAfter';
	readonly point: EdtfPoint;
}

export type EdtfDate = PointDate | IntervalDate | OneOfDate | BoundDate;

export type EdtfResult = {ok: true; date: EdtfDate} | {ok: false; message: string};

export const EDTF_EXAMPLES =
	'2026-01-02, 2025-12, 2024, 2025-12-31?, 2025-12~, 2025-12-22/2025-12-28, 2025~/.., [2025-12-22..2025-12-28], [..2026-01-02], Y-13800000000';

const SIMPLE = /^(-?\d{4})(?:-(\d{2})(?:-(\d{2}))?)?([~?%])?$/;
// EDTF's long year: "Y" and more than four digits.
const LONG_YEAR = /^Y(-?\d{5,})$/;
const MONTH_DIGITS = 0b0011_0000;
const DAY_DIGITS = 0b1100_0000;

const cache = new Map<string, EdtfResult>();

export function parseEdtf(text: string): EdtfResult {
	let result = cache.get(text);
	if (!result) {
		result = parseUncached(text);
		// Archives repeat dates heavily; the cap keeps a hostile file from growing this without bound.
		if (cache.size < 100_000) cache.set(text, result);
	}
	return result;
}

function parseUncached(text: string): EdtfResult {
	if (text.startsWith('[')) return parseSet(text);
	if (text.startsWith('{')) {
		return fail('a list of dates that all apply ({…}) is not supported: give each date its own event');
	}
	if (text.includes('/')) return parseInterval(text);
	const point = parsePoint(text);
	return isFailure(point)
		? fail(point.error)
		: ok({kind: 'point', text, point, min: point.min, max: point.max});
}

function ok(date: EdtfDate): EdtfResult {
	return {ok: true, date};
}

function fail(message: string): EdtfResult {
	return {ok: false, message};
}

function parseInterval(text: string): EdtfResult {
	const parts = text.split('/');
	if (parts.length !== 2) return fail('an interval has exactly one "/"');
	const [left = '', right = ''] = parts;
	const start = parseSide(left);
	const end = parseSide(right);
	if (isFailure(start)) return fail(`start of interval: ${start.error}`);
	if (isFailure(end)) return fail(`end of interval: ${end.error}`);
	if (typeof start !== 'object' && typeof end !== 'object') {
		return fail('an interval needs at least one known end');
	}
	const min = typeof start === 'object' ? start.min : Number.NEGATIVE_INFINITY;
	const max = typeof end === 'object' ? end.max : Number.POSITIVE_INFINITY;
	if (typeof start === 'object' && typeof end === 'object' && end.max < start.min) {
		return fail(`the interval ends (${right}) before it starts (${left})`);
	}
	return ok({kind: 'interval', text, start, end, min, max});
}

/** `[a..b]`, `[a, b, c]`, `[a, b..c]`, `[..d]`, `[d..]`: one of these, not known which. */
function parseSet(text: string): EdtfResult {
	if (!text.endsWith(']')) return fail('a set opened with "[" must close with "]"');
	const parts = text
		.slice(1, -1)
		.split(',')
		.map((part) => part.trim());
	if (parts.some((part) => part === '')) return fail('a set needs a date between each pair of commas');
	const open = parts.find((part) => part.startsWith('..') || part.endsWith('..'));
	if (open !== undefined) {
		if (parts.length > 1) {
			return fail(`"${open}" is open-ended and must stand alone: [..2026-01-02] or [2026-01-02..]`);
		}
		const before = open.startsWith('..');
		const point = parsePoint(before ? open.slice(2) : open.slice(0, -2));
		if (isFailure(point)) return fail(`in the set: ${point.error}`);
		return before
			? ok({kind: 'onOrBefore', text, point, min: Number.NEGATIVE_INFINITY, max: point.max})
			: ok({kind: 'onOrAfter', text, point, min: point.min, max: Number.POSITIVE_INFINITY});
	}
	const members: SetMember[] = [];
	for (const part of parts) {
		const [left = '', right, ...rest] = part.split('..');
		if (rest.length > 0) return fail(`"${part}" has more than one ".."`);
		const from = parsePoint(left);
		if (isFailure(from)) return fail(`in the set: ${from.error}`);
		if (right === undefined) {
			members.push({from});
			continue;
		}
		const to = parsePoint(right);
		if (isFailure(to)) return fail(`in the set: ${to.error}`);
		if (to.max < from.min) return fail(`the range ${part} ends before it starts`);
		members.push({from, to});
	}
	const min = Math.min(...members.map((member) => member.from.min));
	const max = Math.max(...members.map((member) => (member.to ?? member.from).max));
	const only = members[0] as SetMember;
	// `[2025-12-31]` is one date known exactly.
	if (members.length === 1 && only.to === undefined)
		return ok({kind: 'point', text, point: only.from, min, max});
	return ok({kind: 'oneOf', text, members, min, max});
}

interface Failure {
	error: string;
}

function isFailure(value: EdtfPoint | OpenEnd | Failure): value is Failure {
	return typeof value === 'object' && 'error' in value;
}

function parseSide(text: string): EdtfPoint | OpenEnd | Failure {
	if (text === '..') return 'open';
	if (text === '') return 'unknown';
	return parsePoint(text);
}

function parsePoint(text: string): EdtfPoint | Failure {
	const simple = SIMPLE.exec(text);
	// Months 21–24 are seasons: the edtf package reads those.
	if (simple && Number(simple[2] ?? 1) <= 12) return fromSimple(simple);
	const long = LONG_YEAR.exec(text);
	if (long) return yearPoint(Number(long[1]), false);
	let parsed: ParsedEdtf;
	try {
		parsed = parse(text, {level: 1, types: ['Date', 'Year', 'Season']});
	} catch {
		try {
			// Level 2 adds exponent and significant-digit years: `Y-17E7`, `Y-17E7S3`, `1950S2`.
			parsed = parse(text, {level: 2, types: ['Year']});
		} catch {
			return {error: `not an EDTF date (expected a form such as ${EDTF_EXAMPLES})`};
		}
	}
	if (parsed.type === 'Year') {
		// Significant digits say the year is an estimate: read as approximate.
		return yearPoint(parsed.values[0] as number, parsed.significant !== undefined);
	}
	return fromParsed(parsed);
}

function yearPoint(year: number, approximate: boolean): EdtfPoint | Failure {
	if (!Number.isSafeInteger(year) || Math.abs(year) > MAX_YEAR) {
		return {error: 'the year is beyond the trillion years either side of year 0 that timescope can place'};
	}
	return {
		year,
		precision: 'year',
		approximate,
		uncertain: false,
		min: startOfDay(year, 1, 1),
		max: instantBefore(startOfDay(year + 1, 1, 1)),
	};
}

function fromSimple(match: RegExpExecArray): EdtfPoint | Failure {
	const [, y, m, d, qualifier] = match;
	const year = Number(y);
	const month = m === undefined ? undefined : Number(m);
	const day = d === undefined ? undefined : Number(d);
	if (month === 0) return {error: `month ${m} is not 01–12`};
	if (month !== undefined && day !== undefined && (day < 1 || day > daysInMonth(year, month))) {
		return {error: `day ${d} does not exist in ${y}-${m}`};
	}
	const precision: Precision = day !== undefined ? 'day' : month !== undefined ? 'month' : 'year';
	const min = startOfDay(year, month ?? 1, day ?? 1);
	const max =
		day !== undefined
			? min + DAY_MS - 1
			: month !== undefined
				? startOfDay(year, month, daysInMonth(year, month)) + DAY_MS - 1
				: startOfDay(year + 1, 1, 1) - 1;
	return {
		year,
		month,
		day,
		precision,
		approximate: qualifier === '~' || qualifier === '%',
		uncertain: qualifier === '?' || qualifier === '%',
		min,
		max,
	};
}

// Only four-digit years reach here (long years are read above), well inside what the package can place.
function fromParsed(parsed: ParsedEdtf): EdtfPoint | Failure {
	const value = edtf(parsed);
	const numbers = parsed.values.filter((v): v is number => typeof v === 'number');
	const [year = 0, monthIndex, day, hour, minute, second] = numbers;
	const common = {
		year,
		approximate: Boolean(parsed.approximate),
		uncertain: Boolean(parsed.uncertain),
		min: value.min,
		max: value.max,
	};
	if (parsed.type === 'Season') {
		return {...common, season: monthIndex, precision: 'season'};
	}
	const point: EdtfPoint = {
		...common,
		month: monthIndex === undefined ? undefined : monthIndex + 1,
		day,
		hour,
		minute,
		second,
		precision: precisionOf(numbers.length, second),
	};
	if (parsed.timeZone !== undefined) point.offset = parsed.offset ?? 0;
	if (parsed.unspecified) {
		point.unspecifiedText = unspecifiedText(point, parsed.unspecified);
		// An unspecified part is no part: `2025-12-XX` is known to the month.
		if (parsed.unspecified & MONTH_DIGITS) {
			point.month = undefined;
			point.day = undefined;
			point.precision = 'year';
		} else if (parsed.unspecified & DAY_DIGITS) {
			point.day = undefined;
			point.precision = 'month';
		}
	}
	return point;
}

function precisionOf(parts: number, second: number | undefined): Precision {
	if (parts >= 6) return second === 0 ? 'minute' : 'second';
	return (['year', 'year', 'month', 'day', 'minute', 'minute'] as const)[parts] ?? 'day';
}

// Bit i of the mask marks digit i of YYYYMMDD as unspecified.
function unspecifiedText(point: EdtfPoint, mask: number): string {
	const digits =
		String(point.year).padStart(4, '0') +
		(point.month === undefined ? '' : String(point.month).padStart(2, '0')) +
		(point.day === undefined ? '' : String(point.day).padStart(2, '0'));
	const masked = [...digits].map((c, i) => (mask & (1 << i) ? 'X' : c)).join('');
	return [masked.slice(0, 4), masked.slice(4, 6), masked.slice(6, 8)].filter(Boolean).join('-');
}

/** Dates that say only on which side of a day something happened: "date not given". */
export function isBound(date: EdtfDate): date is BoundDate {
	return date.kind === 'onOrBefore' || date.kind === 'onOrAfter';
}

/** The point that places a date on a timeline: its start, or its end when the start is not known. */
export function anchorPoint(date: EdtfDate): EdtfPoint | undefined {
	switch (date.kind) {
		case 'point':
		case 'onOrBefore':
		case 'onOrAfter':
			return date.point;
		case 'oneOf':
			return date.members.reduce((a, b) => (b.from.min < a.from.min ? b : a)).from;
		case 'interval':
			if (typeof date.start === 'object') return date.start;
			return typeof date.end === 'object' ? date.end : undefined;
	}
}

/** The instant that places a date: the first instant of its anchor point. */
export function anchorInstant(date: EdtfDate): number {
	return anchorPoint(date)?.min ?? Number.NaN;
}

/**
 * What places and groups a date on a timeline, as plain numbers: its anchor point's calendar fields
 * and first instant. A first frame needs this of every event of an archive but the whole date only
 * of the rows it draws, so the model keeps it per date (columns.ts) and parses dates when read.
 */
export interface Anchor {
	/** The date gives only a bound (on or before, on or after): it has no place on the dated timeline. */
	readonly bound: boolean;
	/** The anchor point's first instant (anchorInstant); NaN when the date has no anchor point. */
	readonly instant: number;
	readonly year: number;
	readonly month?: number;
	readonly day?: number;
	readonly precision: Precision;
	/** Digits of the year left unspecified: 1 for `201X`, 2 for `19XX`. */
	readonly unspecifiedYearDigits: number;
}

export function anchorOf(date: EdtfDate): Anchor {
	const point = anchorPoint(date);
	return {
		bound: isBound(date),
		instant: point?.min ?? Number.NaN,
		year: point?.year ?? Number.NaN,
		month: point?.month,
		day: point?.day,
		precision: point?.precision ?? 'day',
		unspecifiedYearDigits: (point?.unspecifiedText?.slice(0, 4).match(/X/g) ?? []).length,
	};
}
