import {readFileSync} from 'node:fs';
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {formatDate} from '../../source/dataset/dates.js';
import {anchorPoint, type EdtfPoint, parseEdtf} from '../../source/dataset/edtf.js';
import {
	jsonImporterFor,
	textImporterFor,
	timelineJs2,
	timelineJs3,
	timelineJsCsv,
} from '../../source/dataset/importers/index.js';
import {buildDataset} from '../../source/dataset/model.js';
import {documentSchema, type EventDoc, type TimescopeDocument} from '../../source/dataset/schema.js';
import {sharedExample} from '../helpers/shared.js';
import {importText} from '../helpers/timelinejs.js';

const TWAIN = 'TimelineJS3__website__examples__twain__marktwain.json';
const ERAS = 'TimelineJS3__src__template__eras.json';
const WOMEN_JSON = 'TimelineJS3__contrib__women_in_computing.json';
const WOMEN_CSV = 'TimelineJS3__contrib__women_in_computing.csv';
/** Written for these tests: the v2 shape and its date strings. */
const V2 = new URL('../fixtures/timelinejs/timelinejs2-sample.json', import.meta.url);

/** A shared example by name, or one of our fixtures by URL. */
function read(name: string | URL): string {
	return typeof name === 'string' ? sharedExample(name) : readFileSync(name, 'utf8');
}

function imported(name: string | URL): TimescopeDocument {
	const result = importText(read(name), String(name));
	if (!result.ok) throw new Error(`${name}: ${JSON.stringify(result.problems)}`);
	expect(result.skipped).toEqual([]);
	return result.doc;
}

/** What the loader checks beyond the schema: ids unique within each list, references that exist. */
function referenceProblems(doc: TimescopeDocument): string[] {
	const problems: string[] = [];
	const unique = (list: string, ids: string[]) => {
		const seen = new Set<string>();
		for (const id of ids) {
			if (seen.has(id)) problems.push(`${list}: duplicate id ${id}`);
			seen.add(id);
		}
		return seen;
	};
	const sources = unique(
		'sources',
		(doc.sources ?? []).map((s) => s.id),
	);
	const actors = unique(
		'actors',
		(doc.actors ?? []).map((a) => a.id),
	);
	const places = unique(
		'places',
		(doc.places ?? []).map((p) => p.id),
	);
	unique(
		'events',
		doc.events.map((e) => e.id),
	);
	unique(
		'eras',
		(doc.eras ?? []).map((e) => e.id),
	);
	for (const event of doc.events) {
		for (const id of event.sources ?? []) if (!sources.has(id)) problems.push(`${event.id}: no source ${id}`);
		for (const link of event.actors ?? []) {
			const id = typeof link === 'string' ? link : link.id;
			if (!actors.has(id)) problems.push(`${event.id}: no actor ${id}`);
		}
		for (const id of event.places ?? []) if (!places.has(id)) problems.push(`${event.id}: no place ${id}`);
	}
	return problems;
}

function expectValid(doc: TimescopeDocument): void {
	const parsed = documentSchema.safeParse(doc);
	expect(parsed.success, parsed.error?.message).toBe(true);
	expect(referenceProblems(doc)).toEqual([]);
	// Survives a --json round trip unchanged, and the explorer's model builds from it.
	expect(JSON.parse(JSON.stringify(doc))).toEqual(doc);
	expect(() => buildDataset(doc)).not.toThrow();
}

function eventTitled(doc: TimescopeDocument, title: string): EventDoc {
	const event = doc.events.find((e) => e.title === title);
	if (!event) throw new Error(`no event titled ${title}`);
	return event;
}

function point(edtf: string, side: 'start' | 'end' = 'start'): EdtfPoint {
	const parsed = parseEdtf(edtf);
	if (!parsed.ok) throw new Error(parsed.message);
	const {date} = parsed;
	const value = date.kind === 'interval' ? date[side] : side === 'start' ? anchorPoint(date) : undefined;
	if (typeof value !== 'object') throw new Error(`${edtf} has no ${side}`);
	return value;
}

function format(edtf: string): string {
	const parsed = parseEdtf(edtf);
	if (!parsed.ok) throw new Error(parsed.message);
	return formatDate(parsed.date);
}

