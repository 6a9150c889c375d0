import {readdirSync} from 'node:fs';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {generateDocument} from '../../bench/generate.js';
import {packColumns, unpackColumns} from '../../source/dataset/column-pack.js';
import {buildColumns} from '../../source/dataset/columns.js';
import {readDocument} from '../../source/dataset/load.js';
import {buildDataset, type Dataset, type TimelineEvent} from '../../source/dataset/model.js';
import {PackError, packToBuffer, unpack} from '../../source/dataset/pack.js';
import {openColumns} from '../../source/dataset/records.js';
import type {ActorLinkDoc, EventDoc, QuoteDoc, TimescopeDocument} from '../../source/dataset/schema.js';
import {toSafeJson} from '../../source/output/json.js';
import {buildObjectModel} from '../helpers/object-model.js';
import {sharedPath} from '../helpers/shared.js';

/**
 * The columnar model (columns.ts, records.ts) against the object model it replaced
 * (test/helpers/object-model.ts): every field of every event, quote and era, every lookup, the same
 * objects met from every side, and the document given back byte for byte.
 */

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Everything the rest of timescope can read from a dataset, references as positions and ids. */
function reading(dataset: Dataset) {
	const ids = <T extends {id: string}>(items: readonly T[]) => items.map((item) => item.id);
	return {
		title: dataset.title,
		summary: dataset.summary,
		referenceDate: dataset.referenceDate,
		reference: dataset.reference,
		events: dataset.events.map((event) => ({
			index: event.index,
			id: event.id,
			date: event.date,
			anchor: event.anchor,
			dateWidth: event.dateWidth,
			title: event.title,
			dateText: event.dateText,
			summary: event.summary,
			actors: event.actors,
			qualifiers: [...event.actorQualifiers],
			places: event.places,
			tags: event.tags,
			sources: event.sources,
			quotes: event.quotes.map((quote) => quote.index),
			doc: JSON.stringify(event.doc),
		})),
		quotes: dataset.quotes.map((quote) => ({
			index: quote.index,
			id: quote.id,
			text: quote.text,
			speaker: quote.speaker,
			kind: quote.kind,
			said: quote.said,
			saidAnchor: quote.saidAnchor,
			saidWidth: quote.saidWidth,
			context: quote.context,
			events: quote.events.map((event) => event.index),
			source: quote.source,
			original: quote.original,
			language: quote.language,
			doc: JSON.stringify(quote.doc),
		})),
		eras: dataset.eras.map((era) => ({...era, doc: JSON.stringify(era.doc)})),
		actors: [...dataset.actors],
		places: [...dataset.places],
		sources: [...dataset.sources],
		eventsById: [...dataset.eventsById].map(([id, event]) => [id, event.index]),
		dateRuns: [...dataset.dateRuns],
		eventIds: ids(dataset.events),
	};
}

function expectSameModel(doc: TimescopeDocument): void {
	const expected = buildObjectModel(structuredClone(doc));
	const actual = buildDataset(doc);
	expect(reading(actual)).toEqual(reading(expected));
	// The same object wherever it is met: selections, sets and caches key on it.
	for (const event of actual.events) {
		expect(actual.events[event.index]).toBe(event);
		expect(actual.eventsById.get(event.id)).toBe(
			actual.events[expected.eventsById.get(event.id)?.index ?? -1],
		);
		for (const quote of event.quotes) expect(actual.quotes[quote.index]).toBe(quote);
	}
	for (const quote of actual.quotes) {
		for (const event of quote.events) expect(actual.events[event.index]).toBe(event);
		expect(quote.speaker).toBe(actual.actors.get(quote.speaker.id) ?? quote.speaker);
		expect(actual.quotes[quote.index]?.speaker).toBe(quote.speaker);
	}
	expect(actual.eventsById.get('no such event')).toBeUndefined();
	// --json writes the document: the same bytes as the parsed one.
	expect(toSafeJson(actual.doc)).toBe(toSafeJson(expected.doc));
	// Packed (for the worker and the cache) and unpacked, nothing changes.
	const unpacked = openColumns(
		unpackColumns(unpack(new Uint8Array(packToBuffer(packColumns(buildColumns(doc)))))),
	);
	expect(reading(unpacked)).toEqual(reading(expected));
	expect(toSafeJson(unpacked.doc)).toBe(toSafeJson(expected.doc));
}

async function documentOf(path: string): Promise<TimescopeDocument> {
	const result = await readDocument(path);
	if (!result.ok) throw new Error(`${path} does not open: ${result.problems[0]?.message}`);
	return result.doc;
}

