import {foldText} from './fold.js';

/**
 * How a name a person types finds names in the data, for every filter (`--actor`, `--place`, `--tag`)
 * as for `@speaker` in a search: folded as search folds (case, accents, ł/ø/ß…, spacing ignored:
 * "lukasz" finds Łukasz, "nicolas" finds Nicolás). The items with a name equal to the query win;
 * without one, those with a name that contains it: `trump` finds the actor "trump" and not "Trump
 * administration", `maduro` finds Nicolás Maduro, `military` finds that tag and not paramilitary.
 */
export function matchNames<T>(query: string, items: Iterable<T>, names: (item: T) => readonly string[]): T[] {
	const wanted = foldText(query);
	if (wanted === '') return [];
	const folded = [...items].map((item) => ({item, names: names(item).map(foldText)}));
	const equal = folded.filter((entry) => entry.names.includes(wanted));
	const found =
		equal.length > 0 ? equal : folded.filter((entry) => entry.names.some((name) => name.includes(wanted)));
	return found.map((entry) => entry.item);
}
