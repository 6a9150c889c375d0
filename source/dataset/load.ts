import {Readable} from 'node:stream';
import {type CheckedProblem, DocumentChecker, fallbackTitle} from './check.js';
import {findTooDeep, MAX_DEPTH} from './depth.js';
import {findDuplicateKeys} from './duplicate-keys.js';
import {TIMESCOPE_NDJSON} from './formats.js';
import type {ImportResult} from './importers/index.js';
import {ITEM_KINDS, LISTS} from './items.js';
import type {JsonText} from './json-text.js';
import {buildDataset, type Dataset} from './model.js';
import type {NdjsonProgress} from './ndjson.js';
import {
	describeValue,
	type Found,
	fromPointer,
	PROBLEMS_KEPT,
	type Problem,
	type ProblemReport,
	type SkippedCounts,
	skippedCounts,
	sortProblems,
	toPointer,
} from './problems.js';
import {type Input, MAX_STREAM_BYTES, openInput, readText} from './read-input.js';
import {FORMAT, type TimescopeDocument} from './schema.js';
import type {DocumentProblem} from './validate.js';

/**
 * file → bytes → text → JSON → (importer) → checked timescope/1 document → model. Every failure comes
 * back as located problems, never as an exception.
 *
 * Loading is lenient unless told `strict`: the document is built from every valid item, and each item
 * left out is reported (`problems`, each with the `item` it cost; `skipped` counts them by kind). It
 * fails only when nothing can be opened: unreadable, not JSON, not a timeline. Strict loading (what
 * `validate` and `--strict` ask for) fails on any problem that is not a note.
 */

export interface Opened extends ProblemReport {
	file: string;
	format: string;
	/** What is wrong with the input though it opened: items left out, and notes. */
	problems: Problem[];
}

export interface Refused {
	ok: false;
	file: string;
	problems: Problem[];
	omitted: number;
}

export type LoadResult = (Opened & {ok: true; dataset: Dataset}) | Refused;
export type DocumentResult = (Opened & {ok: true; doc: TimescopeDocument}) | Refused;

export interface ReadOptions {
	/** Refuse the input for any problem, as `validate` does, instead of leaving bad items out. */
	strict?: boolean;
	/** The size of a named file, as soon as it is known and before it is read. */
	onSize?: (bytes: number) => void;
	/** Progress of a streamed (NDJSON) file; `totalBytes` is its size (0 when unknown). */
	onProgress?: (progress: NdjsonProgress & {totalBytes: number}) => void;
	/** Every byte read, in order, as it is read: what the cache hashes is what was parsed. */
	onBytes?: (bytes: Uint8Array) => void;
}

export async function loadDataset(path: string, options: ReadOptions = {}): Promise<LoadResult> {
	return toDataset(await readDocument(path, options));
}

/** Parse and check without building the model (what `validate` and `convert` need). */
export async function readDocument(path: string, options: ReadOptions = {}): Promise<DocumentResult> {
	const opened = await openInput(path, {onSize: options.onSize});
	if (!opened.ok) return refuse(opened.problem.file, [opened.problem]);
	const {input} = opened;
	try {
		const head = input.head.toString('utf8');
		if (mayBeNdjson(head)) {
			const ndjson = await import('./ndjson.js');
			if (ndjson.looksLikeNdjson(head)) return await streamNdjson(input, options);
		}
		const early = notOneDocument(head, input.file);
		if (early) return refuse(input.file, [early]);
		const text = await readText(input, options.onBytes);
		if (!text.ok) return refuse(input.file, [text.problem]);
		return await parseDocument(text.text, input.file, options);
	} finally {
		await input.close();
	}
}

/**
 * An NDJSON file is streamed, never read whole: that is what the format is for (archives past the
 * ~512 MB a JSON.parse can take). A pipe is cut off at MAX_STREAM_BYTES: it may never end.
 */
async function streamNdjson(
	input: Input,
	{strict, onProgress, onBytes}: ReadOptions,
): Promise<DocumentResult> {
	const {loadNdjson} = await import('./ndjson.js');
	const totalBytes = input.size ?? 0;
	// ajv's compile (~60 ms) pays for itself from a few thousand items: an archive, or a pipe.
	const big = input.size === undefined || input.size >= FAST_PATH_BYTES;
	const result = await loadNdjson(chain(input.head, input.rest(), onBytes), {
		file: input.file,
		lenient: !strict,
		quick: big ? (await import('./fast-validate.js')).passesFast : undefined,
		maxBytes: input.size === undefined ? MAX_STREAM_BYTES : undefined,
		onProgress: onProgress && ((progress) => onProgress({...progress, totalBytes})),
	});
	return result.ok
		? {ok: true, doc: result.doc, file: input.file, format: NDJSON, ...report(result)}
		: refuse(input.file, result.problems, result.omitted);
}