describe('the columnar model', () => {
	it('reads every fixture, the bundled dataset and the shared TimelineJS examples as the object model did', async () => {
		const files = [
			join(ROOT, 'data/venezuela-us-dialogue.json'),
			...['cli', 'explorer'].flatMap((dir) =>
				readdirSync(join(ROOT, 'test/fixtures', dir))
					.filter((name) => name.endsWith('.json'))
					.map((name) => join(ROOT, 'test/fixtures', dir, name)),
			),
			sharedPath('timelinejs-examples/TimelineJS3__contrib__women_in_computing.json'),
			sharedPath('timelinejs-examples/TimelineJS3__contrib__women_in_computing.csv'),
			sharedPath('timelinejs-examples/TimelineJS3__src__template__eras.json'),
			sharedPath('timelinejs-examples/TimelineJS3__website__examples__twain__marktwain.json'),
		];
		for (const file of files) expectSameModel(await documentOf(file));
	});

	it('reads generated archives as the object model did', () => {
		for (const seed of [1, 2, 3]) expectSameModel(generateDocument({events: 300, quotes: 700, seed}));
	});

	it('reads any document as the object model did: key orders, link forms, odd strings, dangling references', () => {
		fc.assert(
			fc.property(documents, (doc) => expectSameModel(doc)),
			{numRuns: Number(process.env.RUNS ?? 150)},
		);
	});

	it('stores string offsets in 32 bits under 4 GB of text, and still reads a pack whose offsets are 64-bit', () => {
		const doc = generateDocument({events: 50, quotes: 120, seed: 5});
		const columns = buildColumns(doc);
		expect(columns.strings.starts).toBeInstanceOf(Uint32Array);
		const wide = {
			...columns,
			strings: {...columns.strings, starts: Float64Array.from(columns.strings.starts)},
		};
		const reopened = openColumns(unpackColumns(unpack(new Uint8Array(packToBuffer(packColumns(wide))))));
		expect(toSafeJson(reopened.doc)).toBe(toSafeJson(openColumns(columns).doc));
		expect(reopened.quotes[119]?.text).toBe(openColumns(columns).quotes[119]?.text);
	});

	it('refuses a pack that was cut short, changed by one byte, or is no pack at all', () => {
		const bytes = new Uint8Array(
			packToBuffer(packColumns(buildColumns(generateDocument({events: 40, quotes: 80})))),
		);
		const open = (b: Uint8Array) => unpackColumns(unpack(b));
		expect(() => open(bytes.slice(0, bytes.length - 100))).toThrow(PackError);
		for (const at of [20, Math.floor(bytes.length / 2), bytes.length - 1]) {
			const changed = bytes.slice();
			changed[at] = (changed[at] as number) ^ 1;
			expect(() => open(changed)).toThrow(PackError);
		}
		expect(() => open(new TextEncoder().encode('{"format": "timescope/1"}'.padEnd(64)))).toThrow(PackError);
		expect(open(bytes).arrays.evId.length).toBe(40);
	});

	it('gives the same list each time a record is read again, so a loop over its items reads it once', () => {
		const doc = generateDocument({events: 50, quotes: 120});
		(doc.events[0] as EventDoc).tags = Array.from({length: 50_000}, (_, i) => `tag-${i}`);
		const dataset = buildDataset(doc);
		const event = dataset.events.find((e) => e.tags.length === 50_000);
		if (!event) throw new Error('no tagged event');
		expect(event.tags).toBe(event.tags);
		let read = 0;
		for (let i = 0; i < event.tags.length; i++) read += (event.tags[i] as string).length;
		expect(read).toBeGreaterThan(50_000);
		const quoted = dataset.events.find((e) => e.quotes.length > 1) as TimelineEvent;
		expect(quoted.quotes).toBe(quoted.quotes);
		expect(quoted.actors).toBe(quoted.actors);
		expect(quoted.quotes[0]?.events).toBe(quoted.quotes[0]?.events);
	});

	it('keeps a string that has no UTF-8 form (a lone surrogate) as it was', () => {
		const doc: TimescopeDocument = {
			format: 'timescope/1',
			title: 'odd',
			events: [{id: 'e1', date: '2025', title: 'half a pair: \ud83d', summary: '\udc00 alone'}],
		};
		const event = buildDataset(doc).events[0];
		expect(event?.title).toBe('half a pair: \ud83d');
		expect(event?.summary).toBe('\udc00 alone');
	});
});

const DATES = [
	'2025-12-31',
	'2025-12',
	'2024',
	'2025~',
	'2025-12-31?',
	'2025-12-22/2025-12-28',
	'2025~/..',
	'2025/',
	'[2025-12-22..2025-12-28]',
	'[..2026-01-02]',
	'[2026-01-02..]',
	'Y-13800000000',
	'-0499',
	'2001-21',
	'201X',
	'19XX',
	'2025-12-XX',
	'/2025-03',
	'../2025-03-04',
	'[2024, 2025-12-31]',
	'[2024-05..2024-06, 2023]',
	'2014-12-06T17:00:00-08:00',
];
const ACTOR_IDS = ['a1', 'a2', 'ä', '𝒳', 'toString', 'gone'];
const text = fc.oneof(
	fc.string({minLength: 1, maxLength: 12}),
	fc.string({unit: 'binary', minLength: 1, maxLength: 8}),
	fc.constantFrom('José', '陳美玲', 'a\u0000b', '\u202e', 'x'.repeat(300)),
);
const json = fc.jsonValue({maxDepth: 2});
const extensions = fc.dictionary(
	fc.constantFrom('__proto__', '1', '0', 'x', 'timelinejs', 'constructor'),
	json,
	{
		maxKeys: 3,
	},
);

