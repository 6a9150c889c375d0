import {JsonText} from './json-text.js';
import {describeValue, type Problem, toPointer} from './problems.js';
import {
	actorSchema,
	eraSchema,
	eventSchema,
	FORMAT,
	placeSchema,
	quoteSchema,
	sourceSchema,
	type TimescopeDocument,
} from './schema.js';
import {validateWithZod} from './validate.js';

/**
 * `timescope/1` as NDJSON, for archives too big for one `JSON.parse` (V8 strings stop at ~512 MB)
 * or to read while they stream in. One JSON value per line:
 *
 *   line 1     the root object, as in a .json file, without "events" and "quotes" (or with them
 *              empty, or holding some; lines add to them)
 *   each line  {"event": {…}}, {"quote": {…}}, {"actor": {…}}, {"place": {…}}, {"source": {…}}
 *              or {"era": {…}}: one item, the same object as in a .json file's list
 *
 * Blank lines are skipped; CRLF line ends and a UTF-8 byte order mark are accepted; items may come in
 * any order and refer to items on later lines. Every problem is reported with its line, column and
 * JSON pointer within that line (`/quote/speaker`), as the JSON loader reports them, and reading
 * goes on to the end so that all are listed at once.
 */

export type NdjsonResult = {ok: true; doc: TimescopeDocument} | {ok: false; problems: Problem[]};

export interface NdjsonProgress {
	bytes: number;
	lines: number;
	events: number;
	quotes: number;
}

export interface NdjsonOptions {
	/** Name used in problems (default `<stdin>`). */
	file?: string;
	/** Called every ~4 MB read, and once at the end. */
	onProgress?: (progress: NdjsonProgress) => void;
}

const KINDS = {
	event: {list: 'events', schema: eventSchema},
	quote: {list: 'quotes', schema: quoteSchema},
	actor: {list: 'actors', schema: actorSchema},
	place: {list: 'places', schema: placeSchema},
	source: {list: 'sources', schema: sourceSchema},
	era: {list: 'eras', schema: eraSchema},
} as const;
type Kind = keyof typeof KINDS;
type ListName = (typeof KINDS)[Kind]['list'];

/** Referring key → the kind it names. */
const REFERENCES: Partial<Record<Kind, Record<string, Kind>>> = {
	event: {actors: 'actor', places: 'place', sources: 'source'},
	quote: {speaker: 'actor', events: 'event', source: 'source'},
};

// As in load.ts: deeper nesting is a hostile or broken file, and would overflow JSON.stringify.
const MAX_DEPTH = 256;
/** Problems kept (a broken generator can emit millions; the report shows 50). */
const MAX_PROBLEMS = 1000;
const PROGRESS_BYTES = 4 << 20;

interface Located {
	line: number;
	text: string;
}

interface PendingReference {
	kind: Kind;
	id: string;
	line: number;
	column: number;
	pointer: string;
}

/** A first line that is a whole `timescope/1` object with more lines after it: NDJSON, not JSON. */
export function looksLikeNdjson(head: string): boolean {
	const end = head.indexOf('\n');
	if (end === -1) return false;
	const first = head.slice(head.charCodeAt(0) === 0xfeff ? 1 : 0, end).trim();
	if (!first.startsWith('{') || !first.endsWith('}')) return false;
	try {
		return (JSON.parse(first) as {format?: unknown}).format === FORMAT && head.slice(end).trim() !== '';
	} catch {
		return false;
	}
}

