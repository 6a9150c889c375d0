import {
	formatDate,
	formatDateText,
	referenceText,
	relationText,
	undatedHeading,
	whenText,
} from '../dataset/dates.js';
import {isBound} from '../dataset/edtf.js';
import {eraOf} from '../dataset/eras.js';
import type {Selection} from '../dataset/filter.js';
import {actorLabel, type Dataset, type Quote, type TimelineEvent} from '../dataset/model.js';
import {clipForDisplay, wrapCells} from '../text/cells.js';
import {sanitize} from '../text/sanitize.js';
import type {Style} from './style.js';

/**
 * The plain listing (`--print`, or any run whose stdout is not a terminal): one block per event in
 * timeline order, readable in a pager and greppable, every dataset string sanitized.
 */

export interface ListingOptions {
	width: number;
	style: Style;
	/** Human description of active filters, shown under the title. */
	filterText?: string;
}

const INDENT = '  ';

export function renderListing(dataset: Dataset, selection: Selection, options: ListingOptions): string {
	const {width, style} = options;
	const out: string[] = [];
	// Line breaks in the data (paragraphs of a summary) are kept; each line is wrapped on its own.
	const para = (text: string, indent: string, paint: (s: string) => string = String) => {
		for (const source of sanitize(clipForDisplay(text), {multiline: true}).split('\n')) {
			for (const line of wrapCells(source, width - indent.length))
				out.push(line === '' ? '' : indent + paint(line));
		}
	};

	para(dataset.title, '', style.bold);
	const counts = [
		plural(selection.events.length, 'event'),
		plural(selection.quotes.length, 'quote'),
		...(dataset.reference ? [`as of ${referenceText(dataset.reference)}`] : []),
	];
	para(counts.join(' · '), '', style.dim);
	if (options.filterText) para(`Filtered: ${options.filterText}`, '', style.dim);
	if (dataset.summary) {
		out.push('');
		para(dataset.summary, '');
	}
	if (selection.events.length === 0) {
		out.push('', options.filterText ? 'No events match the filters.' : 'No events.');
	}
	const shownQuotes = new Set(selection.quotes);
	let heading: string | undefined;
	for (const event of selection.events) {
		const section = sectionOf(event, dataset);
		if (section !== heading && (section !== undefined || heading !== undefined)) {
			out.push('');
			para(section ?? 'Outside any era', '', style.bold);
		}
		heading = section;
		out.push('');
		renderEvent(event, dataset, shownQuotes, options, para);
	}
	const loose = selection.quotes.filter((quote) => quote.events.length === 0);
	if (loose.length > 0) {
		out.push('', style.bold('Quotes not tied to an event'));
		for (const quote of loose) renderQuote(quote, para, style);
	}
	if (dataset.sources.size > 0) {
		out.push('', style.bold('Sources'));
		for (const source of dataset.sources.values()) {
			const facts = [
				sourceLabel(source),
				source.published && `published ${formatDateText(source.published)}`,
				!source.publisher && 'publisher not given',
				source.note,
			].filter(Boolean);
			para(`[${source.id}] ${facts.join('; ')}`, INDENT);
		}
	}
	return `${out.join('\n')}\n`;
}

/**
 * The heading an event is listed under: its era where the dataset has eras, and for events that give
 * only a bound (after the dated timeline) `Date not given · reported by 2 Jan 2026`.
 */
function sectionOf(event: TimelineEvent, dataset: Dataset): string | undefined {
	if (isBound(event.date)) return undatedHeading(event.date, dataset.reference);
	const era = eraOf(dataset.eras, event);
	return era && `Era: ${era.title} (${formatDate(era.date)})`;
}

function renderEvent(
	event: TimelineEvent,
	dataset: Dataset,
	shownQuotes: ReadonlySet<Quote>,
	{style}: ListingOptions,
	para: (text: string, indent: string, paint?: (s: string) => string) => void,
): void {
	let when = whenText(event.date);
	if (event.dateText) when += ` · “${event.dateText}”`;
	if (dataset.reference) when += ` · ${relationText(event.date, dataset.reference)}`;
	para(when, '', style.accent);
	para(event.title, INDENT, style.bold);
	if (event.summary) para(event.summary, INDENT);
	const facts = [
		event.actors.length > 0 && `Actors: ${event.actors.map((actor) => actorLabel(event, actor)).join(', ')}`,
		event.places.length > 0 && `Places: ${event.places.map((place) => place.name).join(', ')}`,
		event.tags.length > 0 && `Tags: ${event.tags.join(', ')}`,
		// With one source for everything, it is listed once at the end instead of under every event.
		dataset.sources.size > 1 &&
			event.sources.length > 0 &&
			`Sources: ${event.sources.map(sourceLabel).join('; ')}`,
	].filter((fact): fact is string => typeof fact === 'string');
	if (facts.length > 0) para(facts.join(' · '), INDENT, style.dim);
	for (const quote of event.quotes) if (shownQuotes.has(quote)) renderQuote(quote, para, style);
}

function renderQuote(
	quote: Quote,
	para: (text: string, indent: string, paint?: (s: string) => string) => void,
	style: Style,
): void {
	para(quoteText(quote), INDENT);
	para(attribution(quote), `${INDENT}    `, style.dim);
}

/** Quotation marks for words that were quoted; none for a paraphrase, which the source did not quote. */
export function quoteText(quote: Quote): string {
	return quote.kind === 'paraphrase' ? `(paraphrase) ${quote.text}` : `“${quote.text}”`;
}

/** `— Nicolás Maduro, 31 Dec 2025 · partial quote · in an interview on state TV` */
export function attribution(quote: Quote): string {
	const parts = [`— ${quote.speaker.name}${quote.said ? `, ${whenText(quote.said)}` : ''}`];
	if (quote.kind === 'partial') parts.push('partial quote');
	if (quote.context) parts.push(quote.context);
	if (quote.original)
		parts.push(`original${quote.language ? ` (${quote.language})` : ''}: “${quote.original}”`);
	return parts.join(' · ');
}

export function sourceLabel(source: {id: string; title?: string; publisher?: string; url?: string}): string {
	// Each part once: a title that is the URL says nothing the URL does not.
	return [...new Set([source.title, source.publisher, source.url].filter(Boolean))].join(', ') || source.id;
}

function plural(count: number, noun: string): string {
	return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
