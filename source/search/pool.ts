type Typed = Uint8Array | Uint32Array | Float32Array | Float64Array;
type Maker<T extends Typed> = new (length: number) => T;

/**
 * Typed arrays kept for the next keystroke. A search needs a few arrays as long as the corpus
 * (matches, estimates, per-event scores); allocating them anew each time made every keystroke feed
 * the garbage collector megabytes, and at a million quotes fresh memory alone cost up to a second
 * on this machine (measured). Arrays come back as they were left: callers clear what they need.
 */
export class Pool {
	private readonly free = new Map<string, Typed[]>();

	take<T extends Typed>(make: Maker<T>, length: number): T {
		const list = this.free.get(`${make.name}:${length}`);
		return (list?.pop() as T | undefined) ?? new make(length);
	}

	give(array: Typed): void {
		const key = `${array.constructor.name}:${array.length}`;
		let list = this.free.get(key);
		if (!list) {
			list = [];
			this.free.set(key, list);
		}
		if (list.length < 8 && !list.includes(array)) list.push(array);
	}
}
