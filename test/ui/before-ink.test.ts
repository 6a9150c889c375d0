import {expect, it} from 'vitest';

it('leaves fetch as it was once the explorer (and Ink with it) has loaded', async () => {
	const before = globalThis.fetch;
	await import('../../source/interactive.js');
	expect(typeof globalThis.fetch).toBe('function');
	expect(globalThis.fetch).toBe(before);
});
