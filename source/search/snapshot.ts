import type {Dataset} from '../dataset/model.js';
import {isPackable, type NumberArray, type Packable} from '../dataset/pack.js';
import {KEYS_OF, KINDS, type Kind} from './fields.js';
import type {SearchIndex} from './index.js';
import {EventTitles, PackedTexts} from './table-texts.js';
import {WordList, WordLookup} from './vocabulary.js';

/**
 * The search index as a pack (dataset/pack.ts) and back, so that a cached open and the loading worker
 * hand over an index instead of building one. The index stays the search code's own: this walks
 * whatever it holds, so a field added there is carried without a change here, as long as it is one
 * of these:
 *
 * - numbers, strings, booleans, undefined, null, arrays and plain objects;
 * - typed arrays, carried as themselves (no copy either way); long lists of strings (the vocabulary),
 *   carried as one run of UTF-8;
 * - the dataset's own objects (its events, quotes and eras lists, an event, quote, era, actor, place
 *   or source), carried as a reference and restored as the same object of the dataset it is given;
 * - instances of the classes in CLASSES (own fields only), restored with their prototype;
 * - a field's `text` function (fields of a collection of some kind of record), which reads that field
 *   of the records: restored as the same reading of the dataset it is given. It is checked to be
 *   that reading before it is carried.
 *
 * An object met twice is carried once and restored as one object. Anything else (a function, a Map, a
 * class not listed, a cycle) throws: the round-trip test (test/search/snapshot.test.ts) says so the
 * day the index gains one.
 */

const CLASSES = {WordList, WordLookup, PackedTexts, EventTitles} as const;
type ClassName = keyof typeof CLASSES;

/** Lists of strings longer than this go into the arrays as UTF-8, not into the JSON header. */
const LONG_LIST = 64;

type Encoded =
	| null
	| boolean
	| number
	| string
	| {$u: 1}
	| {$n: 'NaN' | 'Infinity' | '-Infinity'}
	| {$a: string}
	| {$strings: string; $id: number}
	| {$ref: 'events' | 'quotes' | 'eras' | 'dataset'}
	| {$event: number}
	| {$quote: number}
	| {$era: number}
	| {$actor: string}
	| {$place: string}
	| {$source: string}
	| {$fieldText: [Kind, string]}
	| {$class: ClassName; fields: Record<string, Encoded>; $id: number}
	| {$o: Record<string, Encoded>; $id: number}
	| {$list: Encoded[]; $id: number}
	| {$same: number};

