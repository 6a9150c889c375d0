import {isUtf8} from 'node:buffer';
import {type CheckedProblem, DocumentChecker, fallbackTitle, type Locate} from './check.js';
import {findDuplicateKeys} from './duplicate-keys.js';
import {ITEM_KINDS, isItemKind, LISTS, type ListName} from './items.js';
import {JsonText} from './json-text.js';
import {describeValue, type Problem, quoted, type SkippedCounts, sortProblems} from './problems.js';
import {firstInvalidUtf8, utf8Position} from './read-input.js';
import {FORMAT, type TimescopeDocument} from './schema.js';
import type {QuickCheck} from './validate.js';

/**
 * `timescope/1` as NDJSON, for archives too big for one `JSON.parse` (V8 strings stop at ~512 MB)
 * or to read while they stream in. One JSON value per line:
 *
 *   line 1     the root object, as in a .json file, without "events" and "quotes" (or with them
 *              empty, or holding some; lines add to them), and optionally "counts": how many items
 *              of each list the whole file holds, so that a file cut short is known to be
 *   each line  {"event": {…}}, {"quote": {…}}, {"actor": {…}}, {"place": {…}}, {"source": {…}}
 *              or {"era": {…}}: one item, the same object as in a .json file's list
 *
 * Blank lines are skipped; CRLF line ends and a UTF-8 byte order mark are accepted; items may come in
 * any order and refer to items on later lines. Every problem is reported with its line, column and
 * JSON pointer within that line (`/quote/speaker`), as the JSON loader reports them, and reading
 * goes on to the end so that all are listed at once. A lenient load keeps every valid item and
 * reports each line it left out.
 */

export type NdjsonResult =
	| {ok: true; doc: TimescopeDocument; problems: Problem[]; omitted: number; skipped: SkippedCounts}
	| {ok: false; problems: Problem[]; omitted: number};

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
	/** Keep every valid item and report the rest, instead of refusing the file for one bad line. */
	lenient?: boolean;
	/** Stop reading past this many bytes (a pipe that never ends). */
	maxBytes?: number;
	/** A quick yes for valid items (fast-validate.ts): worth its compile time on an archive. */
	quick?: QuickCheck;
}

