/**
 * Searching and indexing are written as generators that yield every millisecond or so: the same
 * code runs in one go (print mode, tests) or in slices between which the event loop reads keys.
 */

/** Longest stretch the async paths hold the event loop: input is read between slices. */
const SLICE_MS = 6;

export function runToEnd<T>(work: Generator<void, T>): T {
	for (;;) {
		const step = work.next();
		if (step.done) return step.value;
	}
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Run `work` in slices of `sliceMs`; undefined when `signal` aborts it between slices. */
export async function runSliced<T>(
	work: Generator<void, T>,
	{signal, sliceMs = SLICE_MS, onSlice}: {signal?: AbortSignal; sliceMs?: number; onSlice?: () => void},
): Promise<T | undefined> {
	for (;;) {
		await nextTurn();
		if (signal?.aborted) {
			// Runs the work's `finally` blocks: what it holds goes back to the pool.
			work.return(undefined as T);
			return undefined;
		}
		const until = performance.now() + sliceMs;
		for (;;) {
			const step = work.next();
			if (step.done) return step.value;
			if (performance.now() >= until) break;
		}
		onSlice?.();
	}
}
