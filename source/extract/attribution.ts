import nlp from 'compromise';
import {ORGANISATION_HEADS, ORGANISATION_WORDS, PERSON_HEADS, TITLES} from './name-words.js';
import {NAMING_VERBS, SPEECH_VERBS} from './speech-verbs.js';

/**
 * Where a reporter says who spoke. The patterns are the wire-service ones:
 *
 *   “…,” he said.            “…,” said Maria Zakharova, the ministry’s spokeswoman.
 *   Maduro said: “…”         Tony Lloyd, the commissioner, said: “…”
 *   He stressed that it is time to “start talking seriously”.
 *   Trump has not confirmed it, saying only it was “along the shore”.
 *   “…”, according to the health ministry.
 *   David Moyes: “…”         (the speaker as a label, in round-ups and transcripts)
 *
 * The input is one quotation's sentence with the quotation cut out: the reporter's words before it
 * and after it (other quotations in the sentence stand as QUOTE_SLOT). The output is the speaker as
 * printed; speaker-phrase.ts reads who that is.
 */

export const QUOTE_SLOT = '⟦quote⟧';

export type AttributionPlace = 'after' | 'before' | 'sentence' | 'according-to';

export interface Attribution {
	/** The speaker as printed: "President Nicolas Maduro", "he", "a spokesman". */
	phrase: string;
	/** ", the official representative of the Russian Foreign Ministry," */
	appositive?: string;
	verb: string;
	/** "has" in "has said": the words were said some time up to publication. */
	auxiliary?: string;
	place: AttributionPlace;
	/** The reporter's words around the verb, where a date of saying is looked for ("said on Wednesday"). */
	clause: string;
	/** The verb names rather than speaks ("a film called …"): the quotation is a title or term. */
	naming?: boolean;
	/** The quotation stands as a sentence of its own: after a colon, or before or after the attribution. */
	standalone: boolean;
}

const AUXILIARIES = new Set(
	'has have had is was were been be also not never repeatedly previously later then again once earlier separately further first simply only just would will could can may might should did does do reportedly allegedly publicly privately frequently often himself herself itself themselves recently since already long'.split(
		' ',
	),
);
const BOUNDARIES = new Set(
	'that which who whom whose as while when after before because if since although though but or so then where than to into on in at by with without during under over about against amid despite following until via'.split(
		' ',
	),
);
/** Prepositions that can sit inside a speaker's description: "a spokesman for the Ministry of Defence". */
const INNER_PREPOSITIONS = new Set(['of', 'for', 'from', 'at', 'with', 'in']);
const DETERMINER_START = /^(?:a|an|the|his|her|its|their|our)$/iu;
const PERSONAL = /^(?:he|she|it|they)$/iu;
const TIME_WORDS =
	/^(?:earlier|later|last|this|next|on|in|week|month|year|today|yesterday|monday|tuesday|wednesday|thursday|friday|saturday|sunday|morning|afternoon|evening|night)$/u;
const NOT_A_SUBJECT =
	/\b(?:january|february|march|april|may|june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|week|month|year)\b/iu;

