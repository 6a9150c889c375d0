import {describe, expect, it} from 'vitest';
import {type ColourChoice, colourWanted} from '../../source/text/colour.js';

const terminal = {isTTY: true};
const pipe = {isTTY: false};

describe('colourWanted: one decision for every output', () => {
	it.each<[ColourChoice, NodeJS.ProcessEnv, {isTTY: boolean}, boolean]>([
		// --color always|never beats everything.
		['always', {NO_COLOR: '1'}, pipe, true],
		['never', {FORCE_COLOR: '1'}, terminal, false],
		// FORCE_COLOR (set for one run) beats NO_COLOR (set for every program).
		['auto', {FORCE_COLOR: '1'}, pipe, true],
		['auto', {FORCE_COLOR: '1', NO_COLOR: '1'}, pipe, true],
		['auto', {FORCE_COLOR: '0'}, terminal, false],
		['auto', {FORCE_COLOR: 'false'}, terminal, false],
		// Empty values count as unset.
		['auto', {FORCE_COLOR: ''}, pipe, false],
		['auto', {NO_COLOR: ''}, terminal, true],
		['auto', {NO_COLOR: '1'}, terminal, false],
		// Otherwise: a terminal, unless it is a dumb one.
		['auto', {}, terminal, true],
		['auto', {TERM: 'dumb'}, terminal, false],
		['auto', {}, pipe, false],
	])('%s with %j on %j: %s', (choice, env, stream, expected) => {
		expect(colourWanted(choice, env, stream)).toBe(expected);
	});
});
