import {civilFromDays, dayNumber, elapsed} from './calendar.js';
import {
	anchorInstant,
	type BoundDate,
	type EdtfDate,
	type EdtfPoint,
	isBound,
	type OpenEnd,
	type Precision,
	parseEdtf,
	type SetMember,
} from './edtf.js';

/**
 * Every word timescope writes about a date, in one place, so the explorer's list and detail and the
 * printed listing say the same thing: the short form of a date (`formatDate`), its full wording
 * (`whenText`), and where it stands against the dataset's reference date (`relationText`).
 *
 * Nothing here says more than the date does: a window is "some day between", an open end "ongoing",
 * a bound "by … (date not given)"; only a real end "ended"; distances are ranges when the date is
 * (`1–2 years before` for 2024 against 2 Jan 2026).
 */

export const MONTHS = [
	'January',
	'February',
	'March',
	'April',
	'May',
	'June',
	'July',
	'August',
	'September',
	'October',
	'November',
	'December',
] as const;
const SEASONS: Record<number, string> = {21: 'Spring', 22: 'Summer', 23: 'Autumn', 24: 'Winter'};

const numbers = new Intl.NumberFormat('en-US', {maximumFractionDigits: 9});

/** `1,234,567`; plain digits below 10,000, as years are written. */
export function countText(count: number): string {
	return count < 10_000 ? String(count) : numbers.format(count);
}

const DEEP = 1_000_000;

/** `13.8 billion` / `66 million` for a count of years at least a million. */
function scaleWords(years: number): string {
	return years >= 1e9 ? `${numbers.format(years / 1e9)} billion` : `${numbers.format(years / 1e6)} million`;
}

interface YearParts {
	readonly value: string;
	/** `''`, `' BC'`, `' million years ago'`, … : two years with the same suffix share it in a range. */
	readonly suffix: string;
}

/**
 * A year in words, from EDTF's astronomical numbering: 2025, 602, `500 BC` (-0499), `1 BC` (0),
 * `10,000 BC`. From a million years back, a year within one of a multiple of ten thousand reads as
 * `13.8 billion years ago`: at that precision the year-zero question (and the two thousand years since)
 * is below what is shown, and TimelineJS's -13800000000 (astronomical -13799999999) reads as its author
 * meant it. Other deep years keep every digit: `65,500,123 BC`.
 */
function yearParts(year: number, words = true): YearParts {
	if (year > 0) return {value: countText(year), suffix: ''};
	const bc = 1 - year;
	if (words && bc > DEEP) {
		const round = -year % 10_000 === 0 ? -year : bc % 10_000 === 0 ? bc : undefined;
		if (round !== undefined) return {value: scaleWords(round), suffix: ' years ago'};
	}
	return {value: countText(bc), suffix: ' BC'};
}

export function yearText(year: number): string {
	const {value, suffix} = yearParts(year);
	return value + suffix;
}

/**
 * `500–400 BC`, `10 BC – AD 20`, `541–252 million years ago`, `13.8 billion – 541 million years ago`,
 * `1914–1918`.
 */
function yearRange(from: number, to: number): string {
	let a = yearParts(from);
	let b = yearParts(to);
	// One end in words and one in digits: both in digits, so the range reads as one.
	if (a.suffix !== b.suffix && a.suffix !== '' && b.suffix !== '')
		[a, b] = [yearParts(from, false), yearParts(to, false)];
	if (a.suffix === b.suffix) {
		const [first, scale] = a.value.split(' ');
		if (scale !== undefined && b.value.endsWith(` ${scale}`)) return `${first}–${b.value}${b.suffix}`;
		return a.value.includes(' ') ? `${a.value} – ${b.value}${b.suffix}` : `${a.value}–${b.value}${b.suffix}`;
	}
	if (b.suffix === '') return `${a.value}${a.suffix} – AD ${b.value}`;
	return `${a.value}${a.suffix} – ${b.value}${b.suffix}`;
}

function monthName(point: EdtfPoint): string {
	return MONTHS[(point.month ?? 1) - 1]?.slice(0, 3) ?? '';
}

function dayMonth(point: EdtfPoint): string {
	return `${point.day} ${monthName(point)}`;
}

