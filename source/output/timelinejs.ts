import {formatDate} from '../dataset/dates.js';
import {type EdtfDate, type EdtfPoint, parseEdtf} from '../dataset/edtf.js';
import {htmlToLine, htmlToText} from '../dataset/importers/html-text.js';
import {slideDate, timelineJsYear} from '../dataset/importers/timelinejs-dates.js';
import {draftEvent, isObject, type Json, readText} from '../dataset/importers/timelinejs-json.js';
import type {EventDoc, QuoteDoc, SourceDoc, TimescopeDocument} from '../dataset/schema.js';

/**
 * `convert --as timelinejs`: a `timescope/1` document as TimelineJS 3 JSON, so a timeline explored here
 * can be published with TimelineJS.
 *
 * A timeline that came from TimelineJS goes back as it came: what the importer kept of each slide
 * under `extensions.timelinejs` (the original dates, HTML, media, background, group, unknown keys) is
 * written again wherever it still says what the event says — checked by reading the slide back with
 * the importer — and rebuilt from the event where it does not (a file edited since). A timeline made
 * here becomes slides from its fields: summary and quotes as HTML text, the first source as media,
 * the first tag as group. Years go back to TimelineJS's numbering (astronomical 0 is its -1), and a
 * date TimelineJS cannot express (approximate, uncertain, open, one of a set) keeps its meaning in
 * `display_date`.
 */

type Slide = Json;

export function toTimelineJs(doc: TimescopeDocument): Json {
	const kept = extensionOf(doc);
	const sources = new Map((doc.sources ?? []).map((source) => [source.id, source]));
	const quotesOf = new Map<string, QuoteDoc[]>();
	for (const quote of doc.quotes ?? []) {
		for (const id of quote.events ?? []) quotesOf.set(id, [...(quotesOf.get(id) ?? []), quote]);
	}
	const names = new Map([...(doc.actors ?? []), ...(doc.places ?? [])].map((item) => [item.id, item.name]));
	const out: Json = {};
	out.title = inOrder(titleSlide(doc, kept));
	out.events = doc.events.map((event) =>
		inOrder(eventSlide(event, {sources, quotes: quotesOf.get(event.id) ?? [], names})),
	);
	const eraKept = isObject(kept.eras) ? kept.eras : {};
	if (doc.eras && doc.eras.length > 0) {
		out.eras = doc.eras.map((era) => {
			const own = isObject(eraKept[era.id]) ? (eraKept[era.id] as Json) : {};
			const text = isObject(own.text) ? own.text : {};
			const same = readText(text).headline === era.title;
			return {
				...own,
				...datesFor(era.date, own),
				text: same ? text : {...text, headline: html(era.title)},
			};
		});
	}
	for (const [key, value] of Object.entries(kept)) {
		if (key !== 'title' && key !== 'eras' && !(key in out)) out[key] = value;
	}
	return out;
}

/** The keys of a slide in the order TimelineJS's documentation lists them, then the others as they came. */
const SLIDE_KEYS = [
	'start_date',
	'end_date',
	'display_date',
	'text',
	'media',
	'group',
	'background',
	'unique_id',
];

function inOrder(slide: Slide): Slide {
	const ordered: Slide = {};
	for (const key of SLIDE_KEYS) if (key in slide) ordered[key] = slide[key];
	return Object.assign(ordered, slide);
}

function extensionOf(item: {extensions?: Record<string, unknown>}): Json {
	const own = item.extensions?.timelinejs;
	return isObject(own) ? own : {};
}

function titleSlide(doc: TimescopeDocument, kept: Json): Slide {
	// A title kept as a one-slide list goes back as the object TimelineJS 3 reads.
	const original = Array.isArray(kept.title) ? kept.title[0] : kept.title;
	const slide: Slide = isObject(original) ? {...original} : {};
	const untitled = isObject(doc.extensions?.timescope) && doc.extensions.timescope.titleFrom === 'none';
	const headline = untitled ? '' : doc.title;
	const read = readText(slide.text);
	if (!(isObject(slide.text) && read.headline === headline && read.body === (doc.summary ?? ''))) {
		slide.text = {headline: html(headline), text: doc.summary ? html(doc.summary, 'paragraphs') : ''};
	}
	return slide;
}

interface Context {
	sources: ReadonlyMap<string, SourceDoc>;
	quotes: readonly QuoteDoc[];
	names: ReadonlyMap<string, string>;
}

