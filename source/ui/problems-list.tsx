import {Box} from 'ink';
import {memo} from 'react';
import type {Problem} from '../dataset/problems.js';
import {display} from '../state/display.js';
import {fitRuns, run} from './fit.js';
import {Line} from './theme.js';
import type {PaneViewProps} from './views.js';

/** The problems found while loading, one a row: where (line:column), the JSON pointer, what is wrong. */
export function ProblemsList({state, width, height}: PaneViewProps) {
	const {problems, omitted} = state.problems;
	const {cursor, top} = state.panes.problems;
	const focused = state.focus === 'list';
	const lines = [];
	if (problems.length === 0) {
		lines.push(
			<Line
				key="none"
				runs={fitRuns([run('No problems: everything in the file is shown.', 'dim')], width)}
			/>,
		);
	}
	for (let i = top; i < Math.min(problems.length, top + height); i++) {
		lines.push(
			<ProblemRow
				key={i}
				problem={problems[i] as Problem}
				width={width}
				selected={i === cursor ? (focused ? 'focused' : 'marked') : 'no'}
			/>,
		);
	}
	if (omitted > 0 && top + height > problems.length && lines.length < height) {
		lines.push(<MoreLine key="more" omitted={omitted} width={width} />);
	}
	return (
		<Box flexDirection="column" width={width} height={height}>
			{lines}
		</Box>
	);
}

// A message quotes the data (a key, an id): only the part a row can show is drawn.
const SHOWN = 400;

const ProblemRow = memo(function ProblemRow({
	problem,
	width,
	selected,
}: {
	problem: Problem;
	width: number;
	selected: 'focused' | 'marked' | 'no';
}) {
	const at = problem.line === undefined ? '' : `${problem.line}:${problem.column ?? 1} `;
	const pointer = problem.pointer ? `${display(problem.pointer.slice(0, SHOWN))} ` : '';
	const note = problem.severity === 'note';
	const runs = [
		run(selected === 'no' ? '  ' : '▸ '),
		run(at, 'label'),
		run(pointer, 'dim'),
		run(display(problem.message.slice(0, SHOWN)), note ? 'dim' : 'plain'),
	];
	const base = selected === 'focused' ? 'selected' : selected === 'marked' ? 'dimSelected' : undefined;
	return <Line runs={fitRuns(runs, width)} base={base} />;
});

function MoreLine({omitted, width}: {omitted: number; width: number}) {
	const text = `  … and ${omitted.toLocaleString('en-US')} more problems, counted but not kept`;
	return <Line runs={fitRuns([run(text, 'dim')], width)} />;
}
