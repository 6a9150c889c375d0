import {createReadStream} from 'node:fs';
import {type FileHandle, open} from 'node:fs/promises';
import {Readable} from 'node:stream';
import type {ImportResult} from './importers/index.js';
import type {JsonText} from './json-text.js';
import {buildDataset, type Dataset} from './model.js';
import type {NdjsonProgress} from './ndjson.js';
import {describeValue, type Problem, toPointer} from './problems.js';
import {readInput} from './read-input.js';
import {FORMAT, type TimescopeDocument} from './schema.js';
import {validateDocument} from './validate.js';

/**
 * file → text → JSON → (importer) → validated timescope/1 document → model. Every failure comes back
 * as located problems, never as an exception.
 */

export type LoadResult =
	| {ok: true; dataset: Dataset; file: string; format: string}
	| {ok: false; file: string; problems: Problem[]};

export type DocumentResult =
	| {ok: true; doc: TimescopeDocument; file: string; format: string}
	| {ok: false; file: string; problems: Problem[]};

export async function loadDataset(path: string, options: ReadOptions = {}): Promise<LoadResult> {
	return toDataset(await readDocument(path, options));
}

/** Parse and validate without building the model (what `validate` and `convert` need). */
export async function readDocument(path: string, options: ReadOptions = {}): Promise<DocumentResult> {
	if (path !== '-') {
		const streamed = await readNdjsonFile(path, options);
		if (streamed) return streamed;
	}
	const input = await readInput(path);
	if (!input.ok) return {ok: false, file: input.problem.file, problems: [input.problem]};
	return parseDocument(input.text, input.file);
}

export interface ReadOptions {
	/** The size of a named file, as soon as it is known and before it is read. */
	onSize?: (bytes: number) => void;
	/** Progress of a streamed (NDJSON) file; `totalBytes` is its size. */
	onProgress?: (progress: NdjsonProgress & {totalBytes: number}) => void;
}

const HEAD_BYTES = 64 * 1024;

/**
 * An NDJSON file is streamed, never read whole: that is what the format is for (archives past the
 * ~512 MB a JSON.parse can take). Anything else returns undefined and is read as one text.
 */
async function readNdjsonFile(
	path: string,
	{onSize, onProgress}: ReadOptions,
): Promise<DocumentResult | undefined> {
	let head: string;
	let size: number;
	try {
		const handle = await open(path);
		try {
			size = (await handle.stat()).size;
			onSize?.(size);
			head = await readFirstLine(handle, size);
		} finally {
			await handle.close();
		}
	} catch {
		return undefined;
	}
	if (!mayBeNdjson(head)) return undefined;
	const ndjson = await import('./ndjson.js');
	if (!ndjson.looksLikeNdjson(head)) return undefined;
	const result = await ndjson.loadNdjson(createReadStream(path), {
		file: path,
		onProgress: onProgress && ((progress) => onProgress({...progress, totalBytes: size})),
	});
	return result.ok
		? {ok: true, doc: result.doc, file: path, format: NDJSON}
		: {ok: false, file: path, problems: result.problems};
}

// The root line carries every actor, place and source of an archive: it can run to megabytes.
const MAX_ROOT_LINE = 64 << 20;

/** The first line and the chunk after it (or as much as was read when no line ends). */
async function readFirstLine(handle: FileHandle, size: number): Promise<string> {
	const chunks: Buffer[] = [];
	let read = 0;
	let lineEnded = false;
	while (read < Math.min(size, MAX_ROOT_LINE)) {
		const buffer = Buffer.alloc(Math.min(HEAD_BYTES, size - read));
		const {bytesRead} = await handle.read(buffer, 0, buffer.length, read);
		if (bytesRead === 0) break;
		const chunk = buffer.subarray(0, bytesRead);
		chunks.push(chunk);
		read += bytesRead;
		if (lineEnded) break;
		lineEnded = chunk.includes(0x0a);
	}
	return Buffer.concat(chunks).toString('utf8');
}