async function* chain(
	head: Buffer,
	rest: AsyncIterable<Buffer>,
	onBytes?: (bytes: Uint8Array) => void,
): AsyncIterable<Buffer> {
	onBytes?.(head);
	yield head;
	for await (const chunk of rest) {
		onBytes?.(chunk);
		yield chunk;
	}
}

const NDJSON = TIMESCOPE_NDJSON;
const TOO_DEEP = `expected at most ${MAX_DEPTH} levels of nesting, found more`;
const HEAD_BYTES = 64 * 1024;

function report(result: {problems: Problem[]; omitted: number; skipped: SkippedCounts}) {
	return {problems: result.problems, omitted: result.omitted, skipped: result.skipped};
}

function refuse(file: string, problems: Problem[], omitted = 0): Refused {
	return {ok: false, file, problems, omitted};
}

function firstLineEnd(text: string): number {
	const end = text.indexOf('\n');
	return end === -1 ? text.length : end;
}

/** Cheap first look, so JSON files never load the NDJSON reader: a one-line object with more after it. */
function mayBeNdjson(text: string): boolean {
	const end = text.indexOf('\n');
	if (end === -1) return false;
	const first = text.slice(0, end).trim();
	return first.startsWith('{') && first.endsWith('}') && text.slice(end).trim() !== '';
}

/**
 * A whole JSON value on line 1 with more after it is no JSON document, whatever follows: said at once,
 * before reading the rest (`yes '{"a":1}' | timescope -` would otherwise fill memory first).
 */
function notOneDocument(head: string, file: string): Problem | undefined {
	const end = head.indexOf('\n');
	if (end === -1) return undefined;
	const first = head.slice(0, end).trim();
	if (!/^[[{]/.test(first) || !/[\]}]$/.test(first)) return undefined;
	let value: unknown;
	try {
		value = JSON.parse(first.charCodeAt(0) === 0xfeff ? first.slice(1) : first);
	} catch {
		return undefined;
	}
	const after = head.slice(end + 1);
	const offset = after.search(/\S/);
	if (offset === -1) return undefined;
	const format = (value as {format?: unknown} | null)?.format;
	if (typeof format === 'string' && format !== FORMAT) {
		return {file, line: 1, column: 1, pointer: '/format', ...notTimescope(value, format)};
	}
	const before = after.slice(0, offset);
	const line = 2 + (before.match(/\n/g)?.length ?? 0);
	return {
		file,
		line,
		column: offset - before.lastIndexOf('\n'),
		code: 'syntax-error',
		params: {error: 'EndOfFileExpected'},
		message: `expected the end of the file after the JSON value on line 1, found more (a timescope/1 NDJSON file starts with its root object, {"format": "${FORMAT}", …})`,
	};
}

export async function loadText(text: string, file: string, options: ReadOptions = {}): Promise<LoadResult> {
	return toDataset(await parseDocument(text, file, options));
}

function toDataset(result: DocumentResult): LoadResult {
	if (!result.ok) return result;
	const {doc, ...rest} = result;
	return {...rest, dataset: buildDataset(doc)};
}

// Below this many events and quotes zod alone is quick enough (~3 µs an item) and ajv's ~60 ms
// compile would cost more than it saves.
const FAST_PATH_ITEMS = 5000;
// About as many NDJSON bytes.
const FAST_PATH_BYTES = 2 << 20;

/**
 * Importers (HTML and CSV parsing) and the position-keeping JSON parser load only when a file needs
 * them: a valid timescope/1 file costs one JSON.parse, a count of its colons and the schema check.
 */
