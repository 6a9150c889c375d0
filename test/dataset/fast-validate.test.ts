import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {passesFast} from '../../source/dataset/fast-validate.js';
import {loadText} from '../../source/dataset/load.js';
import {eventSchema, quoteSchema} from '../../source/dataset/schema.js';

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
	it('says yes to an item exactly when zod does, for any mix of broken and valid items', () => {
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
					for (const event of doc.events) {
						expect(passesFast('event', event)).toBe(eventSchema.safeParse(event).success);
					}
					for (const quote of doc.quotes) {
						expect(passesFast('quote', quote)).toBe(quoteSchema.safeParse(quote).success);
					}
				},
			),
			{numRuns: 1000},
		);
	});

	it('leaves the other kinds to zod', () => {
		expect(passesFast('actor', {id: 'a', name: 'A'})).toBe(false);
		expect(passesFast('source', base().sources[0])).toBe(false);
	});
});

describe('below and above 5,000 items (zod alone, or ajv first)', () => {
	/** A document whose first event keeps `__proto__` under its extensions and a URL as written. */
	const text = (events: number, broken = false) => {
		const padding = Array.from({length: events - 1}, (_, i) => ({id: `p${i}`, date: '2025', title: 'pad'}));
		const doc = {
			format: 'timescope/1',
			title: 'T',
			sources: [{id: 's', url: 'HTTPS://Example.ORG/a/../b?x=%7e'}],
			events: [
				{id: 'e', date: broken ? '2025-13' : '2025', title: 'x', sources: ['s'], extensions: {keep: 1}},
				...padding,
			],
		};
		return JSON.stringify(doc).replace('{"keep":1}', '{"__proto__":{"polluted":true},"keep":1}');
	};

	it('keeps the same document, as written, on both paths', async () => {
		for (const events of [4999, 5000]) {
			const loaded = await loadText(text(events), 'f.json', {strict: true});
			if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
			const [event] = loaded.dataset.doc.events;
			expect(Object.keys(event?.extensions ?? {})).toEqual(['__proto__', 'keep']);
			expect(loaded.dataset.doc.sources?.[0]?.url).toBe('HTTPS://Example.ORG/a/../b?x=%7e');
			expect(({} as {polluted?: boolean}).polluted).toBeUndefined();
		}
	});

	it('reports the same problems, and leniently keeps the same items, on both paths', async () => {
		const strict = await Promise.all(
			[4999, 5000].map((n) => loadText(text(n, true), 'f.json', {strict: true})),
		);
		const [below, above] = strict.map((result) => (result.ok ? [] : result.problems));
		expect(below).toEqual(above);
		expect(below?.map((p) => p.code)).toEqual(['bad-date']);
		const lenient = await Promise.all([4999, 5000].map((n) => loadText(text(n, true), 'f.json')));
		expect(lenient.map((result) => result.ok && result.dataset.events.length)).toEqual([4998, 4999]);
	});
});
