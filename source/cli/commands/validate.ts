import {validateFiles} from '../../output/validate-report.js';
import type {Invocation} from '../parse.js';
import {write} from '../write.js';

/** `timescope validate FILE...`: exit 1 when any file has a problem. */
export async function validate({args}: Invocation): Promise<number> {
	const report = await validateFiles(args);
	write(`${report.lines.join('\n')}\n`);
	return report.ok ? 0 : 1;
}