export async function parseDocument(
	text: string,
	file: string,
	options: ReadOptions = {},
): Promise<DocumentResult> {
	const fail = (problems: Problem[]) => refuse(file, problems);
	const first = text.trimStart()[0];
	if (first !== '{' && first !== '[') {
		const importers = await import('./importers/index.js');
		const importer = importers.textImporterFor(text);
		if (importer) return fromImport(importer.import(text, file), file, placer(undefined, file), [], options);
		const why = importers.explainUnrecognised({text});
		return fail([
			why
				? {file, line: 1, column: 1, ...why}
				: {
						file,
						line: 1,
						column: 1,
						code: 'not-timescope',
						params: {},
						message: `not a timescope file: found ${describeText(text)}`,
					},
		]);
	}
	const head = text.slice(0, firstLineEnd(text) + HEAD_BYTES);
	if (mayBeNdjson(head)) {
		const ndjson = await import('./ndjson.js');
		if (ndjson.looksLikeNdjson(head)) {
			const result = await ndjson.loadNdjson(Readable.from([text]), {file, lenient: !options.strict});
			return result.ok
				? {ok: true, doc: result.doc, file, format: NDJSON, ...report(result)}
				: refuse(file, result.problems, result.omitted);
		}
	}
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch {
		return fail(syntaxProblems(await jsonText(text, file)));
	}
	return checkJson(value, text, file, options);
}

/** A parsed JSON text (the text locates problems and shows duplicate keys) as a timescope/1 document. */
export async function checkJson(
	value: unknown,
	text: string,
	file: string,
	options: ReadOptions = {},
): Promise<DocumentResult> {
	const fail = (problems: Problem[]) => refuse(file, problems);
	const place = placer(text, file);
	const duplicates = safely(() => findDuplicateKeys(text, value), []);
	if ((value as {format?: unknown} | null)?.format !== FORMAT) {
		const importers = await import('./importers/index.js');
		const importer = importers.jsonImporterFor(value);
		if (importer) {
			// What an importer keeps of a slide goes under extensions: nesting no timeline has is refused
			// here, where it can be located in the input.
			const deep = findTooDeep(value, [], 0);
			if (deep !== undefined) {
				return fail(await place([{pointer: deep, code: 'too-deep', params: {}, message: TOO_DEEP}]));
			}
			return fromImport(importer.import(value, file), file, place, duplicates, options);
		}
		const why = importers.explainUnrecognised({json: value});
		const format = (value as {format?: unknown} | null)?.format;
		return fail(await place([why ?? {pointer: '', ...notTimescope(value, format)}]));
	}
	return checkTimescope(value as Record<string, unknown>, file, place, duplicates, options);
}

/** Every item checked on its own; what a lenient load keeps, or what a strict one refuses for. */
async function checkTimescope(
	root: Record<string, unknown>,
	file: string,
	place: Placer,
	duplicates: Array<Found & {pointer: string}>,
	{strict = false}: ReadOptions,
): Promise<DocumentResult> {
	const lists = ITEM_KINDS.map((kind) => {
		const list = Object.hasOwn(root, LISTS[kind]) ? root[LISTS[kind]] : undefined;
		return [kind, Array.isArray(list) ? list : []] as const;
	});
	const items = lists.reduce(
		(sum, [kind, list]) => sum + (kind === 'event' || kind === 'quote' ? list.length : 0),
		0,
	);
	const quick = items >= FAST_PATH_ITEMS ? (await import('./fast-validate.js')).passesFast : undefined;
	const {ofItems, ofRoot} = byOwner(duplicates);
	const checker = new DocumentChecker({lenient: !strict, quick, extra: ofItems});
	checker.setRoot(root);
	for (const problem of ofRoot) checker.addProblem(problem);
	for (const [kind, list] of lists) for (const item of list) checker.add(kind, item);
	const checked = checker.finish();
	if (checked.errors === 0) {
		// Valid as it stands: the document is used as parsed, never copied.
		return {
			ok: true,
			doc: root as TimescopeDocument,
			file,
			format: FORMAT,
			problems: [],
			omitted: 0,
			skipped: {},
		};
	}
	const problems = sortProblems(await place(checked.problems));
	if (strict) return refuse(file, problems, checked.omitted);
	return {
		ok: true,
		doc: checker.keep(fallbackTitle(file)) as TimescopeDocument,
		file,
		format: FORMAT,
		problems,
		omitted: checked.omitted,
		skipped: checked.skipped,
	};
}

/** Duplicate keys inside an item leave that item out; at the root they are reported, the last value used. */
function byOwner(duplicates: Array<Found & {pointer: string}>) {
	const ofItems = new Map<string, DocumentProblem[]>();
	const ofRoot: CheckedProblem[] = [];
	for (const duplicate of duplicates) {
		const [list, index, ...within] = fromPointer(duplicate.pointer);
		const kind = ITEM_KINDS.find((k) => LISTS[k] === list);
		if (kind !== undefined && typeof index === 'number' && within.length > 0) {
			const key = `${kind} ${index}`;
			// The checker puts the item's own place in front.
			const inItem = {...duplicate, pointer: toPointer(within)};
			ofItems.set(key, [...(ofItems.get(key) ?? []), inItem]);
		} else ofRoot.push(duplicate);
	}
	return {ofItems, ofRoot};
}

