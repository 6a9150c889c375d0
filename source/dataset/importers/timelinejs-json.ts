import {url} from 'zod';
import {formatDate} from '../dates.js';
import {parseEdtf} from '../edtf.js';
import {TIMELINEJS3_JSON} from '../formats.js';
import type {ProblemCode} from '../problems.js';
import {
	documentSchema,
	type EraDoc,
	type EventDoc,
	type SourceDoc,
	type TimescopeDocument,
} from '../schema.js';
import {htmlToLine, htmlToText} from './html-text.js';
import {IdAllocator, slugify, toValidId} from './ids.js';
import {
	type ImportProblem,
	type ImportResult,
	type Locate,
	type PathPart,
	toJsonPointer,
} from './problems.js';
import {type DateSide, describeValue, isAbsent, slideDate, UnreadableDate} from './timelinejs-dates.js';

/**
 * TimelineJS 3 JSON (`{"title": slide, "events": [slide...], "eras": [...]}`) to `timescope/1`.
 * The CSV and v2 importers build this same shape and convert it here, passing a `Locate` that maps
 * each path back to where it came from in their input.
 *
 * Nothing is dropped: whatever timescope does not show, or shows converted (HTML made plain), stays
 * under `extensions.timelinejs` in its original form. Eras have no extensions in the schema, so theirs
 * go to the document's `extensions.timelinejs.eras`, keyed by era id.
 */

export type Json = Record<string, unknown>;

