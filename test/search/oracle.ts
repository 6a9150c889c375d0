import {generateDocument} from '../../bench/generate.js';
import {eraOf} from '../../source/dataset/eras.js';
import {
	type Actor,
	buildDataset,
	type Dataset,
	type Era,
	type Quote,
	type TimelineEvent,
} from '../../source/dataset/model.js';
import type {TimescopeDocument} from '../../source/dataset/schema.js';
import type {Kind} from '../../source/search/fields.js';
import {foldText} from '../../source/search/fold.js';
import {parseQuery, type Term, typoBudget} from '../../source/search/query.js';
import {sanitize} from '../../source/text/sanitize.js';

/**
 * The search semantics written the slow, obvious way, to hold the index against: every quote, every
 * field, string operations and a textbook dynamic program, no index, no bit tricks.
 */

export {plainFuse} from '../../bench/plain-fuse.js';

export function dataset(doc: TimescopeDocument): Dataset {
	return buildDataset(doc);
}

/**
 * A generated corpus, with eras added after the generator's one (2014–2016), a year each from 2017 and
 * titled with words of its quotes, so that the queries built from those words find eras too.
 */
export function generated(quotes: number, seed: number): Dataset {
	const doc = generateDocument({events: Math.ceil(quotes / 2), quotes, seed});
	const titled = (doc.quotes ?? []).filter((_, i) => i % 97 === 0).slice(0, 6);
	const eras = titled.map((quote, i) => ({
		id: `era-${i + 1}`,
		date: `${2017 + i}-01/${2017 + i}-12`,
		title: quote.text.split(' ').slice(0, 3).join(' '),
	}));
	return buildDataset({...doc, eras: [...(doc.eras ?? []), ...eras]});
}

const folded = (texts: ReadonlyArray<string | undefined>) =>
	texts.filter((text): text is string => text !== undefined).map((text) => foldText(sanitize(text)));

function quoteFields(quote: Quote): string[] {
	return folded([
		quote.text,
		quote.context,
		quote.speaker.name,
		...(quote.speaker.aliases ?? []),
		...quote.events.map((e) => e.title),
	]);
}

/** The era an event falls in, as the explorer places it. */
function erasOf(data: Dataset, event: TimelineEvent): Era[] {
	const era = eraOf(data.eras, event);
	return era ? [era] : [];
}

function eventFields(data: Dataset, event: TimelineEvent): string[] {
	return folded([
		event.title,
		event.summary,
		event.dateText,
		...event.actors.flatMap((actor) => [actor.name, ...(actor.aliases ?? [])]),
		...event.places.map((place) => place.name),
		...event.tags,
		...erasOf(data, event).map((era) => era.title),
	]);
}

const actorKeys = (actor: Actor) => folded([actor.name, ...(actor.aliases ?? []), actor.id]);
const byName = (names: readonly string[], actor: Actor) =>
	names.every((name) => actorKeys(actor).some((key) => key.includes(name)));
const tagged = (tags: readonly string[], event: TimelineEvent) =>
	tags.every((pattern) => folded(event.tags).some((tag) => tag.includes(pattern)));

/** Fewest edits (substitute, insert, delete, swap neighbours) from `pattern` to a prefix of `word`. */
export function prefixDistance(pattern: string, word: string): number {
	const m = pattern.length;
	const n = word.length;
	// d[i][j]: pattern[0..i) against word[0..j), the textbook table; the best prefix is the best of row m.
	const d: number[][] = Array.from({length: m + 1}, (_, i) =>
		Array.from({length: n + 1}, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
	);
	for (let i = 1; i <= m; i++) {
		for (let j = 1; j <= n; j++) {
			const row = d[i] as number[];
			const up = d[i - 1] as number[];
			let best = Math.min(
				(up[j] as number) + 1,
				(row[j - 1] as number) + 1,
				(up[j - 1] as number) + (pattern[i - 1] === word[j - 1] ? 0 : 1),
			);
			if (i > 1 && j > 1 && pattern[i - 1] === word[j - 2] && pattern[i - 2] === word[j - 1]) {
				best = Math.min(best, ((d[i - 2] as number[])[j - 2] as number) + 1);
			}
			row[j] = best;
		}
	}
	return Math.min(...(d[m] as number[]));
}

const fuzzyCache = new Map<string, boolean>();

/** The same pattern meets the same words again and again (Zipf): each pair is worked out once. */
function fuzzyWord(pattern: string, word: string): boolean {
	const key = `${pattern}\u0000${word}`;
	let found = fuzzyCache.get(key);
	if (found === undefined) {
		found = fuzzyWordUncached(pattern, word);
		if (fuzzyCache.size > 1_000_000) fuzzyCache.clear();
		fuzzyCache.set(key, found);
	}
	return found;
}

function fuzzyWordUncached(pattern: string, word: string): boolean {
	const budget = pattern.length > 30 ? 0 : typoBudget(pattern.length);
	const start = word.replace(/^[,.;:!?"'()\u2026\u3002\uff0c]+/u, '');
	return word.includes(pattern) || (budget > 0 && prefixDistance(pattern, start) <= budget);
}

function termHolds(term: Term, field: string): boolean {
	const words = field === '' ? [] : field.split(' ');
	switch (term.kind) {
		case 'include':
			return field.includes(term.text);
		case 'prefix':
			return field.startsWith(term.text);
		case 'suffix':
			return field.endsWith(term.text);
		case 'exact':
			return field === term.text;
		default:
			return term.words.length > 1
				? field.includes(term.text)
				: words.some((word) => fuzzyWord(term.text, word));
	}
}

const cache = new WeakMap<Dataset, {quotes: string[][]; events: string[][]}>();

function fieldsOf(data: Dataset): {quotes: string[][]; events: string[][]} {
	let found = cache.get(data);
	if (!found) {
		found = {
			quotes: data.quotes.map(quoteFields),
			events: data.events.map((event) => eventFields(data, event)),
		};
		cache.set(data, found);
	}
	return found;
}

/** Indices of the records of a kind that match `raw` by the documented rules. */
export function naiveMatches(data: Dataset, raw: string, kind: Kind = 'quote'): number[] {
	const query = parseQuery(raw);
	const filters = query.speakers.length > 0 || query.tags.length > 0;
	const fields = fieldsOf(data);
	const records: Array<{index: number; fields: string[]; kept: boolean}> =
		kind === 'quote'
			? data.quotes.map((quote) => ({
					index: quote.index,
					fields: fields.quotes[quote.index] as string[],
					kept:
						byName(query.speakers, quote.speaker) &&
						(query.tags.length === 0 || quote.events.some((event) => tagged(query.tags, event))),
				}))
			: kind === 'event'
				? data.events.map((event) => ({
						index: event.index,
						fields: fields.events[event.index] as string[],
						kept:
							(query.speakers.length === 0 ||
								event.actors.some((actor) => byName(query.speakers, actor)) ||
								event.quotes.some((quote) => byName(query.speakers, quote.speaker))) &&
							tagged(query.tags, event),
					}))
				: data.eras.map((era, index) => ({index, fields: folded([era.title]), kept: !filters}));
	const sides = query.groups.length === 0 ? [[]] : query.groups;
	return records
		.filter(
			(record) =>
				record.kept &&
				sides.some((terms) =>
					terms.every((term) => record.fields.some((field) => termHolds(term, field)) !== term.negate),
				),
		)
		.map((record) => record.index);
}