const PROGRESS_BYTES = 4 << 20;
const KIND_NAMES = '"event", "quote", "actor", "place", "source" or "era"';

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
	const lenient = options.lenient ?? false;
	const checker = new DocumentChecker({lenient, quick: options.quick});
	const progress: NdjsonProgress = {bytes: 0, lines: 0, events: 0, quotes: 0};
	// Items of each list the file holds (valid or not), to check against its stated counts.
	const held: Record<ListName, number> = {actors: 0, places: 0, sources: 0, events: 0, quotes: 0, eras: 0};
	let root: Record<string, unknown> | undefined;
	let counts: {line: number; text: string; value: unknown} | undefined;
	let sawRoot = false;
	let fatal = false;
	const leftOut = (line: number) => ({kind: 'line' as const, index: line});

	const readRoot = (line: number, text: string) => {
		const value = parseLine(line, text, checker);
		if (value === undefined) {
			fatal = true;
			return;
		}
		if (value === null || typeof value !== 'object' || Array.isArray(value)) {
			fatal = true;
			checker.addProblem({
				line,
				column: 1,
				pointer: '',
				code: 'not-timescope',
				params: {found: describeValue(value)},
				message: `expected the root object of a timescope/1 file on the first line, found ${describeValue(value)}`,
			});
			return;
		}
		const object = value as Record<string, unknown>;
		if (object.format !== FORMAT) {
			fatal = true;
			checker.addProblem({
				line,
				...locateIn(text)([{pointer: '/format'}])[0],
				pointer: '/format',
				code: typeof object.format === 'string' ? 'unsupported-format' : 'not-timescope',
				params: {expected: FORMAT},
				message: `expected "format": "${FORMAT}" on the first line, found ${describeValue(object.format)}`,
			});
			return;
		}
		const {counts: stated, ...rest} = object;
		if (Object.hasOwn(object, 'counts')) counts = {line, text, value: stated};
		// The lines hold the events: the root line need not list any.
		root = Object.hasOwn(rest, 'events') ? rest : {...rest, events: []};
		const locate = locateIn(text);
		checker.setRoot(root, {line}, locate);
		for (const kind of ITEM_KINDS) {
			const list = Object.hasOwn(root, LISTS[kind]) ? root[LISTS[kind]] : undefined;
			if (!Array.isArray(list)) continue;
			held[LISTS[kind]] += list.length;
			for (const item of list) checker.add(kind, item, {line}, locate);
		}
	};

	const readItem = (line: number, text: string) => {
		const value = parseLine(line, text, checker);
		if (value === undefined) return;
		const keys =
			value !== null && typeof value === 'object' && !Array.isArray(value) ? Object.keys(value) : [];
		const kind = keys[0];
		if (keys.length !== 1 || kind === undefined || !isItemKind(kind)) {
			checker.addProblem({
				line,
				column: 1,
				pointer: '',
				code: 'not-an-item',
				params: {found: describeValue(value)},
				message: `expected an object with one key, ${KIND_NAMES}, found ${describeValue(value)}`,
				item: leftOut(line),
			});
			return;
		}
		const before = checker.errorCount();
		checker.add(kind, (value as Record<string, unknown>)[kind], {line}, locateIn(text));
		held[LISTS[kind]]++;
		if (checker.errorCount() === before) {
			if (kind === 'event') progress.events++;
			if (kind === 'quote') progress.quotes++;
		}
	};

	const take = (line: number, text: string) => {
		if (fatal) return;
		const trimmed = text.endsWith('\r') ? text.slice(0, -1) : text;
		if (trimmed.trim() === '') return;
		if (!sawRoot) {
			sawRoot = true;
			readRoot(line, trimmed);
		} else readItem(line, trimmed);
	};

	const stopped = await readLines(stream, {
		progress,
		maxBytes: options.maxBytes,
		onProgress: options.onProgress,
		line: take,
		notUtf8: (line, column) => {
			checker.addProblem({
				line,
				column,
				code: 'not-utf8',
				params: {},
				message: 'is not UTF-8 text on this line (an invalid byte sequence); save it as UTF-8',
				item: leftOut(line),
			});
			if (!sawRoot) fatal = true;
		},
		stop: () => fatal,
	});
	options.onProgress?.({...progress});

	if (!sawRoot && !fatal) {
		return {
			ok: false,
			omitted: 0,
			problems: [
				{
					file,
					code: 'empty',
					params: {},
					message: 'is empty; expected a timescope/1 root object on the first line',
				},
			],
		};
	}
	if (stopped) {
		checker.addProblem({
			line: progress.lines,
			code: 'too-large',
			params: {limit: options.maxBytes ?? 0},
			message: `stopped reading after ${Math.round(progress.bytes / 2 ** 20)} MB from a stream that does not end; save it to a file first`,
		});
	}
	const checked = checker.finish();
	const counted = fatal || stopped ? undefined : checkCounts(counts, held);
	const errors = checked.errors + (counted && counted.severity !== 'note' ? 1 : 0);
	const failed = fatal || stopped || (errors > 0 && !lenient);
	// A note says nothing about a file refused for its errors.
	const found =
		counted && !(failed && counted.severity === 'note') ? [...checked.problems, counted] : checked.problems;
	const problems: Problem[] = sortProblems(found).map(({key: _, ...problem}) => ({file, ...problem}));
	if (failed) return {ok: false, problems, omitted: checked.omitted};
	return {
		ok: true,
		doc: checker.keep(fallbackTitle(file)) as TimescopeDocument,
		problems,
		omitted: checked.omitted,
		skipped: checked.skipped,
	};
}

/** The stated counts against what the file holds; a note when there are none to check. */
function checkCounts(
	counts: {line: number; text: string; value: unknown} | undefined,
	held: Record<ListName, number>,
): CheckedProblem | undefined {
	if (counts === undefined) {
		return {
			line: 1,
			pointer: '',
			code: 'no-counts',
			params: {},
			severity: 'note',
			message:
				'no "counts" on the first line, so a file cut short at a line end cannot be told from a whole one (see the README, NDJSON)',
		};
	}
	const at = (pointer: string) => ({line: counts.line, ...locateIn(counts.text)([{pointer}])[0], pointer});
	const {value} = counts;
	if (value === null || typeof value !== 'object' || Array.isArray(value)) {
		return {
			...at('/counts'),
			code: 'wrong-type',
			params: {expected: 'object'},
			message: `expected "counts" to be an object such as {"events": 120, "quotes": 300}, found ${describeValue(value)}`,
		};
	}
	const stated = value as Record<string, unknown>;
	const lists = Object.values(LISTS) as ListName[];
	for (const key of Object.keys(stated)) {
		const count = stated[key];
		if (!lists.includes(key as ListName) || !Number.isInteger(count) || (count as number) < 0) {
			return {
				...at(`/counts/${key}`),
				code: 'bad-value',
				params: {key},
				message: `expected whole numbers of ${lists.join(', ')}, found ${quoted(key)}: ${describeValue(count)}`,
			};
		}
	}
	const wrong = lists.flatMap((list) => {
		const expected = Object.hasOwn(stated, list) ? (stated[list] as number) : 0;
		return held[list] === expected
			? []
			: [`${expected.toLocaleString('en-US')} ${list} counted, ${held[list].toLocaleString('en-US')} found`];
	});
	if (wrong.length === 0) return undefined;
	return {
		...at('/counts'),
		code: 'truncated',
		params: {found: wrong},
		message: `the file does not hold what its first line counts (${wrong.join('; ')}): it is cut short, or still being written`,
	};
}

