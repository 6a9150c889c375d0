import {describe, expect, it} from 'vitest';
import type {Pointer} from '../../source/state/input.js';
import {modeOf} from '../../source/state/keymap.js';
import {screenLayout} from '../../source/state/layout.js';
import {reducer} from '../../source/state/reducer.js';
import type {State} from '../../source/state/state.js';
import {rowOfEvent} from '../../source/state/timeline.js';
import {answer, cursorTitle, generated, loadFixture, NARROW, press, start, type, WIDE} from './helpers.js';

/** The mouse as the reducer sees it: cells (0-based) of the screen `ui/screen.tsx` draws. */

const small = loadFixture('small');

function pointer(state: State, p: Pointer): State {
	return reducer(state, {type: 'pointer', pointer: p});
}

const click = (state: State, column: number, line: number) =>
	pointer(state, {action: 'press', button: 'left', column, line});
const wheel = (state: State, column: number, line: number, dir: 1 | -1) =>
	pointer(state, {action: 'wheel', dir, column, line});

/** The screen line of a timeline event's row. */
function lineOf(state: State, index: number): number {
	const layout = screenLayout(state);
	const bodyTop = layout.height - 1 - layout.bodyHeight;
	return bodyTop + rowOfEvent(state.timeline, index) - state.top;
}

describe('a click', () => {
	it('selects the timeline row under it, and opens it when it was selected already', () => {
		const state = start(small);
		const third = click(state, 5, lineOf(state, 3));
		expect(cursorTitle(third)).toBe('Interview taped');
		expect(third.focus).toBe('list');
		const opened = click(third, 5, lineOf(third, 3));
		expect(opened.focus).toBe('detail');
		expect(cursorTitle(opened)).toBe('Interview taped');
	});

	it('on a group header or the header above the list selects nothing', () => {
		const state = start(small);
		expect(click(state, 5, lineOf(state, 0) - 1)).toBe(state);
		expect(click(state, 5, 0)).toBe(state);
	});

	it('in the detail beside the list focuses it and selects the quote under it', () => {
		let state = press(start(small), 'j', 'j', 'j');
		const layout = screenLayout(state);
		const bodyTop = layout.height - 1 - layout.bodyHeight;
		// Find the second quote's first line in the detail as drawn.
		const clicked = Array.from({length: layout.bodyHeight}, (_, line) =>
			click(state, layout.listWidth + 5, bodyTop + line),
		).find((next) => next.detail.quote === 1);
		expect(clicked?.focus).toBe('detail');
		state = clicked as State;
		expect(modeOf(state)).toBe('detail');
		// Back in the list with a click there.
		expect(click(state, 3, lineOf(state, 3)).focus).toBe('list');
	});

	it('on the rule between the panes, or the status bar, does nothing', () => {
		const state = start(small);
		const layout = screenLayout(state);
		expect(click(state, layout.listWidth, lineOf(state, 1))).toBe(state);
		expect(click(state, 3, layout.height - 1)).toBe(state);
		expect(click(state, 3, layout.height + 5)).toBe(state);
	});

	it('selects a search result, and opens its quote in its event on a second click', () => {
		let state = answer(type(press(start(small), '/'), 'maduro'));
		expect(state.search.outcome?.hits.length).toBeGreaterThan(1);
		const layout = screenLayout(state);
		const bodyTop = layout.height - 1 - layout.bodyHeight;
		// The query line, then two lines a result: the second result starts on body line 3.
		state = click(state, 4, bodyTop + 3);
		expect(state.search.selected).toBe(1);
		expect(modeOf(state)).toBe('search');
		state = click(state, 4, bodyTop + 4);
		expect(state.focus).toBe('detail');
		expect(state.detail.quote).toBeGreaterThanOrEqual(0);
	});

	it('narrow, on the full-screen detail, selects a quote there', () => {
		const state = press(start(small, {size: NARROW}), 'j', 'j', 'j', 'enter');
		expect(modeOf(state)).toBe('detail');
		const quotes = Array.from({length: 20}, (_, line) => click(state, 4, line).detail.quote);
		expect(new Set(quotes)).toEqual(new Set([0, 1]));
	});

	it('on the detail’s pinned date and title selects nothing, however far its body has scrolled', () => {
		let state = press(start(small, {size: {columns: 60, rows: 12}}), 'j', 'j', 'j', 'enter');
		expect(state.detail.quote).toBe(0);
		// Lines 0 and 1 are the pinned date and title, whatever the body under them shows (quotes too).
		let scrolls = 0;
		for (let previous = -1; state.detail.scroll !== previous; state = press(state, 'j'), scrolls++) {
			previous = state.detail.scroll;
			for (const quote of [0, 1]) {
				const selected = {...state, detail: {...state.detail, quote}};
				for (const line of [0, 1]) expect(click(selected, 4, line), `scrolled ${scrolls}`).toBe(selected);
			}
		}
		expect(scrolls).toBeGreaterThan(5);
	});

	it('reads the split as the person set it: + moves the rule, | hides the detail', () => {
		const state = press(start(small), 'j');
		const rule = screenLayout(state).listWidth;
		const wider = press(state, '+', '+');
		const moved = screenLayout(wider).listWidth;
		expect(moved).toBeLessThan(rule);
		const line = lineOf(wider, 3);
		// Just right of the new rule is the detail; the rule itself is nothing.
		expect(click(wider, moved + 1, line).focus).toBe('detail');
		expect(click(wider, moved, line)).toBe(wider);
		// Hidden: the list is the whole width, and a click where the detail was selects a row.
		const hidden = press(wider, '|');
		const selected = click(hidden, rule + 5, lineOf(hidden, 3));
		expect(selected.focus).toBe('list');
		expect(cursorTitle(selected)).toBe('Interview taped');
	});

	it('selects a row in the marks list and in the problems list, and opens it on a second click', () => {
		let marks = press(start(small, {marks: {items: [], store: '/x'}}), 'm', 'j', 'j', 'm', 'M');
		const layout = screenLayout(marks);
		const bodyTop = layout.height - 1 - layout.bodyHeight;
		// The marks list's first line is its title.
		marks = click(marks, 4, bodyTop + 2);
		expect(marks.panes.marks.cursor).toBe(1);
		expect(modeOf(click(marks, 4, bodyTop + 2))).toBe('detail');
		const problem = {file: 'f.json', code: 'bad-date' as const, params: {}, message: 'bad'};
		let problems = press(
			start(small, {
				problems: {problems: [problem, {...problem, message: 'worse'}], omitted: 0, skipped: {}},
			}),
			'!',
		);
		problems = click(problems, 4, bodyTop + 1);
		expect(problems.panes.problems.cursor).toBe(1);
		expect(modeOf(click(problems, 4, bodyTop + 1))).toBe('detail');
	});

	it('on an overlay or with a prompt open does not reach the screen beneath', () => {
		const help = press(start(small), '?');
		expect(click(help, 5, lineOf(help, 3))).toBe(help);
		const prompt = press(start(small), 't');
		expect(click(prompt, 5, lineOf(prompt, 3))).toBe(prompt);
	});
});

