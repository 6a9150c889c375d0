import {type PathPart, toPointer} from './problems.js';

// Deeper than this is no timeline: it is a hostile or broken file, and would overflow the stack of
// JSON.stringify (--json) or of anything else that recurses.
export const MAX_DEPTH = 256;

/**
 * Pointer to the first value nested deeper than MAX_DEPTH in an item's `extensions` (at `path`),
 * counted from the item, so the same extensions are as deep in a .json file as on an NDJSON line
 * (or in a whole document, from `depth` 0).
 * Iterative: recursion is what deep nesting breaks. The schema bounds the depth of everything but
 * `extensions`, so only those need walking.
 */
export function findTooDeep(extensions: unknown, path: readonly PathPart[], depth = 2): string | undefined {
	const stack = [{value: extensions, depth, path}];
	for (let item = stack.pop(); item; item = stack.pop()) {
		if (item.value === null || typeof item.value !== 'object') continue;
		if (item.depth > MAX_DEPTH) return toPointer(item.path);
		const isArray = Array.isArray(item.value);
		for (const [key, child] of Object.entries(item.value)) {
			// Paths stop growing after a few levels: the report names where the deep part starts.
			const next = item.path.length < 12 ? [...item.path, isArray ? Number(key) : key] : item.path;
			stack.push({value: child, depth: item.depth + 1, path: next});
		}
	}
	return undefined;
}
