import {NO_MATCH, typosOf} from './scan.js';

/**
 * fuse.js's scoring, as far as the candidate stage needs it to pick what fuse.js will rank best.
 * fuse.js multiplies, over every (term, field) that matches, score^(key weight × field norm), where
 * score is typos / length (ε when exact) and the norm is 1/√(words in the field). The log of that is
 * a sum, which the candidate stage adds up per quote as it matches.
 */

export const KEYS = [
	{name: 'text', weight: 3},
	{name: 'speaker', weight: 1},
	{name: 'aliases', weight: 1},
	{name: 'events', weight: 0.5},
] as const;

const TOTAL_WEIGHT = KEYS.reduce((sum, key) => sum + key.weight, 0);
export const TEXT_WEIGHT = KEYS[0].weight / TOTAL_WEIGHT;
export const SPEAKER_WEIGHT = KEYS[1].weight / TOTAL_WEIGHT;
export const ALIAS_WEIGHT = KEYS[2].weight / TOTAL_WEIGHT;
export const EVENT_WEIGHT = KEYS[3].weight / TOTAL_WEIGHT;

/** fuse.js's field-length norm: 1/√(number of words), to 3 decimals. */
function computeNorm(words: number): number {
	return Math.round(1000 / Math.sqrt(Math.max(1, words))) / 1000;
}

const NORMS = Float64Array.from({length: 1024}, (_, words) => computeNorm(words));

export function norm(words: number): number {
	return words < 1024 ? (NORMS[words] as number) : computeNorm(words);
}

const LOG_EPSILON = Math.log(Number.EPSILON);

/**
 * log(fuse.js score) of a term matching one field with `code` (see scan.ts), by code: 0 for no
 * match, log ε for an exact match (whole word, its start or inside it alike, as for fuse.js), the
 * log of typos / length otherwise. That exact matches all score the same is what lets a pass stop
 * reading a quote at its first exact match.
 */
export function logScores(length: number): Float64Array {
	return Float64Array.from({length: 64}, (_, code) => {
		if (code === NO_MATCH) return 0;
		const typos = typosOf(code);
		return typos > 0 ? Math.log(Math.max(0.001, typos / length)) : LOG_EPSILON;
	});
}
