import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {LEGEND} from '../../source/state/legend.js';

describe('the notation legend', () => {
	it('is the README’s table, row for row', () => {
		const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
		const start = readme.indexOf('| shown | means |');
		expect(start, 'README has the notation table').toBeGreaterThan(0);
		const rows = readme
			.slice(start)
			.split('\n')
			.slice(2)
			.filter((line, i, all) => line.startsWith('| ') && all.slice(0, i).every((l) => l.startsWith('| ')));
		expect(rows).toEqual(LEGEND.map((entry) => `| \`${entry.example}\` | ${entry.meaning} |`));
	});

	it('explains every mark the date wording uses', () => {
		const examples = LEGEND.map((entry) => entry.example).join(' ');
		for (const mark of [
			'c. ',
			'?',
			'ongoing',
			'between',
			'by ',
			'or later',
			'BC',
			'❝',
			'“…”',
			'(reported)',
		]) {
			expect(examples, mark).toContain(mark);
		}
	});
});
