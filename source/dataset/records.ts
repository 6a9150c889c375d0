import {
	anchorAt,
	type ColumnArrays,
	type Columns,
	type ColumnsMeta,
	LINK_FORMS,
	mustParseEdtf,
	NO_REF,
} from './columns.js';
import {sortByDate} from './dates.js';
import {type Anchor, type EdtfDate, parseEdtf} from './edtf.js';
import {IdMap} from './id-table.js';
import type {Actor, Dataset, Era, Place, Quote, Source, TimelineEvent} from './model.js';
import {QUOTE_KINDS, type QuoteKind} from './quote-kinds.js';
import type {ActorLinkDoc, EraDoc, EventDoc, QuoteDoc, SourceDoc, TimescopeDocument} from './schema.js';
import {NO_STRING, StringTable} from './strings.js';

/**
 * The `Dataset` over columns (columns.ts): one small object per event and per quote, holding only its
 * position; every field is read from the columns when asked for. Objects are made once, so an event
 * is the same object wherever it is met (selections, sets and caches key on that). Strings are
 * decoded on each read and never held: what is on screen costs memory, not the whole archive.
 */

/** What the records of one dataset share; on their prototype, not in each object. */
class Store {
	readonly strings: StringTable;
	readonly a: ColumnArrays;
	readonly root: Record<string, unknown>;
	readonly actorList: readonly Actor[];
	readonly placeList: readonly Place[];
	readonly sourceList: readonly Source[];
	events: readonly TimelineEvent[] = [];
	quotes: readonly Quote[] = [];
	private readonly dates: Array<EdtfDate | undefined>;
	private readonly anchors: Array<Anchor | undefined>;
	private readonly strangers = new Map<string, Actor>();
	// Lists made lately, by field and record (a direct-mapped cache): code that reads `event.tags[i]`
	// in a loop makes the list once, not once per item (100,000 tags made that quadratic).
	private readonly recentOwners = new Int32Array(LIST_FIELDS * RECENT_LISTS).fill(-1);
	private readonly recentLists: unknown[] = new Array(LIST_FIELDS * RECENT_LISTS);

	constructor(
		columns: Columns,
		readonly meta: ColumnsMeta,
	) {
		this.strings = new StringTable(columns.strings);
		this.a = columns.arrays;
		this.root = JSON.parse(this.strings.decode(meta.root)) as Record<string, unknown>;
		this.actorList = (this.root.actors as Actor[] | undefined) ?? [];
		this.placeList = (this.root.places as Place[] | undefined) ?? [];
		this.sourceList = (this.root.sources as Source[] | undefined) ?? [];
		this.dates = new Array(columns.arrays.dateText.length);
		this.anchors = new Array(columns.arrays.dateText.length);
	}

	text(id: number): string {
		return this.strings.get(id);
	}

	optional(id: number): string | undefined {
		return this.strings.optional(id);
	}

	/** Parsed on first use: a first frame reads the dates of the events it groups, not every quote's. */
	date(slot: number): EdtfDate {
		let date = this.dates[slot];
		if (date === undefined) {
			date = mustParseEdtf(this.text(this.a.dateText[slot] as number));
			this.dates[slot] = date;
		}
		return date;
	}

	/** One object per date, as dates are: a run of events on one date shares it. */
	anchor(slot: number): Anchor {
		let anchor = this.anchors[slot];
		if (anchor === undefined) {
			anchor = anchorAt(this.a, slot);
			this.anchors[slot] = anchor;
		}
		return anchor;
	}

	/** A speaker the actors list does not name (a checked document has none): one object per id. */
	stranger(id: string): Actor {
		let actor = this.strangers.get(id);
		if (!actor) {
			actor = {id, name: id};
			this.strangers.set(id, actor);
		}
		return actor;
	}

	/** Field `field` of record `owner`, made by `make` unless it was made lately. */
	recently<T>(field: number, owner: number, make: () => T): T {
		const slot = field * RECENT_LISTS + (owner & (RECENT_LISTS - 1));
		if (this.recentOwners[slot] === owner) return this.recentLists[slot] as T;
		const value = make();
		this.recentOwners[slot] = owner;
		this.recentLists[slot] = value;
		return value;
	}

	refs<T>(start: Uint32Array, refs: Int32Array, owner: number, table: readonly T[]): readonly T[] {
		const from = start[owner] as number;
		const to = start[owner + 1] as number;
		if (from === to) return NONE;
		const out: T[] = [];
		for (let k = from; k < to; k++) {
			const ref = refs[k] as number;
			if (ref !== NO_REF) out.push(table[ref] as T);
		}
		return out;
	}

