import {sanitize} from '../text/sanitize.js';

/**
 * What is wrong with an input, for people (`message`) and for programs (`code` and `params`): the
 * explorer's problems pane, the NDJSON reader and scripts act on the code, never on the wording.
 */
export type ProblemCode =
	// Reading the bytes.
	| 'no-such-file'
	| 'permission-denied'
	| 'is-directory'
	| 'not-a-file'
	| 'bad-file-name'
	| 'unreadable'
	| 'too-large'
	| 'empty'
	| 'binary'
	| 'not-utf8'
	| 'unwritable'
	// Reading the text.
	| 'syntax-error'
	| 'duplicate-key'
	| 'too-deep'
	| 'not-timescope'
	| 'unsupported-format'
	| 'not-timelinejs'
	| 'not-a-sheet'
	// The schema.
	| 'missing-key'
	| 'unknown-key'
	| 'wrong-type'
	| 'bad-value'
	| 'too-small'
	| 'too-big'
	| 'bad-id'
	| 'bad-url'
	| 'bad-date'
	| 'not-an-interval'
	| 'incomplete-source'
	// Between items.
	| 'duplicate-id'
	| 'dangling-reference'
	| 'skipped-item'
	// NDJSON lines and completeness.
	| 'not-an-item'
	| 'truncated'
	| 'no-counts'
	// A converter produced something timescope/1 rejects: a bug of ours.
	| 'conversion-failed';

/** Values a message was made from, named; JSON-safe so a script can read them from `--json` output. */
export type ProblemParams = Readonly<Record<string, string | number | boolean | readonly string[]>>;

export type ItemKind = 'actor' | 'place' | 'source' | 'event' | 'quote' | 'era';

/** An item a lenient load left out: its kind and its position among the input's items of that kind. */
export interface ItemRef {
	kind: ItemKind | 'line';
	/** 0-based among the input's items of `kind` (for `line`, the 1-based line number). */
	index: number;
}

/** One thing wrong with an input, located as precisely as the input allows. */
export interface Problem {
	file: string;
	/** 1-based. */
	line?: number;
	/** 1-based, in characters of the line. */
	column?: number;
	/** RFC 6901 JSON pointer ("" is the whole document). */
	pointer?: string;
	code: ProblemCode;
	params: ProblemParams;
	message: string;
	/** Set when a lenient load left this item out because of this problem. */
	item?: ItemRef;
	/** A note says something worth knowing about a file that is not wrong with it (strict modes pass). */
	severity?: 'note';
}

/** A problem before it is placed in a file (validators and importers know pointers, the loader adds the rest). */
export type Found = Omit<Problem, 'file'>;

/** Beyond this many, a report lists a count instead: 50 lines already say the file needs work. */
export const PROBLEM_CAP = 50;

/**
 * Beyond this many, problems are counted, not kept: a broken generator can emit millions, and each
 * kept one costs memory and a position lookup. Reports say the true count.
 */
export const PROBLEMS_KEPT = 1000;

/** `FILE:LINE:COL: /json/pointer: message`, safe to print. */
export function formatProblem(problem: Problem): string {
	let place = problem.file;
	if (problem.line !== undefined) place += `:${problem.line}:${problem.column ?? 1}`;
	const pointer =
		problem.pointer === undefined
			? ''
			: `${problem.pointer === '' ? '(root)' : clip(problem.pointer, 200)}: `;
	const note = problem.severity === 'note' ? 'note: ' : '';
	return sanitize(`${place}: ${pointer}${note}${problem.message}`);
}

/**
 * The first `cap` problems, then one line with how many more there are. `omitted` counts problems
 * found but not kept (see PROBLEMS_KEPT), so the count is the true one.
 */
