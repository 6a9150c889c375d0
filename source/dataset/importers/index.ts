import {TIMELINEJS_CSV, TIMELINEJS2_JSON, TIMELINEJS3_JSON} from '../formats.js';
import type {ImportProblem, ImportResult} from './problems.js';
import {explainNotASheet, importTimelineJsCsv, looksLikeTimelineCsv} from './timelinejs-csv.js';
import {importTimelineJs3, isObject, type Json} from './timelinejs-json.js';
import {importTimelineJs2} from './timelinejs-v2.js';

/**
 * Opening the timelines people already have. Each importer registers here: its name (what `validate`
 * and messages call the format), what it reads (parsed JSON or raw text), how it recognises its input
 * by shape, and how it converts it to a `timescope/1` document. The loader asks this table and nothing
 * else, so adding a format is one entry.
 */

export type {ImportProblem, ImportResult} from './problems.js';

interface ImporterOf<Reads extends 'json' | 'text', Input> {
	name: string;
	reads: Reads;
	detect(input: Input): boolean;
	import(input: Input, fileName: string): ImportResult;
	/** Why an input that looks close to this format is not it, or undefined. */
	explain?(input: Input): ImportProblem | undefined;
}

export type JsonImporter = ImporterOf<'json', unknown>;
export type TextImporter = ImporterOf<'text', string>;
export type Importer = JsonImporter | TextImporter;

/** A slide as TimelineJS 3 writes one: a date, a text or a media. */
function isSlide(value: unknown): boolean {
	return isObject(value) && ('start_date' in value || 'text' in value || 'media' in value);
}

/** An object of TimelineJS's own shape, not one that names a format of its own (`timescope/1`, …). */
function unclaimed(value: unknown): value is Json {
	return isObject(value) && value.format === undefined;
}

export const timelineJs3: JsonImporter = {
	name: TIMELINEJS3_JSON,
	reads: 'json',
	detect: (value) => {
		if (!unclaimed(value)) return false;
		const {events} = value;
		// A title slide makes even a broken events list TimelineJS, to be reported as such.
		if (events !== undefined && (isObject(value.title) || Array.isArray(value.title))) return true;
		return Array.isArray(events) && (events.length === 0 || events.some(isSlide));
	},
	import: (value, fileName) => importTimelineJs3(value as Json, fileName),
	explain: (value) => {
		// TimelineJS 3's first drafts wrote {"timeline": {"slides": [...]}}; released TimelineJS never read it.
		if (!unclaimed(value) || !isObject(value.timeline) || !Array.isArray(value.timeline.slides))
			return undefined;
		return {
			code: 'not-timelinejs',
			params: {found: 'timeline.slides'},
			message:
				'a draft TimelineJS 3 shape ("timeline": {"slides": [...]}) that TimelineJS itself does not read: TimelineJS 3 expects {"title": {...}, "events": [...]}',
			pointer: '/timeline/slides',
		};
	},
};

export const timelineJs2: JsonImporter = {
	name: TIMELINEJS2_JSON,
	reads: 'json',
	detect: (value) =>
		unclaimed(value) &&
		isObject(value.timeline) &&
		(Array.isArray(value.timeline.date) || 'headline' in value.timeline),
	import: (value, fileName) => importTimelineJs2(value as Json, fileName),
};

export const timelineJsCsv: TextImporter = {
	name: TIMELINEJS_CSV,
	reads: 'text',
	detect: looksLikeTimelineCsv,
	import: importTimelineJsCsv,
	explain: explainNotASheet,
};

export const IMPORTERS: readonly Importer[] = [timelineJs3, timelineJs2, timelineJsCsv];

/** The importer that recognises this parsed JSON value, if any. */
export function jsonImporterFor(value: unknown): JsonImporter | undefined {
	return IMPORTERS.find((i): i is JsonImporter => i.reads === 'json' && i.detect(value));
}

/** The importer that recognises this text (not JSON), if any. */
export function textImporterFor(text: string): TextImporter | undefined {
	return IMPORTERS.find((i): i is TextImporter => i.reads === 'text' && i.detect(text));
}

/** The first importer's reason why an unrecognised input is not its format, when one has one. */
export function explainUnrecognised(input: {json: unknown} | {text: string}): ImportProblem | undefined {
	for (const importer of IMPORTERS) {
		const problem =
			importer.reads === 'json'
				? 'json' in input && importer.explain?.(input.json)
				: 'text' in input && importer.explain?.(input.text);
		if (problem) return problem;
	}
	return undefined;
}
