import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';
import {BUNDLED, runCli} from '../helpers/run-cli.js';

/** `--search` in print and JSON modes: every kind of result, `--kind`, and the query's cap. */

const SMALL = fileURLToPath(new URL('../fixtures/cli/small.json', import.meta.url));

interface Result {
	kind: string;
	score: number;
	event?: {id: string; date: string; title: string; summary?: string};
	quote?: {id: string};
	era?: {id: string; date: string; title: string};
}

async function json(
	args: string[],
): Promise<{total: number; counts: Record<string, number>; order: string; results: Result[]}> {
	const run = await runCli(args);
	expect(run.stderr).toBe('');
	expect(run.code).toBe(0);
	return JSON.parse(run.stdout);
}

describe('--search results of every kind', () => {
	it('finds an event without quotes by its title, with id, date, title and summary', async () => {
		const result = await json([BUNDLED, '--search', 'More than 80 prisoners released', '--json']);
		const [first] = result.results;
		expect(first?.kind).toBe('event');
		expect(Object.keys(first ?? {})).toEqual(['kind', 'score', 'event']);
		expect(first?.event).toEqual({
			id: 'prisoner-release',
			date: expect.any(String),
			title: 'More than 80 prisoners released',
			summary: expect.stringContaining('prisoners'),
		});
	});

	it('--kind keeps one kind, and counts only it', async () => {
		const quotes = await json([SMALL, '--search', 'maduro', '--kind', 'quotes', '--json']);
		expect(quotes.results.every((r) => r.kind === 'quote')).toBe(true);
		expect(quotes.counts).toEqual({events: 0, quotes: quotes.total, eras: 0});
		const events = await json([SMALL, '--search', 'maduro', '--kind', 'events', '--json']);
		expect(events.results.length).toBeGreaterThan(0);
		expect(events.results.every((r) => r.kind === 'event')).toBe(true);
		const bad = await runCli([SMALL, '--search', 'x', '--kind', 'people']);
		expect(bad.code).toBe(2);
		expect(bad.stderr).toMatch(/--kind/);
	});

	it('a query without search words lists every record it keeps in time order', async () => {
		// (An empty --search is refused as a missing value; a blank one is a query of no words.)
		const all = await json([SMALL, '--search', ' ', '--limit', '0', '--json']);
		expect(all.order).toBe('time');
		expect(all.total).toBe(all.results.length);
		expect(all.results.every((r) => r.score === 0)).toBe(true);
		const firstQuote = all.results.findIndex((r) => r.kind === 'quote');
		const firstEvent = all.results.findIndex((r) => r.kind === 'event');
		expect(firstEvent).toBeLessThan(firstQuote);
	});

	it('prints each result with its kind and date', async () => {
		const {code, stdout} = await runCli([BUNDLED, '--search', 'prisoners', '--print']);
		expect(code).toBe(0);
		expect(stdout).toMatch(/^\d+ events? (?:and \d+ quotes? )?match(?:es)? “prisoners”, best first/);
		expect(stdout).toMatch(/\n1\. {2}More than 80 prisoners released\n {8}event · 1 Jan 2026/);
	});
});

describe('a long --search', () => {
	it('is refused in bounded time and memory, as a usage error naming the cap', async () => {
		const began = Date.now();
		const run = await runCli([BUNDLED, '--search', 'oil '.repeat(10_000), '--json'], {
			env: {NODE_OPTIONS: '--max-old-space-size=128'},
		});
		expect(Date.now() - began).toBeLessThan(10_000);
		expect(run.code).toBe(2);
		expect(run.stdout).toBe('');
		expect(run.stderr).toContain('--search: a query holds at most 1,000 characters, this one has 40,000');
	});

	it('up to the cap runs, a phrase of a thousand characters included', async () => {
		const words = Array.from({length: 200}, (_, i) => `w${i}`)
			.join(' ')
			.slice(0, 998);
		const result = await json([BUNDLED, '--search', `"${words}"`, '--json']);
		expect(result.total).toBe(0);
		const many = await json([BUNDLED, '--search', 'oil '.repeat(250).trim(), '--json']);
		expect(many.total).toBeGreaterThan(0);
	});
});
