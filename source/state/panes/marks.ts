import type {Shown} from '../detail.js';
import {showInDetail} from '../detail-view.js';
import {screenLayout} from '../layout.js';
import {setCursor} from '../list.js';
import {type Marked, resolveMarks, toggleMark} from '../marks.js';
import type {Pane} from '../pane.js';
import {type CursorAt, clickItem, cursorScroll} from '../scroll.js';
import {type State, withPane} from '../state.js';

/**
 * The marks list (M): every mark of this dataset, one row each in timeline order, the missing ones
 * last; the detail shows the marked event, or a marked quote in its event. Enter goes to it in the
 * timeline; m takes the mark away.
 */

export function markRows(state: State): readonly Marked[] {
	return resolveMarks(state.dataset, state.marks.items);
}

export function selectedMark(state: State): Marked | undefined {
	return markRows(state)[state.panes.marks.cursor];
}

function shownOf(state: State, marked: Marked | undefined): Shown | undefined {
	if (!marked || marked.kind === 'missing') return undefined;
	if (marked.kind === 'event') return {subject: {kind: 'event', event: marked.event}};
	const {quote} = marked;
	const event = quote.events.find((e) => state.timeline.indexOf(e) >= 0) ?? quote.events[0];
	return {subject: event ? {kind: 'event', event} : {kind: 'quote', quote}};
}

/** The detail on the selected mark: its event from the top, or the marked quote selected in it. */
function follow(state: State): State {
	const marked = selectedMark(state);
	return showInDetail(state, shownOf(state, marked), marked?.kind === 'quote' ? marked.quote : undefined);
}

/** Rows of marks on screen: the list's first line says how many there are and where they are kept. */
export function markListRows(state: State): number {
	return Math.max(1, screenLayout(state).bodyHeight - 1);
}

const scroll = cursorScroll({
	count: (state) => markRows(state).length,
	rows: markListRows,
	get: (state) => state.panes.marks,
	set: (state, at) => {
		const next = withPane(state, 'marks', at);
		return next.view === 'marks' ? follow(next) : next;
	},
});

export const marksPane: Pane<CursorAt> = {
	title: 'Marks',
	kind: 'list',
	item: 'mark',
	initial: {cursor: 0, top: 0},
	scroll,
	position: (state) => {
		const total = markRows(state).length;
		return total === 0 ? '0/0' : `${state.panes.marks.cursor + 1}/${total}`;
	},
	subject: (state) => shownOf(state, selectedMark(state)),
	selectedQuote: (state) => {
		const marked = selectedMark(state);
		return marked?.kind === 'quote' ? marked.quote : undefined;
	},
	open: (state) => follow(scroll.clamp(state)),
	// The first line says how many marks there are; a row a mark below it.
	click: (state, line) => {
		const {cursor, top} = state.panes.marks;
		return line < 1
			? undefined
			: clickItem(scroll, state, {cursor, count: markRows(state).length}, top + line - 1);
	},
	commands: {
		openDetail: goTo,
		mark: (state) => {
			const marked = selectedMark(state);
			if (!marked) return {...state, message: {text: 'no marks yet'}};
			const {marks} = toggleMark(state.marks, marked.mark);
			const next = follow(scroll.clamp({...state, marks}));
			const left = marks.items.length;
			return {
				...next,
				message: {
					text: `unmarked ${marked.mark.kind} ${marked.mark.label} · ${left} mark${left === 1 ? '' : 's'}`,
				},
			};
		},
	},
};

/** Enter: the marked event in the timeline, its detail open (on the marked quote). */
function goTo(state: State): State {
	const marked = selectedMark(state);
	if (!marked) return {...state, message: {text: 'no marks yet'}};
	if (marked.kind === 'missing') {
		return {
			...state,
			message: {
				text: `${marked.mark.kind} ${marked.mark.id} is not in the data any more (kept in case it comes back)`,
			},
		};
	}
	const shown = shownOf(state, marked);
	const event = shown?.subject.kind === 'event' ? shown.subject.event : undefined;
	const index = event ? state.timeline.indexOf(event) : -1;
	if (index < 0) {
		const why = event ? 'hidden by the filters' : 'a quote of no event, so not in the timeline';
		return {...state, focus: 'detail', message: {text: `${marked.mark.label}: ${why}`}};
	}
	const moved = setCursor({...state, view: 'timeline', focus: 'detail'}, index);
	return showInDetail(moved, shown, marked.kind === 'quote' ? marked.quote : undefined);
}
