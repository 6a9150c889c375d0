import {describe, expect, it} from 'vitest';
import {InputReader, PASTE_LIMIT, pastedText} from '../../source/state/input.js';

describe('the input reader', () => {
	it('reads keys as before', () => {
		expect(new InputReader().read('jj\u001b[B')).toEqual([{type: 'keys', keys: ['j', 'j', 'down']}]);
	});

	it('reads a bracketed paste as text, whatever it holds, across reads', () => {
		const reader = new InputReader();
		expect(reader.read('\u001b[200~')).toEqual([]);
		expect(reader.pasting).toBe(true);
		expect(reader.read('oil\r')).toEqual([]);
		expect(reader.read('\u001b[A')).toEqual([]);
		expect(reader.read('f\u001b[201~q')).toEqual([
			{type: 'paste', text: 'oil\r\u001b[Af'},
			{type: 'keys', keys: ['q']},
		]);
		expect(reader.pasting).toBe(false);
	});

	it('ends a paste whose end never came when told to', () => {
		const reader = new InputReader();
		reader.read('\u001b[200~half a paste');
		expect(reader.flush()).toEqual([{type: 'paste', text: 'half a paste'}]);
		expect(reader.read('j')).toEqual([{type: 'keys', keys: ['j']}]);
	});

	it('keeps a huge paste bounded and counts what it left out', () => {
		const reader = new InputReader();
		reader.read('\u001b[200~');
		reader.read('x'.repeat(PASTE_LIMIT));
		const [paste] = reader.read('yyy\u001b[201~');
		expect(paste).toEqual({type: 'paste', text: 'x'.repeat(PASTE_LIMIT), cut: 3});
	});

	it('reads SGR mouse reports: presses, releases, the wheel, at 0-based cells', () => {
		const reader = new InputReader();
		expect(reader.read('\u001b[<0;10;5M\u001b[<0;10;5m')).toEqual([
			{type: 'pointer', pointer: {action: 'press', button: 'left', column: 9, line: 4}},
			{type: 'pointer', pointer: {action: 'release', button: 'left', column: 9, line: 4}},
		]);
		expect(reader.read('\u001b[<64;1;1M\u001b[<65;3;2M')).toEqual([
			{type: 'pointer', pointer: {action: 'wheel', dir: -1, column: 0, line: 0}},
			{type: 'pointer', pointer: {action: 'wheel', dir: 1, column: 2, line: 1}},
		]);
		expect(reader.read('\u001b[<2;4;4M')).toEqual([
			{type: 'pointer', pointer: {action: 'press', button: 'right', column: 3, line: 3}},
		]);
		// Motion (a drag) is not asked for, and ignored if it comes.
		expect(reader.read('\u001b[<32;4;4M')).toEqual([]);
	});

	it('skips a legacy mouse report’s coordinate bytes instead of typing them', () => {
		const reader = new InputReader();
		expect(reader.read('\u001b[M')).toEqual([]);
		expect(reader.read(' !"j')).toEqual([{type: 'keys', keys: ['j']}]);
	});
});

describe('pasted text', () => {
	it('is one line without escape or control characters', () => {
		expect(pastedText('a\r\nb\nc\td\u001b]52;c;AAAA\u0007e\u0000')).toBe('a b c de');
	});
});
