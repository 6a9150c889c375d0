import {describe, expect, it} from 'vitest';
import {select} from '../../source/dataset/filter.js';
import {buildDataset} from '../../source/dataset/model.js';
import {facetFilters, facetItems, repick} from '../../source/state/facets.js';
import {generatedDocument, loadFixture, press, start} from './helpers.js';

const small = loadFixture('small');

describe('picked facets are the picker’s own items, not keys to split', () => {
	it('picks and clears items; as filters they are ids by kind', () => {
		const state = press(start(small), 'f', 'enter', 'G', 'enter');
		const picked = [...state.facets];
		expect(picked.map(({kind, label}) => [kind, label])).toEqual([
			['actor', 'Nicolás Maduro'],
			['place', expect.any(String)],
		]);
		for (const item of picked) expect(facetItems(state.base)).toContain(item);
		expect(facetFilters(state.facets)).toEqual({actors: ['maduro'], tags: [], places: [picked[1]?.id]});
		expect(press(state, 'g', 'enter').facets.size).toBe(1);
	});

	it('carry over to reloaded data as its items, in the order picked, dropping those gone', () => {
		const before = buildDataset(generatedDocument(30));
		const base = select(before, {});
		const items = facetItems(base);
		const five = items.find((item) => item.id === 'five');
		const bo = items.find((item) => item.id === 'b');
		if (!five || !bo) throw new Error('the generated document lost its facets');
		const doc = generatedDocument(30);
		doc.events = doc.events.filter((event) => !event.tags?.includes('five'));
		const after = facetItems(select(buildDataset(doc), {}));
		const kept = [...repick(after, new Set([five, bo]))];
		expect(kept).toEqual([after.find((item) => item.id === 'b')]);
		expect(kept[0]).not.toBe(bo);
	});
});