function eventSlide(event: EventDoc, context: Context): Slide {
	const kept = extensionOf(event);
	const own = event.sources?.map((id) => context.sources.get(id)).filter((s): s is SourceDoc => !!s) ?? [];
	const slide: Slide = {...datesFor(event.date, kept, event.dateText)};
	for (const [key, value] of Object.entries(kept)) if (!(key in slide)) slide[key] = value;
	slide.unique_id = typeof kept.unique_id === 'string' ? kept.unique_id : event.id;
	const tag = event.tags?.[0];
	if (tag !== undefined && (typeof kept.group !== 'string' || kept.group.trim() !== tag)) slide.group = tag;
	if (tag === undefined) delete slide.group;
	const [media] = own;
	if (Object.keys(kept).length === 0) {
		// Made here: every field of the event, written as TimelineJS shows it.
		slide.text = {headline: html(event.title), text: eventHtml(event, own.slice(1), context)};
		if (media) slide.media = mediaOf(media);
		return slide;
	}
	// Came from TimelineJS: what was kept goes back wherever the importer still reads the event from it.
	const shown = draftEvent(slide, event.date, true).media;
	if (
		media &&
		!(shown?.url === media.url && shown?.title === media.title && shown?.publisher === media.publisher)
	) {
		slide.media = mediaOf(media);
	} else if (!media && shown && (shown.url || shown.title || shown.publisher)) {
		delete slide.media;
	}
	const titled = event.extensions?.timescope;
	const borrowed = isObject(titled) && typeof titled.titleFrom === 'string';
	// A text read losslessly was not kept: it was the event's own title and summary, less a media embed.
	const embed = draftEvent({...slide, text: undefined}, event.date, true).media?.embedText;
	const body =
		embed && event.summary?.endsWith(embed) ? event.summary.slice(0, -embed.length).trimEnd() : event.summary;
	const rebuilt = {headline: borrowed ? '' : html(event.title), text: body ? html(body, 'paragraphs') : ''};
	if (!isObject(slide.text)) slide.text = rebuilt;
	const read = draftEvent(slide, event.date, true);
	if (read.title !== event.title || read.summary !== event.summary) slide.text = rebuilt;
	return slide;
}

/** The HTML text of an event made here: its summary, its quotes, and what TimelineJS has no field for. */
function eventHtml(event: EventDoc, moreSources: readonly SourceDoc[], context: Context): string {
	const parts: string[] = [];
	if (event.summary) parts.push(html(event.summary, 'paragraphs'));
	for (const quote of context.quotes) {
		const speaker = context.names.get(quote.speaker) ?? quote.speaker;
		const said = quote.said ? `, ${formatEdtf(quote.said)}` : '';
		const words = quote.kind === 'paraphrase' ? `(paraphrase) ${quote.text}` : `“${quote.text}”`;
		const context_ = quote.context ? ` · ${quote.context}` : '';
		parts.push(`<blockquote>${escapeHtml(words)}<br>— ${escapeHtml(speaker + said + context_)}</blockquote>`);
	}
	// Names as the explorer shows them, with the source's hedge: "CIA (reported)".
	const actors = event.actors?.map((link) =>
		typeof link === 'string'
			? (context.names.get(link) ?? link)
			: `${context.names.get(link.id) ?? link.id}${link.qualifier ? ` (${link.qualifier})` : ''}`,
	);
	const places = event.places?.map((id) => context.names.get(id) ?? id);
	const facts = [
		['Actors', actors],
		['Places', places],
		['Tags', event.tags && event.tags.length > 1 ? event.tags : undefined],
	] as const;
	for (const [label, names] of facts) {
		if (names && names.length > 0) parts.push(`<p>${label}: ${names.map(escapeHtml).join(', ')}</p>`);
	}
	if (moreSources.length > 0) parts.push(`<p>Sources: ${moreSources.map(sourceHtml).join('; ')}</p>`);
	return parts.join('');
}

function sourceHtml(source: SourceDoc): string {
	const label = escapeHtml(
		[source.title, source.publisher].filter(Boolean).join(', ') || source.url || source.id,
	);
	return source.url ? `<a href="${escapeHtml(source.url)}">${label}</a>` : label;
}

function mediaOf(source: SourceDoc): Json {
	const media: Json = {};
	if (source.url) media.url = source.url;
	if (source.title) media.caption = escapeHtml(source.title);
	if (source.publisher) media.credit = escapeHtml(source.publisher);
	return media;
}

