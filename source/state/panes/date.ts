import {formatDate} from '../../dataset/dates.js';
import {anchorInstant} from '../../dataset/edtf.js';
import {readDateInput} from '../date-input.js';
import {setCursor} from '../list.js';
import type {Pane} from '../pane.js';
import {type State, withPane} from '../state.js';
import {firstAtOrAfter} from '../timeline.js';

/** Go to a date: a prompt in the status line; Enter puts the cursor on the first event on or after it. */

export interface DatePrompt {
	readonly text: string;
	readonly caret: number;
	/** Why the last Enter did not go anywhere. */
	readonly error?: string;
}

/** Dates the prompt takes: the common ones under the prompt, all of them in its error. */
export const DATE_EXAMPLES = '31 Dec 2025, Dec 2025, 22 Dec, yesterday, 3 days ago';
const DATE_KINDS =
	'31 Dec 2025, Dec 2025, 22 Dec, yesterday, last week, 3 days ago, 2025-12-31, -0499 or Y-13800000000';

const EMPTY: DatePrompt = {text: '', caret: 0};

export const datePane: Pane<DatePrompt> = {
	title: 'Go to date',
	kind: 'prompt',
	initial: EMPTY,
	field: {
		get: (state) => state.panes.date,
		set: (state, field) => withPane(state, 'date', {text: field.text, caret: field.caret}),
	},
	open: (state) => withPane(state, 'date', EMPTY),
	commands: {submitDate},
};

function submitDate(state: State): State {
	const prompt = state.panes.date;
	const reference = state.dataset.reference;
	const target = readDateInput(prompt.text, reference ? anchorInstant(reference.date) : state.today);
	if (!target) return withPane(state, 'date', {...prompt, error: `expected a date such as ${DATE_KINDS}`});
	const {events} = state.timeline;
	const closed: State = {...state, overlay: undefined, beneath: undefined, view: 'timeline', focus: 'list'};
	if (events.length === 0) return {...closed, message: {text: 'no events to go to'}};
	const {datedCount} = state.timeline;
	if (datedCount === 0) return {...closed, message: {text: 'no event here has a date to go to'}};
	const index = firstAtOrAfter(state.timeline, target.min);
	if (index >= datedCount) {
		return {
			...setCursor(closed, datedCount - 1),
			message: {text: `no event on or after ${formatDate(target)}: showing the last dated one`},
		};
	}
	const event = events[index];
	return {
		...setCursor(closed, index),
		message: {
			text: `${formatDate(target)}: first event on or after is ${event ? formatDate(event.date) : ''}`,
		},
	};
}
