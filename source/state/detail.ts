import {formatDateText, relationText, whenText} from '../dataset/dates.js';
import {actorLabel, type Dataset, type Quote, type Source, type TimelineEvent} from '../dataset/model.js';
import type {Problem} from '../dataset/problems.js';
import {cellWidth} from '../text/cells.js';
import {splitRuns} from '../text/highlight.js';
import {webHref} from '../text/links.js';
import {display, displayParagraphs} from './display.js';
import {CHECK_BELOW, type Extraction, extractionOf} from './draft.js';
import {wrapOffsets} from './wrap.js';

/**
 * The detail pane's content as lines at a given width: laid out here, not in the view, because the
 * reducer scrolls it (clamping at the end, bringing a quote into view) and must know where each quote
 * sits. Built once per subject, width and highlighted search hit.
 */

export type Tone = 'plain' | 'title' | 'dim' | 'accent' | 'label' | 'match';

export interface Span {
	readonly text: string;
	readonly tone: Tone;
	/** A web address (`webHref`) the text links to, drawn as an OSC 8 hyperlink where terminals have them. */
	readonly link?: string;
}

export interface DocLine {
	readonly spans: readonly Span[];
	/** Index into `DetailDoc.quotes` when the line belongs to a quote's block. */
	readonly quote?: number;
}

export interface DetailDoc {
	readonly lines: readonly DocLine[];
	/**
	 * The first lines name the subject (the event's date and title): the detail pins them above its
	 * scrolling body when they fit, so the event stays in sight while its quotes scroll.
	 */
	readonly head: number;
	readonly quotes: readonly Quote[];
	/** [first, last] line of each quote's block. */
	readonly quoteLines: ReadonlyArray<readonly [number, number]>;
}

export type Subject =
	| {kind: 'event'; event: TimelineEvent}
	| {kind: 'quote'; quote: Quote}
	| {kind: 'problem'; problem: Problem};

/** A search hit to mark in the detail: which quote, and the matched character ranges of its text. */
export interface Highlight {
	readonly quote: Quote;
	readonly ranges: ReadonlyArray<readonly [number, number]>;
}

/** What the detail shows: the list's selection, with the search hit to mark in it, if any. */
export interface Shown {
	readonly subject: Subject;
	readonly highlight?: Highlight;
}

const INDENT = '  ';

const docCache = new WeakMap<object, {width: number; highlight?: Highlight; doc: DetailDoc}>();

export function detailDoc(
	dataset: Dataset,
	subject: Subject,
	width: number,
	highlight?: Highlight,
): DetailDoc {
	const key =
		subject.kind === 'event' ? subject.event : subject.kind === 'quote' ? subject.quote : subject.problem;
	const hit = docCache.get(key);
	if (hit && hit.width === width && hit.highlight === highlight) return hit.doc;
	const doc = buildDoc(dataset, subject, Math.max(10, width), highlight);
	docCache.set(key, {width, highlight, doc});
	return doc;
}

class DocBuilder {
	readonly lines: DocLine[] = [];
	readonly quoteLines: Array<[number, number]> = [];

	constructor(readonly width: number) {}

	blank(): void {
		if (this.lines.length > 0 && this.lines.at(-1)?.spans.length !== 0) this.lines.push({spans: []});
	}

	/** Wrapped text; `prefix` (e.g. a label) leads the first line, continuation lines are indented. */
	text(
		text: string,
		tone: Tone,
		options: {
			indent?: string;
			prefix?: Span;
			quote?: number;
			ranges?: Highlight['ranges'];
			link?: string;
		} = {},
	): void {
		const indent = options.indent ?? '';
		const prefixWidth = options.prefix ? cellWidth(options.prefix.text) : 0;
		const pad = indent + ' '.repeat(prefixWidth);
		const spans = (start: number, end: number): Span[] => {
			const slice = text.slice(start, end);
			if (options.link) return [{text: slice, tone, link: options.link}];
			if (!options.ranges || options.ranges.length === 0) return [{text: slice, tone}];
			const shifted = options.ranges.map(([s, e]) => [s - start, e - start] as const);
			return splitRuns(
				slice,
				shifted.filter(([, e]) => e >= 0),
			).map((run) => ({text: run.text, tone: run.match ? 'match' : tone}));
		};
		wrapOffsets(text, this.width - cellWidth(pad)).forEach(([start, end], i) => {
			const lead: Span[] =
				i === 0
					? [
							...(indent ? [{text: indent, tone: 'plain' as const}] : []),
							...(options.prefix ? [options.prefix] : []),
						]
					: [{text: pad, tone: 'plain'}];
			this.lines.push({spans: [...lead, ...spans(start, end)], quote: options.quote});
		});
	}

