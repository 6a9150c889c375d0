import {existsSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';
import {loadDataset} from '../../source/dataset/load.js';
import type {Dataset} from '../../source/dataset/model.js';
import type {TimescopeDocument} from '../../source/dataset/schema.js';
import {createSearcher, type SearchHit, type SearchResult} from '../../source/search/searcher.js';
import {splitRuns} from '../../source/text/highlight.js';
import {dataset} from './oracle.js';

/** Events, eras and quotes searched together: what each kind is found by, scoping, time order. */

const doc: TimescopeDocument = {
	format: 'timescope/1',
	title: 'Timeline search fixture',
	actors: [
		{id: 'maduro', name: 'Nicolás Maduro', aliases: ['El Presidente']},
		{id: 'coastguard', name: 'Coast Guard'},
		{id: 'rubio', name: 'Marco Rubio'},
	],
	places: [{id: 'caracas', name: 'Caracas'}],
	eras: [{id: 'second-term', date: '2025-01/2025-12', title: 'Second term'}],
	events: [
		{
			id: 'release',
			date: '2026-01-01',
			title: 'More than 80 prisoners released',
			summary: 'Detainees accused of protesting the disputed election walk free.',
			tags: ['prisoners', 'human-rights'],
		},
		{
			id: 'blockade',
			date: '2025-12-16',
			dateText: 'last Tuesday',
			title: 'Tankers turned back',
			actors: ['coastguard'],
			places: ['caracas'],
			tags: ['oil', 'military'],
		},
		{id: 'talks', date: '2025-11', title: 'Dialogue offered', actors: ['maduro'], tags: ['diplomacy']},
	],
	quotes: [
		{id: 'offer', text: 'We are ready to talk.', speaker: 'maduro', said: '2025-11-20', events: ['talks']},
		{
			id: 'warning',
			text: 'The blockade will hold.',
			speaker: 'rubio',
			context: 'at a briefing in Washington',
			events: ['blockade'],
		},
		{id: 'month', text: 'A month of pressure.', speaker: 'rubio', said: '2025-12'},
		{id: 'day', text: 'A day of pressure.', speaker: 'rubio', said: '2025-12-01'},
		{id: 'year', text: 'A year of pressure.', speaker: 'rubio', said: '2025'},
		{id: 'undated', text: 'Pressure without a date.', speaker: 'rubio'},
	],
};

const data = dataset(doc);
const searcher = createSearcher(data);

function name(hit: SearchHit): string {
	if (hit.kind === 'event') return `event:${hit.event.id}`;
	if (hit.kind === 'quote') return `quote:${hit.quote.id}`;
	return `era:${hit.era.id}`;
}

const names = (result: SearchResult) => result.hits.slice().map(name);
const found = (query: string, kinds?: Array<'event' | 'quote' | 'era'>) =>
	names(searcher.search(query, {kinds}));

describe('events are found', () => {
	it('by title, typos forgiven, the title highlighted', () => {
		expect(found('prisoners released')[0]).toBe('event:release');
		expect(found('prisonres')).toContain('event:release');
		const [hit] = searcher.search('tankers').hits.slice();
		expect(hit && name(hit)).toBe('event:blockade');
		expect(splitRuns(hit?.text ?? '', hit?.textRanges ?? []).filter((r) => r.match)).toEqual([
			{text: 'Tankers', match: true},
		]);
	});

	it('by summary, with the matched field and its highlight', () => {
		const [hit] = searcher.search('detainees').hits.slice();
		expect(hit && name(hit)).toBe('event:release');
		expect(hit?.field?.name).toBe('summary');
		expect(
			splitRuns(hit?.field?.text ?? '', hit?.field?.ranges ?? [])
				.filter((r) => r.match)
				.map((r) => r.text),
		).toEqual(['Detainees']);
	});

	it('by tag, actor, place, the source’s wording of the date, and the era they fall in', () => {
		expect(found('diplomacy')).toEqual(['event:talks']);
		expect(searcher.search('diplomacy').hits.at(0)?.field?.name).toBe('tags');
		expect(found('coast guard')).toEqual(['event:blockade']);
		expect(found('caracas')).toEqual(['event:blockade']);
		expect(found('tuesday')).toEqual(['event:blockade']);
		// The era runs through 2025: the events of November and December fall in it, January 2026's not.
		expect(found("'second term", ['event']).sort()).toEqual(['event:blockade', 'event:talks']);
	});

	it('by an actor’s alias', () => {
		expect(found('presidente', ['event'])).toEqual(['event:talks']);
	});
});

describe('quotes are found', () => {
	it('by text, speaker and context', () => {
		expect(found('ready to talk', ['quote'])).toEqual(['quote:offer']);
		expect(found('rubio hold', ['quote'])).toEqual(['quote:warning']);
		expect(found('briefing washington')).toEqual(['quote:warning']);
		expect(searcher.search('briefing').hits.at(0)?.field?.name).toBe('context');
	});
});

describe('eras are found', () => {
	it('by title, ranked with the rest', () => {
		expect(found('second term')).toContain('era:second-term');
		expect(found('second term', ['era'])).toEqual(['era:second-term']);
	});

	it('every era of a timeline with several, each by its own title', async () => {
		const template = await load(sharedFile('timelinejs-examples/TimelineJS3__src__template__eras.json'));
		expect(template.eras.length).toBeGreaterThanOrEqual(3);
		const search = createSearcher(template);
		const titles = (query: string) =>
			search
				.search(query, {kinds: ['era']})
				.hits.slice()
				.map((hit) => hit.kind === 'era' && hit.era.title);
		expect(titles('era test').sort()).toEqual(template.eras.map((era) => era.title).sort());
		for (const era of template.eras) expect(titles(`'${era.title}`)[0]).toBe(era.title);
	});
});

describe('one ranked list', () => {
	it('counts each kind and returns them together', () => {
		const result = searcher.search('pressure | blockade');
		expect(result.counts).toEqual({event: 0, quote: 5, era: 0});
		const both = searcher.search('tankers | blockade');
		expect(both.counts).toEqual({event: 1, quote: 1, era: 0});
		expect(names(both).sort()).toEqual(['event:blockade', 'quote:warning']);
	});

	it('keeps to the kinds asked for', () => {
		expect(found('tankers | blockade', ['quote'])).toEqual(['quote:warning']);
		expect(found('tankers | blockade', ['event'])).toEqual(['event:blockade']);
		expect(searcher.search('tankers | blockade', {kinds: ['event']}).counts.quote).toBe(0);
	});

	it('#tag keeps events with the tag and their quotes; @name keeps speakers and the events they are in', () => {
		expect(names(searcher.search('#oil'))).toEqual(['event:blockade', 'quote:warning']);
		expect(names(searcher.search('#mil hold'))).toEqual(['quote:warning']);
		expect(names(searcher.search('#nothing'))).toEqual([]);
		expect(names(searcher.search('@maduro'))).toEqual(['event:talks', 'quote:offer']);
		expect(names(searcher.search('@rubio #oil'))).toEqual(['event:blockade', 'quote:warning']);
	});
});

describe('browsing with an empty query', () => {
	it('lists every record in time order: mixed precisions by their earliest instant, undated quotes last', () => {
		const result = searcher.search('');
		expect(result.ranked).toBe(false);
		expect(result.total).toBe(data.events.length + data.quotes.length + data.eras.length);
		expect(names(result)).toEqual([
			// 2025 (the year) starts with the era (Jan 2025), then the quote said "in 2025".
			'era:second-term',
			'quote:year',
			'event:talks',
			'quote:offer',
			// December and its 1st start at the same instant; the day ends first, so it comes first.
			'quote:day',
			'quote:month',
			'event:blockade',
			'quote:warning',
			'event:release',
			'quote:undated',
		]);
	});

	it('makes hits only for the rows read, at any size', () => {
		const result = searcher.search('', {limit: 3});
		expect(result.hits.length).toBe(3);
		expect(result.total).toBe(10);
		expect(result.hits.at(3)).toBeUndefined();
	});
});

/** Shared material is read from ../shared beside the repository, never copied in. */
function sharedFile(path: string): string {
	const file = fileURLToPath(new URL(`../../../shared/${path}`, import.meta.url));
	if (!existsSync(file))
		throw new Error(`shared material missing: ${file} (expected ../shared beside the repository)`);
	return file;
}

async function load(path: string): Promise<Dataset> {
	const loaded = await loadDataset(path);
	if (!loaded.ok) throw new Error(`${path}: ${loaded.problems[0]?.message}`);
	return loaded.dataset;
}

describe('real timelines', () => {
	it('a TimelineJS timeline, which has no quotes, is searchable: “Livy” in the Mark Twain example', async () => {
		const twain = await load(
			sharedFile('timelinejs-examples/TimelineJS3__website__examples__twain__marktwain.json'),
		);
		expect(twain.quotes).toHaveLength(0);
		const result = createSearcher(twain).search('Livy');
		expect(result.counts.event).toBeGreaterThanOrEqual(2);
		const [first] = result.hits.slice();
		expect(first?.kind === 'event' && first.event.title).toBe('Livy');
	});

	it('every event of the bundled dataset is reached by its title, quote-less ones included', async () => {
		const bundled = await load(
			fileURLToPath(new URL('../../data/venezuela-us-dialogue.json', import.meta.url)),
		);
		const search = createSearcher(bundled);
		// Issue 11 found 9 events without quotes, out of reach of a quotes-only search.
		const quoteless = bundled.events.filter((event) => event.quotes.length === 0);
		expect(quoteless.length).toBeGreaterThanOrEqual(9);
		expect(names(search.search('More than 80 prisoners released'))[0]).toBe('event:prisoner-release');
		for (const event of bundled.events) {
			const top = search.search(event.title, {limit: 3}).hits.slice().map(name);
			expect(top, event.title).toContain(`event:${event.id}`);
		}
	});
});
