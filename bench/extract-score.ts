import type {TimescopeDocument} from '../source/dataset/schema.js';

/**
 * Scoring a draft against an answer key: the quotes a person marked in the article (verbatim, with
 * who said them), the words that look like quotes but are not, and the date phrases with what they
 * resolve to. Used by `npm run bench:extract` and by the test on the shared article.
 */

export interface AnswerKey {
	/** `said`: when the key says when the words were said, in the kinds of time of timescope/1. */
	quotes: Array<{text: string; speakers: string[]; said?: string}>;
	notQuotes?: string[];
	dates: Array<{phrase: string; date: string}>;
}

export interface Score {
	quotes: number;
	found: number;
	/** Extracted quotes that the key does not have. */
	extra: string[];
	speakersRight: number;
	/** Quotes found whose key gives when they were said, and of those, dated as the key does. */
	saidKnown: number;
	saidRight: number;
	dates: number;
	datesRight: number;
	misses: string[];
}

const words = (text: string) => text.replace(/\s+/gu, ' ').trim();
const person = (name: string) =>
	name
		.normalize('NFD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.replace(/['’]s\b/gu, '')
		.replace(/^(?:a|an|the)\s+/u, '')
		.replace(/[^\p{L}\p{N} ]+/gu, ' ')
		.replace(/\s+/gu, ' ')
		.trim();
const phraseKey = (text: string) =>
	text
		.toLowerCase()
		.replace(/’/gu, "'")
		.replace(/^on\s+/u, '')
		.trim();

/**
 * The same date phrase, give or take the words a labeller and the extractor may draw the phrase's
 * edge at: "Tuesday" in "at 3 p.m. Tuesday", "Thursday" in "early Thursday". The dates must still match.
 */
function samePhrase(extracted: string, wanted: string): boolean {
	const a = ` ${phraseKey(extracted)} `;
	const b = ` ${phraseKey(wanted)} `;
	return a.includes(b) || b.includes(a);
}

export function scoreDraft(doc: TimescopeDocument, key: AnswerKey): Score {
	const actors = new Map(
		(doc.actors ?? []).map((actor) => [actor.id, [actor.name, ...(actor.aliases ?? [])]]),
	);
	const unmatched = [...(doc.quotes ?? [])];
	const misses: string[] = [];
	let found = 0;
	let speakersRight = 0;
	let saidKnown = 0;
	let saidRight = 0;
	for (const wanted of key.quotes) {
		const at = unmatched.findIndex((quote) => words(quote.text) === words(wanted.text));
		if (at < 0) {
			misses.push(`quote not found: ${words(wanted.text).slice(0, 70)}`);
			continue;
		}
		const [quote] = unmatched.splice(at, 1);
		found++;
		const names = actors.get(quote?.speaker ?? '') ?? [quote?.speaker ?? ''];
		if (names.some((name) => wanted.speakers.some((speaker) => sameSpeaker(name, speaker)))) speakersRight++;
		else misses.push(`speaker: ${names[0]} for ${wanted.speakers[0]} (${words(wanted.text).slice(0, 40)})`);
		if (wanted.said !== undefined) {
			saidKnown++;
			if (quote?.said === wanted.said) saidRight++;
			else
				misses.push(
					`said ${quote?.said ?? 'nothing'} for ${wanted.said} (${words(wanted.text).slice(0, 40)})`,
				);
		}
	}
	const dated = [
		...doc.events.map((event) => ({text: event.dateText, date: event.date})),
		...(doc.quotes ?? []).map((quote) => ({
			text: (quote.extensions?.extract as {said?: {dateText?: string}} | undefined)?.said?.dateText,
			date: quote.said,
		})),
	].filter((item) => item.text !== undefined);
	let datesRight = 0;
	for (const wanted of key.dates) {
		const same = dated.filter((item) => samePhrase(item.text ?? '', wanted.phrase));
		const right = same.findIndex((item) => item.date === wanted.date);
		if (right >= 0) {
			datesRight++;
			dated.splice(dated.indexOf(same[right] as (typeof dated)[number]), 1);
		} else
			misses.push(
				`date "${wanted.phrase}" → ${wanted.date}: ${same.length > 0 ? same.map((item) => item.date).join(', ') : 'not found'}`,
			);
	}
	return {
		quotes: key.quotes.length,
		found,
		extra: unmatched.map((quote) => words(quote.text)),
		speakersRight,
		saidKnown,
		saidRight,
		dates: key.dates.length,
		datesRight,
		misses,
	};
}

function sameSpeaker(name: string, speaker: string): boolean {
	const a = person(name);
	const b = person(speaker);
	if (!a || !b) return false;
	if (a === b) return true;
	const [shorter, longer] = a.length <= b.length ? [a, b] : [b, a];
	return ` ${longer} `.includes(` ${shorter} `);
}

/** The bundled dataset read as an answer key: its quotes and speakers, and every phrase it dates. */
export function keyFromDataset(doc: TimescopeDocument): AnswerKey {
	const actors = new Map(
		(doc.actors ?? []).map((actor) => [actor.id, [actor.name, ...(actor.aliases ?? [])]]),
	);
	return {
		quotes: (doc.quotes ?? []).map((quote) => ({
			text: quote.text,
			speakers: actors.get(quote.speaker) ?? [],
			...(quote.said !== undefined ? {said: quote.said} : {}),
		})),
		dates: doc.events
			.filter((event) => event.dateText !== undefined)
			.map((event) => ({phrase: event.dateText ?? '', date: event.date})),
	};
}

export function totals(scores: readonly Score[]): Score {
	return scores.reduce(
		(sum, score) => ({
			quotes: sum.quotes + score.quotes,
			found: sum.found + score.found,
			extra: [...sum.extra, ...score.extra],
			speakersRight: sum.speakersRight + score.speakersRight,
			saidKnown: sum.saidKnown + score.saidKnown,
			saidRight: sum.saidRight + score.saidRight,
			dates: sum.dates + score.dates,
			datesRight: sum.datesRight + score.datesRight,
			misses: [...sum.misses, ...score.misses],
		}),
		{
			quotes: 0,
			found: 0,
			extra: [],
			speakersRight: 0,
			saidKnown: 0,
			saidRight: 0,
			dates: 0,
			datesRight: 0,
			misses: [],
		},
	);
}
