import {NO_MATCH, typosOf} from './scan.js';

/**
 * fuse.js's scoring, as far as the candidate stage needs it to pick what fuse.js will rank best.
 * fuse.js multiplies, over every (term, field) that matches, score^(key weight × field norm), where
 * the weight is the key's (fields.ts), the norm is 1/√(words in the field) and the score is given
 * by logScores. The log of that product
 * is a sum, which the candidate stage adds up per quote as it matches.
 */

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
 * The code (past every typo count) of a fuzzy term that is the whole field: fuse.js scores a field
 * equal to the pattern 0, raised to ε, as it does its exact operators (a tag `oil` for the query
 * `oil`).
 */
export const WHOLE = 63;
// fuse.js's bitap never scores a match below 0.001, even an exact one; only its exact operators
// (', ^, $, =) and a field equal to the pattern score 0, which it raises to ε.
const LOG_BITAP_FLOOR = Math.log(0.001);

/**
 * log(fuse.js score) of a term matching one field with `code` (see scan.ts), by code: 0 for no
 * match, else what fuse.js would score it: for a fuzzy term log 0.001 when exact (wherever it is in
 * the word, as for fuse.js) and log(typos / length) with typos; log ε for the exact operators. That
 * exact matches all score the same is what lets a pass stop reading a quote at its first one.
 */
export function logScores(length: number, fuzzy: boolean): Float64Array {
	return Float64Array.from({length: 64}, (_, code) => {
		if (code === NO_MATCH) return 0;
		if (!fuzzy || code === WHOLE) return LOG_EPSILON;
		const typos = typosOf(code);
		return typos > 0 ? Math.log(Math.max(0.001, typos / length)) : LOG_BITAP_FLOOR;
	});
}