const NDJSON = 'timescope/1 NDJSON';

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

export async function loadText(text: string, file: string): Promise<LoadResult> {
	return toDataset(await parseDocument(text, file));
}

function toDataset(result: DocumentResult): LoadResult {
	return result.ok
		? {ok: true, dataset: buildDataset(result.doc), file: result.file, format: result.format}
		: result;
}

// Deeper than this is no timeline: it is a hostile or broken file, and would overflow the stack of
// JSON.stringify (--json) or of anything else that recurses.
const MAX_DEPTH = 256;

/**
 * Importers (HTML and CSV parsing) and the position-keeping JSON parser load only when a file needs
 * them: a valid timescope/1 file costs one JSON.parse and the schema check, nothing more.
 */
export async function parseDocument(text: string, file: string): Promise<DocumentResult> {
	const fail = (problems: Problem[]): DocumentResult => ({ok: false, file, problems});
	const first = text.trimStart()[0];
	if (first !== '{' && first !== '[') {
		const importers = await import('./importers/index.js');
		const importer = importers.textImporterFor(text);
		if (importer) return fromImport(importer.import(text, file), file, async () => ({}));
		const why = importers.explainUnrecognised({text});
		return fail([
			{
				file,
				line: 1,
				column: 1,
				message: why?.message ?? `not a timescope file: found ${describeText(text)}`,
			},
		]);
	}
	const head = text.slice(0, firstLineEnd(text) + HEAD_BYTES);
	if (mayBeNdjson(head)) {
		const ndjson = await import('./ndjson.js');
		if (ndjson.looksLikeNdjson(head)) {
			const result = await ndjson.loadNdjson(Readable.from([text]), {file});
			return result.ok ? {ok: true, doc: result.doc, file, format: NDJSON} : fail(result.problems);
		}
	}
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch {
		return fail(syntaxProblems(await jsonText(text, file)));
	}
	const locateIn = lazyLocator(text, file);
	if ((value as {format?: unknown} | null)?.format !== FORMAT) {
		const importers = await import('./importers/index.js');
		const importer = importers.jsonImporterFor(value);
		if (importer) return fromImport(importer.import(value, file), file, locateIn);
		const why = importers.explainUnrecognised({json: value});
		const pointer = why?.pointer ?? '';
		const format = (value as {format?: unknown} | null)?.format;
		return fail([
			{file, ...(await locateIn(pointer)), pointer, message: why?.message ?? notTimescope(value, format)},
		]);
	}
	const validated = await validateDocument(value);
	if (!validated.ok) {
		const located = await Promise.all(
			validated.problems.map(async (problem) => ({
				file,
				...(await locateIn(problem.pointer, problem.key)),
				pointer: problem.pointer,
				message: problem.message,
			})),
		);
		// In file order, as an editor lists them (the sort is stable for problems at one spot).
		return fail(located.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0)));
	}
	return checkDepth(validated.doc, file, FORMAT, locateIn);
}

type Locator = (pointer: string, key?: boolean) => Promise<{line?: number; column?: number}>;

/**
 * Line and column of a pointer in `text`. The position-keeping parser (a second parse of the text) is
 * loaded and run only when a problem needs a position, and only once.
 */
function lazyLocator(text: string, file: string): Locator {
	let json: Promise<JsonText> | undefined;
	return async (pointer, key) => {
		json ??= jsonText(text, file);
		return locate(await json, pointer, key);
	};
}

