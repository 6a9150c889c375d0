import {cleanup} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import {loadText} from '../../source/dataset/load.js';
import {generatedDocument} from '../state/helpers.js';
import {KEYS, ready, renderExplorer} from './render.js';

afterEach(() => {
	cleanup();
});

/** 30 events of which one has a date no calendar has. */
async function oneBadEvent() {
	const doc = generatedDocument(30);
	const events = doc.events as Array<Record<string, unknown>>;
	(events[4] as Record<string, unknown>).date = '2025-02-30';
	const loaded = await loadText(JSON.stringify(doc, null, 2), 'story.json');
	if (!loaded.ok) throw new Error('expected the file to open');
	return loaded;
}

describe('a file opened without some items', () => {
	it('says on the header how much was left out and which key lists it; the list shows each problem, the detail the whole of it', async () => {
		const loaded = await oneBadEvent();
		const ui = renderExplorer(loaded.dataset, {
			size: {columns: 170, rows: 30},
			problems: {problems: loaded.problems, omitted: loaded.omitted, skipped: loaded.skipped},
		});
		await ready(ui);
		expect(ui.lines()[1]).toMatch(/^29 events · 10 quotes · ! 1 of 30 events left out \(! problems\) · by /);
		ui.press('!');
		const list = await ui.until('PROBLEMS');
		expect(list).toMatch(/▸ 61:15 \/events\/4\/date day 30 does not exist in 2025-02/);
		expect(list).toContain('1/1');
		ui.press(KEYS.enter);
		const detail = await ui.until('DETAIL');
		expect(detail).toContain('story.json · line');
		expect(detail).toContain('This event (number 5 of its list in the file) was left');
		expect(detail).toContain('code: bad-date');
		ui.press(KEYS.escape, KEYS.escape);
		await ui.until('TIMELINE');
	});

	it('shows no banner for a file with nothing wrong', async () => {
		const clean = await loadText(JSON.stringify(generatedDocument(30)), 'story.json');
		if (!clean.ok) throw new Error('expected the file to open');
		const ui = renderExplorer(clean.dataset, {size: {columns: 120, rows: 30}});
		await ready(ui);
		expect(ui.lines()[1]).not.toContain('left out');
		ui.press('!');
		expect(await ui.until('PROBLEMS')).toContain('No problems: everything in the file is shown.');
	});
});
