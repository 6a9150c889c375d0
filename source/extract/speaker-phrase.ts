import nlp from 'compromise';
import {
	COMPANY_NOUNS,
	DETERMINERS,
	GROUPS,
	NAME_PARTICLES,
	ORGANISATION_HEADS,
	ORGANISATION_WORDS,
	PERSON_HEADS,
	PRONOUNS,
	TITLES,
} from './name-words.js';

/**
 * Reading the words that name a speaker, as printed ("President Nicolas Maduro", "he", "Taiwan’s
 * defence ministry", "a spokesman for the Metropolitan Police", "his mother"), into who they are.
 *
 * - person: a name ends the phrase; the titles and roles before it are its description;
 * - organisation: a capitalised name that an organisation word, an acronym or a place makes one;
 * - pronoun: he, she, it, they, resolved later against the people and organisations named before;
 * - reference: "the president", "the ministry": a definite description that points back;
 * - unnamed: anyone else ("a spokesman", "his mother", "officials"), kept as described, never named.
 */

export type SpeakerKind = 'person' | 'organisation' | 'pronoun' | 'reference' | 'unnamed';
export type Gender = 'male' | 'female';

export interface SpeakerPhrase {
	printed: string;
	kind: SpeakerKind;
	/** Person or organisation name; absent for pronouns, references and unnamed speakers. */
	name?: string;
	description?: string;
	gender?: Gender;
	/** The gender is a guess from the first name ("Lex" is listed as a woman's name), not the text's. */
	genderGuessed?: boolean;
	/** For pronouns and references: the pronoun or head noun, and what it can point back to. */
	head?: string;
	refersTo?: 'person' | 'organisation' | 'plural';
}