export function snapshotIndex(index: SearchIndex, dataset: Dataset): Packable {
	const arrays: Record<string, NumberArray> = {};
	const names = new Map<NumberArray, string>();
	const addArray = (array: NumberArray) => {
		let name = names.get(array);
		if (name === undefined) {
			name = `a${names.size}`;
			arrays[name] = array;
			names.set(array, name);
		}
		return name;
	};
	const ids = new Map<object, number>();
	const open = new Set<object>();

	// The kind of record whose collection is being walked: its fields' `text` read that kind.
	let kind: Kind | undefined;
	const encode = (value: unknown, owner?: object): Encoded => {
		if (typeof value === 'function') return fieldText(value, owner, kind, dataset);
		if (value === undefined) return {$u: 1};
		if (value === null || typeof value === 'boolean' || typeof value === 'string') return value;
		if (typeof value === 'number') {
			return Number.isFinite(value) ? value : {$n: String(value) as 'NaN' | 'Infinity' | '-Infinity'};
		}
		if (typeof value !== 'object')
			throw new Error(`the search index holds a ${typeof value}: no snapshot for it`);
		const reference = referenceTo(value, dataset);
		if (reference) return reference;
		if (ArrayBuffer.isView(value)) {
			if (isPackable(value)) return {$a: addArray(value)};
			throw new Error(`the search index holds a ${value.constructor.name}: no snapshot for it`);
		}
		const known = ids.get(value);
		if (known !== undefined) {
			if (open.has(value)) throw new Error('the search index holds a cycle: no snapshot for it');
			return {$same: known};
		}
		const $id = ids.size;
		ids.set(value, $id);
		open.add(value);
		try {
			if (Array.isArray(value)) {
				if (
					value.length > LONG_LIST &&
					value.every((item) => typeof item === 'string' && item.isWellFormed())
				) {
					const {bytes, starts} = stringRun(value as string[]);
					return {$strings: `${addArray(bytes)} ${addArray(starts)}`, $id};
				}
				return {$list: value.map((item) => encode(item)), $id};
			}
			const prototype = Object.getPrototypeOf(value);
			const outer = kind;
			const own = (value as {kind?: unknown}).kind;
			if (KINDS.includes(own as Kind) && Array.isArray((value as {fields?: unknown}).fields))
				kind = own as Kind;
			const fields = Object.fromEntries(
				Object.entries(value).map(([key, item]) => [key, encode(item, value)]),
			);
			kind = outer;
			if (prototype === Object.prototype || prototype === null) return {$o: fields, $id};
			const name = (Object.keys(CLASSES) as ClassName[]).find((key) => CLASSES[key].prototype === prototype);
			if (name === undefined) {
				throw new Error(`the search index holds a ${prototype?.constructor?.name}: no snapshot for it`);
			}
			return {$class: name, fields, $id};
		} finally {
			open.delete(value);
		}
	};
	return {meta: encode(index), arrays};
}

/** The index over `dataset` (the one it was built on, or the same data loaded again). */
export function restoreIndex(packed: Packable, dataset: Dataset): SearchIndex {
	const arrayNamed = (name: string) => {
		const array = packed.arrays[name];
		if (!array) throw new Error(`the index snapshot has no array ${name}`);
		return array;
	};
	const made = new Map<number, unknown>();
	const keep = <T>(id: number, value: T): T => {
		made.set(id, value);
		return value;
	};
	const decode = (value: Encoded): unknown => {
		if (value === null || typeof value !== 'object') return value;
		if (Array.isArray(value)) throw new Error('the index snapshot holds a list it cannot read');
		if ('$u' in value) return undefined;
		if ('$same' in value) {
			if (!made.has(value.$same)) throw new Error('the index snapshot refers to what it does not hold');
			return made.get(value.$same);
		}
		if ('$list' in value) return keep(value.$id, value.$list.map(decode));
		if ('$n' in value) return Number(value.$n);
		if ('$a' in value) return arrayNamed(value.$a);
		if ('$strings' in value) {
			const [bytes = '', starts = ''] = value.$strings.split(' ');
			return keep(value.$id, stringsOf(arrayNamed(bytes) as Uint8Array, arrayNamed(starts) as Float64Array));
		}
		if ('$ref' in value) return value.$ref === 'dataset' ? dataset : dataset[value.$ref];
		if ('$fieldText' in value) {
			const [of, name] = value.$fieldText;
			return fieldReading(recordsOf(dataset, of) as ReadonlyArray<Record<string, unknown>>, name);
		}
		if ('$event' in value) return must(dataset.events[value.$event], 'event');
		if ('$quote' in value) return must(dataset.quotes[value.$quote], 'quote');
		if ('$era' in value) return must(dataset.eras[value.$era], 'era');
		if ('$actor' in value) return must(dataset.actors.get(value.$actor), 'actor');
		if ('$place' in value) return must(dataset.places.get(value.$place), 'place');
		if ('$source' in value) return must(dataset.sources.get(value.$source), 'source');
		if ('$class' in value) {
			const Class = CLASSES[value.$class];
			if (!Class) throw new Error(`the index snapshot names an unknown class ${value.$class}`);
			return keep(
				value.$id,
				Object.assign(Object.create(Class.prototype) as object, decodeFields(value.fields)),
			);
		}
		if ('$o' in value) return keep(value.$id, decodeFields(value.$o));
		throw new Error('the index snapshot holds a value it cannot read');
	};
	const decodeFields = (fields: Record<string, Encoded>) => {
		const out: Record<string, unknown> = {};
		for (const [key, item] of Object.entries(fields)) {
			Object.defineProperty(out, key, {
				value: decode(item),
				enumerable: true,
				writable: true,
				configurable: true,
			});
		}
		return out;
	};
	return decode(packed.meta as Encoded) as SearchIndex;
}

