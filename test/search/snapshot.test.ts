import {setFlagsFromString} from 'node:v8';
import {runInNewContext} from 'node:vm';
import {describe, expect, it} from 'vitest';
import {generateDocument} from '../../bench/generate.js';
import {packColumns, unpackColumns} from '../../source/dataset/column-pack.js';
import {buildColumns} from '../../source/dataset/columns.js';
import type {Dataset} from '../../source/dataset/model.js';
import {packToBuffer, unpack} from '../../source/dataset/pack.js';
import {openColumns} from '../../source/dataset/records.js';
import {buildIndex} from '../../source/search/index.js';
import {makeSearcher, type Searcher} from '../../source/search/searcher.js';
import {restoreIndex, snapshotIndex} from '../../source/search/snapshot.js';

/**
 * An index carried through a snapshot (to the explorer from the loading worker, or from the cache)
 * answers every query as the index it was taken from, on the dataset it was built on or on the same
 * data opened again (other objects, same positions).
 */

function built(dataset: Dataset) {
	const build = buildIndex(dataset);
	for (;;) {
		const step = build.next();
		if (step.done) return step.value;
	}
}

const QUERIES = [
	'oil',
	'minister talks',
	"'sanctions",
	'^the',
	'oil$',
	'!oil talks',
	'"united states"',
	'@a1',
	'josé',
	'#military',
	'',
	'@a2',
];

/** What a search answers, records as their positions (a record's JSON is its position). */
function answers(searcher: Searcher) {
	return QUERIES.map((query) => {
		const {total, counts, hits} = searcher.search(query, {limit: 30});
		return JSON.stringify({total, counts, hits: hits.slice()});
	});
}

describe('an index snapshot', () => {
	const doc = generateDocument({events: 400, quotes: 900, seed: 4});
	const columns = buildColumns(doc);
	const dataset = openColumns(columns);
	const index = built(dataset);
	const expected = answers(makeSearcher(index));

	it('answers as the index it was taken from, on the same dataset', () => {
		const packed = unpack(new Uint8Array(packToBuffer(snapshotIndex(index, dataset))));
		const restored = restoreIndex(packed, dataset);
		expect(answers(makeSearcher(restored))).toEqual(expected);
		expect(restored.dataset).toBe(dataset);
		expect(restored.actors[0]?.actor).toBe(dataset.actors.get(restored.actors[0]?.actor.id ?? ''));
		expect(restored.events.fields[0]?.text(3)).toBe(dataset.events[3]?.title);
	});

	it('answers the same on the data opened again from its columns', () => {
		const again = openColumns(unpackColumns(unpack(new Uint8Array(packToBuffer(packColumns(columns))))));
		const packed = unpack(new Uint8Array(packToBuffer(snapshotIndex(index, dataset))));
		expect(answers(makeSearcher(restoreIndex(packed, again)))).toEqual(expected);
	});

	it('lets go of the snapshot once restored: the index holds what it needs, not the header it came in', async () => {
		setFlagsFromString('--expose-gc');
		const gc = runInNewContext('gc') as () => void;
		let packed: ReturnType<typeof unpack> | undefined = unpack(
			new Uint8Array(packToBuffer(snapshotIndex(index, dataset))),
		);
		const header = new WeakRef(packed.meta as object);
		const restored = restoreIndex(packed, dataset);
		packed = undefined;
		await new Promise((resolve) => setImmediate(resolve));
		gc();
		expect(header.deref()).toBeUndefined();
		expect(answers(makeSearcher(restored))).toEqual(expected);
	});

	it('refuses what it cannot carry rather than carry it wrong', () => {
		expect(() => snapshotIndex({...index, extra: () => 1} as never, dataset)).toThrow(/function/);
		const fields = index.events.fields.map((field) => ({
			...field,
			text: (e: number) => dataset.events[e]?.summary,
		}));
		expect(() => snapshotIndex({...index, events: {...index.events, fields}}, dataset)).toThrow(
			/reads something else/,
		);
		expect(() => snapshotIndex({...index, extra: new Map()} as never, dataset)).toThrow(/Map/);
		const cycle: Record<string, unknown> = {};
		cycle.self = cycle;
		expect(() => snapshotIndex({...index, extra: cycle} as never, dataset)).toThrow(/cycle/);
	});
});
