import {describe, expect, it} from 'vitest';
import {parseEdtf} from '../../source/dataset/edtf.js';
import {detailView, selectedQuote} from '../../source/state/detail-nav.js';
import {bodyLines} from '../../source/state/detail-view.js';
import {facetItems} from '../../source/state/facets.js';
import {modeOf} from '../../source/state/keymap.js';
import {layoutFor, scrollMargin} from '../../source/state/layout.js';
import {reducer} from '../../source/state/reducer.js';
import {inForce, isPending, searchSummary} from '../../source/state/search.js';
import type {State} from '../../source/state/state.js';
import {rowAt, rowOfEvent} from '../../source/state/timeline.js';
import {answer, cursorTitle, generated, loadFixture, NARROW, press, start, type, WIDE} from './helpers.js';

const small = loadFixture('small');
const many = generated(250);
const empty = loadFixture('empty');

/** Rows under the list's first line, which is always a group header. */
function visibleRows(state: State): [number, number] {
	const height = layoutFor(state.size).bodyHeight - 1;
	return [state.top, state.top + height - 1];
}

function expectCursorOnScreen(state: State): void {
	const row = rowOfEvent(state.timeline, state.cursor);
	const [first, last] = visibleRows(state);
	expect(row).toBeGreaterThanOrEqual(first);
	expect(row).toBeLessThanOrEqual(last);
}

describe('start-up', () => {
	it('opens on the first event of the timeline, in date order, with nothing focused but the list', () => {
		const state = start(small);
		expect(state.timeline.events.map((event) => event.id)).toEqual([
			'election',
			'prisoners',
			'strike',
			'taped',
			'aired',
			'beijing',
		]);
		expect(state.cursor).toBe(0);
		expect(modeOf(state)).toBe('timeline');
	});

	it('--search opens the search line filled in; --event opens that event in the detail', () => {
		expect(modeOf(start(small, {search: 'chevron'}))).toBe('search');
		expect(start(small, {search: 'chevron'}).search.query).toBe('chevron');
		const opened = start(small, {eventId: 'taped'});
		expect(cursorTitle(opened)).toBe('Interview taped');
		expect(modeOf(opened)).toBe('detail');
	});

	it('says so when --event names no event, or one the filters hide', () => {
		expect(start(small, {eventId: 'nope'}).message).toEqual({
			text: 'no event has the id "nope"',
			error: true,
		});
		const parsed = parseEdtf('2025-12');
		const from = parsed.ok ? parsed.date : undefined;
		const hidden = start(small, {eventId: 'election', filters: {from}});
		expect(hidden.message?.text).toBe('event "election" is hidden by the filters');
		expect(modeOf(hidden)).toBe('timeline');
	});
});

describe('cursor', () => {
	it('j/k and the arrows move one event and stop at both ends', () => {
		let state = start(small);
		state = press(state, 'k', 'up');
		expect(state.cursor).toBe(0);
		state = press(state, 'j', 'down');
		expect(state.cursor).toBe(2);
		state = press(state, 'j', 'j', 'j', 'j', 'j', 'j');
		expect(cursorTitle(state)).toBe('北京 reacts 🌍 to the interview');
		state = press(state, 'k');
		expect(cursorTitle(state)).toBe('Interview aired on state TV');
	});

	it('g/G and Home/End go to the ends', () => {
		const state = press(start(many), 'G');
		expect(state.cursor).toBe(249);
		expect(press(state, 'g').cursor).toBe(0);
		expect(press(state, 'home').cursor).toBe(0);
		expect(press(start(many), 'end').cursor).toBe(249);
	});

	it('keeps a margin of context rows around the cursor while scrolling', () => {
		let state = start(many);
		const margin = scrollMargin(layoutFor(state.size).bodyHeight);
		expect(margin).toBe(3);
		for (let i = 0; i < 60; i++) {
			state = press(state, 'j');
			const row = rowOfEvent(state.timeline, state.cursor);
			const [first, last] = visibleRows(state);
			expect(row - first).toBeGreaterThanOrEqual(Math.min(margin, row));
			expect(last - row).toBeGreaterThanOrEqual(margin);
		}
		expect(state.top).toBeGreaterThan(0);
	});

	it('shows the group header above the first event', () => {
		const state = press(start(many), 'G', 'g');
		expect(state.top).toBe(0);
		expect(rowAt(state.timeline, 0)).toEqual({kind: 'header', group: 0});
	});
});