describe('the wheel', () => {
	it('moves the list under the pointer', () => {
		const state = start(generated(200));
		const down = wheel(state, 3, 10, 1);
		expect(down.cursor).toBe(3);
		expect(wheel(down, 3, 10, -1).cursor).toBe(0);
	});

	it('scrolls the detail under the pointer without taking the focus from the list', () => {
		const state = press(start(small, {size: {columns: 120, rows: 14}}), 'j');
		const layout = screenLayout(state);
		const scrolled = wheel(state, layout.listWidth + 4, 10, 1);
		expect(scrolled.focus).toBe('list');
		expect(scrolled.cursor).toBe(state.cursor);
		expect(scrolled.detail.scroll).toBeGreaterThan(0);
	});

	it('scrolls the help when it is open', () => {
		const help = press(start(small, {size: {columns: 80, rows: 15}}), '?');
		expect(wheel(help, 10, 5, 1).panes.help.scroll).toBe(3);
	});

	it('does nothing once the explorer is quitting', () => {
		const quitting = press(start(small), 'q');
		expect(wheel(quitting, 3, 10, 1)).toBe(quitting);
	});
});

describe('the layout the clicks read', () => {
	it('is the one drawn at both sizes', () => {
		for (const size of [WIDE, NARROW]) {
			const layout = screenLayout(start(small, {size}));
			expect(layout.height).toBe(size.rows - 1);
		}
	});
});
