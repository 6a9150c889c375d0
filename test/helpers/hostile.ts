import fc from 'fast-check';

/** Escape sequences and controls as they turn up in scraped or malicious text. */
export const nasty = fc.constantFrom(
	'\u001b[2J',
	'\u001b]0;pwned\u0007',
	'\u001b]52;c;aGVsbG8=\u001b\\',
	'\u001b]8;;http://evil.test\u001b\\',
	'\u001bPq#0;2;0;0;0\u001b\\',
	'\u009b31m',
	'\u009d0;t\u009c',
	'\u0007',
	'\b\b\b',
	'\r',
	'\u202e',
	'\u2066',
	'\u0000',
	'\t',
	'\u001b[?1049l',
	'\u001bc',
);
/** Text with controls and escape sequences mixed in. */
export const hostileText = fc
	.array(
		fc.oneof({weight: 3, arbitrary: fc.string({minLength: 1, maxLength: 8})}, {weight: 2, arbitrary: nasty}),
		{
			minLength: 1,
			maxLength: 6,
		},
	)
	.map((parts) => parts.join(''));

/** A valid timescope/1 document whose every string is hostile text. */
export const hostileDataset = fc
	.record({
		title: hostileText,
		summary: hostileText,
		names: fc.array(hostileText, {minLength: 1, maxLength: 3}),
		words: fc.array(hostileText, {minLength: 1, maxLength: 4}),
	})
	.map(({title, summary, names, words}) => ({
		format: 'timescope/1',
		title,
		summary,
		referenceDate: '2026-01-02',
		actors: names.map((name, i) => ({id: `a${i}`, name, description: summary, aliases: [name]})),
		places: [{id: 'p', name: title}],
		sources: [{id: 's', title, publisher: summary, note: title}],
		events: words.map((word, i) => ({
			id: `e${i}`,
			date: '2025-12-22/2025-12-28',
			dateText: word,
			title: word,
			summary,
			actors: ['a0'],
			places: ['p'],
			tags: [word],
			sources: ['s'],
		})),
		quotes: words.map((word, i) => ({
			id: `q${i}`,
			text: `${word} oil ${summary}`,
			speaker: `a${i % names.length}`,
			kind: 'partial',
			said: '2025-12-31',
			context: word,
			events: [`e${i}`],
			source: 's',
			original: word,
			language: 'es',
		})),
	}));