export function isObject(value: unknown): value is Json {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** TimelineJS accepts numbers where it expects text (`"headline": 1984`). */
function textOf(value: unknown): string {
	return typeof value === 'string'
		? value
		: typeof value === 'number' || typeof value === 'boolean'
			? String(value)
			: '';
}

export function importTimelineJs3(value: Json, fileName: string): ImportResult {
	return convertTimeline(value, {
		fileName,
		format: TIMELINEJS3_JSON,
		locate: (path) => ({pointer: toJsonPointer(path)}),
	});
}

export interface ConvertOptions {
	fileName: string;
	format: string;
	locate: Locate;
}

interface Text {
	headline: string;
	body: string;
	/** The plain forms equal the originals and the object holds nothing else. */
	lossless: boolean;
}

export function readText(value: unknown): Text {
	if (!isObject(value)) return {headline: '', body: '', lossless: value === undefined};
	const rawHeadline = textOf(value.headline);
	const rawBody = textOf(value.text);
	const headline = htmlToLine(rawHeadline);
	const body = htmlToText(rawBody);
	const onlyText = Object.keys(value).every((key) => key === 'headline' || key === 'text');
	return {headline, body, lossless: onlyText && headline === rawHeadline && body === rawBody};
}

interface Media {
	url?: string;
	title?: string;
	publisher?: string;
	/** Plain text of an HTML embed (TimelineJS shows a `<blockquote>` "url" as the quote itself). */
	embedText?: string;
}

const webUrl = url({protocol: /^https?$/});

function readMedia(value: unknown): Media | undefined {
	if (!isObject(value)) return undefined;
	const raw = textOf(value.url).trim();
	const caption = htmlToLine(textOf(value.caption));
	const credit = htmlToLine(textOf(value.credit));
	const media: Media = {};
	if (raw.startsWith('<')) {
		const embedText = htmlToText(raw);
		if (embedText) media.embedText = embedText;
	} else if (webUrl.safeParse(raw).success) {
		media.url = raw;
	}
	// The address is listed once, as itself: a caption or credit that repeats it says nothing more.
	const title = withoutWord(caption, raw);
	const publisher = withoutWord(credit, raw);
	if (title) media.title = title;
	if (publisher) media.publisher = publisher;
	return media;
}

/** `text` without the whitespace-separated occurrences of `word`. */
function withoutWord(text: string, word: string): string {
	if (!word || !text.includes(word)) return text;
	return text
		.split(/\s+/u)
		.filter((part) => part !== word)
		.join(' ');
}

function firstWords(text: string, max = 60): string {
	const line = text.split('\n')[0]?.trim() ?? '';
	if (line.length <= max) return line;
	const cut = line.slice(0, max + 1).lastIndexOf(' ');
	return `${line.slice(0, cut > max / 2 ? cut : max).replace(/[\s,;:–—-]+$/u, '')}…`;
}

/** What a date problem points at: the part if it exists, else the date object, else the slide. */
function datePath(
	slide: Json,
	base: readonly PathPart[],
	on: DateSide,
	field: string | undefined,
): PathPart[] {
	const date = slide[on];
	if (date === undefined) return [...base];
	if (field !== undefined && (date instanceof UnreadableDate || (isObject(date) && field in date))) {
		return [...base, on, field];
	}
	return [...base, on];
}

function dateTextOf(slide: Json): string | undefined {
	const own = textOf(slide.display_date).trim();
	if (own) return own;
	const ends = [slide.start_date, slide.end_date].map((d) =>
		isObject(d) ? textOf(d.display_date).trim() : '',
	);
	return ends.filter(Boolean).join(' – ') || undefined;
}

/** Says nothing: absent, empty, or an object of such (`{"year": "", "month": ""}`). */
function isEmptyValue(value: unknown): boolean {
	return isAbsent(value) || (isObject(value) && Object.values(value).every(isAbsent));
}

/** The slide's keys worth keeping: those `shown` does not account for. */
function leftovers(slide: Json, shown: (key: string, value: unknown) => boolean): Json | undefined {
	const kept = Object.entries(slide).filter(([key, value]) => !shown(key, value));
	return kept.length > 0 ? Object.fromEntries(kept) : undefined;
}

/** A slide by its place among the input's events or eras. */
interface SlideRef {
	kind: 'event' | 'era';
	index: number;
}

/** The same for a file and for standard input: a file's name is not the timeline's title. */
const UNTITLED = 'Untitled TimelineJS timeline';

interface Draft {
	slide: Json;
	date: string;
	dateLossless: boolean;
	dateText?: string;
	title: string;
	titleFrom?: string;
	summary?: string;
	textLossless: boolean;
	media?: Media;
	tag?: string;
	uniqueId: string;
}

/** The eras as a list of [slide, path]: TimelineJS 2 files often hold one era object instead of a list. */
function eraSlides(eras: unknown): {slides: Array<[unknown, PathPart[]]>; ignored?: string} {
	if (eras === undefined || eras === null) return {slides: []};
	if (Array.isArray(eras)) return {slides: eras.map((era, index) => [era, ['eras', index]])};
	if (isObject(eras) && !isEmptyValue(eras.start_date)) return {slides: [[eras, ['eras']]]};
	return {
		slides: [],
		ignored: isObject(eras)
			? 'an era object without a start date is ignored (TimelineJS 2 ignores any era that is not in a list)'
			: `eras must be a list; ${describeValue(eras)} is ignored`,
	};
}

export function convertTimeline(config: Json, options: ConvertOptions): ImportResult {
	const problems: ImportProblem[] = [];

	if (!Array.isArray(config.events)) {
		const found = config.events === undefined ? 'none' : describeValue(config.events);
		const path = config.events === undefined ? [] : ['events'];
		problems.push({
			code: 'not-timelinejs',
			params: {found},
			message: `expected a list of events, found ${found}`,
			...options.locate(path),
		});
		return {ok: false, format: options.format, problems};
	}

	/** A slide left out: the others go on. */
	const skip = (item: SlideRef, path: readonly PathPart[], why: string) => {
		problems.push({
			code: 'skipped-item',
			params: {kind: item.kind, index: item.index, reason: why},
			message: why,
			item,
			...options.locate(path),
		});
	};
	const note = (path: readonly PathPart[], code: ProblemCode, message: string) => {
		problems.push({code, params: {}, message, severity: 'note', ...options.locate(path)});
	};

	/** The slide with its date, or undefined once why it is left out is reported. */
	const dated = (slide: unknown, base: PathPart[], item: SlideRef) => {
		if (!isObject(slide)) {
			skip(
				item,
				base,
				`${item.kind === 'era' ? 'an era' : 'an event'} must be an object, found ${describeValue(slide)}`,
			);
			return undefined;
		}
		const date = slideDate(slide.start_date, slide.end_date);
		if (!date.ok) {
			skip(item, datePath(slide, base, date.on, date.field), date.error);
			return undefined;
		}
		for (const {on, field, message} of date.notes)
			note(datePath(slide, base, on, field), 'bad-date', message);
		return {slide, date};
	};

	const drafts: Draft[] = [];
	config.events.forEach((slide: unknown, index) => {
		const read = dated(slide, ['events', index], {kind: 'event', index});
		if (read) drafts.push(draftEvent(read.slide, read.date.edtf, read.date.lossless));
	});

	const eras: EraDoc[] = [];
	const eraExtensions: Json = {};
	const eraIds = new IdAllocator();
	const {slides: eraList, ignored} = eraSlides(config.eras);
	if (ignored) note(['eras'], 'skipped-item', ignored);
	eraList.forEach(([slide, base], index) => {
		const read = dated(slide, base, {kind: 'era', index});
		if (!read) return;
		const {date} = read;
		if (!date.edtf.includes('/') || date.edtf.endsWith('/')) {
			const end = read.slide.end_date === undefined ? base : [...base, 'end_date'];
			skip({kind: 'era', index}, end, 'an era is a span of time: it needs an end_date after its start_date');
			return;
		}
		const text = readText(read.slide.text);
		const title = text.headline || formatDate(mustParse(date.edtf));
		const id = eraIds.allocate(slugify(title) || slugify(date.edtf) || 'era');
		eras.push({id, date: date.edtf, title});
		const kept = leftovers(
			read.slide,
			(key, value) =>
				((key === 'start_date' || key === 'end_date') && date.lossless) ||
				// An era shows only its headline: a text beside it is kept.
				(key === 'text' && text.lossless && text.body === '') ||
				isEmptyValue(value),
		);
		if (kept) eraExtensions[id] = kept;
	});

	const ids = assignIds(drafts);
	const sourceIds = new IdAllocator();
	const sources: SourceDoc[] = [];
	const events = drafts.map((draft, index): EventDoc => {
		const id = ids[index] ?? '';
		const {media} = draft;
		let source: SourceDoc | undefined;
		if (media && (media.url || media.title || media.publisher)) {
			source = compact({
				id: sourceIds.allocate(`media-${id}`),
				title: media.title,
				publisher: media.publisher,
				url: media.url,
			});
			sources.push(source);
		}
		const kept = leftovers(draft.slide, (key, value) => {
			switch (key) {
				case 'start_date':
				case 'end_date':
					return draft.dateLossless || isEmptyValue(value);
				case 'text':
					// Kept when the title was borrowed, as the record that the slide had none.
					return draft.textLossless && draft.titleFrom === undefined;
				case 'group':
					return isAbsent(value) || value === draft.tag;
				case 'unique_id':
					return isAbsent(value) || value === id;
				case 'display_date':
					return isAbsent(value) || value === draft.dateText;
				default:
					return isEmptyValue(value);
			}
		});
		const extensions = compact({
			timelinejs: kept,
			timescope: draft.titleFrom ? {titleFrom: draft.titleFrom} : undefined,
		});
		return compact({
			id,
			date: draft.date,
			dateText: draft.dateText,
			title: draft.title,
			summary: draft.summary,
			tags: draft.tag ? [draft.tag] : undefined,
			sources: source ? [source.id] : undefined,
			extensions: Object.keys(extensions).length > 0 ? extensions : undefined,
		});
	});

	const head = documentHead(config, options, eraExtensions);
	const doc: TimescopeDocument = compact({
		format: 'timescope/1',
		title: head.title,
		summary: head.summary,
		sources: sources.length > 0 ? sources : undefined,
		events,
		eras: eras.length > 0 ? eras : undefined,
		extensions: head.extensions,
	});
	return finish(doc, options, problems);
}

/** The object without its undefined values, so output JSON and comparisons see only what is set. */
function compact<T extends object>(object: T): T {
	return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined)) as T;
}

