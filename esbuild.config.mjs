// Bundles the CLI into dist/: one file for the print/JSON/validate paths, and chunks that only the
// explorer loads (Ink, React), so the non-interactive paths start fast. Run by `npm run build`; the
// start-up bench bundles its minimal meow CLI with the same OPTIONS.
import {chmod, rename, rm} from 'node:fs/promises';
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

if (process.argv[1] === fileURLToPath(import.meta.url)) {
	// Built aside and swapped in, so a test or a running explorer never sees a half-written dist/.
	const staging = `dist.${process.pid}`;
	await build({...OPTIONS, entryPoints: ['source/cli.ts'], outdir: staging});
	await chmod(`${staging}/cli.js`, 0o755);
	await rm('dist', {recursive: true, force: true});
	await rename(staging, 'dist');
}