describe('paging', () => {
	it('PgDn and Space move a screen down, PgUp and b back; the view scrolls with the cursor', () => {
		// The list's first line is a group header (the current group's when its own scrolled off): the
		// rows under it make a page.
		const rows = layoutFor(WIDE).bodyHeight - 1;
		let state = start(many);
		state = press(state, 'pagedown');
		// Row 1 + 32 rows = row 33: past January's 31 events and February's header, the 1st of February.
		expect(rows - 1).toBe(32);
		expect(cursorTitle(state)).toBe('Event number 31');
		// The view moved a page too, less the margin of context kept above the cursor.
		expect(state.top).toBe(30);
		expectCursorOnScreen(state);
		expect(press(state, 'space').cursor).toBe(press(state, 'pagedown').cursor);
		const back = press(state, 'pageup');
		expect(back.cursor).toBe(0);
		expect(back.top).toBe(0);
		expect(press(state, 'b').cursor).toBe(0);
	});

	it('Ctrl-D and Ctrl-U move half a screen', () => {
		const state = press(start(many, {size: NARROW}), 'ctrl-d');
		const half = Math.floor((layoutFor(NARROW).bodyHeight - 1) / 2);
		expect(rowOfEvent(state.timeline, state.cursor)).toBe(1 + half);
		expect(press(state, 'ctrl-u').cursor).toBe(0);
	});

	it('stops at the last event and at the first', () => {
		let state = start(many);
		for (let i = 0; i < 20; i++) state = press(state, 'pagedown');
		expect(state.cursor).toBe(249);
		expectCursorOnScreen(state);
		for (let i = 0; i < 20; i++) state = press(state, 'pageup');
		expect(state.cursor).toBe(0);
		expect(state.top).toBe(0);
	});
});

describe('group jumps', () => {
	it('] goes to the first event of the next group, [ to the start of this group, then the previous', () => {
		let state = start(many);
		state = press(state, ']');
		expect(cursorTitle(state)).toBe('Event number 31');
		state = press(state, ']');
		expect(cursorTitle(state)).toBe('Event number 59');
		state = press(state, 'j', 'j', '[');
		expect(cursorTitle(state)).toBe('Event number 59');
		state = press(state, '[');
		expect(cursorTitle(state)).toBe('Event number 31');
	});

	it('says when there is no group further', () => {
		expect(press(start(many), '[').message?.text).toBe('no earlier group');
		const last = press(start(many), 'G', ']');
		expect(last.message?.text).toBe('no later group');
		expect(last.cursor).toBe(249);
	});

	it('z cycles the grouping, keeping the cursor on its event', () => {
		let state = press(start(small), 'j', 'j');
		expect(state.timeline.grouping).toBe('month');
		expect(state.timeline.groupLabels).toEqual(['2024', 'December 2025', 'January 2026']);
		state = press(state, 'z');
		expect(state.timeline.grouping).toBe('year');
		expect(state.timeline.groupLabels).toEqual(['2024', '2025', '2026']);
		expect(cursorTitle(state)).toBe('Reported strike on a docking area');
		state = press(state, 'z');
		expect(state.timeline.grouping).toBe('decade');
		expect(state.timeline.groupLabels).toEqual(['2020s']);
		// Everything is in one group: the next z starts again from days.
		state = press(state, 'z');
		expect(state.timeline.grouping).toBe('day');
		// An event known only to the month or year keeps a header at its own precision.
		expect(state.timeline.groupLabels).toEqual([
			'2024',
			'December 2025',
			'Mon 22 Dec 2025',
			'Wed 31 Dec 2025',
			'Thu 1 Jan 2026',
			'Fri 2 Jan 2026',
		]);
		expect(state.message?.text).toBe('grouped by day');
	});
});

