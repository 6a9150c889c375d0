import Fuse from 'fuse.js';
import type {Dataset, Quote} from '../source/dataset/model.js';
import {sanitize} from '../source/text/sanitize.js';

/** fuse.js alone, as timescope first used it: every quote scanned by every query. The baseline. */

export interface PlainRecord {
	quote: Quote;
	text: string;
	speaker: string;
	aliases: string[];
	events: string[];
}

export function plainFuse(data: Dataset): Fuse<PlainRecord> {
	const records = data.quotes.map((quote) => ({
		quote,
		text: sanitize(quote.text),
		speaker: sanitize(quote.speaker.name),
		aliases: (quote.speaker.aliases ?? []).map((alias) => sanitize(alias)),
		events: quote.events.map((event) => sanitize(event.title)),
	}));
	return new Fuse(records, {
		keys: [
			{name: 'text', weight: 3},
			{name: 'speaker', weight: 1},
			{name: 'aliases', weight: 1},
			{name: 'events', weight: 0.5},
		],
		includeScore: true,
		includeMatches: true,
		ignoreDiacritics: true,
		useExtendedSearch: true,
		ignoreLocation: true,
		threshold: 0.35,
	});
}
