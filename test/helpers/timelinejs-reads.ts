/**
 * What TimelineJS 3 reads of a timeline, normalised as it reads it: `""`, `null` and absence are the
 * same, numbers and their strings are the same, a group is trimmed, an end date equal to the start is
 * none (TimelineConfig drops it). Two files with equal reads show the same timeline.
 */

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function value(v: unknown): string | undefined {
	if (v === undefined || v === null) return undefined;
	const text = String(v).trim();
	return text === '' ? undefined : text;
}

function fields(object: unknown, keys: readonly string[]): Json | undefined {
	if (!isObject(object)) return undefined;
	const out: Json = {};
	for (const key of keys) {
		const v = value(object[key]);
		if (v !== undefined) out[key] = key in DATE ? String(Number(v)) : v;
	}
	return Object.keys(out).length > 0 ? out : undefined;
}

const DATE = {year: 1, month: 1, day: 1, hour: 1, minute: 1, second: 1, millisecond: 1, display_date: 1};
const DATE_KEYS = Object.keys(DATE);
const MEDIA_KEYS = ['url', 'caption', 'credit', 'thumbnail', 'alt', 'title', 'link'];

function slide(s: unknown): Json {
	if (!isObject(s)) return {};
	const start = fields(s.start_date, DATE_KEYS);
	let end = fields(s.end_date, DATE_KEYS);
	if (JSON.stringify(start) === JSON.stringify(end)) end = undefined;
	const out: Json = {
		start_date: start,
		end_date: end,
		display_date: value(s.display_date),
		text: fields(s.text, ['headline', 'text']),
		media: fields(s.media, MEDIA_KEYS),
		group: value(s.group),
		background: fields(s.background, ['url', 'color', 'opacity']),
		type: value(s.type),
		autolink: value(s.autolink),
	};
	return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== undefined));
}

export function timelineJsReads(timeline: unknown): Json {
	if (!isObject(timeline)) return {};
	const title = Array.isArray(timeline.title) ? timeline.title[0] : timeline.title;
	return {
		scale: value(timeline.scale),
		title: slide(title),
		events: Array.isArray(timeline.events) ? timeline.events.map(slide) : [],
		eras: Array.isArray(timeline.eras) ? timeline.eras.map(slide) : [],
	};
}
