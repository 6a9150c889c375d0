import {readArticleHtml} from './html.js';

/**
 * A news article as the extractor reads it: plain paragraphs, and what is known about its
 * publication. The publication date is what every relative date ("on Thursday", "last week") is
 * resolved against; without one those dates stay as words.
 */

export interface Article {
	/** The path or label it was read from, for messages and the draft's source note. */
	file: string;
	paragraphs: string[];
	/** `YYYY-MM-DD`, from `--date`, the `date YYYY-MM-DD headline` first line, or the HTML metadata. */
	published?: string;
	headline?: string;
	/** Where the publication date came from, said in the draft so a reviewer can check it. */
	publishedFrom?: 'option' | 'first line' | 'html metadata';
}

export interface ArticleOptions {
	/** `YYYY-MM-DD`; wins over a date found in the article. */
	date?: string;
}

const FIRST_LINE = /^\s*date\s+(\d{4}-\d{2}-\d{2})(?:[ \t]+(.*))?$/iu;
// A saved page may open with an XML prolog or comments (`<!--?xml … ?-->`) before its doctype.
const HTML =
	/^\s*(?:(?:<\?xml[^>]*>|<!--[\s\S]*?-->)\s*)*(?:<!doctype html|<html[\s>]|<head[\s>]|<body[\s>]|<article[\s>]|<p[\s>])/iu;
const SENTENCE_END = /[.!?:"”’)\]…]$/u;

export function parseArticle(raw: string, file: string, options: ArticleOptions = {}): Article {
	const text = raw.replace(/^\ufeff/u, '').replace(/\r\n?/gu, '\n');
	let article: Article;
	if (HTML.test(text)) {
		const html = readArticleHtml(text);
		article = {
			file,
			paragraphs: splitParagraphs(html.text),
			published: html.published,
			headline: html.headline,
			publishedFrom: html.published ? 'html metadata' : undefined,
		};
	} else {
		const [first = '', ...rest] = text.split('\n');
		const header = FIRST_LINE.exec(first);
		article = header
			? {
					file,
					paragraphs: splitParagraphs(rest.join('\n')),
					published: header[1],
					headline: header[2]?.trim() || undefined,
					publishedFrom: 'first line',
				}
			: {file, paragraphs: splitParagraphs(text)};
	}
	article.paragraphs = article.paragraphs.map((paragraph, index) =>
		index < 3 ? withoutDateline(paragraph) : paragraph,
	);
	if (options.date !== undefined) {
		article.published = options.date;
		article.publishedFrom = 'option';
	}
	return article;
}

/**
 * A wire dateline ("TAIPEI, July 13 (Reuters) –", "WASHINGTON (AP) —", "(TRENTON, N.J.) --",
 * "OTTAWA — ", "ISLAMABAD - ") says where
 * the story was filed; it is not part of the first sentence, whose subject it would otherwise become.
 */
const DATELINE =
	/^(?:[\p{Lu}][\p{Lu}\p{M} .'’/-]+(?:,\s*[\p{Lu}][\p{L}.]*\.?)?,?\s+)?(?:[\p{Lu}][a-z]{2,8}\.?\s+\d{1,2},?\s+)?\((?:[^()]{2,40})\)\s*[-–—]+\s*|^(?:[\p{Lu}][a-z]{2,8}\.?\s+\d{1,2}\s+)\((?:[^()]{2,40})\)\s*[-–—]+\s*|^\p{Lu}{2,}[\p{Lu} ,.'’/-]*\((?:[^()]{2,40})\)\s*[-–—]*\s*|^\p{Lu}{3,}(?:[ -]\p{Lu}{2,})*:\s+|^\p{Lu}{3,}(?:[ .'’-]+\p{Lu}{2,}\.?)*(?:,\s*\p{Lu}[\p{L}.]*\.?)*\s+(?:[—–]|-{1,2})\s+/u;

function withoutDateline(paragraph: string): string {
	const match = DATELINE.exec(paragraph);
	return match && match[0].length < paragraph.length ? paragraph.slice(match[0].length) : paragraph;
}

/**
 * Paragraphs are separated by blank lines. Text without any blank line is either one paragraph a
 * line, or prose hard-wrapped at a fixed width; there a line ends its paragraph only when it ends a
 * sentence well short of the width.
 */
export function splitParagraphs(text: string): string[] {
	const clean = (paragraph: string) => paragraph.replace(/\s+/gu, ' ').trim();
	if (/\n[ \t]*\n/u.test(text)) {
		return text
			.split(/\n[ \t]*\n/u)
			.map(clean)
			.filter(Boolean);
	}
	const lines = text.split('\n').map(clean).filter(Boolean);
	const width = Math.max(0, ...lines.map((line) => line.length));
	const wrapped =
		lines.length >= 4 && lines.filter((line) => line.length >= width * 0.7).length >= lines.length * 0.6;
	const paragraphs: string[] = [];
	let current = '';
	let last = '';
	for (const line of lines) {
		const ended = SENTENCE_END.test(last) && (!wrapped || last.length < width * 0.75);
		const continues = current !== '' && !ended && (wrapped || /^[\p{Ll}\d]/u.test(line));
		if (continues) current = `${current} ${line}`;
		else {
			if (current) paragraphs.push(current);
			current = line;
		}
		last = line;
	}
	if (current) paragraphs.push(current);
	return paragraphs;
}
