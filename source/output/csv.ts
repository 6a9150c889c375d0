import {stringify} from 'csv-stringify/sync';
import {formatDate} from '../dataset/dates.js';
import type {Selection} from '../dataset/filter.js';
import {actorLabel, type Quote, type TimelineEvent} from '../dataset/model.js';
import {sanitize} from '../text/sanitize.js';
import {citedSource} from './citation.js';

/**
 * A selection as CSV for a spreadsheet: one row per quote with its event, one per event without a
 * quote, one per quote tied to no event shown. Dates both as EDTF (for sorting and machines) and as
 * the explorer writes them; text whole, with escape and control characters removed.
 */

const COLUMNS = [
	'event_id',
	'event_date',
	'event_when',
	'event_title',
	'actors',
	'places',
	'tags',
	'quote_id',
	'speaker',
	'said',
	'said_when',
	'kind',
	'quote',
	'context',
	'source',
	'publisher',
	'url',
] as const;

type Row = Record<(typeof COLUMNS)[number], string>;

export function csvTable(selection: Selection): string {
	const kept = new Set(selection.quotes);
	const placed = new Set<Quote>();
	const rows: Row[] = [];
	for (const event of selection.events) {
		const quotes = event.quotes.filter((quote) => kept.has(quote));
		if (quotes.length === 0) rows.push({...eventCells(event), ...quoteCells(undefined)});
		for (const quote of quotes) {
			placed.add(quote);
			rows.push({...eventCells(event), ...quoteCells(quote)});
		}
	}
	for (const quote of selection.quotes) {
		if (!placed.has(quote)) rows.push({...eventCells(undefined), ...quoteCells(quote)});
	}
	return stringify(rows, {header: true, columns: [...COLUMNS], record_delimiter: '\r\n'});
}

const clean = (text: string | undefined) => (text === undefined ? '' : sanitize(text, {multiline: true}));

function eventCells(event: TimelineEvent | undefined) {
	return {
		event_id: event?.id ?? '',
		event_date: event?.date.text ?? '',
		event_when: event ? formatDate(event.date) : '',
		event_title: clean(event?.title),
		actors: event ? event.actors.map((actor) => clean(actorLabel(event, actor))).join('; ') : '',
		places: event ? event.places.map((place) => clean(place.name)).join('; ') : '',
		tags: event ? event.tags.map(clean).join('; ') : '',
	};
}

function quoteCells(quote: Quote | undefined) {
	const source = quote && citedSource(quote);
	return {
		quote_id: quote?.id ?? '',
		speaker: clean(quote?.speaker.name),
		said: quote?.said?.text ?? '',
		said_when: quote ? (quote.said ? formatDate(quote.said) : 'undated') : '',
		kind: quote?.kind ?? '',
		quote: clean(quote?.text),
		context: clean(quote?.context),
		source: clean(source?.title),
		publisher: clean(source?.publisher),
		url: clean(source?.url),
	};
}
