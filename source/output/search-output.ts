import {formatDate} from '../dataset/dates.js';
import type {SearchHit, SearchResult} from '../search/quote-search.js';
import {clipForDisplay, DISPLAY_LIMIT, wrapCells} from '../text/cells.js';
import {splitRuns} from '../text/highlight.js';
import {sanitize} from '../text/sanitize.js';
import {attribution} from './listing.js';
import type {Style} from './style.js';

/** `--search Q --print`: ranked quotes, best first, matched characters marked when colour is on. */
export function renderSearchListing(result: SearchResult, options: {width: number; style: Style}): string {
	const {width, style} = options;
	const query = sanitize(result.query);
	if (result.total === 0) return `No quotes match “${query}”.\n`;
	const shown =
		result.hits.length < result.total ? `${result.hits.length} of ${result.total}` : `${result.total}`;
	const out = [
		style.dim(`${shown} quote${result.total === 1 ? ' matches' : 's match'} “${query}”, best first`),
	];
	result.hits.forEach((hit, rank) => {
		out.push('');
		const number = `${rank + 1}.`.padEnd(4);
		const body = wrapCells(highlighted(hit, style), width - 4);
		body.forEach((line, i) => out.push((i === 0 ? number : '    ') + line));
		for (const line of wrapCells(sanitize(clipForDisplay(attribution(hit.quote))), width - 8))
			out.push(`        ${style.dim(line)}`);
		for (const event of hit.quote.events) {
			for (const line of wrapCells(
				sanitize(`${formatDate(event.date)} · ${clipForDisplay(event.title)}`),
				width - 8,
			)) {
				out.push(`        ${style.accent(line)}`);
			}
		}
	});
	return `${out.join('\n')}\n`;
}

function highlighted(hit: SearchHit, style: Style): string {
	// Clip before marking matches, so a cut never falls inside an escape sequence.
	const ranges = hit.textRanges
		.filter(([start]) => start < DISPLAY_LIMIT)
		.map(([start, end]) => [start, Math.min(end, DISPLAY_LIMIT - 1)] as const);
	const body = splitRuns(clipForDisplay(hit.text), ranges)
		// Styled word by word, so a line break (at a space) never falls inside a styled run.
		.map((run) => (run.match ? run.text.split(' ').map(style.match).join(' ') : run.text))
		.join('');
	return hit.quote.kind === 'paraphrase' ? `(paraphrase) ${body}` : `“${body}”`;
}

/** The documented `--search --json` shape. Strings are JSON-escaped, so nothing raw reaches a terminal. */
export function searchJson(result: SearchResult): unknown {
	return {
		query: result.query,
		total: result.total,
		results: result.hits.map((hit) => ({
			score: Number(hit.score.toFixed(6)),
			quote: hit.quote.doc,
			speaker: {id: hit.quote.speaker.id, name: hit.quote.speaker.name},
			events: hit.quote.events.map((event) => ({id: event.id, date: event.date.text, title: event.title})),
		})),
	};
}
