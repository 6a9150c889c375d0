import {describe, expect, it} from 'vitest';
import {decodeKeys, isPrintable} from '../../source/state/keys.js';

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
		['\u001bq', ['alt-q']],
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

	it('tells printable keys from named ones', () => {
		for (const key of ['j', 'G', '?', '/', 'space', 'é', '北', '👍🏽']) expect(isPrintable(key)).toBe(true);
		for (const key of ['up', 'enter', 'ctrl-c', 'f1', 'alt-q', 'escape', 'pagedown'])
			expect(isPrintable(key)).toBe(false);
	});
});
