import {describe, expect, it} from 'vitest';
import type {TimescopeDocument} from '../../source/dataset/schema.js';
import {foldText} from '../../source/search/fold.js';
import {
	createSearcher,
	loadSearcher,
	type QuoteHit,
	type SearchHit,
	type SearchResult,
} from '../../source/search/searcher.js';
import {splitRuns} from '../../source/text/highlight.js';
import {dataset, generated} from './oracle.js';

const doc: TimescopeDocument = {
	format: 'timescope/1',
	title: 'Search fixture',
	actors: [
		{id: 'maduro', name: 'Nicolás Maduro', aliases: ['Nicolas Maduro', 'El Presidente']},
		{id: 'trump', name: 'Donald Trump'},
		{id: 'rubio', name: 'Marco Rubio', aliases: ['Secretary Rubio']},
		{id: 'wang', name: '王伟'},
		{id: 'strauss', name: 'Jürgen Strauß'},
	],
	events: [
		{id: 'interview', date: '2026-01-01', title: 'Interview aired on state TV'},
		{id: 'strike', date: '2025-12-22/2025-12-28', title: 'Strike on a docking area'},
		{id: 'talks', date: '2025-12', title: 'Negotiations on drug trafficking'},
	],
	quotes: [
		{
			id: 'chevron',
			text: 'If they want oil, Venezuela is ready for US investment, like with Chevron.',
			speaker: 'maduro',
			events: ['interview'],
		},
		{id: 'dock', text: 'There was a major explosion in the dock area.', speaker: 'trump', events: ['strike']},
		{
			id: 'talk',
			text: 'We are ready to negotiate seriously, with data in hand.',
			speaker: 'maduro',
			events: ['talks'],
		},
		{id: 'loose', text: 'A quote that belongs to no event.', speaker: 'trump'},
		{
			id: 'rubio',
			text: 'The blockade of sanctioned oil tankers will continue.',
			speaker: 'rubio',
			events: ['strike'],
		},
		{id: 'cjk', text: '我们愿意和美国对话。', speaker: 'wang', events: ['talks']},
		// Decomposed accents (NFD), a sharp s, a line break and a double space: folding moves positions.
		{id: 'nfd', text: 'Nicola\u0301s said: the Straße  is closed\nfor now.', speaker: 'strauss'},
		{
			id: 'curly',
			text: 'We’ve told them “many times” — wherever they want.',
			speaker: 'maduro',
			events: ['talks'],
		},
		{id: 'emoji', text: '🚢 tankers seized 🚢 near the coast', speaker: 'rubio'},
	],
};

const QUOTES = {kinds: ['quote' as const]};
const searcher = createSearcher(dataset(doc));
/** Quote hits (the tests of quote search ask for quotes only). */
const quoteHits = (query: string, limit?: number) =>
	searcher.search(query, {limit, ...QUOTES}).hits.slice() as QuoteHit[];
const ids = (query: string, limit?: number) => quoteHits(query, limit).map((hit) => hit.quote.id);
/** A result with its hits as an array, to compare (hits are made as they are read). */
const plain = (result: SearchResult | undefined) => result && {...result, hits: result.hits.slice()};
const marked = (hit: SearchHit) =>
	splitRuns(hit.text, hit.textRanges)
		.filter((run) => run.match)
		.map((run) => run.text);

