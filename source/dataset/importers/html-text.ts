import {compile} from 'html-to-text';

/**
 * TimelineJS headlines, texts, captions and credits are HTML fragments. A terminal shows them as plain
 * text: paragraphs stay apart, line breaks stay, a link keeps its address as `label (url)` so nothing a
 * reader could check is lost, entities are decoded, and script/style content is gone.
 */

const LINK = {linkBrackets: ['(', ')'], hideLinkHrefIfSameAsText: true};
const HEADING = {uppercase: false};

const convert = compile({
	// The explorer wraps to the terminal's width itself.
	wordwrap: false,
	selectors: [
		{selector: 'a', options: LINK},
		{selector: 'img', options: {linkBrackets: ['(', ')']}},
		...['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((selector) => ({selector, options: HEADING})),
		{selector: 'table', format: 'dataTable', options: {uppercaseHeaderCells: false}},
	],
});

/** What html-to-text treats as collapsible whitespace (its `whitespaceCharacters` default). */
const HTML_WHITESPACE = /[ \t\r\n\f\u200b]+/gu;

/** Plain text with paragraphs separated by one blank line; '' when the HTML holds no text. */
export function htmlToText(html: string): string {
	// Most headlines and captions hold no markup: the parser would only collapse their whitespace.
	if (!/[<&]/.test(html)) return html.replace(HTML_WHITESPACE, ' ').trim();
	return convert(html)
		.split('\n')
		.map((line) => line.trimEnd())
		.join('\n')
		.replace(/\n{3,}/g, '\n\n')
		.trim();
}

/** One line of plain text, for titles and names: all whitespace, line breaks included, becomes one space. */
export function htmlToLine(html: string): string {
	return htmlToText(html).replace(/\s+/gu, ' ').trim();
}
