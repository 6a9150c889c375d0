import {formatDate} from '../dataset/dates.js';
import type {Kind, SearchHit, SearchResult} from '../search/searcher.js';
import {clipForDisplay, DISPLAY_LIMIT, wrapCells} from '../text/cells.js';
import {snippet, splitRuns} from '../text/highlight.js';
import {sanitize} from '../text/sanitize.js';
import {attribution} from './listing.js';
import type {Style} from './style.js';

/**
 * `--search Q --print`: ranked results, best first (or, with no search terms, in time order),
 * matched characters marked when colour is on. Quotes as in the listing; events and eras with their
 * kind, date, title and the field the query matched.
 */

const NOUNS: Record<Kind, [string, string]> = {
	event: ['event', 'events'],
	quote: ['quote', 'quotes'],
	era: ['era', 'eras'],
};

/** `2 events and 1 quote`, kinds with no match left out. */
function countPhrase(counts: Readonly<Record<Kind, number>>): string {
	const parts = (['era', 'event', 'quote'] as const)
		.filter((kind) => counts[kind] > 0)
		.map((kind) => `${counts[kind]} ${NOUNS[kind][counts[kind] === 1 ? 0 : 1]}`);
	return parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

export interface SearchListingOptions {
	width: number;
	style: Style;
	/** The kinds searched (all by default): "No quotes match" when only quotes were. */
	kinds?: readonly Kind[];
}

export function renderSearchListing(result: SearchResult, options: SearchListingOptions): string {
	const {width, style} = options;
	const query = sanitize(result.query);
	if (result.total === 0) {
		const only = options.kinds?.length === 1 ? options.kinds[0] : undefined;
		return `${only ? `No ${NOUNS[only][1]} match` : 'Nothing matches'} “${query}”.\n`;
	}
	const order = result.ranked ? 'best first' : 'in time order';
	const verb = result.total === 1 ? 'matches' : 'match';
	const head =
		result.hits.length < result.total
			? `${result.hits.length} of ${result.total} results for “${query}” (${countPhrase(result.counts)}), ${order}`
			: `${countPhrase(result.counts)} ${verb} “${query}”, ${order}`;
	const out = [style.dim(head)];
	result.hits.slice().forEach((hit, rank) => {
		out.push('');
		const number = `${rank + 1}.`.padEnd(4);
		const body = wrapCells(headline(hit, style), width - 4);
		body.forEach((line, i) => out.push((i === 0 ? number : '    ') + line));
		for (const {text, paint} of details(hit, style)) {
			for (const line of wrapCells(text, width - 8)) out.push(`        ${paint(line)}`);
		}
	});
	return `${out.join('\n')}\n`;
}

/** Marked text, clipped before marking so a cut never falls inside an escape sequence. */
function marked(text: string, ranges: SearchHit['textRanges'], style: Style): string {
	const clipped = ranges
		.filter(([start]) => start < DISPLAY_LIMIT)
		.map(([start, end]) => [start, Math.min(end, DISPLAY_LIMIT - 1)] as const);
	return (
		splitRuns(clipForDisplay(text), clipped)
			// Styled word by word, so a line break (at a space) never falls inside a styled run.
			.map((run) => (run.match ? run.text.split(' ').map(style.match).join(' ') : run.text))
			.join('')
	);
}

function headline(hit: SearchHit, style: Style): string {
	const body = marked(hit.text, hit.textRanges, style);
	if (hit.kind !== 'quote') return body;
	return hit.quote.kind === 'paraphrase' ? `(paraphrase) ${body}` : `“${body}”`;
}

/** A matched field's text is cut to about this many characters around the match. */
const FIELD_SNIPPET = 240;

function details(hit: SearchHit, style: Style): Array<{text: string; paint: (text: string) => string}> {
	const lines: Array<{text: string; paint: (text: string) => string}> = [];
	const field = hit.field;
	const fieldLine = () => {
		if (!field) return;
		const cut = snippet(field.text, field.ranges, FIELD_SNIPPET);
		lines.push({text: `${field.name}: ${marked(cut.text, cut.ranges, style)}`, paint: String});
	};
	switch (hit.kind) {
		case 'quote':
			lines.push({text: sanitize(clipForDisplay(attribution(hit.quote))), paint: style.dim});
			for (const event of hit.quote.events)
				lines.push({
					text: sanitize(`${formatDate(event.date)} · ${clipForDisplay(event.title)}`),
					paint: style.accent,
				});
			// A quote found by its context or an event title shows where.
			if (hit.textRanges.length === 0) fieldLine();
			break;
		case 'event': {
			const {event} = hit;
			const when = `${formatDate(event.date)}${event.dateText ? ` · “${event.dateText}”` : ''}`;
			lines.push({text: sanitize(`event · ${clipForDisplay(when)}`), paint: style.accent});
			fieldLine();
			break;
		}
		default:
			lines.push({text: `era · ${formatDate(hit.era.date)}`, paint: style.accent});
	}
	return lines;
}

/** The documented `--search --json` shape. Strings are JSON-escaped, so nothing raw reaches a terminal. */
export function searchJson(result: SearchResult): unknown {
	return {
		query: result.query,
		total: result.total,
		counts: {events: result.counts.event, quotes: result.counts.quote, eras: result.counts.era},
		order: result.ranked ? 'score' : 'time',
		results: result.hits.slice().map((hit) => {
			const score = Number(hit.score.toFixed(6));
			switch (hit.kind) {
				case 'quote':
					return {
						kind: 'quote',
						score,
						quote: hit.quote.doc,
						speaker: {id: hit.quote.speaker.id, name: hit.quote.speaker.name},
						events: hit.quote.events.map((event) => ({
							id: event.id,
							date: event.date.text,
							title: event.title,
						})),
					};
				case 'event': {
					const {event} = hit;
					return {
						kind: 'event',
						score,
						event: {
							id: event.id,
							date: event.date.text,
							title: event.title,
							...(event.summary !== undefined && {summary: event.summary}),
						},
					};
				}
				default:
					return {kind: 'era', score, era: {id: hit.era.id, date: hit.era.date.text, title: hit.era.title}};
			}
		}),
	};
}
