import {Box} from 'ink';
import type {ReactNode} from 'react';
import {layoutFor} from '../state/layout.js';
import type {State} from '../state/state.js';
import {DetailPane} from './detail-pane.js';
import {FacetPicker} from './facet-picker.js';
import {Header} from './header.js';
import {HelpOverlay} from './help-overlay.js';
import {SearchPane} from './search-pane.js';
import {StatusBar} from './status-bar.js';
import {usePaint} from './theme.js';
import {TimelineList} from './timeline-list.js';
import {TooSmall} from './too-small.js';

/** The whole frame: always exactly one line shorter than the terminal. */
export function Screen({state}: {state: State}) {
	const layout = layoutFor(state.size);
	const {columns, height} = layout;
	if (layout.tooSmall) return <TooSmall columns={state.size.columns} rows={state.size.rows} />;

	let body: ReactNode;
	if (state.overlay === 'help') {
		body = <HelpOverlay scroll={state.helpScroll} width={columns} height={height - 1} />;
	} else if (state.overlay === 'facets') {
		body = <FacetPicker state={state} width={columns} height={height - 1} />;
	} else if (!layout.wide && state.focus === 'detail') {
		body = <DetailPane state={state} width={columns} height={layout.detailHeight} />;
	} else {
		const list =
			state.view === 'search' ? (
				<SearchPane state={state} width={layout.listWidth} height={layout.bodyHeight} />
			) : (
				<TimelineList state={state} width={layout.listWidth} height={layout.bodyHeight} />
			);
		body = (
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
							<DetailPane state={state} width={columns - layout.listWidth - 1} height={layout.bodyHeight} />
						</Beside>
					</Box>
				) : (
					list
				)}
			</Box>
		);
	}
	return (
		<Box flexDirection="column" width={columns} height={height}>
			{body}
			<StatusBar state={state} width={columns} />
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
