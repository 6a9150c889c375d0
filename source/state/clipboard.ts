import {formatDate} from '../dataset/dates.js';
import type {Quote, TimelineEvent} from '../dataset/model.js';
import {sourceName} from './detail.js';
import {display, sanitizedWhole} from './display.js';

/**
 * What `y` copies: `"…" — Nicolás Maduro, 1 Jan 2026, <source title>`. The words are whole (not the
 * display clip) but sanitized, so pasting them cannot carry an escape sequence along. A paraphrase
 * is not put in quotation marks: the source did not print those words.
 */
export function attributedQuote(quote: Quote): string {
	const words = sanitizedWhole(quote.text);
	const body = quote.kind === 'paraphrase' ? `(paraphrase) ${words}` : `"${words}"`;
	const parts = [
		display(quote.speaker.name),
		quote.said && formatDate(quote.said),
		quote.source && sourceName(quote.source),
	].filter(Boolean);
	return `${body} — ${parts.join(', ')}`;
}

/** The URL `o` opens: the selected quote's source, else the first of the event's sources with one. */
export function sourceUrl(quote: Quote | undefined, event: TimelineEvent | undefined): string | undefined {
	const candidates = [quote?.source, ...(event?.sources ?? [])];
	return candidates.find((source) => source?.url)?.url;
}

/** Only web addresses are handed to the system opener: a `file:` URL in a dataset could run a program. */
export function isWebUrl(url: string): boolean {
	try {
		const {protocol} = new URL(url);
		return protocol === 'https:' || protocol === 'http:';
	} catch {
		return false;
	}
}