/**
 * `start_date` / `end_date` (and `display_date`) for an EDTF date: the ones kept from TimelineJS when
 * they still give this date, else built from it.
 */
function datesFor(edtf: string, kept: Json, dateText?: string): Json {
	if (kept.start_date !== undefined) {
		const again = slideDate(kept.start_date, kept.end_date);
		if (again.ok && again.edtf === edtf) {
			const dates: Json = {start_date: kept.start_date};
			if (kept.end_date !== undefined) dates.end_date = kept.end_date;
			return dates;
		}
	}
	const parsed = parseEdtf(edtf);
	if (!parsed.ok) return {};
	const {start, end, exact} = ends(parsed.date);
	const dates: Json = {};
	if (start) dates.start_date = dateObject(start);
	if (end) dates.end_date = dateObject(end);
	const words = dateText ?? (exact ? undefined : formatDate(parsed.date));
	if (words) dates.display_date = words;
	return dates;
}

/** The points TimelineJS can hold, and whether they say all the date says. */
function ends(date: EdtfDate): {start?: EdtfPoint; end?: EdtfPoint; exact: boolean} {
	const plain = (point: EdtfPoint) =>
		!point.approximate && !point.uncertain && !point.unspecifiedText && point.precision !== 'season';
	switch (date.kind) {
		case 'point':
			return {start: date.point, exact: plain(date.point)};
		case 'interval': {
			const start = typeof date.start === 'object' ? date.start : undefined;
			const end = typeof date.end === 'object' ? date.end : undefined;
			// An open or unknown side is more than two dates can say.
			const exact = start !== undefined && end !== undefined && plain(start) && plain(end);
			return {start: start ?? end, end: start ? end : undefined, exact};
		}
		case 'oneOf': {
			// One date within a window or among a few: placed at the window, said in words.
			const first = date.members[0];
			const last = date.members.at(-1);
			return {start: first?.from, end: last ? (last.to ?? last.from) : undefined, exact: false};
		}
		default:
			return {start: date.point, exact: false};
	}
}

function dateObject(point: EdtfPoint): Json {
	const date: Json = {year: String(timelineJsYear(point.year))};
	const precise = (p: EdtfPoint['precision']) =>
		['year', 'season', 'month', 'day', 'minute', 'second'].indexOf(point.precision) >=
		['year', 'season', 'month', 'day', 'minute', 'second'].indexOf(p);
	if (point.month !== undefined && precise('month')) date.month = String(point.month);
	if (point.day !== undefined && precise('day')) date.day = String(point.day);
	if (point.hour !== undefined && precise('minute')) {
		date.hour = String(point.hour);
		date.minute = String(point.minute ?? 0);
		if (point.precision === 'second') date.second = String(point.second ?? 0);
		// TimelineJS shows the time as written and ignores a key it does not know; timescope reads it back.
		if (point.offset !== undefined) date.zone = zoneText(point.offset);
	}
	return date;
}

/** Minutes east of UTC as EDTF writes them: `Z`, `-08:00`. */
function zoneText(offset: number): string {
	if (offset === 0) return 'Z';
	const minutes = Math.abs(offset);
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${offset < 0 ? '-' : '+'}${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

function formatEdtf(edtf: string): string {
	const parsed = parseEdtf(edtf);
	return parsed.ok ? formatDate(parsed.date) : edtf;
}

/**
 * Plain text as the HTML TimelineJS reads: as it is when it reads back the same (most headlines and
 * texts: this is how a timeline that came from TimelineJS goes back unchanged), else escaped, with
 * paragraphs apart and line breaks kept.
 */
function html(text: string, shape: 'line' | 'paragraphs' = 'line'): string {
	const same = shape === 'line' ? htmlToLine(text) === text : htmlToText(text) === text;
	if (same && !text.includes('\n')) return text;
	if (shape === 'line') return escapeHtml(text);
	return text
		.split(/\n{2,}/u)
		.map((paragraph) => `<p>${escapeHtml(paragraph).replaceAll('\n', '<br>')}</p>`)
		.join('');
}

function escapeHtml(text: string): string {
	return text
		.replaceAll('&', '&amp;')
		.replaceAll('<', '&lt;')
		.replaceAll('>', '&gt;')
		.replaceAll('"', '&quot;');
}