/** Puts problems in the file: those with only a pointer get their line and column. */
type Placer = (problems: readonly CheckedProblem[]) => Promise<Problem[]>;

/**
 * Problems located in `text`, all in one scan of it, by the position-keeping parser: loaded and run
 * only when a problem needs a position.
 */
function placer(text: string | undefined, file: string): Placer {
	return async (problems) => {
		const unplaced = problems.filter((p) => p.line === undefined && p.pointer !== undefined);
		let positions: Array<{line: number; column: number}> = [];
		if (text !== undefined && unplaced.length > 0) {
			const json = await jsonText(text, file);
			const wanted = unplaced.map(({pointer, key}) => ({pointer: pointer ?? '', key}));
			positions = safely(() => json.locateAll(wanted), []);
		}
		const at = new Map(unplaced.map((problem, i) => [problem, positions[i]]));
		return problems.map((problem) => {
			const {key: _, ...rest} = problem;
			return {file, ...rest, ...at.get(problem)};
		});
	};
}

/** An importer's result, held to the same checks as a timescope/1 file. */
async function fromImport(
	result: ImportResult,
	file: string,
	place: Placer,
	duplicates: Array<Found & {pointer: string}>,
	{strict = false}: ReadOptions,
): Promise<DocumentResult> {
	const all = [...duplicates, ...(result.ok ? (result.skipped ?? []) : result.problems)];
	// Only the problems kept are located: placing 100,000 of them would cost seconds, the rest are counted.
	const found = sortProblems(await place(all.slice(0, PROBLEMS_KEPT)));
	const omitted = all.length - found.length;
	if (!result.ok) return refuse(file, found, omitted);
	const checker = new DocumentChecker({lenient: false});
	checker.setRoot(result.doc);
	for (const kind of ITEM_KINDS) {
		for (const item of (result.doc[LISTS[kind]] as unknown[] | undefined) ?? []) checker.add(kind, item);
	}
	const checked = checker.finish();
	if (checked.errors > 0) {
		// The converter produced something timescope/1 rejects: a bug of ours, reported as such.
		return refuse(
			file,
			checked.problems.map((problem) => ({
				file,
				code: 'conversion-failed',
				params: {pointer: problem.pointer ?? ''},
				message: `converted from ${result.format}, the result is invalid at ${problem.pointer || '(root)'}: ${problem.message} (a timescope bug: please report it with this file)`,
			})),
		);
	}
	if (strict && all.some((problem) => problem.severity !== 'note')) return refuse(file, found, omitted);
	return {
		ok: true,
		doc: result.doc,
		file,
		format: result.format,
		problems: found,
		omitted,
		skipped: skippedCounts(all),
	};
}

async function jsonText(text: string, file: string): Promise<JsonText> {
	const {JsonText} = await import('./json-text.js');
	return new JsonText(text, file);
}

function notTimescope(value: unknown, format: unknown): Pick<Problem, 'code' | 'params' | 'message'> {
	if (typeof format === 'string' && format.startsWith('timescope/')) {
		return {
			code: 'unsupported-format',
			params: {format, expected: FORMAT},
			message: `unsupported format "${format}": this version of timescope reads "${FORMAT}"`,
		};
	}
	const what =
		typeof format === 'string' ? `an object with "format": ${JSON.stringify(format)}` : describeValue(value);
	return {
		code: 'not-timescope',
		params: {expected: FORMAT},
		message: `not a timescope file: found ${what}; expected an object with "format": "${FORMAT}"`,
	};
}

function describeText(text: string): string {
	const start = text.trimStart().split('\n')[0] ?? '';
	return `text starting with ${JSON.stringify(start.length > 30 ? `${start.slice(0, 30)}…` : start)}; expected JSON`;
}

// The positional parser recurses; a pathologically nested file must still get its message.
function syntaxProblems(json: JsonText): Problem[] {
	return safely(() => {
		const cut = json.cutShort();
		return cut ? [cut] : json.syntaxProblems();
	}, [
		{
			file: json.file,
			code: 'syntax-error',
			params: {},
			message: 'is not valid JSON (nested too deeply to locate the error)',
		},
	]);
}

function safely<T>(work: () => T, fallback: T): T {
	try {
		return work();
	} catch {
		return fallback;
	}
}