describe('date jump (t)', () => {
	const jump = (state: State, text: string) => press(type(press(state, 't'), text), 'enter');

	it('goes to the first event on or after a year, a month or a day', () => {
		const state = press(start(small), 'G');
		expect(cursorTitle(jump(state, '2024'))).toBe('Disputed election');
		expect(cursorTitle(jump(state, '2025'))).toBe('Earlier release of prisoners');
		expect(cursorTitle(jump(state, '2025-12'))).toBe('Earlier release of prisoners');
		expect(cursorTitle(jump(state, '2025-12-23'))).toBe('Interview taped');
		expect(cursorTitle(jump(state, '2025-12-31'))).toBe('Interview taped');
		expect(cursorTitle(jump(state, '2026-01-01'))).toBe('Interview aired on state TV');
		expect(modeOf(jump(state, '2024'))).toBe('timeline');
	});

	it('goes to the last event, and says so, when nothing is that late', () => {
		const state = jump(start(small), '2027-05');
		expect(cursorTitle(state)).toBe('北京 reacts 🌍 to the interview');
		expect(state.message?.text).toBe('no event on or after May 2027: showing the last dated one');
	});

	it('keeps the prompt open with an error for text that is not a date, and Esc cancels', () => {
		const state = jump(start(small), 'soon');
		expect(modeOf(state)).toBe('date');
		expect(state.panes.date.error).toBe(
			'expected a date such as 31 Dec 2025, Dec 2025, 22 Dec, yesterday, last week, 3 days ago, 2025-12-31, -0499 or Y-13800000000',
		);
		const fixed = press(type(press(state, 'ctrl-u'), '2024'), 'enter');
		expect(cursorTitle(fixed)).toBe('Disputed election');
		expect(modeOf(press(state, 'escape'))).toBe('timeline');
	});

	it('edits the date like a line: backspace, caret, and letters do not move the timeline', () => {
		let state = type(press(start(small), 't'), '2025-13');
		state = press(state, 'backspace');
		state = type(state, '2');
		expect(state.panes.date.text).toBe('2025-12');
		state = press(state, 'left', 'left', 'left', 'delete');
		expect(state.panes.date.text).toBe('202512');
		expect(state.cursor).toBe(0);
	});
});

describe('detail', () => {
	it('Enter or l opens it, Esc, h or ← go back, Tab switches focus', () => {
		const opened = press(start(small), 'enter');
		expect(modeOf(opened)).toBe('detail');
		expect(modeOf(press(start(small), 'l'))).toBe('detail');
		for (const key of ['escape', 'h', 'left']) expect(modeOf(press(opened, key))).toBe('timeline');
		expect(modeOf(press(start(small), 'tab'))).toBe('detail');
		expect(modeOf(press(opened, 'tab'))).toBe('timeline');
	});

	it('scrolls on its own and stops at the top and the bottom', () => {
		let state = press(start(small, {size: {columns: 60, rows: 12}}), 'j', 'j', 'j', 'enter');
		const view = detailView(state);
		if (!view) throw new Error('no detail');
		// The date and title stay pinned: the rest scrolls under them.
		const max = bodyLines(view) - view.height;
		expect(view.pinned).toBe(2);
		expect(max).toBeGreaterThan(2);
		state = press(state, 'k');
		expect(state.detail.scroll).toBe(0);
		state = press(state, 'j', 'j');
		expect(state.detail.scroll).toBe(2);
		expect(state.cursor).toBe(3);
		state = press(state, 'G');
		expect(state.detail.scroll).toBe(max);
		state = press(state, 'j', 'space', 'ctrl-d');
		expect(state.detail.scroll).toBe(max);
		state = press(state, 'g');
		expect(state.detail.scroll).toBe(0);
	});

	it('[ and ] select the previous and next quote; scrolling moves the selection to a quote on screen', () => {
		let state = press(start(small), 'j', 'j', 'j', 'enter');
		expect(selectedQuote(state)?.id).toBe('chevron');
		state = press(state, ']');
		expect(selectedQuote(state)?.id).toBe('talk');
		expect(press(state, ']').message?.text).toBe('no later quote');
		state = press(state, '[');
		expect(selectedQuote(state)?.id).toBe('chevron');
	});

	it('starts from the top for each event the cursor moves to', () => {
		let state = press(start(small, {size: {columns: 60, rows: 12}}), 'j', 'j', 'j', 'enter', 'j', 'j');
		expect(state.detail.scroll).toBe(2);
		state = press(state, 'escape', 'j');
		expect(state.detail.scroll).toBe(0);
	});
});

