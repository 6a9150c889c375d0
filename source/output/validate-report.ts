import {readDocument} from '../dataset/load.js';
import {formatProblems} from '../dataset/problems.js';
import {sanitize} from '../text/sanitize.js';

/** `timescope validate FILE...`: every problem of every file, or `FILE: ok (N events, M quotes)`. */
export async function validateFiles(files: readonly string[]): Promise<{lines: string[]; ok: boolean}> {
	const lines: string[] = [];
	let ok = true;
	for (const path of files) {
		const result = await readDocument(path);
		if (result.ok) {
			const {doc} = result;
			const what = [
				`${doc.events.length} event${doc.events.length === 1 ? '' : 's'}`,
				`${doc.quotes?.length ?? 0} quote${doc.quotes?.length === 1 ? '' : 's'}`,
				...(doc.eras?.length ? [`${doc.eras.length} era${doc.eras.length === 1 ? '' : 's'}`] : []),
			].join(', ');
			const format = result.format === 'timescope/1' ? '' : `${result.format}, `;
			lines.push(sanitize(`${result.file}: ok (${format}${what})`));
		} else {
			ok = false;
			lines.push(...formatProblems(result.problems));
		}
	}
	return {lines, ok};
}
