import {Box} from 'ink';
import type {Command} from '../state/actions.js';
import {display} from '../state/display.js';
import {type FacetItem, type FacetKind, facetItems, facetTotals} from '../state/facets.js';
import {modeOf} from '../state/keymap.js';
import {facetRows, shownFacets} from '../state/panes/facets.js';
import type {State} from '../state/state.js';
import {fitRuns, run} from './fit.js';
import {Line, type Run} from './theme.js';

const HEADINGS: Record<FacetKind, string> = {actor: 'Actors', tag: 'Tags', place: 'Places'};

/**
 * Actors, tags and places, each with its count of events before its name; picked ones are ticked and
 * filter the timeline. The title line holds the filter (typed after `/`) and the keys.
 */
export function FacetPicker({state, width, height}: {state: State; width: number; height: number}) {
	const all = facetItems(state.base);
	const items = shownFacets(state);
	const {cursor, top} = state.panes.facets;
	const lines = [<Line key="title" runs={fitRuns(titleRuns(state), width)} />];
	if (all.length === 0) {
		lines.push(<Line key="none" runs={[run('No actors, tags or places to filter by.', 'dim')]} />);
	} else if (items.length === 0) {
		lines.push(<Line key="none" runs={[run('No name matches the filter.', 'dim')]} />);
	}
	// Items come most frequent first within each kind: the widest count heads one of them.
	const totals = facetTotals(all);
	const heads = [0, totals.actor, totals.actor + totals.tag].map((at) => all[at]?.count ?? 0);
	const digits = String(Math.max(...heads)).length;
	const end = Math.min(items.length, top + facetRows(state) + 3);
	for (let i = top; i < end && lines.length < height; i++) {
		const item = items[i] as FacetItem;
		if (i === top || items[i - 1]?.kind !== item.kind) {
			const shown = facetTotals(items)[item.kind];
			const total = facetTotals(all)[item.kind];
			const counted = shown === total ? `${total}` : `${shown} of ${total}`;
			lines.push(
				<Line key={`k${i}`} runs={fitRuns([run(`${HEADINGS[item.kind]} (${counted})`, 'label')], width)} />,
			);
			if (lines.length >= height) break;
		}
		lines.push(
			<FacetLine
				key={i}
				item={item}
				picked={state.facets.has(item)}
				selected={i === cursor}
				digits={digits}
				width={width}
			/>,
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
	[{type: 'facetKind', dir: 1}, 'move between kinds'],
	[{type: 'clearFacets'}, 'clears all'],
	[{type: 'open', pane: 'facetFilter'}, 'filters'],
	[{type: 'close'}, 'closes'],
];

/** `Filter · 2 picked · /mad` (the caret shown while typing), then the keys the keymap binds. */
function titleRuns(state: State): Run[] {
	const mode = modeOf(state);
	const {filter, caret} = state.panes.facets;
	const typing = mode === 'facetFilter';
	const runs: Run[] = [run(`Filter · ${state.facets.size} picked`, 'title')];
	if (typing || filter !== '') {
		const text = display(filter);
		const at = Math.min(caret, text.length);
		runs.push(run(' · ', 'title'), run('/', 'label'));
		if (typing) {
			runs.push(
				run(text.slice(0, at)),
				run(text.slice(at, at + 1) || ' ', 'selected'),
				run(text.slice(at + 1)),
			);
		} else runs.push(run(text, 'accent'));
	}
	const notes = NOTES.flatMap(([command, what]) => {
		const keys = state.keymap.keysFor(mode, command);
		return keys ? [`${keys} ${what}`] : [];
	});
	if (typing) {
		const done = state.keymap.keysFor(mode, {type: 'close'});
		notes.splice(-1, 1, ...(done ? [`${done} ends the filter`] : []));
	}
	return [...runs, ...notes.map((note) => run(` · ${note}`, 'dim'))];
}

function FacetLine({
	item,
	picked,
	selected,
	digits,
	width,
}: {
	item: FacetItem;
	picked: boolean;
	selected: boolean;
	digits: number;
	width: number;
}) {
	const runs: Run[] = [
		run(selected ? '▸ ' : '  '),
		run(picked ? '[x] ' : '[ ] ', picked ? 'accent' : 'dim'),
		run(`${String(item.count).padStart(digits)}  `, 'dim'),
		run(display(item.label)),
	];
	return <Line runs={fitRuns(runs, width)} base={selected ? 'selected' : undefined} />;
}
