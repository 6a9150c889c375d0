import type {ActorEntry} from './actors.js';
import type {ArticleAnalysis} from './analyse.js';
import type {DatedSentence} from './events.js';

/**
 * An event's title stands alone in the timeline, so it cannot open with "He" or "She": the pronoun
 * becomes the person it means ("He remained silent on …" → "Maduro remained silent on …") when
 * that is unambiguous — exactly one person of a fitting gender named in the sentence, or else in the
 * sentence before. Otherwise the title keeps the reporter's pronoun.
 */

const OPENING_PRONOUN = /^(He|She)\s+/u;

export function titleWithReferent(title: string, dated: DatedSentence, analysis: ArticleAnalysis): string {
	const match = OPENING_PRONOUN.exec(title);
	if (!match) return title;
	const gender = match[1] === 'He' ? 'male' : 'female';
	const fits = (entry: ActorEntry) => entry.kind === 'person' && (!entry.gender || entry.gender === gender);
	const index = analysis.sentences.indexOf(dated.sentence);
	for (const sentence of [analysis.sentences[index], analysis.sentences[index - 1]]) {
		if (!sentence) continue;
		const people = [...new Set(analysis.people.get(sentence) ?? [])].filter(fits);
		if (people.length > 1) return title;
		const [person] = people;
		if (person) return `${person.name.split(/\s+/u).at(-1)} ${title.slice(match[0].length)}`;
	}
	return title;
}
