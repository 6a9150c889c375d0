import {basename, extname} from 'node:path';
import {array} from 'zod';
import {ITEM_KINDS, ITEM_SCHEMAS, type ItemKind, LISTS, REFERENCES, type Reference} from './items.js';
import {PROBLEMS_KEPT, quoted, type SkippedCounts} from './problems.js';
import {documentSchema} from './schema.js';
import {beyondSchema, checkItem, checkRoot, type DocumentProblem, type QuickCheck} from './validate.js';

/**
 * The checks of a whole document, fed one root and one item at a time so that a .json file and an
 * NDJSON stream share them: each item's schema, duplicate ids, references between items, and what a
 * lenient load keeps. An item is kept whole or left out: any problem of its own leaves it out, and a
 * link to an item that is missing or left out is dropped from it (but a quote whose speaker is gone
 * goes too). Problems past PROBLEMS_KEPT are counted, not kept.
 */

/**
 * Where an item is in an NDJSON file: its line. An item on a line of its own (`{"event": {…}}`) has
 * pointers that start `/event`; one in the root line's lists, `/events/3`, as in a .json file.
 */
export interface Where {
	line?: number;
}

/**
 * Columns (and lines) of pointers, for formats that must locate while the text is at hand: all of an
 * item's at once (one scan of its line, however many problems it has).
 */
export type Locate = (
	wanted: ReadonlyArray<{pointer: string; key?: boolean}>,
) => ReadonlyArray<{line?: number; column?: number}>;

/** A problem found by the checker: positioned if the format located it, otherwise by pointer only. */
export interface CheckedProblem extends Omit<DocumentProblem, 'pointer'> {
	pointer?: string;
	line?: number;
	column?: number;
}

export interface Checked {
	problems: CheckedProblem[];
	/** Problems found beyond the kept ones. */
	omitted: number;
	/** How many, of each kind, problems left out; `errors` counts every problem that is not a note. */
	skipped: SkippedCounts;
	errors: number;
}

/** The items of one kind as read, in order; an item is named by its kind and index. */
interface Items {
	values: unknown[];
	/** Line of each item (0: not on a line, a .json file). Numbers, not objects: there are many. */
	lines: number[];
	/** Indexes of items left out. */
	gone: Set<number>;
	/** Positions of references not yet resolvable when an item was read (NDJSON forward references). */
	pinned: Map<number, Map<string, {line?: number; column?: number}>>;
	/** Id → index of the first item with it. */
	ids: Map<string, number>;
	/** Items read once no more problems were kept: checked together at the end, only to be counted. */
	deferred: number[];
}

const ROOT_KEYS = new Set(Object.keys(documentSchema.shape));
const DEFERRED_BATCH = 10_000;
const HERE: Where = Object.freeze({});

export class DocumentChecker {
	// Columns, not an object per item: an archive has hundreds of thousands of items.
	private readonly items = emptyLists<Items>(() => ({
		values: [],
		lines: [],
		gone: new Set(),
		pinned: new Map(),
		ids: new Map(),
		deferred: [],
	}));
	private readonly kept: CheckedProblem[] = [];
	private omitted = 0;
	private errors = 0;
	private root: Record<string, unknown> = {};
	private rootLine: number | undefined;
	private readonly badRootKeys = new Set<string>();
	private linesLeftOut = 0;
	private lastLineLeftOut = 0;

	constructor(
		private readonly options: {
			lenient: boolean;
			quick?: QuickCheck;
			/** Problems the format found in items (duplicate keys), keyed `<kind> <index>`. */
			extra?: ReadonlyMap<string, readonly DocumentProblem[]>;
		},
	) {
		this.extra = options.extra?.size ? options.extra : undefined;
	}

	private readonly extra: ReadonlyMap<string, readonly DocumentProblem[]> | undefined;

	private report(problem: CheckedProblem): void {
		this.errors++;
		if (this.kept.length < PROBLEMS_KEPT) this.kept.push(problem);
		else this.omitted++;
	}

	/** No more problems are kept, only counted: a format can spare itself describing them. */
	isFull(): boolean {
		return this.kept.length >= PROBLEMS_KEPT;
	}

	/** Problems found so far that are not notes. */
	errorCount(): number {
		return this.errors;
	}

