import {readdirSync, readFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';
import {type AnswerKey, scoreDraft} from '../../bench/extract-score.js';
import {parseDocument} from '../../source/dataset/load.js';
import {extractDraft} from '../../source/extract/extract.js';
import {setAsideOf} from './helpers.js';

/**
 * Articles written for the project in several newsrooms' styles, each with the answer a person marked:
 * every quote verbatim with its speaker, every quoted term that is not a quote, every date phrase with
 * what it means. The draft must match each key whole; `npm run bench:extract` prints the same scores.
 */

const folder = fileURLToPath(new URL('../fixtures/extract/', import.meta.url));
const articles = readdirSync(`${folder}articles`).sort();

describe.each(articles)('%s', (file) => {
	const key = JSON.parse(
		readFileSync(`${folder}keys/${file.replace(/\.[^.]+$/u, '')}.json`, 'utf8'),
	) as AnswerKey;
	const doc = extractDraft([{file, text: readFileSync(`${folder}articles/${file}`, 'utf8')}]);

	it('finds every quote verbatim, and nothing that is not one', () => {
		const score = scoreDraft(doc, key);
		expect(score.misses.filter((miss) => miss.startsWith('quote'))).toEqual([]);
		expect(score.extra).toEqual([]);
		const setAside = setAsideOf(doc).map((item) => item.text);
		for (const term of key.notQuotes ?? []) expect(setAside).toContain(term);
	});

	it('gives each quote its speaker', () => {
		expect(scoreDraft(doc, key).misses.filter((miss) => miss.startsWith('speaker'))).toEqual([]);
	});

	it('resolves each date phrase to what it means against the publication date', () => {
		expect(scoreDraft(doc, key).misses.filter((miss) => miss.startsWith('date'))).toEqual([]);
	});

	it('is a valid timescope/1 dataset', async () => {
		const result = await parseDocument(JSON.stringify(doc), 'draft', {strict: true});
		expect(result.ok ? [] : result.problems).toEqual([]);
	});
});
