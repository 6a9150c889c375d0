import {array, unknown, type z} from 'zod';
import {findTooDeep, MAX_DEPTH} from './depth.js';
import {parseEdtf} from './edtf.js';
import {ITEM_SCHEMAS, type ItemKind} from './items.js';
import {describeValue, type Found, type ProblemCode, quoted, toPointer, typeName} from './problems.js';
import {documentSchema} from './schema.js';

/**
 * The schema checks of one item or of a document's root, each problem explained in words and by
 * code. The checks between items (ids, references) and what a lenient load keeps are in check.ts.
 */

/** A problem in a parsed value, located by JSON pointer (the loader adds line and column). */
export interface DocumentProblem extends Found {
	pointer: string;
	/** The problem is about a key itself (an unknown key), not its value: locate the key. */
	key?: boolean;
}

/** The root with its lists taken as lists of anything: their items are checked one by one. */
const rootSchema = documentSchema.extend({
	actors: array(unknown()).optional(),
	places: array(unknown()).optional(),
	sources: array(unknown()).optional(),
	events: array(unknown()),
	quotes: array(unknown()).optional(),
	eras: array(unknown()).optional(),
});

export function checkRoot(value: Record<string, unknown>): DocumentProblem[] {
	const parsed = rootSchema.safeParse(value);
	const problems = parsed.success
		? []
		: parsed.error.issues.flatMap((issue) => describeIssue(issue, value, ''));
	if (parsed.success) problems.push(...depthProblems(value, ''));
	return problems;
}

/** A quick yes for items that pass the schema (see fast-validate.ts); a no means "ask zod". */
export type QuickCheck = (kind: ItemKind, value: unknown) => boolean;

/** An item's problems: the first `limit` described, the rest only counted. */
export interface ItemProblems {
	problems: DocumentProblem[];
	more: number;
}

/**
 * Every problem of one item, with pointers within the item (the caller puts `/events/3` or an NDJSON
 * line's `/event` in front). Past `limit` problems are counted, not described: a broken generator's
 * million problems cost a count each, not a message, a pointer and a value description.
 */
export function checkItem(
	kind: ItemKind,
	value: unknown,
	quick?: QuickCheck,
	limit = Infinity,
): ItemProblems {
	if (!quick?.(kind, value)) {
		const parsed = ITEM_SCHEMAS[kind].safeParse(value);
		if (!parsed.success) {
			const {issues} = parsed.error;
			const problems = issues.slice(0, limit).flatMap((issue) => describeIssue(issue, value, ''));
			let more = 0;
			for (const issue of issues.slice(limit))
				more += issue.code === 'unrecognized_keys' ? issue.keys.length : 1;
			if (kind === 'era') return withInterval(problems, more, value, limit);
			return {problems, more};
		}
	}
	const beyond = beyondSchema(kind, value);
	return beyond === NONE ? CLEAN : {problems: beyond, more: 0};
}

/** What an item that passes the schema may still get wrong: nesting too deep, an era that is no span. */
export function beyondSchema(kind: ItemKind, value: unknown): DocumentProblem[] {
	if (kind === 'event' || kind === 'quote') return depthProblems(value as Record<string, unknown>, '');
	if (kind === 'era') return intervalProblems(value, '');
	return NONE;
}

function withInterval(
	problems: DocumentProblem[],
	more: number,
	value: unknown,
	limit: number,
): ItemProblems {
	const interval = intervalProblems(value, '');
	if (interval.length === 0) return {problems, more};
	return problems.length < limit ? {problems: [...problems, ...interval], more} : {problems, more: more + 1};
}

// Most items have no problem: they share this empty list, and this answer.
const NONE: DocumentProblem[] = [];
const CLEAN: ItemProblems = Object.freeze({problems: NONE, more: 0});

function depthProblems(value: Record<string, unknown>, base: string): DocumentProblem[] {
	if (typeof value.extensions !== 'object' || value.extensions === null) return NONE;
	const tooDeep = findTooDeep(value.extensions, ['extensions']);
	if (tooDeep === undefined) return NONE;
	return [
		{
			pointer: base + tooDeep,
			code: 'too-deep',
			params: {},
			message: `expected at most ${MAX_DEPTH} levels of nesting, found more`,
		},
	];
}

