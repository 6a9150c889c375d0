import {detailView} from './detail-nav.js';
import {type Markable, markOf, toggleMark} from './marks.js';
import {PANES, subjectOf} from './panes.js';
import type {State} from './state.js';

/**
 * `m`: marking what is under the cursor, what the person is looking at: in a list, its row (a search
 * result's quote or event, a timeline event); in the detail, its selected quote, or the event when it
 * has none.
 */

export function markTarget(state: State): Markable | undefined {
	const quote =
		state.focus === 'detail'
			? detailView(state)?.doc.quotes[state.detail.quote]
			: PANES[state.view].selectedQuote?.(state);
	if (quote) return {kind: 'quote', quote};
	const subject = subjectOf(state)?.subject;
	if (subject?.kind === 'event') return {kind: 'event', event: subject.event};
	if (subject?.kind === 'quote') return {kind: 'quote', quote: subject.quote};
	return undefined;
}

export function markHere(state: State): State {
	const target = markTarget(state);
	if (!target) return {...state, message: {text: 'nothing here to mark'}};
	const mark = markOf(target);
	const {marks, on} = toggleMark(state.marks, mark);
	const count = marks.items.length;
	const session =
		marks.store === undefined ? ' · for this session only: the data came from standard input' : '';
	const text = `${on ? 'marked' : 'unmarked'} ${mark.kind} ${mark.label} · ${count} mark${count === 1 ? '' : 's'}${session}`;
	return {...state, marks, message: {text}};
}
