import {readDocument} from '../dataset/load.js';
import {formatProblems} from '../dataset/problems.js';
import {sanitize} from '../text/sanitize.js';

export interface FileReport {
	readonly ok: boolean;
	/** `FILE: ok (N events, M quotes)` or `FILE: invalid, N problems`: stdout, one line a file. */
	readonly summary: string;
	/** Every problem, one a line (`FILE:LINE:COL: pointer: why`): stderr. */
	readonly problems: readonly string[];
}

/** One file of `timescope validate FILE...`. */
export async function validateFile(path: string): Promise<FileReport> {
	const result = await readDocument(path);
	if (!result.ok) {
		const count = result.problems.length;
		return {
			ok: false,
			summary: sanitize(`${result.file}: invalid, ${plural(count, 'problem')}`),
			problems: formatProblems(result.problems),
		};
	}
	const {doc} = result;
	const what = [
		plural(doc.events.length, 'event'),
		plural(doc.quotes?.length ?? 0, 'quote'),
		...(doc.eras?.length ? [plural(doc.eras.length, 'era')] : []),
	].join(', ');
	const format = result.format === 'timescope/1' ? '' : `${result.format}, `;
	return {ok: true, summary: sanitize(`${result.file}: ok (${format}${what})`), problems: []};
}

function plural(count: number, noun: string): string {
	return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
