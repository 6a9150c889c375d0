import {Box} from 'ink';
import {memo} from 'react';
import {formatDate} from '../dataset/dates.js';
import {isWhole} from '../dataset/filter.js';
import type {Quote} from '../dataset/model.js';
import {quoteTime} from '../dataset/quote-time.js';
import {display} from '../state/display.js';
import {isMarked} from '../state/marks.js';
import {listOfQuotes} from '../state/panes/quotes.js';
import type {QuoteList} from '../state/quote-list.js';
import type {State} from '../state/state.js';
import {rowAt, rowCount} from '../state/timeline.js';
import {padCells, truncateCells} from '../text/cells.js';
import {fitRuns, run} from './fit.js';
import {Line, type Run} from './theme.js';
import {GroupHeader} from './timeline-list.js';

/**
 * The quotes view, windowed like the timeline: a header per date or speaker, then one line per quote
 * with the date it was said, its speaker (when grouped by date) and its words. A quote the search
 * found is marked •.
 */
export function QuotesList({state, width, height}: {state: State; width: number; height: number}) {
	const list = listOfQuotes(state);
	const {cursor, top} = state.panes.quotes;
	const focused = state.focus === 'list';
	const lines = [];
	if (list.quotes.length === 0) {
		lines.push(<Line key="empty" runs={fitRuns([run(emptyText(state), 'dim')], width)} />);
	}
	const found = foundQuotes(state);
	const columns = columnsFor(list, width);
	const end = Math.min(rowCount(list), top + height);
	for (let r = top; r < end && list.quotes.length > 0; r++) {
		const row = rowAt(list, r);
		if (row.kind === 'header') {
			const size = (list.groupStart[row.group + 1] as number) - (list.groupStart[row.group] as number);
			lines.push(
				<GroupHeader
					key={`h${row.group}`}
					label={display(list.labels[row.group] ?? '')}
					size={size}
					width={width}
				/>,
			);
		} else {
			const quote = list.quotes[row.index] as Quote;
			lines.push(
				<QuoteRow
					key={`q${row.index}`}
					quote={quote}
					selected={row.index === cursor ? (focused ? 'focused' : 'marked') : 'no'}
					found={found.has(quote)}
					marked={isMarked(state.marks, 'quote', quote.id)}
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

function emptyText(state: State): string {
	const search = state.keymap.keysFor('timeline', {type: 'open', pane: 'search'});
	const filters = state.keymap.keysFor('timeline', {type: 'open', pane: 'facets'});
	if (state.dataset.quotes.length === 0) {
		return `This timeline has no quotes.${search ? ` Press ${search} to search its events.` : ''}`;
	}
	if (!isWhole(state.timeline.selection, state.dataset)) {
		return `No quotes in the filtered timeline${filters ? ` (${filters} changes the filters)` : ''}.`;
	}
	return 'No quotes.';
}

const foundSets = new WeakMap<object, ReadonlySet<Quote>>();

/** The quotes among the current search's hits, for the • mark. */
function foundQuotes(state: State): ReadonlySet<Quote> {
	const {outcome, query} = state.search;
	if (!outcome || outcome.query !== query || !outcome.ranked) return new Set();
	let found = foundSets.get(outcome);
	if (!found) {
		const set = new Set<Quote>();
		for (let i = 0; i < outcome.hits.length; i++) {
			const hit = outcome.hits.at(i);
			if (hit?.kind === 'quote') set.add(hit.quote);
		}
		found = set;
		foundSets.set(outcome, found);
	}
	return found;
}

interface Columns {
	readonly width: number;
	readonly date: number;
	/** 0 when grouped by speaker (the header names them). */
	readonly speaker: number;
}

const columnCache = new WeakMap<QuoteList, Columns>();

// One object per list and width, so memoised rows see unchanged props between frames.
function columnsFor(list: QuoteList, width: number): Columns {
	const cached = columnCache.get(list);
	if (cached?.width === width) return cached;
	const date = Math.max(8, Math.min(list.dateWidth, width - 24));
	const speaker = list.by === 'date' && width >= 60 ? Math.min(24, Math.floor(width * 0.2)) : 0;
	const columns = {width, date, speaker};
	columnCache.set(list, columns);
	return columns;
}

const QuoteRow = memo(function QuoteRow({
	quote,
	selected,
	found,
	marked,
	columns,
}: {
	quote: Quote;
	selected: 'focused' | 'marked' | 'no';
	found: boolean;
	marked: boolean;
	columns: Columns;
}) {
	const marker = selected !== 'no' ? '▸ ' : found ? '• ' : '  ';
	const time = quoteTime(quote);
	const [open, close] = quote.kind === 'paraphrase' ? ['', ''] : ['“', '”'];
	const runs: Run[] = [
		run(marker, found ? 'accent' : 'plain'),
		run(padCells(time ? formatDate(time) : 'no date', columns.date), time ? 'accent' : 'dim'),
		run('  '),
	];
	if (columns.speaker > 0) {
		runs.push(
			run(padCells(truncateCells(display(quote.speaker.name), columns.speaker), columns.speaker), 'dim'),
		);
		runs.push(run('  '));
	}
	// ★ before the words: marked (m).
	if (marked) runs.push(run('★ ', 'accent'));
	runs.push(run(`${open}${display(quote.text)}${close}`));
	const base = selected === 'focused' ? 'selected' : selected === 'marked' ? 'dimSelected' : undefined;
	return <Line runs={fitRuns(runs, columns.width)} base={base} />;
});
