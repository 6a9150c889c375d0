/**
 * The texts of a shared table (event titles, actors' names, places, tags), end to end as UTF-8, read
 * back one at a time: held as strings, the 100k titles of an archive cost 6.5 MB of heap beside the
 * model's own copy, for the few that a search shows. A text with no UTF-8 form (a lone surrogate) is
 * kept aside as itself, so nothing read back differs from what was stored.
 */

const decoder = new TextDecoder();

export class PackedTexts {
	readonly length: number;

	private constructor(
		private readonly bytes: Uint8Array,
		private readonly starts: Uint32Array,
		/** [index, text] of the texts with no UTF-8 form; their bytes are empty. */
		private readonly odd: ReadonlyArray<readonly [number, string]>,
	) {
		this.length = starts.length - 1;
	}

	static of(texts: readonly string[]): PackedTexts {
		const odd: Array<[number, string]> = [];
		const encoded = texts.map((text, i) => {
			if (text.isWellFormed()) return Buffer.from(text, 'utf8');
			odd.push([i, text]);
			return Buffer.alloc(0);
		});
		const starts = new Uint32Array(texts.length + 1);
		encoded.forEach((bytes, i) => {
			starts[i + 1] = (starts[i] as number) + bytes.length;
		});
		return new PackedTexts(new Uint8Array(Buffer.concat(encoded)), starts, odd);
	}

	at(index: number): string | undefined {
		if (!(index >= 0 && index < this.length)) return undefined;
		const start = this.starts[index] as number;
		const end = this.starts[index + 1] as number;
		if (start === end) return this.odd.find(([at]) => at === index)?.[1] ?? '';
		return decoder.decode(this.bytes.subarray(start, end));
	}
}
