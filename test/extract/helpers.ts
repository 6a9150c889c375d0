import type {TimescopeDocument} from '../../source/dataset/schema.js';
import {extractDraft} from '../../source/extract/extract.js';

/** A draft from article text written inline; `date` is the publication date (`--date`). */
export function draftOf(text: string, date?: string): TimescopeDocument {
	return extractDraft([{file: 'article.txt', text}], {date});
}

/** Each quote as `speaker name: text`, the way a reviewer reads the draft. */
export function quoteLines(doc: TimescopeDocument): string[] {
	const names = new Map((doc.actors ?? []).map((actor) => [actor.id, actor.name]));
	return (doc.quotes ?? []).map((quote) => `${names.get(quote.speaker) ?? quote.speaker}: ${quote.text}`);
}

/** The paragraphs of an article, blank-line separated, as a journalist's file would have them. */
export function article(...paragraphs: string[]): string {
	return paragraphs.join('\n\n');
}

/** The quoted words the extractor set aside as not someone's, with why. */
export function setAsideOf(doc: TimescopeDocument): Array<{text: string; reason: string}> {
	const extension = doc.extensions?.extract as {setAside?: Array<{text: string; reason: string}>} | undefined;
	return extension?.setAside ?? [];
}
