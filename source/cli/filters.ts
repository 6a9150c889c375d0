import {parseEdtf} from '../dataset/edtf.js';
import type {Filters} from '../dataset/filter.js';
import type {Dataset} from '../dataset/model.js';
import {matchNames} from '../search/names.js';
import type {Flags} from './flags.js';
import {UsageError} from './usage-error.js';

/**
 * `--from/--to/--actor/--tag/--place` read against the dataset. Names match as everywhere
 * (search/names.ts); a name that matches nothing is an error that lists the known ones.
 */
export function readFilters(dataset: Dataset, flags: Flags): Filters {
	const date = (flag: string, value: string | undefined) => {
		if (value === undefined) return undefined;
		const parsed = parseEdtf(value);
		if (!parsed.ok)
			throw new UsageError(
				`--${flag}: expected a date such as 2025-12, 2025-12-31, 2024 or Y-13800000000, found "${value}"`,
			);
		return parsed.date;
	};
	const find = <T>(
		flag: string,
		queries: readonly string[],
		list: () => readonly T[],
		names: (item: T) => string[],
	) => {
		const found = new Set<T>();
		// Listed only when asked for: every tag of 100,000 events is a cost before the first frame.
		const items = queries.length > 0 ? list() : [];
		for (const query of queries) {
			const matches = matchNames(query, items, names);
			if (matches.length === 0) {
				throw new UsageError(
					`--${flag}: no ${flag} matches "${query}"${known(items.map((item) => names(item)[0] as string))}`,
				);
			}
			for (const item of matches) found.add(item);
		}
		return [...found];
	};
	const actors = find(
		'actor',
		flags.actor,
		() => [...dataset.actors.values()],
		(actor) => [actor.id, actor.name, ...(actor.aliases ?? [])],
	);
	const places = find(
		'place',
		flags.place,
		() => [...dataset.places.values()],
		(place) => [place.id, place.name],
	);
	const tags = find(
		'tag',
		flags.tag,
		() => [...new Set(dataset.events.flatMap((event) => event.tags))],
		(tag) => [tag],
	);
	const window = flags.from !== undefined || flags.to !== undefined;
	for (const [name, given] of [
		['certainly-inside', flags.certainlyInside],
		['include-undated', flags.includeUndated],
	] as const) {
		if (given && !window) throw new UsageError(`--${name} needs --from or --to`);
	}
	const filters: Filters = {
		from: date('from', flags.from),
		to: date('to', flags.to),
		dateMatch: flags.certainlyInside ? 'certain' : 'may',
		includeUndated: flags.includeUndated,
		actors: actors.map((actor) => actor.id),
		places: places.map((place) => place.id),
		tags,
	};
	if (filters.from && filters.to && filters.to.max < filters.from.min) {
		throw new UsageError(`--to ${flags.to} is before --from ${flags.from}`);
	}
	return filters;
}

function known(names: string[]): string {
	if (names.length === 0) return ' (the dataset has none)';
	const shown = names.slice(0, 12).join(', ');
	return ` (known: ${shown}${names.length > 12 ? ', …' : ''})`;
}
