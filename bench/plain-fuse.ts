import Fuse from 'fuse.js';
import {eraOf} from '../source/dataset/eras.js';
import type {Dataset, Quote, TimelineEvent} from '../source/dataset/model.js';
import {EVENT_KEYS} from '../source/search/fields.js';
import {sanitize} from '../source/text/sanitize.js';

/**
 * fuse.js alone: every quote (as timescope first searched them) and every event (with the fields and
 * weights timescope searches them by) scanned by every query. The baseline.
 */

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
		...OPTIONS,
		keys: [
			{name: 'text', weight: 3},
			{name: 'speaker', weight: 1},
			{name: 'aliases', weight: 1},
			{name: 'events', weight: 0.5},
		],
	});
}

/** fuse.js as one would set it up for this: matches and scores, accents ignored, the fzf syntax. */
const OPTIONS = {
	includeScore: true,
	includeMatches: true,
	ignoreDiacritics: true,
	useExtendedSearch: true,
	ignoreLocation: true,
	threshold: 0.35,
} as const;

export interface PlainEvent {
	event: TimelineEvent;
	title: string;
	summary: string;
	dateText: string;
	actors: string[];
	places: string[];
	tags: string[];
	era: string[];
}

export function plainFuseEvents(data: Dataset): Fuse<PlainEvent> {
	const records = data.events.map((event) => {
		const era = eraOf(data.eras, event);
		return {
			event,
			title: sanitize(event.title),
			summary: sanitize(event.summary ?? ''),
			dateText: sanitize(event.dateText ?? ''),
			actors: event.actors.flatMap((actor) =>
				[actor.name, ...(actor.aliases ?? [])].map((name) => sanitize(name)),
			),
			places: event.places.map((place) => sanitize(place.name)),
			tags: event.tags.map((tag) => sanitize(tag)),
			era: era ? [sanitize(era.title)] : [],
		};
	});
	return new Fuse(records, {...OPTIONS, keys: EVENT_KEYS.map((key) => ({...key}))});
}
