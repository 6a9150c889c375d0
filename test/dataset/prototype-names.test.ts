import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {loadText} from '../../source/dataset/load.js';

/**
 * Data keys and values named like Object.prototype's members, in every place data meets an object
 * lookup, in every input format: the load never throws, never pollutes a prototype, and says what is
 * wrong by code.
 */

const NAMES = [
	'toString',
	'constructor',
	'__proto__',
	'valueOf',
	'hasOwnProperty',
	'isPrototypeOf',
	'propertyIsEnumerable',
	'__defineGetter__',
	'prototype',
];

const OBJECT_KEYS = Object.getOwnPropertyNames(Object.prototype).sort();

/** A JSON text with `name` put where `place` says (as a key, or as a string value). */
const placements: Record<string, (name: string) => string> = {
	'timescope root key': (n) => `{"format":"timescope/1","title":"T","${n}":{"a":1},"events":[]}`,
	'timescope event key': (n) =>
		`{"format":"timescope/1","title":"T","events":[{"id":"e","date":"2025","title":"x","${n}":1}]}`,
	'timescope ids and references': (n) =>
		`{"format":"timescope/1","title":"T","actors":[{"id":"${n}","name":"N"}],"events":[{"id":"${n}","date":"2025","title":"x","actors":["${n}","nobody"],"tags":["${n}"]}],"quotes":[{"id":"${n}","text":"t","speaker":"${n}","events":["${n}"],"source":"${n}"}]}`,
	'timescope extensions key': (n) =>
		`{"format":"timescope/1","title":"T","extensions":{"${n}":{"${n}":1}},"events":[{"id":"e","date":"2025","title":"x","extensions":{"${n}":{"polluted":true}}}]}`,
	'NDJSON item kind': (n) =>
		`{"format":"timescope/1","title":"T"}\n{"${n}":{}}\n{"event":{"id":"e","date":"2025","title":"x"}}`,
	'NDJSON root and counts keys': (n) =>
		`{"format":"timescope/1","title":"T","${n}":1,"counts":{"${n}":1}}\n{"event":{"id":"${n}","date":"2025","title":"x"}}`,
	'TimelineJS 3 slide keys': (n) =>
		`{"title":{"text":{"headline":"T","${n}":1}},"events":[{"start_date":{"year":2001,"${n}":1},"text":{"headline":"${n}"},"${n}":{"${n}":1},"unique_id":"${n}","group":"${n}"}],"${n}":1}`,
	'TimelineJS 2 keys': (n) =>
		`{"timeline":{"headline":"T","${n}":1,"date":[{"startDate":"2001","headline":"${n}","${n}":"x","tag":"${n}"}],"era":{"${n}":1}}}`,
	'TimelineJS CSV column and cells': (n) =>
		`Year,Month,Day,Headline,Text,Type,Group,${n}\n2001,,,${n},text,${n},${n},${n}\n2002,,,Second,,,,\n`,
};

describe('names of Object.prototype members as data', () => {
	it('never throw, never pollute, and every problem has a code', async () => {
		await fc.assert(
			fc.asyncProperty(
				fc.constantFrom(...NAMES),
				fc.constantFrom(...Object.keys(placements)),
				fc.boolean(),
				async (name, place, strict) => {
					const text = (placements[place] as (n: string) => string)(name);
					const file = place.includes('NDJSON') ? 'f.ndjson' : place.includes('CSV') ? 'f.csv' : 'f.json';
					const loaded = await loadText(text, file, {strict});
					for (const problem of loaded.problems) {
						expect(problem.code).toMatch(/^[a-z-]+$/);
						expect(problem.message).not.toMatch(/TypeError|is not a function|undefined/);
					}
					if (loaded.ok) expect(loaded.dataset.events.length).toBeGreaterThanOrEqual(0);
					expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(OBJECT_KEYS);
					expect(({} as {polluted?: unknown}).polluted).toBeUndefined();
				},
			),
			{numRuns: 300},
		);
	});

	it('open what is valid around them: a kind named toString leaves out only its line', async () => {
		for (const name of NAMES) {
			const text = (placements['NDJSON item kind'] as (n: string) => string)(name);
			const loaded = await loadText(text, 'f.ndjson');
			expect(loaded.ok && loaded.dataset.events.map((e) => e.id)).toEqual(['e']);
			expect(loaded.problems.map((p) => p.code)).toContain('not-an-item');
		}
	});

	it('keep ids named like prototype members, and their links', async () => {
		for (const name of NAMES) {
			const text = (placements['timescope ids and references'] as (n: string) => string)(name);
			const loaded = await loadText(text, 'f.json');
			if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
			expect(loaded.dataset.eventsById.get(name)?.actors.map((a) => a.id)).toEqual([name]);
			expect(loaded.dataset.quotes[0]?.speaker.id).toBe(name);
			expect(loaded.problems.map((p) => [p.pointer, p.code])).toEqual([
				['/events/0/actors/1', 'dangling-reference'],
				['/quotes/0/source', 'dangling-reference'],
			]);
		}
	});
});