/** Human form at the point's own precision: `1 Jan 2026`, `Dec 2025`, `c. 2025`, `31 Dec 2025?`. */
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

function isPlain(point: EdtfPoint): boolean {
	return !point.approximate && !point.uncertain && !point.unspecifiedText;
}

/**
 * Two points as one range with what they share written once: `22–28 Dec 2025`, `Oct–Dec 2025`;
 * with `and` for a window: `22 and 28 Dec 2025`.
 */
function pointRange(start: EdtfPoint, end: EdtfPoint, joiner: 'dash' | 'and' = 'dash'): string {
	const [tight, loose] = joiner === 'and' ? [' and ', ' and '] : ['–', ' – '];
	if (isPlain(start) && isPlain(end) && start.precision === end.precision) {
		if (start.year === end.year) {
			if (start.precision === 'day' && start.month === end.month) {
				return `${start.day}${tight}${dayMonth(end)} ${yearText(end.year)}`;
			}
			if (start.precision === 'day')
				return `${dayMonth(start)}${loose}${dayMonth(end)} ${yearText(end.year)}`;
			if (start.precision === 'month')
				return `${monthName(start)}${tight}${monthName(end)} ${yearText(end.year)}`;
		}
		if (start.precision === 'year' && joiner === 'dash') return yearRange(start.year, end.year);
	}
	return `${formatPoint(start)}${loose}${formatPoint(end)}`;
}

function intervalText(start: EdtfPoint | OpenEnd, end: EdtfPoint | OpenEnd): string {
	if (typeof start === 'object' && typeof end === 'object') return pointRange(start, end);
	if (start === 'open') return `until ${formatPoint(end as EdtfPoint)}`;
	if (start === 'unknown') return `? – ${formatPoint(end as EdtfPoint)}`;
	return `${formatPoint(start)} – ${end === 'open' ? 'ongoing' : '?'}`;
}

function memberText(member: SetMember): string {
	const {from, to} = member;
	if (!to) return formatPoint(from);
	// Across a new year the start's year goes without saying: `between 29 Dec–1 Jan 2026`.
	const short =
		from.precision === 'day' &&
		to.precision === 'day' &&
		isPlain(from) &&
		isPlain(to) &&
		to.year === from.year + 1;
	return `between ${short ? `${dayMonth(from)}–${formatPoint(to)}` : pointRange(from, to)}`;
}

/**
 * The short form, for the list's date column and one-line outputs: `1 Jan 2026`, `22–28 Dec 2025`,
 * `c. 2025 – ongoing`, `between 22–28 Dec 2025`, `by 2 Jan 2026`.
 */
export function formatDate(date: EdtfDate): string {
	switch (date.kind) {
		case 'point':
			return formatPoint(date.point);
		case 'interval':
			return intervalText(date.start, date.end);
		case 'oneOf':
			return date.members.map(memberText).join(' or ');
		case 'onOrBefore':
			return `by ${formatPoint(date.point)}`;
		case 'onOrAfter':
			return `${formatPoint(date.point)} or later`;
	}
}

/** `formatDate` for an EDTF string kept as text in the model (a source's `published`). */
export function formatDateText(text: string): string {
	const parsed = parseEdtf(text);
	return parsed.ok ? formatDate(parsed.date) : text;
}

const UNIT_OF: Partial<Record<Precision, string>> = {day: 'day', month: 'month', year: 'year'};

/** `some day between 22 and 28 Dec 2025`, `some month between Oct and Dec 2025`. */
function windowText(from: EdtfPoint, to: EdtfPoint): string {
	const unit = (from.precision === to.precision && UNIT_OF[from.precision]) || 'time';
	return `some ${unit} between ${pointRange(from, to, 'and')}`;
}

/**
 * The full wording, for the detail pane and the printed listing: the short form, with what is not
 * known said in words.
 */
