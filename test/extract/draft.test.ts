import {describe, expect, it} from 'vitest';
import {parseDocument} from '../../source/dataset/load.js';
import {extractDraft} from '../../source/extract/extract.js';
import {article, draftOf} from './helpers.js';

describe('the draft', () => {
	it('is a valid timescope/1 dataset, with its article as the source of every item', async () => {
		const doc = draftOf(
			article(
				'date 2026-01-02 Port reopens after storm',
				'The port reopened on Thursday after a storm last week, Mayor Ana Ruiz said.',
				'“We are ready,” she said. “The ships are coming back.”',
			),
		);
		const result = await parseDocument(JSON.stringify(doc), 'draft', {strict: true});
		expect(result.ok ? [] : result.problems).toEqual([]);
		expect(doc.title).toBe('Port reopens after storm');
		expect(doc.referenceDate).toBe('2026-01-02');
		expect(doc.sources).toEqual([expect.objectContaining({id: 'article', published: '2026-01-02'})]);
		for (const item of [...doc.events, ...(doc.quotes ?? [])]) {
			expect(item.extensions?.extract).toMatchObject({
				sentence: expect.any(String),
				confidence: expect.any(Number),
			});
		}
		expect(doc.quotes?.every((quote) => quote.source === 'article' && (quote.events ?? []).length > 0)).toBe(
			true,
		);
	});

	it('makes one timeline of several articles: actors merged by name, each quote sourced to its own article', async () => {
		const doc = extractDraft(
			[
				{file: 'monday.txt', text: '“We will reopen,” Mayor Ana Ruiz said on Monday.'},
				{file: 'friday.txt', text: '“We have reopened,” Ruiz said on Friday.'},
			],
			{date: '2026-03-06', title: 'Port'},
		);
		expect((await parseDocument(JSON.stringify(doc), 'draft', {strict: true})).ok).toBe(true);
		expect(doc.title).toBe('Port');
		expect(doc.actors?.filter((actor) => actor.name === 'Ana Ruiz')).toHaveLength(1);
		expect(doc.quotes?.map((quote) => [quote.text, quote.source, quote.said])).toEqual([
			['We will reopen,', 'monday-txt', '2026-03-02'],
			['We have reopened,', 'friday-txt', '2026-03-06'],
		]);
	});

	it('keeps two articles’ unnamed speakers apart: they are not known to be one person', () => {
		const doc = extractDraft(
			[
				{file: 'a.txt', text: '“No comment,” a spokesman said.'},
				{file: 'b.txt', text: '“No comment,” a spokesman said.'},
			],
			{date: '2026-03-06'},
		);
		expect(new Set(doc.quotes?.map((quote) => quote.speaker)).size).toBe(2);
	});
});

describe('event titles', () => {
	it('put the person a title’s opening pronoun means, and keep the pronoun when two people could be meant', () => {
		const titles = (text: string) => draftOf(text, '2026-01-02').events.map((event) => event.title);
		expect(
			titles(
				'Talks can resume, Mayor Ana Ruiz has said, even as she stayed away from the meeting last week.',
			),
		).toContain('Ruiz stayed away from the meeting');
		expect(
			titles('Ana Ruiz met Lena Ortiz on Monday.\n\nShe left the meeting early on Tuesday.').some((title) =>
				title.startsWith('She left'),
			),
		).toBe(true);
	});
});
