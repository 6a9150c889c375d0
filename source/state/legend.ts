/**
 * The notation of the list and the detail, explained once: the help overlay shows this table and the
 * README's "Reading dates and marks" repeats it row for row (a test keeps them equal). Examples fit the
 * help's key column (19 cells), meanings its text column.
 */
export interface LegendEntry {
	/** An example as the list or the detail shows it. */
	readonly example: string;
	readonly meaning: string;
}

export const LEGEND: readonly LegendEntry[] = [
	{example: '31 Dec 2025, 2024', meaning: 'a date at the precision given'},
	{example: 'c. Dec 2025', meaning: 'approximate (circa)'},
	{example: '31 Dec 2025?', meaning: 'uncertain in the source'},
	{example: '22–28 Dec 2025', meaning: 'lasted from the first day to the last'},
	{example: 'c. 2025 – ongoing', meaning: 'began then, still going on'},
	{example: '2025 – ?', meaning: 'an end (or start) not given'},
	{example: 'between 22–28 Dec', meaning: 'one day in the window, unknown which'},
	{example: '2024 or 31 Dec 2025', meaning: 'one of these dates'},
	{example: 'by 2 Jan 2026', meaning: 'on or before that day, nothing more'},
	{example: '1 Dec 2025 or later', meaning: 'on or after that day, nothing more'},
	{example: '500 BC', meaning: 'before year 1 (year 0 is 1 BC)'},
	{example: '1 million years ago', meaning: 'deep time, in words'},
	{example: '· “last week”', meaning: 'the source’s own words for the date'},
	{example: '· 2 days before', meaning: 'how far from the reference date'},
	{example: '❝4', meaning: 'the event has 4 quotes'},
	{example: '“…”', meaning: 'the words as the source prints them'},
	{example: '(paraphrase)', meaning: 'reported speech, not verbatim'},
	{example: 'CIA (reported)', meaning: 'its part only reported or alleged'},
	{example: '◇', meaning: 'a draft item to check first (extract)'},
];