describe('the four TimelineJS examples', () => {
	const inputs = [
		{file: TWAIN, events: 17, eras: 0, format: 'TimelineJS 3 JSON'},
		{file: ERAS, events: 20, eras: 3, format: 'TimelineJS 3 JSON'},
		{file: WOMEN_JSON, events: 10, eras: 0, format: 'TimelineJS 3 JSON'},
		{file: WOMEN_CSV, events: 10, eras: 0, format: 'TimelineJS CSV (Google Sheets template)'},
	];

	it.each(inputs)('$file converts every event and era to a valid timescope/1 document', (input) => {
		const text = read(input.file);
		if (input.file.endsWith('.csv')) {
			expect(textImporterFor(text)).toBe(timelineJsCsv);
		} else {
			const value = JSON.parse(text);
			expect(jsonImporterFor(value)).toBe(timelineJs3);
			expect(value.events).toHaveLength(input.events);
			expect(value.eras ?? []).toHaveLength(input.eras);
		}
		const result = importText(text, input.file);
		expect(result.format).toBe(input.format);
		if (!result.ok) throw new Error(JSON.stringify(result.problems));
		expect(result.skipped).toEqual([]);
		expect(result.doc.events).toHaveLength(input.events);
		expect(result.doc.eras ?? []).toHaveLength(input.eras);
		expectValid(result.doc);
		for (const event of result.doc.events) {
			expect(event.title.trim()).not.toBe('');
			// HTML never reaches the explorer as markup.
			expect(`${event.title}\n${event.summary ?? ''}`).not.toMatch(/<\/?(p|a|span|blockquote|cite)\b/);
		}
	});

	it('converts the same timeline identically from the spreadsheet CSV and the JSON', () => {
		const fromJson = imported(WOMEN_JSON);
		const fromCsv = imported(WOMEN_CSV);
		const shown = (doc: TimescopeDocument) =>
			doc.events.map(({id, date, title, summary, sources, tags}) => ({
				id,
				date,
				title,
				summary,
				sources,
				tags,
			}));
		expect(shown(fromCsv)).toEqual(shown(fromJson));
		expect(fromCsv.sources).toEqual(fromJson.sources);
		expect(fromCsv.title).toBe('Women in Computing');
		expect(fromCsv.summary).toBe(fromJson.summary);
		expect(fromCsv.events.map((e) => [e.date, e.title]).slice(0, 3)).toEqual([
			['1815-12-10/1852-11-27', 'Ada Lovelace'],
			['1948-03-14', 'Edith Clarke: Bucking the Trend'],
			['1943-07/1946', '...And the women who made it work'],
		]);
	});

	it('is deterministic: the same file gives the same ids every time', () => {
		expect(imported(TWAIN)).toEqual(imported(TWAIN));
	});
});

describe('eras.json: years below 1000, ranges and eras', () => {
	const doc = imported(ERAS);

	it('keeps the 622-08-09 to 622-08-23 range at day precision, zero-padded for EDTF', () => {
		const hijra = eventTitled(doc, 'Muhammad Migrates from Mecca to Medina');
		expect(hijra.date).toBe('0622-08-09/0622-08-23');
		expect(point(hijra.date).precision).toBe('day');
		expect(point(hijra.date, 'end')).toMatchObject({year: 622, month: 8, day: 23, precision: 'day'});
		expect(format(hijra.date)).toBe('9–23 Aug 622');
	});

	it('keeps year-only ranges at year precision', () => {
		const war = eventTitled(doc, 'Last great Roman-Persian War.');
		expect(war.date).toBe('0602/0629');
		expect(point(war.date).precision).toBe('year');
		expect(eventTitled(doc, 'Battle of Nineveh').date).toBe('0627-12-12');
	});

	it('turns the three eras into interval eras titled by their headlines', () => {
		expect(doc.eras).toEqual([
			{id: 'era-test-650-700', date: '0650/0700', title: 'Era Test 650-700'},
			{id: 'era-test-600-650', date: '0600/0650', title: 'Era Test 600-650'},
			{id: 'era-test-700-720', date: '0700/0720', title: 'Era Test 700-720'},
		]);
	});

	it('lists each media URL as the event source and keeps backgrounds under extensions', () => {
		const war = eventTitled(doc, 'Last great Roman-Persian War.');
		const source = doc.sources?.find((s) => s.id === war.sources?.[0]);
		expect(source?.url).toBe('https://en.wikipedia.org/wiki/Roman-Persian_Wars');
		expect(war.extensions?.timelinejs).toMatchObject({
			background: {
				opacity: '50',
				url: 'https://upload.wikimedia.org/wikipedia/commons/a/a2/HumiliationValerianusHolbein.jpg',
			},
		});
	});

	it('gives two events on the same day with different headlines different ids', () => {
		const ids = doc.events.filter((e) => e.date === '0632-06-08').map((e) => e.id);
		expect(ids).toEqual(['0632-06-08-death-of-muhammed', '0632-06-08-accession-of-abu-bakr-as-first-caliph']);
	});
});

