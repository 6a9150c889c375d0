import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {cellWidth, truncateCells} from '../../source/text/cells.js';
import {graphemeChunks, graphemesOf} from '../../source/text/graphemes.js';

const segmenter = new Intl.Segmenter(undefined, {granularity: 'grapheme'});
const reference = (text: string) =>
	[...segmenter.segment(text)].map(({segment, index}) => ({segment, index}));

// Pieces whose graphemes span several code points or UTF-16 units: flags (regional indicator pairs),
// ZWJ emoji, skin tones, combining marks, Hangul jamo, CR LF, CJK, and plain ASCII between them.
const PIECES = [
	'a',
	' ',
	'北',
	'é',
	'e\u0301',
	'🇫🇷',
	'🇩',
	'👨‍👩‍👧',
	'👍🏽',
	'\u1100\u1161\u11a8',
	'\r\n',
	'\u0301',
	'x\u200d',
];
const texts = fc.array(fc.constantFrom(...PIECES), {maxLength: 1200}).map((pieces) => pieces.join(''));

describe('graphemes of long strings', () => {
	it('are exactly Intl.Segmenter’s, wherever the windows fall', () => {
		fc.assert(
			fc.property(texts, (text) => {
				expect([...graphemesOf(text)]).toEqual(reference(text));
				expect([...graphemeChunks(text, 7)].join('')).toBe(text);
			}),
			{numRuns: 300},
		);
	});

	it('keep a grapheme longer than a window whole', () => {
		const zalgo = `z${'\u0301'.repeat(700)}a`;
		expect([...graphemesOf(zalgo)].map((g) => g.segment.length)).toEqual([701, 1]);
	});

	it('take time in proportion to the length (Intl.Segmenter alone took 16 s for 80,000 characters)', () => {
		const text = '北京 · e\u0301 🇫🇷 '.repeat(8000);
		const started = performance.now();
		let count = 0;
		for (const _ of graphemesOf(text)) count++;
		expect(count).toBe(8000 * 9);
		expect(cellWidth(text)).toBe(8000 * 12);
		expect(truncateCells(text, 12)).toBe('北京 · e\u0301 🇫🇷…');
		// About 1 s on an idle machine; walking it with Intl.Segmenter alone would take half a minute.
		expect(performance.now() - started).toBeLessThan(10_000);
	}, 20_000);
});
