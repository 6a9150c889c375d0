import type {TimelineEvent} from '../dataset/model.js';
import {StringTableBuilder} from '../dataset/strings.js';

/**
 * The texts of a shared table (actors' names, event titles, places, tags), read back one at a time
 * when a search shows them. Held as strings, the 100k titles of an archive cost 6.5 MB of heap
 * beside the model's own copy; a million quotes' tables, more than 20 MB.
 */
export interface TableTexts {
	readonly length: number;
	at(index: number): string | undefined;
}

/** The events' titles, read from the events themselves: the model holds them already. */
export class EventTitles implements TableTexts {
	constructor(private readonly events: readonly TimelineEvent[]) {}

	get length(): number {
		return this.events.length;
	}

	at(index: number): string | undefined {
		return this.events[index]?.title;
	}
}

const decoder = new TextDecoder();

/**
 * Texts end to end as UTF-8, as the model's string table holds its strings (dataset/strings.ts): a
 * text with no UTF-8 form (a lone surrogate) is kept aside as itself, so nothing read back differs
 * from what was stored.
 */
export class PackedTexts implements TableTexts {
	readonly length: number;

	private constructor(
		private readonly bytes: Uint8Array,
		private readonly starts: Uint32Array | Float64Array,
		/** [index, text] of the texts with no UTF-8 form; their bytes are empty. */
		private readonly odd: ReadonlyArray<readonly [number, string]>,
	) {
		this.length = starts.length - 1;
	}

	static of(texts: readonly string[]): PackedTexts {
		const table = new StringTableBuilder();
		for (const text of texts) table.add(text);
		const {bytes, starts, odd} = table.done();
		return new PackedTexts(bytes, starts, odd);
	}

	at(index: number): string | undefined {
		if (!(index >= 0 && index < this.length)) return undefined;
		const start = this.starts[index] as number;
		const end = this.starts[index + 1] as number;
		if (start === end) return this.odd.find(([at]) => at === index)?.[1] ?? '';
		return decoder.decode(this.bytes.subarray(start, end));
	}
}
