import type {Dataset} from '../dataset/model.js';
import {errorCount, type ItemKind, type ProblemReport} from '../dataset/problems.js';

/**
 * `1 of 648 events, 2 lines left out`, or `3 problems` when nothing was left out but a link or a
 * field; undefined when there is nothing to say (no problems, or notes only).
 */
export function leftOutText(report: ProblemReport, dataset: Dataset): string | undefined {
	const kept: Record<ItemKind, number> = {
		actor: dataset.actors.size,
		place: dataset.places.size,
		source: dataset.sources.size,
		event: dataset.events.length,
		quote: dataset.quotes.length,
		era: dataset.eras.length,
	};
	const counted = (n: number, noun: string) => `${n.toLocaleString('en-US')} ${noun}${n === 1 ? '' : 's'}`;
	const parts = Object.entries(report.skipped).map(([kind, gone = 0]) =>
		kind === 'line'
			? counted(gone, 'line')
			: `${gone.toLocaleString('en-US')} of ${counted(gone + kept[kind as ItemKind], kind)}`,
	);
	if (parts.length > 0) return `${parts.join(', ')} left out`;
	const errors = errorCount(report);
	return errors > 0 ? counted(errors, 'problem') : undefined;
}
