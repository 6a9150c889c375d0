import {CsvError, parse} from 'csv-parse/sync';
import {TIMELINEJS_CSV} from '../formats.js';
import type {ImportLocation, ImportProblem, ImportResult, PathPart} from './problems.js';
import {isDateError, parseTimeOfDay, UnreadableDate} from './timelinejs-dates.js';
import {convertTimeline, type Json} from './timelinejs-json.js';
import {parseV2Date} from './timelinejs-v2.js';

/**
 * The TimelineJS Google Sheets template saved as CSV: `Year, Month, Day, Time, End Year, End Month,
 * End Day, End Time, Display Date, Headline, Text, Media, Media Credit, Media Caption, Media Thumbnail,
 * Type, Group, Background` (and `Alt Text`). Columns are found by header text (any case and spacing, in
 * any order); `Tag` is the old name of `Group`; `Type` is `title` or `era` for those rows. The first
 * template's sheets have `Start Date` and `End Date` instead (`12/10/2011`, `2011-12-10 10:30`), and
 * TimelineJS 3 still reads them. Each row becomes a TimelineJS 3 slide, as TimelineJS itself does, and
 * is converted by the same code, with problems pointing at the row's line and the cell's column.
 */

/** The template's header row, as a person reading an error message wants to see it. */
export const SHEET_COLUMNS =
	'Year, Month, Day, Time, End Year, End Month, End Day, End Time, Display Date, Headline, Text, Media, Media Credit, Media Caption, Media Thumbnail, Type, Group, Background';

/** Header text, normalised: `End Year` → `endyear`. */
function columnKey(header: string): string {
	return header.toLowerCase().replace(/\s+/gu, '');
}

const KNOWN_COLUMNS = new Set([
	'year',
	'month',
	'day',
	'time',
	'endyear',
	'endmonth',
	'endday',
	'endtime',
	'displaydate',
	'headline',
	'text',
	'media',
	'mediacredit',
	'mediacaption',
	'mediathumbnail',
	'type',
	'group',
	'tag',
	'background',
	'alttext',
	'startdate',
	'enddate',
]);

/** Which column a path inside the built slide came from. */
const COLUMN_OF_PATH: Record<string, string> = {
	start_date: 'year',
	'start_date/year': 'year',
	'start_date/month': 'month',
	'start_date/day': 'day',
	'start_date/hour': 'time',
	'start_date/minute': 'time',
	'start_date/second': 'time',
	end_date: 'endyear',
	'end_date/year': 'endyear',
	'end_date/month': 'endmonth',
	'end_date/day': 'endday',
	'end_date/hour': 'endtime',
	'end_date/minute': 'endtime',
	'end_date/second': 'endtime',
	display_date: 'displaydate',
	'text/headline': 'headline',
	'text/text': 'text',
	'media/url': 'media',
	'media/credit': 'mediacredit',
	'media/caption': 'mediacaption',
	'media/thumbnail': 'mediathumbnail',
	'media/alt': 'alttext',
	group: 'group',
	type: 'type',
	background: 'background',
};

interface Row {
	cells: string[];
	raw: string;
	/** 1-based line of the record's first character. */
	line: number;
}

function readRows(text: string, limit?: number): Row[] {
	// One kind of line break keeps csv-parse's line counts right; inside a cell it changes nothing that
	// HTML or a date would notice.
	const records = parse(text.replace(/\r\n?/gu, '\n'), {
		bom: true,
		relax_column_count: true,
		skip_empty_lines: true,
		raw: true,
		to: limit,
	}) as unknown as Array<{record: string[]; raw: string}>;
	// The raw records, skipped empty lines included, add up to the whole input: count lines along them.
	let line = 1;
	return records.map(({record, raw}) => {
		const own = raw.replace(/^\n+/u, '');
		const start = line + raw.length - own.length;
		line += raw.split('\n').length - 1;
		return {cells: record, raw: own, line: start};
	});
}

/** Line and column (1-based) of cell `index` of a row, found by walking its raw text. */
function cellPosition(row: Row, index: number): ImportLocation {
	let field = 0;
	let quoted = false;
	let line = row.line;
	let column = 1;
	for (let i = 0; i < row.raw.length && field < index; i++) {
		const char = row.raw[i];
		if (char === '"') quoted = !quoted;
		else if (char === ',' && !quoted) field++;
		if (char === '\n') {
			line++;
			column = 1;
		} else {
			column++;
		}
	}
	return {line, column};
}

/** The header row, when the text starts like CSV; undefined when it does not. */
function headerOf(text: string): string[] | undefined {
	try {
		// A header is one short record: the first 64 KiB holds it, however large the file.
		return readRows(text.slice(0, 65_536), 1)[0]?.cells;
	} catch {
		return undefined;
	}
}

