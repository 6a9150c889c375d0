import {formatDate} from '../dataset/dates.js';
import type {Quote, Source} from '../dataset/model.js';
import {sanitize} from '../text/sanitize.js';

/**
 * A quote as a citation, the one wording `y` copies and the Markdown export writes:
 * `“words, whole” — Speaker Name, 31 Dec 2025, Title of the source, Publisher, https://…`.
 * The date is when the words were said, as the explorer writes dates, or "undated"; the source is the
 * quote's own, else the one source of its event. A paraphrase gets no quotation marks: the source did
 * not print those words. Dataset text is sanitized (no escape sequence rides along) but not clipped.
 */

export interface CitationParts {
	/** The words with their marks: `“…”`, or `(paraphrase) …`. */
	readonly words: string;
	readonly speaker: string;
	/** `31 Dec 2025`, or `undated`. */
	readonly said: string;
	readonly source?: {readonly title?: string; readonly publisher?: string; readonly url?: string};
}

export function citationParts(quote: Quote): CitationParts {
	const text = sanitize(quote.text);
	const source = citedSource(quote);
	return {
		words: quote.kind === 'paraphrase' ? `(paraphrase) ${text}` : `“${text}”`,
		speaker: sanitize(quote.speaker.name),
		said: quote.said ? formatDate(quote.said) : 'undated',
		...(source && {
			source: {
				...(source.title !== undefined && {title: sanitize(source.title)}),
				...(source.publisher !== undefined && {publisher: sanitize(source.publisher)}),
				...(source.url !== undefined && {url: sanitize(source.url)}),
			},
		}),
	};
}

export function citation(quote: Quote): string {
	const {words, speaker, said, source} = citationParts(quote);
	const parts = [speaker, said, source?.title, source?.publisher, source?.url].filter(
		(part): part is string => part !== undefined && part !== '',
	);
	return `${words} — ${parts.join(', ')}`;
}

/** The quote's source, else its event's when the event has exactly one (what the detail shows too). */
export function citedSource(quote: Quote): Source | undefined {
	if (quote.source) return quote.source;
	const sources = new Set(quote.events.flatMap((event) => event.sources));
	return sources.size === 1 ? [...sources][0] : undefined;
}
