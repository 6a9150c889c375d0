/**
 * Stable ids for imported items. An id must survive re-imports of the same file (the explorer keeps
 * the cursor on an event id across reloads), so it is derived from content, never from a counter
 * alone, and clashes are settled in document order with -2, -3...
 */

const MAX_SLUG = 60;
/** The schema's id rule: no whitespace, no C0/C1 controls; and at most 200 characters. */
const NOT_ID = /[\s\u0000-\u001f\u007f-\u009f]+/gu;
const MAX_ID = 200;

/**
 * Lowercase words joined by dashes, Latin letters without accents: `Rózsa Péter writes recursion` →
 * `rozsa-peter-writes-recursion`. Only the combining marks on Latin letters go (in other scripts a
 * mark makes another letter: が is not か, й is not и), and the rest is composed again (NFC), so
 * Hangul, which decomposition splits into letters, comes back as typed.
 */
export function slugify(text: string): string {
	const words = text
		.normalize('NFKD')
		.replace(/(\p{Script=Latin})\p{M}+/gu, '$1')
		.normalize('NFC')
		.toLowerCase()
		.split(/[^\p{L}\p{N}]+/u)
		.filter(Boolean);
	let slug = '';
	for (const word of words) {
		const next = slug ? `${slug}-${word}` : word;
		if (next.length > MAX_SLUG) return slug || word.slice(0, MAX_SLUG);
		slug = next;
	}
	return slug;
}

/** An id the schema accepts, keeping a producer's own id as close to its original as possible (in NFC). */
export function toValidId(text: string): string {
	return text.normalize('NFC').trim().replace(NOT_ID, '-').slice(0, MAX_ID);
}

export class IdAllocator {
	readonly #taken = new Set<string>();
	/** Where to resume counting for a stem, so 10 000 slides with one headline stay linear. */
	readonly #next = new Map<string, number>();

	/** Claims `id` exactly; false when it is already taken. */
	reserve(id: string): boolean {
		if (this.#taken.has(id)) return false;
		this.#taken.add(id);
		return true;
	}

	/** `base`, or the first free `base-2`, `base-3`, ... */
	allocate(base: string): string {
		const stem = base.slice(0, MAX_ID - 8);
		if (this.reserve(stem)) return stem;
		for (let n = this.#next.get(stem) ?? 2; ; n++) {
			const candidate = `${stem}-${n}`;
			if (this.reserve(candidate)) {
				this.#next.set(stem, n + 1);
				return candidate;
			}
		}
	}
}