describe('fuzzy words', () => {
	it('finds a word anywhere in a quote, its speaker or its events', () => {
		expect(ids('chevron')).toEqual(['chevron']);
		expect(ids('rubio').sort()).toEqual(['emoji', 'rubio']);
		expect(ids('docking').sort()).toEqual(['dock', 'rubio']);
	});

	it('tolerates a typo, a dropped letter or swapped neighbours in longer words', () => {
		expect(ids('chevorn')).toContain('chevron');
		expect(ids('chvron')).toContain('chevron');
		expect(ids('chevrom')).toContain('chevron');
		expect(ids('negotaite')).toContain('talk');
		expect(ids('xplosion')).toContain('dock');
	});

	it('does not stretch short words into noise', () => {
		expect(ids('oxl')).toEqual([]);
		expect(ids('zzzzqqq')).toEqual([]);
	});

	it('ignores case and accents both ways', () => {
		expect(ids('nicolas')).toEqual(expect.arrayContaining(['chevron', 'talk', 'curly', 'nfd']));
		expect(ids('NICOLÁS maduro')).toEqual(expect.arrayContaining(['chevron', 'talk', 'curly']));
		expect(ids('strasse')).toEqual(['nfd']);
		expect(ids('jurgen')).toEqual(['nfd']);
	});

	it('requires every word, each in any field', () => {
		// "maduro" is the speaker, "oil" in the text: fzf would find it on the line, so do we.
		expect(ids('maduro oil')).toEqual(['chevron']);
		expect(ids('oil tankers')).toEqual(['rubio']);
	});

	it('reads typographic quotes and dashes as their plain forms', () => {
		expect(ids("we've told")).toEqual(['curly']);
		expect(ids('"many times"')).toEqual(['curly']);
	});

	it('matches inside text without spaces', () => {
		expect(ids('美国')).toEqual(['cjk']);
		expect(ids("'对话")).toEqual(['cjk']);
	});
});

describe('a hostile word', () => {
	it('indexes a word of 200,000 letters, a lone surrogate and all, and finds it', () => {
		const long = `zq${'x'.repeat(200_000)}\ud800`;
		const hostile = createSearcher(
			dataset({
				...doc,
				events: [{id: 'long', date: '2025-01-01', title: 'A tag with no spaces', tags: [long]}],
				quotes: [],
			}),
		);
		for (const query of ["'zqxxx", '#zq']) {
			const hits = hostile.search(query).hits.slice();
			expect(hits.map((hit) => hit.kind === 'event' && hit.event.id)).toEqual(['long']);
		}
	});
});

describe('extended syntax', () => {
	it("'exact needs the exact characters", () => {
		expect(ids("'chevorn")).toEqual([]);
		expect(ids("'hevro")).toEqual(['chevron']);
	});

	it('^prefix and suffix$ anchor to the start or end of a field', () => {
		expect(ids('^was')).toEqual([]);
		expect(ids('^there')).toEqual(['dock']);
		expect(ids('^"there is"')).toEqual([]);
		expect(ids('^"there was a"')).toEqual(['dock']);
		expect(ids('continue.$')).toEqual(['rubio']);
		expect(ids('trafficking$').sort()).toEqual(['cjk', 'curly', 'talk']);
	});

	it('=exact matches a whole field', () => {
		expect(ids('=donald trump')).toEqual([]);
		expect(ids('="donald trump"')).toEqual(['dock', 'loose']);
		expect(ids('=donald')).toEqual([]);
	});

	it('!not excludes a quote when any of its fields contains the text', () => {
		expect(ids('oil !venezuela')).toEqual(['rubio']);
		expect(ids('ready !rubio').sort()).toEqual(['chevron', 'talk']);
		// "trump" is only the speaker's name: still excluded.
		expect(ids('!trump')).not.toEqual(expect.arrayContaining(['dock']));
		expect(ids('!^we').sort()).toEqual(['chevron', 'cjk', 'dock', 'emoji', 'loose', 'nfd', 'rubio']);
		expect(ids('tankers !coast$')).toEqual(['rubio']);
	});

	it('a | b finds either side; a quote matching both appears once', () => {
		expect(ids('chevron | explosion').sort()).toEqual(['chevron', 'dock']);
		expect(ids('oil | tankers').sort()).toEqual(['chevron', 'emoji', 'rubio']);
		expect(ids('chevron | ')).toEqual(['chevron']);
		expect(ids('escaped\\|pipe')).toEqual([]);
	});

	it('treats a lone operator as not typed yet', () => {
		expect(ids("oil '")).toEqual(ids('oil'));
		expect(ids('oil !')).toEqual(ids('oil'));
		// Nothing typed yet but an operator: listed like an empty query.
		expect(ids('^')).toEqual(ids(''));
	});
});

