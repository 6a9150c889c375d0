import {mkdtemp, readFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import {describe, expect, it} from 'vitest';
import {cellWidth} from '../../source/text/cells.js';
import {CLI, runCli} from '../helpers/run-cli.js';

const SMALL = fileURLToPath(new URL('../fixtures/cli/small.json', import.meta.url));
const SCHEMA = fileURLToPath(new URL('../../schema/timescope-1.schema.json', import.meta.url));

async function schemaValidator() {
	const ajv = new Ajv2020.default({allErrors: true, strict: false});
	addFormats.default(ajv);
	return ajv.compile(JSON.parse(await readFile(SCHEMA, 'utf8')));
}

describe('--print', () => {
	it('lists events in date order with dates at their precision, summaries and attributed quotes', async () => {
		const {code, stdout, stderr} = await runCli([SMALL, '--print']);
		expect(stderr).toBe('');
		expect(code).toBe(0);
		expect(stdout).toMatch(/^Small test timeline\n3 events · 3 quotes · as of publication \(2 Jan 2026\)\n/);
		const order = ['2024', '22–28 Dec 2025 · “last week”', '1 Jan 2026'].map((date) =>
			stdout.indexOf(`\n${date}`),
		);
		expect(order.every((at, i) => at > 0 && (i === 0 || at > (order[i - 1] ?? 0)))).toBe(true);
		expect(stdout).toContain(
			'  “If they want oil, Venezuela is ready for US investment, like with Chevron,”',
		);
		expect(stdout).toContain('— Nicolas Maduro, 31 Dec 2025 · in an interview on state TV');
		expect(stdout).toContain('— Trump · partial quote');
		expect(stdout).toContain('Quotes not tied to an event');
		expect(stdout).toContain('22–28 Dec 2025 · “last week” · ended 5 days before publication (2 Jan 2026)');
		expect(stdout).toContain('2024 · 1–2 years before publication (2 Jan 2026)');
	});

	it('is plain text in a pipe and wraps to COLUMNS, measured in cells', async () => {
		const {stdout} = await runCli([SMALL, '--print'], {env: {COLUMNS: '40'}});
		expect(stdout).not.toContain('\u001b');
		const lines = stdout.split('\n');
		expect(Math.max(...lines.map(cellWidth))).toBeLessThanOrEqual(40);
		expect(lines).toContain('  A reported CIA-led strike on a docking');
	});

	it('defaults to 80 columns', async () => {
		const {stdout} = await runCli([SMALL, '--print']);
		const widths = stdout.split('\n').map(cellWidth);
		expect(Math.max(...widths)).toBeLessThanOrEqual(80);
		expect(Math.max(...widths)).toBeGreaterThan(60);
	});

	it('filters by date window, actor (accent-insensitive) and tag', async () => {
		const from = await runCli([SMALL, '--print', '--from', '2025-12']);
		expect(from.stdout).toContain('2 events · 3 quotes');
		expect(from.stdout).toContain('Filtered: from 2025-12');
		expect(from.stdout).not.toContain('Disputed election');
		const actor = await runCli([SMALL, '--print', '--actor', 'nicolás']);
		expect(actor.stdout).toContain('2 events · 1 quote');
		expect(actor.stdout).toContain('Filtered: actor Nicolas Maduro');
		const tags = await runCli([SMALL, '--print', '--tag', 'military', '--tag', 'elections']);
		expect(tags.stdout).toContain('2 events');
		const none = await runCli([SMALL, '--print', '--to', '2023']);
		expect(none.stdout).toContain('No events match the filters.');
	});

	it('matches tags, actors and places by name, ignoring case and accents, and says repeated values read as OR', async () => {
		const tags = await runCli([SMALL, '--print', '--tag', 'MILITARY', '--tag', 'Elections']);
		expect(tags.stdout).toContain('Filtered: tag military or elections\n');
		expect(tags.stdout).toContain('2 events');
		const actors = await runCli([
			SMALL,
			'--print',
			'--actor',
			'TRUMP',
			'--actor',
			'nicolás',
			'--place',
			'VENEZ',
		]);
		expect(actors.stdout).toContain('Filtered: actor Trump or Nicolas Maduro · place Venezuela\n');
	});

	it('lists a single event with --event', async () => {
		const {stdout} = await runCli([SMALL, '--print', '--event', 'strike']);
		expect(stdout).toContain('1 event · 1 quote');
		expect(stdout).toContain('Reported strike on a docking area');
		expect(stdout).not.toContain('Interview aired');
	});
});

describe('--json', () => {
	it('writes the dataset in timescope/1, valid against the published schema', async () => {
		const validate = await schemaValidator();
		const {code, stdout} = await runCli([SMALL, '--json']);
		expect(code).toBe(0);
		const doc = JSON.parse(stdout);
		expect(validate(doc)).toBe(true);
		expect(doc).toEqual(JSON.parse(await readFile(SMALL, 'utf8')));
	});

	it('writes only what the filters keep, with no reference left dangling', async () => {
		const validate = await schemaValidator();
		const {stdout} = await runCli([SMALL, '--json', '--tag', 'military']);
		const doc = JSON.parse(stdout);
		expect(validate(doc)).toBe(true);
		expect(doc.events.map((event: {id: string}) => event.id)).toEqual(['strike']);
		expect(doc.quotes.map((quote: {id: string}) => quote.id)).toEqual(['shore']);
		const reread = await runCli(['validate', '-'], {stdin: stdout});
		expect(reread.stdout).toBe('<stdin>: ok (1 event, 1 quote)\n');
	});
});

describe('--search', () => {
	it('prints ranked quotes with speaker, date and event', async () => {
		const {code, stdout} = await runCli([SMALL, '--search', 'chevron', '--print']);
		expect(code).toBe(0);
		expect(stdout).toMatch(/^1 quote matches “chevron”, best first\n\n1\. {2}“If they want oil/);
		expect(stdout).toContain('— Nicolas Maduro, 31 Dec 2025');
		expect(stdout).toContain('1 Jan 2026 · Interview aired on state TV');
	});

	it('writes the documented JSON shape, best first', async () => {
		const {stdout} = await runCli([SMALL, '--search', 'nicolas', '--json']);
		const result = JSON.parse(stdout);
		expect(Object.keys(result)).toEqual(['query', 'total', 'counts', 'order', 'results']);
		expect(result.query).toBe('nicolas');
		// Nicolás Maduro speaks the one quote and takes part in two events.
		expect(result.counts).toEqual({events: 2, quotes: 1, eras: 0});
		expect(result.total).toBe(3);
		expect(result.order).toBe('score');
		expect(result.results.find((r: {kind: string}) => r.kind === 'event')).toEqual({
			kind: 'event',
			score: expect.any(Number),
			event: expect.objectContaining({
				id: expect.any(String),
				date: expect.any(String),
				title: expect.any(String),
			}),
		});
		expect(result.results.find((r: {kind: string}) => r.kind === 'quote')).toEqual({
			kind: 'quote',
			score: expect.any(Number),
			quote: expect.objectContaining({id: 'chevron', speaker: 'maduro'}),
			speaker: {id: 'maduro', name: 'Nicolas Maduro'},
			events: [{id: 'interview-aired', date: '2026-01-01', title: 'Interview aired on state TV'}],
		});
	});

	it('narrows to a speaker with @name and says so when nothing matches', async () => {
		const trump = JSON.parse((await runCli([SMALL, '--search', '@trump', '--json'])).stdout);
		const quotes = trump.results.filter((r: {kind: string}) => r.kind === 'quote');
		expect(quotes.map((r: {quote: {id: string}}) => r.quote.id).sort()).toEqual(['loose', 'shore']);
		const none = await runCli([SMALL, '--search', 'zzzzqqq', '--print']);
		expect(none.stdout).toBe('Nothing matches “zzzzqqq”.\n');
	});

	it('respects --limit and filters', async () => {
		const limited = JSON.parse(
			(await runCli([SMALL, '--search', '@trump', '--json', '--limit', '1'])).stdout,
		);
		expect(limited.counts).toEqual({events: 1, quotes: 2, eras: 0});
		expect(limited.total).toBe(3);
		expect(limited.results).toHaveLength(1);
		const filtered = JSON.parse(
			(await runCli([SMALL, '--search', '@trump', '--json', '--tag', 'military'])).stdout,
		);
		expect(filtered.counts.quotes).toBe(1);
	});
});

describe('validate', () => {
	it('says ok with counts on stdout, or lists every problem on stderr; exit 1 when any file is bad', async () => {
		const dir = await mkdtemp(join(tmpdir(), 'timescope-cli-'));
		const ok = await runCli(['validate', SMALL]);
		expect(ok).toEqual({code: 0, stdout: `${SMALL}: ok (3 events, 3 quotes)\n`, stderr: ''});
		const missing = join(dir, 'missing.json');
		const bad = await runCli(['validate', SMALL, missing]);
		expect(bad).toEqual({
			code: 1,
			stdout: `${SMALL}: ok (3 events, 3 quotes)\n${missing}: invalid, 1 problem\n`,
			stderr: `${missing}: no such file\n`,
		});
	});

	it('reads standard input with -', async () => {
		const run = await runCli(['validate', '-'], {
			stdin: '{"format": "timescope/1", "title": "x", "events": [}',
		});
		expect(run.code).toBe(1);
		expect(run.stderr).toMatch(/^<stdin>:1:52: \/events: expected a value/);
		expect(run.stdout).toMatch(/^<stdin>: invalid, \d+ problems?\n$/);
	});
});

describe('usage and failures', () => {
	it.each([
		[
			['--serch', 'oil'],
			/^timescope: unknown flag --serch \(did you mean --search\?\)\ntimescope: see timescope --help\n$/,
		],
		[['--search'], /^timescope: --search needs a value \(QUERY\)\ntimescope: see timescope --help\n$/],
		[[SMALL, '--print', '--json'], /^timescope: --print and --json cannot be used together\n/],
		[[SMALL, '--limit', '3'], /^timescope: --limit needs --search\n/],
		[[SMALL, '--limit', 'x', '--search', 'a'], /--limit expects a whole number ≥ 0, found "x"/],
		[
			[SMALL, '--from', '2025-13'],
			/--from: expected a date such as 2025-12, 2025-12-31, 2024 or Y-13800000000, found "2025-13"/,
		],
		[[SMALL, '--from', '2026', '--to', '2025'], /--to 2025 is before --from 2026/],
		[[SMALL, '--actor', 'nobody'], /--actor: no actor matches "nobody" \(known: maduro, trump\)/],
		[[SMALL, '--tag', 'nope'], /--tag: no tag matches "nope" \(known: elections, military, oil, diplomacy\)/],
		[[SMALL, '--event', 'nope', '--print'], /no event has the id "nope"/],
		[[SMALL, '--interactive'], /--interactive needs a terminal on stdin and stdout/],
		[['validate'], /validate needs at least one FILE/],
		[
			[SMALL, '--watch', '--print'],
			/--watch works only in the explorer \(a terminal, without --print or --json\)/,
		],
		[['a.json', 'b.json'], /expected one FILE, found 2/],
	])('%j exits 2 with a clear message and no stack trace', async (args, message) => {
		const run = await runCli(args);
		expect(run.code).toBe(2);
		expect(run.stderr).toMatch(message);
		expect(run.stderr).not.toMatch(/\n\s+at /);
		expect(run.stdout).toBe('');
	});

	it('exits 1 with located problems for data it cannot open, and no stack trace', async () => {
		const run = await runCli(['-', '--print'], {
			stdin: '{"format": "timescope/1", "title": "T", "events": [}',
		});
		expect(run).toEqual({
			code: 1,
			stdout: '',
			stderr:
				'<stdin>:1:52: /events: expected a value\n<stdin>:1:53: (root): expected "]" to close the array\n',
		});
	});

	const halfBad = JSON.stringify({
		format: 'timescope/1',
		title: 3,
		events: [
			{id: 'a', date: '2025-12', title: 'Kept'},
			{id: 'b', date: '2025-13', title: 'Left out'},
		],
	});

	it('shows every valid item, lists what it left out on stderr, and exits 3', async () => {
		const run = await runCli(['-', '--print'], {stdin: halfBad});
		expect(run.code).toBe(3);
		expect(run.stdout).toMatch(/^Untitled timeline\n1 event · 0 quotes\n\nDec 2025\n {2}Kept\n$/);
		expect(run.stderr.split('\n')).toEqual([
			'<stdin>:1:33: /title: expected a string, found number 3',
			expect.stringMatching(/^<stdin>:1:\d+: \/events\/1\/date: not an EDTF date/),
			'',
		]);
		const json = await runCli(['-', '--json'], {stdin: halfBad});
		expect(json.code).toBe(3);
		expect(JSON.parse(json.stdout).events.map((e: {id: string}) => e.id)).toEqual(['a']);
	});

	it('with --strict refuses such a file as validate does: exit 1, nothing on stdout', async () => {
		const run = await runCli(['-', '--print', '--strict'], {stdin: halfBad});
		expect(run.code).toBe(1);
		expect(run.stdout).toBe('');
		expect(run.stderr.split('\n')).toHaveLength(3);
		const search = await runCli(['-', '--search', 'kept', '--strict'], {stdin: halfBad});
		expect(search.code).toBe(1);
	});

	it('stops quietly when the reader closes the pipe early', async () => {
		const {spawnSync} = await import('node:child_process');
		const run = spawnSync('sh', ['-c', `"${process.execPath}" "${CLI}" "${SMALL}" --print | head -n 1`], {
			encoding: 'utf8',
		});
		expect(run.stdout).toBe('Small test timeline\n');
		expect(run.stderr).toBe('');
	});

	it('shows help with examples and the version', async () => {
		const help = await runCli(['--help']);
		expect(help.code).toBe(0);
		expect(help.stdout).toContain('$ timescope --search chevron --print');
		const version = await runCli(['--version']);
		expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
	});
});

describe('start-up path', () => {
	it('never loads the explorer (Ink, React) for print, JSON or validate', async () => {
		const dir = await mkdtemp(join(tmpdir(), 'timescope-trace-'));
		const trace = join(dir, 'imports.txt');
		const preload = fileURLToPath(new URL('../helpers/trace-imports.mjs', import.meta.url));
		for (const args of [
			[SMALL, '--print'],
			[SMALL, '--json'],
			['validate', SMALL],
			[SMALL, '--search', 'oil'],
		]) {
			const {spawnSync} = await import('node:child_process');
			const run = spawnSync(process.execPath, ['--import', preload, CLI, ...args], {
				env: {...process.env, TRACE_IMPORTS_FILE: trace},
				encoding: 'utf8',
			});
			expect(run.status).toBe(0);
		}
		const loaded = await readFile(trace, 'utf8');
		expect(loaded).toContain('dist/cli.js');
		expect(loaded).not.toMatch(/interactive|node_modules\/(ink|react)\//);
	});
});

describe('colour and width in a pipe', () => {
	const SGR = /\u001b\[[0-9;]*m/;

	it('is plain by default, coloured with --color=always or FORCE_COLOR, plain again with --color never', async () => {
		expect((await runCli([SMALL])).stdout).not.toMatch(SGR);
		const always = await runCli([SMALL, '--color=always']);
		expect(always.stdout).toMatch(/^\u001b\[1mSmall test timeline\u001b\[22m\n/);
		expect((await runCli([SMALL, '--search', 'oil'], {env: {FORCE_COLOR: '1'}})).stdout).toMatch(SGR);
		const never = await runCli([SMALL, '--color', 'never'], {env: {FORCE_COLOR: '1'}});
		expect(never.stdout).not.toMatch(SGR);
	});

	it('wraps at --width, which beats COLUMNS', async () => {
		const {stdout} = await runCli([SMALL, '--width', '30'], {env: {COLUMNS: '100'}});
		const widths = stdout.split('\n').map(cellWidth);
		expect(Math.max(...widths)).toBeLessThanOrEqual(30);
		expect(stdout).toContain('\n2024 · 1–2 years before\npublication (2 Jan 2026)\n');
	});
});
