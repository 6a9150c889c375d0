import {Box} from 'ink';
import {placeLabel} from '../dataset/dates.js';
import {eraOf} from '../dataset/eras.js';
import {describeFilters} from '../dataset/filter.js';
import type {TimelineEvent} from '../dataset/model.js';
import {display} from '../state/display.js';
import {draftBanner} from '../state/draft.js';
import {facetFilters} from '../state/facets.js';
import {headerLines} from '../state/layout.js';
import {leftOutText} from '../state/left-out.js';
import {subjectOf} from '../state/panes.js';
import type {State} from '../state/state.js';
import {GROUPING_NAMES} from '../state/timeline.js';
import {cellWidth, truncateCells} from '../text/cells.js';
import {eraBandRuns} from './era-band.js';
import {fitRuns, run, spread} from './fit.js';
import {sparklineFor} from './sparkline.js';
import {Line, type Run} from './theme.js';

/**
 * Title, counts and active filters, then the density sparkline with the cursor marked, the era band
 * when the dataset has eras, and the dates.
 */
export function Header({state, width}: {state: State; width: number}) {
	const {dataset, timeline} = state;
	// A draft says so first: the end of its banner may go, its start may not.
	const draft = draftBanner(dataset);
	const file = draft
		? truncateCells(display(draft), Math.floor(width / 2))
		: truncateStart(display(state.fileLabel), Math.floor(width / 3));
	const title = state.reloadError
		? reloadBanner(state.reloadError, width)
		: spread([run(display(dataset.title), 'title')], [run(file, draft ? 'error' : 'dim')], width);

	const events = timeline.events.length;
	const quotes = timeline.selection.quotes.length;
	const of = (shown: number, all: number, noun: string) =>
		`${shown === all ? '' : `${shown} of `}${all} ${noun}${all === 1 ? '' : 's'}`;
	const filters = filterText(state);
	const counts = fitRuns(
		[
			run(of(events, dataset.events.length, 'event')),
			run(' · '),
			run(of(quotes, dataset.quotes.length, 'quote')),
			...leftOutBanner(state),
			run(` · by ${GROUPING_NAMES[timeline.grouping]}`, 'dim'),
			...(filters ? [run(' · filters: ', 'dim'), run(filters, 'accent')] : []),
		],
		width,
	);

	const focusEvent = focusedEvent(state);
	const sparkline = sparklineFor(timeline, width);
	let bars: Run[] = [run(events === 0 ? 'no events' : 'no dates to plot', 'dim')];
	let axis: Run[] = [];
	let band: Run[] = [];
	if (sparkline && timeline.domain) {
		const at = sparkline.column(focusEvent ?? timeline.domain.first);
		const era = focusEvent && eraOf(dataset.eras, focusEvent);
		band = eraBandRuns(timeline, dataset.eras, width, era, at);
		if (at === undefined) {
			// The cursor's event gives only a bound: it has no place on the line, and the line says so.
			bars = [run(sparkline.text, 'accent')];
			axis = spread(
				[run(pointLabel(timeline.domain.first), 'dim')],
				[run('cursor: date not given  ', 'accent'), run(pointLabel(timeline.domain.last), 'dim')],
				width,
			);
		} else {
			bars = [
				run(sparkline.text.slice(0, at), 'accent'),
				run(sparkline.text[at] === ' ' ? '│' : (sparkline.text[at] as string), 'selected'),
				run(sparkline.text.slice(at + 1), 'accent'),
			];
			axis = axisRuns(timeline.domain.first, timeline.domain.last, focusEvent, at, width);
		}
	}
	const eras = dataset.eras.length > 0;
	return (
		<Box flexDirection="column" width={width} height={headerLines(dataset)}>
			<Line runs={title} />
			<Line runs={counts} />
			<Line runs={fitRuns(bars, width)} />
			{eras && <Line runs={fitRuns(band, width)} />}
			<Line runs={fitRuns(axis, width)} />
		</Box>
	);
}

/** Until a good version arrives, the title line says why the file on disk is not what is shown. */
function reloadBanner(error: {text: string; more: number}, width: number): Run[] {
	const more = error.more > 0 ? ` (and ${error.more} more)` : '';
	return fitRuns(
		[
			run('! reload failed: ', 'error'),
			run(display(error.text) + more),
			run(' · showing the last good version', 'dim'),
		],
		width,
	);
}

/** `· ! 1 of 648 events left out (! problems)`: what loading left out, and the key that lists it. */
function leftOutBanner(state: State): Run[] {
	const text = leftOutText(state.problems, state.dataset);
	if (text === undefined) return [];
	const keys = state.keymap.keysFor('timeline', {type: 'open', pane: 'problems'});
	return [
		run(' · '),
		run(`! ${text}`, 'error'),
		...(keys ? [run(' ('), run(keys, 'label'), run(' problems)', 'dim')] : []),
	];
}

function focusedEvent(state: State): TimelineEvent | undefined {
	const subject = subjectOf(state)?.subject;
	return subject?.kind === 'event' ? subject.event : undefined;
}

function pointLabel(event: TimelineEvent): string {
	return placeLabel(event.date);
}

/**
 * Under the sparkline: ▲ and the focused event's date at its column, the first and last dates at the
 * ends where they do not collide with it.
 */
function axisRuns(
	first: TimelineEvent,
	last: TimelineEvent,
	focus: TimelineEvent | undefined,
	at: number,
	width: number,
): Run[] {
	const marker = focus ? `▲ ${pointLabel(focus)}` : '▲';
	const markerWidth = cellWidth(marker);
	// The label reads to the right of the marker, or ends at it near the right edge.
	const markerStart = at + markerWidth <= width ? at : Math.max(0, at - markerWidth + 1);
	const text = at === markerStart ? marker : `${pointLabel(focus as TimelineEvent)} ▲`;
	const left = pointLabel(first);
	const right = pointLabel(last);
	const runs: Run[] = [];
	const leftFits = cellWidth(left) + 1 < markerStart;
	const rightStart = width - cellWidth(right);
	const rightFits = markerStart + markerWidth + 1 < rightStart;
	const before = leftFits ? left : '';
	runs.push(run(before, 'dim'), run(' '.repeat(Math.max(0, markerStart - cellWidth(before)))));
	runs.push(run(text, 'accent'));
	if (rightFits) {
		runs.push(run(' '.repeat(rightStart - markerStart - markerWidth)), run(right, 'dim'));
	}
	return runs;
}

/** Keep the end of a path, which names the file: `…/data/venezuela-us-dialogue.json`. */
function truncateStart(text: string, width: number): string {
	if (cellWidth(text) <= width) return text;
	const chars = [...text];
	while (chars.length > 0 && cellWidth(chars.join('')) > width - 1) chars.shift();
	return `…${chars.join('')}`;
}

function filterText(state: State): string {
	const {filters, dataset} = state;
	return display(
		[...describeFilters(dataset, filters), ...describeFilters(dataset, facetFilters(state.facets))].join(
			' · ',
		),
	);
}
