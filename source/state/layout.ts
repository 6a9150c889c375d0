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

export interface Layout {
	readonly tooSmall: boolean;
	readonly columns: number;
	/** Lines in a frame. */
	readonly height: number;
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

/** The layout of the explorer's screen for a state: its size, and its header's height. */
export function screenLayout(state: {
	readonly size: Size;
	readonly dataset: {readonly eras: readonly unknown[]};
}): Layout {
	return layoutFor(state.size, headerLines(state.dataset));
}

export function headerLines(dataset: {readonly eras: readonly unknown[]}): number {
	return dataset.eras.length > 0 ? HEADER_LINES + 1 : HEADER_LINES;
}

export function layoutFor(size: Size, header = HEADER_LINES): Layout {
	const columns = Math.max(1, size.columns);
	const height = Math.max(1, size.rows - 1);
	const tooSmall = size.columns < MIN_COLUMNS || size.rows < MIN_ROWS;
	const wide = columns >= WIDE_COLUMNS;
	const bodyHeight = Math.max(1, height - header - STATUS_LINES);
	const listWidth = wide ? Math.floor(columns / 2) : columns;
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
