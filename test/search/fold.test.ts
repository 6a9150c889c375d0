import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {fold, foldText, unfoldRanges} from '../../source/search/fold.js';
import {splitRuns} from '../../source/text/highlight.js';

const marked = (text: string, ranges: ReadonlyArray<readonly [number, number]>) =>
	splitRuns(text, ranges)
		.filter((run) => run.match)
		.map((run) => run.text);

describe('fold', () => {
	it('lowers case, drops accents, plain quotes and dashes, one space between words', () => {
		expect(fold('  Nicolás  MADURO\t“said”—Straße\n').text).toBe('nicolas maduro "said"-strasse');
		expect(fold('Łódź Ørsted ÆON').text).toBe('lodz orsted aeon');
		expect(fold('Nicola\u0301s').text).toBe('nicolas');
		// Hangul stays composed; CJK and emoji are kept as they are.
		expect(fold('한국 北京 🚢').text).toBe('한국 北京 🚢');
		expect(fold('ΟΔΥΣΣΕΥΣ').text).toBe('οδυσσευσ');
	});

	it('keeps positions for plain ASCII, and maps them back otherwise', () => {
		expect(fold('plain ascii text').starts).toBeUndefined();
		const folded = fold('Ça  va?');
		expect(folded.text).toBe('ca va?');
		expect(unfoldRanges(folded, [[0, 1]])).toEqual([[0, 1]]);
		expect(unfoldRanges(folded, [[3, 4]])).toEqual([[4, 5]]);
	});

	it('maps each folded range onto the whole displayed characters it came from', () => {
		const text = 'Nicola\u0301s in Straße and 🚢 and 北京';
		const folded = fold(text);
		const at = (word: string) => {
			const start = folded.text.indexOf(word);
			return marked(text, unfoldRanges(folded, [[start, start + word.length - 1]]));
		};
		expect(at('nicolas')).toEqual(['Nicola\u0301s']);
		expect(at('ss')).toEqual(['ß']);
		expect(at('strasse')).toEqual(['Straße']);
		expect(at('🚢')).toEqual(['🚢']);
		expect(at('北')).toEqual(['北']);
		// Ranges that touch merge; out-of-bounds parts are dropped.
		expect(
			unfoldRanges(folded, [
				[0, 1],
				[2, 3],
				[900, 901],
			]),
		).toEqual([[0, 3]]);
	});

	it('foldText is fold without the map, for any text', () => {
		fc.assert(
			fc.property(fc.string({unit: 'binary', maxLength: 40}), (text) => {
				expect(foldText(text)).toBe(fold(text).text);
			}),
			{numRuns: 2000},
		);
	});

	it('every folded character maps to a non-empty stretch of the text, in order', () => {
		fc.assert(
			fc.property(fc.string({unit: 'grapheme', maxLength: 30}), (text) => {
				const folded = fold(text);
				for (let i = 0; i < folded.text.length; i++) {
					const [range] = unfoldRanges(folded, [[i, i]]);
					expect(range).toBeDefined();
					const [start, end] = range as [number, number];
					expect(start).toBeGreaterThanOrEqual(0);
					expect(end).toBeLessThan(text.length);
					expect(end).toBeGreaterThanOrEqual(start);
					expect(foldText(text.slice(start, end + 1))).toContain(folded.text[i]?.trim() ?? '');
				}
			}),
			{numRuns: 500},
		);
	});
});
