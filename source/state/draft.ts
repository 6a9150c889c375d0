import type {Dataset, Quote, TimelineEvent} from '../dataset/model.js';

/**
 * What `timescope extract` recorded about a draft, read back for the explorer: the banner that says
 * the dataset is a draft, and for each item the sentence it came from and how sure the extractor
 * was. Extensions are a file's own data, so every field is checked before it is used.
 */

export interface Extraction {
	sentence: string;
	confidence: number;
	/** How the speaker was found ("pronoun", "continues previous quote"), for quotes. */
	speakerHow?: string;
	/** How the date of saying was found, for quotes. */
	saidHow?: string;
}

/** Below this, an item is marked in the list for a person to check first. */
export const CHECK_BELOW = 0.6;

export function draftBanner(dataset: Dataset): string | undefined {
	const extension = record(dataset.doc.extensions?.extract);
	if (extension?.draft !== true) return undefined;
	const articles = Array.isArray(extension.articles) ? extension.articles : [];
	const files = articles
		.map((article) => record(article)?.file)
		.filter((file): file is string => typeof file === 'string')
		.map((file) => file.split(/[\\/]/u).at(-1) ?? file);
	return `draft extracted from ${files.length > 0 ? files.join(', ') : 'articles'} · check each item`;
}

export function extractionOf(item: TimelineEvent | Quote): Extraction | undefined {
	const extension = record(item.doc.extensions?.extract);
	if (typeof extension?.sentence !== 'string' || typeof extension.confidence !== 'number') return undefined;
	const speaker = record(extension.speaker);
	const said = record(extension.said);
	return {
		sentence: extension.sentence,
		confidence: extension.confidence,
		speakerHow: typeof speaker?.how === 'string' ? speaker.how : undefined,
		saidHow: typeof said?.how === 'string' ? said.how : undefined,
	};
}

/** An extracted event, or one holding an extracted quote, that the extractor was unsure of. */
export function needsCheck(event: TimelineEvent): boolean {
	return [event, ...event.quotes].some((item) => (extractionOf(item)?.confidence ?? 1) < CHECK_BELOW);
}

function record(value: unknown): Record<string, unknown> | undefined {
	return typeof value === 'object' && value !== null && !Array.isArray(value)
		? (value as Record<string, unknown>)
		: undefined;
}
