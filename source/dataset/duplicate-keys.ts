import {visit} from 'jsonc-parser';
import {type Found, quoted, toPointer} from './problems.js';

/**
 * Duplicate keys in a JSON text. `JSON.parse` keeps the last of them and drops the rest without a
 * word (two "events" lists: the first is gone). A second parse of every big valid file would cost as
 * much as the first, so a count decides first: each member of an object has exactly one colon in the
 * text outside strings, so when the text's colons are exactly the parsed value's members plus the
 * colons inside its strings (and keys), no member was dropped. Only when the count differs (a
 * duplicate, or a colon written as \u003a) does the position-keeping parser look for them.
 */
export function findDuplicateKeys(text: string, value: unknown): Array<Found & {pointer: string}> {
	if (colonsIn(text) + escapedColons(text) === membersAndColons(value)) return [];
	return locateDuplicates(text);
}

function colonsIn(text: string): number {
	let count = 0;
	for (let at = text.indexOf(':'); at !== -1; at = text.indexOf(':', at + 1)) count++;
	return count;
}

/** `\u003a` in the text is a colon in the parsed string but none in the text. */
function escapedColons(text: string): number {
	let count = 0;
	for (let at = text.indexOf('\\u003'); at !== -1; at = text.indexOf('\\u003', at + 1)) {
		const next = text[at + 5];
		if (next === 'a' || next === 'A') count++;
	}
	return count;
}

/** Members of every object, plus the colons in every key and string: one pass, no recursion. */
function membersAndColons(value: unknown): number {
	let count = 0;
	const stack: unknown[] = [value];
	while (stack.length > 0) {
		const node = stack.pop();
		if (typeof node === 'string') {
			if (node.includes(':')) count += colonsIn(node);
		} else if (Array.isArray(node)) {
			for (let i = 0; i < node.length; i++) {
				const item: unknown = node[i];
				if (typeof item === 'string') {
					if (item.includes(':')) count += colonsIn(item);
				} else if (item !== null && typeof item === 'object') stack.push(item);
			}
		} else if (node !== null && typeof node === 'object') {
			// for…in also walks inherited enumerable keys; a parsed object has none, and if some
			// library added one, the count only errs towards the careful path.
			for (const key in node) {
				count += key.includes(':') ? 1 + colonsIn(key) : 1;
				const item = (node as Record<string, unknown>)[key];
				if (typeof item === 'string') {
					if (item.includes(':')) count += colonsIn(item);
				} else if (item !== null && typeof item === 'object') stack.push(item);
			}
		}
	}
	return count;
}

function locateDuplicates(text: string): Array<Found & {pointer: string}> {
	const found: Array<Found & {pointer: string}> = [];
	const objects: Array<Map<string, {line: number; column: number}>> = [];
	visit(
		text,
		{
			onObjectBegin: () => {
				objects.push(new Map());
			},
			onObjectEnd: () => {
				objects.pop();
			},
			onObjectProperty: (key, _offset, _length, line, character, path) => {
				const keys = objects.at(-1);
				if (!keys) return;
				const first = keys.get(key);
				const here = {line: line + 1, column: character + 1};
				if (first === undefined) {
					keys.set(key, here);
					return;
				}
				found.push({
					...here,
					pointer: toPointer([...path(), key]),
					code: 'duplicate-key',
					params: {key, line: first.line, column: first.column},
					message: `duplicate key ${quoted(key)} (first at line ${first.line}, column ${first.column}): JSON keeps only the last, and the first value would be lost without a word`,
				});
			},
		},
		{disallowComments: true},
	);
	return found;
}
