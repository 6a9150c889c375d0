import {TIMELINEJS2_JSON} from '../formats.js';
import {type ImportResult, type PathPart, toJsonPointer} from './problems.js';
import {type DateError, type DateParts, describeValue, isAbsent, UnreadableDate} from './timelinejs-dates.js';
import {convertTimeline, isObject, type Json} from './timelinejs-json.js';

/**
 * The older TimelineJS 2 JSON:
 * `{"timeline": {"headline", "text", "asset", "date": [{"startDate": "2011,12,10", "endDate",
 * "headline", "text", "tag", "classname", "asset": {"media", "credit", "caption", "thumbnail"}}],
 * "era": [...]}}`. Each slide is rebuilt in the TimelineJS 3 shape and converted by the same code,
 * with problems pointing back into the v2 file.
 */

/** The v3 keys a v2 slide is rebuilt into; a v2 key of the same name is kept apart, never overwritten. */
const REBUILT = new Set(['text', 'media', 'group', 'start_date', 'end_date']);

/**
 * v2 slide → v3 slide; v2 keys without a v3 meaning (classname, type, chart...) stay as they are, and
 * one that would collide with a rebuilt key (a `media` list beside `asset`) goes under `timelinejs2`.
 * The title slide's dates place nothing in v3, so they stay as they are too.
 */
function toV3Slide(slide: Json, withDates = true): Json {
	const out: Json = {};
	const text: Json = {};
	const apart: Json = {};
	for (const [key, value] of Object.entries(slide)) {
		if (key === 'headline' || key === 'text') text[key] = value;
		else if (key === 'asset' && isObject(value)) {
			out.media = Object.fromEntries(Object.entries(value).map(([k, v]) => [k === 'media' ? 'url' : k, v]));
		} else if (key === 'tag') out.group = value;
		else if (key === 'startDate' && withDates) out.start_date = readV2Date(value);
		else if (key === 'endDate' && withDates) out.end_date = readV2Date(value);
		else if (REBUILT.has(key)) apart[key] = value;
		else out[key] = value;
	}
	if (Object.keys(text).length > 0) out.text = text;
	if (Object.keys(apart).length > 0) out.timelinejs2 = apart;
	// The original date strings are kept beside the parts: they are what a v2 file writes.
	if (withDates)
		for (const key of ['startDate', 'endDate']) if (slide[key] !== undefined) out[key] = slide[key];
	return out;
}

const INTEGER = /^[+-]?\d+$/;

/**
 * TimelineJS 2 dates: `"2011,12,10"`, `"2011,12,10,07,02,10"`, `"1999"`, `-500`, `"2011-12-10"`,
 * `"2011-12-10T07:02:10"`, `"2014-12-06T17:00:00-08:00"`, `"12/10/2011"` (month first, as in v2).
 */
export function parseV2Date(value: unknown): DateParts | undefined | DateError {
	if (isAbsent(value)) return undefined;
	if (typeof value === 'number') return Number.isSafeInteger(value) ? {year: value} : invalid(value);
	if (typeof value !== 'string') return invalid(value);
	const text = value.trim();
	let pieces: string[] | undefined;
	if (/^[+-]?\d+(\s*,\s*\d*)*$/.test(text)) pieces = text.split(',').map((piece) => piece.trim());
	const iso =
		/^([+-]?\d{1,6})-(\d{1,2})(?:-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?(Z|[+-]\d{2}:?\d{2})?)?)?$/.exec(
			text,
		);
	if (iso) pieces = iso.slice(1, 7).filter((piece): piece is string => piece !== undefined);
	// Month first, as both TimelineJS versions read it, with the time a spreadsheet may add.
	const slashed = /^(\d{1,2})\/(?:(\d{1,2})\/)?([+-]?\d{1,6})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(
		text,
	);
	if (slashed) {
		const [, month = '', day, year = '', ...time] = slashed;
		pieces = [year, month, day ?? '', ...time.filter((t): t is string => t !== undefined)];
		if (day === undefined && time.some((t) => t !== undefined)) pieces = undefined;
	}
	if (!pieces) return invalid(value);
	const names = ['year', 'month', 'day', 'hour', 'minute', 'second'] as const;
	const parts: Json = {};
	for (const [index, piece] of pieces.slice(0, names.length).entries()) {
		const name = names[index];
		if (name && INTEGER.test(piece)) parts[name] = Number(piece);
	}
	if (pieces.length > names.length || typeof parts.year !== 'number') return invalid(value);
	const zone = iso?.[7];
	if (zone) parts.zone = zone === 'Z' || zone.includes(':') ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`;
	return parts as DateParts;
}

function invalid(value: unknown): DateError {
	return {
		error: `expected a date such as "2011,12,10", "2011,12,10,07,02,10", "2011-12-10T07:02:10" or "12/10/2011", found ${describeValue(value)}`,
	};
}

function readV2Date(value: unknown): unknown {
	const parsed = parseV2Date(value);
	if (parsed === undefined) return undefined;
	return 'error' in parsed ? new UnreadableDate(parsed.error) : parsed;
}

/** v3 path → v2 pointer: `/events/2/start_date/day` is `/timeline/date/2/startDate`. */
function v2Path(path: readonly PathPart[]): PathPart[] {
	const [list, ...rest] = path;
	if (list === undefined) return [];
	if (list !== 'events' && list !== 'eras') return ['timeline'];
	// One era object in place of a list: its path has no index.
	const [index, key, sub] = typeof rest[0] === 'number' ? rest : [undefined, ...rest];
	const slide: PathPart[] = ['timeline', list === 'events' ? 'date' : 'era'];
	if (index !== undefined) slide.push(index);
	if (key === undefined) return slide;
	if (key === 'start_date') return [...slide, 'startDate'];
	if (key === 'end_date') return [...slide, 'endDate'];
	if (key === 'text') return sub === undefined ? slide : [...slide, sub];
	if (key === 'media')
		return sub === undefined ? [...slide, 'asset'] : [...slide, 'asset', sub === 'url' ? 'media' : sub];
	if (key === 'group') return [...slide, 'tag'];
	return [...slide, key];
}

export function importTimelineJs2(value: Json, fileName: string): ImportResult {
	// detectJsonFormat has checked that "timeline" is an object.
	const timeline = isObject(value.timeline) ? value.timeline : {};
	const {date, era, ...titleSlide} = timeline;
	if (!Array.isArray(date)) {
		const found = date === undefined ? 'none' : describeValue(date);
		const pointer = toJsonPointer(date === undefined ? ['timeline'] : ['timeline', 'date']);
		const message = `expected "date" to be a list of slides, found ${found}`;
		return {
			ok: false,
			format: TIMELINEJS2_JSON,
			problems: [{code: 'not-timelinejs', params: {found}, message, pointer}],
		};
	}
	const slide = (s: unknown) => (isObject(s) ? toV3Slide(s) : s);
	const config: Json = {
		title: toV3Slide(titleSlide, false),
		events: date.map(slide),
		...(era === undefined ? {} : {eras: Array.isArray(era) ? era.map(slide) : slide(era)}),
	};
	// Keys beside "timeline" are rare; they are kept at the document level all the same.
	for (const [key, other] of Object.entries(value)) if (key !== 'timeline') config[key] = other;
	return convertTimeline(config, {
		fileName,
		format: TIMELINEJS2_JSON,
		locate: (path) => ({pointer: toJsonPointer(v2Path(path))}),
	});
}
