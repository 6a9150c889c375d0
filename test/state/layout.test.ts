import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {buildDataset} from '../../source/dataset/model.js';
import {documentSchema} from '../../source/dataset/schema.js';
import {modeOf} from '../../source/state/keymap.js';
import {layoutFor, WIDE_COLUMNS} from '../../source/state/layout.js';
import {dateLabel, dateLines, listColumns, widestDate} from '../../source/state/list-columns.js';
import {cellWidth} from '../../source/text/cells.js';
import {loadCliFixture, loadFixture, loadTimed, NARROW, press, start, WIDE} from './helpers.js';

/**
 * How the list and the detail share the screen, and how a row shares the list: dates whole, the list
 * taking the slack, who on screen where it fits, the split the person sets.
 */

const bundled = () =>
	buildDataset(
		documentSchema.parse(
			JSON.parse(readFileSync(new URL('../../data/venezuela-us-dialogue.json', import.meta.url), 'utf8')),
		),
	);

const timelines = {
	bundled: start(bundled()).timeline,
	small: start(loadFixture('small')).timeline,
	kinds: start(loadCliFixture('kinds-of-time')).timeline,
	deep: start(loadCliFixture('deep-time')).timeline,
	timed: start(loadTimed()).timeline,
};

describe('the list columns', () => {
	it('never cut a date: in its column, over the title’s room when narrow, wrapped when wider than the row', () => {
		for (const [name, timeline] of Object.entries(timelines)) {
			for (let width = 40; width <= 260; width++) {
				const columns = listColumns(timeline, width);
				for (const event of timeline.events) {
					const label = dateLabel(event);
					const lines = dateLines(event, width);
					expect(lines.join(' '), `${name} at ${width}`).toBe(label);
					if (lines.length > 1) {
						expect(cellWidth(label), `${name} at ${width}`).toBeGreaterThan(width - 2);
						for (const line of lines) expect(cellWidth(line)).toBeLessThanOrEqual(width - 2);
					} else {
						// Within the row: in its column, or (narrow) over the title's room and beyond.
						expect(cellWidth(label), `${name} at ${width}`).toBeLessThanOrEqual(width - 2);
					}
				}
				if (columns.date < widestDate(timeline)) expect(columns.title, `${name} at ${width}`).toBe(10);
			}
		}
		expect(widestDate(timelines.timed)).toBe(cellWidth('5 Jan 1920 06:45:56 – 5 Jan 1923 06:45:56'));
	});

	it('measure every date of a big timeline, not a sample of them', () => {
		// 12,002 events: one in three was measured, and the widest, last in time order, was not among them.
		const events = Array.from({length: 12_001}, (_, i) => ({id: `e${i}`, date: '2024-05-06', title: 'Day'}));
		events.push({id: 'wide', date: '2024-05-06T10:00:00Z/2024-05-07T11:30:45Z', title: 'Two days'});
		const dataset = buildDataset(documentSchema.parse({format: 'timescope/1', title: 'Many', events}));
		const {timeline} = start(dataset);
		const wide = timeline.events.at(-1);
		expect(wide?.id).toBe('wide');
		expect(widestDate(timeline)).toBe(cellWidth(dateLabel(wide as (typeof timeline.events)[number])));
		expect(widestDate(timeline)).toBeGreaterThan(
			cellWidth(dateLabel(timeline.events[0] as (typeof timeline.events)[number])),
		);
	});

	it('never gives a title fewer cells on a wider terminal, with or without the detail beside', () => {
		for (const [name, timeline] of Object.entries(timelines)) {
			let title = 0;
			let list = 0;
			for (let columns = WIDE_COLUMNS; columns <= 300; columns++) {
				const layout = layoutFor({columns, rows: 40});
				expect(layout.listWidth, `${name} at ${columns}`).toBeGreaterThanOrEqual(list);
				const now = listColumns(timeline, layout.listWidth).title;
				expect(now, `${name} at ${columns}`).toBeGreaterThanOrEqual(title);
				[title, list] = [now, layout.listWidth];
			}
			title = 0;
			for (let columns = 40; columns < WIDE_COLUMNS; columns++) {
				const now = listColumns(timeline, layoutFor({columns, rows: 40}).listWidth).title;
				expect(now, `${name} at ${columns}`).toBeGreaterThanOrEqual(title);
				title = now;
			}
		}
	});

	it('gives the bundled timeline’s titles more room from 150 to 160 columns, and who a column from 80', () => {
		const at = (columns: number) => listColumns(timelines.bundled, layoutFor({columns, rows: 40}).listWidth);
		expect(at(160).title).toBeGreaterThan(at(150).title);
		for (let columns = 80; columns <= 260; columns++)
			expect(at(columns).who, `at ${columns}`).toBeGreaterThan(0);
		// The detail takes about a third of a wide screen: the list the rest.
		expect(layoutFor({columns: 120, rows: 40}).listWidth).toBeGreaterThanOrEqual(76);
		expect(layoutFor({columns: 200, rows: 50}).listWidth).toBeGreaterThanOrEqual(127);
	});
});

