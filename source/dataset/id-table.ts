/**
 * Id → item for a million items without a million strings: an open-addressing table of positions,
 * keyed by a hash of the id's UTF-16 units. Ids stay in the string table; a lookup reads back only
 * the ids it lands on. The table is plain numbers, so it is built once and cached with the model.
 */

/** FNV-1a over UTF-16 units. */
export function hashId(text: string): number {
	let hash = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
	return hash;
}

/** Slots for `positions` (each item's position + 1, 0 for an empty slot), at most half full. */
export function idTable(ids: ReadonlyArray<readonly [string, number]>): Int32Array {
	let size = 16;
	while (size < ids.length * 2) size *= 2;
	const table = new Int32Array(size);
	const mask = size - 1;
	for (const [id, position] of ids) {
		let slot = hashId(id) & mask;
		while (table[slot] !== 0) slot = (slot + 1) & mask;
		table[slot] = position + 1;
	}
	return table;
}

/**
 * A ReadonlyMap over such a table. `order` lists the positions in the order the map iterates them;
 * `idOf` and `itemAt` read an item's id and the item at a position.
 */
export class IdMap<T> implements ReadonlyMap<string, T> {
	constructor(
		private readonly table: Int32Array,
		private readonly order: ArrayLike<number>,
		private readonly idOf: (position: number) => string,
		private readonly itemAt: (position: number) => T,
	) {}

	get size(): number {
		return this.order.length;
	}

	get(id: string): T | undefined {
		const position = this.find(id);
		return position === -1 ? undefined : this.itemAt(position);
	}

	has(id: string): boolean {
		return this.find(id) !== -1;
	}

	private find(id: string): number {
		const mask = this.table.length - 1;
		for (let slot = hashId(id) & mask; ; slot = (slot + 1) & mask) {
			const entry = this.table[slot] as number;
			if (entry === 0) return -1;
			if (this.idOf(entry - 1) === id) return entry - 1;
		}
	}

	*entries(): MapIterator<[string, T]> {
		for (let i = 0; i < this.order.length; i++) {
			const position = this.order[i] as number;
			yield [this.idOf(position), this.itemAt(position)];
		}
	}

	*keys(): MapIterator<string> {
		for (let i = 0; i < this.order.length; i++) yield this.idOf(this.order[i] as number);
	}

	*values(): MapIterator<T> {
		for (let i = 0; i < this.order.length; i++) yield this.itemAt(this.order[i] as number);
	}

	[Symbol.iterator](): MapIterator<[string, T]> {
		return this.entries();
	}

	forEach(callback: (value: T, key: string, map: ReadonlyMap<string, T>) => void, thisArg?: unknown): void {
		for (const [key, value] of this.entries()) callback.call(thisArg, value, key, this);
	}
}
