/**
 * Word → id, for building the index. A `Map<string, number>` costs ~400 ns a word here (every
 * word of every quote is a fresh substring to hash and compare: 40 s for a million quotes once the
 * heap is large); this table hashes and compares the characters where they lie in the folded text,
 * and allocates a string only for a word it has not seen.
 */
export class Vocabulary {
	/** Characters of every word, back to back; word i is `chars[starts[i] .. starts[i + 1])`. */
	private chars = new Uint16Array(1 << 16);
	private used = 0;
	private starts = new Uint32Array(1 << 12);
	private hashes = new Int32Array(1 << 12);
	/** Open addressing, linear probing: word id + 1, or 0 for empty. */
	private table = new Int32Array(1 << 13);
	size = 0;

	/** The id of `text[from..to)`, adding it if new. */
	idOf(text: string, from: number, to: number): number {
		let hash = 0x811c9dc5;
		for (let i = from; i < to; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
		const mask = this.table.length - 1;
		const length = to - from;
		for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
			const entry = this.table[slot] as number;
			if (entry === 0) break;
			const id = entry - 1;
			if (this.hashes[id] !== hash) continue;
			const start = this.starts[id] as number;
			if ((this.starts[id + 1] as number) - start !== length) continue;
			let same = true;
			for (let i = 0; i < length && same; i++) same = this.chars[start + i] === text.charCodeAt(from + i);
			if (same) return id;
		}
		return this.add(text, from, to, hash);
	}

	private add(text: string, from: number, to: number, hash: number): number {
		const id = this.size++;
		if (this.used + (to - from) > this.chars.length) this.chars = grow(this.chars, this.used + (to - from));
		for (let i = from; i < to; i++) this.chars[this.used++] = text.charCodeAt(i);
		if (id + 2 > this.starts.length) {
			this.starts = grow(this.starts, id + 2);
			this.hashes = grow(this.hashes, id + 2);
		}
		this.starts[id + 1] = this.used;
		this.hashes[id] = hash;
		if (this.size * 2 > this.table.length) this.rehash();
		else this.place(id);
		return id;
	}

	private place(id: number): void {
		const mask = this.table.length - 1;
		let slot = (this.hashes[id] as number) & mask;
		while (this.table[slot] !== 0) slot = (slot + 1) & mask;
		this.table[slot] = id + 1;
	}

	private rehash(): void {
		this.table = new Int32Array(this.table.length * 2);
		for (let id = 0; id < this.size; id++) this.place(id);
	}

	/** Every word, as strings, by id. */
	words(): string[] {
		const out = new Array<string>(this.size);
		for (let id = 0; id < this.size; id++) {
			out[id] = charsToString(this.chars, this.starts[id] as number, this.starts[id + 1] as number);
		}
		return out;
	}

	/**
	 * Give the words new ids (`renumber[old] = new`) and keep only what lookups need: the table and
	 * the hashes (the characters are in `words` now).
	 */
	finish(renumber: Uint32Array, words: WordList): WordLookup {
		const hashes = new Int32Array(this.size);
		for (let id = 0; id < this.size; id++) hashes[renumber[id] as number] = this.hashes[id] as number;
		const table = this.table;
		for (let slot = 0; slot < table.length; slot++) {
			const entry = table[slot] as number;
			if (entry !== 0) table[slot] = (renumber[entry - 1] as number) + 1;
		}
		return new WordLookup(table, hashes, words);
	}
}

/**
 * The words as the index keeps them: `\n` + the words joined by `\n` + `\n`, word i starting at
 * `starts[i]`, so a scan reads them as lines (scan.ts). One string and no string per word: a million
 * words as strings of their own took 18 MB more of the explorer's heap, and as much again in the cache.
 */
export class WordList {
	constructor(
		readonly text: string,
		readonly starts: Uint32Array,
	) {}

	static of(words: readonly string[]): WordList {
		const starts = new Uint32Array(words.length + 1);
		let offset = 1;
		for (let i = 0; i < words.length; i++) {
			starts[i] = offset;
			offset += (words[i] as string).length + 1;
		}
		starts[words.length] = offset;
		return new WordList(`\n${words.join('\n')}\n`, starts);
	}

	get size(): number {
		return this.starts.length - 1;
	}

	at(id: number): string {
		return this.text.slice(this.starts[id], (this.starts[id + 1] as number) - 1);
	}

	/** Whether word `id` is `word`, without making it a string. */
	is(id: number, word: string): boolean {
		const from = this.starts[id] as number;
		return (this.starts[id + 1] as number) - 1 - from === word.length && this.text.startsWith(word, from);
	}
}

/** Exact word → id at query time (for `=word` and phrases). */
export class WordLookup {
	constructor(
		private readonly table: Int32Array,
		private readonly hashes: Int32Array,
		private readonly words: WordList,
	) {}

	get(word: string): number | undefined {
		let hash = 0x811c9dc5;
		for (let i = 0; i < word.length; i++) hash = Math.imul(hash ^ word.charCodeAt(i), 0x01000193);
		const mask = this.table.length - 1;
		for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
			const entry = this.table[slot] as number;
			if (entry === 0) return undefined;
			if (this.hashes[entry - 1] === hash && this.words.is(entry - 1, word)) return entry - 1;
		}
	}
}

function grow<T extends Uint16Array | Uint32Array | Int32Array>(array: T, needed: number): T {
	let size = array.length * 2;
	while (size < needed) size *= 2;
	const bigger = new (array.constructor as new (size: number) => T)(size);
	bigger.set(array);
	return bigger;
}

/**
 * UTF-16 units to a string, lone surrogates and all. `apply` reads the typed array as it is
 * (spreading it would make an iterator per word), but its arguments live on the stack: a word of
 * 200,000 letters (a hostile tag with no spaces) overflowed it and left search unavailable, so long
 * words go a piece at a time.
 */
const APPLY_PIECE = 8192;

function charsToString(chars: Uint16Array, from: number, to: number): string {
	const piece = (start: number, end: number) =>
		String.fromCharCode.apply(null, chars.subarray(start, end) as unknown as number[]);
	if (to - from <= APPLY_PIECE) return piece(from, to);
	let text = '';
	for (let at = from; at < to; at += APPLY_PIECE) text += piece(at, Math.min(to, at + APPLY_PIECE));
	return text;
}