	/** A problem the format itself found (a syntax error, a line that is no item, …). */
	addProblem(problem: CheckedProblem): void {
		// A line's problems come together: count the line once.
		if (problem.item?.kind === 'line' && problem.item.index !== this.lastLineLeftOut) {
			this.lastLineLeftOut = problem.item.index;
			this.linesLeftOut++;
		}
		this.report(problem);
	}

	setRoot(value: Record<string, unknown>, where: Where = HERE, locate?: Locate): void {
		this.root = value;
		this.rootLine = where.line;
		const problems = checkRoot(value);
		const positions = locate?.(problems) ?? [];
		problems.forEach((problem, i) => {
			// "" with a key is a missing key; anything else is under the root key it names.
			const key = problem.pointer === '' ? String(problem.params.key) : problem.pointer.split('/')[1];
			if (key !== undefined) this.badRootKeys.add(key.replaceAll('~1', '/').replaceAll('~0', '~'));
			this.report({...problem, line: where.line, ...positions[i]});
		});
	}

	add(kind: ItemKind, value: unknown, where: Where = HERE, locate?: Locate): void {
		const items = this.items[kind];
		const index = items.values.length;
		items.values.push(value);
		items.lines.push(where.line ?? 0);
		// Nothing is allocated for an item without problems: an archive has hundreds of thousands.
		let found: DocumentProblem[] | undefined;
		if (this.kept.length >= PROBLEMS_KEPT && !this.options.quick?.(kind, value)) items.deferred.push(index);
		else {
			const {problems, more} = checkItem(kind, value, this.options.quick, PROBLEMS_KEPT - this.kept.length);
			if (problems.length > 0) found = [...problems];
			if (more > 0) this.countOnly(kind, index, more);
		}
		const extra = this.extra?.get(`${kind} ${index}`);
		if (extra) found = [...(found ?? []), ...extra];
		const id = ownString(value, 'id');
		if (id !== undefined) {
			const first = items.ids.get(id);
			if (first === undefined) items.ids.set(id, index);
			else {
				const message = `duplicate ${kind} id ${quoted(id)} (already used ${this.describeWhere(kind, first)})`;
				found = [...(found ?? []), {pointer: '/id', code: 'duplicate-id', params: {kind, id}, message}];
			}
		}
		if (found) this.fail(kind, index, found, locate);
		if (locate) this.pinForwardReferences(kind, index, locate);
	}

	/** Problems of the item's own past those kept: they leave it out, and are counted. */
	private countOnly(kind: ItemKind, index: number, count: number): void {
		this.items[kind].gone.add(index);
		this.errors += count;
		this.omitted += count;
	}

	/** Problems of the item's own, which leave it out. Pointers are built only for what fails. */
	private fail(kind: ItemKind, index: number, problems: DocumentProblem[], locate: Locate | undefined): void {
		this.items[kind].gone.add(index);
		const room = Math.max(0, PROBLEMS_KEPT - this.kept.length);
		if (problems.length > room) this.countOnly(kind, index, problems.length - room);
		const kept = problems.slice(0, room).map((problem) => ({
			...problem,
			pointer: this.baseOf(kind, index) + problem.pointer,
		}));
		const positions = locate?.(kept) ?? [];
		kept.forEach((problem, i) => {
			this.report({
				...problem,
				line: this.lineOf(kind, index),
				...positions[i],
				item: {kind, index},
			});
		});
	}

	/** On a stream the line is gone by the end: references not resolvable yet are located now. */
	private pinForwardReferences(kind: ItemKind, index: number, locate: Locate): void {
		const pointers: string[] = [];
		this.eachReference(kind, index, (id, reference, at) => {
			if (!this.items[reference.kind].ids.has(id))
				pointers.push(this.referencePointer(kind, index, reference, at));
		});
		if (pointers.length === 0) return;
		const positions = locate(pointers.map((pointer) => ({pointer})));
		this.items[kind].pinned.set(index, new Map(pointers.map((pointer, i) => [pointer, positions[i] ?? {}])));
	}