/** An importer's result, held to the same checks as a timescope/1 file. */
async function fromImport(
	result: ImportResult,
	file: string,
	locateInInput: Locator,
): Promise<DocumentResult> {
	const problems = result.ok ? result.skipped : result.problems;
	if (problems.length > 0 || !result.ok) {
		return {
			ok: false,
			file,
			problems: await Promise.all(
				problems.map(async (problem) => ({
					file,
					...(problem.pointer !== undefined ? await locateInInput(problem.pointer) : {}),
					...(problem.line !== undefined ? {line: problem.line, column: problem.column} : {}),
					pointer: problem.pointer,
					message: problem.message,
				})),
			),
		};
	}
	const validated = await validateDocument(result.doc);
	if (!validated.ok) {
		// The converter produced something timescope/1 rejects: a bug of ours, reported as such.
		return {
			ok: false,
			file,
			problems: validated.problems.map((problem) => ({
				file,
				message: `converted from ${result.format}, the result is invalid at ${problem.pointer || '(root)'}: ${problem.message} (a timescope bug: please report it with this file)`,
			})),
		};
	}
	return checkDepth(validated.doc, file, result.format, async () => ({}));
}

async function checkDepth(
	doc: TimescopeDocument,
	file: string,
	format: string,
	locateAt: Locator,
): Promise<DocumentResult> {
	const tooDeep = findTooDeep(doc);
	if (tooDeep === undefined) return {ok: true, doc, file, format};
	return {
		ok: false,
		file,
		problems: [
			{
				file,
				...(await locateAt(tooDeep)),
				pointer: tooDeep,
				message: `expected at most ${MAX_DEPTH} levels of nesting, found more`,
			},
		],
	};
}

async function jsonText(text: string, file: string): Promise<JsonText> {
	const {JsonText} = await import('./json-text.js');
	return new JsonText(text, file);
}

function notTimescope(value: unknown, format: unknown): string {
	if (typeof format === 'string' && format.startsWith('timescope/')) {
		return `unsupported format "${format}": this version of timescope reads "${FORMAT}"`;
	}
	const what =
		typeof format === 'string' ? `an object with "format": ${JSON.stringify(format)}` : describeValue(value);
	return `not a timescope file: found ${what}; expected an object with "format": "${FORMAT}"`;
}

function describeText(text: string): string {
	const start = text.trimStart().split('\n')[0] ?? '';
	return `text starting with ${JSON.stringify(start.length > 30 ? `${start.slice(0, 30)}…` : start)}; expected JSON`;
}

// The positional parser recurses; a pathologically nested file must still get its message.
function syntaxProblems(json: JsonText): Problem[] {
	try {
		return json.syntaxProblems();
	} catch {
		return [{file: json.file, message: 'is not valid JSON (nested too deeply to locate the error)'}];
	}
}

function locate(json: JsonText, pointer: string, key?: boolean): {line?: number; column?: number} {
	try {
		return json.locate(pointer, {key});
	} catch {
		return {};
	}
}

/**
 * Pointer to the first value nested deeper than MAX_DEPTH. The schema bounds the depth of everything
 * but `extensions`, so only those are walked (iteratively: recursion is what deep nesting breaks).
 */
function findTooDeep(doc: TimescopeDocument): string | undefined {
	const roots: Array<{value: unknown; path: Array<string | number>}> = [
		{value: doc.extensions, path: ['extensions']},
	];
	doc.events.forEach((event, i) => roots.push({value: event.extensions, path: ['events', i, 'extensions']}));
	doc.quotes?.forEach((quote, i) => roots.push({value: quote.extensions, path: ['quotes', i, 'extensions']}));
	for (const root of roots) {
		const stack = [{value: root.value, depth: 2, path: root.path}];
		for (let item = stack.pop(); item; item = stack.pop()) {
			const {value, depth, path} = item;
			if (value === null || typeof value !== 'object') continue;
			if (depth > MAX_DEPTH) return toPointer(path);
			// Paths stop growing after a few levels: the report names where the deep part starts.
			for (const [key, child] of Object.entries(value)) {
				const index = Array.isArray(value) ? Number(key) : key;
				stack.push({value: child, depth: depth + 1, path: path.length < 12 ? [...path, index] : path});
			}
		}
	}
	return undefined;
}
