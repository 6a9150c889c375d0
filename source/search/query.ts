import {foldText} from './fold.js';

/**
 * The query language: fuse.js's extended search (the fzf operators) plus `@name` for a speaker and
 * `#tag` for a tag.
 *
 *   word      anywhere in a word, or a word starts with it give or take typos (see typoBudget)
 *   'word     the exact text, anywhere in a word          !word     the text appears nowhere
 *   ^word     a field starts with it                      !^word    no field starts with it
 *   word$     a field ends with it                        !word$    no field ends with it
 *   =word     a field is exactly it
 *   "a b"     several words in a row, exactly (also with an operator: '"oil and", ^"we will")
 *   a | b     either side (lowest precedence, as in fuse.js: `a b | c` is `(a b) | c`)
 *   @name     quotes whose speaker's name, an alias or the id contains `name` (accents ignored), and
 *             events such an actor takes part in or speaks at
 *   #tag      events with a tag that contains `tag`, and their quotes
 *
 * A record matches a side of `|` when every positive term matches one of its fields (fields.ts) and
 * no negated term matches any of them. `@name` and `#tag` hold for every side. Tokenising
 * follows fuse.js's own parser, so fuse.js reads each term the same way when it ranks.
 */

/**
 * The longest query searched, in UTF-16 units. The search line and `--search` refuse longer ones:
 * a query's memory (a vocabulary-sized table per distinct word) and its ranking grow with it.
 */
export const QUERY_LIMIT = 1000;

export type TermKind = 'fuzzy' | 'include' | 'prefix' | 'suffix' | 'exact';

export interface Term {
	readonly kind: TermKind;
	/** Negated terms exclude: `!x` is a negated include, `!^x` a negated prefix, `!x$` a negated suffix. */
	readonly negate: boolean;
	/** The folded pattern, words separated by single spaces. */
	readonly text: string;
	readonly words: readonly string[];
	/** The term as fuse.js's extended search reads it. */
	readonly fuse: string;
}

export interface ParsedQuery {
	readonly raw: string;
	/** Alternatives (`|`); each is a list of terms that must all hold. Empty when nothing is searched. */
	readonly groups: ReadonlyArray<readonly Term[]>;
	/** Folded `@name` filters; all must match the speaker. */
	readonly speakers: readonly string[];
	/** Folded `#tag` filters; each must match a tag. */
	readonly tags: readonly string[];
}

interface Matcher {
	kind: TermKind;
	negate: boolean;
	multi: RegExp;
	single: RegExp;
}

// fuse.js 7's matcher table, in its order: the first whose regex captures a non-empty pattern wins.
const MATCHERS: Matcher[] = [
	{kind: 'exact', negate: false, multi: /^="(.*)"$/, single: /^=(.*)$/},
	{kind: 'include', negate: false, multi: /^'"(.*)"$/, single: /^'(.*)$/},
	{kind: 'prefix', negate: false, multi: /^\^"(.*)"$/, single: /^\^(.*)$/},
	{kind: 'prefix', negate: true, multi: /^!\^"(.*)"$/, single: /^!\^(.*)$/},
	{kind: 'suffix', negate: true, multi: /^!"(.*)"\$$/, single: /^!(.*)\$$/},
	{kind: 'suffix', negate: false, multi: /^"(.*)"\$$/, single: /^(.*)\$$/},
	{kind: 'include', negate: true, multi: /^!"(.*)"$/, single: /^!(.*)$/},
	{kind: 'fuzzy', negate: false, multi: /^"(.*)"$/, single: /^(.*)$/},
];

/** An operator with nothing after it yet (`'`, `!`, `^`): the user is still typing. */
const BARE_OPERATOR = /^(?:[=']|!?\^?|!?\$|\^\$?|"|"")$/;

export function parseQuery(raw: string): ParsedQuery {
	const speakers: string[] = [];
	const tags: string[] = [];
	const rest: string[] = [];
	for (const token of raw.split(/\s+/u)) {
		if (token.length > 1 && token.startsWith('@')) speakers.push(foldText(token.slice(1)));
		else if (token.length > 1 && token.startsWith('#')) tags.push(foldText(token.slice(1)));
		// A bare `@` or `#` is a filter still being typed.
		else if (token !== '' && token !== '@' && token !== '#') rest.push(token);
	}
	const pattern = foldText(rest.join(' '));
	const groups = pattern
		.replace(/\\\|/g, '\u0000')
		.split('|')
		.map((side) =>
			tokenize(side.replace(/\u0000/g, '|').trim())
				.map(toTerm)
				.filter((term): term is Term => term !== undefined),
		)
		.filter((terms) => terms.length > 0);
	return {raw, groups, speakers, tags};
}

function toTerm(token: string): Term | undefined {
	if (BARE_OPERATOR.test(token)) return undefined;
	for (const pass of ['multi', 'single'] as const) {
		for (const matcher of MATCHERS) {
			const text = token.match(matcher[pass])?.[1]?.trim();
			if (text) {
				const words = text.split(' ').filter((word) => word !== '');
				const joined = words.join(' ');
				return {
					kind: matcher.kind,
					negate: matcher.negate,
					text: joined,
					words,
					fuse: fuseToken(matcher, joined, pass === 'multi'),
				};
			}
		}
	}
	return undefined;
}

/** The term written back in fuse.js's syntax, normalised (trimmed, single spaces, `|` escaped). */
function fuseToken(matcher: Matcher, text: string, quoted: boolean): string {
	const body = (quoted ? `"${text}"` : text).replace(/\|/g, '\\|');
	const not = matcher.negate ? '!' : '';
	switch (matcher.kind) {
		case 'exact':
			return `=${body}`;
		case 'include':
			return matcher.negate ? `!${body}` : `'${body}`;
		case 'prefix':
			return `${not}^${body}`;
		case 'suffix':
			return `${not}${body}$`;
		default:
			return body;
	}
}

/** fuse.js's tokenizer: split on spaces, except inside a double-quoted pattern. */
function tokenize(pattern: string): string[] {
	const tokens: string[] = [];
	const length = pattern.length;
	let i = 0;
	while (i < length) {
		while (i < length && pattern[i] === ' ') i++;
		if (i >= length) break;
		let j = i;
		while (j < length && pattern[j] !== ' ' && pattern[j] !== '"') j++;
		if (j < length && pattern[j] === '"') {
			j++;
			while (j < length) {
				if (pattern[j] === '"') {
					const next = j + 1;
					if (next >= length || pattern[next] === ' ') {
						j++;
						break;
					}
					if (pattern[next] === '$' && (next + 1 >= length || pattern[next + 1] === ' ')) {
						j += 2;
						break;
					}
				}
				j++;
			}
		} else {
			while (j < length && pattern[j] !== ' ') j++;
		}
		tokens.push(pattern.substring(i, j));
		i = j;
	}
	return tokens;
}

/**
 * Typos a fuzzy word may carry where a word starts (substitutions, insertions, deletions, swaps of
 * neighbours): none up to 3 characters (where one typo matches half the dictionary), 1 up to 7, 2
 * beyond (up to 30 characters; a longer word must match exactly).
 */
export function typoBudget(length: number): number {
	return length <= 3 ? 0 : length <= 7 ? 1 : 2;
}
