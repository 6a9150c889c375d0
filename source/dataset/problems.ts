import {sanitize} from '../text/sanitize.js';

/** One thing wrong with an input, located as precisely as the input allows. */
export interface Problem {
	file: string;
	/** 1-based. */
	line?: number;
	/** 1-based, in characters of the line. */
	column?: number;
	/** RFC 6901 JSON pointer ("" is the whole document). */
	pointer?: string;
	message: string;
}

/** Beyond this many, a report lists a count instead: 50 lines already say the file needs work. */
export const PROBLEM_CAP = 50;

/** `FILE:LINE:COL: /json/pointer: message`, safe to print. */
export function formatProblem(problem: Problem): string {
	let place = problem.file;
	if (problem.line !== undefined) place += `:${problem.line}:${problem.column ?? 1}`;
	const pointer =
		problem.pointer === undefined ? '' : `${problem.pointer === '' ? '(root)' : problem.pointer}: `;
	return sanitize(`${place}: ${pointer}${problem.message}`);
}

export function formatProblems(problems: readonly Problem[], cap = PROBLEM_CAP): string[] {
	const lines = problems.slice(0, cap).map(formatProblem);
	if (problems.length > cap) {
		const file = problems[0]?.file ?? '';
		lines.push(sanitize(`${file}: … and ${problems.length - cap} more problems`));
	}
	return lines;
}

export function toPointer(path: ReadonlyArray<string | number>): string {
	return path.map((part) => `/${String(part).replaceAll('~', '~0').replaceAll('/', '~1')}`).join('');
}

export function fromPointer(pointer: string): Array<string | number> {
	if (pointer === '') return [];
	return pointer
		.slice(1)
		.split('/')
		.map((part) => {
			const key = part.replaceAll('~1', '/').replaceAll('~0', '~');
			return /^(0|[1-9]\d*)$/.test(key) ? Number(key) : key;
		});
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
		const shown = keys.slice(0, 5).join(', ');
		return `an object with keys ${shown}${keys.length > 5 ? ', …' : ''}`;
	}
	return typeof value;
}
