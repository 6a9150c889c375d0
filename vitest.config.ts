import {defineConfig} from 'vitest/config';

export default defineConfig({
	test: {
		include: ['test/**/*.test.{ts,tsx}'],
		// CLI and terminal tests run dist/, built once here from the current sources.
		globalSetup: ['test/setup/build.ts'],
		testTimeout: 10_000,
		// The JSON report is what .ci/run counts; the default reporter is what people read.
		reporters: ['default', ['json', {outputFile: '.test-results/vitest.json'}]],
	},
});
