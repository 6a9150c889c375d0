import {describe, expect, it} from 'vitest';
import {Vocabulary, WordList} from '../../source/search/vocabulary.js';

describe('the vocabulary kept as one string', () => {
	const words = ['oil', 'sanctions', 'oilfield', '\ud800lone', 'x'.repeat(20_000)];
	const list = WordList.of(words);

	it('gives back every word, lone surrogates and long words as they were', () => {
		expect(list.size).toBe(words.length);
		expect(words.map((_, id) => list.at(id))).toEqual(words);
	});

	it('tells a word from its prefixes and extensions without making strings', () => {
		expect(list.is(0, 'oil')).toBe(true);
		expect(list.is(0, 'oi')).toBe(false);
		expect(list.is(2, 'oil')).toBe(false);
		expect(list.is(3, '\ud800lone')).toBe(true);
	});

	it('finds a word by its text, and no word that is only part of one', () => {
		const vocabulary = new Vocabulary();
		const text = words.join(' ');
		let from = 0;
		for (const word of words) {
			vocabulary.idOf(text, from, from + word.length);
			from += word.length + 1;
		}
		const lookup = vocabulary.finish(Uint32Array.from(words.keys()), list);
		expect(words.map((word) => lookup.get(word))).toEqual([0, 1, 2, 3, 4]);
		expect(lookup.get('oilf')).toBeUndefined();
		expect(lookup.get('sanction')).toBeUndefined();
	});
});
