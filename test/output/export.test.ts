import {parse} from 'csv-parse/sync';
import {describe, expect, it} from 'vitest';
import {parseDocument} from '../../source/dataset/load.js';
import {buildDataset} from '../../source/dataset/model.js';
import {exportText, formatFor} from '../../source/output/export.js';
import {marksSelection} from '../../source/state/marks.js';
import {loadFixture} from '../state/helpers.js';

/** The export writers: timescope/1 as --json writes it, a Markdown chronology with citations, CSV. */

const small = loadFixture('small');
const marked = marksSelection(small, [
	{kind: 'event', id: 'taped', label: 'Interview taped'},
	{kind: 'quote', id: 'paraphrase', label: '…'},
	{kind: 'quote', id: 'loose', label: '…'},
]);
const content = {
	dataset: small,
	selection: marked,
	heading: 'Explorer test timeline — marks',
	summary: '3 marked.',
};

describe('the export formats', () => {
	it('are told by the file name', () => {
		expect(formatFor('a.json')).toBe('json');
		expect(formatFor('notes/A.MD')).toBe('markdown');
		expect(formatFor('x.markdown')).toBe('markdown');
		expect(formatFor('sheet.csv')).toBe('csv');
		expect(formatFor('x.txt')).toBeUndefined();
		expect(formatFor('json')).toBeUndefined();
	});

	it('timescope/1: valid against the schema, only what was chosen, links kept inside it', async () => {
		const text = exportText('json', content);
		const checked = await parseDocument(text, 'export.json', {strict: true});
		expect(checked.ok).toBe(true);
		const doc = JSON.parse(text);
		expect(doc.events.map((event: {id: string}) => event.id)).toEqual(['taped', 'aired']);
		expect(doc.quotes.map((quote: {id: string}) => quote.id)).toEqual([
			'chevron',
			'talk',
			'paraphrase',
			'loose',
		]);
		// The chevron quote is also in "aired", which is exported (as the marked paraphrase's event).
		expect(doc.quotes[0].events).toEqual(['taped', 'aired']);
	});

	it('Markdown: a chronology, each quote cited with speaker, date said, source, publisher and URL', () => {
		const text = exportText('markdown', content);
		expect(text).toContain('# Explorer test timeline — marks\n\n3 marked.\n');
		expect(text).toContain('## 31 Dec 2025 — Interview taped\n');
		expect(text).toContain(
			'- “If they want oil, Venezuela is ready for US investment, like with Chevron,” — Nicolás Maduro, 31 Dec 2025, The article, Wire, <https://example.test/article>',
		);
		expect(text).toContain(
			'- (paraphrase) the US wants to topple his government — Nicolás Maduro, 1 Jan 2026, State TV broadcast, file:///etc/passwd',
		);
		expect(text).toContain('Sources: [The article](https://example.test/article) (Wire)');
		expect(text).toContain('Event id: taped');
		// The quote of no event comes after the events, with "undated" where no date is given.
		const loose = text.indexOf('## Quotes not tied to an event shown here');
		expect(loose).toBeGreaterThan(text.indexOf('## 1 Jan 2026 — Interview aired on state TV'));
		expect(text.slice(loose)).toContain('- “A quote that belongs to no event.” — Trump, Dec 2025');
		expect(text.indexOf('## 31 Dec 2025')).toBeLessThan(text.indexOf('## 1 Jan 2026'));
	});

	it('Markdown: dataset text can neither format nor escape', () => {
		const hostile = buildDataset({
			format: 'timescope/1',
			title: 'A *bold* title',
			actors: [{id: 'a', name: 'Ana [x](http://evil)'}],
			events: [{id: 'e', date: '2025', title: '# not a heading <script>', summary: '- not a list\u001b[31m'}],
			quotes: [{id: 'q', text: 'words `code`', speaker: 'a', events: ['e']}],
		});
		const text = exportText('markdown', {
			dataset: hostile,
			selection: {events: hostile.events, quotes: hostile.quotes},
			heading: hostile.title,
			summary: 'all',
		});
		expect(text).toContain('# A \\*bold\\* title');
		expect(text).toContain('## 2025 — # not a heading \\<script\\>');
		expect(text).toContain('\n\\- not a list\n');
		expect(text).toContain('“words \\`code\\`” — Ana \\[x\\](http://evil), undated');
		expect(text).not.toContain('\u001b');
	});

	it('CSV: one row per quote with its event, per event without one, per quote of no event', () => {
		const rows = parse(exportText('csv', content), {columns: true}) as Record<string, string>[];
		expect(rows.map((row) => `${row.event_id}/${row.quote_id}`)).toEqual([
			'taped/chevron',
			'taped/talk',
			'aired/chevron',
			'aired/paraphrase',
			'/loose',
		]);
		expect(rows[0]).toMatchObject({
			event_date: '2025-12-31',
			event_when: '31 Dec 2025',
			event_title: 'Interview taped',
			actors: 'Nicolás Maduro; Ignacio Ramonet',
			speaker: 'Nicolás Maduro',
			said: '2025-12-31',
			said_when: '31 Dec 2025',
			kind: 'direct',
			quote: 'If they want oil, Venezuela is ready for US investment, like with Chevron,',
			source: 'The article',
			publisher: 'Wire',
			url: 'https://example.test/article',
		});
		expect(rows[4]).toMatchObject({event_id: '', said_when: 'Dec 2025', speaker: 'Trump'});
	});
});
