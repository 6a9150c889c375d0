import {select} from '../dataset/filter.js';
import type {LoadResult} from '../dataset/load.js';
import {formatProblem} from '../dataset/problems.js';
import {facetItems, repick} from './facets.js';
import {leftOutText} from './left-out.js';
import {keepRowOnScreen} from './list.js';
import {requestEffect, reselect, type State} from './state.js';

/**
 * Reloading the file the explorer shows (R, or --watch when it changes on disk). A good version
 * replaces the data but keeps the person's place: the same event under the cursor (by id), the same
 * filters and facets, the same query (searched again once the new index is built). A bad version
 * changes nothing on screen but a banner naming its first problem, until a good one arrives.
 */

export type ReloadCause = 'key' | 'watch';

export function requestReload(state: State): State {
	if (state.path === undefined) {
		return {...state, message: {text: 'nothing to reload: the data came from standard input'}};
	}
	return requestEffect(state, {kind: 'reload', path: state.path}, {text: 'reloading…'});
}

export function applyLoad(state: State, result: LoadResult, cause: ReloadCause): State {
	if (!result.ok) {
		const [first] = result.problems;
		return {
			...state,
			reloadError: {
				text: first ? formatProblem(first) : `${result.file}: could not be loaded`,
				more: Math.max(0, result.problems.length - 1),
			},
			message: {text: 'reload failed: still showing the last good version', error: true},
		};
	}
	const {dataset} = result;
	const base = select(dataset, state.filters);
	// A picked actor, tag or place that is gone from the new data would leave an empty timeline.
	const facets = repick(facetItems(base), state.facets);
	const {timeline, cursor, kept} = reselect(state, dataset, base, facets);

	const {search} = state;
	const problems = {problems: result.problems, omitted: result.omitted, skipped: result.skipped};
	const leftOut = leftOutText(problems, dataset);
	const events = timeline.events.length;
	const quotes = timeline.selection.quotes.length;
	const next: State = {
		...state,
		dataset,
		base,
		facets,
		timeline,
		cursor,
		detail: kept ? state.detail : {scroll: 0, quote: 0},
		// The old index answers for the old data: results wait for the new one.
		search: {
			...search,
			indexing: true,
			indexed: 0,
			indexError: undefined,
			generation: search.generation + 1,
			outcome: undefined,
			selected: 0,
			top: 0,
		},
		reloadError: undefined,
		problems,
		message: {
			text: `${cause === 'watch' ? 'file changed: ' : ''}reloaded · ${events} event${events === 1 ? '' : 's'}, ${quotes} quote${quotes === 1 ? '' : 's'}${leftOut ? ` · ${leftOut}` : ''}`,
		},
	};
	// The reducer then brings every pane's position within the new data.
	return keepRowOnScreen(state, next);
}
