import {describeFilters, type Filters, select, toDocument} from '../../dataset/filter.js';
import {type Dataset, findEvent} from '../../dataset/model.js';
import {countText, exportText} from '../../output/export.js';
import {toSafeJson} from '../../output/json.js';
import {renderListing} from '../../output/listing.js';
import {renderSearchListing, searchJson} from '../../output/search-output.js';
import {styleFor} from '../../output/style.js';
import {SCOPE_KINDS, type Searcher} from '../../search/searcher.js';
import {colourWanted} from '../../text/colour.js';
import type {Flags} from '../flags.js';
import {UsageError} from '../usage-error.js';
import {write} from '../write.js';

/**
 * Print mode: the listing, the JSON document, or search results, of what the filters keep. The
 * searcher comes from the caller: a cached open brings its index along.
 */
export async function print(
	dataset: Dataset,
	filters: Filters,
	flags: Flags,
	searcher: () => Promise<Searcher>,
): Promise<number> {
	let selection = select(dataset, filters);
	if (flags.event !== undefined) {
		const event = findEvent(dataset, flags.event);
		if (!event) throw new UsageError(`no event has the id "${flags.event}"`);
		const quotes = new Set(selection.quotes);
		selection = {events: [event], quotes: event.quotes.filter((quote) => quotes.has(quote))};
	}
	const style = styleFor(colourWanted(flags.color, process.env, process.stdout));
	const width = flags.width ?? outputWidth();
	if (flags.search !== undefined) {
		const kinds = SCOPE_KINDS[flags.kind];
		const result = (await searcher()).search(flags.search, {
			within: selection,
			limit: flags.limit === 0 ? undefined : flags.limit,
			kinds,
		});
		write(flags.json ? toSafeJson(searchJson(result)) : renderSearchListing(result, {width, style, kinds}));
		return 0;
	}
	if (flags.json) {
		write(toSafeJson(toDocument(dataset, selection)));
		return 0;
	}
	const parts = [
		...describeFilters(dataset, filters),
		...(flags.event === undefined ? [] : [`event ${flags.event}`]),
	];
	if (flags.markdown || flags.csv) {
		const summary = `${countText(selection)}${parts.length > 0 ? `; filters: ${parts.join(' · ')}` : ''}.`;
		write(exportText(flags.csv ? 'csv' : 'markdown', {dataset, selection, heading: dataset.title, summary}));
		return 0;
	}
	const filterText = parts.length > 0 ? parts.join(' · ') : undefined;
	write(renderListing(dataset, selection, {width, style, filterText}));
	return 0;
}

/** Without --width: COLUMNS if set (bash does not export it to pipes), the terminal's, or 80. */
function outputWidth(): number {
	const fromEnv = Number(process.env.COLUMNS);
	if (Number.isInteger(fromEnv) && fromEnv >= 20) return fromEnv;
	return process.stdout.isTTY && process.stdout.columns >= 20 ? process.stdout.columns : 80;
}
