import {Box} from 'ink';
import {memo} from 'react';
import {isWhole} from '../dataset/filter.js';
import {actorLabel, type TimelineEvent} from '../dataset/model.js';
import {display} from '../state/display.js';
import {needsCheck} from '../state/draft.js';
import {
	dateLabel,
	dateLines,
	GAP,
	type ListColumns,
	listColumns,
	rowsOnScreen,
} from '../state/list-columns.js';
import {markedEvents} from '../state/marks.js';
import {inForce} from '../state/search.js';
import type {State} from '../state/state.js';
import {cellWidth, padCells, truncateCells} from '../text/cells.js';
import {fitRuns, run} from './fit.js';
import {Line, type Run} from './theme.js';

/**
 * The timeline, windowed: only the rows on screen are built, whatever the number of events. Rows are
 * memoised, so moving the cursor re-renders the two rows whose selection changed. The first line is
 * always a group header: the current group's, when its own header has scrolled off.
 */
export function TimelineList({state, width, height}: {state: State; width: number; height: number}) {
	const {timeline, cursor, top} = state;
	const focused = state.focus === 'list';
	const hits = inForce(state) ? state.search.outcome?.events : undefined;
	const lines = [];
	if (timeline.events.length === 0) {
		const filtered = !isWhole(timeline.selection, state.dataset);
		const change = state.keymap.keysFor('timeline', {type: 'open', pane: 'facets'});
		const text = filtered
			? `No events match the filters${change ? ` (${change} changes them)` : ''}.`
			: 'No events in this dataset.';
		lines.push(<Line key="empty" runs={[run(text, 'dim')]} />);
	}
	const rows = rowsOnScreen(timeline, top, width, height).map((on) => on.row);
	const shownDates = rows.reduce(
		(most, row) =>
			row.kind === 'event'
				? Math.max(most, cellWidth(dateLabel(timeline.events[row.index] as TimelineEvent)))
				: most,
		0,
	);
	const columns = listColumns(timeline, width, shownDates);
	const marked = markedEvents(state.dataset, state.marks.items);
	rows.forEach((row, line) => {
		if (row.kind === 'header') {
			const size =
				(timeline.groupStart[row.group + 1] as number) - (timeline.groupStart[row.group] as number);
			lines.push(
				<GroupHeader
					key={line === 0 ? 'sticky' : `h${row.group}`}
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
	});
	// A wrapped date on the last row may reach past the bottom: it is cut there, never drawn over the
	// status bar.
	return (
		<Box flexDirection="column" width={width} height={height} overflowY="hidden">
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

/** Who the event is about: its actors, else the speakers of its quotes (three at most). */
function whoOf(event: TimelineEvent): string {
	const names =
		event.actors.length > 0
			? event.actors.slice(0, 3).map((actor) => actorLabel(event, actor))
			: [...new Set(event.quotes.map((quote) => quote.speaker.name))].slice(0, 3);
	return names.map(display).join(', ');
}

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
	columns: ListColumns;
}) {
	// ◇: an extracted item the extractor was unsure of, to check first.
	const marker = selected !== 'no' ? '▸ ' : hit ? '• ' : needsCheck(event) ? '◇ ' : '  ';
	const quotes = event.quotes.length;
	const count = quotes > 0 ? `❝${quotes}` : '';
	// A date wider than its column (a narrow terminal) is drawn whole, in the title's room; wider than
	// the row, it wraps, and the rest of the row follows its last line.
	const dates = dateLines(event, columns.width);
	const last = dates.at(-1) ?? '';
	const over = Math.max(0, cellWidth(last) - columns.date);
	const base = selected === 'focused' ? 'selected' : selected === 'marked' ? 'dimSelected' : undefined;
	const lead = dates.slice(0, -1).map((text, i) => (
		<Line
			// biome-ignore lint/suspicious/noArrayIndexKey: a date's lines have no identity but their place
			key={i}
			runs={fitRuns([run(i === 0 ? marker : '  '), run(text, 'accent')], columns.width)}
			base={base}
		/>
	));
	const runs: Run[] = [
		run(lead.length > 0 ? '  ' : marker, hit || marker === '◇ ' ? 'accent' : 'plain'),
		run(padCells(last, columns.date + over), 'accent'),
		run(' '.repeat(GAP)),
		// ★ before the title: marked (m), or holding a marked quote.
		...(marked ? [run('★ ', 'accent')] : []),
		run(padCells(display(event.title), Math.max(0, columns.title - over - (marked ? 2 : 0)))),
		run(count.padStart(columns.count), 'dim'),
	];
	if (columns.who > 0) runs.push(run(' '.repeat(GAP)), run(truncateCells(whoOf(event), columns.who), 'dim'));
	const row = <Line runs={fitRuns(runs, columns.width)} base={base} />;
	return lead.length === 0 ? (
		row
	) : (
		<>
			{lead}
			{row}
		</>
	);
});
