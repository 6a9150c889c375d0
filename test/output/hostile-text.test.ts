import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {select} from '../../source/dataset/filter.js';
import {loadText} from '../../source/dataset/load.js';
import {formatProblems} from '../../source/dataset/problems.js';
import {toSafeJson} from '../../source/output/json.js';
import {renderListing} from '../../source/output/listing.js';
import {renderSearchListing} from '../../source/output/search-output.js';
import {styleFor} from '../../source/output/style.js';
import {createQuoteSearcher} from '../../source/search/quote-search.js';

// Anything a terminal could act on: C0 (but \n), DEL, C1, and the bidi controls that reorder text.
const ACTIVE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;
// With colour on, timescope's own SGR sequences are the only escapes allowed.
const OWN_SGR = /\u001b\[[0-9;]*m/gu;

const nasty = fc.constantFrom(
	'\u001b[2J',
	'\u001b]0;pwned\u0007',
	'\u001b]52;c;aGVsbG8=\u001b\\',
	'\u001b]8;;http://evil.test\u001b\\',
	'\u001bPq#0;2;0;0;0\u001b\\',
	'\u009b31m',
	'\u009d0;t\u009c',
	'\u0007',
	'\b\b\b',
	'\r',
	'\u202e',
	'\u2066',
	'\u0000',
	'\t',
	'\u001b[?1049l',
	'\u001bc',
);
const text = fc
	.array(
		fc.oneof({weight: 3, arbitrary: fc.string({minLength: 1, maxLength: 8})}, {weight: 2, arbitrary: nasty}),
		{
			minLength: 1,
			maxLength: 6,
		},
	)
	.map((parts) => parts.join(''));

const dataset = fc
	.record({
		title: text,
		summary: text,
		names: fc.array(text, {minLength: 1, maxLength: 3}),
		words: fc.array(text, {minLength: 1, maxLength: 4}),
	})
	.map(({title, summary, names, words}) => ({
		format: 'timescope/1',
		title,
		summary,
		referenceDate: '2026-01-02',
		actors: names.map((name, i) => ({id: `a${i}`, name, description: summary, aliases: [name]})),
		places: [{id: 'p', name: title}],
		sources: [{id: 's', title, publisher: summary, note: title}],
		events: words.map((word, i) => ({
			id: `e${i}`,
			date: '2025-12-22/2025-12-28',
			dateText: word,
			title: word,
			summary,
			actors: ['a0'],
			places: ['p'],
			tags: [word],
			sources: ['s'],
		})),
		quotes: words.map((word, i) => ({
			id: `q${i}`,
			text: `${word} oil ${summary}`,
			speaker: `a${i % names.length}`,
			kind: 'partial',
			said: '2025-12-31',
			context: word,
			events: [`e${i}`],
			source: 's',
			original: word,
			language: 'es',
		})),
	}));

describe('hostile strings in every field', () => {
	it('never reach the terminal from the listing, search results, JSON or error reports', async () => {
		await fc.assert(
			fc.asyncProperty(dataset, fc.boolean(), async (doc, colour) => {
				const loaded = await loadText(JSON.stringify(doc), 'f.json');
				if (!loaded.ok) throw new Error(formatProblems(loaded.problems).join('\n'));
				const {dataset: data} = loaded;
				const style = styleFor(colour);
				const selection = select(data, {});
				const outputs = [
					renderListing(data, selection, {width: 60, style, filterText: doc.title}),
					renderSearchListing(createQuoteSearcher(data).search('oil'), {width: 60, style}),
					renderSearchListing(createQuoteSearcher(data).search(doc.title), {width: 60, style}),
					toSafeJson(doc),
					formatProblems([
						{file: doc.title, line: 1, column: 1, pointer: `/${doc.title}`, message: doc.summary},
					]).join('\n'),
				];
				for (const output of outputs) expect(output.replace(OWN_SGR, '')).not.toMatch(ACTIVE);
			}),
			{numRuns: 150},
		);
	});

	it('keeps the data itself intact in JSON output', () => {
		const value = {text: 'a\u001b[31mb\u009b\u202e\u2028c'};
		expect(JSON.parse(toSafeJson(value))).toEqual(value);
	});
});