export function draftEvent(slide: Json, date: string, dateLossless: boolean): Draft {
	const text = readText(slide.text);
	const media = readMedia(slide.media);
	const dateText = dateTextOf(slide);
	const summary = [text.body, media?.embedText].filter(Boolean).join('\n\n') || undefined;
	let title = text.headline;
	let titleFrom: string | undefined;
	// TimelineJS shows a slide without headline; timescope lists events by title, so it borrows one.
	if (!title) {
		const candidates: Array<[string, string | undefined]> = [
			['text', summary && firstWords(summary)],
			['media caption', media?.title !== media?.url ? media?.title : undefined],
			['display date', dateText],
			['date', formatDate(mustParse(date))],
		];
		for (const [from, value] of candidates) {
			if (value) {
				[title, titleFrom] = [value, from];
				break;
			}
		}
	}
	const tag = textOf(slide.group).trim();
	return {
		slide,
		date,
		dateLossless,
		dateText,
		title,
		titleFrom,
		summary,
		textLossless: text.lossless,
		media,
		tag: tag || undefined,
		uniqueId: toValidId(textOf(slide.unique_id)),
	};
}

/**
 * A slide's own `unique_id` wins (links and bookmarks use it); the others get `date-headline` slugs.
 * Own ids are claimed first, exact ones before those made valid, so a changed or derived id never
 * takes an id a slide really has.
 */
