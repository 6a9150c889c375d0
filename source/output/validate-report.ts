import {type DocumentResult, readDocument} from '../dataset/load.js';
import {formatProblems} from '../dataset/problems.js';
import {sanitize} from '../text/sanitize.js';

/**
 * `timescope validate FILE...`: every problem of every file, or `FILE: ok (N events, M quotes)` and
 * its notes. Strict: one bad item is a bad file. A file that trips a bug is reported as such, and the
 * other files are still checked.
 */
export async function validateFiles(files: readonly string[]): Promise<{lines: string[]; ok: boolean}> {
	const lines: string[] = [];
	let ok = true;
	for (const path of files) {
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
		if (result.ok) {
			const {doc} = result;
			const what = [
				`${doc.events.length} event${doc.events.length === 1 ? '' : 's'}`,
				`${doc.quotes?.length ?? 0} quote${doc.quotes?.length === 1 ? '' : 's'}`,
				...(doc.eras?.length ? [`${doc.eras.length} era${doc.eras.length === 1 ? '' : 's'}`] : []),
			].join(', ');
			const format = result.format === 'timescope/1' ? '' : `${result.format}, `;
			lines.push(sanitize(`${result.file}: ok (${format}${what})`));
			lines.push(...formatProblems(result.problems, {omitted: result.omitted}));
		} else {
			ok = false;
			lines.push(...formatProblems(result.problems, {omitted: result.omitted}));
		}
	}
	return {lines, ok};
}
