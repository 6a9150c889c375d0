import nlp from 'compromise';
import type {ActorEntry, ActorRegistry} from './actors.js';
import type {Article} from './article.js';
import {blankQuotations, type DatedSentence, findDatedSentences} from './events.js';
import {findQuotations} from './quotations.js';
import {dateQuotes, type QuoteDate} from './quote-dates.js';
import {type FoundQuote, findQuotes} from './quotes.js';
import {type Sentence, splitSentences} from './sentences.js';
import {readSpeakerPhrase} from './speaker-phrase.js';
import {resolveSpeakers, type Speaker} from './speakers.js';

/** Everything read from one article, before it is written out as a draft. */
export interface ArticleAnalysis {
	article: Article;
	index: number;
	sentences: Sentence[];
	quotes: FoundQuote[];
	speakers: Map<FoundQuote, Speaker>;
	saidDates: Map<FoundQuote, QuoteDate>;
	dated: DatedSentence[];
	/** Named people in the reporter's sentences, by sentence, for events' actors. */
	people: Map<Sentence, ActorEntry[]>;
}

export function analyseArticle(article: Article, index: number, registry: ActorRegistry): ArticleAnalysis {
	const {paragraphs, published} = article;
	const quotations = findQuotations(paragraphs);
	const sentences = splitSentences(paragraphs, quotations);
	const quotes = findQuotes(paragraphs, sentences);
	const speakers = resolveSpeakers(quotes, sentences, registry, index, article.headline);
	const dated = findDatedSentences(sentences, paragraphs, quotations, published);
	const saidDates = dateQuotes(quotes, speakers, dated, published);
	const people = new Map<Sentence, ActorEntry[]>();
	for (const sentence of sentences) {
		const text = blankQuotations(sentence, paragraphs, quotations);
		const found = (nlp(text).people().out('array') as string[])
			.map((name) => readSpeakerPhrase(name))
			.filter((phrase) => phrase?.kind === 'person' && phrase.name !== undefined)
			.map((phrase) =>
				registry.person(phrase?.name ?? '', {description: phrase?.description, gender: phrase?.gender}),
			);
		people.set(sentence, found);
	}
	return {article, index, sentences, quotes, speakers, saidDates, dated, people};
}
