import type {Dataset} from '../source/dataset/model.js';
import {foldText} from '../source/search/fold.js';
import {random} from './generate.js';

/**
 * What the benchmark asks of every engine, derived from the corpus itself so that the same queries
 * make sense at every size: sequences typed letter by letter, and a known-item set (take a quote,
 * query a few of its words, sometimes with a typo, and see whether it comes back in the top 3).
 */

const STOP = new Set(
	`that with have from this they their were been would could should about there which when also than
into some more will said what them your over just only very even most these those other after before
while where being because through during under again every still must here today well going want`.split(
		/\s+/,
	),
);

/** Words a person would remember and type: folded, without clinging punctuation, 4+ letters, not filler. */
export function contentWords(text: string): string[] {
	return foldText(text)
		.split(' ')
		.map((word) => word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
		.filter((word) => word.length >= 4 && !STOP.has(word) && /^\p{Script=Latin}+$/u.test(word));
}

export type Typo = 'substitute' | 'drop' | 'swap';

/** One typo inside a word (never its first letter, which people rarely get wrong). */
export function withTypo(word: string, kind: Typo, at: number): string {
	const i = 1 + (at % Math.max(1, word.length - 2));
	if (kind === 'drop') return word.slice(0, i) + word.slice(i + 1);
	if (kind === 'swap') return word.slice(0, i) + (word[i + 1] ?? '') + (word[i] ?? '') + word.slice(i + 2);
	const keys = 'etaoinshrdlu';
	const replacement = keys[(at + word.charCodeAt(i)) % keys.length] as string;
	return word.slice(0, i) + (replacement === word[i] ? 'q' : replacement) + word.slice(i + 1);
}

export interface KnownItem {
	/** The quote's or the event's index. */
	index: number;
	query: string;
	typo: boolean;
}

/**
 * `count` quotes (by their text) or events (by their title) of `data`, deterministic, each queried by
 * 2–4 of its content words; every third with a typo.
 */
export function knownItems(
	data: Dataset,
	count: number,
	kind: 'quote' | 'event' = 'quote',
	seed = 300,
): KnownItem[] {
	const rand = random(seed);
	const items: KnownItem[] = [];
	const kinds: Typo[] = ['substitute', 'drop', 'swap'];
	const texts =
		kind === 'quote' ? data.quotes.map((quote) => quote.text) : data.events.map((event) => event.title);
	for (let tries = 0; items.length < count && tries < count * 20; tries++) {
		const index = Math.floor(rand() * texts.length);
		const words = [...new Set(contentWords(texts[index] ?? ''))];
		if (words.length < 2) continue;
		const take = Math.min(words.length, 2 + Math.floor(rand() * 3));
		const start = Math.floor(rand() * (words.length - take + 1));
		const picked = words.slice(start, start + take);
		const typo = items.length % 3 === 2;
		if (typo) {
			const long = picked.findIndex((word) => word.length >= 5);
			if (long === -1) continue;
			picked[long] = withTypo(
				picked[long] as string,
				kinds[items.length % 3] as Typo,
				Math.floor(rand() * 97),
			);
		}
		items.push({index, query: picked.join(' '), typo});
	}
	return items;
}

/**
 * Queries typed letter by letter, the way people search an archive: a couple of remembered words of
 * a quote or of an event's title, one with a typo, a speaker, a tag, the extended syntax.
 */
export function typedQueries(data: Dataset, seed = 7): string[] {
	const rand = random(seed);
	const queries: string[] = [];
	/** A random item of `items` with at least `least` content words in `text`. */
	const wordsOf = <T>(items: readonly T[], text: (item: T) => string, least: number) => {
		for (;;) {
			const item = items[Math.floor(rand() * items.length)];
			const words = item === undefined ? [] : [...new Set(contentWords(text(item)))];
			if (item !== undefined && words.length >= least) return {item, words};
		}
	};
	const quoteWords = () => {
		const {item, words} = wordsOf(data.quotes, (quote) => quote.text, 3);
		return {quote: item, words};
	};
	for (let i = 0; i < 6; i++) {
		const {words} = quoteWords();
		const start = Math.floor(rand() * (words.length - 1));
		queries.push(words.slice(start, start + 2).join(' '));
	}
	for (let i = 0; i < 2; i++) {
		const {words} = quoteWords();
		const long = words.find((word) => word.length >= 7) ?? (words[0] as string);
		queries.push(withTypo(long, i === 0 ? 'swap' : 'drop', Math.floor(rand() * 97)));
	}
	{
		const {quote, words} = quoteWords();
		const name = contentWords(quote.speaker.name)[0] ?? quote.speaker.id;
		queries.push(`@${name} ${words[0]}`);
	}
	{
		const {words} = quoteWords();
		queries.push(`'${words[0]} !${words[1]}`);
	}
	{
		const {words} = quoteWords();
		queries.push(`${words[0]} | ${words[1]}`);
	}
	{
		const {words} = quoteWords();
		queries.push(words.slice(0, 3).join(' '));
	}
	const titleWords = () => {
		const {item, words} = wordsOf(data.events, (event) => event.title, 2);
		return {event: item, words};
	};
	for (let i = 0; i < 2; i++) {
		const {words} = titleWords();
		queries.push(words.slice(0, 2).join(' '));
	}
	{
		const {words} = titleWords();
		const long = words.find((word) => word.length >= 7) ?? (words[0] as string);
		queries.push(withTypo(long, 'substitute', Math.floor(rand() * 97)));
	}
	{
		const {event, words} = titleWords();
		const tag = event.tags[0];
		queries.push(tag ? `#${tag} ${words[0]}` : (words[0] as string));
	}
	return queries;
}

/** Every prefix of each query, as each keystroke leaves the search line. */
export function keystrokes(queries: readonly string[]): string[][] {
	return queries.map((query) => Array.from({length: query.length}, (_, i) => query.slice(0, i + 1)));
}
