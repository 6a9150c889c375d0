import {readDocument} from '../../dataset/load.js';
import {toSafeJson} from '../../output/json.js';
import type {Invocation} from '../parse.js';
import {reportProblems, write} from '../write.js';

/**
 * `timescope convert FILE`: the file (TimelineJS or timescope/1) as timescope/1 JSON, or with
 * `--as timelinejs` as TimelineJS 3 JSON to publish.
 */
export async function convert({args, flags}: Invocation): Promise<number> {
	const result = await readDocument(args[0] as string);
	if (!result.ok) return reportProblems(result.problems);
	if (flags.as === 'timelinejs') {
		// The exporter (and the importer code it reads slides back with) loads only when asked for.
		const {toTimelineJs} = await import('../../output/timelinejs.js');
		write(toSafeJson(toTimelineJs(result.doc)));
	} else {
		write(toSafeJson(result.doc));
	}
	return 0;
}
