import {readDocument} from '../../dataset/load.js';
import {toSafeJson} from '../../output/json.js';
import type {Invocation} from '../parse.js';
import {reportProblems, write} from '../write.js';

/** `timescope convert FILE`: the file (TimelineJS or timescope/1) as timescope/1 JSON. */
export async function convert({args}: Invocation): Promise<number> {
	const result = await readDocument(args[0] as string, {strict: true});
	if (!result.ok) return reportProblems(result.problems, result.omitted);
	write(toSafeJson(result.doc));
	return 0;
}
