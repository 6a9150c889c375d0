import nlp from 'compromise';
import type {ActorEntry, ActorRegistry} from './actors.js';
import {type Attribution, findAttribution, subjectOf} from './attribution.js';
import {GROUPS, PERSON_HEADS, TITLES} from './name-words.js';
import type {FoundQuote} from './quotes.js';
import type {Sentence} from './sentences.js';
import {isActorNoun, readSpeakerPhrase, type SpeakerPhrase} from './speaker-phrase.js';

/**
 * Who said each quotation, read in article order the way a reader does. The reader keeps in mind
 * who the story is about: the people and organisations the reporter's sentences start with and the
 * speakers so far. "He said" is the last of those people a "he" fits; "the ministry said" the last
 * ministry; a quotation paragraph with no attribution continues the speaker of the one before. An
 * unnamed speaker keeps the reporter's description and gets no name.
 */

export type SpeakerHow =
	| 'named'
	| 'organisation'
	| 'pronoun'
	| 'reference'
	| 'unnamed'
	| 'continues previous quote'
	| 'reported just before'
	| 'named in a heading'
	| 'named in the headline'
	| 'unidentified';

export interface Speaker {
	actor: ActorEntry;
	how: SpeakerHow;
	/** The speaker as the article prints it at this quotation: "he", "Maduro", "a spokesman". */
	printed?: string;
	confidence: number;
}

const CONFIDENCE: Record<SpeakerHow, number> = {
	named: 0.9,
	organisation: 0.85,
	unnamed: 0.8,
	pronoun: 0.75,
	'continues previous quote': 0.7,
	'reported just before': 0.65,
	'named in a heading': 0.65,
	'named in the headline': 0.55,
	reference: 0.6,
	unidentified: 0.2,
};

const QUALIFIER_START = /^(?:of|for|from|at|in|with|close|based|near|who|which|that|on)$/u;

/** How many paragraphs back a follow-on quotation may find its speaker. */
const FOLLOW_ON_REACH = 2;