const CAPITALISED = /^[\p{Lu}\d][\p{L}\p{M}\p{N}'’.-]*$/u;
const ACRONYM = /^\p{Lu}{2,}s?$/u;
const POSSESSIVE = /['’]s?$/u;
const HONORIFIC_GENDER = new Map<string, Gender>([
	['mr', 'male'],
	['sir', 'male'],
	['lord', 'male'],
	['king', 'male'],
	['prince', 'male'],
	['father', 'male'],
	['mrs', 'female'],
	['ms', 'female'],
	['miss', 'female'],
	['dame', 'female'],
	['lady', 'female'],
	['baroness', 'female'],
	['queen', 'female'],
	['princess', 'female'],
]);

const bare = (word: string) => word.toLowerCase().replace(/[,;:]+$/u, '');
const stem = (word: string) => bare(word).replace(POSSESSIVE, '');

export function readSpeakerPhrase(printed: string, appositive?: string): SpeakerPhrase | undefined {
	const text = printed.replace(/[\s,;:.!?]+$/u, '').replace(/^[\s,;:]+/u, '');
	if (!text) return undefined;
	const tokens = text.split(/\s+/u);
	const first = bare(tokens[0] ?? '');
	if (tokens.length === 1 && PRONOUNS.has(first)) {
		const gender = PRONOUNS.get(first);
		return {
			printed: text,
			kind: 'pronoun',
			head: first,
			gender: gender === 'male' || gender === 'female' ? gender : undefined,
			refersTo: gender === 'neuter' ? 'organisation' : gender === 'plural' ? 'plural' : 'person',
		};
	}
	// "a spokesman from the Metropolitan Police", "one witness", "some MPs", "two officials": someone
	// the article does not name.
	if ((/^(?:a|an|one|another)$/iu.test(first) || QUANTIFIERS.test(first)) && tokens.length > 1) {
		// "a CBI spokesperson RC Joshi": the description is the person's, who is named after it.
		const named = /^(?:a|an)$/iu.test(first) ? namedAfterDescription(tokens, appositive) : undefined;
		return named ?? {printed: text, kind: 'unnamed', description: joinDescription(text, appositive)};
	}
	// "John Healey MP", "Martin Luther King Jr.": letters after a name are not part of it.
	const postNominal = tokens.length > 2 && POST_NOMINALS.has(bare(tokens.at(-1) ?? '').replace(/\.$/u, ''));
	if (postNominal) {
		const person = readSpeakerPhrase(tokens.slice(0, -1).join(' '), appositive);
		if (person?.kind === 'person')
			return {
				...person,
				printed: text,
				description: joinDescription(tokens.at(-1) ?? '', person.description),
			};
	}
	// "The Palestinian official based in Gaza", "the former national chief of the Assembly of First
	// Nations": a person described by a role and a place or body, not named.
	const described = describedPerson(tokens);
	if (/^the$/iu.test(first) && described)
		return {printed: text, kind: 'reference', head: described, refersTo: 'person', description: text};
	// "An urgent motion by councillor Julie Davenport", "a letter from Bill Shorten": the person's words.
	const by = tokens.findIndex((token, i) => i > 0 && /^(?:by|from)$/u.test(token));
	if (by > 0 && /^(?:a|an|the)$/iu.test(first) && !PERSON_HEADS.has(stem(tokens[by - 1] ?? ''))) {
		const author = readSpeakerPhrase(tokens.slice(by + 1).join(' '), appositive);
		if (author?.kind === 'person') return {...author, printed: text};
	}
	// "Doctor Bruce Van Cleave of Aurora Health Care": the person, then where they work.
	const of = tokens.findIndex((token, i) => i > 0 && /^(?:of|for|at|from|with)$/u.test(token));
	const place = /^the$/iu.test(tokens[of + 1] ?? '') ? tokens[of + 2] : tokens[of + 1];
	// "former Republic of Ireland manager Brian Kerr": a role after the body, then the name, at the end.
	const tail = lastNameRun(tokens);
	const namedAfterRole =
		tail !== undefined &&
		tail.end === tokens.length &&
		tokens.slice(of + 1, tail.start).some((token) => /^\p{Ll}/u.test(token) && PERSON_HEADS.has(stem(token)));
	if (of > 0 && !namedAfterRole && /^\p{Lu}/u.test(place ?? '') && isNameToken(tokens[of - 1] ?? '')) {
		const before = tokens.slice(0, of);
		if (!before.every((token) => TITLES.has(stem(token)) || TITLES.has(bare(token)))) {
			const person = readSpeakerPhrase(
				before.join(' '),
				joinDescription(tokens.slice(of).join(' '), appositive),
			);
			if (person?.kind === 'person') return {...person, printed: text};
		}
	}
	const run = lastNameRun(tokens);
	const endsWithName = run !== undefined && run.end === tokens.length;
	const head = stem(tokens.at(-1) ?? '');

	// "the boy's mother", "the company's founder": someone described through someone else.
	const possessed = tokens
		.slice(0, -1)
		.some((token) => POSSESSIVE.test(token) && !/^(?:its|his|her)$/iu.test(token));
	if (/^the$/iu.test(first) && possessed && PERSON_HEADS.has(head) && !endsWithName) {
		return {printed: text, kind: 'unnamed', description: joinDescription(text, appositive)};
	}
	// "the former Exxon Mobil CEO": a description that points back to a person, capitals and all.
	if (/^the$/iu.test(first) && PERSON_HEADS.has(head) && tokens.length <= 6) {
		return {printed: text, kind: 'reference', head, refersTo: 'person', description: text};
	}
	if (endsWithName && run) {
		const runTokens = tokens.slice(run.start, run.end);
		let titleEnd = 0;
		runTokens.forEach((token, index) => {
			if (TITLES.has(stem(token)) || TITLES.has(bare(token))) titleEnd = index + 1;
		});
		const nameTokens = runTokens.slice(titleEnd);
		// "Foreign Ministry", "Metropolitan Police", "the appliance maker Brightway": an organisation.
		const companyNoun = tokens.slice(0, run.start).some((token) => COMPANY_NOUNS.has(stem(token)));
		if (
			nameTokens.length === 0 ||
			companyNoun ||
			isOrganisation(nameTokens, tokens.slice(run.start + titleEnd))
		) {
			if (nameTokens.length > 0 || ORGANISATION_WORDS.has(head))
				return organisation(text, tokens, appositive);
		}
		// Sentence-initial capitals: "Police said", "Officials said".
		if (nameTokens.length === 1 && run.start === 0 && GROUPS.has(stem(nameTokens[0] ?? ''))) {
			return {printed: text, kind: 'unnamed', description: text};
		}
		if (nameTokens.length > 0) {
			const description = joinDescription(tokens.slice(0, run.start + titleEnd).join(' '), appositive);
			return {
				printed: text,
				kind: 'person',
				name: nameTokens.join(' ').replace(POSSESSIVE, ''),
				description,
				...genderOf(tokens.slice(0, run.start + titleEnd), nameTokens),
			};
		}
	}
	if (
		tokens.some((token) => CAPITALISED.test(token) && !DETERMINERS.has(bare(token))) &&
		isOrganisation(tokens, tokens)
	) {
		if (!/^(?:a|an|one|another)$/iu.test(first)) return organisation(text, tokens, appositive);
	}
	if (/^(?:the|this)$/iu.test(first) && tokens.length <= 5) {
		if (ORGANISATION_HEADS.has(head))
			return {printed: text, kind: 'reference', head, refersTo: 'organisation'};
		if (PERSON_HEADS.has(head) || isActorNoun(head))
			return {printed: text, kind: 'reference', head, refersTo: 'person', description: text};
	}
	return {printed: text, kind: 'unnamed', description: joinDescription(text, appositive)};
}

/** "a CBI spokesperson RC Joshi": a person named after a description that has a role noun. */
function namedAfterDescription(tokens: string[], appositive: string | undefined): SpeakerPhrase | undefined {
	const run = lastNameRun(tokens);
	if (!run || run.end !== tokens.length || run.end - run.start < 2) return undefined;
	const description = tokens.slice(0, run.start);
	if (!description.some((token) => PERSON_HEADS.has(stem(token)) || TITLES.has(stem(token))))
		return undefined;
	const person = readSpeakerPhrase(tokens.slice(run.start).join(' '), appositive);
	return person?.kind === 'person'
		? {
				...person,
				printed: tokens.join(' '),
				description: joinDescription(description.join(' '), person.description),
			}
		: undefined;
}

const QUANTIFIERS =
	/^(?:some|several|many|few|most|both|other|two|three|four|five|six|seven|eight|nine|ten|dozens|hundreds|thousands)$/iu;
const POST_NOMINALS = new Set([
	'mp',
	'td',
	'mep',
	'msp',
	'mla',
	'mpp',
	'qc',
	'kc',
	'jr',
	'sr',
	'obe',
	'mbe',
	'cbe',
	'kbe',
	'phd',
]);
const QUALIFYING = /^(?:based|in|at|from|of|for|with|near)$/u;

/**
 * The role noun of "the Palestinian official based in Gaza": a lower-case person noun right before a
 * preposition, with no person named after it (unlike "the spokesman for President Trump").
 */
function describedPerson(tokens: string[]): string | undefined {
	const at = tokens.findIndex((token, i) => i > 1 && QUALIFYING.test(token));
	if (at < 0) return undefined;
	const head = tokens[at - 1] ?? '';
	if (!/^\p{Ll}/u.test(head) || !(PERSON_HEADS.has(stem(head)) || isActorNoun(stem(head)))) return undefined;
	const rest = tokens.slice(at).join(' ');
	return (nlp(rest).people().out('array') as string[]).length === 0 ? stem(head) : undefined;
}

function organisation(text: string, tokens: string[], appositive: string | undefined): SpeakerPhrase {
	const name = /^the$/iu.test(tokens[0] ?? '') ? tokens.slice(1).join(' ') : text;
	return {printed: text, kind: 'organisation', name, description: appositive?.trim() || undefined};
}

/** The last stretch of capitalised words (with lower-case name particles inside it). */
function lastNameRun(tokens: string[]): {start: number; end: number} | undefined {
	let end = tokens.length;
	while (end > 0 && !isNameToken(tokens[end - 1] ?? '')) end--;
	if (end === 0) return undefined;
	let start = end - 1;
	while (start > 0) {
		const previous = tokens[start - 1] ?? '';
		if (isNameToken(previous) && !POSSESSIVE.test(previous.replace(/[,;:]$/u, ''))) start--;
		else if (NAME_PARTICLES.has(previous) && start - 1 > 0 && isNameToken(tokens[start - 2] ?? '')) start--;
		else if (/^of$/u.test(previous) && start - 1 > 0 && TITLES.has(stem(tokens[start - 2] ?? ''))) start--;
		else break;
	}
	while (start < end && NAME_PARTICLES.has(tokens[start] ?? '')) start++;
	return start < end ? {start, end} : undefined;
}

function isNameToken(token: string): boolean {
	const word = token.replace(/[,;:]+$/u, '');
	// "all 7 accused": a number is no name.
	return CAPITALISED.test(word) && /\p{L}/u.test(word) && !DETERMINERS.has(word.toLowerCase());
}

function isOrganisation(runTokens: string[], all: string[]): boolean {
	if (all.some((token) => ORGANISATION_WORDS.has(stem(token)))) return true;
	// "NATO", "BBC"; not "MPs", the plural of a title, nor the initials of "RC Joshi".
	const acronym = (token: string, i: number) => {
		const word = token.replace(/['’]s$|[,;:]$/gu, '');
		if (!ACRONYM.test(word) || TITLES.has(word.replace(/s$/u, '').toLowerCase())) return false;
		return !(i === 0 && runTokens.length === 2 && word.length <= 3 && isSurname(runTokens[1] ?? ''));
	};
	if (runTokens.some(acronym)) return true;
	const tags = nlp(runTokens.join(' ')).terms().json() as Array<{terms: Array<{tags: string[]}>}>;
	const termTags = tags.flatMap((term) => term.terms.flatMap((t) => t.tags));
	if (termTags.includes('Person') && !termTags.includes('Organization')) return false;
	return termTags.includes('Organization') || termTags.includes('Place');
}

/** A capitalised word that can be a surname: not an acronym, a place or an organisation. */
function isSurname(token: string): boolean {
	if (!/^\p{Lu}\p{Ll}/u.test(token)) return false;
	const tags =
		(nlp(token).terms().json() as Array<{terms: Array<{tags: string[]}>}>)[0]?.terms[0]?.tags ?? [];
	return !tags.includes('Place') && !tags.includes('Organization');
}

export function isActorNoun(word: string): boolean {
	const term = (nlp(word).terms().json() as Array<{terms: Array<{tags: string[]}>}>)[0];
	return term?.terms[0]?.tags.includes('Actor') ?? false;
}

function genderOf(before: string[], name: string[]): {gender?: Gender; genderGuessed?: boolean} {
	for (const token of before) {
		const gender = HONORIFIC_GENDER.get(stem(token).replace(/\.$/u, ''));
		if (gender) return {gender};
	}
	if (name.length < 2) return {};
	const tags = (
		nlp(name[0] ?? '')
			.terms()
			.json() as Array<{terms: Array<{tags: string[]}>}>
	)[0]?.terms[0]?.tags;
	if (tags?.includes('MaleName') && !tags.includes('FemaleName'))
		return {gender: 'male', genderGuessed: true};
	if (tags?.includes('FemaleName') && !tags.includes('MaleName'))
		return {gender: 'female', genderGuessed: true};
	return {};
}

function joinDescription(before: string, appositive: string | undefined): string | undefined {
	const parts = [before.trim(), appositive?.trim()].filter((part): part is string => Boolean(part));
	return parts.length > 0 ? parts.join(', ') : undefined;
}
