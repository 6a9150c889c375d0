import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {formatDate} from '../source/dataset/dates.js';
import {type EdtfDate, parseEdtf} from '../source/dataset/edtf.js';
import {parseDocument} from '../source/dataset/load.js';
import {buildDataset} from '../source/dataset/model.js';
import {documentSchema, type TimescopeDocument} from '../source/dataset/schema.js';

/**
 * The bundled dataset is checked against the article it was built from (a copy lives in fixtures so a
 * clean clone can run this): every quotation, speaker, resolved date and figure a fact-checker would
 * look up.
 */

const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');
const DATA_PATH = '../data/venezuela-us-dialogue.json';
const dataText = read(DATA_PATH);
const doc = JSON.parse(dataText) as TimescopeDocument;
const article = read('./fixtures/article-2026-01-02-venezuela-us-dialogue.txt');

const header = /^ ?date (\d{4}-\d{2}-\d{2}) (.+)$/.exec(article.split('\n')[0] ?? '');
const articleDate = header?.[1] ?? '';
const headline = header?.[2] ?? '';
const body = article.slice(article.indexOf('\n') + 1);

/** Text inside “…” per paragraph; a quote left open at a paragraph's end runs to that end. */
function quotedSpans(text: string): string[] {
	const spans: string[] = [];
	for (const paragraph of text.split(/\n\s*\n/)) {
		for (const match of paragraph.matchAll(/“([^“”]*)(?:”|$)/g)) spans.push((match[1] ?? '').trim());
	}
	return spans;
}
const spans = quotedSpans(body);

const quotes = doc.quotes ?? [];
const date = (text: string): EdtfDate => {
	const result = parseEdtf(text);
	if (!result.ok) throw new Error(`${text}: ${result.message}`);
	return result.date;
};
const event = (id: string) => {
	const found = doc.events.find((e) => e.id === id);
	if (!found) throw new Error(`no event ${id}`);
	return found;
};
const quoteStarting = (prefix: string) => {
	const found = quotes.filter((q) => q.text.startsWith(prefix));
	expect(found, `quotes starting "${prefix}"`).toHaveLength(1);
	return found[0] as (typeof quotes)[number];
};
const DAY_MS = 86_400_000;

describe('bundled dataset: structure', () => {
	it('passes the timescope/1 schema and the loader', async () => {
		const parsed = documentSchema.safeParse(doc);
		expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
		const loaded = await parseDocument(dataText, 'data/venezuela-us-dialogue.json');
		expect(loaded.ok ? [] : loaded.problems).toEqual([]);
	});

	it('has unique ids in every list', () => {
		for (const list of [doc.actors, doc.places, doc.sources, doc.events, doc.quotes]) {
			const ids = (list ?? []).map((item) => item.id);
			expect(new Set(ids).size).toBe(ids.length);
		}
	});

	it('resolves every reference', () => {
		const has = (list: Array<{id: string}> | undefined) => new Set((list ?? []).map((item) => item.id));
		const actors = has(doc.actors);
		const places = has(doc.places);
		const sources = has(doc.sources);
		const events = has(doc.events);
		const dangling: string[] = [];
		const check = (owner: string, ids: string[] | undefined, table: Set<string>) => {
			for (const id of ids ?? []) if (!table.has(id)) dangling.push(`${owner} -> ${id}`);
		};
		for (const e of doc.events) {
			check(e.id, e.actors, actors);
			check(e.id, e.places, places);
			check(e.id, e.sources, sources);
		}
		for (const q of quotes) {
			check(q.id, [q.speaker], actors);
			check(q.id, q.events, events);
			check(q.id, q.source === undefined ? [] : [q.source], sources);
		}
		expect(dangling).toEqual([]);
	});

	it('builds a timeline in the order the story happened', () => {
		const dataset = buildDataset(doc);
		const position = (id: string) => dataset.eventsById.get(id)?.index ?? -1;
		const story = [
			'election-2024',
			'docking-strike',
			'docking-strike-disclosed',
			'mar-a-lago-remarks',
			'interview-taped',
			'interview-aired',
			'article-published',
		].map(position);
		expect(story).not.toContain(-1);
		expect(story).toEqual([...story].sort((a, b) => a - b));
		expect(dataset.events.at(-1)?.id).toBe('article-published');
		for (const q of dataset.quotes) expect(q.events.length, q.id).toBeGreaterThan(0);
	});
});

