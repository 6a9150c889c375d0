import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {passesFast} from '../../source/dataset/fast-validate.js';
import {documentSchema} from '../../source/dataset/schema.js';

const base = () => ({
	format: 'timescope/1',
	title: 'T',
	actors: [{id: 'a', name: 'A'}],
	sources: [{id: 's', title: 'S', url: 'https://example.org/x'}],
	events: [
		{
			id: 'e1',
			date: '2025-12-22/2025-12-28',
			dateText: 'last week',
			title: 'One',
			actors: ['a'],
			tags: ['x'],
		},
		{id: 'e2', date: '2026-01-01', title: 'Two', extensions: {tool: {deep: [1, 2, {x: null}]}}},
	],
	quotes: [
		{id: 'q1', text: 'Words', speaker: 'a', kind: 'direct', said: '2025-12-31', events: ['e1'], source: 's'},
	],
});

type Doc = ReturnType<typeof base>;
type Item = Record<string, unknown>;

// Each mutation breaks (or keeps) one rule, in the places only the fast path checks itself.
const mutations: Array<[string, (item: Item) => void]> = [
	['drop a required key', (item) => delete item[Object.keys(item)[0] as string]],
	['a number for a string', (item) => Object.assign(item, {id: 5})],
	['an unknown key', (item) => Object.assign(item, {colour: 'red'})],
	['an empty title or text', (item) => Object.assign(item, 'text' in item ? {text: ''} : {title: ''})],
	[
		'an impossible date',
		(item) => Object.assign(item, 'text' in item ? {said: '2025-02-30'} : {date: '2025-13'}),
	],
	[
		'a reversed range',
		(item) => Object.assign(item, 'text' in item ? {said: '2026/2025'} : {date: '2026/2025'}),
	],
	['an id with a space', (item) => Object.assign(item, {id: 'has space'})],
	['an unknown kind', (item) => Object.assign(item, {kind: 'full'})],
	['a tag that is not a string', (item) => Object.assign(item, {tags: [1]})],
	[
		'a harmless change',
		(item) => Object.assign(item, 'text' in item ? {context: 'on TV'} : {summary: 'more'}),
	],
	[
		'a season and an approximate month',
		(item) => Object.assign(item, 'text' in item ? {said: '2025-21'} : {date: '2025-12~'}),
	],
];

describe('the fast validation path', () => {
	it('says yes exactly when zod does, for any mix of broken and valid items', () => {
		fc.assert(
			fc.property(
				fc.array(fc.tuple(fc.constantFrom('events', 'quotes'), fc.nat(), fc.nat(mutations.length - 1)), {
					maxLength: 3,
				}),
				(changes) => {
					const doc: Doc = base();
					for (const [list, at, which] of changes) {
						const items = doc[list as 'events' | 'quotes'] as Item[];
						const mutation = mutations[which] as (typeof mutations)[number];
						mutation[1](items[at % items.length] as Item);
					}
					expect(passesFast(doc)).toBe(documentSchema.safeParse(doc).success);
				},
			),
			{numRuns: 1000},
		);
	});

	it('also holds the small lists and the root to the schema', () => {
		const doc = base();
		expect(passesFast(doc)).toBe(true);
		expect(passesFast({...doc, sources: [{id: 's'}]})).toBe(false);
		expect(passesFast({...doc, sources: [{id: 's', url: 'not a url'}]})).toBe(false);
		expect(passesFast({...doc, referenceDate: 'yesterday'})).toBe(false);
		expect(passesFast({...doc, title: ''})).toBe(false);
	});
});
