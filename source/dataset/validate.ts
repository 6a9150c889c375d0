import type {z} from 'zod';
import {parseEdtf} from './edtf.js';
import {describeValue, toPointer} from './problems.js';
import {documentSchema, type TimescopeDocument} from './schema.js';

/** A problem found in a parsed document, located by JSON pointer (the loader adds line and column). */
export interface DocumentProblem {
	pointer: string;
	message: string;
	/** The problem is about a key itself (an unknown key), not its value. */
	key?: boolean;
}

export type ValidationResult = {ok: true; doc: TimescopeDocument} | {ok: false; problems: DocumentProblem[]};

// Below this many events and quotes zod alone is quick enough (~3 µs an item) and ajv's ~60 ms
// compile would cost more than it saves.
const FAST_PATH_ITEMS = 5000;

/** Schema and reference checks; big documents take the fast path when they are valid. */
export async function validateDocument(value: unknown): Promise<ValidationResult> {
	const doc = value as Partial<TimescopeDocument> | null;
	const items =
		(Array.isArray(doc?.events) ? doc.events.length : 0) +
		(Array.isArray(doc?.quotes) ? doc.quotes.length : 0);
	if (items >= FAST_PATH_ITEMS) {
		const {passesFast} = await import('./fast-validate.js');
		// Valid as it stands: the document is used as parsed, not copied.
		const candidate = value as Record<string, unknown>;
		if (passesFast(candidate)) {
			const problems = checkReferences(candidate);
			if (problems.length === 0) return {ok: true, doc: candidate};
		}
	}
	return validateWithZod(value);
}

/** zod over the whole document, and the reference checks: every problem, explained. */
export function validateWithZod(value: unknown): ValidationResult {
	const parsed = documentSchema.safeParse(value);
	if (!parsed.success) {
		// Zod skips refinements of objects with other errors, so fix-and-rerun would reveal more; the
		// reference checks below also run on what parsed so far to list as much as possible at once.
		const problems = parsed.error.issues.flatMap((issue) => describeIssue(issue, value));
		return {ok: false, problems: [...problems, ...checkReferences(value as TimescopeDocument)]};
	}
	const problems = checkReferences(parsed.data);
	return problems.length > 0 ? {ok: false, problems} : {ok: true, doc: parsed.data};
}

