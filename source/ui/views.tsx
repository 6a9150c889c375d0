import type {ReactNode} from 'react';
import type {Mode} from '../state/panes.js';
import type {State} from '../state/state.js';
import {DatePrompt} from './date-prompt.js';
import {DetailPane} from './detail-pane.js';
import {ExportPrompt} from './export-prompt.js';
import {FacetPicker} from './facet-picker.js';
import {HelpOverlay} from './help-overlay.js';
import {MarksList} from './marks-list.js';
import {ProblemsList} from './problems-list.js';
import {QuotesList} from './quotes-list.js';
import {SearchPane} from './search-pane.js';
import {TimelineList} from './timeline-list.js';

export interface PaneViewProps {
	readonly state: State;
	readonly width: number;
	/** Lines it has: a list's body, an overlay's screen, a prompt's one line. */
	readonly height: number;
}

/** What draws each pane, by mode: the registry's table of views (`state/panes.ts` has the panes). */
export const VIEWS: Record<Mode, (props: PaneViewProps) => ReactNode> = {
	timeline: TimelineList,
	detail: DetailPane,
	search: SearchPane,
	marks: MarksList,
	quotes: QuotesList,
	problems: ProblemsList,
	date: DatePrompt,
	export: ExportPrompt,
	facets: FacetPicker,
	facetFilter: FacetPicker,
	help: HelpOverlay,
};
