import {cleanup} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import {buildDataset} from '../../source/dataset/model.js';
import {documentSchema} from '../../source/dataset/schema.js';
import {extractDraft} from '../../source/extract/extract.js';
import {KEYS, ready, renderExplorer} from './render.js';

/** A draft from `timescope extract` in the explorer: said to be a draft, its unsure items marked. */

const ARTICLE = [
	'date 2026-03-06 Port reopens after storm',
	'The port reopened on Thursday after a storm, Mayor Ana Ruiz said.',
	'“We are ready,” she said.',
	'“The ships are coming back.”',
].join('\n\n');

const draft = buildDataset(documentSchema.parse(extractDraft([{file: 'articles/port.txt', text: ARTICLE}])));

afterEach(() => {
	cleanup();
});

describe('a draft in the explorer', () => {
	it('says in the header that it is a draft extracted from its article', async () => {
		const ui = renderExplorer(draft, {size: {columns: 120, rows: 30}});
		await ready(ui);
		expect(ui.lines()[0]).toMatch(
			/Port reopens after storm +draft extracted from port\.txt · check each item$/u,
		);
	});

	it('marks with ◇ the items the extractor was unsure of, and only those', async () => {
		const ui = renderExplorer(draft, {size: {columns: 120, rows: 30}});
		await ready(ui);
		const rows = ui.lines().filter((line) => /^[▸◇ ] /u.test(line) && !line.startsWith('──'));
		expect(rows.find((line) => line.includes('Ana Ruiz: “We are ready'))).toMatch(/^◇ /u);
		expect(rows.find((line) => line.includes('The port reopened'))).toMatch(/^▸ /u);
	});

	it('shows in the detail the sentence each item was read from and the confidence', async () => {
		// Wide enough for the detail to hold each sentence on a line.
		const ui = renderExplorer(draft, {size: {columns: 170, rows: 30}});
		await ready(ui);
		ui.press(KEYS.enter);
		await ui.until('Draft · confidence');
		expect(ui.frame()).toContain('from: The port reopened on Thursday after a storm,');
	});

	it('says how each quote’s speaker and date were found', async () => {
		// Wide enough for the detail to hold each sentence on a line.
		const ui = renderExplorer(draft, {size: {columns: 170, rows: 30}});
		await ready(ui);
		ui.press('j');
		await ui.until('TIMELINE  2/2');
		ui.press(KEYS.enter);
		await ui.until('speaker: pronoun');
		const frame = ui.frame();
		expect(frame).toMatch(/draft · confidence [\d.]+ · speaker: pronoun/u);
		expect(frame).toContain('Draft · confidence 0.5 · check');
	});
});
