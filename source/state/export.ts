import {basename, extname} from 'node:path';
import {describeFilters, type Selection} from '../dataset/filter.js';
import {countText, EXPORT_EXTENSIONS, type ExportContent, FORMAT_NAMES, formatFor} from '../output/export.js';
import {facetFilters} from './facets.js';
import type {Field} from './field.js';
import {marksSelection, resolveMarks} from './marks.js';
import {type ExportOutcome, requestEffect, type State, withPane} from './state.js';

/**
 * Export without leaving the explorer (w): the marks, or the view (the timeline as the filters and
 * facets narrow it), to a file named in a prompt, in the form its extension names. Nothing is
 * overwritten without asking: a name that exists is reported, and Enter again replaces it. The write
 * is the view's (an effect); its outcome comes back as `exported`.
 */

export type ExportWhat = 'view' | 'marks';

export interface ExportPrompt {
	readonly text: string;
	readonly caret: number;
	readonly what: ExportWhat;
	/** The name the prompt suggested; Tab swaps it for the other one while it is untouched. */
	readonly suggested?: string;
	/** The name typed is an existing file (at `path`): Enter again replaces it. */
	readonly exists?: {readonly name: string; readonly path: string};
	readonly error?: string;
	/** The file is being written: the effect's id (its outcome comes back with it) and what it holds. */
	readonly writing?: {readonly id: number; readonly what: string};
}

export const NO_EXPORT: ExportPrompt = {text: '', caret: 0, what: 'view'};

/** `small-marks.md`: the data file's name, what is exported, Markdown (the most readable form). */
function suggestion(state: State, what: ExportWhat): string {
	const name = state.path === undefined ? 'timescope' : basename(state.path, extname(state.path));
	return `${name || 'timescope'}-${what}.md`;
}

function prompt(state: State, what: ExportWhat): ExportPrompt {
	const text = suggestion(state, what);
	return {text, caret: text.length, what, suggested: text};
}

/** Opening the prompt: the marks from the marks list, the view from anywhere else. */
export function openExport(state: State): State {
	const {writing} = state.panes.export;
	const fresh = prompt(state, state.view === 'marks' ? 'marks' : 'view');
	return withPane(state, 'export', writing ? {...fresh, writing} : fresh);
}

export function toggleWhat(state: State): State {
	const current = state.panes.export;
	const what: ExportWhat = current.what === 'view' ? 'marks' : 'view';
	if (current.suggested !== undefined && current.text === current.suggested) {
		return withPane(state, 'export', prompt(state, what));
	}
	return withPane(state, 'export', {...current, what, exists: undefined, error: undefined});
}

/** Typing: a changed name is a new question (no longer the file that exists). */
export function editName(state: State, field: Field): State {
	const current = state.panes.export;
	return withPane(state, 'export', {
		...current,
		text: field.text,
		caret: field.caret,
		exists: undefined,
		error: undefined,
	});
}

function selectionOf(state: State, what: ExportWhat): Selection {
	return what === 'marks' ? marksSelection(state.dataset, state.marks.items) : state.timeline.selection;
}

function content(state: State, what: ExportWhat, selection: Selection): ExportContent {
	const file = state.fileLabel;
	if (what === 'marks') {
		return {
			dataset: state.dataset,
			selection,
			heading: `${state.dataset.title} — marks`,
			summary: `${countText(selection)} marked in ${file}.`,
		};
	}
	const filters = [
		...describeFilters(state.dataset, state.filters),
		...describeFilters(state.dataset, facetFilters(state.facets)),
	];
	return {
		dataset: state.dataset,
		selection,
		heading: state.dataset.title,
		summary: `${countText(selection)} of ${file}${filters.length > 0 ? `; filters: ${filters.join(' · ')}` : ''}.`,
	};
}

export function submitExport(state: State): State {
	const current = state.panes.export;
	if (current.writing) return state;
	const fail = (error: string) => withPane(state, 'export', {...current, error});
	const name = current.text.trim();
	if (name === '') return fail('type a file name');
	const format = formatFor(name);
	if (!format) return fail(`name the file ${EXPORT_EXTENSIONS}: the extension says the form`);
	if (current.what === 'marks' && state.marks.items.length === 0) {
		const key = state.keymap.keysFor('timeline', {type: 'mark'});
		return fail(`no marks to export${key ? ` (${key} marks)` : ''}; Tab exports the view`);
	}
	const selection = selectionOf(state, current.what);
	if (selection.events.length === 0 && selection.quotes.length === 0)
		return fail('nothing to export: this view is empty');
	const missing = resolveMarks(state.dataset, state.marks.items).filter(
		(marked) => marked.kind === 'missing',
	).length;
	const left =
		current.what === 'marks' && missing > 0
			? `; ${missing} missing mark${missing === 1 ? '' : 's'} left out`
			: '';
	const what = `${current.what === 'marks' ? 'the marks' : 'the view'} as ${FORMAT_NAMES[format]}, ${countText(selection)}${left}`;
	const writing = {id: state.nextEffectId, what};
	return requestEffect(withPane(state, 'export', {...current, writing, error: undefined}), {
		kind: 'export',
		file: name,
		format,
		content: content(state, current.what, selection),
		overwrite: current.exists?.name === name,
	});
}

/**
 * The write's outcome: done (the prompt closes, the message says what went where), or a question
 * (the file exists), or why not. It is matched to its write by id, so another effect asked for
 * meanwhile (Ctrl-Z) cannot lose it; an outcome of no write under way is ignored.
 */
export function applyExported(state: State, id: number, outcome: ExportOutcome): State {
	const current = state.panes.export;
	if (current.writing?.id !== id) return state;
	const {what} = current.writing;
	const done: State = state.effect?.id === id ? {...state, effect: undefined} : state;
	const open = state.overlay === 'export';
	const settled = withPane(done, 'export', {...current, writing: undefined});
	if ('written' in outcome) {
		return {
			...settled,
			overlay: open ? undefined : state.overlay,
			message: {text: `wrote ${outcome.written}: ${what}`},
		};
	}
	if ('exists' in outcome) {
		if (open) {
			const exists = {name: current.text.trim(), path: outcome.exists};
			return withPane(done, 'export', {...current, writing: undefined, exists});
		}
		return {...settled, message: {text: `not written: ${outcome.exists} exists`, error: true}};
	}
	if (open) {
		return withPane(done, 'export', {
			...current,
			writing: undefined,
			error: `cannot write: ${outcome.failed}`,
		});
	}
	return {...settled, message: {text: `not written: ${outcome.failed}`, error: true}};
}