	/** Each id an item refers to, with its reference and its index in a list of them (-1 for one id). */
	private eachReference(
		kind: ItemKind,
		index: number,
		visit: (id: string, reference: Reference, at: number) => void,
	): void {
		const value = this.items[kind].values[index];
		if (value === null || typeof value !== 'object') return;
		for (const reference of REFERENCES[kind]) {
			if (!Object.hasOwn(value, reference.key)) continue;
			const refs = (value as Record<string, unknown>)[reference.key];
			if (typeof refs === 'string') visit(refs, reference, -1);
			else if (Array.isArray(refs)) {
				for (let i = 0; i < refs.length; i++) {
					const id = linkId(refs[i]);
					if (id !== undefined) visit(id, reference, i);
				}
			}
		}
	}

	/** Whether the item with this id was read and kept. */
	private isKept(kind: ItemKind, id: string): boolean {
		const index = this.items[kind].ids.get(id);
		return index !== undefined && !this.items[kind].gone.has(index);
	}

	/**
	 * The items read after the kept problems ran out, counted in batches: zod builds one error for a
	 * batch, where an item at a time it would build a million (most of the time of a broken archive).
	 */
	private countDeferred(): void {
		for (const kind of ITEM_KINDS) {
			const {deferred, values} = this.items[kind];
			for (let start = 0; start < deferred.length; start += DEFERRED_BATCH) {
				const batch = deferred.slice(start, start + DEFERRED_BATCH);
				const parsed = array(ITEM_SCHEMAS[kind]).safeParse(batch.map((index) => values[index]));
				const counts = new Map<number, number>();
				for (const issue of parsed.success ? [] : parsed.error.issues) {
					const at = batch[issue.path[0] as number] as number;
					counts.set(
						at,
						(counts.get(at) ?? 0) + (issue.code === 'unrecognized_keys' ? issue.keys.length : 1),
					);
				}
				for (const index of batch) {
					const count = counts.get(index) ?? beyondSchema(kind, values[index]).length;
					if (count > 0) this.countOnly(kind, index, count);
				}
			}
		}
	}

	/** References resolved: every problem found. */
	finish(): Checked {
		this.countDeferred();
		const speakersGone: Array<[number, number]> = [];
		for (const kind of ITEM_KINDS) {
			const items = this.items[kind];
			if (REFERENCES[kind].length === 0) continue;
			for (let index = 0; index < items.values.length; index++) {
				this.eachReference(kind, index, (id, reference, at) => {
					const target = this.items[reference.kind];
					const found = target.ids.get(id);
					if (found === undefined) {
						if (reference.required) items.gone.add(index);
						if (this.kept.length >= PROBLEMS_KEPT) {
							this.errors++;
							this.omitted++;
							return;
						}
						const pointer = this.referencePointer(kind, index, reference, at);
						const problem: CheckedProblem = {
							pointer,
							code: 'dangling-reference',
							params: {kind: reference.kind, id},
							message: `${quoted(id)} is not the id of any ${reference.kind} (see "${LISTS[reference.kind]}")`,
							line: this.lineOf(kind, index),
							...items.pinned.get(index)?.get(pointer),
						};
						if (reference.required) problem.item = {kind, index};
						this.report(problem);
					} else if (this.options.lenient && reference.required && target.gone.has(found)) {
						speakersGone.push([index, found]);
					}
				});
			}
		}
		// A quote whose speaker was left out goes too, and says why (its speaker's own problem is listed).
		const quotes = this.items.quote;
		for (const [index, actor] of speakersGone) {
			if (quotes.gone.has(index)) continue;
			quotes.gone.add(index);
			const id = ownString(quotes.values[index], 'speaker') ?? '';
			const pointer = `${this.baseOf('quote', index)}/speaker`;
			this.report({
				pointer,
				code: 'skipped-item',
				params: {kind: 'actor', id},
				message: `left out: its speaker ${quoted(id)} was left out (see ${this.placeOf('actor', actor)})`,
				line: this.lineOf('quote', index),
				...quotes.pinned.get(index)?.get(pointer),
				item: {kind: 'quote', index},
			});
		}
		return {problems: this.kept, omitted: this.omitted, skipped: this.countSkipped(), errors: this.errors};
	}

