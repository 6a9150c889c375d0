import type {TimescopeDocument} from '../dataset/schema.js';
import {ActorRegistry} from './actors.js';
import {analyseArticle} from './analyse.js';
import {type ArticleOptions, parseArticle} from './article.js';
import {buildDraft, type DraftOptions} from './draft.js';

/**
 * `timescope extract`: news articles in, one `timescope/1` draft out. Pure: the caller reads the
 * files and writes the result.
 */

export interface ArticleInput {
	file: string;
	text: string;
}

export type ExtractOptions = ArticleOptions & DraftOptions;

export function extractDraft(
	inputs: readonly ArticleInput[],
	options: ExtractOptions = {},
): TimescopeDocument {
	const registry = new ActorRegistry();
	const analyses = inputs.map((input, index) =>
		analyseArticle(parseArticle(input.text, input.file, {date: options.date}), index, registry),
	);
	return buildDraft(analyses, registry, {title: options.title});
}