describe('a long query', () => {
	it('is capped at 1,000 characters, with a message saying how much was left out', () => {
		const pasted = 'word '.repeat(1000);
		const state = reducer(press(start(small), '/'), {
			type: 'keys',
			keys: [...pasted].map((c) => (c === ' ' ? 'space' : c)),
		});
		expect(state.search.query).toHaveLength(1000);
		expect(state.search.query).toBe(pasted.slice(0, 1000));
		expect(state.search.caret).toBe(1000);
		expect(state.message).toEqual({
			text: 'the search line holds at most 1,000 characters: 4,000 left out',
			error: true,
		});
		// Typing on at the cap adds nothing and says so again; editing still works.
		const more = press(state, 'x');
		expect(more.search.query).toHaveLength(1000);
		expect(more.message?.text).toContain('1 left out');
		expect(press(more, 'ctrl-u').search.query).toBe('');
	});

	it('costs its length, not its square: 100,000 pasted keys are taken in well under a second', () => {
		const keys = Array.from({length: 100_000}, (_, i) => String.fromCharCode(97 + (i % 26)));
		const searching = press(start(small), '/');
		const began = performance.now();
		const state = reducer(searching, {type: 'keys', keys});
		expect(performance.now() - began).toBeLessThan(1000);
		expect(state.search.query).toHaveLength(1000);
	});

	it('stops at keys that are not text: Enter after a paste still runs', () => {
		const state = reducer(press(start(small), '/'), {
			type: 'keys',
			keys: ['c', 'h', 'e', 'v', 'escape', 'j'],
		});
		expect(state.search.query).toBe('chev');
		expect(modeOf(state)).toBe('timeline');
		expect(state.cursor).toBe(1);
	});
});

