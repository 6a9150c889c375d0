import {basename} from 'node:path';
import {IdAllocator, slugify} from '../dataset/importers/ids.js';
import {FORMAT, type TimescopeDocument} from '../dataset/schema.js';
import type {ActorEntry, ActorRegistry} from './actors.js';
import type {ArticleAnalysis} from './analyse.js';
import type {DatedSentence} from './events.js';
import type {FoundQuote} from './quotes.js';
import {titleWithReferent} from './title-referent.js';

/**
 * The analyses written out as one `timescope/1` draft. Every event and quote says, under
 * `extensions.extract`, the sentence it came from and how sure the extractor is, so a person can
 * check it; quotations set aside as not someone's words are listed with the reason. Several
 * articles make one timeline: actors are shared by name, each quote's source is its own article.
 */

const EXTENSION = 'extract';

export interface DraftOptions {
	title?: string;
}

type EventDoc = TimescopeDocument['events'][number];
type QuoteDoc = NonNullable<TimescopeDocument['quotes']>[number];
type ActorDoc = NonNullable<TimescopeDocument['actors']>[number];
type SourceDoc = NonNullable<TimescopeDocument['sources']>[number];

const round = (n: number) => Math.round(n * 100) / 100;

export function buildDraft(
	analyses: readonly ArticleAnalysis[],
	registry: ActorRegistry,
	options: DraftOptions = {},
): TimescopeDocument {
	const actorIds = new IdAllocator();
	const eventIds = new IdAllocator();
	const quoteIds = new IdAllocator();
	const sourceIds = new IdAllocator();
	const idOf = new Map<ActorEntry, string>();
	const usedActors = new Set<ActorEntry>();
	const actorId = (entry: ActorEntry) => {
		usedActors.add(entry);
		let id = idOf.get(entry);
		if (!id) {
			id = actorIds.allocate(slugify(entry.name) || 'speaker');
			idOf.set(entry, id);
		}
		return id;
	};

	const sources: SourceDoc[] = [];
	const events: EventDoc[] = [];
	const quotes: QuoteDoc[] = [];
	const setAside: Array<Record<string, string>> = [];

	for (const analysis of analyses) {
		const {article} = analysis;
		const sourceId = sourceIds.allocate(
			analyses.length === 1 ? 'article' : slugify(basename(article.file)) || 'article',
		);
		sources.push(sourceDoc(sourceId, analysis));

		const eventOf = new Map<DatedSentence, EventDoc>();
		for (const dated of analysis.dated) {
			const mentioned = actorsIn(dated.sentence.text, registry, analysis.people.get(dated.sentence) ?? []);
			const title = titleWithReferent(dated.title, dated, analysis);
			const event: EventDoc = {
				id: eventIds.allocate(slugify(title).split('-').slice(0, 6).join('-') || 'event'),
				date: dated.resolved.date ?? 'XXXX',
				// "the same day" is dated by the words it points back to.
				dateText: dated.antecedent?.phrase.text ?? dated.phrase.text,
				title: title || dated.sentence.text.slice(0, 100),
				summary: dated.sentence.text,
				...(mentioned.length > 0 ? {actors: mentioned.map(actorId)} : {}),
				sources: [sourceId],
				extensions: {
					[EXTENSION]: {
						sentence: dated.sentence.text,
						confidence: round(dated.resolved.date ? dated.resolved.confidence : 0.3),
						...(dated.antecedent ? {datedBy: dated.phrase.text} : {}),
						...(dated.resolved.date ? {} : {unresolved: 'no publication date: the date is left as words'}),
					},
				},
			};
			eventOf.set(dated, event);
			events.push(event);
		}

		// Quotes with no event of their own share one per speaker and date: the occasion they were said.
		const speechEvents = new Map<string, EventDoc>();
		for (const found of analysis.quotes) {
			if (found.verdict !== 'quote') {
				setAside.push({
					text: found.quotation.text,
					sentence: found.sentence,
					reason: found.verdict,
					source: sourceId,
				});
				continue;
			}
			const speaker = analysis.speakers.get(found);
			if (!speaker) continue;
			const said = analysis.saidDates.get(found);
			const linked = analysis.dated
				.filter(
					(dated) =>
						dated === said?.from ||
						(dated.sentence.text === found.sentence && dated.resolved.date === said?.said),
				)
				.map((dated) => eventOf.get(dated))
				.filter((event): event is EventDoc => event !== undefined);
			if (linked.length === 0) {
				const key = `${actorId(speaker.actor)} ${said?.said ?? ''}`;
				let event = speechEvents.get(key);
				if (!event) {
					event = speechEvent(found, speaker.actor.name, said?.said ?? article.published ?? 'XXXX', sourceId);
					event.id = eventIds.allocate(event.id);
					event.actors = [actorId(speaker.actor)];
					speechEvents.set(key, event);
					events.push(event);
				}
				linked.push(event);
			}
			const attribution = found.attribution ?? found.leadIn;
			const quote: QuoteDoc = {
				id: quoteIds.allocate(
					`q-${slugify(found.quotation.text).split('-').slice(0, 5).join('-') || 'quote'}`,
				),
				text: found.quotation.text,
				speaker: actorId(speaker.actor),
				kind: found.kind,
				...(said?.said ? {said: said.said} : {}),
				...(attribution && attribution.clause.split(' ').length > 2 ? {context: attribution.clause} : {}),
				events: linked.map((event) => event.id),
				source: sourceId,
				extensions: {
					[EXTENSION]: {
						sentence: found.sentence,
						confidence: round(Math.min(speaker.confidence, said?.confidence ?? 1)),
						speaker: {as: speaker.printed ?? null, how: speaker.how, confidence: speaker.confidence},
						said: {how: said?.how ?? 'not dated', ...(said?.dateText ? {dateText: said.dateText} : {})},
					},
				},
			};
			quotes.push(quote);
		}
	}

	const actors: ActorDoc[] = registry.entries
		.filter((entry) => usedActors.has(entry) || entry.kind === 'person')
		.map((entry) => actorDoc(actorId(entry), entry));
	const published = analyses
		.map((analysis) => analysis.article.published)
		.filter((day): day is string => Boolean(day));
	const only = analyses.length === 1 ? analyses[0] : undefined;
	const title =
		options.title ??
		only?.article.headline ??
		(only ? `Draft from ${basename(only.article.file)}` : `Draft from ${analyses.length} articles`);
	return {
		format: FORMAT,
		title,
		summary: `Draft extracted by timescope from ${describeArticles(analyses)}. Every event and quote records the sentence it came from and a confidence under extensions.extract: check each against the article before relying on it.`,
		language: 'en',
		...(published.length > 0 ? {referenceDate: published.sort().at(-1)} : {}),
		actors,
		sources,
		events,
		quotes,
		extensions: {
			[EXTENSION]: {
				draft: true,
				articles: analyses.map((analysis) => ({
					file: analysis.article.file,
					published: analysis.article.published ?? null,
					publishedFrom: analysis.article.publishedFrom ?? null,
				})),
				setAside,
			},
		},
	};
}