/** An era is a span: a date that parses but has no end is reported here, whatever else is wrong. */
function intervalProblems(value: unknown, base: string): DocumentProblem[] {
	const date = (value as {date?: unknown} | null)?.date;
	if (typeof date !== 'string') return [];
	const parsed = parseEdtf(date);
	if (!parsed.ok || parsed.date.kind === 'interval') return NONE;
	return [
		{
			pointer: `${base}/date`,
			code: 'not-an-interval',
			params: {value: date},
			message: `expected an interval such as 2025-09/2026-01, found ${parsed.date.kind === 'point' ? 'the single date' : 'the date'} ${quoted(date)}`,
		},
	];
}

function valueAt(root: unknown, path: ReadonlyArray<PropertyKey>): unknown {
	let node = root;
	for (const key of path) {
		if (node === null || typeof node !== 'object' || !Object.hasOwn(node, key)) return undefined;
		node = (node as Record<PropertyKey, unknown>)[key];
	}
	return node;
}

const TYPE_NAMES: Record<string, string> = {
	string: 'a string',
	number: 'a number',
	boolean: 'true or false',
	object: 'an object',
	array: 'an array',
	record: 'an object',
};

function describeIssue(issue: z.core.$ZodIssue, root: unknown, base: string): DocumentProblem[] {
	const path = issue.path.map((part) => (typeof part === 'symbol' ? String(part) : part));
	const pointer = base + toPointer(path);
	const found = valueAt(root, issue.path);
	const problem = (code: ProblemCode, params: DocumentProblem['params'], message: string) => [
		{pointer, code, params, message},
	];
	switch (issue.code) {
		case 'invalid_type': {
			if (found === undefined) {
				const key = String(path.at(-1));
				return [
					{
						pointer: base + toPointer(path.slice(0, -1)),
						code: 'missing-key',
						params: {key},
						message: `missing required key "${key}"`,
					},
				];
			}
			const expected = TYPE_NAMES[issue.expected] ?? issue.expected;
			return problem(
				'wrong-type',
				{expected: issue.expected, found: typeName(found)},
				`expected ${expected}, found ${describeValue(found)}`,
			);
		}
		case 'unrecognized_keys':
			return issue.keys.map((key) => ({
				pointer: base + toPointer([...path, key]),
				key: true,
				code: 'unknown-key',
				params: {key},
				message: `unknown key ${quoted(key)} (misspelt? data of your own belongs under "extensions")`,
			}));
		case 'invalid_value':
			return problem(
				'bad-value',
				{expected: issue.values.map((v) => String(v))},
				`expected ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}, found ${describeValue(found)}`,
			);
		case 'too_small': {
			const unit = issue.origin === 'string' ? ' characters' : '';
			return problem(
				'too-small',
				{minimum: Number(issue.minimum)},
				issue.origin === 'string' && issue.minimum === 1
					? `expected a non-empty string, found ${describeValue(found)}`
					: `expected at least ${String(issue.minimum)}${unit}, found ${describeValue(found)}`,
			);
		}
		case 'too_big': {
			const unit = issue.origin === 'string' ? ' characters' : '';
			return problem(
				'too-big',
				{maximum: Number(issue.maximum)},
				`expected at most ${String(issue.maximum)}${unit}, found ${describeValue(found)}`,
			);
		}
		case 'invalid_format':
			return problem(
				issue.format === 'url' ? 'bad-url' : issue.format === 'regex' ? 'bad-id' : 'bad-value',
				{expected: issue.format},
				`expected ${formatName(issue.format)}, found ${describeValue(found)}`,
			);
		default: {
			// Our own refinements name their code; a date's also carries the value it could not read.
			const code = ((issue as {params?: {problem?: ProblemCode}}).params?.problem ??
				'bad-value') as ProblemCode;
			const params: DocumentProblem['params'] =
				code === 'bad-date' && typeof found === 'string' ? {value: found} : {};
			return problem(code, params, `${issue.message}, found ${describeValue(found)}`);
		}
	}
}

function formatName(format: string): string {
	if (format === 'url') return 'a URL such as https://example.org/page';
	if (format === 'regex') return 'an id without spaces or control characters';
	return `a ${format}`;
}