const bare = (token: string) => token.toLowerCase().replace(/^[("“‘']+|[)"”’'.,;:!?]+$/gu, '');
const UNAMBIGUOUS = /(?:ed|ing)$|^(?:said|told|wrote|written|says)$/u;
const endsClause = (token: string) => /[,;:]$/u.test(token);
const clean = (tokens: string[]) =>
	tokens
		.join(' ')
		.replace(/^[\s,;:—–-]+|[\s,;:.—–-]+$/gu, '')
		.trim();

const tagCache = new Map<string, string[]>();
function tagsOf(token: string): string[] {
	const word = bare(token);
	let tags = tagCache.get(word);
	if (!tags) {
		const terms = nlp(word).terms().json() as Array<{terms: Array<{tags: string[]}>}>;
		tags = terms[0]?.terms[0]?.tags ?? [];
		tagCache.set(word, tags);
	}
	return tags;
}

/**
 * Whether the token at `i` is a speech verb where it stands. "reports", "claims", "calls" are also
 * nouns ("widespread reports"); compromise reads them in their sentence.
 */
// compromise costs about a millisecond a call: the same words are tagged once per run.
const contextCache = new Map<string, string[][]>();
const CACHE_LIMIT = 5_000;
function isVerbAt(list: readonly string[], i: number): boolean {
	const word = bare(list[i] ?? '');
	// "he used the word “hoax”": the word is his.
	if (/^(?:use|used|uses|using)$/u.test(word)) {
		return (
			/^the$/iu.test(list[i + 1] ?? '') &&
			/^(?:word|term|phrase|expression|label)s?$/iu.test(bare(list[i + 2] ?? ''))
		);
	}
	if (!SPEECH_VERBS.has(word)) return false;
	return UNAMBIGUOUS.test(word) || tagsAt(list, i).includes('Verb');
}

/** compromise's tags for each token, read in the context of the whole list. */
function tagsAt(list: readonly string[], i: number): string[] {
	const key = list.join(' ');
	let tags = contextCache.get(key);
	if (!tags) {
		tags = contextTags(list);
		if (contextCache.size >= CACHE_LIMIT) contextCache.clear();
		contextCache.set(key, tags);
	}
	return tags[i] ?? [];
}

function contextTags(list: readonly string[]): string[][] {
	const starts: number[] = [];
	let offset = 0;
	for (const token of list) {
		starts.push(offset);
		offset += token.length + 1;
	}
	const terms = nlp(list.join(' ')).terms().json({offset: true}) as Array<{
		offset: {start: number};
		terms: Array<{tags: string[]}>;
	}>;
	const byStart = new Map(terms.map((term) => [term.offset.start, term.terms[0]?.tags ?? []]));
	return starts.map((start) => byStart.get(start) ?? []);
}

export function findAttribution(before: string, after: string): Attribution | undefined {
	const beforeTokens = tokens(before);
	const afterTokens = tokens(after.replace(/^[\s,;]*[—–-]?\s*/u, ''));
	const standaloneBefore = beforeTokens.length === 0 || /[:]\s*$/u.test(before) || /,\s*$/u.test(before);
	return (
		labelAttribution(before, after) ??
		followingAttribution(afterTokens, beforeTokens.length === 0) ??
		accordingTo(beforeTokens, afterTokens) ??
		precedingAttribution(beforeTokens, standaloneBefore) ??
		sentenceEndAttribution(afterTokens) ??
		forSomeone(beforeTokens)
	);
}

/**
 * `David Moyes: “…”`, `Sir Alex Ferguson (on the penalty): “…”`: a name alone before a colon labels
 * the words that follow, as match round-ups and transcripts print them. The label must read as a
 * name, not as a heading ("Opening Remarks:").
 */
function labelAttribution(before: string, after: string): Attribution | undefined {
	if (after.trim() !== '') return undefined;
	const match =
		/^\s*((?:[\p{Lu}][\p{L}\p{M}.'’-]*\s+){0,5}[\p{Lu}][\p{L}\p{M}.'’-]*)\s*(?:\([^()]{1,80}\))?\s*:\s*$/u.exec(
			before,
		);
	const label = match?.[1];
	if (!label) return undefined;
	const words = label.split(/\s+/u);
	// "On Neco Williams:" introduces a topic.
	if (BOUNDARIES.has(bare(words[0] ?? '')) || INNER_PREPOSITIONS.has(bare(words[0] ?? ''))) return undefined;
	if (words.some((word, i) => tagsAt(words, i).includes('Verb') && !TITLES.has(bare(word)))) return undefined;
	// "A:", "Q:" in a transcript are not names.
	if (words.length === 1 && !tagsAt(words, 0).some((tag) => tag === 'Person' || tag === 'Organization'))
		return undefined;
	return {phrase: label, verb: 'said', place: 'before', clause: '', standalone: true};
}

/** `For Mr. Kelly, though, gun control is the “elephant in the room.”`: the words are his. */
function forSomeone(before: string[]): Attribution | undefined {
	if (bare(before[0] ?? '') !== 'for') return undefined;
	const comma = before.findIndex(endsClause);
	const phrase = comma > 0 && comma <= 5 ? clean(before.slice(1, comma + 1)) : '';
	if (!/^\p{Lu}/u.test(phrase)) return undefined;
	return {phrase, verb: 'for', place: 'sentence', clause: clean(before), standalone: false};
}

function tokens(text: string): string[] {
	return text.split(/\s+/u).filter(Boolean);
}

/** `“…,” he said`, `“…,” said X`, `“…,” X told reporters`. */
function followingAttribution(after: string[], opensSentence: boolean): Attribution | undefined {
	if (after.length === 0) return undefined;
	if (isVerbAt(after, 0)) {
		const verb = after[0] ?? '';
		const {phrase, appositive, rest} = phraseAfterVerb(after.slice(1));
		if (!phrase) return undefined;
		return {
			phrase,
			appositive,
			verb: bare(verb),
			place: 'after',
			clause: clean([verb, ...rest]),
			standalone: opensSentence,
		};
	}
	// The speaker stands between the quotation and the verb; the first verb within reach decides.
	// The speaker opens the words after the quotation: "in the first half and told them" is no speaker.
	const opener = bare(after[0] ?? '');
	if (BOUNDARIES.has(opener) || INNER_PREPOSITIONS.has(opener) || opener === 'and') return undefined;
	const limit = Math.min(after.length, 16);
	for (let v = 1; v < limit; v++) {
		const token = after[v] ?? '';
		if (token.includes(QUOTE_SLOT)) return undefined;
		if (!isVerbAt(after, v)) {
			if (endsSentence(token) || (BOUNDARIES.has(bare(token)) && !withinDescription(after, v)))
				return undefined;
			continue;
		}
		const subject = subjectBefore(after, v);
		if (subject?.start !== 0) return undefined;
		return {
			phrase: subject.phrase,
			appositive: subject.appositive,
			auxiliary: subject.auxiliary,
			verb: bare(token),
			place: 'after',
			clause: clean(after.slice(v)),
			standalone: opensSentence,
		};
	}
	return undefined;
}

/** `According to X, “…”` and `“…”, according to X`. */
function accordingTo(before: string[], after: string[]): Attribution | undefined {
	for (const [list, place] of [
		[after, 'according-to'],
		[before, 'according-to'],
	] as const) {
		const at = list.findIndex((token, i) => bare(token) === 'according' && bare(list[i + 1] ?? '') === 'to');
		if (at < 0) continue;
		const {phrase, appositive} = phraseAfterVerb(list.slice(at + 2));
		if (phrase)
			return {phrase, appositive, verb: 'according to', place, clause: clean(list), standalone: false};
	}
	return undefined;
}

/** The last speech verb before the quotation, and its subject. */
function precedingAttribution(before: string[], standalone: boolean): Attribution | undefined {
	for (let v = before.length - 1; v >= 0; v--) {
		const token = before[v] ?? '';
		if (!isVerbAt(before, v)) continue;
		const verb = bare(token);
		const tail = before.slice(v + 1);
		const direct = standalone && tail.length <= 6;
		if (/ing$/u.test(verb)) {
			// "with its leader, Ismail Haniyeh, saying:" — the participle has its own subject.
			const own = subjectBefore(before, v);
			if (own && bare(before[own.start - 1] ?? '') === 'with') {
				return {
					phrase: own.phrase,
					appositive: own.appositive,
					verb,
					place: direct ? 'before' : 'sentence',
					clause: clean(before.slice(own.start)),
					standalone: direct,
				};
			}
			// "…, saying only it was", "the president said, adding:" — the speaker is the clause's subject.
			const earlier = precedingAttribution(before.slice(0, v), false);
			const subject = earlier ? undefined : sentenceSubject(before.slice(0, v));
			// The words were said as the participle says, whatever the tense of the verb it hangs on
			// ("has not confirmed it, saying only…").
			if (earlier) return {...earlier, auxiliary: undefined, clause: clean(before), standalone: direct};
			if (subject)
				return {phrase: subject, verb, place: 'sentence', clause: clean(before), standalone: direct};
			continue;
		}
		// "On how to explain his fumbles:": an infinitive names a topic, not who spoke.
		if (bare(before[v - 1] ?? '') === 'to') continue;
		const subject = subjectBefore(before, v);
		if (!subject) {
			// "said X:" with the speaker after the verb.
			const inverted = phraseAfterVerb(tail);
			if (inverted.phrase && direct)
				return {
					phrase: inverted.phrase,
					appositive: inverted.appositive,
					verb,
					place: 'before',
					clause: clean(before.slice(v)),
					standalone: true,
				};
			continue;
		}
		// "called on the council to", "called for": urging someone, not naming something.
		const urging = /^(?:on|upon|for)$/u.test(bare(before[v + 1] ?? ''));
		const naming =
			NAMING_VERBS.has(verb) && !urging && subject.auxiliary === undefined && isThing(subject.phrase);
		return {
			phrase: subject.phrase,
			appositive: subject.appositive,
			auxiliary: subject.auxiliary,
			verb,
			place: direct ? 'before' : 'sentence',
			clause: clean(before.slice(subject.start)),
			naming,
			standalone: direct,
		};
	}
	return undefined;
}

/** `… “special military operation”, the minister said.` */
function sentenceEndAttribution(after: string[]): Attribution | undefined {
	for (let v = after.length - 1; v > 0; v--) {
		if (!isVerbAt(after, v)) continue;
		const subject = subjectBefore(after, v);
		const previous = after[(subject?.start ?? 0) - 1] ?? '';
		if (subject && endsClause(previous)) {
			return {
				phrase: subject.phrase,
				appositive: subject.appositive,
				auxiliary: subject.auxiliary,
				verb: bare(after[v] ?? ''),
				place: 'sentence',
				clause: clean(after.slice(subject.start)),
				standalone: false,
			};
		}
	}
	return undefined;
}

interface Subject {
	phrase: string;
	appositive?: string;
	auxiliary?: string;
	/** Index of the subject's first token. */
	start: number;
}

/** The noun phrase that ends just before the verb at `v` (over auxiliaries, adverbs, an appositive). */
function subjectBefore(list: string[], v: number): Subject | undefined {
	let end = v;
	let auxiliary: string | undefined;
	while (end > 0 && isAuxiliary(list[end - 1] ?? '')) {
		const word = bare(list[end - 1] ?? '');
		if (/^(?:has|have|had)$/u.test(word)) auxiliary = word;
		end--;
	}
	if (end === 0) return undefined;
	// "He praised his colleagues and promised:", "after Trump tweeted … and said": the verbs share the
	// subject of the verb before the "and".
	if (/^(?:and|but)$/iu.test(list[end - 1] ?? '')) {
		for (let previous = end - 2; previous > 0; previous--) {
			if (endsClause(list[previous] ?? '') || isAuxiliary(list[previous] ?? '')) continue;
			if (!tagsAt(list, previous).includes('Verb') || /^\p{Lu}/u.test(list[previous] ?? '')) continue;
			const shared = subjectBefore(list, previous);
			if (shared) return {...shared, auxiliary};
			break;
		}
		const subject = sentenceSubject(list.slice(0, end - 1));
		return subject ? {phrase: subject, auxiliary, start: 0} : undefined;
	}
	if (PERSONAL.test(list[end - 1] ?? '')) return {phrase: list[end - 1] ?? '', auxiliary, start: end - 1};
	// "a warning from the safety office earlier this week, which said": the antecedent speaks.
	if (/^(?:which|who)$/iu.test(list[end - 1] ?? '') && endsClause(list[end - 2] ?? '')) {
		let last = end - 1;
		while (last > 0 && TIME_WORDS.test(bare(list[last - 1] ?? ''))) last--;
		let first = last;
		while (first > 0) {
			const token = list[first - 1] ?? '';
			const word = bare(token);
			if ((first < last && endsClause(token)) || INNER_PREPOSITIONS.has(word) || BOUNDARIES.has(word)) break;
			if (isVerbAt(list, first - 1) || tagsAt(list, first - 1).includes('Verb')) break;
			first--;
		}
		const phrase = clean(list.slice(first, last));
		return phrase ? {phrase, auxiliary, start: first} : undefined;
	}
	// "A councillor whose town was cut off by flooding said": the head the clause describes speaks.
	const relative = restrictiveClause(list, end);
	if (relative !== undefined) {
		const start = walkPhrase(list, relative);
		const phrase = clean(list.slice(start, relative));
		if (phrase && DETERMINER_START.test(bare(list[start] ?? ''))) return {phrase, auxiliary, start};
	}
	let appositive: string | undefined;
	const last = list[end - 1] ?? '';
	if (endsClause(last)) {
		// `Tony Lloyd, the police and crime commissioner, said`: the name is before the first comma.
		let comma = end - 2;
		while (comma >= 0 && !endsClause(list[comma] ?? '')) comma--;
		if (comma < 0) return undefined;
		appositive = clean(list.slice(comma + 1, end));
		if (
			!appositive ||
			!/^(?:a|an|the|his|her|its|their|\p{Lu}|\d|also|who|whose|which|speaking|writing)/iu.test(appositive)
		)
			return undefined;
		end = comma + 1;
	}
	let start = walkPhrase(list, end);
	// "Sarah Nwosu, 41, whose home flooded, told": the age is a second appositive, the name before it.
	if (
		/^\d+,?$/u.test(list[start] ?? '') &&
		start + 1 === end &&
		start > 0 &&
		endsClause(list[start - 1] ?? '')
	) {
		end = start;
		start = walkPhrase(list, end);
	}
	while (start < end && INNER_PREPOSITIONS.has(bare(list[start] ?? ''))) start++;
	if (start === end) return undefined;
	const phrase = clean(list.slice(start, end));
	return phrase ? {phrase, appositive, auxiliary, start} : undefined;
}

/** Where a "who"/"whose" clause without commas opens, when it runs up to `end`. */
function restrictiveClause(list: string[], end: number): number | undefined {
	for (let i = end - 1; i > 0 && i >= end - 12; i--) {
		const token = list[i] ?? '';
		if (endsClause(token) || endsSentence(token) || token.includes(QUOTE_SLOT)) return undefined;
		if (/^(?:who|whose)$/iu.test(token)) return endsClause(list[i - 1] ?? '') ? undefined : i;
	}
	return undefined;
}

/** Where the noun phrase ending at `end` starts. */
function walkPhrase(list: string[], end: number): number {
	let start = end;
	while (start > 0) {
		const token = list[start - 1] ?? '';
		if (start < end && endsClause(token)) break;
		if (!isPhraseToken(list, start - 1, end)) break;
		start--;
	}
	return start;
}

function isAuxiliary(token: string): boolean {
	const word = bare(token);
	if (endsClause(token) || /[A-Z]/u.test(token[0] ?? '')) return false;
	return AUXILIARIES.has(word) || /^\p{Ll}+ly$/u.test(word) || word === "n't" || word === 'not';
}

function isPhraseToken(list: string[], i: number, end: number): boolean {
	const token = list[i] ?? '';
	const word = bare(token);
	if (!word || token.includes(QUOTE_SLOT) || isVerbAt(list, i)) return false;
	if (INNER_PREPOSITIONS.has(word)) {
		// Inside a description only when a name or determiner follows: "spokesman for the Ministry".
		const next = list[i + 1] ?? '';
		return i + 1 < end && (/^\p{Lu}/u.test(next) || DETERMINER_START.test(bare(next)));
	}
	if (BOUNDARIES.has(word)) return false;
	if (word === 'and') {
		// "police and crime commissioner", "President and CEO Todd Penegor": one description, one person.
		const around = [list[i - 1] ?? '', list[i + 1] ?? ''];
		return i > 0 && (around.every((w) => /^\p{Ll}/u.test(w)) || around.every((w) => TITLES.has(bare(w))));
	}
	if (/^\p{Lu}/u.test(token) || /^\d/u.test(token)) return true;
	const tags = tagsAt(list, i);
	if (tags.includes('Pronoun') && !tags.includes('Possessive')) return i + 1 === end;
	return !(tags.includes('Verb') && !tags.includes('Noun') && !tags.includes('Adjective'));
}

/** `after` names a speaker only until a clause boundary: "said X, the spokesman, in a statement". */
function phraseAfterVerb(list: string[]): {phrase?: string; appositive?: string; rest: string[]} {
	let end = 0;
	while (end < list.length) {
		const token = list[end] ?? '';
		const word = bare(token);
		if (token.includes(QUOTE_SLOT)) break;
		if (end > 0 && BOUNDARIES.has(word) && !INNER_PREPOSITIONS.has(word)) break;
		if (end > 0 && INNER_PREPOSITIONS.has(word) && !/^\p{Lu}|^(?:the|a)$/iu.test(list[end + 1] ?? '')) break;
		if (isVerbAt(list, end) || (end > 0 && isAuxiliary(token))) break;
		end++;
		if (endsClause(token) || endsSentence(token)) break;
	}
	const phrase = clean(list.slice(0, end));
	// "said Maria Zakharova", "said a spokesman", "said captain Leo Marsh".
	const named =
		/^(?:\p{Lu}|a |an |the |his |her |its |their |he$|she$|it$|they$)/u.test(phrase) ||
		/\s\p{Lu}/u.test(phrase);
	if (!phrase || !named) {
		return {rest: list};
	}
	let rest = list.slice(end);
	let appositive: string | undefined;
	if (endsClause(list[end - 1] ?? '') && DETERMINER_START.test(bare(rest[0] ?? ''))) {
		let stop = 0;
		while (stop < rest.length && !endsClause(rest[stop] ?? '') && !endsSentence(rest[stop] ?? '')) stop++;
		appositive = clean(rest.slice(0, stop + 1));
		rest = rest.slice(stop + 1);
	}
	return {phrase, appositive, rest};
}

/** The subject a reporter's sentence opens with: whom a later "he" or "it" most likely means. */
export function subjectOf(sentence: string): string | undefined {
	const list = tokens(sentence);
	const subject = sentenceSubject(list);
	const next = list[subject ? subject.split(/\s+/u).length : 0];
	return subject && next !== undefined ? subject : undefined;
}

/** The subject of a clause that a participle ("saying", "adding") continues. */
function sentenceSubject(list: string[]): string | undefined {
	// Skip an opening adverbial or participle clause: "Still, Maduro…", "In a post on X, Trump…".
	let start = 0;
	const firstComma = list.findIndex(endsClause);
	const opener = tagsAt(list, 0);
	const adverbial =
		['Adverb', 'Preposition', 'Conjunction', 'Verb', 'Date'].some((tag) => opener.includes(tag)) ||
		(firstComma === 0 && !opener.includes('Noun'));
	// The clause before the comma is an opener only when short; "So Tim Cook appeared … and shared
	// his views, calling…" opens with a bare connective.
	if (firstComma >= 0 && firstComma <= 6 && firstComma + 1 < list.length && adverbial) {
		start = firstComma + 1;
	} else if (/^(?:so|and|but|yet|still|then|now|also)$/iu.test(list[0] ?? '') && list.length > 1) {
		start = 1;
	}
	if (PERSONAL.test(list[start] ?? '')) return list[start];
	// "Had she decided…?": a sentence that opens with its verb has no subject up front.
	if (tagsAt(list, start).includes('Verb')) return undefined;
	let end = start;
	while (end < list.length && isPhraseToken(list, end, list.length)) {
		const tags = tagsAt(list, end);
		if (end > start && tags.includes('Adverb') && /^\p{Ll}/u.test(list[end] ?? '')) break;
		end++;
		if (endsClause(list[end - 1] ?? '')) break;
	}
	const subject = clean(list.slice(start, end));
	return subject && !NOT_A_SUBJECT.test(subject) ? subject : undefined;
}

function withinDescription(list: string[], i: number): boolean {
	return INNER_PREPOSITIONS.has(bare(list[i] ?? '')) && /^\p{Lu}|^(?:the|a)$/iu.test(list[i + 1] ?? '');
}

/** "Sgt.", "Capt.", "Prof." before a name: a title's abbreviation, not a sentence's end. */
function endsSentence(token: string): boolean {
	return (
		/[.!?]$/u.test(token) &&
		!/^(?:\p{Lu}\.)+$|^(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|St|Jr|Sr)\.$/u.test(token) &&
		!(/^\p{Lu}\p{Ll}{1,4}\.$/u.test(token) && TITLES.has(token.toLowerCase()))
	);
}

/** A lower-case subject with no person or organisation in it: "a film", "the programme", "this research". */
export function isThing(phrase: string): boolean {
	if (
		/^(?:he|she|they|we|i|you)$/iu.test(phrase) ||
		/^\p{Lu}/u.test(phrase.replace(/^(?:the|a|an)\s+/iu, ''))
	) {
		return false;
	}
	const head = bare(phrase.split(/\s+/u).at(-1) ?? '');
	if (ORGANISATION_HEADS.has(head) || ORGANISATION_WORDS.has(head) || PERSON_HEADS.has(head)) return false;
	return !tagsOf(head).includes('Actor');
}
