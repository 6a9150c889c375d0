/**
 * Every string of a dataset, end to end as UTF-8 in one buffer, read back by number. A JavaScript
 * string costs its characters (two bytes each once one is outside Latin-1) plus a header; an archive
 * of 200k quotes held that way is most of its memory. Here a string is bytes until it is asked for,
 * and asked-for strings are garbage as soon as the frame that drew them is gone.
 *
 * A string that is not well-formed UTF-16 (a lone surrogate, which JSON can carry as `\ud800`) has no
 * UTF-8 form: it is kept aside as itself, so nothing read back differs from what was stored.
 */

/** The number of an absent string (an optional field left out). */
export const NO_STRING = 0xffffffff;

export interface StringTableData {
	/**
	 * String i is `bytes[starts[i] .. starts[i + 1])`: 32-bit offsets while the bytes are under 4 GB
	 * (half the memory of 64-bit ones: 3 MB at 200k quotes), 64-bit beyond.
	 */
	readonly bytes: Uint8Array;
	readonly starts: Uint32Array | Float64Array;
	/** Strings with no UTF-8 form, by number (their bytes are empty). */
	readonly odd: ReadonlyArray<readonly [number, string]>;
}

/** Strings read lately, kept by number (a direct-mapped cache): read again, they are not decoded again. */
const RECENT = 1024;

export class StringTable {
	readonly size: number;
	private readonly buffer: Buffer;
	private readonly starts: Uint32Array | Float64Array;
	private readonly odd: ReadonlyMap<number, string>;
	private readonly recentIds = new Float64Array(RECENT).fill(-1);
	private readonly recent: string[] = new Array(RECENT).fill('');

	constructor(readonly data: StringTableData) {
		const {bytes, starts} = data;
		this.buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
		this.starts = starts;
		this.size = Math.max(0, starts.length - 1);
		this.odd = new Map(data.odd);
	}

	/**
	 * String `id`. Code that reads `event.title[i]` in a loop reads the field once per character: the
	 * recent strings make that one decoding, not one per character.
	 */
	get(id: number): string {
		const slot = id & (RECENT - 1);
		if (this.recentIds[slot] === id) return this.recent[slot] as string;
		const text = this.decode(id);
		this.recentIds[slot] = id;
		this.recent[slot] = text;
		return text;
	}

	/** String `id`, decoded and not kept: for one read of a big one (the document's root). */
	decode(id: number): string {
		const start = this.starts[id];
		const end = this.starts[id + 1];
		if (start === undefined || end === undefined) throw new RangeError(`no string ${id} in the table`);
		return start === end ? (this.odd.get(id) ?? '') : this.buffer.toString('utf8', start, end);
	}

	/** The string, or undefined for NO_STRING. */
	optional(id: number): string | undefined {
		return id === NO_STRING ? undefined : this.get(id);
	}
}

/** Appends strings; `shared` ones (tags, dates, ids referred to) are stored once however often added. */
export class StringTableBuilder {
	private bytes: Buffer;
	private used = 0;
	private starts: Float64Array = new Float64Array(1024);
	private count = 0;
	private readonly odd: Array<[number, string]> = [];
	private readonly seen = new Map<string, number>();

	constructor(capacity = 1 << 16) {
		this.bytes = Buffer.allocUnsafe(Math.max(1024, capacity));
	}

	add(text: string): number {
		const id = this.count++;
		if (id + 2 > this.starts.length) this.starts = grown(this.starts, id + 2);
		if (text.isWellFormed()) {
			// A UTF-16 unit is at most three UTF-8 bytes.
			const most = text.length * 3;
			if (this.used + most > this.bytes.length)
				this.bytes = grownBuffer(this.bytes, this.used, this.used + most);
			this.used += this.bytes.write(text, this.used, 'utf8');
		} else this.odd.push([id, text]);
		this.starts[id + 1] = this.used;
		return id;
	}

	shared(text: string): number {
		let id = this.seen.get(text);
		if (id === undefined) {
			id = this.add(text);
			this.seen.set(text, id);
		}
		return id;
	}

	optional(text: string | undefined): number {
		return text === undefined ? NO_STRING : this.add(text);
	}

	optionalShared(text: string | undefined): number {
		return text === undefined ? NO_STRING : this.shared(text);
	}

	done(): StringTableData {
		return {
			bytes: new Uint8Array(this.bytes.subarray(0, this.used)),
			starts:
				this.used <= 0xffffffff
					? Uint32Array.from(this.starts.subarray(0, this.count + 1))
					: this.starts.slice(0, this.count + 1),
			odd: this.odd,
		};
	}
}

function grown(array: Float64Array, needed: number): Float64Array {
	let size = array.length * 2;
	while (size < needed) size *= 2;
	const bigger = new Float64Array(size);
	bigger.set(array);
	return bigger;
}

function grownBuffer(buffer: Buffer, used: number, needed: number): Buffer {
	let size = buffer.length * 2;
	while (size < needed) size *= 2;
	const bigger = Buffer.allocUnsafe(size);
	buffer.copy(bigger, 0, 0, used);
	return bigger;
}