function valueAt(root: unknown, path: ReadonlyArray<PropertyKey>): unknown {
	let node = root;
	for (const key of path) {
		if (node === null || typeof node !== 'object') return undefined;
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

function describeIssue(issue: z.core.$ZodIssue, root: unknown): DocumentProblem[] {
	const path = issue.path.map((part) => (typeof part === 'symbol' ? String(part) : part));
	const pointer = toPointer(path);
	const found = valueAt(root, issue.path);
	switch (issue.code) {
		case 'invalid_type': {
			if (found === undefined) {
				const key = path.at(-1);
				return [{pointer: toPointer(path.slice(0, -1)), message: `missing required key "${String(key)}"`}];
			}
			const expected = TYPE_NAMES[issue.expected] ?? issue.expected;
			return [{pointer, message: `expected ${expected}, found ${describeValue(found)}`}];
		}
		case 'unrecognized_keys':
			return issue.keys.map((key) => ({
				pointer: toPointer([...path, key]),
				key: true,
				message: `unknown key "${key}" (misspelt? data of your own belongs under "extensions")`,
			}));
		case 'invalid_value':
			return [
				{
					pointer,
					message: `expected ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}, found ${describeValue(found)}`,
				},
			];
		case 'too_small':
			return [
				{
					pointer,
					message:
						issue.origin === 'string' && issue.minimum === 1
							? `expected a non-empty string, found ${describeValue(found)}`
							: `expected at least ${String(issue.minimum)}${issue.origin === 'string' ? ' characters' : ''}, found ${describeValue(found)}`,
				},
			];
		case 'too_big':
			return [
				{
					pointer,
					message: `expected at most ${String(issue.maximum)}${issue.origin === 'string' ? ' characters' : ''}, found ${describeValue(found)}`,
				},
			];
		case 'invalid_format':
			return [{pointer, message: `expected ${formatName(issue.format)}, found ${describeValue(found)}`}];
		default:
			return [{pointer, message: `${issue.message}, found ${describeValue(found)}`}];
	}
}

function formatName(format: string): string {
	if (format === 'url') return 'a URL such as https://example.org/page';
	if (format === 'regex') return 'an id without spaces or control characters';
	return `a ${format}`;
}

type Listed = {id?: unknown};

/**
 * What a schema cannot see: duplicate ids, references to ids that do not exist, eras that are not
 * intervals. Written to run on a document that failed the schema too (lists may be missing or malformed).
 */
function checkReferences(doc: TimescopeDocument): DocumentProblem[] {
	if (doc === null || typeof doc !== 'object') return [];
	const problems: DocumentProblem[] = [];
	const list = (name: string): Listed[] => {
		const value = (doc as unknown as Record<string, unknown>)[name];
		return Array.isArray(value) ? (value as Listed[]) : [];
	};
	const ids = (name: string): ReadonlyMap<string, number> => {
		const seen = new Map<string, number>();
		list(name).forEach((item, index) => {
			if (item === null || typeof item !== 'object' || typeof item.id !== 'string') return;
			const first = seen.get(item.id);
			if (first === undefined) seen.set(item.id, index);
			else {
				problems.push({
					pointer: `/${name}/${index}/id`,
					message: `duplicate id "${item.id}" (already used by /${name}/${first})`,
				});
			}
		});
		return seen;
	};
	const actors = ids('actors');
	const places = ids('places');
	const sources = ids('sources');
	const events = ids('events');
	ids('quotes');
	ids('eras');

	// Runs for every reference of an archive (600k in a 100k-event file): pointers are built only
	// for the ones that fail.
	const refs = (
		owner: string,
		index: number,
		key: string,
		value: unknown,
		table: ReadonlyMap<string, number>,
		kind: string,
	) => {
		const fail = (id: string, at?: number) =>
			problems.push({
				pointer: `/${owner}/${index}/${key}${at === undefined ? '' : `/${at}`}`,
				message: `"${id}" is not the id of any ${kind} (see "${kind}s")`,
			});
		if (typeof value === 'string') {
			if (!table.has(value)) fail(value);
		} else if (Array.isArray(value)) {
			for (let i = 0; i < value.length; i++) {
				const item: unknown = value[i];
				if (typeof item === 'string' && !table.has(item)) fail(item, i);
				// An actor link with a qualifier: {"id": "cia", "qualifier": "reported"}.
				const linked = (item as {id?: unknown} | null)?.id;
				if (typeof linked === 'string' && !table.has(linked)) {
					problems.push({
						pointer: `/${owner}/${index}/${key}/${i}/id`,
						message: `"${linked}" is not the id of any ${kind} (see "${kind}s")`,
					});
				}
			}
		}
	};
	list('events').forEach((event, index) => {
		if (event === null || typeof event !== 'object') return;
		const e = event as Record<string, unknown>;
		refs('events', index, 'actors', e.actors, actors, 'actor');
		refs('events', index, 'places', e.places, places, 'place');
		refs('events', index, 'sources', e.sources, sources, 'source');
	});
	list('quotes').forEach((quote, index) => {
		if (quote === null || typeof quote !== 'object') return;
		const q = quote as Record<string, unknown>;
		refs('quotes', index, 'speaker', q.speaker, actors, 'actor');
		refs('quotes', index, 'events', q.events, events, 'event');
		refs('quotes', index, 'source', q.source, sources, 'source');
	});
	list('eras').forEach((era, index) => {
		const date = (era as Record<string, unknown> | null)?.date;
		if (typeof date !== 'string') return;
		const parsed = parseEdtf(date);
		if (parsed.ok && parsed.date.kind !== 'interval') {
			problems.push({
				pointer: `/eras/${index}/date`,
				message: `expected an interval such as 2025-09/2026-01, found ${parsed.date.kind === 'point' ? 'the single date' : 'the date'} "${date}"`,
			});
		}
	});
	return problems;
}
