import * as chrono from 'chrono-node';
import {compile} from 'html-to-text';
import {DomUtils, parseDocument} from 'htmlparser2';

/**
 * A saved article page: its story text, without navigation, asides, captions or link addresses (an
 * address inside a paragraph would end up inside a quote), and the publication date and headline
 * that its metadata gives.
 */

export interface HtmlArticle {
	text: string;
	published?: string;
	headline?: string;
}

const SKIPPED = [
	'nav',
	'header',
	'footer',
	'aside',
	'figure',
	'form',
	'button',
	'script',
	'style',
	'noscript',
];

const converters = new Map<string, (html: string) => string>();

function converter(base: string): (html: string) => string {
	let convert = converters.get(base);
	if (!convert) {
		convert = compile({
			wordwrap: false,
			baseElements: {selectors: [base]},
			selectors: [
				{selector: 'a', options: {ignoreHref: true}},
				{selector: 'img', format: 'skip'},
				{selector: 'blockquote', format: 'block'},
				...['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((selector) => ({selector, options: {uppercase: false}})),
				...SKIPPED.map((selector) => ({selector, format: 'skip'})),
			],
		});
		converters.set(base, convert);
	}
	return convert;
}

const DATE_META = [
	'article:published_time',
	'og:published_time',
	'datepublished',
	'pubdate',
	'publishdate',
	'date',
	'dc.date.issued',
	'dc.date',
	'parsely-pub-date',
	'sailthru.date',
];

export function readArticleHtml(html: string): HtmlArticle {
	const dom = parseDocument(html);
	const elements = DomUtils.getElementsByTagName(() => true, dom, true);
	const byTag = (tag: string) => elements.filter((element) => element.name === tag);
	const base = ['article', 'main'].find((tag) => byTag(tag).length > 0) ?? 'body';
	const text = converter(base)(html);

	const meta = new Map<string, string>();
	for (const element of byTag('meta')) {
		const key = (
			element.attribs.property ??
			element.attribs.name ??
			element.attribs.itemprop ??
			''
		).toLowerCase();
		const content = element.attribs.content;
		if (key && content && !meta.has(key)) meta.set(key, content);
	}
	const stamps = [
		...DATE_META.map((key) => meta.get(key)),
		...byTag('time').map((element) => element.attribs.datetime),
		/"datePublished"\s*:\s*"([^"]+)"/u.exec(html)?.[1],
	];
	const published =
		stamps.map(isoDay).find((day) => day !== undefined) ?? bylineDay(elements.filter(isDateElement));
	const headline =
		meta.get('og:title') ??
		byTag('h1').map((element) => DomUtils.textContent(element).trim())[0] ??
		byTag('title').map((element) => DomUtils.textContent(element).trim())[0];
	return {text, published, headline: headline ? headline.replace(/\s+/gu, ' ') : undefined};
}

type Element = ReturnType<typeof DomUtils.getElementsByTagName>[number];

/** A byline's date element: `<li class="date-and-time" title="2015-03-13T21:00:00+11:00">March 13, 2015</li>`. */
function isDateElement(element: Element): boolean {
	const names = `${element.attribs.class ?? ''} ${element.attribs.itemprop ?? ''} ${element.attribs.id ?? ''}`;
	return /(?:^|[\s_-])(?:date|dateline|time|timestamp|published|pubdate)(?:$|[\s_-])/iu.test(names);
}

/**
 * The day the page shows in its byline, when no metadata gives one: the element's ISO attribute,
 * or its words when they name a full date ("March 13, 2015 9:00PM").
 */
function bylineDay(elements: readonly Element[]): string | undefined {
	for (const element of elements) {
		const {datetime, title, content} = element.attribs;
		const stamped = [datetime, title, content].map(isoDay).find((day) => day !== undefined);
		if (stamped) return stamped;
		const words = DomUtils.textContent(element).replace(/\s+/gu, ' ').trim();
		if (words.length === 0 || words.length > 80) continue;
		const found = chrono.en.strict.parse(words)[0]?.start;
		if (found?.isCertain('year') && found.isCertain('month') && found.isCertain('day')) {
			const pad = (n: number | null) => String(n ?? 0).padStart(2, '0');
			return `${found.get('year')}-${pad(found.get('month'))}-${pad(found.get('day'))}`;
		}
	}
	return undefined;
}

/** The calendar day an ISO stamp was written for, in its own zone: the publisher's date line. */
function isoDay(stamp: string | undefined): string | undefined {
	return stamp === undefined ? undefined : /^\s*(\d{4}-\d{2}-\d{2})(?:$|[T\s])/u.exec(stamp)?.[1];
}
