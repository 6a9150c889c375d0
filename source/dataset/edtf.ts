import edtf, {type ParsedEdtf, parse} from 'edtf';

/**
 * A typed reading of EDTF (ISO 8601-2, levels 0 and 1) dates.
 *
 * Plain `YYYY`, `YYYY-MM` and `YYYY-MM-DD` (with an optional `~ ? %` qualifier) are read by a small
 * fast path: the edtf package's grammar costs ~80 µs per date, which is 8 s for a 100k-event archive.
 * Everything else goes to the edtf package. A property test keeps both paths in agreement.
 */

export type Precision = 'year' | 'season' | 'month' | 'day' | 'minute' | 'second';

export interface EdtfPoint {
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

/** `open` is `..` (no end), `unknown` is an empty side (end not known). */
export type OpenEnd = 'open' | 'unknown';

export interface EdtfDate {
	text: string;
	start: EdtfPoint | OpenEnd;
	/** Present only for intervals. */
	end?: EdtfPoint | OpenEnd;
	min: number;
	max: number;
}

export type EdtfResult = {ok: true; date: EdtfDate} | {ok: false; message: string};

export const EDTF_EXAMPLES = '2026-01-02, 2025-12, 2024, 2025-12-22/2025-12-28, 2025-12~, 2025-12-31?';

const SIMPLE = /^(-?\d{4})(?:-(\d{2})(?:-(\d{2}))?)?([~?%])?$/;
const DAY_MS = 86_400_000;
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
	if (text.includes('/')) return parseInterval(text);
	const point = parsePoint(text);
	return 'error' in point
		? {ok: false, message: point.error}
		: {ok: true, date: {text, start: point, min: point.min, max: point.max}};
}

function parseInterval(text: string): EdtfResult {
	const parts = text.split('/');
	if (parts.length !== 2) return {ok: false, message: 'an interval has exactly one "/"'};
	const [left = '', right = ''] = parts;
	const start = parseSide(left);
	const end = parseSide(right);
	if (isFailure(start)) return {ok: false, message: `start of interval: ${start.error}`};
	if (isFailure(end)) return {ok: false, message: `end of interval: ${end.error}`};
	if (typeof start !== 'object' && typeof end !== 'object') {
		return {ok: false, message: 'an interval needs at least one known end'};
	}
	const min = typeof start === 'object' ? start.min : Number.NEGATIVE_INFINITY;
	const max = typeof end === 'object' ? end.max : Number.POSITIVE_INFINITY;
	if (typeof start === 'object' && typeof end === 'object' && end.max < start.min) {
		return {ok: false, message: `the interval ends (${right}) before it starts (${left})`};
	}
	return {ok: true, date: {text, start, end, min, max}};
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
	let parsed: ParsedEdtf;
	try {
		parsed = parse(text, {level: 1, types: ['Date', 'Year', 'Season']});
	} catch {
		return {error: `not an EDTF date (expected a form such as ${EDTF_EXAMPLES})`};
	}
	return fromParsed(parsed);
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
	const min = utc(year, (month ?? 1) - 1, day ?? 1);
	const max =
		day !== undefined
			? min + DAY_MS - 1
			: month !== undefined
				? utc(year, month, 1) - 1
				: utc(year + 1, 0, 1) - 1;
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

function fromParsed(parsed: ParsedEdtf): EdtfPoint | Failure {
	const value = edtf(parsed);
	if (!Number.isFinite(value.min) || !Number.isFinite(value.max)) {
		return {error: 'the year is outside the range timescope can place on a timeline'};
	}
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

function utc(year: number, monthIndex: number, day: number): number {
	// Date.UTC reads years 0–99 as 1900–1999; only those (and negative years) need a Date object.
	if (year >= 100) return Date.UTC(year, monthIndex, day);
	const date = new Date(Date.UTC(2000, monthIndex, day));
	date.setUTCFullYear(year, monthIndex, day);
	return date.getTime();
}

function daysInMonth(year: number, month: number): number {
	return new Date(utc(year, month, 1) - DAY_MS).getUTCDate();
}