	paragraphs(text: string, tone: Tone, indent = ''): void {
		for (const paragraph of displayParagraphs(text)) {
			if (paragraph.trim() === '') this.blank();
			else this.text(paragraph, tone, {indent});
		}
	}

	heading(text: string): void {
		this.blank();
		this.lines.push({spans: [{text, tone: 'label'}]});
	}
}

function buildDoc(dataset: Dataset, subject: Subject, width: number, highlight?: Highlight): DetailDoc {
	const b = new DocBuilder(width);
	if (subject.kind === 'problem') return problemDoc(b, subject.problem);
	let quotes: readonly Quote[];
	let sources: readonly Source[];
	let head = 0;
	if (subject.kind === 'event') {
		const {event} = subject;
		quotes = event.quotes;
		const when = whenText(event.date) + (event.dateText ? ` · “${display(event.dateText)}”` : '');
		b.text(when, 'accent');
		b.text(display(event.title), 'title');
		head = b.lines.length;
		if (dataset.reference) b.text(relationText(event.date, dataset.reference), 'dim');
		if (event.summary) {
			b.blank();
			b.paragraphs(event.summary, 'plain');
		}
		draftBlock(b, extractionOf(event));
		if (event.actors.length > 0) {
			b.heading('Actors');
			const actors = clip(event.actors, 'actor');
			for (const actor of actors.shown) {
				const name = display(actorLabel(event, actor));
				b.text(actor.description ? `${name} — ${display(actor.description)}` : name, 'plain', {
					indent: INDENT,
				});
			}
			if (actors.more) b.text(actors.more, 'dim', {indent: INDENT});
		}
		const facts: Array<[string, string]> = [];
		if (event.places.length > 0) {
			const places = clip(event.places, 'place');
			const names = places.shown.map(
				(place) => display(place.name) + (place.country ? ` (${display(place.country)})` : ''),
			);
			facts.push(['Places', [...names, ...(places.more ? [places.more] : [])].join(' · ')]);
		}
		if (event.tags.length > 0) {
			const tags = clip(event.tags, 'tag');
			facts.push(['Tags', [...tags.shown.map(display), ...(tags.more ? [tags.more] : [])].join(' · ')]);
		}
		// What --event takes to open the explorer here again.
		facts.push(['Id', display(event.id)]);
		b.blank();
		for (const [label, value] of facts) b.text(value, 'plain', {prefix: {text: `${label}: `, tone: 'label'}});
		sources = event.sources;
	} else {
		quotes = [subject.quote];
		b.text('A quote not tied to any event', 'dim');
		sources = [];
	}

	const quoteLines: Array<[number, number]> = [];
	if (quotes.length > 0) {
		b.heading(quotes.length === 1 ? 'Quote' : `Quotes (${quotes.length})`);
		quotes.forEach((quote, index) => {
			if (index > 0) b.blank();
			const from = b.lines.length;
			quoteBlock(b, quote, index, highlight?.quote === quote ? highlight.ranges : undefined, sources);
			quoteLines.push([from, b.lines.length - 1]);
		});
	}

	const allSources = new Set(sources);
	for (const quote of quotes) if (quote.source) allSources.add(quote.source);
	if (allSources.size > 0) {
		b.heading(allSources.size === 1 ? 'Source' : `Sources (${allSources.size})`);
		const shown = clip([...allSources], 'source');
		for (const source of shown.shown) sourceBlock(b, source);
		if (shown.more) b.text(shown.more, 'dim', {indent: INDENT});
	}
	return {lines: b.lines, head, quotes, quoteLines};
}

/** A problem found while loading: where, what is wrong, and what it cost. */
function problemDoc(b: DocBuilder, problem: Problem): DetailDoc {
	const at = problem.line === undefined ? '' : `line ${problem.line}, column ${problem.column ?? 1}`;
	b.text(display([problem.file, at].filter(Boolean).join(' · ')), 'accent');
	// Where it is heads the detail, pinned as an event's date and title are.
	const head = b.lines.length;
	if (problem.pointer !== undefined) b.text(display(problem.pointer || '(root)'), 'dim');
	b.blank();
	b.text(display(problem.message), problem.severity === 'note' ? 'plain' : 'title');
	b.blank();
	b.text(display(whatItCost(problem)), 'label');
	b.text(display(`code: ${problem.code}`), 'dim');
	return {lines: b.lines, head, quotes: [], quoteLines: []};
}

