/**
 * Screen geometry, shared by the reducer (page sizes, scroll clamping) and the views (what to draw
 * where). The frame is one line shorter than the terminal: at full height Ink 6.8 clears and repaints
 * the whole terminal on every frame, which flickers.
 */

export interface Size {
	readonly columns: number;
	readonly rows: number;
}

export const MIN_COLUMNS = 40;
export const MIN_ROWS = 10;
/** From this width the detail sits to the right of the list and follows the cursor. */
export const WIDE_COLUMNS = 110;
/** Title, counts, sparkline and its dates; a dataset with eras adds the era band under the sparkline. */
export const HEADER_LINES = 4;
const STATUS_LINES = 1;

/**
 * How the screen is shared between the list and the detail beside it, chosen by the person for the
 * session: the detail's share of the columns (undefined: the default, where the list takes the slack)
 * and whether the detail is hidden (the list then takes the whole width; Enter opens the detail as on a
 * narrow terminal).
 */
export interface Split {
	readonly share?: number;
	readonly hidden: boolean;
}

export const DEFAULT_SPLIT: Split = {hidden: false};

/** The detail beside the list: never narrower than this, never leaving the list less than MIN_LIST. */
export const MIN_DETAIL = 30;
const MIN_LIST = 40;
/** The default detail: about a third of the screen, enough for a readable line, no more. */
const DETAIL_SHARE = 0.36;
const DETAIL_MIN_DEFAULT = 40;
const DETAIL_MAX_DEFAULT = 80;
/** How far one press of the resize keys moves the split. */
export const SHARE_STEP = 0.05;

export interface Layout {
	readonly tooSmall: boolean;
	/** Columns of a frame: the terminal's but the last. */
	readonly columns: number;
	/** Lines in a frame. */
	readonly height: number;
	/** The detail sits beside the list (a wide terminal, and the person has not hidden it). */
	readonly wide: boolean;
	/** Lines between the header and the status bar. */
	readonly bodyHeight: number;
	readonly listWidth: number;
	/** Width of the detail pane's text (after its marker column). */
	readonly detailWidth: number;
	/** Lines of the detail pane: beside the list when wide, the whole screen but the status bar otherwise. */
	readonly detailHeight: number;
}

/** Columns left of the detail text: the selected-quote bar and a space. */
export const DETAIL_GUTTER = 2;

/**
 * Columns of the detail beside the list (the rule on its left included). By default it grows with the
 * terminal more slowly than the list does, so a wider terminal always gives the list more room.
 */
export function detailColumns(columns: number, split: Split = DEFAULT_SPLIT): number {
	const wanted =
		split.share === undefined
			? Math.min(DETAIL_MAX_DEFAULT, Math.max(DETAIL_MIN_DEFAULT, Math.round(columns * DETAIL_SHARE)))
			: Math.round(columns * split.share);
	return Math.max(MIN_DETAIL, Math.min(columns - MIN_LIST, wanted));
}

/** The layout of the explorer's screen for a state: its size, the split it was given, its header's height. */
export function screenLayout(state: {
	readonly size: Size;
	readonly split: Split;
	readonly dataset: {readonly eras: readonly unknown[]};
}): Layout {
	return layoutFor(state.size, state.split, headerLines(state.dataset));
}

export function headerLines(dataset: {readonly eras: readonly unknown[]}): number {
	return dataset.eras.length > 0 ? HEADER_LINES + 1 : HEADER_LINES;
}

export function layoutFor(size: Size, split: Split = DEFAULT_SPLIT, header = HEADER_LINES): Layout {
	// The terminal's last column is never written: a character some terminal draws wider than glibc
	// measures it then has a cell to spill into, instead of wrapping the row (line wrapping is also off,
	// system/terminal.ts: two defences, for terminals that ignore one).
	const columns = Math.max(1, size.columns - 1);
	const height = Math.max(1, size.rows - 1);
	const tooSmall = size.columns < MIN_COLUMNS || size.rows < MIN_ROWS;
	const wide = size.columns >= WIDE_COLUMNS && !split.hidden;
	const bodyHeight = Math.max(1, height - header - STATUS_LINES);
	const listWidth = wide ? columns - detailColumns(columns, split) : columns;
	const paneWidth = wide ? columns - listWidth - 1 : columns;
	return {
		tooSmall,
		columns,
		height,
		wide,
		bodyHeight,
		listWidth,
		detailWidth: Math.max(1, paneWidth - DETAIL_GUTTER - 1),
		detailHeight: wide ? bodyHeight : Math.max(1, height - STATUS_LINES),
	};
}

/** Lines of an overlay's content: it takes the screen but the status bar, and one line for its title. */
export function overlayRows(layout: Layout): number {
	return Math.max(1, layout.height - 2);
}

/** Search results take two lines each below the one-line query. */
export function resultsPerPage(layout: Layout): number {
	return Math.max(1, Math.floor((layout.bodyHeight - 1) / 2));
}

/** Rows of context kept above and below the cursor when scrolling. */
export function scrollMargin(height: number): number {
	return Math.max(0, Math.min(3, Math.floor((height - 1) / 2)));
}
