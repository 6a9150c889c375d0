import {readFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {defineConfig, type Plugin} from 'vitest/config';

// Ink's published source maps name files it does not ship, and Vite warns about each one it processes.
const withoutSourceMaps: Plugin = {
	name: 'ink-without-source-maps',
	enforce: 'pre',
	load(id) {
		if (!/\/node_modules\/ink(-testing-library)?\/build\/.*\.js$/.test(id)) return undefined;
		return readFileSync(id, 'utf8').replace(/^\/\/# sourceMappingURL=.*$/m, '');
	},
};

export default defineConfig({
	plugins: [withoutSourceMaps],
	resolve: {
		// Ink and its helpers measure text as terminals do, as in the build (esbuild.config.mjs).
		alias: {'string-width': fileURLToPath(new URL('source/text/string-width.ts', import.meta.url))},
	},
	test: {
		include: ['test/**/*.test.{ts,tsx}'],
		// CLI and terminal tests run dist/, built once here from the current sources.
		globalSetup: ['test/setup/build.ts'],
		testTimeout: 10_000,
		// The JSON report is what .ci/run counts; the default reporter is what people read.
		reporters: ['default', ['json', {outputFile: '.test-results/vitest.json'}]],
		// Processed by Vite, so the alias above reaches their imports of string-width.
		server: {deps: {inline: ['ink', 'ink-testing-library', 'wrap-ansi', 'widest-line', 'cli-truncate']}},
	},
});
