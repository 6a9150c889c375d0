import {createHash} from 'node:crypto';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {contentHash} from '../../source/open/identity.js';

describe('the whole-content hash that checks a cached open', () => {
	let dir: string;
	beforeEach(() => {
		dir = mkdtempSync(join(tmpdir(), 'timescope-identity-'));
	});
	afterEach(() => rmSync(dir, {recursive: true, force: true}));

	it('hashes every byte of a file read in several pieces, the last one short', async () => {
		// 2.5 MB: two full 1 MB pieces and a half one, each byte telling its place.
		const bytes = Buffer.alloc(2.5 * 2 ** 20);
		for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 31 + (i >> 20)) & 0xff;
		const file = join(dir, 'big.json');
		writeFileSync(file, bytes);
		expect(await contentHash(file)).toBe(createHash('sha256').update(bytes).digest('hex'));
	});

	it('hashes an empty file, and gives undefined for a missing one or when stopped', async () => {
		const empty = join(dir, 'empty.json');
		writeFileSync(empty, '');
		expect(await contentHash(empty)).toBe(createHash('sha256').digest('hex'));
		expect(await contentHash(join(dir, 'gone.json'))).toBeUndefined();
		const stopped = new AbortController();
		stopped.abort();
		expect(await contentHash(empty, stopped.signal)).toBeUndefined();
	});
});
