import {type DocumentResult, readDocument} from '../dataset/load.js';
import {formatProblems} from '../dataset/problems.js';
import {sanitize} from '../text/sanitize.js';

export interface FileReport {
	readonly ok: boolean;
	/** `FILE: ok (N events, M quotes)` or `FILE: invalid, N problems`: stdout, one line a file. */
	readonly summary: string;
	/** Every problem (and, for a good file, its notes), one a line (`FILE:LINE:COL: pointer: why`): stderr. */
	readonly problems: readonly string[];
}

/**
 * One file of `timescope validate FILE...`. Strict: one bad item is a bad file. A file that trips a
 * bug is reported as such, so the other files are still checked.
 */
export async function validateFile(path: string): Promise<FileReport> {
	const result = await readDocument(path, {strict: true}).catch(
		(error: unknown): DocumentResult => ({
			ok: false,
			file: path,
			omitted: 0,
			problems: [
				{
					file: path,
					code: 'unreadable',
					params: {},
					message: `internal error while checking this file (a timescope bug: please report it): ${error instanceof Error ? error.message : String(error)}`,
				},
			],
		}),
	);
	if (!result.ok) {
		const count = result.problems.length + result.omitted;
		return {
			ok: false,
			summary: sanitize(`${result.file}: invalid, ${plural(count, 'problem')}`),
			problems: formatProblems(result.problems, {omitted: result.omitted}),
		};
	}
	const {doc} = result;
	const what = [
		plural(doc.events.length, 'event'),
		plural(doc.quotes?.length ?? 0, 'quote'),
		...(doc.eras?.length ? [plural(doc.eras.length, 'era')] : []),
	].join(', ');
	const format = result.format === 'timescope/1' ? '' : `${result.format}, `;
	return {
		ok: true,
		summary: sanitize(`${result.file}: ok (${format}${what})`),
		problems: formatProblems(result.problems, {omitted: result.omitted}),
	};
}

function plural(count: number, noun: string): string {
	return `${count.toLocaleString('en-US')} ${noun}${count === 1 ? '' : 's'}`;
}
