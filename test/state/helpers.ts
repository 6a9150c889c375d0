import {readFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import type {Filters} from '../../source/dataset/filter.js';
import {buildDataset, type Dataset} from '../../source/dataset/model.js';
import type {ProblemReport} from '../../source/dataset/problems.js';
import {documentSchema, type TimescopeDocument} from '../../source/dataset/schema.js';
import {createSearcher, SCOPE_KINDS} from '../../source/search/searcher.js';
import type {Keymap} from '../../source/state/keymap.js';
import type {Size} from '../../source/state/layout.js';
import type {Marks} from '../../source/state/marks.js';
import {initialState, reducer} from '../../source/state/reducer.js';
import {RESULT_LIMIT} from '../../source/state/search.js';
import type {State} from '../../source/state/state.js';

export const WIDE: Size = {columns: 120, rows: 40};
export const NARROW: Size = {columns: 80, rows: 24};

export function fixturePath(name: string): string {
	return fileURLToPath(new URL(`../fixtures/explorer/${name}.json`, import.meta.url));
}

export function loadFixture(name: 'small' | 'empty' | 'hostile'): Dataset {
	return buildDataset(documentSchema.parse(JSON.parse(readFileSync(fixturePath(name), 'utf8'))));
}

/** A fixture of the CLI tests (`test/fixtures/cli/NAME.json`), as a dataset. */
export function loadCliFixture(name: 'kinds-of-time' | 'deep-time'): Dataset {
	const path = fileURLToPath(new URL(`../fixtures/cli/${name}.json`, import.meta.url));
	return buildDataset(documentSchema.parse(JSON.parse(readFileSync(path, 'utf8'))));
}

/** Events dated as TimelineJS files date them: times of day, a range across years (the widest date). */
export function loadTimed(): Dataset {
	return buildDataset(
		documentSchema.parse({
			format: 'timescope/1',
			title: 'Times of day',
			actors: [{id: 'w', name: 'Wire service'}],
			events: [
				{
					id: 'a',
					date: '1920-01-05T06:45:56/1923-01-05T06:45:56',
					title: 'A range with times',
					actors: ['w'],
				},
				{id: 'b', date: '2011-11-16T05:58:44/2011-11-16T07:30', title: 'Within a morning', actors: ['w']},
				{id: 'c', date: '[2025-12-22..2025-12-28]', title: 'Some day that week', actors: ['w']},
				{id: 'd', date: '2025', title: 'A year', actors: ['w']},
			],
		}),
	);
}

/** `count` events, one a day from 1 Jan 2025, each third with a quote; titles say their number. */
export function generatedDocument(count: number): TimescopeDocument {
	const day = (i: number) => new Date(Date.UTC(2025, 0, 1 + i)).toISOString().slice(0, 10);
	return {
		format: 'timescope/1',
		title: `${count} generated events`,
		actors: [
			{id: 'a', name: 'Ana'},
			{id: 'b', name: 'Bo'},
		],
		events: Array.from({length: count}, (_, i) => ({
			id: `e${i}`,
			date: day(i),
			title: `Event number ${i}`,
			actors: [i % 2 === 0 ? 'a' : 'b'],
			tags: [i % 5 === 0 ? 'five' : 'other'],
		})),
		quotes: Array.from({length: Math.ceil(count / 3)}, (_, k) => ({
			id: `q${k}`,
			text: k % 10 === 0 ? `Needle quote ${k} about oil` : `Ordinary words number ${k}`,
			speaker: k % 2 === 0 ? 'a' : 'b',
			said: day(k * 3),
			events: [`e${k * 3}`],
		})),
	};
}

export function generated(count: number): Dataset {
	return buildDataset(generatedDocument(count));
}

export function start(
	dataset: Dataset,
	options: {
		size?: Size;
		filters?: Filters;
		search?: string;
		eventId?: string;
		path?: string;
		keymap?: Keymap;
		marks?: Marks;
		problems?: ProblemReport;
	} = {},
): State {
	return initialState({
		problems: options.problems,
		dataset,
		fileLabel: 'test.json',
		path: options.path,
		filters: options.filters ?? {},
		size: options.size ?? WIDE,
		search: options.search,
		eventId: options.eventId,
		keymap: options.keymap,
		marks: options.marks,
	});
}

/** Press keys by their names: `j`, `G`, `pagedown`, `ctrl-d`, `enter`, `escape`... */
export function press(state: State, ...keys: string[]): State {
	return reducer(state, {type: 'keys', keys});
}

/** Type text one character at a time, as a person would. */
export function type(state: State, text: string): State {
	return press(state, ...[...text].map((char) => (char === ' ' ? 'space' : char)));
}

/** Run the real searcher synchronously and deliver its answer, as the view would. */
export function answer(state: State, query = state.search.query): State {
	const result = createSearcher(state.dataset).search(query, {
		within: state.timeline.selection,
		limit: RESULT_LIMIT,
		kinds: SCOPE_KINDS[state.search.scope],
	});
	return reducer(state, {type: 'searchResults', query, generation: state.search.generation, result});
}

export function cursorTitle(state: State): string | undefined {
	return state.timeline.events[state.cursor]?.title;
}