function assignIds(drafts: readonly Draft[]): string[] {
	const allocator = new IdAllocator();
	const ids = drafts.map(() => '');
	const exact = (draft: Draft) => draft.uniqueId === textOf(draft.slide.unique_id);
	for (const pass of [true, false]) {
		drafts.forEach((draft, index) => {
			if (draft.uniqueId && exact(draft) === pass && allocator.reserve(draft.uniqueId))
				ids[index] = draft.uniqueId;
		});
	}
	return drafts.map((draft, index) => {
		if (ids[index]) return ids[index];
		if (draft.uniqueId) return allocator.allocate(draft.uniqueId);
		const day = draft.date.split('/')[0]?.split('T')[0] ?? draft.date;
		return allocator.allocate([day, slugify(draft.title)].filter(Boolean).join('-'));
	});
}

interface Head {
	title: string;
	summary?: string;
	extensions: Json;
}

function documentHead(config: Json, options: ConvertOptions, eraExtensions: Json): Head {
	// Some Sheets exports write the title slide as a one-slide list.
	const slide = isObject(config.title)
		? config.title
		: Array.isArray(config.title) && isObject(config.title[0])
			? config.title[0]
			: undefined;
	const text = readText(slide?.text);
	const timelinejs: Json = {};
	const timescope: Json = {importedFrom: options.format};
	let title = text.headline;
	if (!title) {
		title = UNTITLED;
		// Recorded so a reader can tell the timeline has no title of its own.
		timescope.titleFrom = 'none';
	}
	if (slide === config.title && slide) {
		const kept = leftovers(
			slide,
			(key, value) => (key === 'text' && text.lossless && text.headline !== '') || isEmptyValue(value),
		);
		if (kept) timelinejs.title = kept;
	} else if (config.title !== undefined) {
		timelinejs.title = config.title;
	}
	for (const [key, value] of Object.entries(config)) {
		if (key !== 'title' && key !== 'events' && key !== 'eras') timelinejs[key] = value;
	}
	if (Object.keys(eraExtensions).length > 0) timelinejs.eras = eraExtensions;
	const extensions: Json = {timescope};
	if (Object.keys(timelinejs).length > 0) extensions.timelinejs = timelinejs;
	return {title, summary: text.body || undefined, extensions};
}

/** The converter builds valid documents; this guard turns a slip into a problem, not a bad file. */
function finish(doc: TimescopeDocument, options: ConvertOptions, problems: ImportProblem[]): ImportResult {
	const parsed = documentSchema.safeParse(doc);
	if (parsed.success) return {ok: true, doc: parsed.data, format: options.format, skipped: problems};
	const failures = parsed.error.issues.map((issue): ImportProblem => {
		const at = toJsonPointer(issue.path.map(String));
		return {
			code: 'conversion-failed',
			params: {pointer: at},
			message: `could not convert to timescope/1 (${at}: ${issue.message}); a timescope bug: please report it with this file`,
			...options.locate([]),
		};
	});
	return {ok: false, format: options.format, problems: failures};
}

function mustParse(edtf: string) {
	const parsed = parseEdtf(edtf);
	if (!parsed.ok) throw new Error(`slideDate returned an invalid EDTF date "${edtf}"`);
	return parsed.date;
}
