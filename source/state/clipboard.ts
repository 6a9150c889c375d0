import type {Quote, TimelineEvent} from '../dataset/model.js';

/** The URL `o` opens and `Y` copies: the selected quote's source, else the first of the event's sources with one. */
export function sourceUrl(quote: Quote | undefined, event: TimelineEvent | undefined): string | undefined {
	const candidates = [quote?.source, ...(event?.sources ?? [])];
	return candidates.find((source) => source?.url)?.url;
}
