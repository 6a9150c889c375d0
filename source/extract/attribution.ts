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
const STATEMENT_NOUNS =
	/^(?:statement|statements|comment|comments|remarks|message|letter|note|email|e-mail|post|tweet|response|reply|testimony)$/u;
/** What someone said, named by a noun their possessive owns: "Kerr’s quick retort", "the anchor’s comment". */
const REMARK_NOUNS =
	/^(?:comment|comments|remark|remarks|retort|reply|response|claim|claims|jibe|quip|warning|words|assertion|admission|suggestion|insistence|verdict|description|message|tweet|post|statement)$/u;
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
	// "Kay Burley put it to the minister that he had been “telling porkies”": she asked it.
	if (/^(?:put|puts|putting)$/u.test(word)) {
		return bare(list[i + 1] ?? '') === 'it' && bare(list[i + 2] ?? '') === 'to';
	}
	if (!SPEECH_VERBS.has(word)) return false;
	// "the media reports were absurd": a plural noun that a verb follows is the subject, not a verb.
	if (
		/s$/u.test(word) &&
		/^(?:are|were|have|had|say|said|suggest|suggested|show|showed)$/u.test(bare(list[i + 1] ?? ''))
	)
		return false;
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
		dashAttribution(after, beforeTokens.length === 0) ??
		followingAttribution(afterTokens, beforeTokens.length === 0) ??
		accordingTo(beforeTokens, afterTokens) ??
		remarkOf(beforeTokens) ??
		statementBy(beforeTokens, standaloneBefore) ??
		precedingAttribution(beforeTokens, standaloneBefore) ??
		sentenceEndAttribution(afterTokens) ??
		forSomeone(beforeTokens)
	);
}

/**
 * `“His loss is felt by all…” – Comet editor Darren Isted.`: tributes and round-ups sign a quotation
 * with a dash and the speaker, and nothing else follows. The words after the dash must name someone:
 * a capitalised name or title, or a described person ("a spokesman for the council").
 */
function dashAttribution(after: string, opensSentence: boolean): Attribution | undefined {
	const match = /^\s*(?:[—–]|-{1,2}(?=\s))\s*(\S.*?)\s*$/u.exec(after);
	if (!match?.[1]) return undefined;
	// "“That’s fine” – Brian Kerr’s quick retort to…": a headline signs the words with a remark.
	const signed = tokens(match[1]);
	const owner = possessiveRemark(signed, 0);
	if (owner)
		return {
			phrase: owner.phrase,
			verb: owner.noun,
			place: 'after',
			clause: clean(signed),
			standalone: opensSentence,
		};
	const {phrase, appositive, rest} = phraseAfterVerb(signed);
	if (!phrase || rest.length > 0) return undefined;
	const words = phrase.split(/\s+/u);
	const named =
		/^\p{Lu}/u.test(phrase) ||
		(DETERMINER_START.test(words[0] ?? '') &&
			words.some((word) => PERSON_HEADS.has(bare(word)) || TITLES.has(bare(word))));
	if (!named) return undefined;
	return {phrase, appositive, verb: 'said', place: 'after', clause: '', standalone: opensSentence};
}

/**
 * "anchor’s comment that he was ‘out of step’": words inside a remark that someone's possessive
 * owns are theirs. The remark must be near the quotation, with no verb of speech after it.
 */
function remarkOf(before: string[]): Attribution | undefined {
	for (let i = before.length - 1; i >= Math.max(0, before.length - 10); i--) {
		const owner = possessiveRemark(before, i);
		if (!owner) continue;
		const rest = before.slice(owner.end);
		if (rest.some((_, j) => isVerbAt(rest, j)) || rest.some((token) => token.includes(QUOTE_SLOT)))
			return undefined;
		return {
			phrase: owner.phrase,
			verb: owner.noun,
			place: 'sentence',
			clause: clean(before.slice(i)),
			standalone: false,
		};
	}
	return undefined;
}

/**
 * A possessive that starts at `at` and owns a remark noun within two words: "Brian Kerr’s quick
 * retort", "anchor’s comment". The owner is a run of capitalised words, or one noun.
 */
