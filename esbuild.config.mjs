// Bundles the CLI into dist/: one file for the print/JSON/validate paths, and chunks that only the
// explorer loads (Ink, React), so the non-interactive paths start fast. Run by `npm run build`; the
// start-up bench bundles its minimal meow CLI with the same OPTIONS.
import {createHash} from 'node:crypto';
import {chmod, readdir, readFile, rename, rm} from 'node:fs/promises';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {build} from 'esbuild';

export const OPTIONS = {
	bundle: true,
	splitting: true,
	format: 'esm',
	platform: 'node',
	target: 'node20',
	// Prefer ESM builds: some packages' "main" is a UMD wrapper that esbuild cannot follow.
	mainFields: ['module', 'main'],
	jsx: 'automatic',
	// Ink and its helpers measure text as terminals do (glibc's wcwidth), not as the string-width
	// package does: see source/text/cells.ts.
	alias: {'string-width': fileURLToPath(new URL('source/text/string-width.ts', import.meta.url))},
	// Ink loads its devtools bridge only when DEV=true; it is not a dependency.
	external: ['react-devtools-core'],
	// Bundled CommonJS dependencies still call require() for Node built-ins.
	banner: {
		js: "import {createRequire as __createRequire} from 'node:module'; const require = __createRequire(import.meta.url);",
	},
	define: {'process.env.NODE_ENV': '"production"'},
	legalComments: 'none',
	logLevel: 'warning',
};

/**
 * A hash of the sources and the locked dependencies: the cache (source/open/cache.ts) reads only
 * entries written by the same code, and a rebuild of unchanged sources keeps them.
 */
async function sourcesHash() {
	const hash = createHash('sha256');
	const files = (await readdir('source', {recursive: true})).filter((name) => /\.tsx?$/.test(name)).sort();
	for (const name of files) hash.update(name).update(await readFile(join('source', name)));
	hash.update(await readFile('package-lock.json'));
	return hash.digest('hex').slice(0, 16);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
	// Built aside and swapped in, so a test or a running explorer never sees a half-written dist/.
	const staging = `dist.${process.pid}`;
	await build({
		...OPTIONS,
		// The explorer loads big files in a process of their own: its module sits beside the CLI's.
		entryPoints: {cli: 'source/cli.ts', 'load-worker': 'source/open/load-worker.ts'},
		outdir: staging,
		define: {...OPTIONS.define, TIMESCOPE_BUILD: JSON.stringify(await sourcesHash())},
	});
	await chmod(`${staging}/cli.js`, 0o755);
	await rm('dist', {recursive: true, force: true});
	await rename(staging, 'dist');
}
