import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {buildDataset} from '../../source/dataset/model.js';
import {documentSchema} from '../../source/dataset/schema.js';
import {cellWidth} from '../../source/text/cells.js';
import {graphemeText} from '../helpers/graphemes.js';
import {KEYS, ready, renderExplorer} from './render.js';

/**
 * Whatever the text, no row of any frame is wider than the terminal as the terminal measures it
 * (glibc's wcwidth, summed per code point, as tmux, xterm and VTE place it), the frame is exactly one
 * row shorter than the terminal, and Ink's grid is the terminal's: Ink gives every grapheme at least
 * one cell, so none may take fewer on the terminal; and nothing terminals join differently (ZWJ,
 * emoji presentation selectors) is drawn.
 */

const segmenter = new Intl.Segmenter(undefined, {granularity: 'grapheme'});

const document = fc
	.record({
		title: graphemeText,
		names: fc.array(graphemeText, {minLength: 1, maxLength: 3}),
		titles: fc.array(graphemeText, {minLength: 1, maxLength: 4}),
		quote: graphemeText,
	})
	.map(({title, names, titles, quote}) =>
		documentSchema.parse({
			format: 'timescope/1',
			title,
			actors: names.map((name, i) => ({id: `a${i}`, name})),
			events: titles.map((text, i) => ({
				id: `e${i}`,
				date: `2025-12-${String(10 + i).padStart(2, '0')}`,
				title: text,
				summary: `${quote} ${text}`,
				actors: names.map((_, j) => `a${j}`),
				tags: [text],
			})),
			quotes: titles.map((text, i) => ({
				id: `q${i}`,
				text: `${quote} ${text}`,
				speaker: `a${i % names.length}`,
				events: [`e${i}`],
			})),
		}),
	);

const sizes = fc.constantFrom(
	{columns: 80, rows: 24},
	{columns: 120, rows: 40},
	{columns: 200, rows: 50},
	{columns: 41, rows: 12},
);

describe('frames of generated graphemes', () => {
	it('never have a row wider than the terminal, in the list, the detail, search and help', async () => {
		await fc.assert(
			fc.asyncProperty(document, sizes, async (doc, size) => {
				const explorer = renderExplorer(buildDataset(doc), {size, colour: false});
				try {
					await ready(explorer);
					const check = () => {
						const lines = explorer.lines();
						expect(lines).toHaveLength(size.rows - 1);
						for (const line of lines) {
							expect(cellWidth(line)).toBeLessThanOrEqual(size.columns);
							expect(line).not.toMatch(/[\u200d\ufe0e\ufe0f]/u);
							for (const {segment} of segmenter.segment(line)) expect(cellWidth(segment)).toBeGreaterThan(0);
						}
					};
					check();
					for (const [keys, mode] of [
						['j', 'TIMELINE'],
						[KEYS.enter, 'DETAIL'],
						[KEYS.escape, 'TIMELINE'],
						['/', 'SEARCH'],
						['a', 'SEARCH'],
						[KEYS.escape, 'TIMELINE'],
						['?', 'HELP'],
					] as const) {
						explorer.press(keys);
						await explorer.until(mode);
						check();
					}
				} finally {
					explorer.app.unmount();
				}
			}),
			{numRuns: 12},
		);
	}, 60_000);
});