/** Which columns a sheet must have to be a timeline, by the header's normalised names. */
function missingColumns(keys: ReadonlySet<string>): string[] {
	if (keys.has('startdate')) return keys.has('headline') ? [] : ['Headline'];
	return ['Year', 'Headline'].filter((name) => !keys.has(columnKey(name)));
}

export function looksLikeTimelineCsv(text: string): boolean {
	const header = headerOf(text);
	return header !== undefined && missingColumns(new Set(header.map(columnKey))).length === 0;
}

/**
 * Why CSV text is not a TimelineJS sheet, when it is CSV at all (a header of two or more names):
 * the columns a sheet has, and the ones found.
 */
export function explainNotASheet(text: string): ImportProblem | undefined {
	const header = headerOf(text);
	if (!header || header.length < 2 || text.trimStart().startsWith('{')) return undefined;
	return notASheet(header, {line: 1, column: 1});
}

function notASheet(header: readonly string[], at: ImportLocation): ImportProblem {
	const missing = missingColumns(new Set(header.map(columnKey)));
	const names = header.slice(0, MAX_LISTED).map((h) => JSON.stringify(h.trim()));
	if (header.length > MAX_LISTED) names.push('…');
	return {
		code: 'not-a-sheet',
		params: {missing: missing.join(', '), found: header.join(', ')},
		message: `not a TimelineJS sheet: no ${missing.map((name) => `"${name}"`).join(' or ')} column. A TimelineJS sheet's header row names ${SHEET_COLUMNS}; this one names ${names.join(', ')}`,
		...at,
	};
}

/** TimelineJS strips spaces and thousands separators from the spreadsheet's numbers (`1,963`). */
function cleanInteger(cell: string): string {
	return cell.replace(/[\s,]+/gu, '');
}

/** Past this many, listing a header's names says nothing more about why it is not a timeline. */
const MAX_LISTED = 20;

export function importTimelineJsCsv(text: string, fileName: string): ImportResult {
	const fail = (problems: ImportProblem[]): ImportResult => ({
		ok: false,
		format: TIMELINEJS_CSV,
		problems,
	});
	let rows: Row[];
	try {
		rows = readRows(text);
	} catch (error) {
		if (!(error instanceof CsvError)) throw error;
		const at = error as CsvError & {lines?: number};
		const message = error.message.length > 300 ? `${error.message.slice(0, 300)}…` : error.message;
		return fail([
			{
				code: 'syntax-error',
				params: {},
				message: `not valid CSV: ${message}`,
				line: at.lines ?? 1,
				column: 1,
			},
		]);
	}
	const [headerRow, ...body] = rows;
	if (!headerRow) {
		return fail([
			{code: 'empty', params: {}, message: `no header row: expected ${SHEET_COLUMNS}`, line: 1, column: 1},
		]);
	}
	const sheet = readHeader(headerRow.cells);
	if (missingColumns(new Set(sheet.columns.keys())).length > 0) {
		return fail([notASheet(headerRow.cells, {line: headerRow.line, column: 1})]);
	}

	let titleRow: Row | undefined;
	const events: Row[] = [];
	const eras: Row[] = [];
	for (const row of body) {
		if (row.cells.every((value) => value.trim() === '')) continue;
		const type = sheet.cell(row, 'type').toLowerCase();
		// TimelineJS takes the first title row as the title and shows any other as an event.
		if (type === 'title' && !titleRow) titleRow = row;
		else if (type === 'era') eras.push(row);
		else events.push(row);
	}
	const config: Json = {};
	if (titleRow) config.title = rowToSlide(titleRow, sheet);
	config.events = events.map((row) => rowToSlide(row, sheet));
	if (eras.length > 0) config.eras = eras.map((row) => rowToSlide(row, sheet));
	const rowsOf: Record<string, Row[] | undefined> = {events, eras};

	const locate = (path: readonly PathPart[]): ImportLocation => {
		const [list = '', index, ...rest] = path;
		const row = list === 'title' ? titleRow : rowsOf[list]?.[typeof index === 'number' ? index : -1];
		if (!row) return {line: headerRow.line, column: 1};
		const inSlide = list === 'title' ? [index, ...rest] : rest;
		const column = sheet.columns.get(COLUMN_OF_PATH[inSlide.join('/')] ?? '');
		return column === undefined ? {line: row.line, column: 1} : cellPosition(row, column);
	};
	const result = convertTimeline(config, {fileName, format: TIMELINEJS_CSV, locate});
	const cut = cutShort(text, headerRow, body.at(-1));
	return cut && result.ok ? {...result, skipped: [...result.skipped, cut]} : result;
}

