import {validateFile} from '../../output/validate-report.js';
import type {Invocation} from '../parse.js';
import {write} from '../write.js';

/**
 * `timescope validate FILE...`: file by file, its problems on stderr and its one-line summary on
 * stdout. Exit 1 when any file has a problem.
 */
export async function validate({args}: Invocation): Promise<number> {
	let ok = true;
	for (const file of args) {
		const report = await validateFile(file);
		if (report.problems.length > 0) process.stderr.write(`${report.problems.join('\n')}\n`);
		write(`${report.summary}\n`);
		ok &&= report.ok;
	}
	return ok ? 0 : 1;
}
