import {execFileSync} from 'node:child_process';

// CLI and terminal tests run the built bundle, exactly what `npm start` and users run.
export default function buildOnce(): void {
	execFileSync(process.execPath, ['esbuild.config.mjs'], {stdio: 'inherit'});
}