	texts(start: Uint32Array, ids: Uint32Array, owner: number): string[] {
		const out: string[] = [];
		for (let k = start[owner] as number, to = start[owner + 1] as number; k < to; k++)
			out.push(this.text(ids[k] as number));
		return out;
	}

	/** Fields no column holds, as written (extensions). */
	rest(id: number): Record<string, unknown> | undefined {
		return id === NO_STRING ? undefined : (JSON.parse(this.text(id)) as Record<string, unknown>);
	}
}

const RECENT_LISTS = 64;
/** The fields `Store.recently` keeps lists of. */
const LIST = {actors: 0, qualifiers: 1, places: 2, tags: 3, sources: 4, quotes: 5, events: 6} as const;
const LIST_FIELDS = 7;

// Shared by every record without such references: an archive has hundreds of thousands.
const NONE: readonly never[] = Object.freeze([]);
const NO_QUALIFIERS: ReadonlyMap<string, string> = new Map();

abstract class EventRecord implements TimelineEvent {
	declare protected readonly s: Store;

	constructor(readonly index: number) {}

	get id(): string {
		return this.s.text(this.s.a.evId[this.index] as number);
	}

	get date(): EdtfDate {
		return this.s.date(this.s.a.evDate[this.index] as number);
	}

	get anchor(): Anchor {
		return this.s.anchor(this.s.a.evDate[this.index] as number);
	}

	get dateWidth(): number {
		return this.s.a.dateWidth[this.s.a.evDate[this.index] as number] as number;
	}

	get title(): string {
		return this.s.text(this.s.a.evTitle[this.index] as number);
	}

	get dateText(): string | undefined {
		return this.s.optional(this.s.a.evDateText[this.index] as number);
	}

	get summary(): string | undefined {
		return this.s.optional(this.s.a.evSummary[this.index] as number);
	}

	get actors(): readonly Actor[] {
		const {a} = this.s;
		return this.s.recently(LIST.actors, this.index, () =>
			this.s.refs(a.evActorStart, a.actorRef, this.index, this.s.actorList),
		);
	}

	get actorQualifiers(): ReadonlyMap<string, string> {
		return this.s.recently(LIST.qualifiers, this.index, () => this.qualifiers());
	}

	private qualifiers(): ReadonlyMap<string, string> {
		const {a} = this.s;
		let qualifiers: Map<string, string> | undefined;
		for (let k = a.evActorStart[this.index] as number; k < (a.evActorStart[this.index + 1] as number); k++) {
			const qualifier = a.actorQualifier[k] as number;
			if (qualifier === NO_STRING) continue;
			qualifiers ??= new Map();
			qualifiers.set(this.s.text(a.actorId[k] as number), this.s.text(qualifier));
		}
		return qualifiers ?? NO_QUALIFIERS;
	}

	get places(): readonly Place[] {
		const {a} = this.s;
		return this.s.recently(LIST.places, this.index, () =>
			this.s.refs(a.evPlaceStart, a.placeRef, this.index, this.s.placeList),
		);
	}

	get tags(): readonly string[] {
		const {a} = this.s;
		if (a.evTagStart[this.index] === a.evTagStart[this.index + 1]) return NONE;
		return this.s.recently(LIST.tags, this.index, () => this.s.texts(a.evTagStart, a.tag, this.index));
	}

	get sources(): readonly Source[] {
		const {a} = this.s;
		return this.s.recently(LIST.sources, this.index, () =>
			this.s.refs(a.evSourceStart, a.sourceRef, this.index, this.s.sourceList),
		);
	}

	get quotes(): readonly Quote[] {
		return this.s.recently(LIST.quotes, this.index, () => this.ownQuotes());
	}

	private ownQuotes(): readonly Quote[] {
		const {a, quotes} = this.s;
		const from = a.evQuoteStart[this.index] as number;
		const to = a.evQuoteStart[this.index + 1] as number;
		if (from === to) return NONE;
		const out: Quote[] = [];
		for (let k = from; k < to; k++) out.push(quotes[a.evQuote[k] as number] as Quote);
		return out;
	}

	get doc(): EventDoc {
		return eventDoc(this.s, this.index);
	}
}

abstract class QuoteRecord implements Quote {
	declare protected readonly s: Store;

	constructor(readonly index: number) {}

	get id(): string {
		return this.s.text(this.s.a.qId[this.index] as number);
	}

	get text(): string {
		return this.s.text(this.s.a.qText[this.index] as number);
	}

	get speaker(): Actor {
		const {a} = this.s;
		const ref = a.qSpeakerRef[this.index] as number;
		return ref === NO_REF
			? this.s.stranger(this.s.text(a.qSpeaker[this.index] as number))
			: (this.s.actorList[ref] as Actor);
	}