describe('@speaker', () => {
	it('narrows by name, alias or id, accents ignored', () => {
		expect(ids('@maduro').sort()).toEqual(['chevron', 'curly', 'talk']);
		expect(ids('@nicolás oil')).toEqual(['chevron']);
		expect(ids('@presidente ready').sort()).toEqual(['chevron', 'talk']);
		expect(ids('@wang')).toEqual(['cjk']);
		expect(ids('@rubio @secretary tankers').sort()).toEqual(['emoji', 'rubio']);
		expect(ids('@nobody oil')).toEqual([]);
	});

	it('marks the matched part of the speaker name', () => {
		const [hit] = quoteHits('@maduro chevron');
		expect(hit?.quote.speaker.name.slice(...range(hit?.speakerRanges[0]))).toBe('Maduro');
	});
});

function range(r: readonly [number, number] | undefined): [number, number] {
	if (!r) throw new Error('no range');
	return [r[0], r[1] + 1];
}

describe('match ranges', () => {
	it('point at the matched characters of the displayed text', () => {
		expect(marked(quoteHits('chevron')[0] as QuoteHit)).toEqual(['Chevron']);
		const both = quoteHits('oil ready')[0] as QuoteHit;
		expect(marked(both)).toEqual(['oil', 'ready']);
	});

	it('stay right where folding changed lengths (decomposed accents, ß, collapsed spaces)', () => {
		const hit = quoteHits("'nicolas").find((h) => h.quote.id === 'nfd') as QuoteHit;
		expect(hit.text).toBe('Nicola\u0301s said: the Straße  is closed for now.');
		expect(marked(hit)).toEqual(['Nicola\u0301s']);
		expect(marked(quoteHits("'strasse")[0] as QuoteHit)).toEqual(['Straße']);
		expect(marked(quoteHits('\'"straße is closed"')[0] as QuoteHit)).toEqual(['Straße  is closed']);
		expect(marked(quoteHits('\'"closed for"')[0] as QuoteHit)).toEqual(['closed\nfor'.replace('\n', ' ')]);
	});

	it('cover whole surrogate pairs and wide characters', () => {
		expect(marked(quoteHits("'美国")[0] as QuoteHit)).toEqual(['美国']);
		const ship = quoteHits("'🚢")[0] as QuoteHit;
		expect(marked(ship)).toEqual(['🚢', '🚢']);
	});

	it('highlight what each term matched, folded back to the screen form', () => {
		for (const query of ['venezuela', 'ready', "'tank", '^we', 'continue.$', 'negotiate seriously']) {
			for (const hit of searcher.search(query).hits.slice()) {
				for (const [start, end] of hit.textRanges) {
					expect(start).toBeGreaterThanOrEqual(0);
					expect(end).toBeLessThan(hit.text.length);
					expect(end).toBeGreaterThanOrEqual(start);
				}
			}
		}
		const tank = quoteHits("'tank")[0] as QuoteHit;
		expect(marked(tank).map((text) => foldText(text))).toEqual(['tank']);
	});
});

