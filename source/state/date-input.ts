import {GB} from 'chrono-node/en';
import {type EdtfDate, parseEdtf} from '../dataset/edtf.js';

/**
 * What the go-to-date prompt understands: the dates the app itself shows (`31 Dec 2025`, `Dec 2025`,
 * `22 Dec`), relative ones (`yesterday`, `last week`, `3 days ago`, read against the dataset's reference
 * date, else today) and EDTF (`2025-12`, `-0499`, `Y-13800000000`). A date is never made more precise
 * than it was typed: `Dec 2025` is a month, `last week` a week, `last year` a year. Pure: the reference
 * instant is handed in.
 */

const DAY_MS = 86_400_000;
// chrono-node reads Date objects; outside their range (deep time) there is no "3 days ago" to take.
const LATEST = 8.64e15;

export function readDateInput(input: string, reference: number): EdtfDate | undefined {
	const text = input.trim();
	if (text === '') return undefined;
	const edtf = parseEdtf(text);
	if (edtf.ok) return edtf.date;
	if (!Number.isFinite(reference) || Math.abs(reference) > LATEST) return undefined;
	const [found] = GB.parse(text, {instant: new Date(reference), timezone: 'UTC'}, {forwardDate: false});
	// Only a reading of the whole input: a date inside other words is not what was asked for.
	if (found?.index !== 0 || found.text.length !== text.length) return undefined;
	const {start} = found;
	const year = start.get('year');
	const month = start.get('month');
	const day = start.get('day');
	if (year === null || month === null || day === null) return undefined;
	if (/\bweeks?\b/i.test(found.text) && !start.isCertain('weekday')) return weekOf(year, month, day);
	const precise = start.isCertain('day') || start.isCertain('weekday');
	const edtfText = precise
		? `${yearText(year)}-${two(month)}-${two(day)}`
		: start.isCertain('month')
			? `${yearText(year)}-${two(month)}`
			: yearText(year);
	const parsed = parseEdtf(edtfText);
	return parsed.ok ? parsed.date : undefined;
}

/** A week named in words (`last week`): Monday to Sunday around the day chrono-node counted to. */
function weekOf(year: number, month: number, day: number): EdtfDate | undefined {
	const at = Date.UTC(year, month - 1, day);
	const monday = at - ((new Date(at).getUTCDay() + 6) % 7) * DAY_MS;
	const parsed = parseEdtf(`${isoDay(monday)}/${isoDay(monday + 6 * DAY_MS)}`);
	return parsed.ok ? parsed.date : undefined;
}

function isoDay(ms: number): string {
	const date = new Date(ms);
	return `${yearText(date.getUTCFullYear())}-${two(date.getUTCMonth() + 1)}-${two(date.getUTCDate())}`;
}

function two(value: number): string {
	return String(value).padStart(2, '0');
}

function yearText(year: number): string {
	return year < 0 ? `-${String(-year).padStart(4, '0')}` : String(year).padStart(4, '0');
}
