import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {select} from '../../source/dataset/filter.js';
import {loadText} from '../../source/dataset/load.js';
import {formatProblems} from '../../source/dataset/problems.js';
import {toSafeJson} from '../../source/output/json.js';
import {renderListing} from '../../source/output/listing.js';
import {renderSearchListing} from '../../source/output/search-output.js';
import {styleFor} from '../../source/output/style.js';
import {createSearcher} from '../../source/search/searcher.js';
import {hostileDataset as dataset} from '../helpers/hostile.js';

// Anything a terminal could act on: C0 (but \n), DEL, C1, and the bidi controls that reorder text.
const ACTIVE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;
// With colour on, timescope's own SGR sequences are the only escapes allowed.
const OWN_SGR = /\u001b\[[0-9;]*m/gu;

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
					renderSearchListing(createSearcher(data).search('oil'), {width: 60, style}),
					renderSearchListing(createSearcher(data).search(doc.title), {width: 60, style}),
					toSafeJson(doc),
					formatProblems([
						{
							file: doc.title,
							line: 1,
							column: 1,
							pointer: `/${doc.title}`,
							code: 'bad-value',
							params: {},
							message: doc.summary,
						},
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
