import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import type {Dataset} from '../../source/dataset/model.js';
import {foldText} from '../../source/search/fold.js';
import {createSearcher, KINDS, type SearchHit} from '../../source/search/searcher.js';
import {generated, naiveMatches, plainFuse} from './oracle.js';

/**
 * The index against the rules written the slow way (oracle.ts), and against plain fuse.js, on
 * generated corpora of a few hundred quotes: what is found must not depend on how it is found.
 */

/** A hit's index among the records of its kind. */
function recordOf(hit: SearchHit, data?: Dataset): number {
	if (hit.kind === 'quote') return hit.quote.index;
	if (hit.kind === 'event') return hit.event.index;
	return data?.eras.indexOf(hit.era) ?? -1;
}

const corpora = [generated(400, 11), generated(700, 12)];
const searchers = corpora.map((data) => createSearcher(data));

function wordsOf(data: Dataset, quote: number): string[] {
	const text = data.quotes[quote]?.text ?? '';
	return foldText(text)
		.split(' ')
		.map((word) => word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
		.filter((word) => word.length > 0);
}

type Typo = 'none' | 'substitute' | 'drop' | 'swap' | 'insert';

function typo(word: string, kind: Typo, at: number): string {
	if (kind === 'none' || word.length < 5) return word;
	const i = 1 + (at % (word.length - 2));
	switch (kind) {
		case 'substitute':
			return `${word.slice(0, i)}${word[i] === 'x' ? 'q' : 'x'}${word.slice(i + 1)}`;
		case 'drop':
			return word.slice(0, i) + word.slice(i + 1);
		case 'swap':
			return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
		default:
			return `${word.slice(0, i)}z${word.slice(i)}`;
	}
}

const OPERATORS = ['', '', '', "'", '!', '^', '$', '=', '"', '\'"'] as const;

/** A query built from the words of corpus quotes: what a user might type, operators and all. */
const query = (corpus: number) =>
	fc
		.array(
			fc.record({
				quote: fc.nat(),
				word: fc.nat(),
				cut: fc.nat({max: 6}),
				typo: fc.constantFrom<Typo>('none', 'none', 'substitute', 'drop', 'swap', 'insert'),
				at: fc.nat(),
				operator: fc.constantFrom(...OPERATORS),
				or: fc.boolean(),
			}),
			{minLength: 1, maxLength: 3},
		)
		.chain((parts) =>
			fc.constantFrom('', '', '@', '@a1', '@josé', '#mil', '#oil @a').map((speaker) => {
				const data = corpora[corpus] as Dataset;
				const terms = parts.map((part, i) => {
					const words = wordsOf(data, part.quote % data.quotes.length);
					const word = words[part.word % Math.max(1, words.length)] ?? 'oil';
					const next = words[(part.word + 1) % Math.max(1, words.length)] ?? 'gas';
					const cut = part.cut > 0 && word.length > part.cut ? word.slice(0, word.length - part.cut) : word;
					const base = typo(cut, part.typo, part.at);
					const term =
						part.operator === '$'
							? `${base}$`
							: part.operator === '"'
								? `"${word} ${next}"`
								: part.operator === '\'"'
									? `'"${word} ${next.slice(0, 3)}"`
									: `${part.operator}${base}`;
					return i > 0 && part.or ? `| ${term}` : term;
				});
				const text = terms.join(' ');
				return speaker === '@' ? text : `${speaker} ${text}`.trim();
			}),
		);

// Property runs of a few seconds alone; the timeout leaves room for a loaded machine.
describe('the index agrees with the rules', {timeout: 40_000}, () => {
	it('finds exactly the quotes the slow reading of the rules finds', () => {
		corpora.forEach((data, corpus) => {
			const searcher = searchers[corpus];
			fc.assert(
				fc.property(query(corpus), (q) => {
					const result = searcher?.search(q);
					const hits = result?.hits.slice() ?? [];
					for (const kind of KINDS) {
						const found = hits
							.filter((hit) => hit.kind === kind)
							.map((hit) => recordOf(hit, data))
							.sort((a, b) => a - b);
						expect(found, kind).toEqual(naiveMatches(data, q, kind));
						expect(result?.counts[kind]).toBe(found.length);
					}
					expect(result?.total).toBe(hits.length);
				}),
				{numRuns: Number(process.env.RUNS ?? 60)},
			);
		});
	});

	it('gives the same answer whether a query was typed letter by letter or pasted', () => {
		fc.assert(
			fc.property(query(0), (q) => {
				const typed = createSearcher(corpora[0] as Dataset);
				for (let n = 1; n < q.length; n++) typed.search(q.slice(0, n), {limit: 20});
				const pasted = (searchers[0] as ReturnType<typeof createSearcher>).search(q, {limit: 20});
				const again = typed.search(q, {limit: 20});
				expect({...again, hits: again.hits.slice()}).toEqual({...pasted, hits: pasted.hits.slice()});
			}),
			{numRuns: Math.ceil(Number(process.env.RUNS ?? 100) / 4)},
		);
	});

	it('ranks every candidate it found with fuse.js (none rejected)', () => {
		fc.assert(
			fc.property(query(1), (q) => {
				const {hits, ranked} = (searchers[1] as ReturnType<typeof createSearcher>).search(q, {limit: 100});
				for (const hit of hits.slice()) expect(hit.score).toBeLessThan(ranked ? 1 : Number.EPSILON);
			}),
			{numRuns: Number(process.env.RUNS ?? 60)},
		);
	});
});

describe('compared with plain fuse.js', {timeout: 40_000}, () => {
	it('finds every quote plain fuse.js finds with a clear score', () => {
		corpora.forEach((data, corpus) => {
			const fuse = plainFuse(data);
			const searcher = searchers[corpus];
			fc.assert(
				fc.property(
					fc.nat(),
					fc.nat(),
					fc.integer({min: 1, max: 3}),
					fc.nat({max: 3}),
					(quote, word, count, cut) => {
						const words = wordsOf(data, quote % data.quotes.length);
						const picked = words.slice(word % Math.max(1, words.length)).slice(0, count);
						if (picked.length === 0) return;
						const last = picked.length - 1;
						picked[last] = (picked[last] as string).slice(
							0,
							Math.max(1, (picked[last] as string).length - cut),
						);
						const q = picked.join(' ');
						const ours = new Set(
							(searcher?.search(q, {kinds: ['quote']}).hits.slice() ?? []).map((hit) => recordOf(hit)),
						);
						for (const result of fuse.search(q)) {
							if ((result.score ?? 1) < 0.2)
								expect(ours.has(result.item.quote.index), `${q}: ${result.item.text}`).toBe(true);
						}
					},
				),
				{numRuns: Number(process.env.RUNS ?? 40)},
			);
		});
	});

	it('still finds the quote with one typo in a word of five letters or more', () => {
		const data = corpora[1] as Dataset;
		fc.assert(
			fc.property(
				fc.nat(),
				fc.nat(),
				fc.constantFrom<Typo>('substitute', 'drop', 'swap', 'insert'),
				fc.nat(),
				(quote, word, kind, at) => {
					const index = quote % data.quotes.length;
					const long = wordsOf(data, index).filter((w) => w.length >= 5 && !/\p{Script=Han}/u.test(w));
					if (long.length === 0) return;
					const q = typo(long[word % long.length] as string, kind, at);
					const found = (searchers[1] as ReturnType<typeof createSearcher>).search(q, {
						kinds: ['quote'],
					}).hits;
					expect(found.slice().map((hit) => recordOf(hit))).toContain(index);
				},
			),
			{numRuns: Number(process.env.RUNS ?? 80)},
		);
	});
});
