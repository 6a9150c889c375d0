import {type ColumnArrays, type Columns, type ColumnsMeta, LINK_FORMS, NO_REF} from './columns.js';
import {type NumberArray, type Packable, PackError} from './pack.js';
import {QUOTE_KINDS} from './quote-kinds.js';
import {NO_STRING} from './strings.js';

/**
 * The model's columns as a pack (pack.ts) and back. Coming back, every number that will be used to
 * index something is checked against what it indexes (a few milliseconds for a million items), so a
 * cache that passed its checksum but was written by a bug, or by hand, still cannot make a record
 * read outside its arrays.
 */

type Bound =
	| 'string'
	| 'string?'
	| 'event'
	| 'event?'
	| 'quote'
	| 'date'
	| 'date?'
	| 'actor?'
	| 'place?'
	| 'source?'
	| 'eventShape'
	| 'quoteShape'
	| 'kind'
	| 'form'
	| 'slot';

interface ColumnSpec {
	readonly type: string;
	/** How many values: per event, per quote, per date, one more than those (list starts), or per list item. */
	readonly per: 'event' | 'event+1' | 'quote' | 'quote+1' | 'date' | keyof ColumnArrays | 'table';
	/** What each value indexes; list starts are checked as starts instead. */
	readonly bound?: Bound;
}

const COLUMNS: Record<keyof ColumnArrays, ColumnSpec> = {
	evOrder: {type: 'Uint32Array', per: 'event', bound: 'event'},
	evId: {type: 'Uint32Array', per: 'event', bound: 'string'},
	evDate: {type: 'Uint32Array', per: 'event', bound: 'date'},
	evTitle: {type: 'Uint32Array', per: 'event', bound: 'string?'},
	evDateText: {type: 'Uint32Array', per: 'event', bound: 'string?'},
	evSummary: {type: 'Uint32Array', per: 'event', bound: 'string?'},
	evRest: {type: 'Uint32Array', per: 'event', bound: 'string?'},
	evShape: {type: 'Uint16Array', per: 'event', bound: 'eventShape'},
	evActorStart: {type: 'Uint32Array', per: 'event+1'},
	actorId: {type: 'Uint32Array', per: 'evActorStart', bound: 'string'},
	actorRef: {type: 'Int32Array', per: 'evActorStart', bound: 'actor?'},
	actorForm: {type: 'Uint8Array', per: 'evActorStart', bound: 'form'},
	actorQualifier: {type: 'Uint32Array', per: 'evActorStart', bound: 'string?'},
	evPlaceStart: {type: 'Uint32Array', per: 'event+1'},
	placeId: {type: 'Uint32Array', per: 'evPlaceStart', bound: 'string'},
	placeRef: {type: 'Int32Array', per: 'evPlaceStart', bound: 'place?'},
	evTagStart: {type: 'Uint32Array', per: 'event+1'},
	tag: {type: 'Uint32Array', per: 'evTagStart', bound: 'string'},
	evSourceStart: {type: 'Uint32Array', per: 'event+1'},
	sourceId: {type: 'Uint32Array', per: 'evSourceStart', bound: 'string'},
	sourceRef: {type: 'Int32Array', per: 'evSourceStart', bound: 'source?'},
	evQuoteStart: {type: 'Uint32Array', per: 'event+1'},
	evQuote: {type: 'Uint32Array', per: 'evQuoteStart', bound: 'quote'},
	evIdTable: {type: 'Int32Array', per: 'table', bound: 'slot'},
	qId: {type: 'Uint32Array', per: 'quote', bound: 'string'},
	qText: {type: 'Uint32Array', per: 'quote', bound: 'string?'},
	qSpeaker: {type: 'Uint32Array', per: 'quote', bound: 'string'},
	qSpeakerRef: {type: 'Int32Array', per: 'quote', bound: 'actor?'},
	qKind: {type: 'Uint8Array', per: 'quote', bound: 'kind'},
	qSaid: {type: 'Uint32Array', per: 'quote', bound: 'date?'},
	qContext: {type: 'Uint32Array', per: 'quote', bound: 'string?'},
	qSource: {type: 'Uint32Array', per: 'quote', bound: 'string?'},
	qSourceRef: {type: 'Int32Array', per: 'quote', bound: 'source?'},
	qOriginal: {type: 'Uint32Array', per: 'quote', bound: 'string?'},
	qLanguage: {type: 'Uint32Array', per: 'quote', bound: 'string?'},
	qRest: {type: 'Uint32Array', per: 'quote', bound: 'string?'},
	qShape: {type: 'Uint16Array', per: 'quote', bound: 'quoteShape'},
	qEventStart: {type: 'Uint32Array', per: 'quote+1'},
	qEventId: {type: 'Uint32Array', per: 'qEventStart', bound: 'string'},
	qEventRef: {type: 'Int32Array', per: 'qEventStart', bound: 'event?'},
	dateText: {type: 'Uint32Array', per: 'date', bound: 'string'},
	dateInstant: {type: 'Float64Array', per: 'date'},
	dateYear: {type: 'Float64Array', per: 'date'},
	dateMonth: {type: 'Uint8Array', per: 'date'},
	dateDay: {type: 'Uint8Array', per: 'date'},
	dateForm: {type: 'Uint8Array', per: 'date'},
	dateWidth: {type: 'Uint8Array', per: 'date'},
};

