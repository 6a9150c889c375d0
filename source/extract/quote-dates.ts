import type {ActorEntry} from './actors.js';
import {findAttribution} from './attribution.js';
import type {Day} from './calendar.js';
import {findDatePhrases} from './date-phrases.js';
import {resolveDate} from './date-rules.js';
import type {DatedSentence} from './events.js';
import type {FoundQuote} from './quotes.js';
import {readSpeakerPhrase} from './speaker-phrase.js';
import type {Speaker} from './speakers.js';

/**
 * When each quotation was said, which is not when it was printed:
 *
 * 1. a date in its attribution ("said on Wednesday");
 * 2. "has said", "says": some time up to publication, `[..2026-01-02]`;
 * 3. the occasion it names, dated elsewhere in the article ("in an interview" and "the interview
 *    was taped on New Year's Eve"; recorded beats aired);
 * 4. the speaker's previous quotation, when nothing above dates this one;
 * 5. after a dated act of the speaker's earlier in the article ("Trump revealed earlier this
 *    week…"): some day from that act to publication;
 * 6. otherwise some time up to publication. Without a publication date, nothing is guessed.
 */

export interface QuoteDate {
	said?: string;
	/** The dated sentence the date was taken from, whose event the quote belongs to. */
	from?: DatedSentence;
	/** The article's words that date it, when it has its own. */
	dateText?: string;
	how: string;
	confidence: number;
}

const OCCASIONS =
	/\b(interview|news conference|press conference|briefing|speech|statement|hearing|rally|address|remarks|debate|summit|podcast|broadcast|meeting|testimony|post|letter|call)\b/giu;
const RECORDED = /\b(?:taped|recorded|conducted|filmed|held|gave|given|granted|delivered)\b/iu;
const STANDING_VERB = /^(?:says|tells|adds|insists|argues|believes|claims|maintains|warns)$/u;

export function dateQuotes(
	quotes: readonly FoundQuote[],
	speakers: ReadonlyMap<FoundQuote, Speaker>,
	dated: readonly DatedSentence[],
	published: Day | undefined,
): Map<FoundQuote, QuoteDate> {
	const result = new Map<FoundQuote, QuoteDate>();
	const previous = new Map<ActorEntry, QuoteDate>();
	const byPublication: QuoteDate = published
		? {said: `[..${published}]`, how: 'said by publication', confidence: 0.6}
		: {how: 'not dated (no publication date)', confidence: 0};
	for (const quote of quotes) {
		const speaker = speakers.get(quote);
		if (!speaker) continue;
		const attribution = quote.attribution ?? quote.leadIn;
		const own = attribution ? ownDate(attribution.clause, published) : undefined;
		const standing =
			attribution !== undefined &&
			(attribution.auxiliary === 'has' ||
				attribution.auxiliary === 'have' ||
				STANDING_VERB.test(attribution.verb));
		const date =
			own ??
			(standing ? {...byPublication, how: 'has said: by publication'} : undefined) ??
			occasion(quote, dated) ??
			previous.get(speaker.actor) ??
			afterAct(quote, speaker.actor, dated, published) ??
			byPublication;
		result.set(quote, date);
		if (!standing)
			previous.set(speaker.actor, {...date, dateText: undefined, how: 'as the speaker’s quote before'});
	}
	return result;
}

function ownDate(clause: string, published: Day | undefined): QuoteDate | undefined {
	const phrase = findDatePhrases(clause, published).find((found) => found.kind !== 'ongoing');
	if (!phrase) return undefined;
	const resolved = resolveDate(phrase, published, false);
	return {
		said: resolved.date,
		dateText: phrase.text,
		how: 'date in the attribution',
		confidence: resolved.confidence,
	};
}

function occasion(quote: FoundQuote, dated: readonly DatedSentence[]): QuoteDate | undefined {
	const names = new Set(
		[...quote.sentence.matchAll(OCCASIONS)].map((match) => (match[1] ?? '').toLowerCase()),
	);
	if (names.size === 0) return undefined;
	const candidates = dated.filter(
		(entry) =>
			entry.resolved.date !== undefined &&
			!entry.resolved.ongoing &&
			[...names].some((name) => new RegExp(`\\b${name}\\b`, 'iu').test(entry.sentence.text)),
	);
	const best = candidates.find((entry) => RECORDED.test(entry.sentence.text)) ?? candidates[0];
	return best
		? {
				said: best.resolved.date,
				from: best,
				how: `the ${[...names][0]} dated elsewhere`,
				confidence: best.resolved.confidence * 0.85,
			}
		: undefined;
}

/**
 * The speaker's latest dated act before the quotation ("Trump revealed earlier this week a strike"):
 * the date must be the act's own, in its clause, not the date of what the act reports.
 */
function afterAct(
	quote: FoundQuote,
	actor: ActorEntry,
	dated: readonly DatedSentence[],
	published: Day | undefined,
): QuoteDate | undefined {
	if (!published) return undefined;
	const forms = new Set([...actor.forms].map((form) => form.toLowerCase()));
	let start: string | undefined;
	for (const entry of dated) {
		if (entry.sentence.paragraph >= quote.paragraph || entry.resolved.ongoing) continue;
		const attribution = findAttribution(entry.sentence.text, '');
		const name = attribution && readSpeakerPhrase(attribution.phrase)?.name;
		if (!attribution || !name || !forms.has(name.toLowerCase())) continue;
		const own = ownDate(attribution.clause, published);
		start = own?.said ? earliestDay(own.said) : start;
	}
	if (!start) return undefined;
	return {
		said: start === published ? published : `[${start}..${published}]`,
		how: 'after the speaker’s dated act',
		confidence: 0.5,
	};
}

function earliestDay(date: string): string | undefined {
	return /(\d{4}-\d{2}-\d{2})/u.exec(date)?.[1];
}
