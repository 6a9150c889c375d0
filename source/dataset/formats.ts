/**
 * What each readable format is called, in `validate`'s summary and in messages. A light module: the
 * reader of raw bytes lists them all (to say what an empty file should have held) without loading a
 * parser, and the readers take their names from here.
 */

const TIMESCOPE_JSON = 'timescope/1';
export const TIMESCOPE_NDJSON = 'timescope/1 NDJSON';
export const TIMELINEJS3_JSON = 'TimelineJS 3 JSON';
export const TIMELINEJS2_JSON = 'TimelineJS 2 JSON';
export const TIMELINEJS_CSV = 'TimelineJS CSV (Google Sheets template)';

/** Every format timescope opens, as a person would be told them. */
export const EVERY_FORMAT = [
	`a ${TIMESCOPE_JSON} JSON document`,
	`${TIMESCOPE_NDJSON} (one item a line)`,
	`${TIMELINEJS3_JSON} ({"title": …, "events": […]})`,
	`${TIMELINEJS2_JSON} ({"timeline": {"date": […]}})`,
	`a ${TIMELINEJS_CSV}: a header row Year, Month, Day, …, Headline, Text, … and a row per event`,
].join('; ');
