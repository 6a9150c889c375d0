/** A Uint32Array that grows as it is pushed to: lists of ids without an object per element. */
export class Growable {
	private array: Uint32Array;
	length = 0;

	constructor(capacity = 1024) {
		this.array = new Uint32Array(Math.max(16, capacity));
	}

	push(value: number): void {
		if (this.length === this.array.length) {
			const bigger = new Uint32Array(this.array.length * 2);
			bigger.set(this.array);
			this.array = bigger;
		}
		this.array[this.length++] = value;
	}

	/** The values pushed, in a right-sized copy. */
	done(): Uint32Array {
		return this.array.slice(0, this.length);
	}
}
