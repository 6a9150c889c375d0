/**
 * The notation of the list and the detail, explained once: the help overlay shows this table (and the
 * README's legend is written from it), so what a mark means is said in one place.
 */
export interface LegendEntry {
	/** An example as the list or the detail shows it. */
	readonly example: string;
	readonly meaning: string;
}

export const LEGEND: readonly LegendEntry[] = [
	{example: 'Dec 2025, 2024', meaning: 'a date, at the precision given'},
	{example: 'c. 2025', meaning: 'approximate (circa)'},
	{example: '31 Dec 2025?', meaning: 'uncertain in the source'},
	{example: '22–28 Dec 2025', meaning: 'lasted from the first to last day'},
	{example: '2025 – ongoing', meaning: 'under way: no end given'},
	{example: '2025 – ?', meaning: 'end not given (? – 2026: start)'},
	{example: 'between 22–28 Dec', meaning: 'one day in that window, not which'},
	{example: 'by 2 Jan 2026', meaning: 'on or before; no date given'},
	{example: '1 Dec 2025 or later', meaning: 'on or after; no date given'},
	{example: '500 BC', meaning: 'before year 1 (year 0 is 1 BC)'},
	{example: '❝4', meaning: 'the event has 4 quotes'},
	{example: '“…”', meaning: 'the words as the source prints them'},
	{example: '(paraphrase)', meaning: 'reported speech, not verbatim'},
	{example: 'CIA (reported)', meaning: 'its part only reported or alleged'},
];