describe('search', () => {
	it('/ opens the search line; every printable key types, even those bound elsewhere', () => {
		let state = press(start(small), '/');
		expect(modeOf(state)).toBe('search');
		state = type(state, 'jkqG? /');
		expect(state.search.query).toBe('jkqG? /');
		expect(state.exit).toBeUndefined();
		expect(state.cursor).toBe(0);
	});

	it('edits the query: backspace, Ctrl-W, Ctrl-U, caret movement', () => {
		let state = type(press(start(small), '/'), '@maduro oil');
		state = press(state, 'backspace');
		expect(state.search.query).toBe('@maduro oi');
		state = press(state, 'ctrl-w');
		expect(state.search.query).toBe('@maduro ');
		state = press(state, 'home');
		state = type(state, 'x');
		expect(state.search.query).toBe('x@maduro ');
		state = press(state, 'end', 'ctrl-u');
		expect(state.search.query).toBe('');
	});

	it('accepts results for the current query and drops stale ones', () => {
		let state = type(press(start(small), '/'), 'chev');
		const stale = answer(state);
		state = type(state, 'ron');
		// The answer to "chev" arrives after "chevron" was typed: it must not show.
		const late = reducer(state, {
			type: 'searchResults',
			query: 'chev',
			generation: state.search.generation,
			result: {query: 'chev', total: 99, counts: {event: 0, quote: 99, era: 0}, hits: [], ranked: true},
		});
		expect(late).toBe(state);
		expect(stale.search.outcome?.query).toBe('chev');
		state = answer(state);
		expect(state.search.outcome?.query).toBe('chevron');
		expect(state.search.outcome?.hits.slice().map((hit) => hit.kind === 'quote' && hit.quote.id)).toEqual([
			'chevron',
		]);
	});

	it('drops results of an older generation (asked before the filters changed)', () => {
		const state = type(press(start(small), '/'), 'oil');
		const old = state.search.generation;
		const refiltered = {...state, search: {...state.search, generation: old + 1}};
		const result = {query: 'oil', total: 1, counts: {event: 0, quote: 1, era: 0}, hits: [], ranked: true};
		expect(reducer(refiltered, {type: 'searchResults', query: 'oil', generation: old, result})).toBe(
			refiltered,
		);
	});

	it('lists everything in time order when the query is emptied, the old results shown until then', () => {
		let state = answer(type(press(start(small), '/'), 'oil'));
		expect(state.search.outcome?.ranked).toBe(true);
		state = press(state, 'backspace', 'backspace', 'backspace');
		expect(state.search.outcome?.query).toBe('oil');
		expect(isPending(state)).toBe(true);
		state = answer(state);
		expect(isPending(state)).toBe(false);
		expect(state.search.outcome?.ranked).toBe(false);
		expect(state.search.outcome?.counts).toEqual({
			event: small.events.length,
			quote: small.quotes.length,
			era: 0,
		});
	});

	it('Tab keeps the search to events, then quotes, then all kinds again, and asks again each time', () => {
		let state = answer(type(press(start(small), '/'), 'maduro'));
		const all = state.search.outcome?.counts;
		expect(all?.event).toBeGreaterThan(0);
		expect(all?.quote).toBeGreaterThan(0);
		state = press(state, 'tab');
		expect(state.search.scope).toBe('events');
		expect(state.message?.text).toBe('searching events only');
		expect(isPending(state)).toBe(true);
		state = answer(state);
		expect(state.search.outcome?.counts).toEqual({event: all?.event, quote: 0, era: 0});
		state = answer(press(state, 'tab'));
		expect(state.search.scope).toBe('quotes');
		expect(state.search.outcome?.counts).toEqual({event: 0, quote: all?.quote, era: 0});
		state = answer(press(state, 'tab'));
		expect(state.search.scope).toBe('all');
		expect(state.search.outcome?.counts).toEqual(all);
	});

	it('moves through results with ↑/↓ and Ctrl-N/Ctrl-P, within bounds', () => {
		let state = answer(type(press(start(small), '/'), '@maduro'));
		expect(state.search.outcome?.counts.quote).toBe(3);
		const last = (state.search.outcome?.hits.length ?? 0) - 1;
		state = press(state, 'up');
		expect(state.search.selected).toBe(0);
		state = press(state, 'down', 'ctrl-n');
		expect(state.search.selected).toBe(2);
		state = press(state, ...Array(last + 2).fill('ctrl-n'));
		expect(state.search.selected).toBe(last);
		state = press(state, 'ctrl-p');
		expect(state.search.selected).toBe(last - 1);
	});

	it('Enter goes to the quote’s event, quote selected and marked; Esc stays there, / brings the results back', () => {
		let state = press(start(small), 'j');
		state = answer(type(press(state, '/'), 'chevron'));
		state = press(state, 'enter');
		expect(modeOf(state)).toBe('detail');
		expect(state.view).toBe('timeline');
		expect(cursorTitle(state)).toBe('Interview taped');
		const view = detailView(state);
		expect(view?.subject.kind === 'event' && view.subject.event.id).toBe('taped');
		expect(view?.highlight?.quote.id).toBe('chevron');
		expect(selectedQuote(state)?.id).toBe('chevron');
		state = press(state, 'escape');
		expect(modeOf(state)).toBe('timeline');
		expect(cursorTitle(state)).toBe('Interview taped');
		expect(state.search.query).toBe('chevron');
		state = press(state, '/');
		expect(modeOf(state)).toBe('search');
		expect(state.search.query).toBe('chevron');
		const hit = state.search.outcome?.hits.at(state.search.selected);
		expect(hit?.kind === 'quote' && hit.quote.id).toBe('chevron');
	});

	it('Esc from the results goes back where the search started', () => {
		let state = press(start(small), 'j');
		const before = {cursor: state.cursor, top: state.top};
		state = press(answer(type(press(state, '/'), 'chevron')), 'down', 'escape');
		expect(modeOf(state)).toBe('timeline');
		expect({cursor: state.cursor, top: state.top}).toEqual(before);
	});

	it('Esc in the timeline clears a search left in force', () => {
		let state = press(answer(type(press(start(small), '/'), 'chevron')), 'escape');
		expect(state.search.query).toBe('chevron');
		state = press(state, 'escape');
		expect(state.search.query).toBe('');
		expect(searchSummary(state)).toBeUndefined();
		expect(inForce(state)).toBe(false);
		expect(state.message?.text).toBe('search cleared');
		expect(press(state, 'escape').message).toBeUndefined();
	});

	it('Enter on a quote tied to no event shows the quote alone', () => {
		const state = press(answer(type(press(start(small), '/'), 'belongs to no event')), 'enter');
		const view = detailView(state);
		expect(view?.subject.kind).toBe('quote');
		expect(selectedQuote(state)?.id).toBe('loose');
	});

	it('n and N step through the events holding matches, wrapping around', () => {
		let state = press(answer(type(press(start(small), '/'), 'chevron')), 'escape');
		expect(modeOf(state)).toBe('timeline');
		state = press(state, 'n');
		expect(cursorTitle(state)).toBe('Interview taped');
		expect(state.message?.text).toBe('event 1 of 2 with a match');
		state = press(state, 'n');
		expect(cursorTitle(state)).toBe('Interview aired on state TV');
		state = press(state, 'n');
		expect(cursorTitle(state)).toBe('Interview taped');
		expect(state.message?.text).toBe('event 1 of 2 with a match (wrapped to the top)');
		state = press(state, 'N');
		expect(cursorTitle(state)).toBe('Interview aired on state TV');
	});

	it('n without a search, or while it runs, says so', () => {
		expect(press(start(small), 'n').message?.text).toBe('no search yet: press / to search');
		const running = press(type(press(start(small), '/'), 'oil'), 'escape', 'n');
		expect(running.message?.text).toBe('the search is still running');
	});

	it('counts matches only inside the filters, and asks again when the filters change', () => {
		let state = answer(type(press(start(small), '/'), '@maduro'));
		expect(state.search.outcome?.counts.quote).toBe(3);
		state = press(state, 'escape', 'f');
		// Pick the actor Trump: Maduro's quotes are no longer in the selection.
		const trump = facetItems(state.base).findIndex((item) => item.id === 'trump');
		state = press(state, ...Array(trump).fill('j'), 'enter', 'escape');
		expect(state.search.outcome).toBeUndefined();
		state = answer(state);
		expect(state.search.outcome?.total).toBe(0);
	});
});