function whatItCost(problem: Problem): string {
	if (problem.severity === 'note') return 'A note: nothing was left out.';
	const {item} = problem;
	if (item?.kind === 'line') return `Line ${item.index} was left out.`;
	if (item) return `This ${item.kind} (number ${item.index + 1} of its list in the file) was left out.`;
	if (problem.code === 'dangling-reference') return 'The link was dropped; the item that has it is shown.';
	if (problem.code === 'duplicate-key') return 'The last value is shown; the one before it is not.';
	return 'This field was left out; everything else is shown.';
}

/**
 * The most of an event's actors, places, tags or sources the detail lays out; the rest are counted
 * ("… and 99,950 more tags"), and --print and --json list them all. An event with 100,000 tags is
 * data, not something to wrap on every layout.
 */
const LIST_LIMIT = 50;

function clip<T>(items: readonly T[], noun: string): {shown: readonly T[]; more?: string} {
	if (items.length <= LIST_LIMIT) return {shown: items};
	const more = items.length - LIST_LIMIT;
	return {
		shown: items.slice(0, LIST_LIMIT),
		more: `… and ${more.toLocaleString('en')} more ${noun}${more === 1 ? '' : 's'}`,
	};
}

const KIND_LABEL = {direct: 'direct quote', partial: 'partial quote', paraphrase: 'paraphrase'} as const;

function quoteBlock(
	b: DocBuilder,
	quote: Quote,
	index: number,
	ranges: Highlight['ranges'] | undefined,
	eventSources: readonly Source[],
): void {
	const text = display(quote.text);
	// A paraphrase gets no quotation marks: the source did not print those words.
	const [open, close] = quote.kind === 'paraphrase' ? ['(paraphrase) ', ''] : ['“', '”'];
	const shifted = ranges?.map(([s, e]) => [s + open.length, e + open.length] as const);
	b.text(open + text + close, 'plain', {indent: INDENT, quote: index, ranges: shifted});
	const attribution = [
		`— ${display(quote.speaker.name)}`,
		quote.said && `said ${whenText(quote.said)}`,
		quote.kind && KIND_LABEL[quote.kind],
	].filter(Boolean);
	b.text(attribution.join(' · '), 'accent', {indent: `${INDENT}  `, quote: index});
	if (quote.context) b.text(display(quote.context), 'dim', {indent: `${INDENT}  `, quote: index});
	if (quote.original) {
		const language = quote.language ? ` (${display(quote.language)})` : '';
		b.text(`original${language}: “${display(quote.original)}”`, 'dim', {indent: `${INDENT}  `, quote: index});
	}
	const extraction = extractionOf(quote);
	if (extraction) {
		const how = [
			extraction.speakerHow && `speaker: ${extraction.speakerHow}`,
			extraction.saidHow && `date: ${extraction.saidHow}`,
		];
		const facts = [`draft · confidence ${extraction.confidence}`, ...how.filter(Boolean)].join(' · ');
		b.text(display(facts), extraction.confidence < CHECK_BELOW ? 'accent' : 'dim', {
			indent: `${INDENT}  `,
			quote: index,
		});
	}
	// Named only when it says something the event's own single source does not.
	const sourceNeeded = quote.source && !(eventSources.length === 1 && eventSources[0] === quote.source);
	if (quote.source && sourceNeeded) {
		b.text(`source: ${sourceName(quote.source)}`, 'dim', {indent: `${INDENT}  `, quote: index});
	}
}

/** An extracted event: the sentence it was read from, and how sure the extractor was. */
function draftBlock(b: DocBuilder, extraction: Extraction | undefined): void {
	if (!extraction) return;
	const tone = extraction.confidence < CHECK_BELOW ? 'accent' : 'dim';
	b.heading(
		`Draft · confidence ${extraction.confidence}${extraction.confidence < CHECK_BELOW ? ' · check' : ''}`,
	);
	b.text(`from: ${display(extraction.sentence)}`, tone, {indent: INDENT});
}

function sourceBlock(b: DocBuilder, source: Source): void {
	const facts = [
		source.publisher && source.title ? display(source.publisher) : undefined,
		source.published && `published ${formatDateText(source.published)}`,
	].filter(Boolean);
	const link = source.url === undefined ? undefined : webHref(source.url);
	const named = Boolean(source.title || source.publisher);
	b.text(sourceName(source) + (facts.length > 0 ? ` · ${facts.join(' · ')}` : ''), 'plain', {
		indent: INDENT,
		...(!named && link && {link}),
	});
	if (source.url && named)
		b.text(display(source.url), 'accent', {indent: `${INDENT}  `, ...(link && {link})});
	if (source.note) b.text(display(source.note), 'dim', {indent: `${INDENT}  `});
}

export function sourceName(source: Source): string {
	return display(source.title ?? source.publisher ?? source.url ?? source.id);
}
