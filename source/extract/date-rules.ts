import {
	type Day,
	isoWeekday,
	makeDay,
	monthOf,
	nearestDay,
	nthWeekday,
	shiftDays,
	shiftMonths,
	weekEnd,
	weekStart,
	yearOf,
} from './calendar.js';
import type {DatePhrase} from './date-phrases.js';

/**
 * What a date phrase says, as a `timescope/1` date, against the day the article was published.
 * The rules are the newsroom's:
 *
 * - "on Thursday" is the most recent Thursday, the publication day itself when that is a Thursday
 *   (the story is that day's news); with a future verb ("will meet on Thursday") the next one.
 * - "last week" is the ISO week before publication's; a happening on one of its days is one of a set
 *   of days, `[2025-12-22..2025-12-28]`, not a duration. "earlier this week" is the days of this
 *   week before publication; "earlier this month" the month; "last year" the year.
 * - "on New Year's Eve", "Feb. 28" with no year: the nearest such date before publication.
 * - "three days ago" is a day; "two weeks ago" a day, approximately; "months ago" a month, approximately.
 * - "for months", "months-long": ongoing, started some months before publication.
 * - "in the 1970s", "the early 1990s": the decade, `197X` (EDTF unspecified digit).
 * - "in recent days": one day since the start of the month before publication's.
 *
 * No rule makes a date more precise than its words. Without a publication date only absolute
 * dates resolve; the rest stay as words.
 */

export interface ResolvedDate {
	/** EDTF; absent when the phrase cannot be resolved (no publication date, or no rule). */
	date?: string;
	confidence: number;
	/** The phrase says the thing was still going on at publication. */
	ongoing?: boolean;
}

const set = (from: Day, to: Day) => (from === to ? from : `[${from}..${to}]`);