	get kind(): QuoteKind | undefined {
		const kind = this.s.a.qKind[this.index] as number;
		return kind === 0 ? undefined : QUOTE_KINDS[kind - 1];
	}

	get said(): EdtfDate | undefined {
		const slot = this.s.a.qSaid[this.index] as number;
		return slot === NO_STRING ? undefined : this.s.date(slot);
	}

	get saidAnchor(): Anchor | undefined {
		const slot = this.s.a.qSaid[this.index] as number;
		return slot === NO_STRING ? undefined : this.s.anchor(slot);
	}

	get saidWidth(): number | undefined {
		const slot = this.s.a.qSaid[this.index] as number;
		return slot === NO_STRING ? undefined : (this.s.a.dateWidth[slot] as number);
	}

	get context(): string | undefined {
		return this.s.optional(this.s.a.qContext[this.index] as number);
	}

	get events(): readonly TimelineEvent[] {
		const {a} = this.s;
		return this.s.recently(LIST.events, this.index, () =>
			this.s.refs(a.qEventStart, a.qEventRef, this.index, this.s.events),
		);
	}

	get source(): Source | undefined {
		const ref = this.s.a.qSourceRef[this.index] as number;
		return ref === NO_REF ? undefined : this.s.sourceList[ref];
	}

	get original(): string | undefined {
		return this.s.optional(this.s.a.qOriginal[this.index] as number);
	}

	get language(): string | undefined {
		return this.s.optional(this.s.a.qLanguage[this.index] as number);
	}

	get doc(): QuoteDoc {
		return quoteDoc(this.s, this.index);
	}
}

/** A key of an item's document, set as written even when it is `__proto__`. */
function put(doc: Record<string, unknown>, key: string, value: unknown): void {
	Object.defineProperty(doc, key, {value, enumerable: true, writable: true, configurable: true});
}

function eventDoc(s: Store, i: number): EventDoc {
	const {a} = s;
	const rest = s.rest(a.evRest[i] as number);
	const doc: Record<string, unknown> = {};
	for (const key of s.meta.eventShapes[a.evShape[i] as number] ?? []) {
		switch (key) {
			case 'id':
				doc.id = s.text(a.evId[i] as number);
				break;
			case 'date':
				doc.date = s.text(a.dateText[a.evDate[i] as number] as number);
				break;
			case 'title':
				doc.title = s.text(a.evTitle[i] as number);
				break;
			case 'dateText':
				doc.dateText = s.text(a.evDateText[i] as number);
				break;
			case 'summary':
				doc.summary = s.text(a.evSummary[i] as number);
				break;
			case 'actors':
				doc.actors = actorLinks(s, i);
				break;
			case 'places':
				doc.places = s.texts(a.evPlaceStart, a.placeId, i);
				break;
			case 'tags':
				doc.tags = s.texts(a.evTagStart, a.tag, i);
				break;
			case 'sources':
				doc.sources = s.texts(a.evSourceStart, a.sourceId, i);
				break;
			default:
				put(doc, key, rest?.[key]);
		}
	}
	return doc as EventDoc;
}

function actorLinks(s: Store, i: number): ActorLinkDoc[] {
	const {a} = s;
	const links: ActorLinkDoc[] = [];
	for (let k = a.evActorStart[i] as number; k < (a.evActorStart[i + 1] as number); k++) {
		const id = s.text(a.actorId[k] as number);
		const form = LINK_FORMS[a.actorForm[k] as number];
		if (form === 'id') links.push(id);
		else if (form === 'object') links.push({id});
		else {
			const qualifier = s.text(a.actorQualifier[k] as number);
			links.push(form === 'idQualifier' ? {id, qualifier} : {qualifier, id});
		}
	}
	return links;
}

function quoteDoc(s: Store, k: number): QuoteDoc {
	const {a} = s;
	const rest = s.rest(a.qRest[k] as number);
	const doc: Record<string, unknown> = {};
	for (const key of s.meta.quoteShapes[a.qShape[k] as number] ?? []) {
		switch (key) {
			case 'id':
				doc.id = s.text(a.qId[k] as number);
				break;
			case 'text':
				doc.text = s.text(a.qText[k] as number);
				break;
			case 'speaker':
				doc.speaker = s.text(a.qSpeaker[k] as number);
				break;
			case 'kind':
				doc.kind = QUOTE_KINDS[(a.qKind[k] as number) - 1];
				break;
			case 'said':
				doc.said = s.text(a.dateText[a.qSaid[k] as number] as number);
				break;
			case 'context':
				doc.context = s.text(a.qContext[k] as number);
				break;
			case 'events':
				doc.events = s.texts(a.qEventStart, a.qEventId, k);
				break;
			case 'source':
				doc.source = s.text(a.qSource[k] as number);
				break;
			case 'original':
				doc.original = s.text(a.qOriginal[k] as number);
				break;
			case 'language':
				doc.language = s.text(a.qLanguage[k] as number);
				break;
			default:
				put(doc, key, rest?.[key]);
		}
	}
	return doc as QuoteDoc;
}

