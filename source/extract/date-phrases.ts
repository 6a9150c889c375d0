import * as chrono from 'chrono-node';

/**
 * Finding the words that date something: chrono-node reads weekdays, explicit dates, "yesterday",
 * "three days ago"; parsers added here read the newsroom phrases chrono has no notion of ("last
 * week", "earlier this month", "on New Year's Eve", "in 2024", "in recent days", "for months").
 * Each phrase keeps chrono's reading; date-rules.ts turns it into the kind of time it says.
 */

export type PhraseKind =
	| 'chrono'
	| 'period'
	| 'season'
	| 'holiday'
	| 'year'
	| 'decade'
	| 'recent'
	| 'ongoing'
	| 'same';

export interface DatePhrase {
	index: number;
	text: string;
	kind: PhraseKind;
	/** chrono's known components: weekday, day, month, year. */
	known: {weekday?: number; day?: number; month?: number; year?: number};
	/** For relative phrases chrono computed ("3 days ago"): the unit counted. */
	agoUnit?: 'day' | 'week' | 'month' | 'year';
}

const CUSTOM: Array<{kind: PhraseKind; pattern: RegExp}> = [
	{
		kind: 'period',
		pattern:
			/\b(?:(?:earlier|later|early|late)\s+(?:in\s+)?)?(?:this|last|next|the\s+past|the\s+previous|the\s+coming)\s+(?:week(?:end)?|month|year)\b/giu,
	},
	{kind: 'period', pattern: /\b(?:over|at|during)\s+the\s+weekend\b/giu},
	{
		kind: 'season',
		pattern:
			/\b(?:(?:over|during|in)\s+the|this|last|next|(?:earlier|later)\s+this)\s+(?:spring|summer|autumn|fall)\b/giu,
	},
	{
		kind: 'holiday',
		pattern:
			/\b(?:on\s+)?(?:new\s+year['’]s\s+(?:eve|day)|christmas\s+(?:eve|day)|christmas|boxing\s+day|halloween|valentine['’]s\s+day|thanksgiving(?:\s+day)?)\b/giu,
	},
	// "in the 1970s", "the early 1990s": a decade, whatever qualifies it.
	{
		kind: 'decade',
		pattern:
			/\b(?:(?:in|since|during|until|by|from|throughout|of)\s+)?the\s+(?:early\s+|late\s+|mid-)?(?:1[6-9]\d0|20\d0)['’]?s\b/giu,
	},
	{
		kind: 'year',
		pattern:
			/\b(?:in|since|during|until|by|from|throughout)\s+(?:early\s+|late\s+|mid-)?(?:1[6-9]\d\d|20\d\d)\b(?![-–/]\d|\s+(?:people|troops|votes|times|per)\b)/giu,
	},
	// "the 2024 election": the year alone is the phrase.
	// "the war of 2014": the year alone is the phrase.
	{
		kind: 'year',
		pattern: /(?<=\bof\s)(?:1[6-9]\d\d|20\d\d)\b(?![-–/]\d|\s+(?:people|troops|votes|times|per)\b)/gu,
	},
	{
		kind: 'year',
		pattern: /(?<=\b[Tt]he\s)(?:1[6-9]\d\d|20\d\d)(?=\s+\p{Ll})(?!\s+(?:people|troops|votes|times|per)\b)/gu,
	},
	{
		kind: 'recent',
		pattern: /\b(?:in|over|during)\s+(?:the\s+)?(?:recent|past|last)\s+(?:few\s+)?(?:days|weeks|months)\b/giu,
	},
	// "the same day the US military struck…": the date of the phrase before it.
	{
		kind: 'same',
		pattern: /\b(?:on\s+)?(?:the\s+same|that(?:\s+same)?)\s+(?:day|night|morning|afternoon|evening)\b/giu,
	},
	{kind: 'ongoing', pattern: /\b(?:for\s+(?:days|weeks|months|years)|(?:days|weeks|months|years)-long)\b/giu},
];

const MONTH_ONLY_CONTEXT =
	/\b(?:(?:in|since|during|until|by|from|of)\s+(?:early\s+|late\s+|mid-)?|last\s+|this\s+|next\s+|early\s+|late\s+|mid-)$/iu;

/**
 * Date phrases in a reporter's text, in order. Quotations should be blanked out first. `reference`
 * (the publication day, when known) lets chrono count "three days ago".
 */
export function findDatePhrases(text: string, reference?: string): DatePhrase[] {
	const found: DatePhrase[] = [];
	let rest = text;
	for (const {kind, pattern} of CUSTOM) {
		for (const match of rest.matchAll(pattern)) {
			found.push({index: match.index, text: match[0], kind, known: {}});
			// Blanked so that chrono does not read the same words again ("months" as "in a month").
			rest =
				rest.slice(0, match.index) + ' '.repeat(match[0].length) + rest.slice(match.index + match[0].length);
		}
	}
	const instant = reference ? new Date(`${reference}T12:00:00Z`) : new Date(0);
	for (const result of chrono.en.casual.parse(rest, {instant, timezone: 0})) {
		const phraseText = result.text.replace(/[\s,;:.]+$/u, '');
		const start = result.start;
		const known = {
			weekday: start.isCertain('weekday') ? (start.get('weekday') ?? undefined) : undefined,
			day: start.isCertain('day') ? (start.get('day') ?? undefined) : undefined,
			month: start.isCertain('month') ? (start.get('month') ?? undefined) : undefined,
			year: start.isCertain('year') ? (start.get('year') ?? undefined) : undefined,
		};
		const onlyTime = Object.values(known).every((value) => value === undefined) && !isCasualDay(phraseText);
		// "now", "right now": the present of whoever speaks, not a date. "Sun", "Wed" alone are words
		// ("the Herald Sun"): a weekday is written out, or dated ("Wed., March 4").
		if (onlyTime || /^(?:right\s+)?now$/iu.test(phraseText)) continue;
		if (/^\p{L}{2,4}\.?$/u.test(phraseText) && known.weekday !== undefined) continue;
		// A month name alone ("May", "March") is a date only where a date can stand: "in May".
		const lead = rest.slice(0, result.index);
		if (
			known.month !== undefined &&
			known.day === undefined &&
			known.year === undefined &&
			!MONTH_ONLY_CONTEXT.test(lead) &&
			!/^(?:in|last|this|next|early|late|mid-?)\b/iu.test(phraseText)
		) {
			continue;
		}
		// "early on Thursday", "late Monday", "in July", "last October": the words that qualify the date
		// belong to the phrase as printed.
		const qualifier =
			known.month && !known.day
				? MONTH_ONLY_CONTEXT
				: /\b(?:early|late|earlier|later|midday|mid-morning|mid-afternoon)\s+(?:on\s+)?$/iu;
		const part = qualifier.exec(lead)?.[0] ?? '';
		found.push({
			index: result.index - part.length,
			text: part + phraseText,
			kind: 'chrono',
			known,
			agoUnit: agoUnit(phraseText),
		});
	}
	return found.sort((a, b) => a.index - b.index);
}

function isCasualDay(text: string): boolean {
	return /\b(?:today|tonight|yesterday|tomorrow|last\s+night|this\s+(?:morning|afternoon|evening)|overnight|ago)\b/iu.test(
		text,
	);
}

function agoUnit(text: string): DatePhrase['agoUnit'] {
	const unit = /\b(day|week|month|year)s?\s+ago\b/iu.exec(text)?.[1]?.toLowerCase();
	return unit as DatePhrase['agoUnit'];
}
