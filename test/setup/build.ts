import {execFileSync} from 'node:child_process';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';

// CLI and terminal tests run the built bundle, exactly what `npm start` and users run. The cache of
// opened files goes to a folder of the run's own, never the person's ~/.cache: what one test caches
// must not be found by another run, or by the person.
export default function buildOnce(): () => void {
	execFileSync(process.execPath, ['esbuild.config.mjs'], {stdio: 'inherit'});
	const cache = mkdtempSync(join(tmpdir(), 'timescope-test-cache-'));
	process.env.XDG_CACHE_HOME = cache;
	return () => rmSync(cache, {recursive: true, force: true});
}
