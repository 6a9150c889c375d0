import {readDocument} from '../../dataset/load.js';
import {toSafeJson} from '../../output/json.js';
import type {Invocation} from '../parse.js';
import {reportOpened, reportProblems, write} from '../write.js';

/**
 * `timescope convert FILE`: the file (TimelineJS or timescope/1) as timescope/1 JSON, or with
 * `--as timelinejs` as TimelineJS 3 JSON to publish. A file with items that cannot be read is refused,
 * so a partial file is never written unasked; `--skip-invalid` writes the rest and lists what was left
 * out on stderr (exit 3, as a print mode that left something out).
 */
export async function convert({args, flags}: Invocation): Promise<number> {
	const result = await readDocument(args[0] as string, {strict: !flags.skipInvalid});
	if (!result.ok) {
		const code = reportProblems(result.problems, result.omitted);
		if (result.problems.some((problem) => problem.item !== undefined)) {
			process.stderr.write(
				'timescope: nothing written; --skip-invalid writes the items that can be read and lists those left out\n',
			);
		}
		return code;
	}
	if (flags.as === 'timelinejs') {
		// The exporter (and the importer code it reads slides back with) loads only when asked for.
		const {toTimelineJs} = await import('../../output/timelinejs.js');
		write(toSafeJson(toTimelineJs(result.doc)));
	} else {
		write(toSafeJson(result.doc));
	}
	// Notes (a date read in part) are said too; they leave nothing out.
	return reportOpened(result);
}
