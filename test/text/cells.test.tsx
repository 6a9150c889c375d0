import fc from 'fast-check';
import {Box, Text} from 'ink';
import {render} from 'ink-testing-library';
import stringWidth from 'string-width';
import {describe, expect, it} from 'vitest';
import {display} from '../../source/state/display.js';
import {cellWidth, codePointCells, drawable} from '../../source/text/cells.js';
import {sanitize} from '../../source/text/sanitize.js';
import {graphemeText} from '../helpers/graphemes.js';

/**
 * Widths as terminals give them. The expected cells were read from tmux 3.3a (which uses glibc's
 * wcwidth): each text printed at the start of a pane, then `tmux display -p '#{cursor_x}'`.
 */

const segmenter = new Intl.Segmenter(undefined, {granularity: 'grapheme'});
const graphemesOf = (text: string) => [...segmenter.segment(text)].map((s) => s.segment);

// [what, text, cells in tmux 3.3a]
const MEASURED: ReadonlyArray<readonly [string, string, number]> = [
	['zero-width space', '\u200b', 0],
	['word joiner', '\u2060', 0],
	['byte order mark', '\ufeff', 0],
	['left-to-right mark', '\u200e', 0],
	['zero-width joiner', '\u200d', 0],
	['soft hyphen', '\u00ad', 1],
	['Hangul filler', '\u3164', 2],
	['Hangul choseong filler', '\u115f', 2],
	['Hangul jungseong filler', '\u1160', 0],
	['halfwidth Hangul filler', '\uffa0', 1],
	['a with a combining acute', 'a\u0301', 1],
	['grinning face', '\u{1f600}', 2],
	['heavy black heart', '\u2764', 1],
	['heart with VS16', '\u2764\ufe0f', 1],
	['flag of France', '\u{1f1eb}\u{1f1f7}', 2],
	['thumbs up, medium skin tone', '\u{1f44d}\u{1f3fd}', 4],
	['CJK ideograph', '中', 2],
	['watch', '\u231a', 2],
	['Thai SARA AM', '\u0e33', 1],
	['Devanagari conjunct', 'क्ष', 2],
];

describe('terminal cells', () => {
	it.each(MEASURED)('%s takes the cells tmux gives it', (_, text, cells) => {
		expect(cellWidth(text)).toBe(cells);
	});

	it('knows where glibc has no width (unassigned, controls), and that ASCII is one cell', () => {
		expect(codePointCells(0x0378)).toBe(-1);
		expect(codePointCells(0x07)).toBe(-1);
		expect(codePointCells(0x41)).toBe(1);
		expect(codePointCells(0x4e2d)).toBe(2);
		expect(codePointCells(0x0301)).toBe(0);
	});

	it('is what Ink measures with: string-width is this measure in the build and the tests', () => {
		expect(stringWidth('\u3164x')).toBe(3);
		expect(stringWidth('\u001b[1msoft\u00adhyphen\u001b[22m')).toBe(11);
		// The divider after a Hangul filler sits where the terminal puts it.
		const {lastFrame} = render(
			<Box>
				<Box width={4}>
					<Text>{'\u3164x'}</Text>
				</Box>
				<Text>|</Text>
			</Box>,
		);
		expect(lastFrame()).toBe('\u3164x |');
	});
});

describe('drawable text', () => {
	it('drops what terminals disagree on and keeps what they draw alike', () => {
		// tmux 3.3a draws the family in 2 cells, xterm and VTE in 6, kitty in 2: its parts, 6 everywhere.
		expect(drawable('👨‍👩‍👧')).toBe('👨👩👧');
		expect(cellWidth(drawable('👨‍👩‍👧'))).toBe(6);
		expect(drawable('❤️')).toBe('❤');
		expect(drawable('👍🏽')).toBe('👍');
		expect(drawable('👍🏽🏽a')).toBe('👍a');
		expect(drawable('a\u200bb')).toBe('ab');
		expect(drawable('\u0301x')).toBe('x');
		expect(drawable('x\u0378y')).toBe('x\ufffdy');
		// Fillers keep their cells: a name padded with them is as wide as the terminal shows it.
		expect(drawable('\u3164\u3164Maduro')).toBe('\u3164\u3164Maduro');
		expect(cellWidth(drawable('\u3164\u3164Maduro'))).toBe(10);
		for (const text of ['Nicolás Maduro', '北京市', 'क्षत्रिय', 'น้ำ', '🇫🇷', 'e\u0301']) {
			expect(drawable(text)).toBe(text);
		}
	});

	it('gives every grapheme at least one cell and as many as the terminal does, for any text', () => {
		fc.assert(
			fc.property(graphemeText, (text) => {
				const shown = drawable(sanitize(text));
				const parts = graphemesOf(shown);
				// Ink places each grapheme in max(1, its width) cells; the terminal in its width.
				for (const part of parts) expect(cellWidth(part)).toBeGreaterThanOrEqual(1);
				expect(parts.reduce((sum, part) => sum + cellWidth(part), 0)).toBe(cellWidth(shown));
				expect(drawable(shown)).toBe(shown);
				expect(display(text)).toBe(shown);
			}),
			{numRuns: 3000},
		);
	});
});