describe('women_in_computing.json: precisions, HTML text, media', () => {
	const doc = imported(WOMEN_JSON);

	it('reads "day": "" as a month-precision date and an end year as a range', () => {
		const eniac = eventTitled(doc, '...And the women who made it work');
		expect(eniac.date).toBe('1943-07/1946');
		expect(point(eniac.date).precision).toBe('month');
		expect(point(eniac.date, 'end').precision).toBe('year');
		expect(format(eniac.date)).toBe('Jul 1943 – 1946');
		expect(eventTitled(doc, 'Grace Hopper invents the compiler').date).toBe('1952');
		expect(eventTitled(doc, 'Edith Clarke: Bucking the Trend').date).toBe('1948-03-14');
	});

	it('renders HTML as readable plain text: paragraphs apart, links as label (url)', () => {
		const ada = eventTitled(doc, 'Ada Lovelace');
		expect(ada.summary).toBe(
			'Women have been programming since before it was a thing. Take Ada Lovelace ' +
				"(https://en.wikipedia.org/wiki/Ada_Lovelace): Daughter of Lord Byron, she's often credited as the " +
				"first computer programmer. Her work on Charles Babbage's Analytical Engine " +
				'(https://en.wikipedia.org/wiki/Analytical_Engine) contains notes of the first ' +
				'machine-implemented algorithm.\n\nThis slide demonstrates a simple "image" media type.',
		);
		expect(doc.summary).toBe(
			"In this sample timeline, we'll walk you through what TimelineJS can do by looking at some of the more important contributions women have made to computer science.",
		);
	});

	it('keeps the original HTML under extensions.timelinejs', () => {
		const ada = eventTitled(doc, 'Ada Lovelace');
		const original = JSON.parse(read(WOMEN_JSON)).events[0];
		expect(ada.extensions?.timelinejs).toMatchObject({text: original.text, media: original.media});
		const title = JSON.parse(read(WOMEN_JSON)).title;
		expect(doc.extensions?.timelinejs).toMatchObject({
			title: {text: title.text, background: title.background},
		});
	});

	it('makes media a source with caption as title and credit as publisher, in plain text', () => {
		const ada = eventTitled(doc, 'Ada Lovelace');
		expect(ada.sources).toEqual(['media-1815-12-10-ada-lovelace']);
		expect(doc.sources?.find((s) => s.id === 'media-1815-12-10-ada-lovelace')).toEqual({
			id: 'media-1815-12-10-ada-lovelace',
			title:
				'Portrait by Alfred Edward Chalon (https://en.wikipedia.org/wiki/Ada_Lovelace#/media/File:Ada_Lovelace_portrait.jpg)',
			publisher: 'Wikimedia Commons',
			url: 'https://upload.wikimedia.org/wikipedia/commons/thumb/a/a4/Ada_Lovelace_portrait.jpg/713px-Ada_Lovelace_portrait.jpg',
		});
		const eniac = eventTitled(doc, '...And the women who made it work');
		const credit = doc.sources?.find((s) => s.id === eniac.sources?.[0])?.publisher;
		expect(credit).toBe('Computer History Museum (https://www.youtube.com/channel/UCHDr4RtxwA1KqKGwxgdK4Vg)');
	});

	it('shows a blockquote "media" as text of the event, not as a link', () => {
		const clarke = eventTitled(doc, 'Edith Clarke: Bucking the Trend');
		expect(clarke.sources).toBeUndefined();
		expect(clarke.summary).toContain('There is no demand for women engineers');
		expect(clarke.summary).toContain('Edith Clarke, first female professor of electrical engineering');
		expect(clarke.extensions?.timelinejs).toMatchObject({
			media: {url: expect.stringMatching(/^<blockquote>/)},
		});
	});

	it('drops nothing meaningful and keeps no empty "group"', () => {
		for (const event of doc.events) {
			expect(event.tags).toBeUndefined();
			expect(event.extensions?.timelinejs).not.toHaveProperty('group');
		}
	});
});

