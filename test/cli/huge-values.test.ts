import {mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {cellWidth} from '../../source/text/cells.js';
import {runCli} from '../helpers/run-cli.js';

/**
 * A 10 MB quote and a 100 000-character title are data to keep, not text to lay out: every output
 * shows them cut (and says where the rest is), JSON keeps them whole, and nothing hangs or overflows.
 */

const QUOTE = `${'word '.repeat(2_000_000)}end`;
const TITLE = 'T'.repeat(100_000);
const dir = mkdtempSync(join(tmpdir(), 'timescope-huge-'));
const FILE = join(dir, 'huge.json');
writeFileSync(
	FILE,
	JSON.stringify({
		format: 'timescope/1',
		title: TITLE,
		actors: [{id: 'a', name: 'A speaker'}],
		events: [{id: 'e', date: '2025-12-31', title: TITLE}],
		quotes: [{id: 'q', text: QUOTE, speaker: 'a', events: ['e']}],
	}),
);

function expectCutToWidth(stdout: string): void {
	const lines = stdout.split('\n');
	expect(Math.max(...lines.map(cellWidth))).toBeLessThanOrEqual(80);
	// 20 000 characters shown at most per string, wrapped: far fewer lines than 10 MB would need.
	expect(lines.length).toBeLessThan(2_000);
	// The note may wrap like any other words.
	expect(stdout).toMatch(/… \[[\d,]+ more\s+characters;\s+the\s+whole\s+text\s+is\s+in\s+--json\]/);
}

describe('huge values', () => {
	it('--print lists a 10 MB quote and a 100 000-character title cut, within seconds', async () => {
		const {code, stdout, stderr} = await runCli([FILE, '--print']);
		expect(stderr).toBe('');
		expect(code).toBe(0);
		expectCutToWidth(stdout);
		expect(stdout).toContain('A speaker');
	});

	it('--search finds and highlights in the 10 MB quote without overflowing the stack', async () => {
		const {code, stdout, stderr} = await runCli([FILE, '--search', 'word', '--print']);
		expect(stderr).toBe('');
		expect(code).toBe(0);
		expect(stdout).toMatch(/^1 quote matches “word”, best first\n\n1\. {2}“word word/);
		expectCutToWidth(stdout);
		// The candidate stage reads the whole text: the last word is found too.
		const last = await runCli([FILE, '--search', "'end", '--json']);
		expect(last.code).toBe(0);
		expect(JSON.parse(last.stdout).total).toBe(1);
	});

	it('--json keeps every character', async () => {
		const {code, stdout} = await runCli([FILE, '--json']);
		expect(code).toBe(0);
		const doc = JSON.parse(stdout);
		expect(doc.quotes[0].text).toBe(QUOTE);
		expect(doc.events[0].title).toBe(TITLE);
	});
});
