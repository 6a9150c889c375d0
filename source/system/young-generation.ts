import {setFlagsFromString} from 'node:v8';

/**
 * The explorer's heap: keep V8's young generation near its starting size instead of letting it grow
 * to 32 MB during the burst of allocation that opens a big file. The explorer's big data lives in
 * typed arrays outside the heap, and what it allocates afterwards (a frame, a search) is short-lived
 * and small, so the larger young generation bought nothing there but 20 MB of resident memory that
 * it never gave back (100k events, 200k quotes: 315 → 296 MB with the index; cached open and
 * key-to-frame times unchanged, bench/README.md). The loading process is another process: it keeps
 * V8's defaults for its own burst.
 *
 * V8 reads this flag each time it considers growing the young generation, so setting it once the
 * process runs takes effect from then on.
 */
export function keepYoungGenerationSmall(): void {
	setFlagsFromString('--semi-space-growth-factor=1');
}