function possessiveRemark(
	list: readonly string[],
	at: number,
): {phrase: string; noun: string; end: number} | undefined {
	let last = at;
	while (last < list.length && /^\p{Lu}/u.test(list[last] ?? '') && !/['’]s$/u.test(list[last] ?? '')) last++;
	const possessive = list[last] ?? '';
	if (!/^[\p{L}.-]+['’]s$/u.test(possessive) || (last > at && !/^\p{Lu}/u.test(possessive))) return undefined;
	if (at > 0 && /^\p{Lu}/u.test(list[at - 1] ?? '') && !endsClause(list[at - 1] ?? '')) return undefined;
	for (let n = last + 1; n <= last + 3 && n < list.length; n++) {
		const token = list[n] ?? '';
		if (REMARK_NOUNS.test(bare(token))) {
			const phrase = clean([...list.slice(at, last), possessive.replace(/['’]s$/u, '')]);
			return {phrase, noun: bare(token), end: n + 1};
		}
		if (endsClause(token) || token.includes(QUOTE_SLOT) || BOUNDARIES.has(bare(token))) return undefined;
	}
	return undefined;
}

/**
 * `Below is a statement from NPR spokeswoman Dana Davis Rehm:`, `In a letter from the council, …`:
 * the words of a statement, letter or post are its author's.
 */
function statementBy(before: string[], standalone: boolean): Attribution | undefined {
	for (let i = before.length - 2; i >= 0; i--) {
		if (!STATEMENT_NOUNS.test(bare(before[i] ?? '')) || !/^(?:from|by)$/u.test(bare(before[i + 1] ?? '')))
			continue;
		const {phrase, appositive, rest} = phraseAfterVerb(before.slice(i + 2));
		// "from NPR spokeswoman Dana Rehm", "from party spokeswoman Rita Vance", "from the council".
		if (!phrase || !/^\p{Lu}|^(?:the|a|an)\s|\s\p{Lu}/u.test(phrase)) return undefined;
		// The statement must lead into the quotation: only its author's description may follow.
		if (rest.length > 8) return undefined;
		return {
			phrase,
			appositive,
			verb: 'said',
			place: standalone ? 'before' : 'sentence',
			clause: clean(before.slice(i)),
			standalone,
		};
	}
	return undefined;
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
		// "dismissed as “absurd” the rebels’ proposal and said": the words after the quotation are the
		// object, and the verb shares the sentence's subject.
		if (bare(after[v - 1] ?? '') === 'and') return undefined;
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

/**
 * `According to X, “…”`, `“…”, according to X`, `As reported in X, “…”`. A speaker with a verb nearer
 * the quotation wins: in "According to a recording of the briefing, he said he “disagreed”", he did.
 */
function accordingTo(before: string[], after: string[]): Attribution | undefined {
	for (const list of [after, before]) {
		const found = sourceIntroducer(list);
		if (!found) continue;
		const [at, length] = found;
		const {phrase, appositive, rest} = phraseAfterVerb(list.slice(at + length));
		if (list === before && rest.some((_, i) => isVerbAt(rest, i))) continue;
		if (phrase)
			return {
				phrase,
				appositive,
				verb: 'according to',
				place: 'according-to',
				clause: clean(list),
				standalone: false,
			};
	}
	return undefined;
}

/** Where "according to", "as reported in/by" or "as quoted by" stands, and how many words it has. */
function sourceIntroducer(list: readonly string[]): [number, number] | undefined {
	for (let i = 0; i < list.length; i++) {
		const word = bare(list[i] ?? '');
		const next = bare(list[i + 1] ?? '');
		if (word === 'according' && next === 'to') return [i, 2];
		if (word === 'as' && /^(?:reported|quoted)$/u.test(next) && /^(?:in|by)$/u.test(bare(list[i + 2] ?? '')))
			return [i, 3];
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
		// "calling for a meeting as they look to fast-track projects they see as in the ‘national
		// interest’": the words stand in a clause of its own, about someone else.
		if (opensOwnClause(tail)) continue;
		const direct = standalone && tail.length <= 6;
		if (/ing$/u.test(verb)) {
			// "TOI quoted RC Joshi as saying": the words are the one quoted.
			const quoted = quotedAsSaying(before, v);
			if (quoted)
				return {
					phrase: quoted,
					verb,
					place: direct ? 'before' : 'sentence',
					clause: clean(before),
					standalone: direct,
				};
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
			const main = before.slice(0, v);
			let earlier = precedingAttribution(main, false);
			// "The premier didn't comment on the reason Tory announced his resignation, saying…": a verb
			// inside a clause of the sentence is not the one the participle hangs on.
			if (earlier && !opensClause(main, main.length - tokens(earlier.clause).length)) {
				const own = sentenceSubject(main);
				if (own && own !== earlier.phrase) earlier = undefined;
			}
			const subject = earlier ? undefined : sentenceSubject(main);
			// The words were said as the participle says, whatever the tense of the verb it hangs on
			// ("has not confirmed it, saying only…").
			if (earlier) return {...earlier, auxiliary: undefined, clause: clean(before), standalone: direct};
			if (subject)
				return {phrase: subject, verb, place: 'sentence', clause: clean(before), standalone: direct};
			continue;
		}
		// "On how to explain his fumbles:": an infinitive names a topic, not who spoke; "he went on to
		// say:" — the subject of the verb the infinitive hangs on speaks.
		const governor = bare(before[v - 1] ?? '') === 'to' ? infinitiveGovernor(before, v - 1) : v;
		if (governor < 0) continue;
		const subject = subjectBefore(before, governor);
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
			phrase: relayedSource(before, subject.start) ?? subject.phrase,
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

const SUBORDINATORS = /^(?:as|while|when|whenever|because|although|though|whereas|unless|if|since|until)$/u;
const CLAUSE_SUBJECT = /^(?:they|he|she|it|we|you|i|the|a|an|this|these|those|its|their|his|her|our)$/u;

/**
 * Words between a verb and a quotation that open a clause of their own, about something else: in
 * "calling for a meeting as they look to fast-track projects they see as in the ‘national
 * interest’", the verb takes an object and the quotation stands in the "as" clause that follows. A
 * verb that reports speech ("said that even though…", "said she spoke…") keeps what follows.
 */
function opensOwnClause(tail: readonly string[]): boolean {
	const opener = bare(tail[0] ?? '');
	if (!(BOUNDARIES.has(opener) || INNER_PREPOSITIONS.has(opener)) || opener === 'that') return false;
	for (let i = tail.length - 1; i >= 0; i--) {
		if (endsClause(tail[i] ?? '')) return false;
		if (
			SUBORDINATORS.test(bare(tail[i] ?? '')) &&
			CLAUSE_SUBJECT.test(bare(tail[i + 1] ?? '')) &&
			tail.slice(i + 2).some((_, j) => tagsAt(tail, i + 2 + j).includes('Verb'))
		)
			return true;
	}
	return false;
}

/** Whether a clause can start at `i`: the sentence's start, or after a comma or a conjunction. */
function opensClause(list: readonly string[], i: number): boolean {
	if (i <= 0) return true;
	const previous = list[i - 1] ?? '';
	return endsClause(previous) || /^(?:and|but|then|so|yet|or)$/iu.test(previous);
}

/** "RC Joshi" in "TOI quoted RC Joshi as saying", the participle at `v`. */
function quotedAsSaying(list: readonly string[], v: number): string | undefined {
	if (bare(list[v - 1] ?? '') !== 'as') return undefined;
	for (let i = v - 3; i >= Math.max(0, v - 12); i--) {
		if (/^(?:quoted|quoting|quotes|quote|cited|citing|cites)$/u.test(bare(list[i] ?? ''))) {
			const phrase = clean(list.slice(i + 1, v - 1));
			return /^\p{Lu}|^(?:the|a|an)\s/u.test(phrase) ? phrase : undefined;
		}
	}
	return undefined;
}

/** "Quoting a CBI spokesperson RC Joshi, TOI said": the one quoted spoke, the paper relays. */
function relayedSource(list: readonly string[], subjectStart: number): string | undefined {
	const at = list.findIndex((token) => /^(?:quoting|citing)$/iu.test(bare(token)));
	if (at < 0 || at >= subjectStart) return undefined;
	const comma = list.findIndex((token, i) => i > at && endsClause(token));
	if (comma < 0 || comma + 1 !== subjectStart) return undefined;
	const phrase = clean(list.slice(at + 1, comma + 1));
	return /^\p{Lu}|^(?:the|a|an)\s/u.test(phrase) ? phrase : undefined;
}

/**
 * The verb an infinitive "to" at `to` hangs on ("went on to say", "had this to say", "continued to
 * say"), or -1 when it names a topic ("how to explain") or hangs on no verb.
 */
function infinitiveGovernor(list: readonly string[], to: number): number {
	let j = to - 1;
	if (/^(?:on|this|that)$/u.test(bare(list[j] ?? ''))) j--;
	if (j < 0 || /^(?:how|what|when|where|why|whether|which|who)$/u.test(bare(list[j] ?? ''))) return -1;
	return tagsAt(list, j).includes('Verb') && !endsClause(list[j] ?? '') ? j : -1;
}

/** `… “special military operation”, the minister said.` */
function sentenceEndAttribution(after: string[]): Attribution | undefined {
	// `… “belittled her colleagues” and “showered her allies with praise,” writes Jonathan Martin.`
	for (let v = after.length - 1; v > 0; v--) {
		const previous = after[v - 1] ?? '';
		if (!(endsClause(previous) || previous.includes(QUOTE_SLOT)) || !isVerbAt(after, v)) continue;
		const inverted = phraseAfterVerb(after.slice(v + 1));
		if (inverted.phrase && /^\p{Lu}|^(?:the|a|an)\s/u.test(inverted.phrase))
			return {
				phrase: inverted.phrase,
				appositive: inverted.appositive,
				verb: bare(after[v] ?? ''),
				place: 'sentence',
				clause: clean(after.slice(v)),
				standalone: false,
			};
	}
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
	// "Netanyahu on Wednesday dismissed", "the ministry last week said": the date is not the subject.
	for (let moved = true; moved; ) {
		moved = false;
		while (end > 0 && isAuxiliary(list[end - 1] ?? '')) {
			const word = bare(list[end - 1] ?? '');
			if (/^(?:has|have|had)$/u.test(word)) auxiliary = word;
			end--;
			moved = true;
		}
		const date = dateAdverbialStart(list, end);
		if (date < end) {
			end = date;
			moved = true;
		}
	}
	if (end === 0) return undefined;
	// "He praised his colleagues and promised:", "after Trump tweeted … and said": the verbs share the
	// subject of the verb before the "and".
	if (/^(?:and|but)$/iu.test(list[end - 1] ?? '')) {
		for (let previous = end - 2; previous > 0; previous--) {
			if (endsClause(list[previous] ?? '') || isAuxiliary(list[previous] ?? '')) continue;
			if (!tagsAt(list, previous).includes('Verb') || /^\p{Lu}/u.test(list[previous] ?? '')) continue;
			// "following the 2013 election defeat but says": a participle is no verb the "but" shares.
			if (/ing$/u.test(bare(list[previous] ?? '')) && !isAuxiliary(list[previous - 1] ?? '')) continue;
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
		// `John Healey MP, Labour’s Shadow Housing Secretary, responding to the announcement, said`: a
		// role may stand before the last appositive.
		const parts: string[] = [];
		for (;;) {
			let comma = end - 2;
			while (comma >= 0 && !endsClause(list[comma] ?? '')) comma--;
			if (comma < 0) {
				if (parts.length === 0) return undefined;
				break;
			}
			const group = clean(list.slice(comma + 1, end));
			const fits = parts.length === 0 ? APPOSITIVE.test(group) : isRole(group);
			if (!fits) {
				if (parts.length === 0) return undefined;
				break;
			}
			parts.unshift(group);
			end = comma + 1;
			// Only a clause ("responding to…", "who…") can follow a role; after a name or a role, the
			// name is what comes before.
			if (!/^\p{Ll}/u.test(group) || DETERMINER_START.test(group.split(/\s+/u)[0] ?? '')) break;
		}
		appositive = parts.join(', ');
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
	// "Felix Chung, leader of the Liberal Party says": a headline's appositive without its closing
	// comma; the name is before the comma.
	const role = bare(list[start] ?? '');
	if (
		appositive === undefined &&
		start > 0 &&
		endsClause(list[start - 1] ?? '') &&
		/^\p{Ll}/u.test(list[start] ?? '') &&
		(TITLES.has(role) || PERSON_HEADS.has(role))
	) {
		const nameStart = walkPhrase(list, start);
		const name = clean(list.slice(nameStart, start));
		// "after the draw on Saturday, former manager Owen Clery": a date is no name.
		const led = bare(list[nameStart - 1] ?? '');
		const dated = DATE_WORD.test(bare(name)) || BOUNDARIES.has(led) || INNER_PREPOSITIONS.has(led);
		if (/^\p{Lu}/u.test(name) && name.split(/\s+/u).length <= 4 && !dated)
			return {phrase: name, appositive: clean(list.slice(start, end)), auxiliary, start: nameStart};
	}
	const phrase = clean(list.slice(start, end));
	return phrase ? {phrase, appositive, auxiliary, start} : undefined;
}

const DATE_WORD =
	/^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|tonight|week|weekend|month|year|morning|afternoon|evening|night|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|may|june|july|august|september|october|november|december)$/u;
const DATE_LEAD = /^(?:on|last|this|earlier|early|late|later|next)$/u;

/**
 * Where a date adverbial that ends at `end` starts ("on Wednesday", "last week", "on Oct. 7",
 * "yesterday"), or `end` when there is none. A bare month name must be led ("on May 3"), since
 * "May" is also a name.
 */
function dateAdverbialStart(list: readonly string[], end: number): number {
	let start = end;
	let dated = false;
	while (start > 0) {
		const token = list[start - 1] ?? '';
		const word = bare(token);
		if (endsClause(token) || token.includes(QUOTE_SLOT)) break;
		if (DATE_WORD.test(word) && (word !== 'may' || DATE_LEAD.test(bare(list[start - 2] ?? '')))) dated = true;
		else if (!DATE_LEAD.test(word) && !/^\d{1,2}(?:st|nd|rd|th)?$/u.test(word)) break;
		start--;
	}
	while (start < end && /^\d/u.test(list[start] ?? '')) start++;
	return dated ? start : end;
}

const APPOSITIVE =
	/^(?:a|an|the|his|her|its|their|\p{Lu}|\d|also|who|whose|which|speaking|writing|\p{Ll}+ing\s)/iu;

/** "Labour’s Shadow Housing Secretary", "the party’s chief whip": a role, not a name. */
function isRole(group: string): boolean {
	const words = group.split(/\s+/u);
	const head = bare(words.at(-1) ?? '');
	return (TITLES.has(head) || PERSON_HEADS.has(head)) && !BOUNDARIES.has(bare(words[0] ?? ''));
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
	// "•", "—": no word, no part of a name.
	if (!/[\p{L}\p{N}]/u.test(token) || token.includes(QUOTE_SLOT) || isVerbAt(list, i)) return false;
	const next = list[i + 1] ?? '';
	const leadsName =
		i + 1 < end && (/^\p{Lu}|^\p{Ll}+-\p{Lu}/u.test(next) || DETERMINER_START.test(bare(next)));
	// Inside a description only when a name or determiner follows: "spokesman for the Ministry",
	// "an official close to the group", "the official based in Gaza".
	if (INNER_PREPOSITIONS.has(word)) return leadsName;
	if (word === 'to' && bare(list[i - 1] ?? '') === 'close') return leadsName;
	if (/^(?:based|stationed|close)$/u.test(word) && /^(?:in|at|to)$/u.test(bare(next)) && !endsClause(token))
		return i + 2 < end;
	if (BOUNDARIES.has(word)) return false;
	if (word === 'and') {
		// "police and crime commissioner", "President and CEO Todd Penegor": one description, one person.
		const around = [list[i - 1] ?? '', list[i + 1] ?? ''];
		return i > 0 && (around.every((w) => /^\p{Ll}/u.test(w)) || around.every((w) => TITLES.has(bare(w))));
	}
	if (/^\p{Lu}|^\d|^\p{Ll}+-\p{Lu}/u.test(token)) return true;
	const tags = tagsAt(list, i);
	if (tags.includes('Pronoun') && !tags.includes('Possessive')) return i + 1 === end;
	// "the council housing group": an -ing word before a noun modifies it.
	if (/ing$/u.test(word) && i + 1 < end && /^\p{Ll}/u.test(list[i + 1] ?? '')) {
		const next = tagsAt(list, i + 1);
		if (next.includes('Noun') && !next.includes('Verb') && !endsClause(token)) return true;
	}
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
	} else if (endsClause(list[end - 1] ?? '') && DETERMINER_START.test(bare(list[0] ?? ''))) {
		// "writes the paper's political editor, Ben Sato.": the name after the role is who it is.
		const name = namedAppositive(rest);
		if (name) {
			appositive = clean(rest.slice(0, name));
			rest = rest.slice(name);
		}
	}
	return {phrase, appositive, rest};
}

/** How many words of `list` are a name that ends the sentence ("Ben Sato."), or 0. */
function namedAppositive(list: readonly string[]): number {
	for (let i = 0; i < Math.min(list.length, 4); i++) {
		const token = list[i] ?? '';
		if (!/^\p{Lu}/u.test(token) || token.includes(QUOTE_SLOT)) return 0;
		if (endsSentence(token)) return i > 0 ? i + 1 : 0;
	}
	return list.length >= 2 && list.length <= 4 ? list.length : 0;
}

/** The subject a reporter's sentence opens with: whom a later "he" or "it" most likely means. */
export function subjectOf(sentence: string): string | undefined {
	const list = tokens(sentence);
	const subject = sentenceSubject(list);
	const next = list[subject ? subject.split(/\s+/u).length : 0];
	return subject && next !== undefined ? subject : undefined;
}

/**
 * "Morgan … credited his team for “showing what we are capable of playing. It was smart…”": words
 * that speak in the first person, run past a sentence's end or make a clause of their own are
 * someone's words though no verb of speech brings them in; the person the reporter's sentence is
 * about said them. Only a named person or a pronoun qualifies, never a thing ("The report").
 */
export function spokenBySubject(quoted: string, before: string): Attribution | undefined {
	const words = quoted.trim().split(/\s+/u);
	const speech =
		/\b(?:I|I['’](?:m|ve|ll|d)|[Ww]e|us|[Oo]ur|[Mm]y|me|[Yy]ou|[Yy]our)\b/u.test(quoted) ||
		/[.!?]\s+\p{Lu}/u.test(quoted.trim()) ||
		words.length >= 6;
	// "WH Defends Limited Press Briefing: ‘We Invited the Pool’": a label, not a subject.
	if (!speech || before.trim() === '' || /:\s*$/u.test(before)) return undefined;
	const list = tokens(before);
	const subject = sentenceSubject(list);
	// "Maria Lopez", "she", "the Ford government": never "The report".
	const [first = '', second = ''] = subject?.split(/\s+/u) ?? [];
	const named = DETERMINER_START.test(first) ? /^\p{Lu}/u.test(second) : /^\p{Lu}/u.test(first);
	if (!subject || !(PERSONAL.test(subject) || named)) return undefined;
	return {phrase: subject, verb: '', place: 'sentence', clause: clean(list), standalone: false};
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
	// his views, calling…" opens with a bare connective. A participle's clause ("Speaking on Virgin
	// Media Sport after the game,", "Reacting to the storm that blew up in the Dáil yesterday …,")
	// runs longer.
	const reach = /ing$/u.test(bare(list[0] ?? '')) && opener.includes('Verb') ? 16 : 6;
	if (firstComma >= 0 && firstComma <= reach && firstComma + 1 < list.length && adverbial) {
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