export function packColumns(columns: Columns): Packable {
	return {
		meta: {...columns.meta, odd: columns.strings.odd},
		arrays: {...columns.arrays, stringBytes: columns.strings.bytes, stringStarts: columns.strings.starts},
	};
}

/** The columns in a pack, every index checked; a PackError for anything that does not hold. */
export function unpackColumns(packed: Packable): Columns {
	const {odd, ...meta} = (packed.meta ?? {}) as ColumnsMeta & {odd?: unknown};
	checkMeta(meta);
	const {stringBytes, stringStarts, ...rest} = packed.arrays;
	if (
		!(stringBytes instanceof Uint8Array) ||
		!(stringStarts instanceof Float64Array || stringStarts instanceof Uint32Array)
	) {
		throw new PackError('no string table');
	}
	checkStarts(stringStarts, stringBytes.length, 'stringStarts');
	const strings = stringStarts.length - 1;
	if (!Array.isArray(odd) || !odd.every((entry) => isOdd(entry, strings)))
		throw new PackError('bad odd strings');
	if (meta.root >= strings) throw new PackError('no root');

	const arrays = rest as unknown as ColumnArrays;
	const events = arrays.evId?.length ?? 0;
	const quotes = arrays.qId?.length ?? 0;
	const dates = arrays.dateText?.length ?? 0;
	const limits: Record<Bound, number> = {
		string: strings,
		'string?': strings,
		event: events,
		'event?': events,
		quote: quotes,
		date: dates,
		'date?': dates,
		'actor?': meta.targets.actors,
		'place?': meta.targets.places,
		'source?': meta.targets.sources,
		eventShape: meta.eventShapes.length,
		quoteShape: meta.quoteShapes.length,
		kind: QUOTE_KINDS.length + 1,
		form: LINK_FORMS.length,
		slot: events + 1,
	};
	for (const [name, spec] of Object.entries(COLUMNS) as Array<[keyof ColumnArrays, ColumnSpec]>) {
		const array = arrays[name] as NumberArray | undefined;
		if (array?.constructor.name !== spec.type) throw new PackError(`column ${name} is missing`);
		const length = expectedLength(spec.per, events, quotes, dates, arrays);
		if (length !== undefined && array.length !== length)
			throw new PackError(`column ${name} has a wrong length`);
		if (spec.bound === undefined) continue;
		const limit = limits[spec.bound];
		const none = !spec.bound.endsWith('?')
			? undefined
			: spec.bound.startsWith('string') || spec.bound.startsWith('date')
				? NO_STRING
				: NO_REF;
		const inside =
			array instanceof Uint32Array
				? allBelow(array, limit, none)
				: array instanceof Int32Array
					? allWithin(array, limit, none)
					: allSmallBelow(array as Uint8Array | Uint16Array, limit);
		if (!inside) throw new PackError(`column ${name} points outside what it indexes`);
	}
	for (const name of [
		'evActorStart',
		'evPlaceStart',
		'evTagStart',
		'evSourceStart',
		'evQuoteStart',
		'qEventStart',
	] as const) {
		const items = Object.entries(COLUMNS).find(([, spec]) => spec.per === name)?.[0] as keyof ColumnArrays;
		checkStarts(arrays[name], (arrays[items] as NumberArray).length, name);
	}
	const table = arrays.evIdTable.length;
	if (table < 16 || (table & (table - 1)) !== 0 || table < events * 2) throw new PackError('bad id table');
	return {
		meta,
		strings: {bytes: stringBytes, starts: stringStarts, odd: odd as Array<[number, string]>},
		arrays,
	};
}