/**
 * A sheet's rows all have its columns; a last row with fewer, and no line end after it, is a file
 * that stopped in the middle of a row (a download or a save cut short). A cut at a line end cannot
 * be told from a whole file: CSV says nothing of how many rows there are.
 */
function cutShort(text: string, header: Row, last: Row | undefined): ImportProblem | undefined {
	if (!last || last === header || last.cells.length >= header.cells.length || /\n\s*$/u.test(text)) {
		return undefined;
	}
	return {
		line: last.line,
		column: 1,
		code: 'truncated',
		params: {cells: last.cells.length, columns: header.cells.length},
		message: `the last row has ${last.cells.length} of the header's ${header.cells.length} columns and no line end: the file looks cut short`,
	};
}

interface Sheet {
	header: readonly string[];
	/** Column index by normalised header (`endyear`); `group` falls back to an old `Tag` column. */
	columns: ReadonlyMap<string, number>;
	/** Columns TimelineJS reads; the others are kept under `columns` by their header. */
	used: ReadonlySet<number>;
	cell(row: Row, key: string): string;
}

function readHeader(header: readonly string[]): Sheet {
	const columns = new Map<string, number>();
	header.forEach((name, column) => {
		const key = columnKey(name);
		if (key && !columns.has(key)) columns.set(key, column);
	});
	const tag = columns.get('tag');
	if (!columns.has('group') && tag !== undefined) columns.set('group', tag);
	// In a first-template sheet, a problem with any part of a date points at its one date cell.
	for (const [whole, parts] of [
		['startdate', ['year', 'month', 'day', 'time']],
		['enddate', ['endyear', 'endmonth', 'endday', 'endtime']],
	] as const) {
		const column = columns.get(whole);
		if (column !== undefined) for (const part of parts) if (!columns.has(part)) columns.set(part, column);
	}
	const used = new Set(
		[...columns].filter(([key]) => KNOWN_COLUMNS.has(key) && key !== 'tag').map(([, c]) => c),
	);
	return {
		header,
		columns,
		used,
		cell(row, key) {
			const column = columns.get(key);
			return column === undefined ? '' : (row.cells[column] ?? '').trim();
		},
	};
}

const MEDIA_COLUMNS = [
	['url', 'media'],
	['credit', 'mediacredit'],
	['caption', 'mediacaption'],
	['thumbnail', 'mediathumbnail'],
	['alt', 'alttext'],
] as const;

/** A row as the TimelineJS 3 slide TimelineJS itself builds from it. */
function rowToSlide(row: Row, sheet: Sheet): Json {
	const cell = (key: string) => sheet.cell(row, key);
	const date = (prefix: '' | 'end'): unknown => {
		if (sheet.columns.has('startdate')) {
			const read = parseV2Date(cell(`${prefix || 'start'}date`));
			return read === undefined || !isDateError(read) ? read : new UnreadableDate(read.error);
		}
		const parts: Json = {};
		for (const part of ['year', 'month', 'day']) {
			const value = cleanInteger(cell(prefix + part));
			if (value) parts[part] = value;
		}
		const time = cell(`${prefix}time`);
		if (time) {
			const read = parseTimeOfDay(time);
			if (isDateError(read)) return new UnreadableDate(read.error, 'hour');
			Object.assign(parts, read);
		}
		return Object.keys(parts).length > 0 ? parts : undefined;
	};
	const slide: Json = {};
	const start = date('');
	const end = date('end');
	if (start !== undefined) slide.start_date = start;
	if (end !== undefined) slide.end_date = end;
	if (cell('displaydate')) slide.display_date = cell('displaydate');
	slide.text = {headline: cell('headline'), text: cell('text')};
	const media: Json = {};
	for (const [key, column] of MEDIA_COLUMNS) if (cell(column)) media[key] = cell(column);
	if (Object.keys(media).length > 0) slide.media = media;
	if (cell('group')) slide.group = cell('group');
	if (cell('type')) slide.type = cell('type');
	const background = cell('background');
	// As TimelineJS reads it: a URL (absolute, protocol- or site-relative) or else a colour.
	if (background)
		slide.background = /^(https?:)?\/\/?/.test(background) ? {url: background} : {color: background};
	const extra: Json = {};
	row.cells.forEach((value, column) => {
		if (sheet.used.has(column) || !value.trim()) return;
		const name = sheet.header[column]?.trim() || `column ${column + 1}`;
		extra[name in extra ? `${name} (column ${column + 1})` : name] = value;
	});
	if (Object.keys(extra).length > 0) slide.columns = extra;
	return slide;
}
