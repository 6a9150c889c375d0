import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {loadText} from '../../source/dataset/load.js';
import {formatProblems} from '../../source/dataset/problems.js';

/**
 * Pathological shapes in every input format: deep nesting, huge arrays, long strings, many or long
 * keys, prototype names, and texts cut anywhere. Each load must end soon, in bounded memory, with a
 * clear result: the file opened, or one line a problem, each with a code, none longer than a screen
 * can use.
 */

const NAMES = ['toString', 'constructor', '__proto__', 'valueOf', 'hasOwnProperty'];

/** A JSON value text, as big or as deep as it gets. */
const payload = fc.oneof(
	fc.integer({min: 1, max: 100_000}).map((depth) => '['.repeat(depth) + ']'.repeat(depth)),
	fc.integer({min: 1, max: 50_000}).map((depth) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`),
	fc.integer({min: 1, max: 100_000}).map((items) => `[${'1,'.repeat(items)}1]`),
	fc.integer({min: 1, max: 1_000_000}).map((length) => JSON.stringify('x'.repeat(length))),
	fc
		.integer({min: 1, max: 10_000})
		.map((keys) => JSON.stringify(Object.fromEntries(Array.from({length: keys}, (_, i) => [`k${i}`, i])))),
	fc.integer({min: 1, max: 100_000}).map((length) => `{"${'k'.repeat(length)}":1}`),
	fc.constantFrom(...NAMES).map((name) => `{"${name}":{"${name}":[1]}}`),
	fc.constantFrom('null', 'true', '-0', '1e999', '""', '{}', '[]'),
);

/** Where a payload goes, for each format (the file name says the format where content cannot). */
const SLOTS: Record<string, {file: string; text: (value: string) => string}> = {
	'timescope title': {file: 'f.json', text: (p) => `{"format":"timescope/1","title":${p},"events":[]}`},
	'timescope events': {file: 'f.json', text: (p) => `{"format":"timescope/1","title":"T","events":${p}}`},
	'timescope event field': {
		file: 'f.json',
		text: (p) => `{"format":"timescope/1","title":"T","events":[{"id":"e","date":"2025","title":${p}}]}`,
	},
	'timescope extensions': {
		file: 'f.json',
		text: (p) =>
			`{"format":"timescope/1","title":"T","extensions":{"x":${p}},"events":[{"id":"e","date":"2025","title":"t","extensions":{"y":${p}}}]}`,
	},
	'timescope quote speaker': {
		file: 'f.json',
		text: (p) =>
			`{"format":"timescope/1","title":"T","events":[],"quotes":[{"id":"q","text":"t","speaker":${p}}]}`,
	},
	'NDJSON item': {
		file: 'f.ndjson',
		text: (p) =>
			`{"format":"timescope/1","title":"T"}\n{"event":${p}}\n{"quote":{"id":"q","text":${p},"speaker":"a"}}`,
	},
	'NDJSON line': {file: 'f.ndjson', text: (p) => `{"format":"timescope/1","title":"T"}\n${p}\n${p}`},
	'NDJSON counts': {
		file: 'f.ndjson',
		text: (p) =>
			`{"format":"timescope/1","title":"T","counts":${p}}\n{"event":{"id":"e","date":"2025","title":"t"}}`,
	},
	'TimelineJS 3 slide': {
		file: 'f.json',
		text: (p) =>
			`{"title":{"text":{"headline":${p}}},"events":[{"start_date":{"year":2001},"text":{"headline":${p},"text":${p}},"media":${p}},{"start_date":${p}}]}`,
	},
	'TimelineJS 3 events': {file: 'f.json', text: (p) => `{"events":${p}}`},
	'TimelineJS 2 dates': {
		file: 'f.json',
		text: (p) =>
			`{"timeline":{"headline":"T","date":[{"startDate":"2001","headline":${p}},{"startDate":${p}}],"era":${p}}}`,
	},
	'TimelineJS CSV cell': {
		file: 'f.csv',
		text: (p) =>
			`Year,Month,Day,Headline,Text\n2001,,,"${p.replaceAll('"', '""')}",${p.length}\n${p.slice(0, 1000)}\n`,
	},
};

const BOUND_MS = 5000;
const BOUND_MB = 2048;

describe('pathological input, in every format', () => {
	it('ends soon, in bounded memory, with a clear result', async () => {
		await fc.assert(
			fc.asyncProperty(
				fc.constantFrom(...Object.keys(SLOTS)),
				payload,
				fc.option(fc.double({min: 0, max: 1, noNaN: true}), {nil: undefined}),
				fc.boolean(),
				async (slot, value, cut, strict) => {
					const {file, text} = SLOTS[slot] as (typeof SLOTS)[string];
					const whole = text(value);
					// A text cut anywhere: a file half written, or a download that stopped.
					const input = cut === undefined ? whole : whole.slice(0, Math.floor(whole.length * cut));
					const started = performance.now();
					const loaded = await loadText(input, file, {strict});
					expect(performance.now() - started).toBeLessThan(BOUND_MS);
					expect(process.memoryUsage().rss / 2 ** 20).toBeLessThan(BOUND_MB);
					if (!loaded.ok) expect(loaded.problems.length).toBeGreaterThan(0);
					const lines = formatProblems(loaded.problems, {omitted: loaded.omitted});
					expect(lines.length).toBeLessThanOrEqual(51);
					for (const problem of loaded.problems) expect(problem.code).toMatch(/^[a-z]+(-[a-z]+)*$/);
					for (const line of lines) expect(line.length).toBeLessThan(2000);
				},
			),
			{numRuns: 40},
		);
	}, 120_000);
});
