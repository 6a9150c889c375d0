import {readdirSync, readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {timelineJs3} from '../../source/dataset/importers/index.js';
import type {TimescopeDocument} from '../../source/dataset/schema.js';
import {toTimelineJs} from '../../source/output/timelinejs.js';
import {sharedExample, TIMELINEJS_EXAMPLES} from '../helpers/shared.js';
import {importText} from '../helpers/timelinejs.js';
import {timelineJsReads} from '../helpers/timelinejs-reads.js';

const FIXTURES = new URL('../fixtures/timelinejs/', import.meta.url);
const fixture = (name: string) => readFileSync(new URL(name, FIXTURES), 'utf8');
const BUNDLED = JSON.parse(
	readFileSync(new URL('../../data/venezuela-us-dialogue.json', import.meta.url), 'utf8'),
);

function imported(text: string, name: string) {
	const result = importText(text, name);
	if (!result.ok) throw new Error(JSON.stringify(result.problems));
	return result;
}

/** TimelineJS 3 back to timescope: what a reader of the exported file sees. */
function reimported(timeline: unknown): TimescopeDocument {
	const result = timelineJs3.import(timeline, 'exported.json');
	if (!result.ok) throw new Error(JSON.stringify(result.problems));
	// Notes come back where the original had them (month 13 is written back as it was); no item is lost.
	expect(result.skipped.filter((problem) => problem.item)).toEqual([]);
	return result.doc;
}

const shown = (doc: TimescopeDocument) => ({
	title: doc.title,
	summary: doc.summary,
	events: doc.events.map(({id, date, dateText, title, summary, tags}) => ({
		id,
		date,
		dateText,
		title,
		summary,
		tags,
	})),
	sources: doc.events.map((e) => e.sources?.map((id) => doc.sources?.find((s) => s.id === id))),
	eras: doc.eras,
});

const TL3_FILES: Array<[string, () => string]> = [
	...TIMELINEJS_EXAMPLES.filter((name) => name.endsWith('.json')).map((name): [string, () => string] => [
		name,
		() => sharedExample(name),
	]),
	...readdirSync(FIXTURES)
		.filter((name) => name.endsWith('.json') && !name.includes('v2') && name !== 'timelinejs2-sample.json')
		.map((name): [string, () => string] => [name, () => fixture(name)]),
];

describe('TimelineJS 3 → timescope/1 → TimelineJS 3 keeps every field TimelineJS reads', () => {
	it.each(TL3_FILES)('%s', (name, read) => {
		const text = read();
		const {doc, skipped} = imported(text, name);
		const original = timelineJsReads(JSON.parse(text));
		// Items left out on the way in are listed as such; the rest goes back as it came.
		const left = new Set(skipped.filter((p) => p.item?.kind === 'event').map((p) => p.item?.index));
		original.events = (original.events as unknown[]).filter((_, index) => !left.has(index));
		const leftEras = new Set(skipped.filter((p) => p.item?.kind === 'era').map((p) => p.item?.index));
		original.eras = (original.eras as unknown[]).filter((_, index) => !leftEras.has(index));
		expect(timelineJsReads(toTimelineJs(doc))).toEqual(original);
	});

	it('keeps BCE years, year 0 and display_date as written', () => {
		const back = toTimelineJs(imported(fixture('bce-years.json'), 'bce-years.json').doc) as {
			events: Array<{start_date: unknown; display_date?: unknown}>;
		};
		expect(back.events.map((e) => e.start_date)).toEqual([
			{year: '-500'},
			{year: '-44', month: '3', day: '15'},
			{year: '-2'},
			{year: '-1'},
			{year: '0'},
			{year: '1'},
			{year: '-44'},
			{year: '-753', display_date: '753 BC (traditional)'},
		]);
	});
});

describe('any TimelineJS file, exported, shows the same timeline', () => {
	const others: Array<[string, () => string]> = readdirSync(FIXTURES)
		.filter(
			(name) =>
				(name.includes('v2') || name === 'timelinejs2-sample.json' || name.endsWith('.csv')) &&
				name !== 'not-a-sheet.csv',
		)
		.map((name) => [name, () => fixture(name)]);

	it.each([...others, ...TL3_FILES])('%s', (name, read) => {
		const {doc} = imported(read(), name);
		expect(shown(reimported(toTimelineJs(doc)))).toEqual(shown(doc));
	});
});

describe('a timeline made here, published with TimelineJS', () => {
	const doc = BUNDLED as TimescopeDocument;
	const timeline = toTimelineJs(doc) as {
		title: {text: {headline: string; text: string}};
		events: Array<{
			start_date?: Record<string, string>;
			display_date?: string;
			text: {headline: string; text: string};
			unique_id: string;
			media?: unknown;
		}>;
	};

	it('has a slide for every event, with its id, headline and a date TimelineJS can place', () => {
		expect(timeline.title.text.headline).toBe(doc.title);
		expect(timeline.events).toHaveLength(doc.events.length);
		timeline.events.forEach((slide, index) => {
			const event = doc.events[index];
			expect(slide.unique_id).toBe(event?.id);
			expect(slide.text.headline).not.toBe('');
			expect(slide.start_date?.year).toMatch(/^-?\d+$/);
		});
	});

	it('carries each quote, verbatim, with its speaker, in the text of its event', () => {
		for (const quote of doc.quotes ?? []) {
			const speaker = doc.actors?.find((a) => a.id === quote.speaker)?.name ?? '';
			for (const id of quote.events ?? []) {
				const slide = timeline.events[doc.events.findIndex((e) => e.id === id)];
				const text = reimported({events: [{...slide}]}).events[0]?.summary ?? '';
				expect(text).toContain(quote.text);
				expect(text).toContain(`— ${speaker}`);
			}
		}
	});

	it('says in display_date what TimelineJS cannot: approximate, open or unknown ends', () => {
		const made: TimescopeDocument = {
			format: 'timescope/1',
			title: 'Kinds of time',
			events: [
				{id: 'a', date: '2025~', title: 'About a year'},
				{id: 'b', date: '2001/', title: 'End not known'},
				{id: 'c', date: '2025-12-22/2025-12-28', title: 'A week'},
				{id: 'd', date: '-0499', title: 'Five hundred BC'},
				{id: 'e', date: '2025-12-24', dateText: 'on Christmas Eve', title: 'Own words'},
			],
		};
		const slides = (toTimelineJs(made) as {events: Array<Record<string, unknown>>}).events;
		expect(slides.map((s) => [s.start_date, s.end_date, s.display_date])).toEqual([
			[{year: '2025'}, undefined, expect.stringMatching(/2025/)],
			[{year: '2001'}, undefined, expect.stringMatching(/^2001 – \?$/)],
			[{year: '2025', month: '12', day: '22'}, {year: '2025', month: '12', day: '28'}, undefined],
			[{year: '-500'}, undefined, undefined],
			[{year: '2025', month: '12', day: '24'}, undefined, 'on Christmas Eve'],
		]);
		expect(slides[0]?.display_date).not.toBe('2025');
	});
});

describe('a file edited after import goes back as edited', () => {
	it('rebuilds what no longer matches what was kept, and keeps the rest', () => {
		const {doc} = imported(sharedExample('TimelineJS3__src__template__eras.json'), 'eras.json');
		const [first, ...rest] = doc.events;
		if (!first) throw new Error('no event');
		const edited: TimescopeDocument = {
			...doc,
			events: [{...first, title: 'A <new> title', date: '0603/0629'}, ...rest],
		};
		const back = toTimelineJs(edited) as {events: Array<Record<string, unknown>>};
		expect(back.events[0]).toMatchObject({
			start_date: {year: '603'},
			end_date: {year: '629'},
			text: {headline: 'A &lt;new&gt; title'},
			background: {opacity: '50'},
		});
		expect(reimported(back).events[0]).toMatchObject({
			title: 'A <new> title',
			date: '0603/0629',
			summary: first.summary,
		});
	});
});
