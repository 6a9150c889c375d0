import {Box} from 'ink';
import type {Command} from '../state/actions.js';
import {display} from '../state/display.js';
import {type FacetItem, type FacetKind, facetItems, facetTotals} from '../state/facets.js';
import {facetRows} from '../state/panes/facets.js';
import type {State} from '../state/state.js';
import {cellWidth} from '../text/cells.js';
import {fitRuns, run} from './fit.js';
import {Line, type Run} from './theme.js';

const HEADINGS: Record<FacetKind, string> = {actor: 'Actors', tag: 'Tags', place: 'Places'};

/** Actors, tags and places with their event counts; picked ones are ticked and filter the timeline. */
export function FacetPicker({state, width, height}: {state: State; width: number; height: number}) {
	const items = facetItems(state.base);
	const {cursor, top} = state.panes.facets;
	const title = [`Filter · ${state.facets.size} picked`, ...keyNotes(state)].join(' · ');
	const lines = [<Line key="title" runs={fitRuns([run(title, 'title')], width)} />];
	if (items.length === 0)
		lines.push(<Line key="none" runs={[run('No actors, tags or places to filter by.', 'dim')]} />);
	const end = Math.min(items.length, top + facetRows(state) + 3);
	for (let i = top; i < end && lines.length < height; i++) {
		const item = items[i] as FacetItem;
		if (i === top || items[i - 1]?.kind !== item.kind) {
			const total = facetTotals(items)[item.kind];
			lines.push(
				<Line key={`k${i}`} runs={fitRuns([run(`${HEADINGS[item.kind]} (${total})`, 'label')], width)} />,
			);
			if (lines.length >= height) break;
		}
		lines.push(
			<FacetLine key={i} item={item} picked={state.facets.has(item)} selected={i === cursor} width={width} />,
		);
	}
	return (
		<Box flexDirection="column" width={width} height={height}>
			{lines}
		</Box>
	);
}

const NOTES: ReadonlyArray<readonly [Command, string]> = [
	[{type: 'toggleFacet'}, 'picks or clears'],
	[{type: 'clearFacets'}, 'clears all'],
	[{type: 'close'}, 'closes'],
];

/** `Enter picks or clears · c clears all · Esc closes`, with the keys the keymap binds. */
function keyNotes(state: State): string[] {
	return NOTES.flatMap(([command, what]) => {
		const keys = state.keymap.keysFor('facets', command);
		return keys ? [`${keys} ${what}`] : [];
	});
}

function FacetLine({
	item,
	picked,
	selected,
	width,
}: {
	item: FacetItem;
	picked: boolean;
	selected: boolean;
	width: number;
}) {
	const count = String(item.count);
	const left: Run[] = [
		run(selected ? '▸ ' : '  '),
		run(picked ? '[x] ' : '[ ] ', picked ? 'accent' : 'dim'),
		run(display(item.label)),
	];
	const room = width - cellWidth(count) - 1;
	return (
		<Line
			runs={[...fitRuns(left, room), run(' '), run(count, 'dim')]}
			base={selected ? 'selected' : undefined}
		/>
	);
}
