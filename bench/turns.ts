import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join, resolve} from 'node:path';
import {openOnce} from './open.js';
import {timing} from './timing.js';

/**
 * Cached opens of builds in turns: `node --import tsx bench/turns.ts FILE DIST… [--runs N]`, each DIST a
 * folder holding a built `cli.js` (copy `dist/` aside before and after a change). Each build writes its
 * own cache entry with a first open, then the builds open FILE from their entries one after the other,
 * N rounds (10 by default). This machine's speed drifts by a third within the hour: two builds compare
 * only when measured in the same minutes, and alternating spreads the drift over both.
 */

const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const runs = runsAt === -1 ? 10 : Number(args[runsAt + 1]);
const [file, ...dists] = args.filter((_, i) => runsAt === -1 || (i !== runsAt && i !== runsAt + 1));
if (!file || dists.length === 0 || !(runs > 0)) {
	throw new Error('usage: bench/turns.ts FILE DIST… [--runs N]');
}
const builds = dists.map((dist) => ({
	cli: join(resolve(dist), 'cli.js'),
	cache: mkdtempSync(join(tmpdir(), 'timescope-turns-')),
	frames: [] as number[],
}));
try {
	for (const build of builds) await openOnce(file, build.cache, true, build.cli);
	for (let round = 0; round < runs; round++) {
		for (const build of builds)
			build.frames.push((await openOnce(file, build.cache, false, build.cli)).frameMs);
	}
	for (const build of builds) {
		const {min, p50, max} = timing(build.frames);
		process.stdout.write(
			`${build.cli}: cached open to the timeline ${min.toFixed(0)}–${max.toFixed(0)} ms, median ${p50.toFixed(0)} (${runs} runs)\n`,
		);
	}
} finally {
	for (const build of builds) rmSync(build.cache, {recursive: true, force: true});
}
