import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {cellWidth, padCells, truncateCells, wrapCells} from '../../source/text/cells.js';
import {sanitize} from '../../source/text/sanitize.js';

describe('sanitize', () => {
	it.each([
		['SGR colour', 'a\u001b[31mred\u001b[0m b', 'ared b'],
		['OSC title (BEL)', 'x\u001b]0;pwned\u0007y', 'xy'],
		['OSC 52 clipboard write (ST)', 'x\u001b]52;c;aGVsbG8=\u001b\\y', 'xy'],
		['OSC 8 hyperlink', 'l\u001b]8;;http://e.test\u001b\\link\u001b]8;;\u001b\\', 'llink'],
		['DCS', 'dcs\u001bPq#0\u001b\\z', 'dcsz'],
		['8-bit CSI and OSC', 'c1\u009b31mX\u009dtitle\u009c', 'c1X'],
		['full reset', '\u001bc reset', ' reset'],
		['cursor movement', 'a\u001b[2Jb\u001b[10;10Hc', 'abc'],
		['bell and backspace', 'bell\u0007bs\b!', 'bell\ufffdbs\ufffd!'],
		['DEL', 'del\u007f', 'del\ufffd'],
		['bidi override', '\u202eevil\u202c and \u2066iso\u2069', 'evil and iso'],
		['tab', 'a\tb', 'a    b'],
	])('%s', (_name, input, expected) => {
		expect(sanitize(input)).toBe(expected);
	});

	it('folds line breaks to spaces on one line and keeps them as \\n when multiline', () => {
		expect(sanitize('a\r\nb\rc\nd\u2028e')).toBe('a b c d e');
		expect(sanitize('a\r\nb\rc\nd', {multiline: true})).toBe('a\nb\nc\nd');
	});

	it('leaves ordinary text, accents, CJK and emoji untouched', () => {
		const text = 'Nicolás Maduro — “¡Sí!” 北京 👍🏽 e\u0301';
		expect(sanitize(text)).toBe(text);
	});

	it('never lets a control character or escape through, whatever the mix', () => {
		const nasty = fc.constantFrom(
			'\u001b',
			'\u001b[',
			'\u001b]',
			'\u0007',
			'\u009b',
			'\u009d',
			'\u0090',
			'\r',
			'\b',
			'\u202e',
			'\u0000',
			'\u001b\\',
			'52;c;',
			'[31m',
		);
		const text = fc.array(fc.oneof(fc.string(), nasty), {maxLength: 30}).map((parts) => parts.join(''));
		fc.assert(
			fc.property(text, fc.boolean(), (input, multiline) => {
				const out = sanitize(input, {multiline});
				// Only \n may remain of C0, and only when multiline; no C1, DEL or bidi controls at all.
				expect(out).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u);
				if (!multiline) expect(out).not.toContain('\n');
			}),
			{numRuns: 2000},
		);
	});
});

describe('cells', () => {
	it('measures terminal cells, not string length', () => {
		expect(cellWidth('abc')).toBe(3);
		expect(cellWidth('北京')).toBe(4);
		expect(cellWidth('e\u0301')).toBe(1);
		// glibc, tmux and xterm: the thumb and the skin tone, two cells each.
		expect(cellWidth('👍🏽')).toBe(4);
		expect(cellWidth('“Nicolás” — ’quoted’…')).toBe(21);
		// The soft hyphen takes a cell in terminals (glibc gives it one), string-width says none.
		expect(cellWidth('soft\u00adhyphen')).toBe(11);
	});

	it('truncates by cells with an ellipsis, never splitting a wide character or a cluster', () => {
		expect(truncateCells('hello world', 8)).toBe('hello w…');
		expect(truncateCells('北京北京', 5)).toBe('北京…');
		expect(cellWidth(truncateCells('北京北京', 5))).toBe(5);
		expect(truncateCells('👍🏽👍🏽👍🏽', 5)).toBe('👍🏽…');
		expect(truncateCells('short', 10)).toBe('short');
		expect(truncateCells('x', 0)).toBe('');
	});

	it('pads to an exact cell width', () => {
		expect(padCells('北', 4)).toBe('北  ');
		expect(cellWidth(padCells('北京北京', 5))).toBe(5);
	});

	it('wraps words by cells and breaks words longer than a line', () => {
		expect(wrapCells('the quick brown fox', 10)).toEqual(['the quick', 'brown fox']);
		expect(wrapCells('abcdefghij', 4)).toEqual(['abcd', 'efgh', 'ij']);
		for (const line of wrapCells('北京北京北京 北京', 5)) expect(cellWidth(line)).toBeLessThanOrEqual(5);
	});

	it('never breaks a web address: a long one runs past the width on a line of its own', () => {
		const url = 'https://example.org/a/very/long/path/photo.jpg';
		expect(wrapCells(`Sources: ${url}, and more words`, 20)).toEqual([
			'Sources:',
			`${url},`,
			'and more words',
		]);
		expect(wrapCells(`see (${url}): here`, 20)).toEqual(['see', `(${url}):`, 'here']);
		expect(wrapCells('https://a.io/x', 20)).toEqual(['https://a.io/x']);
		// A word that only looks like one is still broken.
		expect(wrapCells('abcdefghij://', 4)).toEqual(['abcd', 'efgh', 'ij:/', '/']);
	});
});
