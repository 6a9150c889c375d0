import {Box} from 'ink';
import {memo} from 'react';
import {formatDate} from '../dataset/dates.js';
import type {Kind, Scope, SearchHit} from '../search/searcher.js';
import {display} from '../state/display.js';
import {resultsPerPage, screenLayout} from '../state/layout.js';
import {isPending} from '../state/search.js';
import type {State} from '../state/state.js';
import {cellWidth} from '../text/cells.js';
import {graphemesOf} from '../text/graphemes.js';
import {splitRuns} from '../text/highlight.js';
import {fitRuns, run, spread} from './fit.js';
import {Line, type Run} from './theme.js';

/**
 * The search line and its results, two lines each: a quote with its matched characters marked, then
 * its speaker and date; an event or era with its title, then its date and the field that matched.
 * An empty line lists everything in time order.
 */
export function SearchPane({state, width, height}: {state: State; width: number; height: number}) {
	const {search} = state;
	const focused = state.focus === 'list';
	const lines = [<SearchLine key="query" state={state} width={width} focused={focused} />];
	const outcome = search.outcome;
	if (outcome) {
		const perPage = resultsPerPage(screenLayout(state));
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

/** In the empty line: what can be typed there. */
const PLACEHOLDER = "words, 'exact, ^start, end$, !not, a | b, @speaker, #tag";

/** The prompt says what the search is kept to. */
const PROMPTS: Record<Scope, string> = {all: '/ ', events: 'events / ', quotes: 'quotes / ', eras: 'eras / '};

function SearchLine({state, width, focused}: {state: State; width: number; focused: boolean}) {
	const {query, caret, indexing, indexError, outcome, scope} = state.search;
	let status: Run;
	if (indexError) status = run('search unavailable', 'error');
	else if (indexing) status = run(`indexing… ${state.search.indexed}%`, 'dim');
	else if (isPending(state)) status = run(`searching… (${outcome ? outcome.total : 0})`, 'dim');
	else if (outcome && outcome.total === 0)
		status = run(query.trim() === '' ? 'nothing here' : 'nothing matches', 'error');
	else if (outcome) {
		const shown =
			outcome.ranked && outcome.hits.length < outcome.total ? ` (top ${outcome.hits.length})` : '';
		const order = outcome.ranked ? '' : ' · in time order';
		status = run(`${countsText(outcome.counts)}${shown}${order}`, 'accent');
	} else status = run('');
	const prompt = run(PROMPTS[scope], 'label');
	// The caret is drawn (the terminal cursor stays hidden): the character under it in inverse.
	const text = display(query);
	const at = Math.min(caret, text.length);
	const next = graphemesOf(text.slice(at)).next().value;
	const under = next?.segment ?? '';
	const field: Run[] = focused
		? [prompt, run(text.slice(0, at)), run(under || ' ', 'selected'), run(text.slice(at + under.length))]
		: [prompt, run(text)];
	// An empty line says what it takes, after the caret (cut at its end when the line is short).
	const left =
		text === ''
			? [...field, run(` ${PLACEHOLDER}`, 'dim')]
			: fitField(field, width - cellWidth(status.text) - 2);
	return <Line runs={spread(left, status.text ? [status] : [], width)} />;
}

const NOUNS: Record<Kind, [string, string]> = {
	era: ['era', 'eras'],
	event: ['event', 'events'],
	quote: ['quote', 'quotes'],
};

/** `12 events · 40 quotes`, kinds without a match left out. */
export function countsText(counts: Readonly<Record<Kind, number>>): string {
	return (['era', 'event', 'quote'] as const)
		.filter((kind) => counts[kind] > 0)
		.map((kind) => `${counts[kind].toLocaleString('en')} ${NOUNS[kind][counts[kind] === 1 ? 0 : 1]}`)
		.join(' · ');
}

/**
 * Keep the caret in view when the query is longer than the line: drop typed text from the start.
 * One pass from the caret back, each grapheme measured once.
 */
function fitField(field: Run[], width: number): Run[] {
	const cells = (runs: Run[]) => runs.reduce((sum, r) => sum + cellWidth(r.text), 0);
	const [prompt, before, ...rest] = field;
	if (cells(field) <= width || !prompt || !before) return field;
	const room = width - cells([prompt, ...rest]) - 1;
	const kept = [...graphemesOf(before.text)];
	let used = 0;
	let from = kept.length;
	while (from > 0) {
		const w = cellWidth((kept[from - 1] as {segment: string}).segment);
		if (used + w > room) break;
		used += w;
		from--;
	}
	const tail = from < kept.length ? before.text.slice((kept[from] as {index: number}).index) : '';
	return [prompt, run(`…${tail}`), ...rest];
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
	const marker = selected !== 'no' ? '▸ ' : '  ';
	const base = selected === 'focused' ? 'selected' : selected === 'marked' ? 'dimSelected' : undefined;
	const [open, close] = hit.kind === 'quote' && hit.quote.kind !== 'paraphrase' ? ['“', '”'] : ['', ''];
	const body = matchedRuns(
		display(hit.text),
		hit.textRanges,
		width - 2 - open.length,
		hit.kind === 'quote' ? 'plain' : 'title',
	);
	const kind = run(`  ${hit.kind.padEnd(6)}`, 'dim');
	let second: Run[];
	if (hit.kind === 'quote') {
		const {quote} = hit;
		const speaker = display(quote.speaker.name);
		const event = quote.events[0];
		const when = quote.said
			? `said ${formatDate(quote.said)}`
			: event
				? `event ${formatDate(event.date)}`
				: 'date not given';
		second = [
			kind,
			run('— '),
			...splitRuns(speaker, hit.speakerRanges).map((r) => run(r.text, r.match ? 'match' : 'accent')),
			run(` · ${when}`, 'dim'),
		];
	} else {
		const date = formatDate(hit.kind === 'event' ? hit.event.date : hit.era.date);
		second = [kind, run(date, 'accent')];
		if (hit.field) {
			second.push(run(` · ${hit.field.name}: `, 'dim'));
			second.push(...matchedRuns(display(hit.field.text), hit.field.ranges, width - 30, 'plain'));
		}
	}
	return (
		<>
			<Line runs={fitRuns([run(marker), run(open), ...body, run(close)], width)} base={base} />
			<Line runs={fitRuns(second, width)} base={base} />
		</>
	);
});

/**
 * The quote with its matched characters marked, shifted so the first match is on screen when the
 * quote is longer than the line (an ellipsis shows the cut).
 */
function matchedRuns(
	text: string,
	ranges: SearchHit['textRanges'],
	width: number,
	paint: 'plain' | 'title',
): Run[] {
	const first = ranges.reduce((min, [start]) => Math.min(min, start), Number.POSITIVE_INFINITY);
	let offset = 0;
	if (Number.isFinite(first) && cellWidth(text.slice(0, first + 1)) > width - 8) {
		offset = Math.max(0, first - 12);
		while (offset > 0 && text[offset - 1] !== ' ' && first - offset < 24) offset--;
	}
	const shifted = ranges.map(([s, e]) => [s - offset, e - offset] as const).filter(([, e]) => e >= 0);
	const runs = splitRuns(text.slice(offset), shifted).map((r) => run(r.text, r.match ? 'match' : paint));
	return offset > 0 ? [run('…'), ...runs] : runs;
}
