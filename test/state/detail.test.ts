import {describe, expect, it} from 'vitest';
import {detailDoc} from '../../source/state/detail.js';
import {wrapOffsets} from '../../source/state/wrap.js';
import {cellWidth} from '../../source/text/cells.js';
import {loadFixture} from './helpers.js';

const small = loadFixture('small');
const event = (id: string) => {
	const found = small.eventsById.get(id);
	if (!found) throw new Error(id);
	return found;
};
const text = (doc: ReturnType<typeof detailDoc>) =>
	doc.lines.map((line) => line.spans.map((s) => s.text).join(''));

describe('the detail layout', () => {
	it('shows date with its wording, title, distance, summary paragraphs, actors, places, tags, id, quotes, sources', () => {
		const doc = detailDoc(small, {kind: 'event', event: event('strike')}, 70);
		const lines = text(doc);
		expect(lines).toEqual([
			'22–28 Dec 2025 · “last week”',
			'Reported strike on a docking area',
			'ended 5 days before publication (2 Jan 2026)',
			'',
			'A reported CIA-led strike on a docking area.',
			'',
			'The first known attack on Venezuelan territory.',
			'',
			'Actors',
			'  Trump — US president',
			'',
			'Places: Venezuela',
			'Tags: military',
			'Id: strike',
			'',
			'Quote',
			'  “along the shore”',
			'    — Trump · partial quote',
			'',
			'Source',
			'  The article · Wire · published 2 Jan 2026',
			'    https://example.test/article',
		]);
		// The date and the title head the detail: pinned above what scrolls.
		expect(doc.head).toBe(2);
	});

	it('says "the reference date" when it is not a source’s publication date', () => {
		const reference = small.reference;
		if (!reference) throw new Error('the fixture has a reference date');
		const dataset = {...small, reference: {...reference, publication: false}};
		const election = {kind: 'event', event: event('election')} as const;
		// (Another width: the layout is cached per event and width.)
		expect(text(detailDoc(dataset, election, 71))[2]).toBe(
			'1–2 years before the reference date (2 Jan 2026)',
		);
		expect(text(detailDoc(small, election, 70))[2]).toBe('1–2 years before publication (2 Jan 2026)');
	});

	it('records where each quote’s block is, and marks matched characters of the highlighted one', () => {
		const taped = event('taped');
		const chevron = taped.quotes[0];
		if (!chevron) throw new Error('no quote');
		const start = chevron.text.indexOf('Chevron');
		const doc = detailDoc(small, {kind: 'event', event: taped}, 40, {
			quote: chevron,
			ranges: [[start, start + 6]],
		});
		expect(doc.quotes.map((quote) => quote.id)).toEqual(['chevron', 'talk']);
		const [first, last] = doc.quoteLines[0] ?? [0, 0];
		expect(doc.lines.slice(first, last + 1).every((line) => line.quote === 0)).toBe(true);
		const matched = doc.lines.flatMap((line) =>
			line.spans.filter((span) => span.tone === 'match').map((span) => span.text),
		);
		expect(matched).toEqual(['Chevron']);
		for (const line of text(doc)) expect(cellWidth(line)).toBeLessThanOrEqual(40);
	});

	it('names the quote’s source only when it is not the event’s one source', () => {
		const aired = text(detailDoc(small, {kind: 'event', event: event('aired')}, 80));
		expect(aired).toContain('    source: The article');
		expect(aired).not.toContain('    source: State TV broadcast');
	});
});

describe('wrapOffsets', () => {
	it('wraps by cells at spaces, cuts words longer than a line, and keeps offsets into the text', () => {
		const line = 'If they want oil, Venezuela is ready';
		const ranges = wrapOffsets(line, 12);
		expect(ranges.map(([s, e]) => line.slice(s, e))).toEqual([
			'If they want',
			'oil,',
			'Venezuela is',
			'ready',
		]);
		expect(wrapOffsets('北京北京北京', 4).map(([s, e]) => '北京北京北京'.slice(s, e))).toEqual([
			'北京',
			'北京',
			'北京',
		]);
		expect(wrapOffsets('abcdefghij', 4).map(([s, e]) => e - s)).toEqual([4, 4, 2]);
	});

	it('never cuts a web address: a long one runs past the width on a line of its own', () => {
		const text = 'Source: https://example.org/a/very/long/path/photo.jpg and then 北京 words';
		const lines = wrapOffsets(text, 16).map(([s, e]) => text.slice(s, e));
		expect(lines).toEqual([
			'Source:',
			'https://example.org/a/very/long/path/photo.jpg',
			'and then 北京',
			'words',
		]);
		const alone = 'https://example.org/a/very/long/path/photo.jpg';
		expect(wrapOffsets(alone, 10)).toEqual([[0, alone.length]]);
	});
});