describe('marktwain.json: the messiest file', () => {
	const doc = imported(TWAIN);
	const original = JSON.parse(read(TWAIN));

	it('gives the title slide without headline a non-empty title and says it is not its own', () => {
		expect(doc.title).toBe('Untitled TimelineJS timeline');
		expect(doc.extensions?.timescope).toMatchObject({titleFrom: 'none'});
		expect(doc.summary).toMatch(
			/^Samuel Langhorne Clemens \(November 30, 1835 – April 21, 1910\),\[1\] better known/,
		);
		expect(doc.extensions?.timelinejs).toMatchObject({title: {media: original.title.media}});
	});

	it('titles the headline-less overview slide from its text and keeps type and the missing headline', () => {
		const overview = doc.events[0];
		expect(overview?.title).toBe('Samuel Langhorne Clemens (November 30, 1835 – April 21…');
		expect(overview?.date).toBe('1908-05-13');
		expect(overview?.extensions?.timescope).toEqual({titleFrom: 'text'});
		expect(overview?.extensions?.timelinejs).toMatchObject({type: 'overview', text: original.events[0].text});
		expect(overview?.extensions?.timelinejs).not.toHaveProperty('text.headline');
	});

	it('titles slides with neither headline nor text from their media caption', () => {
		expect(doc.events.slice(3, 6).map((e) => [e.title, e.extensions?.timescope])).toEqual([
			['a Youtube video', {titleFrom: 'media caption'}],
			['a tweet', {titleFrom: 'media caption'}],
			['another youtube video', {titleFrom: 'media caption'}],
		]);
		expect(doc.events[3]?.extensions?.timelinejs).toMatchObject({text: {headline: '', text: ''}});
	});

	it('keeps the time of day, to the second', () => {
		const florida = eventTitled(doc, 'Florida, Missouri');
		expect(florida.date).toBe('2000-01-05T06:45:56');
		expect(point(florida.date)).toMatchObject({hour: 6, minute: 45, second: 56, precision: 'second'});
		expect(format(florida.date)).toBe('5 Jan 2000 06:45:56');
		expect(eventTitled(doc, 'Hannibal, Missouri').date).toBe('1920-01-05T06:45:56/1923-01-05T06:45:56');
	});

	it('reads a year with empty month, day and time parts as a year', () => {
		const last = eventTitled(doc, 'Get started!');
		expect(last.date).toBe('2014');
		expect(point(last.date).precision).toBe('year');
	});

	it('keeps undocumented keys (location), backgrounds and media under extensions.timelinejs', () => {
		const florida = eventTitled(doc, 'Florida, Missouri');
		expect(florida.extensions?.timelinejs).toEqual({
			location: original.events[1].location,
			media: original.events[1].media,
		});
		const sf = eventTitled(doc, 'San Francisco');
		expect(sf.extensions?.timelinejs).toMatchObject({background: original.events[8].background});
	});

	it('gives every event with "unique_id": "" a readable, unique slug id', () => {
		expect(doc.events.map((e) => e.id).slice(1, 4)).toEqual([
			'2000-01-05-florida-missouri',
			'1920-01-05-hannibal-missouri',
			'1900-01-06-a-youtube-video',
		]);
	});

	it('makes a media object without caption a source that is its URL, once', () => {
		const printer = eventTitled(doc, 'Itinerant Printer');
		const source = doc.sources?.find((s) => s.id === printer.sources?.[0]);
		expect(source).toEqual({id: 'media-1915-01-05-itinerant-printer', url: 'https://vine.co/v/bjHh0zHdgZT'});
	});
});

describe('TimelineJS 2 JSON', () => {
	const value = JSON.parse(read(V2));
	const result = importText(read(V2), 'timelinejs2-sample.json');

	it('is recognised and converted with the same rules', () => {
		expect(jsonImporterFor(value)).toBe(timelineJs2);
		expect(result.format).toBe('TimelineJS 2 JSON');
		if (!result.ok) throw new Error(JSON.stringify(result.problems));
		const {doc} = result;
		expectValid(doc);
		expect(doc.title).toBe('Sample TimelineJS 2 timeline');
		expect(doc.summary).toBe("Written for timescope's tests in the v2 shape & its date strings.");
		expect(doc.events.map((e) => [e.date, e.title])).toEqual([
			['2011-12-10/2011-12-11', 'Two-day meeting'],
			['2011-12-12T07:02:10', 'Statement at dawn'],
			['1999', 'Background year'],
			['-0499-03', 'An ancient month'],
		]);
		expect(doc.eras).toEqual([
			{id: 'december-talks', date: '2011-12-01/2011-12-31', title: 'December talks'},
		]);
	});

	it('maps tag, asset and text, keeping v2-only keys', () => {
		if (!result.ok) throw new Error('not ok');
		const [meeting] = result.doc.events;
		expect(meeting?.tags).toEqual(['Politics']);
		expect(meeting?.summary).toBe('First paragraph.\n\nSecond, with a link (https://example.org/minutes).');
		expect(result.doc.sources?.find((s) => s.id === meeting?.sources?.[0])).toEqual({
			id: 'media-2011-12-10-two-day-meeting',
			title: 'The meeting room',
			publisher: 'Agency',
			url: 'https://example.org/photo.jpg',
		});
		expect(meeting?.extensions?.timelinejs).toMatchObject({
			classname: 'optionaluniqueclassname',
			startDate: '2011,12,10',
			group: ' Politics ',
		});
		expect(result.doc.extensions?.timelinejs).toMatchObject({
			title: {type: 'default', startDate: '2011,12,1'},
		});
	});
});

