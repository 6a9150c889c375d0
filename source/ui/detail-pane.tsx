import {Box} from 'ink';
import {memo} from 'react';
import type {DocLine} from '../state/detail.js';
import {detailView} from '../state/detail-nav.js';
import {DETAIL_GUTTER} from '../state/layout.js';
import {isMarked} from '../state/marks.js';
import {PANES} from '../state/panes.js';
import type {State} from '../state/state.js';
import {fitRuns, run} from './fit.js';
import {Line} from './theme.js';

/**
 * The detail of the cursor's event (or the selected search hit's), scrolled on its own under its
 * pinned date and title. A bar in the gutter marks the selected quote: the one `y` copies and `o`
 * takes its source from.
 */
export function DetailPane({state, width, height}: {state: State; width: number; height: number}) {
	const view = detailView(state);
	const focused = state.focus === 'detail';
	const lines = [];
	if (!view) {
		const item = PANES[state.view].item ?? 'item';
		lines.push(<Line key="none" runs={[run(`No ${item} selected.`, 'dim')]} />);
	} else {
		const {doc, pinned} = view;
		const {scroll, quote} = state.detail;
		const bar = (line: DocLine) =>
			line.quote !== undefined && line.quote === quote ? (focused ? 'focused' : 'marked') : 'no';
		// A marked quote has ★ in the gutter on its first line.
		const starred = new Set(
			doc.quotes.flatMap((q, i) => (isMarked(state.marks, 'quote', q.id) ? [doc.quoteLines[i]?.[0]] : [])),
		);
		for (let i = 0; i < pinned; i++) {
			lines.push(
				<DetailLine
					key={`h${i}`}
					line={doc.lines[i] as DocLine}
					width={width}
					bar="no"
					star={false}
					more={0}
				/>,
			);
		}
		const body = height - pinned;
		const last = doc.lines.length - 1;
		doc.lines.slice(pinned + scroll, pinned + scroll + body).forEach((line, i) => {
			const index = pinned + scroll + i;
			lines.push(
				<DetailLine
					key={index}
					line={line}
					width={width}
					bar={bar(line)}
					star={starred.has(index)}
					more={i === body - 1 && index < last ? last - index : 0}
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

const DetailLine = memo(function DetailLine({
	line,
	width,
	bar,
	star,
	more,
}: {
	line: DocLine;
	width: number;
	bar: 'focused' | 'marked' | 'no';
	star: boolean;
	/** On the last line on screen: how many lines are below it. */
	more: number;
}) {
	const gutter = bar === 'no' ? ' ' : '▌';
	const runs = [
		run(gutter, bar === 'focused' ? 'accent' : 'dim'),
		run(star ? '★' : ' ', 'accent'),
		run(' '.repeat(DETAIL_GUTTER - 2)),
		...line.spans.map((span) => run(span.text, span.tone, span.link)),
	];
	if (more > 0) {
		const note = ` ↓ ${more} more`;
		return <Line runs={[...fitRuns(runs, width - note.length), run(note, 'dim')]} />;
	}
	return <Line runs={fitRuns(runs, width)} />;
});