describe('facets (f)', () => {
	it('lists actors, tags and places with event counts', () => {
		const items = facetItems(start(small).base);
		const maduro = items.find((item) => item.kind === 'actor' && item.id === 'maduro');
		expect(maduro?.count).toBe(4);
		expect(items.find((item) => item.kind === 'tag' && item.id === 'media')?.count).toBe(2);
		expect(items.find((item) => item.kind === 'place' && item.id === 'beijing')?.count).toBe(1);
		expect([...new Set(items.map((item) => item.kind))]).toEqual(['actor', 'tag', 'place']);
	});

	it('picking filters the timeline, picking again clears, c clears all', () => {
		let state = press(start(small), 'f');
		expect(modeOf(state)).toBe('facets');
		state = press(state, 'enter');
		const first = facetItems(state.base)[0];
		expect(first?.label).toBe('Nicolás Maduro');
		expect(state.timeline.events.map((event) => event.id)).toEqual([
			'election',
			'prisoners',
			'taped',
			'aired',
		]);
		expect(state.message?.text).toBe('filter: actor Nicolás Maduro · 4 events');
		expect(press(state, 'enter').timeline.events).toHaveLength(6);
		state = press(state, 'j', 'enter');
		expect(state.facets.size).toBe(2);
		state = press(state, 'c');
		expect(state.facets.size).toBe(0);
		expect(state.timeline.events).toHaveLength(6);
		expect(modeOf(press(state, 'escape'))).toBe('timeline');
	});

	it('keeps the cursor on its event when it stays in the selection', () => {
		let state = press(start(small), 'j', 'j', 'j');
		expect(cursorTitle(state)).toBe('Interview taped');
		state = press(state, 'f', 'enter', 'escape');
		expect(cursorTitle(state)).toBe('Interview taped');
	});
});