// One loop per array type: a loop that met every type would read each value through a slow path.

function allBelow(array: Uint32Array, limit: number, none: number | undefined): boolean {
	for (let i = 0; i < array.length; i++) {
		const value = array[i] as number;
		if (value >= limit && value !== none) return false;
	}
	return true;
}

function allWithin(array: Int32Array, limit: number, none: number | undefined): boolean {
	for (let i = 0; i < array.length; i++) {
		const value = array[i] as number;
		if ((value < 0 || value >= limit) && value !== none) return false;
	}
	return true;
}

function allSmallBelow(array: Uint8Array | Uint16Array, limit: number): boolean {
	for (let i = 0; i < array.length; i++) if ((array[i] as number) >= limit) return false;
	return true;
}

function expectedLength(
	per: ColumnSpec['per'],
	events: number,
	quotes: number,
	dates: number,
	arrays: ColumnArrays,
): number | undefined {
	switch (per) {
		case 'event':
			return events;
		case 'event+1':
			return events + 1;
		case 'quote':
			return quotes;
		case 'quote+1':
			return quotes + 1;
		case 'date':
			return dates;
		case 'table':
			return undefined;
		default: {
			const starts = arrays[per] as Uint32Array | undefined;
			return starts?.[starts.length - 1] ?? -1;
		}
	}
}

/** Starts of lists: from 0, never decreasing, ending at the items' length. */
function checkStarts(starts: ArrayLike<number> | undefined, items: number, name: string): void {
	if (!starts || starts.length === 0 || starts[0] !== 0 || starts[starts.length - 1] !== items) {
		throw new PackError(`${name} do not cover their items`);
	}
	for (let i = 1; i < starts.length; i++) {
		if ((starts[i] as number) < (starts[i - 1] as number)) throw new PackError(`${name} go backwards`);
	}
}

function checkMeta(meta: Partial<ColumnsMeta>): asserts meta is ColumnsMeta {
	const strings = (list: unknown) => Array.isArray(list) && list.every((key) => typeof key === 'string');
	const shapes = (list: unknown) => Array.isArray(list) && list.every(strings);
	const count = (n: unknown) => Number.isSafeInteger(n) && (n as number) >= 0;
	if (
		!strings(meta.rootKeys) ||
		!count(meta.root) ||
		!shapes(meta.eventShapes) ||
		!shapes(meta.quoteShapes) ||
		!count(meta.targets?.actors) ||
		!count(meta.targets?.places) ||
		!count(meta.targets?.sources)
	) {
		throw new PackError('bad columns description');
	}
}

function isOdd(entry: unknown, strings: number): boolean {
	return (
		Array.isArray(entry) &&
		entry.length === 2 &&
		Number.isSafeInteger(entry[0]) &&
		entry[0] >= 0 &&
		entry[0] < strings &&
		typeof entry[1] === 'string'
	);
}