export function formatProblems(
	problems: readonly Problem[],
	{cap = PROBLEM_CAP, omitted = 0} = {},
): string[] {
	const lines = problems.slice(0, cap).map(formatProblem);
	const more = Math.max(0, problems.length - cap) + omitted;
	if (more > 0) {
		const file = problems[0]?.file ?? '';
		lines.push(
			sanitize(`${file}: … and ${more.toLocaleString('en-US')} more problem${more === 1 ? '' : 's'}`),
		);
	}
	return lines;
}

// A pointer names keys from the data: a 100 KB key makes a 100 KB pointer, which no report needs whole.
function clip(text: string, max: number): string {
	return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** In file order, as an editor lists them; stable, so problems at one spot keep the order they were found in. */
export function sortProblems<T extends {line?: number; column?: number}>(problems: T[]): T[] {
	return problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}

/** How many items of each kind a lenient load left out. */
export type SkippedCounts = Partial<Record<ItemRef['kind'], number>>;

/** What was wrong with a file that opened: the problems kept, how many more, what they left out. */
export interface ProblemReport {
	readonly problems: readonly Problem[];
	/** Problems found beyond those kept (see PROBLEMS_KEPT). */
	readonly omitted: number;
	/** Items left out, by kind. */
	readonly skipped: SkippedCounts;
}

/** Problems in a report that are more than notes (with those counted but not kept). */
export function errorCount(report: ProblemReport): number {
	return report.omitted + report.problems.filter((problem) => problem.severity !== 'note').length;
}

/** Items of each kind a lenient load left out, counted once however many problems each had. */
export function skippedCounts(problems: ReadonlyArray<Pick<Problem, 'item'>>): SkippedCounts {
	const seen = new Set<string>();
	const counts: SkippedCounts = {};
	for (const {item} of problems) {
		if (!item || seen.has(`${item.kind} ${item.index}`)) continue;
		seen.add(`${item.kind} ${item.index}`);
		counts[item.kind] = (counts[item.kind] ?? 0) + 1;
	}
	return counts;
}

export type PathPart = string | number;

/** RFC 6901: the one pointer builder. */
export function toPointer(path: readonly PathPart[]): string {
	let pointer = '';
	for (const part of path) pointer += `/${String(part).replaceAll('~', '~0').replaceAll('/', '~1')}`;
	return pointer;
}

export function fromPointer(pointer: string): PathPart[] {
	if (pointer === '') return [];
	return pointer
		.slice(1)
		.split('/')
		.map((part) => {
			const key = part.replaceAll('~1', '/').replaceAll('~0', '~');
			return /^(0|[1-9]\d*)$/.test(key) ? Number(key) : key;
		});
}

/**
 * Text from the data (a key, an id) as a message quotes it: in double quotes, cut at 60 characters.
 * A 10 MB key must not make a 10 MB message.
 */
export function quoted(text: string, max = 60): string {
	return `"${text.length > max ? `${text.slice(0, max)}…` : text}"`;
}

/** A short, printable description of a value for "found …" in messages. */
export function describeValue(value: unknown): string {
	if (value === undefined) return 'nothing';
	if (value === null) return 'null';
	if (typeof value === 'string') {
		const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
		return value === '' ? 'an empty string' : `the string ${JSON.stringify(shown)}`;
	}
	if (typeof value === 'number' || typeof value === 'boolean') return `${typeof value} ${String(value)}`;
	if (Array.isArray(value)) return `an array of ${value.length} item${value.length === 1 ? '' : 's'}`;
	if (typeof value === 'object') {
		const keys = Object.keys(value);
		if (keys.length === 0) return 'an empty object';
		const shown = keys
			.slice(0, 5)
			.map((key) => (key.length > 40 ? `${key.slice(0, 40)}…` : key))
			.join(', ');
		return `an object with keys ${shown}${keys.length > 5 ? ', …' : ''}`;
	}
	return typeof value;
}

/** What `describeValue` names, as a parameter: `string`, `number`, `array`, `object`, `null`, … */
export function typeName(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'array';
	return typeof value;
}
