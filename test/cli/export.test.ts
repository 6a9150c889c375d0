import {parse} from 'csv-parse/sync';
import {describe, expect, it} from 'vitest';
import {BUNDLED, runCli} from '../helpers/run-cli.js';

/** --markdown and --csv: the explorer's export forms from the command line, after the filters. */

describe('--markdown and --csv', () => {
	it('write the filtered dataset as a Markdown chronology with citations', async () => {
		const run = await runCli([BUNDLED, '--markdown', '--actor', 'maduro']);
		expect(run.code).toBe(0);
		expect(run.stdout).toMatch(/^# Venezuela leader strikes conciliatory tone/);
		expect(run.stdout).toMatch(/^\d+ events and \d+ quotes; filters: actor Nicolas Maduro\.$/m);
		expect(run.stdout).toContain('Chevron,” — Nicolas Maduro, 31 Dec 2025');
		expect(run.stdout).not.toContain('## 31 Dec 2025 — US military strikes');
	});

	it('write CSV a spreadsheet reads back whole, a row per quote with its event', async () => {
		const run = await runCli([BUNDLED, '--csv']);
		expect(run.code).toBe(0);
		const rows = parse(run.stdout, {columns: true}) as Record<string, string>[];
		expect(rows.filter((row) => row.quote_id !== '').length).toBeGreaterThanOrEqual(13);
		expect(rows.find((row) => row.quote?.includes('Chevron'))).toMatchObject({
			speaker: 'Nicolas Maduro',
			said_when: '31 Dec 2025',
		});
	});

	it('go with neither --json nor --search', async () => {
		for (const args of [
			['--csv', '--json'],
			['--markdown', '--search', 'oil'],
			['--markdown', '--csv'],
		]) {
			const run = await runCli([BUNDLED, ...args]);
			expect(run.code, args.join(' ')).toBe(2);
			expect(run.stderr).toContain('cannot be used together');
		}
	});
});