export function resolveDate(phrase: DatePhrase, published: Day | undefined, future: boolean): ResolvedDate {
	const text = phrase.text.toLowerCase().replace(/’/gu, "'");
	const {known} = phrase;
	// An explicit year needs no publication date.
	if (phrase.kind === 'chrono' && known.year !== undefined && /\b\d{4}\b/u.test(text)) {
		if (known.day !== undefined && known.month !== undefined) {
			const day = makeDay(known.year, known.month, known.day);
			return day ? {date: day, confidence: 0.95} : {confidence: 0};
		}
		if (known.month !== undefined) return {date: `${known.year}-${pad(known.month)}`, confidence: 0.9};
	}
	if (phrase.kind === 'decade') {
		const decade = /(\d{3})0['’]?s/u.exec(text)?.[1];
		return decade ? {date: `${decade}X`, confidence: 0.85} : {confidence: 0};
	}
	if (phrase.kind === 'year') {
		const year = /(\d{4})/u.exec(text)?.[1];
		return year ? {date: year, confidence: 0.9} : {confidence: 0};
	}
	if (!published) return {confidence: 0};
	switch (phrase.kind) {
		case 'period':
			return period(text, published, future);
		case 'holiday':
			return holiday(text, published, future);
		case 'season':
			return season(text, published, future);
		case 'recent':
			// "in recent days": some day since the start of the month before publication's.
			return {date: set(`${monthOf(shiftMonths(published, -1))}-01`, published), confidence: 0.5};
		case 'ongoing':
			return ongoing(text, published);
		default:
			return chronoDate(phrase, text, published, future);
	}
}

function chronoDate(phrase: DatePhrase, text: string, published: Day, future: boolean): ResolvedDate {
	const {known} = phrase;
	if (phrase.agoUnit) return ago(phrase, published);
	if (/\byesterday\b|\blast night\b/u.test(text)) return {date: shiftDays(published, -1), confidence: 0.85};
	if (/\btomorrow\b/u.test(text)) return {date: shiftDays(published, 1), confidence: 0.85};
	if (/\b(?:today|tonight|this (?:morning|afternoon|evening))\b/u.test(text))
		return {date: published, confidence: 0.85};
	if (/\bovernight\b/u.test(text)) return {date: set(shiftDays(published, -1), published), confidence: 0.7};
	if (known.day !== undefined && known.month !== undefined) {
		const day = nearestDay(known.month, known.day, published, future);
		return day ? {date: day, confidence: 0.8} : {confidence: 0};
	}
	if (known.month !== undefined) {
		// "last October" in October is the year before's; "in October" may be this one.
		const before = /\blast\b/u.test(text) ? shiftDays(`${monthOf(published)}-01`, -1) : monthEnd(published);
		const day = nearestDay(known.month, 1, before, future);
		return day ? {date: monthOf(day), confidence: 0.7} : {confidence: 0};
	}
	if (known.weekday !== undefined) return weekday(known.weekday, text, published, future);
	return {confidence: 0};
}

function weekday(chronoWeekday: number, text: string, published: Day, future: boolean): ResolvedDate {
	const wanted = chronoWeekday === 0 ? 7 : chronoWeekday;
	const today = isoWeekday(published);
	const forward = future || /\bnext\b/u.test(text);
	if (forward) {
		let delta = (wanted - today + 7) % 7;
		if (delta === 0 && /\bnext\b/u.test(text)) delta = 7;
		return {date: shiftDays(published, delta), confidence: 0.75};
	}
	let delta = (today - wanted + 7) % 7;
	if (delta === 0 && /\blast\b/u.test(text)) delta = 7;
	return {date: shiftDays(published, -delta), confidence: /\blast\b/u.test(text) ? 0.7 : 0.85};
}

function period(text: string, published: Day, future: boolean): ResolvedDate {
	const unit = /weekend/u.test(text) ? 'weekend' : (/(week|month|year)/u.exec(text)?.[1] ?? 'week');
	const which = /\blast\b|\bprevious\b/u.test(text)
		? 'last'
		: /\bnext\b|\bcoming\b/u.test(text)
			? 'next'
			: /\bpast\b/u.test(text)
				? 'past'
				: 'this';
	const earlier = /\bearl(?:y|ier)\b/u.test(text);
	const later = /\blater?\b/u.test(text);
	if (unit === 'weekend') return weekend(which, published, future);
	if (unit === 'week') {
		if (which === 'last')
			return {
				date: set(weekStart(shiftDays(published, -7)), weekEnd(shiftDays(published, -7))),
				confidence: 0.85,
			};
		if (which === 'next')
			return {
				date: set(weekStart(shiftDays(published, 7)), weekEnd(shiftDays(published, 7))),
				confidence: 0.8,
			};
		if (which === 'past') return {date: set(shiftDays(published, -7), published), confidence: 0.7};
		const start = weekStart(published);
		if (earlier && start < published) return {date: set(start, shiftDays(published, -1)), confidence: 0.85};
		if (later || future)
			return {
				date: set(future && !later ? published : shiftDays(published, 1), weekEnd(published)),
				confidence: 0.75,
			};
		return {date: set(start, published), confidence: 0.8};
	}
	if (unit === 'month') {
		const offset = which === 'last' ? -1 : which === 'next' ? 1 : 0;
		if (which === 'past') return {date: set(shiftMonths(published, -1), published), confidence: 0.7};
		return {date: monthOf(shiftMonths(`${monthOf(published)}-01`, offset)), confidence: 0.8};
	}
	const offset = which === 'last' ? -1 : which === 'next' ? 1 : 0;
	if (which === 'past') return {date: set(shiftMonths(published, -12), published), confidence: 0.7};
	return {date: String(yearOf(published) + offset), confidence: 0.85};
}

/** "over the weekend" in past tense: the Saturday and Sunday most recently begun by publication. */
function weekend(which: string, published: Day, future: boolean): ResolvedDate {
	const today = isoWeekday(published);
	if (future || which === 'next') {
		const saturday = shiftDays(published, ((6 - today + 7) % 7) + (which === 'next' && today >= 6 ? 7 : 0));
		return {date: set(saturday, shiftDays(saturday, 1)), confidence: 0.7};
	}
	const back = today >= 6 ? today - 6 : today + 1;
	const saturday = shiftDays(published, -back - (which === 'last' && today >= 6 ? 7 : 0));
	const sunday = shiftDays(saturday, 1);
	return {date: set(saturday, sunday < published ? sunday : published), confidence: 0.75};
}

function holiday(text: string, published: Day, future: boolean): ResolvedDate {
	if (/thanksgiving/u.test(text)) {
		const year = yearOf(published);
		const candidates = [year - 1, year, year + 1]
			.map((y) => nthWeekday(y, 11, 4, 4))
			.filter((day): day is Day => day !== undefined);
		const day = future
			? candidates.find((d) => d >= published)
			: candidates.filter((d) => d <= published).at(-1);
		return day ? {date: day, confidence: 0.8} : {confidence: 0};
	}
	const [month, day] = /new year's eve/u.test(text)
		? [12, 31]
		: /new year's day/u.test(text)
			? [1, 1]
			: /christmas eve/u.test(text)
				? [12, 24]
				: /christmas/u.test(text)
					? [12, 25]
					: /boxing day/u.test(text)
						? [12, 26]
						: /halloween/u.test(text)
							? [10, 31]
							: [2, 14];
	const found = nearestDay(month, day, published, future);
	return found ? {date: found, confidence: 0.85} : {confidence: 0};
}

const SEASONS: Record<string, {code: number; starts: number}> = {
	spring: {code: 21, starts: 3},
	summer: {code: 22, starts: 6},
	autumn: {code: 23, starts: 9},
	fall: {code: 23, starts: 9},
};

/** "over the summer": the season most recently begun (northern hemisphere), as an EDTF season. */
function season(text: string, published: Day, future: boolean): ResolvedDate {
	const name = /(spring|summer|autumn|fall)/u.exec(text)?.[1] ?? 'summer';
	const {code, starts} = SEASONS[name] ?? {code: 22, starts: 6};
	const month = Number(published.slice(5, 7));
	let year = yearOf(published) - (month < starts ? 1 : 0);
	if (/\blast\b/u.test(text)) year -= month >= starts && month < starts + 3 ? 1 : 0;
	if (future || /\bnext\b/u.test(text)) year = yearOf(published) + (month >= starts ? 1 : 0);
	return {date: `${year}-${code}`, confidence: 0.6};
}

function ago(phrase: DatePhrase, published: Day): ResolvedDate {
	const {known} = phrase;
	if (known.year === undefined || known.month === undefined) return {confidence: 0};
	const day = known.day === undefined ? undefined : makeDay(known.year, known.month, known.day);
	switch (phrase.agoUnit) {
		case 'day':
			return day && day <= published ? {date: day, confidence: 0.8} : {confidence: 0};
		case 'week':
			return day ? {date: `${day}~`, confidence: 0.6} : {confidence: 0};
		case 'month':
			return {date: `${known.year}-${pad(known.month)}~`, confidence: 0.6};
		default:
			return {date: `${known.year}~`, confidence: 0.6};
	}
}

function ongoing(text: string, published: Day): ResolvedDate {
	const unit = /(day|week|month|year)/u.exec(text)?.[1] ?? 'month';
	const back =
		unit === 'year'
			? shiftMonths(published, -24)
			: unit === 'month'
				? shiftMonths(published, -2)
				: shiftDays(published, unit === 'week' ? -14 : -2);
	const start = unit === 'year' || unit === 'month' ? `${yearOf(back)}~` : `${monthOf(back)}~`;
	return {date: `${start}/..`, confidence: 0.5, ongoing: true};
}

function monthEnd(day: Day): Day {
	return shiftDays(`${monthOf(shiftMonths(`${monthOf(day)}-01`, 1))}-01`, -1);
}

function pad(n: number): string {
	return String(n).padStart(2, '0');
}
