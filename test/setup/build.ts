import {execFileSync} from 'node:child_process';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';

// CLI and terminal tests run the built bundle, exactly what `npm start` and users run. The cache of
// opened files and the marks go to folders of the run's own, never the person's ~/.cache or
// ~/.local/state: what one test keeps must not be found by another run, or by the person.
export default function buildOnce(): () => void {
	execFileSync(process.execPath, ['esbuild.config.mjs'], {stdio: 'inherit'});
	const cache = mkdtempSync(join(tmpdir(), 'timescope-test-cache-'));
	const state = mkdtempSync(join(tmpdir(), 'timescope-test-state-'));
	process.env.XDG_CACHE_HOME = cache;
	process.env.XDG_STATE_HOME = state;
	return () => {
		for (const folder of [cache, state]) rmSync(folder, {recursive: true, force: true});
	};
}
