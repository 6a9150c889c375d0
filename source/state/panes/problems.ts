import type {Problem} from '../../dataset/problems.js';
import {showInDetail} from '../detail-view.js';
import {layoutFor} from '../layout.js';
import type {Pane} from '../pane.js';
import {type CursorAt, clickItem, cursorScroll} from '../scroll.js';
import {type State, withPane} from '../state.js';

/**
 * What loading found wrong with the file shown, one problem a row (each item left out, links
 * dropped, notes); the detail shows the selected one whole, with what it cost.
 */

const rows = (state: State) => layoutFor(state.size).bodyHeight;

function selected(state: State): Problem | undefined {
	return state.problems.problems[state.panes.problems.cursor];
}

const scroll = cursorScroll({
	count: (state) => state.problems.problems.length,
	rows,
	get: (state) => state.panes.problems,
	set: (state, at) => {
		const next = withPane(state, 'problems', at);
		const problem = selected(next);
		return problem ? showInDetail(next, {subject: {kind: 'problem', problem}}) : next;
	},
});

export const problemsPane: Pane<CursorAt> = {
	title: 'Problems',
	kind: 'list',
	item: 'problem',
	initial: {cursor: 0, top: 0},
	scroll,
	click: (state, line) => {
		const {cursor, top} = state.panes.problems;
		return clickItem(scroll, state, {cursor, count: state.problems.problems.length}, top + line);
	},
	position: (state) => {
		const {problems, omitted} = state.problems;
		if (problems.length === 0) return '0/0';
		const all = problems.length + omitted;
		return `${state.panes.problems.cursor + 1}/${problems.length}${omitted > 0 ? ` of ${all.toLocaleString('en-US')}` : ''}`;
	},
	subject: (state) => {
		const problem = selected(state);
		return problem && {subject: {kind: 'problem', problem}};
	},
	open: (state) => {
		const problem = selected(state);
		return problem ? showInDetail(state, {subject: {kind: 'problem', problem}}) : state;
	},
	commands: {
		openDetail: (state) => (selected(state) ? {...state, focus: 'detail'} : state),
	},
};
