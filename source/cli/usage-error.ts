import leven from 'leven';

/** A mistake in how timescope was called: reported in one line (and a hint), exit code 2. */
export class UsageError extends Error {}

/**
 * The known word closest to a mistyped one, if it is close enough to be what was meant: a prefix of
 * it (`--sea` for `--search`), or within a third of its letters (`--serach`, `--actr`).
 */
export function closest(typed: string, known: readonly string[]): string | undefined {
	const wanted = typed.toLowerCase();
	if (wanted === '') return undefined;
	const prefixed = known.filter((word) => word.startsWith(wanted));
	if (prefixed.length === 1) return prefixed[0];
	let best: string | undefined;
	let bestDistance = Number.POSITIVE_INFINITY;
	for (const word of known) {
		const distance = leven(wanted, word);
		if (distance < bestDistance && distance <= Math.max(1, Math.floor(word.length / 3))) {
			best = word;
			bestDistance = distance;
		}
	}
	return best;
}
