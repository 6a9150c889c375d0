import {Box} from 'ink';
import {memo} from 'react';
import {formatDate} from '../dataset/dates.js';
import {display} from '../state/display.js';
import type {Marked} from '../state/marks.js';
import {markListRows, markRows} from '../state/panes/marks.js';
import type {Timeline} from '../state/timeline.js';
import {cellWidth, padCells} from '../text/cells.js';
import {fitRuns, run} from './fit.js';
import {Line, type Run} from './theme.js';
import type {PaneViewProps} from './views.js';

/** The marks, one row each: ★ an event, ❝ a quote, ✗ one no longer in the data; then its date and words. */
export function MarksList({state, width, height}: PaneViewProps) {
	const rows = markRows(state);
	const {cursor, top} = state.panes.marks;
	const focused = state.focus === 'list';
	const count = `${rows.length} mark${rows.length === 1 ? '' : 's'}`;
	const kept =
		state.marks.store === undefined
			? 'for this session only (the data came from standard input)'
			: 'kept for this file between sessions';
	const lines = [<Line key="title" runs={fitRuns([run(`Marks · ${count} · ${kept}`, 'title')], width)} />];
	if (rows.length === 0) {
		const key = state.keymap.keysFor('timeline', {type: 'mark'});
		const how = key ? `${key} in the timeline marks an event, in the detail a quote.` : '';
		lines.push(<Line key="none" runs={fitRuns([run(`No marks yet. ${how}`, 'dim')], width)} />);
	}
	const dates = dateWidth(rows);
	const end = Math.min(rows.length, top + markListRows(state), top + height - 1);
	for (let i = top; i < end; i++) {
		const marked = rows[i] as Marked;
		lines.push(
			<MarkRow
				key={`${marked.mark.kind}:${marked.mark.id}`}
				marked={marked}
				timeline={state.timeline}
				dates={dates}
				width={width}
				selected={i === cursor ? (focused ? 'focused' : 'marked') : 'no'}
			/>,
		);
	}
	return (
		<Box flexDirection="column" width={width} height={height}>
			{lines}
		</Box>
	);
}

const MAX_DATE = 26;

function dateOf(marked: Marked): string {
	if (marked.kind === 'event') return formatDate(marked.event.date);
	if (marked.kind === 'quote') {
		const date = marked.quote.said ?? marked.quote.events[0]?.date;
		return date ? formatDate(date) : 'undated';
	}
	return 'missing';
}

function dateWidth(rows: readonly Marked[]): number {
	return Math.min(MAX_DATE, Math.max(7, ...rows.slice(0, 500).map((marked) => cellWidth(dateOf(marked)))));
}

const GLYPH = {event: '★', quote: '❝', missing: '✗'} as const;

const MarkRow = memo(function MarkRow({
	marked,
	timeline,
	dates,
	width,
	selected,
}: {
	marked: Marked;
	timeline: Timeline;
	dates: number;
	width: number;
	selected: 'focused' | 'marked' | 'no';
}) {
	const event =
		marked.kind === 'event' ? marked.event : marked.kind === 'quote' ? marked.quote.events[0] : undefined;
	const hidden = event !== undefined && timeline.indexOf(event) < 0;
	const label = display(marked.mark.label);
	const runs: Run[] = [
		run(selected === 'no' ? '  ' : '▸ '),
		run(`${GLYPH[marked.kind]} `, marked.kind === 'missing' ? 'error' : 'accent'),
		run(padCells(dateOf(marked), dates), marked.kind === 'missing' ? 'error' : 'accent'),
		run('  '),
	];
	if (marked.kind === 'missing') {
		runs.push(
			run(`${marked.mark.kind} ${display(marked.mark.id)} · `, 'dim'),
			run(label),
			run(' · not in the data any more', 'dim'),
		);
	} else {
		runs.push(run(label, hidden ? 'dim' : 'plain'));
		if (hidden) runs.push(run(' · hidden by the filters', 'dim'));
	}
	const base = selected === 'focused' ? 'selected' : selected === 'marked' ? 'dimSelected' : undefined;
	return <Line runs={fitRuns(runs, width)} base={base} />;
});