/** An object with its keys in a generated order, `undefined` values left out as JSON would. */
const shuffled = <T extends Record<string, unknown>>(arbitrary: fc.Arbitrary<T>) =>
	fc.tuple(arbitrary, fc.infiniteStream(fc.nat())).map(([item, order]) => {
		const keys = Object.keys(item).filter((key) => item[key] !== undefined);
		const ranks = new Map(keys.map((key) => [key, order.next().value as number]));
		const out: Record<string, unknown> = {};
		for (const key of [...keys].sort((a, b) => (ranks.get(a) ?? 0) - (ranks.get(b) ?? 0))) {
			Object.defineProperty(out, key, {
				value: item[key],
				enumerable: true,
				writable: true,
				configurable: true,
			});
		}
		return out as T;
	});

const link: fc.Arbitrary<ActorLinkDoc> = fc.oneof(
	fc.constantFrom(...ACTOR_IDS),
	fc.record({id: fc.constantFrom(...ACTOR_IDS)}),
	fc.record({id: fc.constantFrom(...ACTOR_IDS), qualifier: fc.constantFrom('reported', 'alleged')}),
	fc.record({qualifier: fc.constantFrom('reported', 'alleged'), id: fc.constantFrom(...ACTOR_IDS)}),
);

const event = (id: string) =>
	shuffled(
		fc.record(
			{
				id: fc.constant(id),
				date: fc.constantFrom(...DATES),
				title: text,
				dateText: text,
				summary: text,
				actors: fc.array(link, {maxLength: 3}),
				places: fc.array(fc.constantFrom('p1', 'p2', 'nowhere'), {maxLength: 2}),
				tags: fc.array(fc.constantFrom('oil', 'talks', 'Äpfel'), {maxLength: 3}),
				sources: fc.array(fc.constantFrom('s1', 'missing'), {maxLength: 2}),
				extensions,
			},
			{requiredKeys: ['id', 'date', 'title']},
		) as fc.Arbitrary<EventDoc & Record<string, unknown>>,
	);

const quote = (id: string, eventIds: readonly string[]) =>
	shuffled(
		fc.record(
			{
				id: fc.constant(id),
				text,
				speaker: fc.constantFrom(...ACTOR_IDS),
				kind: fc.constantFrom('direct', 'partial', 'paraphrase'),
				said: fc.constantFrom(...DATES),
				context: text,
				events: fc.array(fc.constantFrom(...eventIds, 'no-event'), {maxLength: 3}),
				source: fc.constantFrom('s1', 's2', 'missing'),
				original: text,
				language: fc.constantFrom('es', 'en'),
				extensions,
			},
			{requiredKeys: ['id', 'text', 'speaker']},
		) as fc.Arbitrary<QuoteDoc & Record<string, unknown>>,
	);

const documents: fc.Arbitrary<TimescopeDocument> = fc
	.tuple(fc.nat({max: 12}), fc.nat({max: 15}), fc.boolean(), fc.boolean())
	.chain(([events, quotes, withQuotes, withEras]) => {
		const eventIds = Array.from({length: events}, (_, i) => `e${i}`);
		return shuffled(
			fc.record(
				{
					format: fc.constant('timescope/1' as const),
					title: text,
					summary: text,
					language: fc.constant('en'),
					referenceDate: fc.constantFrom('2026-01-02', '2025-12'),
					actors: fc.constant([
						{id: 'a1', name: 'Ana', aliases: ['A.']},
						{id: 'a2', name: 'Björn', description: 'Minister'},
						{id: 'ä', name: 'Ä'},
						{id: '𝒳', name: 'X'},
						{id: 'toString', name: 'To String'},
					]),
					places: fc.constant([
						{id: 'p1', name: 'Caracas', lat: 10.5, lon: -66.9},
						{id: 'p2', name: 'Nowhere'},
					]),
					sources: fc.constant([
						{id: 's1', title: 'A report', published: '2026-01-02'},
						{id: 's2', url: 'https://example.org/'},
					]),
					events: fc.tuple(...eventIds.map((id) => event(id))),
					quotes: withQuotes
						? fc.tuple(...Array.from({length: quotes}, (_, k) => quote(`q${k}`, eventIds)))
						: fc.constant(undefined),
					eras: withEras
						? fc.constant([
								{id: 'r2', date: '2025/2026', title: 'Later'},
								{id: 'r1', date: '2024-01/2024-12', title: 'Earlier'},
							])
						: fc.constant(undefined),
					extensions,
				},
				{requiredKeys: ['format', 'title', 'events']},
			) as fc.Arbitrary<TimescopeDocument & Record<string, unknown>>,
		);
	});
