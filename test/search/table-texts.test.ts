import fc from 'fast-check';
import {expect, it} from 'vitest';
import {generateDocument} from '../../bench/generate.js';
import {buildColumns} from '../../source/dataset/columns.js';
import {packToBuffer, unpack} from '../../source/dataset/pack.js';
import {openColumns} from '../../source/dataset/records.js';
import {buildIndex, type SearchIndex} from '../../source/search/index.js';
import {restoreIndex, snapshotIndex} from '../../source/search/snapshot.js';
import {EventTitles, PackedTexts, type TableTexts} from '../../source/search/table-texts.js';

it('reads back every text as given: empty ones, other scripts, and a lone surrogate kept as itself', () => {
	const texts = ['Delcy Rodríguez', '', '김민준', 'lone \ud800 half', '🇻🇪 flag', ''];
	const packed = PackedTexts.of(texts);
	expect(packed.length).toBe(texts.length);
	expect(texts.map((_, i) => packed.at(i))).toEqual(texts);
	expect(packed.at(-1)).toBeUndefined();
	expect(packed.at(texts.length)).toBeUndefined();
});

it('reads back any list of strings', () => {
	fc.assert(
		fc.property(fc.array(fc.string({unit: 'binary'})), (texts) => {
			const packed = PackedTexts.of(texts);
			expect(texts.map((_, i) => packed.at(i))).toEqual(texts);
		}),
	);
});

it('comes through an index snapshot as the same texts, packed or read from the events, never decoded', () => {
	const dataset = openColumns(buildColumns(generateDocument({events: 60, quotes: 150, seed: 7})));
	const build = buildIndex(dataset);
	let step = build.next();
	while (!step.done) step = build.next();
	const index = step.value;
	const restored = restoreIndex(unpack(new Uint8Array(packToBuffer(snapshotIndex(index, dataset)))), dataset);
	const tables = (of: SearchIndex) =>
		[...of.quotes.links, ...of.events.links].map((link) => link.table.texts);
	const before = tables(index);
	const after = tables(restored);
	expect(after.length).toBeGreaterThan(0);
	after.forEach((texts, t) => {
		expect(texts instanceof PackedTexts || texts instanceof EventTitles).toBe(true);
		const original = before[t] as TableTexts;
		expect(Array.from({length: texts.length}, (_, i) => texts.at(i))).toEqual(
			Array.from({length: original.length}, (_, i) => original.at(i)),
		);
	});
	// The titles table reads the events of the dataset it was restored on: value i is event i's title.
	const titles = restored.quotes.links.find((link) => link.name === 'events')?.table.texts;
	expect(titles).toBeInstanceOf(EventTitles);
	expect(titles?.length).toBe(dataset.events.length);
	expect(titles?.at(59)).toBe(dataset.events[59]?.title);
});
