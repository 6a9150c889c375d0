import {formatDate, whenText} from '../dataset/dates.js';
import type {Selection} from '../dataset/filter.js';
import {actorLabel, type Quote, type Source, type TimelineEvent} from '../dataset/model.js';
import {webHref} from '../text/links.js';
import {sanitize} from '../text/sanitize.js';
import {citationParts} from './citation.js';

/**
 * A selection as a Markdown chronology: one section per event in timeline order, its date as the
 * explorer writes it, what the event is, and each of its quotes with a citation (speaker, the date
 * said or "undated", source, publisher, URL; typographic quotes). Quotes tied to no event follow.
 * Dataset text is sanitized and escaped, so it reads as the words it is, never as Markdown.
 */

export function markdownChronology(selection: Selection, heading: string, summary: string): string {
	const kept = new Set(selection.quotes);
	const placed = new Set<Quote>();
	const out = [`# ${literal(heading)}`, '', literal(summary)];
	for (const event of selection.events) {
		const quotes = event.quotes.filter((quote) => kept.has(quote));
		for (const quote of quotes) placed.add(quote);
		out.push('', ...eventSection(event, quotes));
	}
	const loose = selection.quotes.filter((quote) => !placed.has(quote));
	if (loose.length > 0) {
		out.push('', '## Quotes not tied to an event shown here', '');
		for (const quote of loose) out.push(quoteItem(quote));
	}
	return `${out.join('\n')}\n`;
}

function eventSection(event: TimelineEvent, quotes: readonly Quote[]): string[] {
	const lines = [`## ${literal(formatDate(event.date))} — ${literal(event.title)}`];
	// The date in full when it says more than the heading's short form, and as the source words it.
	const when = whenText(event.date);
	const about = [
		...(when === formatDate(event.date) ? [] : [`*${literal(when)}*`]),
		...(event.dateText ? [`“${literal(event.dateText)}”`] : []),
	];
	if (about.length > 0) lines.push('', about.join(' · '));
	if (event.summary) {
		for (const paragraph of sanitize(event.summary, {multiline: true}).split(/\n\s*\n/)) {
			const text = paragraph.replace(/\s*\n\s*/g, ' ').trim();
			if (text) lines.push('', escapeStart(literal(text)));
		}
	}
	const facts: Array<[string, string]> = [];
	if (event.actors.length > 0)
		facts.push(['Actors', event.actors.map((actor) => literal(actorLabel(event, actor))).join(', ')]);
	if (event.places.length > 0)
		facts.push(['Places', event.places.map((place) => literal(place.name)).join(', ')]);
	if (event.tags.length > 0) facts.push(['Tags', event.tags.map(literal).join(', ')]);
	facts.push(['Event id', literal(event.id)]);
	lines.push('', ...facts.map(([label, value]) => `${label}: ${value}  `));
	if (quotes.length > 0) lines.push('', ...quotes.map(quoteItem));
	if (event.sources.length > 0) lines.push('', `Sources: ${event.sources.map(sourceText).join(' · ')}`);
	return lines;
}

function quoteItem(quote: Quote): string {
	const {words, speaker, said, source} = citationParts(quote);
	const parts = [speaker, said, source?.title, source?.publisher].filter(
		(part): part is string => part !== undefined && part !== '',
	);
	const url = source?.url === undefined ? undefined : urlText(source.url);
	return `- ${literal(words)} — ${[...parts.map(literal), ...(url ? [url] : [])].join(', ')}`;
}

function sourceText(source: Source): string {
	const name = literal(sanitize(source.title ?? source.publisher ?? source.url ?? source.id));
	const href = source.url === undefined ? undefined : webHref(source.url);
	const publisher = source.title && source.publisher ? ` (${literal(sanitize(source.publisher))})` : '';
	return `${href ? `[${name}](${href})` : name}${publisher}`;
}

/** A web address as an autolink; anything else as the text it is. */
function urlText(url: string): string {
	const href = webHref(url);
	return href ? `<${href}>` : literal(url);
}

/** Dataset text as text: every character Markdown could read as markup inside a line is escaped. */
function literal(text: string): string {
	return sanitize(text).replace(/[\\`*_{}[\]<>|~]/g, '\\$&');
}

/** A paragraph that would start a heading, a list or a quote block starts as text instead. */
function escapeStart(text: string): string {
	return text.replace(/^[#>+-]/, '\\$&').replace(/^(\d+)([.)])/, '$1\\$2');
}
