import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';
import {BUNDLED, runCli} from '../helpers/run-cli.js';

/**
 * `--print` says of each kind of time exactly what the data says, in the words the explorer uses;
 * eras head the events they hold, facts without a date come after the dated story, and date windows
 * treat each kind as documented.
 */

const KINDS = fileURLToPath(new URL('../fixtures/cli/kinds-of-time.json', import.meta.url));
const DEEP = fileURLToPath(new URL('../fixtures/cli/deep-time.json', import.meta.url));

/** Event titles in the order printed. */
function titles(stdout: string): string[] {
	return stdout
		.split('\n')
		.filter((line) => /^ {2}\S/.test(line) && !line.startsWith('  “') && !/^ {2}(Actors|\[)/.test(line))
		.map((line) => line.trim());
}

describe('--print: the kinds of time', () => {
	it('words each kind as the detail does, and says "ended" only for a real end', async () => {
		const {code, stdout, stderr} = await runCli([KINDS, '--print']);
		expect(stderr).toBe('');
		expect(code).toBe(0);
		expect(stdout).toContain('Kinds of time\n9 events · 2 quotes · as of publication (2 Jan 2026)\n');
		const lines = stdout.split('\n');
		for (const expected of [
			'2024 · 1–2 years before publication (2 Jan 2026)',
			'c. 2025 – ongoing · “for months” · ongoing as of publication (2 Jan 2026)',
			'some day between 22 and 28 Dec 2025 · “last week” · 5–11 days before publication',
			'22–28 Dec 2025 · ended 5 days before publication (2 Jan 2026)',
			'by 2 Jan 2026 (date not given) · no later than publication (2 Jan 2026)',
			'on or after 1 Dec 2025 (date not given) · no earlier than 32 days before',
		]) {
			expect(lines, expected).toContain(expected);
		}
		expect(stdout.match(/ended/g)).toHaveLength(1);
		expect(stdout).toContain('      — Harbour council, by 2 Jan 2026 (date not given)');
	});

	it('shows an actor the source only reports as involved with its qualifier', async () => {
		const {stdout} = await runCli([KINDS, '--print']);
		expect(stdout).toContain('  Actors: Harbour council, Coast agency (reported)');
	});

	it('keeps file order for events on the same date, whatever their ids', async () => {
		const {stdout} = await runCli([KINDS, '--print']);
		const order = titles(stdout);
		expect(order.indexOf('First of the day, as the file orders it')).toBe(
			order.indexOf('Second of the day, as the file orders it') - 1,
		);
	});

	it('lists what gives only a bound after the dated story, under its own heading', async () => {
		const {stdout} = await runCli([KINDS, '--print']);
		expect(titles(stdout).slice(-3)).toEqual([
			'Council statement',
			'Review of the works',
			'Harbour closed to tankers',
		]);
		const heading = stdout.indexOf('\nDate not given · reported by 2 Jan 2026\n');
		expect(heading).toBeGreaterThan(stdout.indexOf('Council statement'));
		expect(stdout).toContain('\nDate not given · on or after 1 Dec 2025\n');
	});

	it('writes an era heading where each era starts', async () => {
		const {stdout} = await runCli([KINDS, '--print']);
		const before = stdout.indexOf('\nEra: Before the works (2024 – Dec 2024)\n');
		const works = stdout.indexOf('\nEra: The works (2025 – Jan 2026)\n');
		expect(before).toBeGreaterThan(0);
		expect(before).toBeLessThan(stdout.indexOf('Council vote on the harbour'));
		expect(works).toBeGreaterThan(stdout.indexOf('Council vote on the harbour'));
		expect(works).toBeLessThan(stdout.indexOf('Harbour works under way'));
		expect(stdout.match(/^Era: /gm)).toHaveLength(2);
	});
});

describe('date windows', () => {
	const window = async (...flags: string[]) => titles((await runCli([KINDS, '--print', ...flags])).stdout);

	it('keep what may fall inside by default, and never what has no date', async () => {
		expect(await window('--from', '2026-01-02', '--to', '2026-01-02')).toEqual(['Harbour works under way']);
		expect(await window('--from', '2025-12-25', '--to', '2025-12-25')).toEqual([
			'Harbour works under way',
			'Fire at the dock',
			'Week of talks',
		]);
	});

	it('keep only what certainly falls inside with --certainly-inside', async () => {
		expect(await window('--from', '2025-12', '--to', '2025-12', '--certainly-inside')).toEqual([
			'Fire at the dock',
			'Week of talks',
			'First of the day, as the file orders it',
			'Second of the day, as the file orders it',
		]);
	});

	it('let undated items through with --include-undated, and say so', async () => {
		const {stdout} = await runCli([KINDS, '--print', '--to', '2024', '--include-undated']);
		expect(titles(stdout)).toEqual([
			'Council vote on the harbour',
			'Review of the works',
			'Harbour closed to tankers',
		]);
		expect(stdout).toContain('Filtered: to 2024 · with undated');
		expect(stdout).toContain('Words with no date and no event.');
	});

	it('refuse the window flags without a window', async () => {
		for (const flag of ['--certainly-inside', '--include-undated']) {
			const run = await runCli([KINDS, '--print', flag]);
			expect(run.code).toBe(2);
			expect(run.stderr).toContain(`${flag} needs --from or --to`);
		}
	});

	it('leave the bundled dataset’s undated facts out of a one-day window (issue 12)', async () => {
		const {stdout} = await runCli([BUNDLED, '--print', '--from', '2026-01-02', '--to', '2026-01-02']);
		expect(stdout).not.toContain('weapon of mass destruction');
		expect(stdout).toContain('Article published');
	});
});

describe('deep time in --print', () => {
	it('orders and words years from the Big Bang to the far future, BC and year 0 included', async () => {
		const {code, stdout} = await runCli([DEEP, '--print']);
		expect(code).toBe(0);
		const dates = stdout
			.split('\n')
			.filter((line) => /^\S/.test(line) && !/^(Deep time|\d+ events|From|Era|Outside)/.test(line));
		expect(dates).toEqual([
			'13.8 billion years ago',
			'4.54 billion years ago',
			'541–252 million years ago',
			'66 million years ago',
			'300,000 BC',
			'3500 BC',
			'500 BC',
			'1 BC',
			'1',
			'20 Jul 1969',
			'170,000,002',
		]);
		expect(stdout).toContain('\nEra: Before animals (13.8 billion – 541 million years ago)\n');
		expect(stdout).toContain('\nEra: Animals (541 million years ago – AD 1969)\n');
		expect(stdout).toContain('\nOutside any era\n');
	});

	it('filters deep time with long years', async () => {
		const {stdout} = await runCli([DEEP, '--print', '--from', 'Y-100000000', '--to', '-0001']);
		expect(titles(stdout)).toEqual([
			'An impact ends an age',
			'Walkers appear',
			'A wheel is drawn on a pot',
			'A city is founded',
		]);
	});

	it('converts deep time unchanged', async () => {
		const {stdout} = await runCli(['convert', DEEP]);
		const doc = JSON.parse(stdout) as {events: Array<{date: string}>};
		expect(doc.events.map((event) => event.date)).toContain('Y-13800000000');
	});
});
