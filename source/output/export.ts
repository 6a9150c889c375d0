import {extname} from 'node:path';
import {type Selection, toDocument} from '../dataset/filter.js';
import type {Dataset} from '../dataset/model.js';
import {csvTable} from './csv.js';
import {toSafeJson} from './json.js';
import {markdownChronology} from './markdown.js';

/**
 * What the explorer exports (the marks, or the view it shows) and in which form, told by the file
 * name's extension: `timescope/1` JSON (the same document `--json` writes, valid against the schema),
 * a Markdown chronology with citations, or CSV.
 */

export type ExportFormat = 'json' | 'markdown' | 'csv';

export const FORMAT_NAMES: Record<ExportFormat, string> = {
	json: 'timescope/1 JSON',
	markdown: 'Markdown',
	csv: 'CSV',
};

const EXTENSIONS: Record<string, ExportFormat> = {
	'.json': 'json',
	'.md': 'markdown',
	'.markdown': 'markdown',
	'.csv': 'csv',
};

/** The extensions that name a format, for a prompt's hint: `.json .md .csv`. */
export const EXPORT_EXTENSIONS = '.json, .md or .csv';

export function formatFor(name: string): ExportFormat | undefined {
	return EXTENSIONS[extname(name).toLowerCase()];
}

export interface ExportContent {
	readonly dataset: Dataset;
	readonly selection: Selection;
	/** The Markdown's title: `Explorer test timeline — marks`. */
	readonly heading: string;
	/** What it holds, in a line: `3 events, 4 quotes, marked in fixtures/small.json`. */
	readonly summary: string;
}

export function exportText(format: ExportFormat, content: ExportContent): string {
	if (format === 'json') return toSafeJson(toDocument(content.dataset, content.selection));
	if (format === 'csv') return csvTable(content.selection);
	return markdownChronology(content.selection, content.heading, content.summary);
}

/** `6 events and 1 quote`. */
export function countText(selection: Selection): string {
	const events = selection.events.length;
	const quotes = selection.quotes.length;
	return `${events} event${events === 1 ? '' : 's'} and ${quotes} quote${quotes === 1 ? '' : 's'}`;
}
