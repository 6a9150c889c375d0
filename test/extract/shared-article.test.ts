import {readFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';
import {keyFromDataset, scoreDraft} from '../../bench/extract-score.js';
import type {TimescopeDocument} from '../../source/dataset/schema.js';
import {extractDraft} from '../../source/extract/extract.js';
import {readShared, sharedPath} from '../helpers/shared.js';

/**
 * The shared article against the bundled dataset, which a person built from it by hand and a
 * fact-checker corrected (issue 12): the draft must find what they found.
 */

const ARTICLE = 'articles/2026-01-02-venezuela-us-dialogue.txt';
const bundled = JSON.parse(
	readFileSync(fileURLToPath(new URL('../../data/venezuela-us-dialogue.json', import.meta.url)), 'utf8'),
) as TimescopeDocument;
const draft = extractDraft([{file: sharedPath(ARTICLE), text: readShared(ARTICLE)}]);
const score = scoreDraft(draft, keyFromDataset(bundled));

describe('the shared article', () => {
	it('yields all 13 quotes verbatim and nothing else', () => {
		expect(score.found).toBe(13);
		expect(score.extra).toEqual([]);
	});

	it('attributes every quote as the bundled dataset does', () => {
		expect(score.misses.filter((miss) => miss.startsWith('speaker'))).toEqual([]);
		expect(score.speakersRight).toBe(13);
	});

	it('dates every quote as the bundled dataset does', () => {
		expect(score.misses.filter((miss) => miss.startsWith('said'))).toEqual([]);
		expect(score.saidRight).toBe(13);
	});

	it('resolves each relative date to the bundled dataset’s value at its precision', () => {
		// "the second such release in recent days": "second" says the earlier release came before
		// Thursday's, so its window ends on Wednesday, as the dataset has it.
		expect(score.misses).toEqual([]);
		expect(score.datesRight).toBe(score.dates);
	});

	it('titles no event with a pronoun the article resolves', () => {
		const titles = draft.events.map((event) => event.title);
		expect(titles).toContain('Maduro remained silent on a reported CIA-led strike on his country');
		expect(titles.filter((title) => /^(?:He|She)\s/u.test(title))).toEqual([]);
	});

	it('takes the date and headline from the first line and names Maduro as printed, with his surname as alias', () => {
		expect(draft.referenceDate).toBe('2026-01-02');
		expect(draft.title).toBe(bundled.title);
		expect(draft.actors).toContainEqual(
			expect.objectContaining({name: 'Nicolas Maduro', aliases: ['Maduro']}),
		);
	});
});
