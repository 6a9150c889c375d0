import {Readable} from 'node:stream';
import {describe, expect, it} from 'vitest';
import {loadText} from '../../source/dataset/load.js';
import {loadNdjson} from '../../source/dataset/ndjson.js';
import {formatProblems, type Problem} from '../../source/dataset/problems.js';

/** A file with one bad item of each kind that refers or is referred to, and good ones around them. */
const doc = {
	format: 'timescope/1',
	title: 'Mixed',
	actors: [
		{id: 'ana', name: 'Ana'},
		{id: 'bo', name: ''},
	],
	places: [{id: 'here', name: 'Here'}],
	sources: [{id: 's1', title: 'Paper'}, {id: 's2'}],
	events: [
		{
			id: 'e1',
			date: '2025-12',
			title: 'Good',
			actors: ['ana', 'bo'],
			places: ['here'],
			sources: ['s1', 's2'],
		},
		{id: 'e2', date: '2025-13', title: 'Bad date'},
		{id: 'e3', date: '2025', title: 'Links to nothing', actors: ['nobody']},
	],
	quotes: [
		{id: 'q1', text: 'Kept', speaker: 'ana', events: ['e1', 'e2'], source: 's2'},
		{id: 'q2', text: 'Speaker left out', speaker: 'bo', events: ['e1']},
		{id: 'q3', text: 'Speaker missing', speaker: 'ghost'},
	],
};

const codes = (problems: readonly Problem[]) => problems.map((p) => [p.pointer, p.code, p.item?.kind]);

describe('lenient opening of a timescope/1 file', () => {
	it('keeps every valid item, drops links to items left out, and reports each item it left out', async () => {
		const loaded = await loadText(JSON.stringify(doc, null, 1), 'mixed.json');
		if (!loaded.ok) throw new Error(formatProblems(loaded.problems).join('\n'));
		const {dataset} = loaded;
		expect(dataset.events.map((e) => e.id)).toEqual(['e3', 'e1']);
		expect([...dataset.actors.keys()]).toEqual(['ana']);
		expect([...dataset.sources.keys()]).toEqual(['s1']);
		const e1 = dataset.eventsById.get('e1');
		// Its other links stay: the actor, place and source that are valid.
		expect(e1?.actors.map((a) => a.id)).toEqual(['ana']);
		expect(e1?.places.map((p) => p.id)).toEqual(['here']);
		expect(e1?.sources.map((s) => s.id)).toEqual(['s1']);
		expect(e1?.doc.actors).toEqual(['ana']);
		expect(dataset.quotes.map((q) => q.id)).toEqual(['q1']);
		expect(dataset.quotes[0]?.events.map((e) => e.id)).toEqual(['e1']);
		expect(dataset.quotes[0]?.doc.source).toBeUndefined();
		expect(loaded.skipped).toEqual({actor: 1, source: 1, event: 1, quote: 2});
		expect(codes(loaded.problems)).toEqual([
			['/actors/1/name', 'too-small', 'actor'],
			['/sources/1', 'incomplete-source', 'source'],
			['/events/1/date', 'bad-date', 'event'],
			['/events/2/actors/0', 'dangling-reference', undefined],
			['/quotes/1/speaker', 'skipped-item', 'quote'],
			['/quotes/2/speaker', 'dangling-reference', 'quote'],
		]);
		const skipped = loaded.problems.find((p) => p.code === 'skipped-item');
		expect(skipped?.params).toEqual({kind: 'actor', id: 'bo'});
		expect(formatProblems([skipped as Problem])[0]).toMatch(
			/^mixed\.json:\d+:\d+: \/quotes\/1\/speaker: left out: its speaker "bo" was left out \(see \/actors\/1\)$/,
		);
	});

	it('does not copy the input when nothing is wrong, and refuses it all when strict', async () => {
		const text = JSON.stringify({
			format: 'timescope/1',
			title: 'T',
			events: [{id: 'a', date: '2025', title: 'A'}],
		});
		const fine = await loadText(text, 'f.json');
		expect(fine.ok && fine.problems).toEqual([]);
		const strict = await loadText(JSON.stringify(doc), 'f.json', {strict: true});
		expect(strict.ok).toBe(false);
		// Strict lists what is wrong, not what a lenient load would leave out because of it.
		expect(strict.problems.map((p) => p.code)).not.toContain('skipped-item');
	});

	it('puts the file name in for a title that is missing or wrong, and drops bad optional root fields', async () => {
		const loaded = await loadText(
			JSON.stringify({format: 'timescope/1', referenceDate: 'soon', colour: 'red', events: []}),
			'/data/my-story.json',
		);
		if (!loaded.ok) throw new Error('expected it to open');
		expect(loaded.dataset.title).toBe('my-story');
		expect(loaded.dataset.referenceDate).toBeUndefined();
		expect(loaded.problems.map((p) => p.code)).toEqual(['missing-key', 'bad-date', 'unknown-key']);
	});

	it('still refuses what is no timeline at all', async () => {
		expect((await loadText('{"format": "timescope/2", "events": []}', 'f.json')).ok).toBe(false);
		expect((await loadText('[1, 2]', 'f.json')).ok).toBe(false);
	});
});

describe('lenient opening of NDJSON', () => {
	const lines = [
		'{"format":"timescope/1","title":"T","actors":[{"id":"a","name":"A"}]}',
		'{"event":{"id":"e1","date":"2025","title":"Good"}}',
		'{"event":{"id":"e2","date":"never","title":"Bad"}}',
		'{"toString":{}}',
		'{oops',
		'{"quote":{"id":"q1","text":"Hi","speaker":"a","events":["e1","e2","e9"]}}',
	];

	it('keeps the good lines and names every line it left out', async () => {
		const result = await loadNdjson(Readable.from([lines.join('\n')]), {file: 'a.ndjson', lenient: true});
		if (!result.ok) throw new Error(formatProblems(result.problems).join('\n'));
		expect(result.doc.events.map((e) => e.id)).toEqual(['e1']);
		expect(result.doc.quotes?.[0]?.events).toEqual(['e1']);
		expect(result.skipped).toEqual({event: 1, line: 2});
		expect(result.problems.map((p) => [p.line, p.code])).toEqual([
			[1, 'no-counts'],
			[3, 'bad-date'],
			[4, 'not-an-item'],
			[5, 'syntax-error'],
			[5, 'syntax-error'],
			[6, 'dangling-reference'],
		]);
	});

	it('finds references to nothing by code, with their params', async () => {
		const result = await loadNdjson(Readable.from([lines.join('\n')]), {file: 'a.ndjson'});
		expect(result.ok).toBe(false);
		const dangling = result.problems.find((p) => p.code === 'dangling-reference');
		expect(dangling).toMatchObject({line: 6, pointer: '/quote/events/2', params: {kind: 'event', id: 'e9'}});
	});
});
