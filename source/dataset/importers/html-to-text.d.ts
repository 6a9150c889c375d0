// html-to-text 10 ships no types; this declares the part the importers and the extractor use.
declare module 'html-to-text' {
	export interface SelectorDefinition {
		selector: string;
		format?: string;
		options?: Record<string, unknown>;
	}
	export interface HtmlToTextOptions {
		wordwrap?: number | false | null;
		baseElements?: {selectors?: string[]; returnDomByDefault?: boolean};
		selectors?: SelectorDefinition[];
	}
	export function compile(options?: HtmlToTextOptions): (html: string) => string;
}