describe('any input shaped roughly like TimelineJS', () => {
	const asText = (n: number) => fc.constantFrom(n, String(n), ` ${String(n).padStart(2, '0')} `);
	const valid = fc.record(
		{
			year: fc.integer({min: -3000, max: 3000}).chain(asText),
			month: fc.option(fc.integer({min: 1, max: 12}).chain(asText), {nil: ''}),
			day: fc.option(fc.integer({min: 1, max: 28}).chain(asText), {nil: null}),
		},
		{requiredKeys: ['year']},
	);
	const junkPart = fc.oneof(
		fc.constantFrom('', null, '13', '0', 'x', '1,963', 12.5, -1),
		fc.string({maxLength: 3}),
	);
	const junk = fc.record(
		{year: junkPart, month: junkPart, day: junkPart, hour: junkPart, minute: junkPart, millisecond: junkPart},
		{requiredKeys: []},
	);
	const date = fc.oneof(
		{arbitrary: valid, weight: 20},
		{arbitrary: junk, weight: 1},
		{arbitrary: fc.anything(), weight: 1},
	);
	const html = fc.oneof(
		fc.string(),
		fc.constantFrom('<p>a</p><p>b</p>', '<a href="x">y</a>', '&amp;', ' ', ''),
	);
	const slide = fc.oneof(
		{
			weight: 30,
			arbitrary: fc.record(
				{
					start_date: date,
					end_date: fc.option(date, {nil: undefined, freq: 3}),
					text: fc.option(fc.record({headline: html, text: html}, {requiredKeys: []}), {nil: undefined}),
					unique_id: fc.oneof(fc.constantFrom('', 'same', 'a b', '\u0000', 'same-2'), fc.string()),
					group: fc.option(fc.string(), {nil: undefined}),
					media: fc.option(fc.record({url: fc.oneof(fc.webUrl(), fc.string()), caption: html}), {
						nil: undefined,
					}),
				},
				{requiredKeys: ['start_date']},
			),
		},
		{weight: 1, arbitrary: fc.anything()},
	);

	it('never throws: it opens every item it can read and accounts for each one it leaves out', () => {
		let skipping = 0;
		fc.assert(
			fc.property(
				fc.array(slide, {maxLength: 6}),
				fc.option(fc.array(slide, {maxLength: 3}), {freq: 2}),
				(events, eras) => {
					const input = {events, ...(eras ? {eras} : {})};
					const importer = jsonImporterFor(input);
					// Events that hold no slide at all (`[{}]`, `[1]`) are not recognised as TimelineJS.
					if (!importer) return;
					const result = importer.import(input, 'fuzz.json');
					if (!result.ok) throw new Error(JSON.stringify(result.problems));
					expect(documentSchema.safeParse(result.doc).success).toBe(true);
					expect(referenceProblems(result.doc)).toEqual([]);
					const left = (kind: string) => result.skipped.filter((p) => p.item?.kind === kind).length;
					expect(result.doc.events.length + left('event')).toBe(events.length);
					expect((result.doc.eras ?? []).length + left('era')).toBe(eras?.length ?? 0);
					for (const problem of result.skipped) {
						expect(problem.pointer).toMatch(/^\/(events|eras)(\/\d+.*)?$/);
						expect(problem.item !== undefined || problem.severity === 'note').toBe(true);
					}
					if (left('event') > 0 && result.doc.events.length > 0) skipping++;
				},
			),
			{numRuns: 400},
		);
		// The generator is meant to exercise files where some items open and others are left out.
		expect(skipping).toBeGreaterThan(20);
	});
});