describe('a timeline that names no one', () => {
	it('gives the who column’s room to the titles', () => {
		const nameless = start(
			buildDataset(
				documentSchema.parse({
					format: 'timescope/1',
					title: 'Nobody named',
					events: [
						{
							id: 'a',
							date: '1843',
							title: 'Notes on the Analytical Engine, with the first published program',
						},
						{id: 'b', date: '1952', title: 'A compiler, long before anyone called it that'},
					],
				}),
			),
		).timeline;
		for (const width of [80, 120, 200]) {
			const columns = listColumns(nameless, width);
			expect(columns.who, `at ${width}`).toBe(0);
			expect(columns.title, `at ${width}`).toBe(width - 2 - columns.date - 2 - columns.count);
			// Where a timeline that names people shows who, this one shows more of each title.
			expect(columns.title).toBeGreaterThan(listColumns(timelines.small, width).title);
		}
	});
});

describe('the split', () => {
	it('+ widens the detail, - narrows it, within bounds; the choice lasts through moves and resizes', () => {
		let state = start(bundled(), {size: WIDE});
		const before = layoutFor(state.size, state.split).listWidth;
		state = press(state, '+');
		const wider = layoutFor(state.size, state.split).listWidth;
		expect(wider).toBeLessThan(before);
		// The frame is the terminal's width but its last column.
		expect(state.message?.text).toBe(`detail ${119 - wider} columns, list ${wider}`);
		state = press(state, 'j', 'j', 'enter', 'escape');
		expect(layoutFor(state.size, state.split).listWidth).toBe(wider);
		for (let i = 0; i < 30; i++) state = press(state, '+');
		expect(state.message?.text).toBe('the detail is as wide as it goes');
		expect(layoutFor(state.size, state.split).listWidth).toBe(40);
		for (let i = 0; i < 30; i++) state = press(state, '-');
		expect(119 - layoutFor(state.size, state.split).listWidth).toBe(30);
		state = press(start(bundled(), {size: NARROW}), '+');
		expect(state.message?.text).toBe('the detail sits beside the list from 110 columns');
	});

	it('| hides the detail (the list takes the whole width, Enter opens the detail full screen) and shows it', () => {
		let state = press(start(bundled(), {size: WIDE}), '|');
		expect(layoutFor(state.size, state.split)).toMatchObject({wide: false, listWidth: 119});
		expect(state.message?.text).toBe('detail hidden: Enter opens it');
		state = press(state, 'enter');
		expect(modeOf(state)).toBe('detail');
		state = press(state, 'escape', '|');
		expect(layoutFor(state.size, state.split).wide).toBe(true);
		expect(state.message?.text).toBe('detail beside the list');
	});
});