describe('bundled dataset: quotations against the article', () => {
	it('finds the article’s quotations (guards the extraction itself)', () => {
		expect(spans).toHaveLength(13);
		expect(spans).toContain('along the shore');
	});

	it('holds every quotation of the article verbatim, once', () => {
		const texts = quotes.map((q) => q.text);
		for (const span of spans) {
			const holders = texts.filter((text) => text === span || text.includes(span));
			expect(holders, span).toHaveLength(1);
		}
		expect(quotes).toHaveLength(spans.length);
	});

	it('holds no quote that is not inside the article’s quotation marks', () => {
		for (const q of quotes) {
			expect(
				spans.some((span) => span === q.text || span.includes(q.text)),
				q.text,
			).toBe(true);
			expect(q.text, 'typographic apostrophes as printed').not.toMatch(/['"]/);
		}
	});

	it('attributes every quote to the right speaker', () => {
		const expected: Array<[string, string]> = [
			['Wherever they want and whenever they want', 'maduro'],
			['start talking seriously', 'maduro'],
			['The US government knows', 'maduro'],
			['If they want oil, Venezuela is ready for US investment, like with Chevron', 'maduro'],
			['This could be something we talk about', 'maduro'],
			['along the shore', 'trump'],
			['There was a major explosion', 'trump'],
			['So we hit all the boats', 'trump'],
			['narcoterrorists', 'trump'],
			['weapon of mass destruction', 'trump'],
			['clear', 'maduro'],
			['seek to impose themselves', 'maduro'],
			['threats, intimidation and force', 'maduro'],
		];
		expect(expected).toHaveLength(quotes.length);
		for (const [prefix, speaker] of expected) expect(quoteStarting(prefix).speaker, prefix).toBe(speaker);
	});

	it('marks fragments partial and full sentences direct', () => {
		for (const q of quotes) {
			const fragment = q.text[0] === q.text[0]?.toLowerCase();
			expect(q.kind, q.text).toBe(fragment ? 'partial' : 'direct');
		}
	});

	it('dates the interview quotes to the taping, not the airing', () => {
		const interview = quotes.filter((q) => q.events?.includes('interview-taped'));
		expect(interview).toHaveLength(5);
		for (const q of interview) {
			expect(q.said, q.text).toBe('2025-12-31');
			expect(q.speaker).toBe('maduro');
			expect(q.events).toContain('interview-aired');
		}
	});

	it('dates Trump’s strike remarks to “earlier this week” and invents no date where the article gives none', () => {
		for (const prefix of ['along the shore', 'There was a major explosion', 'So we hit all the boats']) {
			expect(quoteStarting(prefix).said, prefix).toBe('2025-12-29/2026-01-01');
		}
		for (const prefix of [
			'narcoterrorists',
			'weapon of mass destruction',
			'clear',
			'seek to impose',
			'threats, intimidation',
		]) {
			expect(quoteStarting(prefix).said, prefix).toBeUndefined();
		}
		const reference = date(articleDate);
		for (const q of quotes) if (q.said) expect(date(q.said).max, q.id).toBeLessThanOrEqual(reference.max);
	});
});

describe('bundled dataset: dates resolved against Friday 2 Jan 2026', () => {
	it('is dated by the article', () => {
		expect(articleDate).toBe('2026-01-02');
		expect(new Date(`${articleDate}T00:00:00Z`).getUTCDay()).toBe(5);
		expect(doc.referenceDate).toBe(articleDate);
		expect(event('article-published').date).toBe(articleDate);
	});

	it('keeps “last week” a Monday–Sunday range, not a made-up day', () => {
		const strike = event('docking-strike');
		expect(strike.dateText).toBe('last week');
		const range = date(strike.date);
		expect(range.end).toBeDefined();
		expect(new Date(range.min).getUTCDay()).toBe(1);
		expect(new Date(range.max).getUTCDay()).toBe(0);
		expect(Math.round((range.max - range.min) / DAY_MS)).toBe(7);
		expect(formatDate(range)).toBe('22–28 Dec 2025');
	});

	it('puts the disclosure “earlier this week”, after the strike and before publication', () => {
		for (const id of ['docking-strike-disclosed', 'mar-a-lago-remarks']) {
			const e = event(id);
			expect(e.date, id).toBe('2025-12-29/2026-01-01');
			expect(e.dateText, id).toBe('earlier this week');
			expect(date(e.date).min).toBeGreaterThan(date(event('docking-strike').date).max);
		}
	});

	it('resolves Thursday and New Year’s Eve to exact days', () => {
		expect(new Date('2026-01-01T00:00:00Z').getUTCDay()).toBe(4);
		expect(event('interview-aired')).toMatchObject({date: '2026-01-01', dateText: 'on Thursday'});
		expect(event('prisoner-release')).toMatchObject({date: '2026-01-01', dateText: 'on Thursday'});
		expect(event('interview-taped')).toMatchObject({date: '2025-12-31', dateText: 'on New Year’s Eve'});
		expect(event('new-years-eve-strikes')).toMatchObject({date: '2025-12-31'});
	});

	it('places the earlier release before Thursday’s, and the election at year precision', () => {
		const earlier = date(event('earlier-prisoner-release').date);
		expect(earlier.max).toBeLessThan(date(event('prisoner-release').date).min);
		expect(event('earlier-prisoner-release').dateText).toBe('in recent days');
		expect(event('election-2024').date).toBe('2024');
	});

	it('quotes every dateText from the article and ends nothing after publication', () => {
		const reference = date(articleDate);
		for (const e of doc.events) {
			if (e.dateText !== undefined) expect(body, e.id).toContain(e.dateText);
			expect(date(e.date).max, e.id).toBeLessThanOrEqual(reference.max);
		}
	});
});

describe('bundled dataset: figures, names and source', () => {
	it('carries the article’s figures in the summaries', () => {
		expect(event('prisoner-release').summary).toContain('More than 80 prisoners');
		const strikes = event('new-years-eve-strikes').summary ?? '';
		expect(strikes).toContain('five alleged drug-smuggling boats');
		expect(strikes).toContain('at least five people');
		for (const e of [event('new-years-eve-strikes'), event('boat-strikes')]) {
			expect(e.summary, e.id).toMatch(/\b35\b/);
			expect(e.summary, e.id).toMatch(/at least 115\b/);
		}
		expect(event('boat-strikes').summary).toContain('Venezuelans and Colombians');
	});

	it('adds no number the article does not print', () => {
		const printed = new Set(article.match(/\d+/g));
		const prose = [
			doc.title,
			doc.summary,
			...doc.events.flatMap((e) => [e.title, e.summary]),
			...quotes.map((q) => q.context),
			...(doc.actors ?? []).map((a) => a.description),
		].join('\n');
		const added = (prose.match(/\d+/g) ?? []).filter((n) => !printed.has(n));
		expect(added).toEqual([]);
	});

	it('names only people, groups and places the article names (Maduro with his name’s accent)', () => {
		const lower = article.toLowerCase();
		const names = [
			...(doc.actors ?? []).flatMap((a) => [a.name, ...(a.aliases ?? [])]),
			...(doc.places ?? []).flatMap((p) => [...p.name.split(', '), ...(p.country ? [p.country] : [])]),
		].filter((name) => name !== 'Nicolás Maduro');
		expect(names.filter((name) => !lower.includes(name.toLowerCase()))).toEqual([]);
		const maduro = doc.actors?.find((a) => a.id === 'maduro');
		// Shown with the accent of his name; the article's unaccented spelling stays an alias.
		expect(maduro).toMatchObject({name: 'Nicolás Maduro', aliases: ['Nicolas Maduro']});
	});

	it('cites the article itself, without an invented publisher or URL', () => {
		expect(doc.title).toBe(headline);
		expect(doc.sources).toHaveLength(1);
		const source = doc.sources?.[0];
		expect(source).toMatchObject({id: 'article', title: headline, published: articleDate});
		expect(source?.url).toBeUndefined();
		expect(source?.publisher).toBeUndefined();
		expect(source?.note).toMatch(/publisher.*not stated/i);
		expect(dataText).not.toMatch(/https?:|www\./);
		for (const e of doc.events) expect(e.sources, e.id).toEqual(['article']);
		for (const q of quotes) expect(q.source, q.id).toBe('article');
	});
});