describe('copy (y, Y) and open (o)', () => {
	it('copies the selected quote as a citation: typographic quotes, speaker, date said, source, publisher, URL', () => {
		const state = press(start(small), 'j', 'j', 'j', 'y');
		expect(state.effect).toEqual({
			id: 1,
			kind: 'copy',
			text: '“If they want oil, Venezuela is ready for US investment, like with Chevron,” — Nicolás Maduro, 31 Dec 2025, The article, Wire, https://example.test/article',
		});
		const done = reducer(state, {type: 'effectDone', id: 1, message: 'copied with wl-copy: …'});
		expect(done.effect).toBeUndefined();
		expect(done.message?.text).toBe('copied with wl-copy: …');
	});

	it('says "undated" when the quote has no date said', () => {
		let state = start(small);
		while (cursorTitle(state) !== 'Reported strike on a docking area') state = press(state, 'j');
		state = press(state, 'y');
		expect(state.effect?.kind === 'copy' && state.effect.text).toBe(
			'“along the shore” — Trump, undated, The article, Wire, https://example.test/article',
		);
	});

	it('does not put a paraphrase in quotation marks', () => {
		const state = press(start(small), 'j', 'j', 'j', 'j', 'enter', ']', 'y');
		expect(state.effect?.kind === 'copy' && state.effect.text).toBe(
			'(paraphrase) the US wants to topple his government — Nicolás Maduro, 1 Jan 2026, State TV broadcast, file:///etc/passwd',
		);
	});

	it('says so when the event has no quote', () => {
		const state = press(start(small), 'y');
		expect(state.effect).toBeUndefined();
		expect(state.message?.text).toBe('no quote selected: this event has none');
	});

	it('Y copies the source URL, whatever its scheme (it is only text)', () => {
		expect(press(start(small), 'Y').effect).toEqual({
			id: 1,
			kind: 'copy',
			text: 'https://example.test/article',
		});
		expect(press(start(small), 'G', 'Y').message?.text).toBe('no URL: the sources here have none');
	});

	it('opens http(s) source URLs only, naming the key that copies it instead, and says when there is none', () => {
		const web = press(start(small), 'o');
		expect(web.effect).toEqual({
			id: 1,
			kind: 'open',
			url: 'https://example.test/article',
			note: 'Y copies it',
		});
		const file = press(start(small), 'j', 'j', 'j', 'j', 'enter', ']', 'o');
		expect(file.effect).toBeUndefined();
		expect(file.message).toEqual({
			text: 'not opening file:///etc/passwd: only http and https URLs open',
			error: true,
		});
		const none = press(start(small), 'G', 'o');
		expect(none.message?.text).toBe('no URL: the sources here have none');
	});
});

describe('Ctrl-Z', () => {
	it('asks the view to suspend, from any mode', () => {
		expect(press(start(small), 'ctrl-z').effect).toEqual({id: 1, kind: 'suspend'});
		expect(press(start(small), '/', 'a', 'ctrl-z').effect).toEqual({id: 1, kind: 'suspend'});
		const refused = reducer(press(start(small), 'ctrl-z'), {
			type: 'effectDone',
			id: 1,
			message: 'cannot suspend: no shell job control here to bring it back (fg)',
			error: true,
		});
		expect(refused.message?.error).toBe(true);
	});
});