describe('results', () => {
	it('come best first, with scores from 0 (best) to 1', () => {
		const hits = searcher.search('oil').hits.slice();
		expect(hits.length).toBeGreaterThan(1);
		for (let i = 1; i < hits.length; i++) {
			expect((hits[i] as SearchHit).score).toBeGreaterThanOrEqual((hits[i - 1] as SearchHit).score);
		}
		for (const hit of hits) expect(hit.score).toBeGreaterThanOrEqual(0);
		for (const hit of hits) expect(hit.score).toBeLessThan(1);
	});

	it('count every match however few are returned', () => {
		const all = searcher.search('oil | tankers | ready');
		const some = searcher.search('oil | tankers | ready', {limit: 2});
		expect(some.total).toBe(all.total);
		expect(some.hits.slice()).toEqual(all.hits.slice(0, 2));
	});

	it('can be kept to some quotes (a filtered timeline), and count only those', () => {
		const data = dataset(doc);
		const local = createSearcher(data);
		const strike = {
			events: data.events.filter((event) => event.id === 'strike'),
			quotes: data.quotes.filter((quote) => quote.events.some((event) => event.id === 'strike')),
		};
		const found = local.search('oil | tankers | explosion', {within: strike});
		expect(
			found.hits
				.slice()
				.map((h) => (h.kind === 'quote' ? h.quote.id : h.kind))
				.sort(),
		).toEqual(['dock', 'rubio']);
		expect(found.total).toBe(2);
		// The next keystroke without the filter is not narrowed from the filtered answer.
		expect(local.search('oil | tankers | explosions').total).toBe(
			searcher.search('oil | tankers | explosions').total,
		);
		expect(local.search('@maduro', {within: strike}).total).toBe(0);
	});

	it('list everything in time order for an empty query', () => {
		const result = searcher.search('   ');
		expect(result.ranked).toBe(false);
		expect(result.counts).toEqual({event: 3, quote: 9, era: 0});
		const order = result.hits
			.slice()
			.map((hit) => (hit.kind === 'event' ? hit.event.id : hit.kind === 'quote' ? hit.quote.id : ''));
		// Events in timeline order; each quote after its event (said the same day or undated).
		expect(order.slice(0, 4)).toEqual(['talks', 'talk', 'cjk', 'curly']);
		expect(order.indexOf('strike')).toBeLessThan(order.indexOf('dock'));
		expect(order.slice(-3).sort()).toEqual(['emoji', 'loose', 'nfd']);
	});

	it('past the ranked ones, still come with their highlights when read', () => {
		const data = generated(600, 7);
		const big = createSearcher(data);
		const result = big.search('e', {limit: 300});
		expect(result.total).toBeGreaterThan(300);
		expect(result.hits).toHaveLength(300);
		const last = result.hits.at(299) as SearchHit;
		const text =
			last.kind === 'quote' ? last.quote.text : last.kind === 'event' ? last.event.title : last.era.title;
		expect(last.text).toBe(text.replace(/\s/g, ' '));
		expect(last.textRanges.length).toBeGreaterThan(0);
		for (const run of splitRuns(last.text, last.textRanges).filter((r) => r.match)) {
			expect(foldText(run.text)).toContain('e');
		}
	});
});

describe('searchAsync', () => {
	it('resolves to the same result as search', async () => {
		const fresh = createSearcher(dataset(doc));
		expect(plain(await fresh.searchAsync('oil !venezuela', {limit: 5}))).toEqual(
			plain(searcher.search('oil !venezuela', {limit: 5})),
		);
	});

	it('resolves to undefined once aborted, and the searcher stays right afterwards', async () => {
		const data = generated(2000, 3);
		const big = createSearcher(data);
		const reference = createSearcher(data);
		const controller = new AbortController();
		const first = big.searchAsync('ta', {signal: controller.signal, sliceMs: 0});
		// A newer keystroke: abort the running search after it has done some of its work.
		await new Promise((resolve) => setImmediate(resolve));
		await new Promise((resolve) => setImmediate(resolve));
		controller.abort();
		const second = big.searchAsync('tan', {limit: 20});
		expect(await first).toBeUndefined();
		expect(plain(await second)).toEqual(plain(reference.search('tan', {limit: 20})));

		const already = new AbortController();
		already.abort();
		expect(await big.searchAsync('tan', {signal: already.signal})).toBeUndefined();
	});
});

describe('loadSearcher', () => {
	it('builds in slices, reporting progress up to every record', async () => {
		const data = generated(1500, 5);
		const seen: number[] = [];
		const loaded = await loadSearcher(data, {onProgress: (done) => seen.push(done)});
		expect(seen.at(-1)).toBe(data.events.length + data.quotes.length + data.eras.length);
		expect(seen).toEqual([...seen].sort((a, b) => a - b));
		expect(plain(loaded.search('ta', {limit: 10}))).toEqual(
			plain(createSearcher(data).search('ta', {limit: 10})),
		);
	});

	it('stops when aborted', async () => {
		const controller = new AbortController();
		const loading = loadSearcher(generated(1500, 5), {signal: controller.signal});
		controller.abort(new Error('closed'));
		await expect(loading).rejects.toThrow('closed');
	});
});
