import {defineConfig} from 'vitest/config';

export default defineConfig({
	test: {
		include: ['test/**/*.test.{ts,tsx}'],
		testTimeout: 10_000,
		// The JSON report is what .ci/run counts; the default reporter is what people read.
		reporters: ['default', ['json', {outputFile: '.test-results/vitest.json'}]],
	},
});
