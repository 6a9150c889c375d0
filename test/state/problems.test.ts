import {describe, expect, it} from 'vitest';
import {type LoadResult, loadText} from '../../source/dataset/load.js';
import {reducer} from '../../source/state/reducer.js';
import {generatedDocument, press, start} from './helpers.js';

/** 20 events of which the file spoils two, and a quote whose speaker it spoils. */
async function halfBroken(): Promise<Extract<LoadResult, {ok: true}>> {
	const doc = generatedDocument(20) as unknown as {events: Array<Record<string, unknown>>; actors: unknown[]};
	(doc.events[3] as Record<string, unknown>).date = 'someday';
	(doc.events[7] as Record<string, unknown>).colour = 'red';
	doc.actors.push({id: 'c', name: ''});
	(doc as unknown as {quotes: unknown[]}).quotes.push({id: 'qc', text: 'From c', speaker: 'c'});
	const loaded = await loadText(JSON.stringify(doc, null, 2), 'story.json');
	if (!loaded.ok) throw new Error('expected the file to open');
	return loaded;
}

const report = (loaded: Extract<LoadResult, {ok: true}>) => ({
	problems: loaded.problems,
	omitted: loaded.omitted,
	skipped: loaded.skipped,
});

describe('the problems pane', () => {
	it('opens on !, lists every problem, follows the cursor in the detail, and closes back', async () => {
		const loaded = await halfBroken();
		let state = start(loaded.dataset, {problems: report(loaded)});
		expect(state.dataset.events).toHaveLength(18);
		state = press(state, '!');
		expect(state.view).toBe('problems');
		expect(state.problems.problems.map((p) => p.code)).toEqual([
			'too-small',
			'bad-date',
			'unknown-key',
			'skipped-item',
		]);
		state = press(state, 'j');
		expect(state.panes.problems.cursor).toBe(1);
		state = press(state, 'G');
		expect(state.panes.problems.cursor).toBe(3);
		state = press(state, 'enter');
		expect(state.focus).toBe('detail');
		state = press(state, 'escape', 'escape');
		expect(state.view).toBe('timeline');
	});

	it('takes a reload’s problems, and words what it left out in the message', async () => {
		const loaded = await halfBroken();
		const clean = await loadText(JSON.stringify(generatedDocument(20)), 'story.json');
		let state = start(clean.ok ? clean.dataset : loaded.dataset, {path: '/story.json'});
		expect(state.problems.problems).toEqual([]);
		state = reducer(state, {type: 'loaded', result: loaded, cause: 'watch'});
		expect(state.problems.skipped).toEqual({actor: 1, event: 2, quote: 1});
		expect(state.message?.text).toBe(
			'file changed: reloaded · 18 events, 7 quotes · 1 of 3 actors, 2 of 20 events, 1 of 8 quotes left out',
		);
	});
});
