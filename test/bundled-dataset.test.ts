import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {formatDate, relationText, whenText} from '../source/dataset/dates.js';
import {type EdtfDate, parseEdtf} from '../source/dataset/edtf.js';
import {select} from '../source/dataset/filter.js';
import {parseDocument} from '../source/dataset/load.js';
import {actorLabel, buildDataset} from '../source/dataset/model.js';
import {documentSchema, type TimescopeDocument} from '../source/dataset/schema.js';
import {matchNames} from '../source/search/names.js';
import {buildTimeline} from '../source/state/timeline.js';
import {readShared} from './helpers/shared.js';

/**
 * The bundled dataset is checked against the article it was built from (read from ../shared, beside
 * the repository): every quotation, speaker, resolved date and figure a fact-checker would look up,
 * and one test for each correction a fact-check asked for (issue 12), so none can come back.
 */

const DATA_PATH = '../data/venezuela-us-dialogue.json';
const dataText = readFileSync(new URL(DATA_PATH, import.meta.url), 'utf8');
const doc = JSON.parse(dataText) as TimescopeDocument;
const dataset = buildDataset(doc);
const article = readShared('articles/2026-01-02-venezuela-us-dialogue.txt');

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
const model = (id: string) => {
	const found = dataset.eventsById.get(id);
	if (!found) throw new Error(`no event ${id}`);
	return found;
};
const reference = dataset.reference;
if (!reference) throw new Error('the bundled dataset has a reference date');
const relation = (id: string) => relationText(model(id).date, reference);
const line = (paragraph: number) => article.split('\n')[paragraph - 1] ?? '';

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
			check(
				e.id,
				e.actors?.map((link) => (typeof link === 'string' ? link : link.id)),
				actors,
			);
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
		const dated = dataset.events.filter((e) => e.date.kind !== 'onOrBefore');
		expect(dated.at(-1)?.id).toBe('article-published');
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

	it('dates words reported in the present perfect “by publication”, inventing no day', () => {
		for (const prefix of [
			'narcoterrorists',
			'weapon of mass destruction',
			'clear',
			'seek to impose',
			'threats, intimidation',
		]) {
			expect(quoteStarting(prefix).said, prefix).toBe('[..2026-01-02]');
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

	it('resolves Thursday and New Year’s Eve to exact days', () => {
		expect(new Date('2026-01-01T00:00:00Z').getUTCDay()).toBe(4);
		expect(event('interview-aired')).toMatchObject({date: '2026-01-01', dateText: 'on Thursday'});
		expect(event('prisoner-release')).toMatchObject({date: '2026-01-01', dateText: 'on Thursday'});
		expect(event('interview-taped')).toMatchObject({date: '2025-12-31', dateText: 'on New Year’s Eve'});
		expect(event('new-years-eve-strikes')).toMatchObject({date: '2025-12-31'});
	});

	it('keeps the election at year precision, 1–2 years before publication', () => {
		expect(event('election-2024').date).toBe('2024');
		expect(relation('election-2024')).toBe('1–2 years before publication (2 Jan 2026)');
	});

	it('quotes every dateText from the article and places nothing after publication', () => {
		const reference = date(articleDate);
		for (const e of doc.events) {
			if (e.dateText !== undefined) expect(body, e.id).toContain(e.dateText);
			const when = date(e.date);
			const last = Number.isFinite(when.max) ? when.max : when.min;
			expect(last, e.id).toBeLessThanOrEqual(reference.max);
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
		// Days the dataset resolves ("on Thursday" is 1 Jan 2026) are dates, not figures.
		const figures = prose.replace(/\b\d{1,2} (Jan|Dec) \d{4}\b/g, '');
		const added = (figures.match(/\d+/g) ?? []).filter((n) => !printed.has(n));
		expect(added).toEqual([]);
	});

	it('names only people, groups and places the article names', () => {
		const lower = article.toLowerCase();
		const names = [
			...(doc.actors ?? []).flatMap((a) => [a.name, ...(a.aliases ?? [])]),
			...(doc.places ?? []).flatMap((p) => [...p.name.split(', '), ...(p.country ? [p.country] : [])]),
		];
		expect(names.filter((name) => !lower.includes(name.toLowerCase()))).toEqual([]);
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

/** One test per correction of the fact-check (issue 12); each names the article's words it rests on. */
describe('bundled dataset: corrections against the article', () => {
	const STANDING = [
		'chevron-exports',
		'tanker-blockade',
		'us-media-cia-reports',
		'ground-strike-threats',
		'trafficking-claim',
		'experts-fentanyl',
		'fentanyl-wmd',
		'maduro-force-statement',
	];

	it('dates standing facts reported without a date “on or before publication”, never a span', () => {
		// "has imposed", "has repeatedly threatened", "has claimed", "has labelled", "has said", "is the only".
		for (const id of STANDING) {
			expect(event(id).date, id).toBe('[..2026-01-02]');
			expect(event(id).dateText, id).toBeUndefined();
			expect(whenText(model(id).date), id).toBe('by 2 Jan 2026 (date not given)');
			expect(relation(id), id).toBe('no later than publication (2 Jan 2026)');
		}
		const undated = dataset.events.filter((e) => e.date.kind === 'onOrBefore').map((e) => e.id);
		expect(undated.sort()).toEqual([...STANDING].sort());
	});

	it('puts standing facts after the dated story, off the sparkline, under their own heading', () => {
		const timeline = buildTimeline(dataset, 'month', true, reference);
		expect(timeline.events[0]?.id).toBe('election-2024');
		expect(timeline.datedCount).toBe(dataset.events.length - STANDING.length);
		expect(timeline.events.slice(timeline.datedCount).map((e) => e.id)).toEqual(STANDING);
		expect(timeline.groupLabels.at(-1)).toBe('Date not given · reported by 2 Jan 2026');
		expect(timeline.domain?.last.id).toBe('article-published');
	});

	it('keeps standing facts out of a date window unless undated items are asked for', () => {
		const day = date('2026-01-02');
		const window = select(dataset, {from: day, to: day});
		expect(window.events.map((e) => e.id)).toEqual([
			'us-pressure-campaign',
			'boat-strikes',
			'mar-a-lago-remarks',
			'article-published',
		]);
		const withUndated = select(dataset, {from: day, to: day, includeUndated: true});
		expect(withUndated.events.map((e) => e.id)).toContain('fentanyl-wmd');
		const certain = select(dataset, {from: day, to: day, dateMatch: 'certain'});
		expect(certain.events.map((e) => e.id)).toEqual(['article-published']);
	});

	it('models the boat strikes and the pressure campaign as ongoing, not ended', () => {
		// "For months, the US has launched numerous strikes"; "amid Washington’s months-long … campaign".
		expect(line(23)).toContain('For months, the US has launched numerous strikes');
		expect(line(5)).toContain('amid Washington’s months-long sanctions and military pressure campaign');
		for (const id of ['boat-strikes', 'us-pressure-campaign']) {
			expect(event(id).date, id).toBe('2025~/..');
			expect(relation(id), id).toBe('ongoing as of publication (2 Jan 2026)');
			expect(formatDate(model(id).date), id).toBe('c. 2025 – ongoing');
		}
	});

	it('dates the strike “last week” to one day of that week, not a week-long strike', () => {
		expect(line(3)).toContain('a reported CIA-led strike on his country last week');
		expect(event('docking-strike')).toMatchObject({date: '[2025-12-22..2025-12-28]', dateText: 'last week'});
		const week = date('[2025-12-22..2025-12-28]');
		expect(new Date(week.min).getUTCDay()).toBe(1);
		expect(new Date(week.max).getUTCDay()).toBe(0);
		expect(whenText(model('docking-strike').date)).toBe('some day between 22 and 28 Dec 2025');
		expect(relation('docking-strike')).toBe('5–11 days before publication (2 Jan 2026)');
	});

	it('dates the earlier prisoner release to one unknown day before Thursday’s', () => {
		expect(line(7)).toContain('the second such release in recent days');
		const earlier = event('earlier-prisoner-release');
		expect(earlier).toMatchObject({date: '[2025-12-01..2025-12-31]', dateText: 'in recent days'});
		expect(date(earlier.date).max).toBeLessThan(date(event('prisoner-release').date).min);
		expect(whenText(model('earlier-prisoner-release').date)).toBe('some day between 1 and 31 Dec 2025');
	});

	it('dates Trump’s disclosure to one day “earlier this week”, after the strike and before publication', () => {
		expect(line(25)).toContain('Trump revealed earlier this week a strike on a docking area');
		expect(event('docking-strike-disclosed')).toMatchObject({
			date: '[2025-12-29..2026-01-01]',
			dateText: 'earlier this week',
		});
		expect(new Date(date('2025-12-29').min).getUTCDay()).toBe(1);
		expect(date(event('docking-strike-disclosed').date).min).toBeGreaterThan(
			date(event('docking-strike').date).max,
		);
	});

	it('dates the Mar-a-Lago remarks from the disclosure to publication, without borrowing its words', () => {
		const remarks = event('mar-a-lago-remarks');
		expect(remarks.date).toBe('[2025-12-29..2026-01-02]');
		expect(remarks.dateText).toBeUndefined();
		const disclosure = date(event('docking-strike-disclosed').date);
		for (const prefix of ['along the shore', 'There was a major explosion', 'So we hit all the boats']) {
			const said = date(quoteStarting(prefix).said ?? '');
			expect(said.min, prefix).toBe(disclosure.min);
			expect(said.max, prefix).toBe(reference.date.max);
		}
	});

	it('gives Chevron, “the only major oil company exporting Venezuelan crude to the US”, its own item', () => {
		expect(line(17)).toContain('the only major oil company exporting Venezuelan crude to the US');
		const chevron = event('chevron-exports');
		expect(chevron.title).toBe('Chevron is the only major oil company exporting Venezuelan crude to the US');
		expect(chevron.actors).toEqual(['chevron']);
	});

	it('places nothing where the article gives no place', () => {
		expect(doc.places?.map((p) => p.id)).not.toContain('colombia');
		expect(dataText).not.toMatch(/"name": "Colombia"/);
		expect(event('new-years-eve-strikes').places).toBeUndefined();
		for (const e of doc.events) {
			if (/does not say (when or )?where|gives no place/.test(e.summary ?? '')) {
				expect(e.places, e.id).toBeUndefined();
			}
		}
		// Each place and the event it is on, with the article's words for it.
		const placed = Object.fromEntries(doc.events.filter((e) => e.places).map((e) => [e.id, e.places]));
		expect(placed).toEqual({
			'boat-strikes': ['caribbean', 'eastern-pacific'],
			'docking-strike': ['venezuela'],
			'mar-a-lago-remarks': ['mar-a-lago'],
			'tanker-blockade': ['venezuela'],
		});
		expect(article).toContain('known boat strikes in the Caribbean and eastern Pacific');
		expect(article).toContain('on Venezuelan territory');
		expect(article).toContain('his Mar-a-Lago resort in Florida');
		expect(article).toContain('entering and exiting Venezuela’s coast');
	});

	it('writes “eastern Pacific” in lower case, as printed', () => {
		expect(doc.places?.find((p) => p.id === 'eastern-pacific')?.name).toBe('eastern Pacific');
		expect(dataText).not.toContain('Eastern Pacific');
	});

	it('keeps the hedges: “without providing evidence”, and the CIA only reportedly involved', () => {
		expect(line(33)).toContain('He has claimed, without providing evidence');
		expect(event('trafficking-claim').title).toContain('without providing evidence');
		expect(event('docking-strike').actors).toContainEqual({id: 'cia', qualifier: 'reported'});
		const cia = dataset.actors.get('cia');
		if (!cia) throw new Error('no CIA');
		expect(actorLabel(model('docking-strike'), cia)).toBe('CIA (reported)');
		for (const e of doc.events) {
			if (/CIA/.test(e.title)) expect(e.title, e.id).toMatch(/Reported|reports/);
		}
	});

	it('names Maduro as the article prints him, and finds him by the accented spelling all the same', () => {
		expect(line(3)).toContain('President Nicolas Maduro');
		expect(doc.actors?.find((a) => a.id === 'maduro')).toMatchObject({name: 'Nicolas Maduro'});
		expect(dataText).not.toContain('Nicolás');
		const byName = (actor: {id: string; name: string}) => [actor.id, actor.name];
		expect(matchNames('Nicolás', [...dataset.actors.values()], byName).map((a) => a.id)).toEqual(['maduro']);
	});

	it('keeps Maduro’s condition in the interview summary: “If they want oil …”', () => {
		expect(event('interview-taped').summary).toContain(
			'if they want oil, Venezuela is ready for US investment, like with Chevron',
		);
	});

	it('resolves “Thursday” and “earlier this week” inside quote contexts', () => {
		for (const q of quotes) {
			const context = q.context ?? '';
			if (context.includes('on Thursday')) expect(context, q.id).toContain('on Thursday (1 Jan 2026)');
			if (context.includes('earlier this week')) {
				expect(context, q.id).toContain('Monday 29 Dec 2025 to Thursday 1 Jan 2026');
			}
		}
		expect(quotes.filter((q) => q.context?.includes('Thursday (1 Jan 2026)'))).toHaveLength(5);
	});
});