/**
 * Made out here, not where it is decoded: a function made inside `restoreIndex` would keep that
 * call's scope alive with the index, and with it the whole decoded header of the snapshot.
 */
function fieldReading(records: ReadonlyArray<Record<string, unknown>>, name: string) {
	return (record: number) => records[record]?.[name];
}

function recordsOf(dataset: Dataset, kind: Kind): readonly object[] {
	return kind === 'event' ? dataset.events : kind === 'quote' ? dataset.quotes : dataset.eras;
}

/**
 * A field's `text` function as what it reads: that field (its key's name) of the records of its
 * collection's kind. Checked on the first, middle and last record, so a function that reads anything
 * else is refused rather than carried as something it is not.
 */
function fieldText(
	fn: unknown,
	owner: object | undefined,
	kind: Kind | undefined,
	dataset: Dataset,
): Encoded {
	const key = (owner as {key?: unknown} | undefined)?.key;
	const name = kind === undefined || typeof key !== 'number' ? undefined : KEYS_OF[kind][key]?.name;
	if (kind === undefined || name === undefined) {
		throw new Error('the search index holds a function that is no field text: no snapshot for it');
	}
	const records = recordsOf(dataset, kind) as ReadonlyArray<Record<string, unknown>>;
	for (const record of new Set([0, records.length >> 1, records.length - 1, records.length])) {
		if ((fn as (record: number) => unknown)(record) !== records[record]?.[name]) {
			throw new Error(`the search index's ${kind} field ${name} reads something else: no snapshot for it`);
		}
	}
	return {$fieldText: [kind, name]};
}

function must<T>(value: T | undefined, what: string): T {
	if (value === undefined) throw new Error(`the index snapshot names a ${what} the dataset does not have`);
	return value;
}

/** A reference to one of the dataset's own objects, if `value` is one. */
function referenceTo(value: object, dataset: Dataset): Encoded | undefined {
	if (value === dataset) return {$ref: 'dataset'};
	if (value === dataset.events) return {$ref: 'events'};
	if (value === dataset.quotes) return {$ref: 'quotes'};
	if (value === dataset.eras) return {$ref: 'eras'};
	const {index, id} = value as {index?: unknown; id?: unknown};
	if (typeof index === 'number') {
		if (dataset.events[index] === value) return {$event: index};
		if (dataset.quotes[index] === value) return {$quote: index};
	}
	if (typeof id === 'string') {
		if (dataset.actors.get(id) === value) return {$actor: id};
		if (dataset.places.get(id) === value) return {$place: id};
		if (dataset.sources.get(id) === value) return {$source: id};
		const era = dataset.eras.indexOf(value as Dataset['eras'][number]);
		if (era !== -1) return {$era: era};
	}
	return undefined;
}

function stringRun(strings: readonly string[]): {bytes: Uint8Array; starts: Float64Array} {
	const encoded = strings.map((text) => Buffer.from(text, 'utf8'));
	const starts = new Float64Array(strings.length + 1);
	encoded.forEach((bytes, i) => {
		starts[i + 1] = (starts[i] as number) + bytes.length;
	});
	return {bytes: new Uint8Array(Buffer.concat(encoded)), starts};
}

function stringsOf(bytes: Uint8Array, starts: Float64Array): string[] {
	const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	return Array.from({length: Math.max(0, starts.length - 1)}, (_, i) =>
		buffer.toString('utf8', starts[i], starts[i + 1]),
	);
}