/**
 * The document as it was checked, rebuilt from the columns: the same keys in the same order, so
 * `--json` writes the same bytes. Its events and quotes are made when read, and not kept.
 */
function documentOf(s: Store): TimescopeDocument {
	const doc: Record<string, unknown> = {};
	for (const key of s.meta.rootKeys) {
		if (key === 'events') {
			Object.defineProperty(doc, key, {enumerable: true, configurable: true, get: () => eventDocs(s)});
		} else if (key === 'quotes') {
			Object.defineProperty(doc, key, {
				enumerable: true,
				configurable: true,
				get: () => Array.from({length: s.quotes.length}, (_, k) => quoteDoc(s, k)),
			});
		} else put(doc, key, s.root[key]);
	}
	return doc as TimescopeDocument;
}

/** In the document's order, not the timeline's. */
function eventDocs(s: Store): EventDoc[] {
	const {evOrder} = s.a;
	const docs = new Array<EventDoc>(evOrder.length);
	for (let i = 0; i < evOrder.length; i++) docs[evOrder[i] as number] = eventDoc(s, i);
	return docs;
}

const columnsByDataset = new WeakMap<Dataset, Columns>();

/** The columns a dataset reads (to pack them for the cache). */
export function columnsOf(dataset: Dataset): Columns {
	const columns = columnsByDataset.get(dataset);
	if (!columns) throw new Error('this dataset was not opened over columns');
	return columns;
}

/** The dataset over `columns`; they must not change afterwards. */
export function openColumns(columns: Columns): Dataset {
	const s = new Store(columns, columns.meta);
	class Event extends EventRecord {}
	class Said extends QuoteRecord {}
	Object.defineProperty(Event.prototype, 's', {value: s});
	Object.defineProperty(Said.prototype, 's', {value: s});
	const events: TimelineEvent[] = new Array(columns.arrays.evId.length);
	for (let i = 0; i < events.length; i++) events[i] = new Event(i);
	const quotes: Quote[] = new Array(columns.arrays.qId.length);
	for (let k = 0; k < quotes.length; k++) quotes[k] = new Said(k);
	s.events = events;
	s.quotes = quotes;

	const root = s.root as Partial<TimescopeDocument>;
	const eras: Era[] = sortByDate(
		(root.eras ?? []).map((era: EraDoc) => ({
			id: era.id,
			date: mustParseEdtf(era.date),
			title: era.title,
			doc: era,
		})),
	);
	const referenceDate = root.referenceDate === undefined ? undefined : mustParseEdtf(root.referenceDate);
	const positions = new Uint32Array(events.length);
	for (let i = 0; i < positions.length; i++) positions[i] = i;
	const dataset: Dataset = {
		doc: documentOf(s),
		title: root.title ?? '',
		summary: root.summary,
		referenceDate,
		reference: referenceDate && {date: referenceDate, publication: isPublished(referenceDate, root.sources)},
		events,
		quotes,
		eras,
		actors: byId(s.actorList),
		places: byId(s.placeList),
		sources: byId(s.sourceList),
		dateRuns: runStarts(columns.arrays.evDate),
		eventsById: new IdMap<TimelineEvent>(
			columns.arrays.evIdTable,
			positions,
			(i) => s.text(columns.arrays.evId[i] as number),
			(i) => events[i] as TimelineEvent,
		),
	};
	columnsByDataset.set(dataset, columns);
	return dataset;
}

/** Where each run of equal values starts (events of one date slot, for `Dataset.dateRuns`). */
function runStarts(values: Uint32Array): Uint32Array {
	let runs = 0;
	for (let i = 0; i < values.length; i++) if (i === 0 || values[i] !== values[i - 1]) runs++;
	const starts = new Uint32Array(runs);
	for (let i = 0, r = 0; i < values.length; i++) if (i === 0 || values[i] !== values[i - 1]) starts[r++] = i;
	return starts;
}

function byId<T extends {id: string}>(items: readonly T[]): Map<string, T> {
	return new Map(items.map((item) => [item.id, item]));
}

/** Whether a date is the publication date of one of the sources (an article's date). */
function isPublished(date: EdtfDate, sources: readonly SourceDoc[] | undefined): boolean {
	return (sources ?? []).some((source) => {
		if (!source.published) return false;
		const parsed = parseEdtf(source.published);
		return parsed.ok && parsed.date.min === date.min && parsed.date.max === date.max;
	});
}
