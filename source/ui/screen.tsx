import {Box} from 'ink';
import type {ReactNode} from 'react';
import {modeOf} from '../state/keymap.js';
import {type Layout, screenLayout} from '../state/layout.js';
import {PANES} from '../state/panes.js';
import type {State} from '../state/state.js';
import {Header} from './header.js';
import {StatusBar} from './status-bar.js';
import {usePaint} from './theme.js';
import {TooSmall} from './too-small.js';
import {VIEWS} from './views.js';

/**
 * The whole frame: always exactly one line shorter than the terminal. The current pane's kind says
 * where it goes (`PaneKind`); `VIEWS` says what draws it.
 */
export function Screen({state}: {state: State}) {
	const layout = screenLayout(state);
	const {columns, height} = layout;
	if (layout.tooSmall) return <TooSmall columns={state.size.columns} rows={state.size.rows} />;
	const mode = modeOf(state);
	const {kind} = PANES[mode];
	const Current = VIEWS[mode];
	return (
		<Box flexDirection="column" width={columns} height={height}>
			{kind === 'overlay' ? (
				<Current state={state} width={columns} height={height - 1} />
			) : (
				<Main state={state} layout={layout} />
			)}
			{kind === 'prompt' ? (
				<Current state={state} width={columns} height={1} />
			) : (
				<StatusBar state={state} width={columns} />
			)}
		</Box>
	);
}

/** The header and the view's list, with the detail beside it when wide; narrow, the focused one alone. */
function Main({state, layout}: {state: State; layout: Layout}) {
	const {columns, height} = layout;
	const Detail = VIEWS.detail;
	if (!layout.wide && state.focus === 'detail') {
		return <Detail state={state} width={columns} height={layout.detailHeight} />;
	}
	const List = VIEWS[state.view];
	const list = <List state={state} width={layout.listWidth} height={layout.bodyHeight} />;
	return (
		<Box flexDirection="column" width={columns} height={height - 1}>
			<Header state={state} width={columns} />
			{layout.wide ? (
				<Box flexDirection="row" width={columns} height={layout.bodyHeight}>
					{list}
					<Beside
						width={columns - layout.listWidth}
						height={layout.bodyHeight}
						focused={state.focus === 'detail'}
					>
						<Detail state={state} width={columns - layout.listWidth - 1} height={layout.bodyHeight} />
					</Beside>
				</Box>
			) : (
				list
			)}
		</Box>
	);
}

/** The detail beside the list, a rule on its left: accented when the detail has the focus. */
function Beside({
	width,
	height,
	focused,
	children,
}: {
	width: number;
	height: number;
	focused: boolean;
	children: ReactNode;
}) {
	const paint = usePaint();
	// A border is drawn straight into Ink's output: much cheaper per frame than a column of text lines.
	return (
		<Box
			width={width}
			height={height}
			borderStyle="single"
			borderTop={false}
			borderRight={false}
			borderBottom={false}
			borderLeftColor={focused ? paint.accent.color : undefined}
			borderLeftDimColor={!focused}
		>
			{children}
		</Box>
	);
}