export function whenText(date: EdtfDate): string {
	switch (date.kind) {
		case 'interval':
			if (date.start === 'unknown') return `${intervalText(date.start, date.end)} (start not given)`;
			if (date.end === 'unknown') return `${intervalText(date.start, date.end)} (end not given)`;
			return intervalText(date.start, date.end);
		case 'oneOf': {
			const members = date.members.map((m) => (m.to ? windowText(m.from, m.to) : formatPoint(m.from)));
			if (members.length === 1) return members[0] as string;
			const last = `or ${members.at(-1)}`;
			return members.length === 2
				? `either ${members[0]} ${last}`
				: `one of ${members.slice(0, -1).join(', ')} ${last}`;
		}
		case 'onOrBefore':
			return `by ${formatPoint(date.point)} (date not given)`;
		case 'onOrAfter':
			return `on or after ${formatPoint(date.point)} (date not given)`;
		default:
			return formatDate(date);
	}
}

/**
 * A group of years counted back: `13.8 billion years ago`; the last one, which also holds the years
 * since year 1, `since 100 million years ago`.
 */
export function yearsAgoText(start: number, size: number): string {
	return start === 0 ? `since ${scaleWords(size)} years ago` : `${scaleWords(start)} years ago`;
}

/**
 * The heading of events whose date gives only a bound: `Date not given · reported by 2 Jan 2026` when
 * the bound is the publication of the source, `Date not given · by 1 Dec 2025` otherwise.
 */
export function undatedHeading(date: BoundDate, reference: Reference | undefined): string {
	const {point} = date;
	if (date.kind === 'onOrAfter') return `Date not given · on or after ${formatPoint(point)}`;
	const published =
		reference?.publication === true && reference.date.min === point.min && reference.date.max === point.max;
	return `Date not given · ${published ? 'reported ' : ''}by ${formatPoint(point)}`;
}

/** The label under the sparkline's cursor: where the event sits (a duration by its start). */
export function placeLabel(date: EdtfDate): string {
	if (date.kind !== 'interval') return formatDate(date);
	const {start, end} = date;
	return formatPoint((typeof start === 'object' ? start : end) as EdtfPoint);
}

/** The "as of" date and whether it is a source's publication date (then it is called "publication"). */
export interface Reference {
	readonly date: EdtfDate;
	readonly publication: boolean;
}

/** `publication (2 Jan 2026)` or `the reference date (2 Jan 2026)`. */
export function referenceText(reference: Reference): string {
	return `${reference.publication ? 'publication' : 'the reference date'} (${formatDate(reference.date)})`;
}

const SAME: Record<Precision, string> = {
	day: 'day',
	minute: 'day',
	second: 'day',
	month: 'month',
	season: 'season',
	year: 'year',
};

/**
 * Where a date stands against the reference date: `2 days before publication (2 Jan 2026)`,
 * `5–11 days before …`, `1–2 years before …`, `ongoing as of …`, `ended 3 days before …` (only for a
 * real end), `no later than …` (a bound).
 */
export function relationText(date: EdtfDate, reference: Reference): string {
	return `${relation(date, reference.date)} ${referenceText(reference)}`;
}

function relation(date: EdtfDate, at: EdtfDate): string {
	switch (date.kind) {
		case 'point':
		case 'oneOf':
			return offset(date.min, date.max, at) ?? sameAs(date, at);
		case 'onOrBefore':
			return joined('no later than', offset(date.point.min, date.point.max, at));
		case 'onOrAfter':
			return joined('no earlier than', offset(date.point.min, date.point.max, at));
		case 'interval':
			return intervalRelation(date.start, date.end, at);
	}
}

function joined(words: string, more: string | undefined): string {
	return more === undefined ? words : `${words} ${more}`;
}

/** A date that meets the reference date: `same day as`, or `4 days before to the same day as`. */
function sameAs(date: EdtfDate, at: EdtfDate): string {
	if (date.kind === 'point' && date.min <= at.min && date.max >= at.max) {
		return `same ${SAME[date.point.precision]} as`;
	}
	const before = date.min < at.min ? offset(date.min, date.min, at) : undefined;
	const after = date.max > at.max ? offset(date.max, date.max, at) : undefined;
	if (before && after) return `${before} to ${after}`;
	if (before) return `${before} to the same day as`;
	if (after) return `the same day as to ${after}`;
	return 'same day as';
}

