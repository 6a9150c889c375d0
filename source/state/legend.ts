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
	{example: '31 Dec 2025, Dec 2025, 2024', meaning: 'a date at the precision the source gives'},
	{example: 'c. 2025', meaning: 'approximate (circa)'},
	{example: '31 Dec 2025?', meaning: 'uncertain: the source is not sure'},
	{example: '22–28 Dec 2025', meaning: 'lasted from the first day to the last'},
	{example: 'c. 2025 – ongoing', meaning: 'still under way: no end is given'},
	{example: '2025 – ?, ? – 2 Jan 2026', meaning: 'a start or an end that is not given'},
	{example: 'between 22–28 Dec 2025', meaning: 'one day in that window, not known which'},
	{example: 'by 2 Jan 2026', meaning: 'on or before that day; the date is not given'},
	{example: '1 Dec 2025 or later', meaning: 'on or after that day; the date is not given'},
	{example: '500 BC, 13.8 billion years ago', meaning: 'before year 1; deep time in words'},
	{example: '❝4', meaning: 'the event has 4 quotes'},
	{example: '“…”  (paraphrase)', meaning: 'words quoted as printed; reported speech without quote marks'},
	{example: 'CIA (reported)', meaning: 'an actor the source only reports (or alleges) took part'},
];