export function resolveSpeakers(
	quotes: readonly FoundQuote[],
	sentences: readonly Sentence[],
	registry: ActorRegistry,
	article: number,
	headline?: string,
): Map<FoundQuote, Speaker> {
	const resolved = new Map<FoundQuote, Speaker>();
	const focus: ActorEntry[] = [];
	let last: {actor: ActorEntry; paragraph: number; how: SpeakerHow} | undefined;
	// "Mthethwa says they have met the survivors." then a paragraph that is only a quotation: the
	// broadcasters' style gives the words to whom the sentence just before reported.
	// Whom the sentence before was about: "Inspector Kim Hallam leads the search. He said:".
	let previousSubject: ActorEntry | undefined;
	let reportedLast: {actor: ActorEntry; paragraph: number; sentence: Sentence} | undefined;
	// "Falcons’ Desmond Ridder: ‘There’s no magical potion…’": a headline that labels its quote names
	// whom the article's unattributed quotes are from.
	const headlineSpeaker = speakerLabel(/^(.{3,60}?):\s+\S/u.exec(headline ?? '')?.[1]);
	const attend = (actor: ActorEntry) => {
		const at = focus.indexOf(actor);
		if (at >= 0) focus.splice(at, 1);
		focus.push(actor);
	};

	for (const sentence of sentences) {
		const inSentence = quotes.filter(
			(quote) =>
				quote.quotation.open.paragraph === sentence.paragraph &&
				quote.quotation.open.index >= sentence.start &&
				quote.quotation.open.index < sentence.end,
		);
		// A paragraph that is only a name ("Head Coach Pat Shurmur", "Manuel Pellegrini") heads the words
		// printed under it.
		const heading = inSentence.length === 0 ? speakerLabel(headingText(sentence)) : undefined;
		if (heading) {
			const actor = registry.person(heading.name ?? heading.printed, {description: heading.description});
			attend(actor);
			last = {actor, paragraph: sentence.paragraph, how: 'named in a heading'};
			continue;
		}
		const subject = reporterSubject(sentence, inSentence, registry);
		const subjectBefore = previousSubject;
		previousSubject = undefined;
		if (subject) {
			// "Netanyahu's office said he told…": "he" is the office's owner.
			const owner = /^(\p{Lu}[\p{L}.-]*(?:\s+\p{Lu}[\p{L}.-]*)?)['’]s\s/u.exec(subject.printed)?.[1];
			if (owner && registry.knows(owner)) attend(registry.person(owner));
			const actor = identify(subject, registry, article, focus);
			if (actor) {
				attend(actor.actor);
				previousSubject = actor.actor;
			}
		}
		// "…, Mayor Lawson Batter said Saturday.": who spoke last, though not in quotation marks.
		const quoted = inSentence.some((quote) => quote.verdict === 'quote');
		const reported = quoted ? undefined : findAttribution(sentence.text, '');
		const speaking = reported && phraseOf(reported);
		// "…, a Palestinian official close to the group told AFP": whom "the official" means later.
		if (speaking && (speaking.kind === 'person' || speaking.kind === 'organisation' || isSomeone(speaking))) {
			const actor = identify(speaking, registry, article, focus);
			if (actor) {
				attend(actor.actor);
				reportedLast = {actor: actor.actor, paragraph: sentence.paragraph, sentence};
			}
		}
		for (const quote of inSentence) {
			if (quote.verdict !== 'quote') continue;
			let speaker = speakerOf(quote.attribution ?? quote.leadIn, registry, article, focus, subjectBefore);
			if (!speaker && reportedLast && reportedJustBefore(quote, reportedLast, sentences)) {
				speaker = {actor: reportedLast.actor, how: 'reported just before', confidence: 0};
			}
			if (!speaker && last && quote.paragraph - last.paragraph <= FOLLOW_ON_REACH) {
				const how = last.how === 'named in a heading' ? last.how : 'continues previous quote';
				speaker = {actor: last.actor, how, confidence: 0};
			}
			if (!speaker && headlineSpeaker) {
				const actor = registry.person(headlineSpeaker.name ?? headlineSpeaker.printed, {
					description: headlineSpeaker.description,
				});
				speaker = {actor, how: 'named in the headline', printed: headlineSpeaker.printed, confidence: 0};
			}
			speaker ??= {
				actor: registry.unnamed('Unidentified speaker', article),
				how: 'unidentified',
				confidence: 0,
			};
			speaker.confidence = CONFIDENCE[speaker.how];
			resolved.set(quote, speaker);
			attend(speaker.actor);
			last = {
				actor: speaker.actor,
				paragraph: quote.quotation.close?.paragraph ?? quote.paragraph,
				how: speaker.how,
			};
		}
	}
	return resolved;
}

/**
 * The quotation opens the paragraph right after the one whose last sentence reported someone's
 * words, and nothing but that quotation stands between them.
 */
function reportedJustBefore(
	quote: FoundQuote,
	reported: {paragraph: number; sentence: Sentence},
	sentences: readonly Sentence[],
): boolean {
	if (!quote.opensParagraph || quote.paragraph !== reported.paragraph + 1) return false;
	const lastOfParagraph = sentences.filter((s) => s.paragraph === reported.paragraph).at(-1);
	return lastOfParagraph === reported.sentence;
}

/** A sentence that fills its paragraph with a few words and no punctuation to end it: a heading. */
function headingText(sentence: Sentence): string | undefined {
	const words = sentence.text.split(/\s+/u);
	return sentence.start === 0 && words.length <= 6 && !/[.!?:;,"”’)]$/u.test(sentence.text)
		? sentence.text
		: undefined;
}

/** Words that name one person by first name and surname, as a heading or a label prints them. */
function speakerLabel(text: string | undefined): SpeakerPhrase | undefined {
	if (!text) return undefined;
	const phrase = readSpeakerPhrase(text);
	if (phrase?.kind !== 'person' || !phrase.name?.includes(' ')) return undefined;
	return (nlp(phrase.name).people().out('array') as string[]).length > 0 ? phrase : undefined;
}

/**
 * The subject the reporter's words open the sentence with, up to its first quotation, when it
 * names someone: whom a later "he" or "it" most likely means.
 */
function reporterSubject(
	sentence: Sentence,
	quotes: readonly FoundQuote[],
	registry: ActorRegistry,
): SpeakerPhrase | undefined {
	const firstQuote = Math.min(...quotes.map((quote) => quote.quotation.open.index));
	const text =
		quotes.length > 0 ? sentence.text.slice(0, Math.max(0, firstQuote - sentence.start)) : sentence.text;
	// "For Ronald Herkert, chairman of the group, “…,” he said": the sentence is about him.
	const topic = /^For\s+(\p{Lu}[^,]{1,60}),/u.exec(text)?.[1];
	const subject =
		(topic && readSpeakerPhrase(topic)?.kind === 'person' ? topic : undefined) ?? subjectOf(text);
	if (!subject || /^['"‘’“”]/u.test(subject)) return undefined;
	const phrase = readSpeakerPhrase(subject);
	if (!phrase || phrase.kind === 'pronoun' || phrase.kind === 'reference') return undefined;
	// A lone capitalised word opening a sentence may be any noun ("Emergency services were called"):
	// it is someone only if the article has already named them so.
	if (phrase.kind === 'person' && !phrase.name?.includes(' ') && !registry.knows(phrase.name ?? ''))
		return undefined;
	return phrase;
}

/** An unnamed single person ("a senior official"), not a group ("officials", "some MPs"). */
function isSomeone(phrase: SpeakerPhrase): boolean {
	if (phrase.kind !== 'unnamed' || !/^(?:a|an)\s/iu.test(phrase.printed)) return false;
	return phrase.printed.split(/\s+/u).some((word) => PERSON_HEADS.has(word.toLowerCase()));
}

function speakerOf(
	attribution: Attribution | undefined,
	registry: ActorRegistry,
	article: number,
	focus: readonly ActorEntry[],
	previousSubject?: ActorEntry,
): Speaker | undefined {
	if (!attribution) return undefined;
	const phrase = phraseOf(attribution);
	return phrase ? identify(phrase, registry, article, focus, previousSubject) : undefined;
}

/**
 * The speaker an attribution names; "its leader, Ismail Haniyeh, said", "The chair of the UK
 * Statistics Authority, David Norgrove, said": the name is in the appositive.
 */
function phraseOf(attribution: Attribution): SpeakerPhrase | undefined {
	const phrase = readSpeakerPhrase(attribution.phrase, attribution.appositive);
	const role = /^(?:the|a|an|its|his|her|their)\s+(?:\S+\s+){0,2}?(\S+)\s+(?:of|for|at)\s/iu.exec(
		`${attribution.phrase} `,
	)?.[1];
	const isRole =
		role !== undefined && (TITLES.has(role.toLowerCase()) || PERSON_HEADS.has(role.toLowerCase()));
	if (
		phrase &&
		(isRole || (phrase.kind !== 'person' && phrase.kind !== 'organisation')) &&
		attribution.appositive
	) {
		const named = readSpeakerPhrase(attribution.appositive);
		if (named?.kind === 'person') return {...named, description: attribution.phrase};
	}
	return phrase;
}

function identify(
	phrase: SpeakerPhrase,
	registry: ActorRegistry,
	article: number,
	focus: readonly ActorEntry[],
	previousSubject?: ActorEntry,
): Speaker | undefined {
	const printed = phrase.printed;
	switch (phrase.kind) {
		case 'person':
			return {
				actor: registry.person(phrase.name ?? printed, {
					description: phrase.description,
					gender: phrase.gender,
					genderGuessed: phrase.genderGuessed,
				}),
				how: 'named',
				printed,
				confidence: 0,
			};
		case 'organisation':
			return {
				actor: registry.organisation(phrase.name ?? printed, phrase.description),
				how: 'organisation',
				printed,
				confidence: 0,
			};
		case 'pronoun': {
			const actor = pronounReferent(focus, phrase, previousSubject);
			if (!actor) return undefined;
			if (phrase.gender && actor.kind === 'person' && (!actor.gender || actor.genderGuessed)) {
				actor.gender = phrase.gender;
				actor.genderGuessed = false;
			}
			return {actor, how: 'pronoun', printed, confidence: 0};
		}
		case 'reference': {
			const head = phrase.head ?? '';
			const wanted = phrase.refersTo === 'organisation' ? 'organisation' : 'person';
			const kinds = wanted === 'person' ? ['person', 'unnamed'] : ['organisation'];
			const described = (entry: ActorEntry) =>
				kinds.includes(entry.kind) &&
				`${entry.name} ${entry.description ?? ''}`.toLowerCase().includes(head.toLowerCase());
			// "the ministry" points back; "the national consumer safety office" describes one anew.
			const pointsBack = wanted === 'person' || printed.split(/\s+/u).length <= 3;
			const actor =
				latest(focus, described) ??
				(pointsBack ? latest(focus, (entry) => entry.kind === wanted) : undefined);
			if (actor) return {actor, how: 'reference', printed, confidence: 0};
			return {actor: registry.unnamed(printed, article), how: 'unnamed', printed, confidence: 0};
		}
		case 'unnamed':
			return {actor: registry.unnamed(printed, article), how: 'unnamed', printed, confidence: 0};
	}
}

/**
 * The person a pronoun means: the latest in focus it fits. A gender guessed from a first name does
 * not turn it away from whom the sentence before was about: "Detective Inspector Kim Hallam leads
 * the search. He said:" means the inspector, whatever "Kim" suggests.
 */
function pronounReferent(
	focus: readonly ActorEntry[],
	pronoun: SpeakerPhrase,
	previousSubject: ActorEntry | undefined,
): ActorEntry | undefined {
	const newest = latest(focus, (entry) => fits(entry, pronoun, false));
	if (newest && newest === previousSubject && newest.genderGuessed) return newest;
	return latest(focus, (entry) => fits(entry, pronoun, true));
}

function fits(entry: ActorEntry, pronoun: SpeakerPhrase, trustGuess: boolean): boolean {
	if (pronoun.refersTo === 'organisation') return entry.kind === 'organisation';
	if (pronoun.refersTo === 'plural') return entry.kind !== 'person';
	if (entry.kind === 'organisation' || isGroup(entry)) return false;
	if (entry.genderGuessed && !trustGuess) return true;
	return !entry.gender || !pronoun.gender || entry.gender === pronoun.gender;
}

/** "officials", "the stoppage": an unnamed speaker or subject that "he" or "she" cannot mean. */
function isGroup(entry: ActorEntry): boolean {
	if (entry.kind !== 'unnamed') return false;
	// The head noun stands before what qualifies it: "a Palestinian official close to the group".
	const words = entry.name.toLowerCase().split(/\s+/u);
	const qualifier = words.findIndex((word, i) => i > 0 && QUALIFIER_START.test(word));
	const head = (qualifier > 0 ? words[qualifier - 1] : words.at(-1)) ?? '';
	return GROUPS.has(head) || /[^s]s$/u.test(head) || !(PERSON_HEADS.has(head) || isActorNoun(head));
}

function latest(focus: readonly ActorEntry[], test: (entry: ActorEntry) => boolean): ActorEntry | undefined {
	for (let i = focus.length - 1; i >= 0; i--) {
		const entry = focus[i];
		if (entry && test(entry)) return entry;
	}
	return undefined;
}