describe('bracketed paste', () => {
	it('types into the search line as text: a pasted newline or f is no key', () => {
		const state = reducer(press(start(small), '/'), {type: 'paste', text: 'oil\nf\r\nChevron\tnow'});
		expect(modeOf(state)).toBe('search');
		expect(state.search.query).toBe('oil f Chevron now');
		expect(state.focus).toBe('list');
		expect(state.panes.facets).toEqual(start(small).panes.facets);
	});

	it('drops escape sequences and control characters from what is pasted', () => {
		const state = reducer(press(start(small), 't'), {type: 'paste', text: '2025\u001b[31m-12\u0007'});
		expect(state.panes.date.text).toBe('2025-12');
	});

	it('outside a text field does nothing but say so', () => {
		const before = start(small);
		const state = reducer(before, {type: 'paste', text: 'q\nf'});
		expect(state.exit).toBeUndefined();
		expect(modeOf(state)).toBe('timeline');
		expect(state.cursor).toBe(before.cursor);
		expect(state.message?.text).toBe('paste ignored: no text field here (/ opens the search line)');
	});

	it('says how much was cut from a paste too long to take', () => {
		const state = reducer(press(start(small), '/'), {type: 'paste', text: 'oil', cut: 70000});
		expect(state.search.query).toBe('oil');
		expect(state.message).toEqual({text: 'paste cut: 70,000 characters left out', error: true});
	});
});

describe('help, quit, resize', () => {
	it('? and F1 open the help, Esc closes it, j/k scroll it', () => {
		const help = press(start(small), '?');
		expect(modeOf(help)).toBe('help');
		expect(modeOf(press(start(small), 'f1'))).toBe('help');
		expect(modeOf(press(help, 'escape'))).toBe('timeline');
		expect(press(help, 'j', 'j').panes.help.scroll).toBe(2);
		expect(press(help, 'k').panes.help.scroll).toBe(0);
		expect(modeOf(press(start(small), '/', 'f1'))).toBe('help');
	});

	it('q quits from the timeline and closes what is open elsewhere; Ctrl-C quits with 130 from anywhere', () => {
		expect(press(start(small), 'q').exit).toBe(0);
		for (const path of [['enter'], ['?'], ['f'], ['f', 'f1'], ['M'], ['Q']]) {
			const closed = press(start(small), ...path, 'q');
			expect(closed.exit, path.join(' ')).toBeUndefined();
			expect(modeOf(closed), path.join(' ')).toBe(path.length === 2 ? 'facets' : 'timeline');
		}
		expect(press(start(small), 'enter', 'q', 'q').exit).toBe(0);
		expect(press(start(small), '/', 'q').exit).toBeUndefined();
		expect(press(start(small), 't', 'q').exit).toBeUndefined();
		for (const path of [[], ['enter'], ['/'], ['t'], ['f'], ['?']]) {
			expect(press(start(small), ...path, 'ctrl-c').exit).toBe(130);
		}
		// Nothing happens after the exit was asked for.
		expect(press(start(small), 'q', 'j').cursor).toBe(0);
	});

	it('keeps the cursor on screen when the terminal shrinks', () => {
		let state = press(start(many), 'pagedown', 'pagedown');
		state = reducer(state, {type: 'resize', size: {columns: 40, rows: 10}});
		expectCursorOnScreen(state);
		state = reducer(state, {type: 'resize', size: {columns: 30, rows: 8}});
		expect(layoutFor(state.size).tooSmall).toBe(true);
		state = reducer(state, {type: 'resize', size: WIDE});
		expectCursorOnScreen(state);
	});

	it('handles an empty dataset without a cursor to move', () => {
		let state = start(empty);
		state = press(state, 'j', 'G', 'pagedown', ']', '[', 'enter', 'n', 'y', 'o', 'z');
		expect(state.cursor).toBe(0);
		expect(modeOf(state)).toBe('timeline');
		state = press(type(press(state, 't'), '2024'), 'enter');
		expect(state.message?.text).toBe('no events to go to');
	});
});