function sourceDoc(id: string, analysis: ArticleAnalysis): SourceDoc {
	const {article} = analysis;
	const dateNote = article.published
		? `Publication date ${article.published} from ${article.publishedFrom === 'option' ? '--date' : `the ${article.publishedFrom}`}.`
		: 'No publication date: relative dates are left as words.';
	return {
		id,
		title: article.headline ?? basename(article.file),
		...(article.published ? {published: article.published} : {}),
		note: `Read from ${article.file}. ${dateNote}`,
	};
}

function actorDoc(id: string, entry: ActorEntry): ActorDoc {
	const aliases = [...entry.forms].filter((form) => form !== entry.name);
	const description =
		entry.kind === 'unnamed'
			? `Not named in the article${entry.name === 'Unidentified speaker' ? '; the extractor found no attribution' : ''}`
			: entry.description && !/^(?:mr|mrs|ms|dr|miss)\.?$/iu.test(entry.description)
				? entry.description
				: undefined;
	return {
		id,
		name: entry.name,
		...(description ? {description} : {}),
		...(aliases.length > 0 ? {aliases} : {}),
	};
}

/** Actors whose name (or another printed form) appears in the sentence. */
function actorsIn(sentence: string, registry: ActorRegistry, people: readonly ActorEntry[]): ActorEntry[] {
	const found = new Set(people);
	for (const entry of registry.entries) {
		if (entry.kind === 'unnamed') continue;
		const forms = [...entry.forms, ...(entry.kind === 'person' ? [entry.name.split(' ').at(-1) ?? ''] : [])];
		if (
			forms.some(
				(form) =>
					form.length > 1 && new RegExp(`(?<![\\p{L}])${escapeRegExp(form)}(?![\\p{L}])`, 'u').test(sentence),
			)
		)
			found.add(entry);
	}
	return [...found];
}

function speechEvent(found: FoundQuote, speaker: string, date: string, sourceId: string): EventDoc {
	const words = found.quotation.text.replace(/\s+/gu, ' ');
	const shown = words.length > 70 ? `${words.slice(0, 68).replace(/\s+\S*$/u, '')}…` : words;
	return {
		id: slugify(`${speaker} speaks`) || 'statement',
		date,
		title: `${speaker}: “${shown.replace(/[,;:]$/u, '')}”`,
		summary: found.sentence,
		sources: [sourceId],
		extensions: {
			[EXTENSION]: {
				sentence: found.sentence,
				confidence: 0.5,
				made: 'for quotes that no dated sentence places',
			},
		},
	};
}

function describeArticles(analyses: readonly ArticleAnalysis[]): string {
	if (analyses.length === 1) return basename(analyses[0]?.article.file ?? 'an article');
	return `${analyses.length} articles (${analyses.map((analysis) => basename(analysis.article.file)).join(', ')})`;
}

function escapeRegExp(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}
