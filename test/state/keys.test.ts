import {describe, expect, it} from 'vitest';
import {decodeKeys, isPrintable, unfinishedEscape} from '../../source/state/keys.js';

describe('decodeKeys', () => {
	it.each([
		['\u001b[A', ['up']],
		['\u001bOB', ['down']],
		['\u001b[5~', ['pageup']],
		['\u001b[6~', ['pagedown']],
		['\u001b[H', ['home']],
		['\u001b[1~', ['home']],
		['\u001b[F', ['end']],
		['\u001b[4~', ['end']],
		['\u001bOP', ['f1']],
		['\u001b[11~', ['f1']],
		['\u001b[[A', ['f1']],
		['\u001b[Z', ['shift-tab']],
		['\u001b[1;5A', ['up']],
		['\u001b[3~', ['delete']],
		['\u001b', ['escape']],
		// Esc then a key, never Alt+key: the explorer binds no Alt key, and a quick Esc must not be lost.
		['\u001bq', ['escape', 'q']],
		['\u001b/', ['escape', '/']],
		['\u001b\u001b', ['escape', 'escape']],
		// What the key reader hands over when nothing came after an unfinished sequence.
		['\u001b[', ['escape', '[']],
		['\u001bO', ['escape', 'O']],
		['\r', ['enter']],
		['\t', ['tab']],
		['\u007f', ['backspace']],
		['\b', ['backspace']],
		['\u0003', ['ctrl-c']],
		['\u0004', ['ctrl-d']],
		['\u0015', ['ctrl-u']],
		[' ', ['space']],
	])('%j is %j', (input, keys) => {
		expect(decodeKeys(input)).toEqual(keys);
	});

	it('splits typed or pasted text into one key per character, graphemes kept whole', () => {
		expect(decodeKeys('jjG')).toEqual(['j', 'j', 'G']);
		expect(decodeKeys('e\u0301 北👍🏽')).toEqual(['e\u0301', 'space', '北', '👍🏽']);
		expect(decodeKeys('ab\u001b[Bc\r')).toEqual(['a', 'b', 'down', 'c', 'enter']);
	});

	it('finds an escape sequence left unfinished at the end of a chunk, for the reader to wait on', () => {
		expect(unfinishedEscape('\u001b')).toBe(0);
		expect(unfinishedEscape('jk\u001b')).toBe(2);
		expect(unfinishedEscape('\u001b[')).toBe(0);
		expect(unfinishedEscape('\u001b[1;5')).toBe(0);
		expect(unfinishedEscape('\u001bO')).toBe(0);
		expect(unfinishedEscape('\u001b[A')).toBe(-1);
		expect(unfinishedEscape('\u001bq')).toBe(-1);
		expect(unfinishedEscape('q')).toBe(-1);
	});

	it('tells printable keys from named ones', () => {
		for (const key of ['j', 'G', '?', '/', 'space', 'é', '北', '👍🏽']) expect(isPrintable(key)).toBe(true);
		for (const key of ['up', 'enter', 'ctrl-c', 'f1', 'escape', 'pagedown'])
			expect(isPrintable(key)).toBe(false);
	});
});