function intervalRelation(start: EdtfPoint | OpenEnd, end: EdtfPoint | OpenEnd, at: EdtfDate): string {
	if (typeof start === 'object' && start.min > at.max) return `starts ${offset(start.min, start.max, at)}`;
	if (end === 'open') return 'ongoing as of';
	if (end === 'unknown') {
		const begin = start as EdtfPoint;
		return `began ${offset(begin.min, begin.max, at) ?? `the same ${SAME[begin.precision]} as`}`;
	}
	if (end.max < at.min) return `ended ${offset(end.min, end.max, at)}`;
	if (end.min > at.max) return typeof start === 'object' ? 'spans' : `ends ${offset(end.min, end.max, at)}`;
	return `ended the same ${SAME[end.precision]} as`;
}

/**
 * `2 days before`, `5–11 days before`, `2 days to 12 months after`; undefined when the span meets the
 * reference date. Each end of the span is measured on its own, in days under 60, months under 24,
 * years beyond, so a range stays a range.
 */
function offset(min: number, max: number, reference: EdtfDate): string | undefined {
	if (max >= reference.min && min <= reference.max) return undefined;
	const before = max < reference.min;
	const refDay = dayNumber(before ? reference.min : reference.max);
	const [near, far] = before ? [max, min] : [min, max];
	const direction = before ? 'before' : 'after';
	// Both ends in the unit the farther end needs, unless the nearer end would be 0 of them.
	const b = measure(dayNumber(far), refDay);
	const a = measure(dayNumber(near), refDay, b.unit);
	if (a.unit !== b.unit) return `${unitText(a.count, a.unit)} to ${unitText(b.count, b.unit)} ${direction}`;
	if (roughCount(a.count) === roughCount(b.count)) return `${unitText(a.count, a.unit)} ${direction}`;
	return `${roughCount(a.count)}–${roughCount(b.count)} ${a.unit}s ${direction}`;
}

type Unit = 'day' | 'month' | 'year';

/** Whole days under 60, months under 24, years beyond; or in `unit` when that counts at least one. */
function measure(day: number, refDay: number, unit?: Unit): {count: number; unit: Unit} {
	const days = Math.abs(refDay - day);
	const [from, to] = day < refDay ? [day, refDay] : [refDay, day];
	const a = civilFromDays(from);
	const b = civilFromDays(to);
	if (unit === 'year' && elapsed('year', a, b) > 0) return {count: elapsed('year', a, b), unit};
	if (unit === 'month' && elapsed('month', a, b) > 0) return {count: elapsed('month', a, b), unit};
	if (days < 60) return {count: days, unit: 'day'};
	const months = elapsed('month', a, b);
	if (months < 24) return {count: months, unit: 'month'};
	return {count: elapsed('year', a, b), unit: 'year'};
}

/** A count as read: exact below a million, `about 13.8 billion` beyond (three significant digits). */
function roughCount(count: number): string {
	if (count < DEEP) return countText(count);
	const scale = count >= 1e9 ? 1e9 : 1e6;
	const rounded = Number((count / scale).toPrecision(3));
	return `${rounded * scale === count ? '' : 'about '}${scaleWords(rounded * scale)}`;
}

function unitText(count: number, unit: Unit): string {
	return `${roughCount(count)} ${unit}${count === 1 ? '' : 's'}`;
}

/**
 * Timeline order: dated items by the instant that places them (a start, or the end when the start is
 * not known), then the shorter first; dates that give only a bound come last, by their bound. Ties
 * keep file order, as TimelineJS does: authors order same-day events, ids do not. `items` is in file
 * order. Keys are computed once per item, not per comparison (an archive sorts 100k events).
 */
export function sortByDate<T extends {readonly date: EdtfDate}>(items: readonly T[]): T[] {
	const keyed = items.map((item, at) => ({
		item,
		at,
		bound: isBound(item.date) ? 1 : 0,
		anchor: anchorInstant(item.date),
		last: item.date.max,
	}));
	// Anchors are finite; two infinite ends (both ongoing) subtract to NaN, which falls through.
	keyed.sort((a, b) => a.bound - b.bound || a.anchor - b.anchor || a.last - b.last || a.at - b.at);
	return keyed.map((key) => key.item);
}