export async function loadNdjson(
	stream: AsyncIterable<Uint8Array | string>,
	options: NdjsonOptions = {},
): Promise<NdjsonResult> {
	const file = options.file ?? '<stdin>';
	const problems: Problem[] = [];
	const problem = (p: Omit<Problem, 'file'>) => {
		if (problems.length < MAX_PROBLEMS) problems.push({file, ...p});
	};
	const lists: Record<ListName, unknown[]> = {
		events: [],
		quotes: [],
		actors: [],
		places: [],
		sources: [],
		eras: [],
	};
	const ids: Record<Kind, Map<string, number>> = {
		event: new Map(),
		quote: new Map(),
		actor: new Map(),
		place: new Map(),
		source: new Map(),
		era: new Map(),
	};
	const pending: PendingReference[] = [];
	let root: Record<string, unknown> | undefined;
	const progress: NdjsonProgress = {bytes: 0, lines: 0, events: 0, quotes: 0};
	let reported = 0;

	const readRoot = ({line, text}: Located) => {
		const value = parseLine({line, text}, problem);
		if (value === undefined) return;
		if (value === null || typeof value !== 'object' || Array.isArray(value)) {
			problem({
				line,
				column: 1,
				pointer: '',
				message: `expected the root object of a timescope/1 file on the first line, found ${describeValue(value)}`,
			});
			return;
		}
		const object = value as Record<string, unknown>;
		if (object.format !== FORMAT) {
			problem({
				line,
				...locate(text, '/format'),
				pointer: '/format',
				message: `expected "format": "${FORMAT}" on the first line, found ${describeValue(object.format)}`,
			});
			return;
		}
		root = object;
		for (const kind of Object.keys(KINDS) as Kind[]) {
			const list = object[KINDS[kind].list];
			if (!Array.isArray(list)) continue;
			for (const item of list) {
				const id = (item as {id?: unknown} | null)?.id;
				if (typeof id === 'string' && !ids[kind].has(id)) ids[kind].set(id, line);
				lists[KINDS[kind].list].push(item);
			}
		}
		// References out of the root may point at items on later lines: those are checked at the end.
		const validated = validateWithZod({...object, events: object.events ?? []});
		for (const p of validated.ok ? [] : validated.problems) {
			const reference = /^"(.*)" is not the id of any (\w+) /.exec(p.message);
			if (reference) {
				pending.push({
					kind: reference[2] as Kind,
					id: reference[1] as string,
					line,
					pointer: p.pointer,
					column: locate(text, p.pointer).column ?? 1,
				});
			} else problem({line, ...locate(text, p.pointer, p.key), pointer: p.pointer, message: p.message});
		}
	};

	const readItem = ({line, text}: Located) => {
		const value = parseLine({line, text}, problem);
		if (value === undefined) return;
		const keys =
			value !== null && typeof value === 'object' && !Array.isArray(value) ? Object.keys(value) : [];
		const kind = keys[0] as Kind | undefined;
		if (keys.length !== 1 || !kind || !(kind in KINDS)) {
			problem({
				line,
				column: 1,
				pointer: '',
				message: `expected an object with one key, "event", "quote", "actor", "place", "source" or "era", found ${describeValue(value)}`,
			});
			return;
		}
		const item = (value as Record<string, unknown>)[kind];
		const {list, schema} = KINDS[kind];
		const base = `/${kind}`;
		if (!schema.safeParse(item).success) {
			// The document validator words each problem as the JSON loader does; its pointers are
			// rewritten from /events/0/… to this line's /event/….
			const validated = validateWithZod({format: FORMAT, title: '-', events: [], [list]: [item]});
			for (const p of validated.ok ? [] : validated.problems) {
				if (!p.pointer.startsWith(`/${list}/0`) || p.message.includes('is not the id of any')) continue;
				const pointer = base + p.pointer.slice(`/${list}/0`.length);
				problem({line, ...locate(text, pointer, p.key), pointer, message: p.message});
			}
			return;
		}
		const record = item as Record<string, unknown>;
		const id = record.id as string;
		const first = ids[kind].get(id);
		if (first !== undefined) {
			problem({
				line,
				...locate(text, `${base}/id`),
				pointer: `${base}/id`,
				message: `duplicate ${kind} id "${id}" (already used on line ${first})`,
			});
			return;
		}
		const tooDeep = deepest(record.extensions, [kind, 'extensions']);
		if (tooDeep !== undefined) {
			problem({
				line,
				...locate(text, tooDeep),
				pointer: tooDeep,
				message: `expected at most ${MAX_DEPTH} levels of nesting, found more`,
			});
			return;
		}
		ids[kind].set(id, line);
		lists[list].push(record);
		if (kind === 'event') progress.events++;
		if (kind === 'quote') progress.quotes++;
		for (const [key, target] of Object.entries(REFERENCES[kind] ?? {})) {
			const refs = record[key];
			const each = Array.isArray(refs)
				? refs.map((ref, i) => [ref, `${base}/${key}/${i}`] as const)
				: [[refs, `${base}/${key}`] as const];
			for (const [ref, pointer] of each) {
				// Not yet seen may be a forward reference: where it is is worked out now, while the line is at hand.
				if (typeof ref === 'string' && !ids[target].has(ref)) {
					pending.push({kind: target, id: ref, line, pointer, column: locate(text, pointer).column ?? 1});
				}
			}
		}
	};

	let line = 0;
	let sawRoot = false;
	const take = (text: string) => {
		line++;
		progress.lines = line;
		const trimmed = text.endsWith('\r') ? text.slice(0, -1) : text;
		if (trimmed.trim() === '') return;
		if (!sawRoot) {
			sawRoot = true;
			readRoot({line, text: trimmed});
		} else readItem({line, text: trimmed});
	};

	const decoder = new TextDecoder('utf-8', {fatal: true});
	let chunkStart = 0;
	let rest = '';
	let bom = true;
	try {
		for await (const chunk of stream) {
			chunkStart = progress.bytes;
			progress.bytes += typeof chunk === 'string' ? chunk.length : chunk.byteLength;
			let text = typeof chunk === 'string' ? chunk : decoder.decode(chunk, {stream: true});
			if (bom) {
				if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
				bom = text === '';
			}
			let start = 0;
			for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', start)) {
				take(rest + text.slice(start, end));
				rest = '';
				start = end + 1;
			}
			rest += text.slice(start);
			if (options.onProgress && progress.bytes - reported >= PROGRESS_BYTES) {
				reported = progress.bytes;
				options.onProgress({...progress});
			}
		}
		rest += decoder.decode();
	} catch (error) {
		if (error instanceof TypeError) {
			problem({
				line: line + 1,
				message: `is not UTF-8 text (an invalid byte sequence between bytes ${chunkStart + 1} and ${progress.bytes}); save it as UTF-8`,
			});
			return {ok: false, problems};
		}
		throw error;
	}
	if (rest !== '') take(rest);
	options.onProgress?.({...progress});

	if (!sawRoot)
		return {
			ok: false,
			problems: [{file, message: 'is empty; expected a timescope/1 root object on the first line'}],
		};
	for (const ref of pending) {
		if (!ids[ref.kind].has(ref.id)) {
			problem({
				line: ref.line,
				column: ref.column,
				pointer: ref.pointer,
				message: `"${ref.id}" is not the id of any ${ref.kind} (see "${ref.kind}s")`,
			});
		}
	}
	if (problems.length > 0 || !root) {
		// In file order, as an editor lists them.
		problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
		return {ok: false, problems};
	}
	const doc = {...root} as Record<string, unknown>;
	for (const list of Object.keys(lists) as ListName[]) {
		if (lists[list].length > 0 || list === 'events') doc[list] = lists[list];
	}
	return {ok: true, doc: doc as TimescopeDocument};
}

function parseLine({line, text}: Located, problem: (p: Omit<Problem, 'file'>) => void): unknown {
	try {
		return JSON.parse(text);
	} catch {
		for (const p of new JsonText(text, '').syntaxProblems()) {
			problem({line, column: p.column, pointer: p.pointer, message: p.message});
		}
		return undefined;
	}
}

function locate(text: string, pointer: string, key?: boolean): {column?: number} {
	try {
		return {column: new JsonText(text, '').locate(pointer, {key}).column};
	} catch {
		return {};
	}
}

/** Pointer to the first value under `value` nested deeper than MAX_DEPTH (iteratively). */
function deepest(value: unknown, path: Array<string | number>): string | undefined {
	const stack = [{value, depth: 2, path}];
	for (let item = stack.pop(); item; item = stack.pop()) {
		if (item.value === null || typeof item.value !== 'object') continue;
		if (item.depth > MAX_DEPTH) return toPointer(item.path);
		for (const [key, child] of Object.entries(item.value)) {
			const step = Array.isArray(item.value) ? Number(key) : key;
			stack.push({
				value: child,
				depth: item.depth + 1,
				path: item.path.length < 12 ? [...item.path, step] : item.path,
			});
		}
	}
	return undefined;
}