function parseLine(line: number, text: string, checker: DocumentChecker): unknown {
	const leftOut = {kind: 'line' as const, index: line};
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch {
		// Past the problems kept, a line that is not JSON is one problem, counted without a second parse.
		const found = checker.isFull() ? [NOT_JSON] : syntaxProblems(text);
		for (const problem of found) checker.addProblem({...problem, line, item: leftOut});
		return undefined;
	}
	const [duplicate] = findDuplicateKeys(text, value);
	if (duplicate) {
		checker.addProblem({...duplicate, line, item: leftOut});
		return undefined;
	}
	return value;
}

const NOT_JSON = {code: 'syntax-error', params: {}, message: 'is not JSON'} as const;

// The position-keeping parser recurses: a line nested deep enough still gets its one message.
function syntaxProblems(text: string): Array<Omit<Problem, 'file'>> {
	try {
		return new JsonText(text, '').syntaxProblems().map(({file: _, ...problem}) => problem);
	} catch {
		return [{...NOT_JSON, message: 'is not valid JSON (nested too deeply to locate the error)'}];
	}
}

/** Columns in one NDJSON line, all asked for at once (one scan of the line). */
function locateIn(text: string): Locate {
	return (wanted) => {
		if (wanted.length === 0) return [];
		try {
			return new JsonText(text, '').locateAll(wanted).map(({column}) => ({column}));
		} catch {
			return [];
		}
	};
}

/**
 * Lines of a byte stream, each decoded on its own when a block of them is not UTF-8 (so a bad byte is
 * reported at its line and column, and the lines around it are still read). Returns true when it
 * stopped at `maxBytes`.
 */
async function readLines(
	stream: AsyncIterable<Uint8Array | string>,
	handlers: {
		progress: NdjsonProgress;
		maxBytes?: number;
		onProgress?: (progress: NdjsonProgress) => void;
		line: (line: number, text: string) => void;
		notUtf8: (line: number, column: number) => void;
		stop: () => boolean;
	},
): Promise<boolean> {
	const {progress} = handlers;
	let pending: Buffer[] = [];
	let reported = 0;
	let bom = true;
	// Whole lines, without their final line end: every segment between line ends is a line.
	const block = (bytes: Buffer) => {
		if (isUtf8(bytes)) {
			const text = bytes.toString('utf8');
			let start = 0;
			for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', start)) {
				handlers.line(++progress.lines, text.slice(start, end));
				start = end + 1;
			}
			handlers.line(++progress.lines, text.slice(start));
			return;
		}
		for (let start = 0; start <= bytes.length; ) {
			const newline = bytes.indexOf(0x0a, start);
			const end = newline === -1 ? bytes.length : newline;
			const line = bytes.subarray(start, end);
			progress.lines++;
			const bad = firstInvalidUtf8(line, 0);
			if (bad === -1) handlers.line(progress.lines, line.toString('utf8'));
			else handlers.notUtf8(progress.lines, utf8Position(line, bad).column);
			start = end + 1;
		}
	};
	for await (const piece of stream) {
		let chunk =
			typeof piece === 'string'
				? Buffer.from(piece)
				: Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength);
		progress.bytes += chunk.length;
		if (bom) {
			if (chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) chunk = chunk.subarray(3);
			bom = false;
		}
		const last = chunk.lastIndexOf(0x0a);
		if (last === -1) pending.push(chunk);
		else {
			// Whole lines: what was pending and this chunk up to its last line end.
			block(Buffer.concat([...pending, chunk.subarray(0, last)]));
			pending = [chunk.subarray(last + 1)];
		}
		if (handlers.onProgress && progress.bytes - reported >= PROGRESS_BYTES) {
			reported = progress.bytes;
			handlers.onProgress({...progress});
		}
		if (handlers.maxBytes !== undefined && progress.bytes > handlers.maxBytes) return true;
		if (handlers.stop()) return false;
	}
	const rest = Buffer.concat(pending);
	if (rest.length > 0) block(rest);
	return false;
}
