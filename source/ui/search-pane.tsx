import {Box} from 'ink';
import {memo} from 'react';
import {formatDate} from '../dataset/dates.js';
import type {SearchHit} from '../search/quote-search.js';
import {display} from '../state/display.js';
import {layoutOf, resultsPerPage} from '../state/layout.js';
import {isPending} from '../state/search.js';
import type {State} from '../state/state.js';
import {cellWidth} from '../text/cells.js';
import {splitRuns} from '../text/highlight.js';
import {fitRuns, run, spread} from './fit.js';
import {Line, type Run} from './theme.js';

/** The search line and its results: each quote with matched characters highlighted, speaker, date. */
export function SearchPane({state, width, height}: {state: State; width: number; height: number}) {
	const {search} = state;
	const focused = state.focus === 'list';
	const lines = [<SearchLine key="query" state={state} width={width} focused={focused} />];
	const outcome = search.outcome;
	if (search.query.trim() === '') {
		for (const [i, text] of SYNTAX_HELP.entries())
			lines.push(<Line key={`help${i}`} runs={fitRuns([run(text, 'dim')], width)} />);
	} else if (outcome) {
		const perPage = resultsPerPage(layoutOf(state));
		const shown = outcome.hits.slice(search.top, search.top + perPage);
		shown.forEach((hit, i) => {
			const index = search.top + i;
			lines.push(
				<ResultRows
					key={`r${index}`}
					hit={hit}
					width={width}
					selected={index === search.selected ? (focused ? 'focused' : 'marked') : 'no'}
				/>,
			);
		});
	}
	return (
		<Box flexDirection="column" width={width} height={height}>
			{lines}
		</Box>
	);
}

const SYNTAX_HELP = [
	'Type to search every quote (text, speaker, event title).',
	'  word      fuzzy match       @name   only that speaker',
	"  'word     exact match       !word   without word",
	'  ^word     starts with       word$   ends with',
	'  a | b     either',
];

function SearchLine({state, width, focused}: {state: State; width: number; focused: boolean}) {
	const {query, caret, indexing, indexError, outcome} = state.search;
	let status: Run;
	if (indexError) status = run('search unavailable', 'error');
	else if (indexing) status = run(`indexing… ${state.search.indexed}%`, 'dim');
	else if (query.trim() === '') status = run('');
	else if (isPending(state)) status = run(`searching… (${outcome ? outcome.total : 0})`, 'dim');
	else if (outcome && outcome.total === 0) status = run('no quotes match', 'error');
	else if (outcome) {
		const count = `${outcome.total}${outcome.atLeast ? '+' : ''}`;
		const shown = outcome.hits.length < outcome.total ? ` (top ${outcome.hits.length})` : '';
		status = run(`${count} match${count === '1' ? '' : 'es'}${shown}`, 'accent');
	} else status = run('');
	// The caret is drawn (the terminal cursor stays hidden): the character under it in inverse.
	const text = display(query);
	const at = Math.min(caret, text.length);
	const [next] = graphemes.segment(text.slice(at));
	const under = next?.segment ?? '';
	const field: Run[] = focused
		? [
				run('/ ', 'label'),
				run(text.slice(0, at)),
				run(under || ' ', 'selected'),
				run(text.slice(at + under.length)),
			]
		: [run('/ ', 'label'), run(text)];
	const left = fitField(field, width - cellWidth(status.text) - 2);
	return <Line runs={spread(left, status.text ? [status] : [], width)} />;
}

const graphemes = new Intl.Segmenter(undefined, {granularity: 'grapheme'});

/** Keep the caret in view when the query is longer than the line: drop typed text from the start. */
function fitField(field: Run[], width: number): Run[] {
	const cells = (runs: Run[]) => runs.reduce((sum, r) => sum + cellWidth(r.text), 0);
	const [prompt, before, ...rest] = field;
	if (cells(field) <= width || !prompt || !before) return field;
	let kept = [...graphemes.segment(before.text)].map((g) => g.segment);
	while (kept.length > 0 && cells([prompt, run(`…${kept.join('')}`), ...rest]) > width) kept = kept.slice(1);
	return [prompt, run(`…${kept.join('')}`), ...rest];
}

const ResultRows = memo(function ResultRows({
	hit,
	width,
	selected,
}: {
	hit: SearchHit;
	width: number;
	selected: 'focused' | 'marked' | 'no';
}) {
	const {quote} = hit;
	const marker = selected !== 'no' ? '▸ ' : '  ';
	const [open, close] = quote.kind === 'paraphrase' ? ['', ''] : ['“', '”'];
	const body = matchedRuns(display(hit.text), hit.textRanges, width - 2 - open.length);
	const speaker = display(quote.speaker.name);
	const event = quote.events[0];
	const when = quote.said
		? `said ${formatDate(quote.said)}`
		: event
			? `event ${formatDate(event.date)}`
			: 'date not given';
	const base = selected === 'focused' ? 'selected' : selected === 'marked' ? 'dimSelected' : undefined;
	return (
		<>
			<Line runs={fitRuns([run(marker), run(open), ...body, run(close)], width)} base={base} />
			<Line
				runs={fitRuns(
					[
						run('    — '),
						...splitRuns(speaker, hit.speakerRanges).map((r) => run(r.text, r.match ? 'match' : 'accent')),
						run(` · ${when}`, 'dim'),
					],
					width,
				)}
				base={base}
			/>
		</>
	);
});

/**
 * The quote with its matched characters marked, shifted so the first match is on screen when the
 * quote is longer than the line (an ellipsis shows the cut).
 */
function matchedRuns(text: string, ranges: SearchHit['textRanges'], width: number): Run[] {
	const first = ranges.reduce((min, [start]) => Math.min(min, start), Number.POSITIVE_INFINITY);
	let offset = 0;
	if (Number.isFinite(first) && cellWidth(text.slice(0, first + 1)) > width - 8) {
		offset = Math.max(0, first - 12);
		while (offset > 0 && text[offset - 1] !== ' ' && first - offset < 24) offset--;
	}
	const shifted = ranges.map(([s, e]) => [s - offset, e - offset] as const).filter(([, e]) => e >= 0);
	const runs = splitRuns(text.slice(offset), shifted).map((r) => run(r.text, r.match ? 'match' : 'plain'));
	return offset > 0 ? [run('…'), ...runs] : runs;
}
