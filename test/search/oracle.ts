import {generateDocument} from '../../bench/generate.js';
import {buildDataset, type Dataset, type Quote} from '../../source/dataset/model.js';
import type {TimescopeDocument} from '../../source/dataset/schema.js';
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

export function generated(quotes: number, seed: number): Dataset {
	return buildDataset(generateDocument({events: Math.ceil(quotes / 2), quotes, seed}));
}

function fields(quote: Quote): string[] {
	return [
		quote.text,
		quote.speaker.name,
		...(quote.speaker.aliases ?? []),
		...quote.events.map((e) => e.title),
	].map((text) => foldText(sanitize(text)));
}

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

function fuzzyWord(pattern: string, word: string): boolean {
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

/** Indices of the quotes that match `raw` by the documented rules. */
export function naiveMatches(data: Dataset, raw: string): number[] {
	const query = parseQuery(raw);
	if (query.groups.length === 0 && query.speakers.length === 0) return [];
	const out: number[] = [];
	for (const quote of data.quotes) {
		const keys = [quote.speaker.name, ...(quote.speaker.aliases ?? []), quote.speaker.id].map((k) =>
			foldText(sanitize(k)),
		);
		if (!query.speakers.every((name) => keys.some((key) => key.includes(name)))) continue;
		const all = fields(quote);
		const sides = query.groups.length === 0 ? [[]] : query.groups;
		const ok = sides.some((terms) =>
			terms.every((term) => all.some((field) => termHolds(term, field)) !== term.negate),
		);
		if (ok) out.push(quote.index);
	}
	return out;
}
