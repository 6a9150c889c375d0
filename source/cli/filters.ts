import {parseEdtf} from '../dataset/edtf.js';
import {type Filters, findActors} from '../dataset/filter.js';
import type {Dataset} from '../dataset/model.js';
import type {Flags} from './flags.js';
import {UsageError} from './usage-error.js';

/** `--from/--to/--actor/--tag/--place` read against the dataset: a name that matches nothing is an error. */
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
	const actors = flags.actor.flatMap((query) => {
		const found = findActors(dataset, query);
		if (found.length === 0)
			throw new UsageError(`--actor: no actor matches "${query}"${known([...dataset.actors.keys()])}`);
		return found.map((actor) => actor.id);
	});
	const places = flags.place.flatMap((query) => {
		const wanted = query.toLowerCase();
		const found = [...dataset.places.values()].filter(
			(place) => place.id === query || place.name.toLowerCase().includes(wanted),
		);
		if (found.length === 0)
			throw new UsageError(`--place: no place matches "${query}"${known([...dataset.places.keys()])}`);
		return found.map((place) => place.id);
	});
	const allTags = new Set(dataset.events.flatMap((event) => event.tags));
	for (const tag of flags.tag) {
		if (!allTags.has(tag)) throw new UsageError(`--tag: no event has the tag "${tag}"${known([...allTags])}`);
	}
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
		actors,
		places,
		tags: flags.tag,
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

export function describeFilters(
	dataset: Dataset,
	filters: Filters,
	event: string | undefined,
): string | undefined {
	const parts = [
		filters.from && `from ${filters.from.text}`,
		filters.to && `to ${filters.to.text}`,
		filters.dateMatch === 'certain' && 'certainly inside',
		filters.includeUndated && 'with undated',
		...(filters.actors ?? []).map((id) => `actor ${dataset.actors.get(id)?.name ?? id}`),
		...(filters.tags ?? []).map((tag) => `tag ${tag}`),
		...(filters.places ?? []).map((id) => `place ${dataset.places.get(id)?.name ?? id}`),
		event !== undefined && `event ${event}`,
	].filter(Boolean);
	return parts.length > 0 ? parts.join(' · ') : undefined;
}