	/**
	 * What a lenient load opens, once finished: the root's valid fields (the file's name for a title
	 * that is missing or wrong) and every kept item, without its links to items missing or left out.
	 */
	keep(fallbackTitle: string): Record<string, unknown> {
		const doc: Record<string, unknown> = {};
		for (const [key, value] of Object.entries(this.root)) {
			if (ROOT_KEYS.has(key) && !this.badRootKeys.has(key) && !isList(key)) doc[key] = value;
		}
		if (this.badRootKeys.has('title')) doc.title = fallbackTitle;
		for (const kind of ITEM_KINDS) {
			const {values, gone} = this.items[kind];
			const kept: unknown[] = [];
			for (let index = 0; index < values.length; index++) {
				if (!gone.has(index))
					kept.push(this.withoutGoneLinks(kind, values[index] as Record<string, unknown>));
			}
			if (kept.length > 0 || kind === 'event') doc[LISTS[kind]] = kept;
		}
		return doc;
	}

	/** The item as read, or a copy without its links to items that are missing or left out. */
	private withoutGoneLinks(kind: ItemKind, value: Record<string, unknown>): unknown {
		let copy: Record<string, unknown> | undefined;
		for (const reference of REFERENCES[kind]) {
			if (reference.required || !Object.hasOwn(value, reference.key)) continue;
			const refs = value[reference.key];
			const kept = (link: unknown) => {
				const id = linkId(link);
				return id !== undefined && this.isKept(reference.kind, id);
			};
			if (Array.isArray(refs)) {
				if (refs.every(kept)) continue;
				copy ??= {...value};
				copy[reference.key] = refs.filter(kept);
			} else if (!kept(refs)) {
				copy ??= {...value};
				delete copy[reference.key];
			}
		}
		return copy ?? value;
	}

	private countSkipped(): SkippedCounts {
		const counts: SkippedCounts = this.linesLeftOut > 0 ? {line: this.linesLeftOut} : {};
		for (const kind of ITEM_KINDS) {
			const {size} = this.items[kind].gone;
			if (size > 0) counts[kind] = size;
		}
		return counts;
	}

	private referencePointer(kind: ItemKind, index: number, reference: Reference, at: number): string {
		const base = `${this.baseOf(kind, index)}/${reference.key}`;
		if (at === -1) return base;
		const link = ((this.items[kind].values[index] as Record<string, unknown>)[reference.key] as unknown[])[
			at
		];
		return typeof link === 'string' ? `${base}/${at}` : `${base}/${at}/id`;
	}

	private lineOf(kind: ItemKind, index: number): number | undefined {
		return this.items[kind].lines[index] || undefined;
	}

	private baseOf(kind: ItemKind, index: number): string {
		return this.onItsLine(kind, index) ? `/${kind}` : `/${LISTS[kind]}/${index}`;
	}

	/** `/actors/1` in a .json file; `line 4` for an NDJSON item line; `/actors/1 on line 1` in its root line. */
	private placeOf(kind: ItemKind, index: number): string {
		const line = this.lineOf(kind, index);
		if (line === undefined) return this.baseOf(kind, index);
		return this.onItsLine(kind, index) ? `line ${line}` : `${this.baseOf(kind, index)} on line ${line}`;
	}

	private onItsLine(kind: ItemKind, index: number): boolean {
		const line = this.lineOf(kind, index);
		return line !== undefined && line !== this.rootLine;
	}

	private describeWhere(kind: ItemKind, index: number): string {
		return `${this.onItsLine(kind, index) ? 'on' : 'by'} ${this.placeOf(kind, index)}`;
	}
}

/** The title of a file whose own is missing or wrong: its name, as a person would call it. */
export function fallbackTitle(file: string): string {
	return file === '<stdin>' ? 'Untitled timeline' : basename(file, extname(file)) || file;
}

function emptyLists<T>(make: () => T): Record<ItemKind, T> {
	return {actor: make(), place: make(), source: make(), event: make(), quote: make(), era: make()};
}

function isList(key: string): boolean {
	return Object.values(LISTS).some((list) => list === key);
}

/** A link is an id, or an object with one (an actor link with a qualifier: {"id": "cia", "qualifier": "reported"}). */
function linkId(link: unknown): string | undefined {
	return typeof link === 'string' ? link : ownString(link, 'id');
}

function ownString(value: unknown, key: string): string | undefined {
	if (value === null || typeof value !== 'object' || !Object.hasOwn(value, key)) return undefined;
	const found = (value as Record<string, unknown>)[key];
	return typeof found === 'string' ? found : undefined;
}
