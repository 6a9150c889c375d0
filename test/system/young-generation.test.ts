import {spawnSync} from 'node:child_process';
import {fileURLToPath} from 'node:url';
import {expect, it} from 'vitest';

const MODULE = fileURLToPath(new URL('../../source/system/young-generation.ts', import.meta.url));

/** The young generation's size after a burst of short-lived allocation, in MB, in a fresh process. */
function youngGenerationAfterBurst(small: boolean): number {
	const script = `
		import {getHeapSpaceStatistics} from 'node:v8';
		${small ? `const {keepYoungGenerationSmall} = await import(${JSON.stringify(MODULE)}); keepYoungGenerationSmall();` : ''}
		const kept = [];
		for (let i = 0; i < 2_000_000; i++) {
			const item = {i, text: 'x' + i};
			if (i % 8 === 0) kept.push(item);
		}
		const space = getHeapSpaceStatistics().find((s) => s.space_name === 'new_space');
		process.stdout.write(String(space.space_size / 2 ** 20) + ' ' + kept.length);
	`;
	const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '--eval', script], {
		encoding: 'utf8',
	});
	expect(run.stderr).toBe('');
	return Number(run.stdout.split(' ')[0]);
}

it('keeps the explorer’s young generation near its starting size through a burst of allocation', () => {
	const grown = youngGenerationAfterBurst(false);
	const kept = youngGenerationAfterBurst(true);
	expect(grown).toBeGreaterThanOrEqual(16);
	expect(kept).toBeLessThanOrEqual(8);
});
