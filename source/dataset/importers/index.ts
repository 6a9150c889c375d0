import {FORMAT} from '../schema.js';
import type {ImportResult} from './problems.js';
import {importTimelineJs3, isObject} from './timelinejs-json.js';
import {importTimelineJs2} from './timelinejs-v2.js';

/**
 * Opening the timelines people already have: TimelineJS 3 JSON, its Google Sheets / CSV template, and
 * the older TimelineJS 2 JSON, each recognised by shape and converted to a `timescope/1` document.
 */

export type {ImportResult} from './problems.js';
export {importTimelineJsCsv, looksLikeTimelineCsv} from './timelinejs-csv.js';

/** Which importer (if any) recognises this already-parsed JSON value, by shape. */
export function detectJsonFormat(value: unknown): 'timescope/1' | 'timelinejs3' | 'timelinejs2' | undefined {
	if (!isObject(value)) return undefined;
	if (value.format === FORMAT) return 'timescope/1';
	// A file that names a format of its own is not a TimelineJS file, whatever else it holds.
	if (value.format !== undefined) return undefined;
	const {events} = value;
	// A title slide makes even a broken events list TimelineJS, to be reported as such.
	if (events !== undefined && isObject(value.title)) return 'timelinejs3';
	if (Array.isArray(events) && (events.length === 0 || events.some(isSlide))) return 'timelinejs3';
	const timeline = value.timeline;
	if (isObject(timeline) && (Array.isArray(timeline.date) || 'headline' in timeline)) return 'timelinejs2';
	return undefined;
}

function isSlide(value: unknown): boolean {
	return isObject(value) && ('start_date' in value || 'text' in value || 'media' in value);
}

/** TimelineJS 3 or 2 JSON, already parsed; problems carry JSON pointers into `value`. */
export function importTimelineJsJson(value: unknown, fileName: string): ImportResult {
	const format = detectJsonFormat(value);
	if (format === 'timelinejs3' && isObject(value)) return importTimelineJs3(value, fileName);
	if (format === 'timelinejs2' && isObject(value)) return importTimelineJs2(value, fileName);
	const message =
		format === 'timescope/1'
			? `this is already a ${FORMAT} document, not a TimelineJS timeline`
			: 'not a TimelineJS timeline: expected an object with an "events" list (TimelineJS 3) or a "timeline" object with a "date" list (TimelineJS 2)';
	return {
		ok: false,
		format: format === 'timescope/1' ? FORMAT : 'JSON',
		problems: [{pointer: '', code: 'not-timelinejs', params: {}, message}],
	};
}
