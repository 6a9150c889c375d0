import {Box} from 'ink';
import {memo} from 'react';
import {formatDate} from '../dataset/dates.js';
import type {EdtfDate} from '../dataset/edtf.js';
import {isWhole} from '../dataset/filter.js';
import {actorLabel, type TimelineEvent} from '../dataset/model.js';
import {display} from '../state/display.js';
import {needsCheck} from '../state/draft.js';
import {markedEvents} from '../state/marks.js';
import type {State} from '../state/state.js';
import {rowAt, rowCount, type Timeline} from '../state/timeline.js';
import {cellWidth, padCells, truncateCells} from '../text/cells.js';
import {fitRuns, run} from './fit.js';
import {Line, type Run} from './theme.js';

/**
 * The timeline, windowed: only the rows on screen are built, whatever the number of events. Rows are
 * memoised, so moving the cursor re-renders the two rows whose selection changed.
 */
export function TimelineList({state, width, height}: {state: State; width: number; height: number}) {
	const {timeline, cursor, top} = state;
	const focused = state.focus === 'list';
	const hits = state.search.outcome?.query === state.search.query ? state.search.outcome.events : undefined;
	const columns = columnsFor(timeline, width);
	const lines = [];
	if (timeline.events.length === 0) {
		const filtered = !isWhole(timeline.selection, state.dataset);
		const change = state.keymap.keysFor('timeline', {type: 'open', pane: 'facets'});
		const text = filtered
			? `No events match the filters${change ? ` (${change} changes them)` : ''}.`
			: 'No events in this dataset.';
		lines.push(<Line key="empty" runs={[run(text, 'dim')]} />);
	}
	const marked = markedEvents(state.dataset, state.marks.items);
	const end = Math.min(rowCount(timeline), top + height);
	for (let r = top; r < end && timeline.events.length > 0; r++) {
		const row = rowAt(timeline, r);
		if (row.kind === 'header') {
			const size =
				(timeline.groupStart[row.group + 1] as number) - (timeline.groupStart[row.group] as number);
			lines.push(
				<GroupHeader
					key={`h${row.group}`}
					label={timeline.groupLabels[row.group] ?? ''}
					size={size}
					width={width}
				/>,
			);
		} else {
			const event = timeline.events[row.index] as TimelineEvent;
			lines.push(
				<EventRow
					key={`e${row.index}`}
					event={event}
					selected={row.index === cursor ? (focused ? 'focused' : 'marked') : 'no'}
					hit={hits ? binaryHas(hits, row.index) : false}
					marked={marked.has(event)}
					columns={columns}
				/>,
			);
		}
	}
	return (
		<Box flexDirection="column" width={width} height={height}>
			{lines}
		</Box>
	);
}

function binaryHas(sorted: Int32Array, value: number): boolean {
	let lo = 0;
	let hi = sorted.length - 1;
	while (lo <= hi) {
		const mid = (lo + hi) >> 1;
		const at = sorted[mid] as number;
		if (at === value) return true;
		if (at < value) lo = mid + 1;
		else hi = mid - 1;
	}
	return false;
}

interface Columns {
	readonly width: number;
	readonly date: number;
	readonly title: number;
	readonly count: number;
	readonly actors: number;
}

const MARKER = 2;
const dateWidths = new WeakMap<readonly object[], number>();

/** A date column fits the widest date of (a sample of) the items, within limits. */
export function dateWidthOf<T extends object>(
	items: readonly T[],
	dateOf: (item: T) => EdtfDate | undefined,
): number {
	let width = dateWidths.get(items);
	if (width === undefined) {
		const step = Math.max(1, Math.floor(items.length / 2000));
		width = 4;
		for (let i = 0; i < items.length; i += step) {
			const date = dateOf(items[i] as T);
			if (date) width = Math.max(width, cellWidth(formatDate(date)));
		}
		width = Math.min(width, 26);
		dateWidths.set(items, width);
	}
	return width;
}

const columnCache = new WeakMap<Timeline, Columns>();

// One object per timeline and width, so memoised rows see unchanged props between frames.
function columnsFor(timeline: Timeline, width: number): Columns {
	const cached = columnCache.get(timeline);
	if (cached?.width === width) return cached;
	const columns = computeColumns(timeline, width);
	columnCache.set(timeline, columns);
	return columns;
}

function computeColumns(timeline: Timeline, width: number): Columns {
	const count = 4;
	// Dates keep their width (a cut range loses its end); titles keep at least 20 cells.
	const date = Math.max(
		8,
		Math.min(
			dateWidthOf(timeline.events, (event) => event.date),
			width - MARKER - 2 - count - 20,
		),
	);
	const actors = width >= 80 ? Math.min(28, Math.floor(width * 0.2)) : 0;
	const title = Math.max(1, width - MARKER - date - 2 - count - (actors > 0 ? actors + 2 : 0));
	return {width, date, title, count, actors};
}

export const GroupHeader = memo(function GroupHeader({
	label,
	size,
	width,
}: {
	label: string;
	size: number;
	width: number;
}) {
	const text = `── ${label} · ${size} `;
	return (
		<Line
			runs={fitRuns(
				[run(text, 'label'), run('─'.repeat(Math.max(0, width - cellWidth(text))), 'dim')],
				width,
			)}
		/>
	);
});

const EventRow = memo(function EventRow({
	event,
	selected,
	hit,
	marked,
	columns,
}: {
	event: TimelineEvent;
	selected: 'focused' | 'marked' | 'no';
	hit: boolean;
	marked: boolean;
	columns: Columns;
}) {
	// ◇: an extracted item the extractor was unsure of, to check first.
	const first = selected !== 'no' ? '▸' : hit ? '•' : needsCheck(event) ? '◇' : ' ';
	const quotes = event.quotes.length;
	const count = quotes > 0 ? `❝${quotes}` : '';
	const actors = event.actors
		.slice(0, 3)
		.map((actor) => display(actorLabel(event, actor)))
		.join(', ');
	const runs: Run[] = [
		run(`${first} `, hit || first === '◇' ? 'accent' : 'plain'),
		run(padCells(formatDate(event.date), columns.date), 'accent'),
		run('  '),
		// ★ before the title: marked (m), or holding a marked quote.
		...(marked ? [run('★ ', 'accent')] : []),
		run(padCells(display(event.title), columns.title - (marked ? 2 : 0))),
		run(count.padStart(columns.count), 'dim'),
	];
	if (columns.actors > 0) runs.push(run('  '), run(truncateCells(actors, columns.actors), 'dim'));
	const base = selected === 'focused' ? 'selected' : selected === 'marked' ? 'dimSelected' : undefined;
	return <Line runs={fitRuns(runs, columns.width)} base={base} />;
});
