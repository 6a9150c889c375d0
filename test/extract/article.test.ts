import {describe, expect, it} from 'vitest';
import {parseArticle} from '../../source/extract/article.js';

describe('reading an article', () => {
	it('reads the date and headline from a first line `date YYYY-MM-DD headline`', () => {
		const article = parseArticle(
			'date 2026-01-02 Port reopens after storm\n\nThe port reopened on Thursday.',
			'a.txt',
		);
		expect(article).toMatchObject({
			published: '2026-01-02',
			headline: 'Port reopens after storm',
			publishedFrom: 'first line',
			paragraphs: ['The port reopened on Thursday.'],
		});
	});

	it('lets --date give or override the publication date', () => {
		expect(parseArticle('The port reopened.', 'a.txt', {date: '2026-02-03'})).toMatchObject({
			published: '2026-02-03',
			publishedFrom: 'option',
		});
		expect(parseArticle('The port reopened.', 'a.txt').published).toBeUndefined();
	});

	it('joins hard-wrapped lines into paragraphs and keeps blank-line paragraphs apart', () => {
		expect(
			parseArticle('The mayor said the port\nwould reopen soon.\n\n“We are ready,” she said.', 'a.txt')
				.paragraphs,
		).toEqual(['The mayor said the port would reopen soon.', '“We are ready,” she said.']);
		expect(parseArticle('First paragraph.\nSecond paragraph.', 'a.txt').paragraphs).toEqual([
			'First paragraph.',
			'Second paragraph.',
		]);
	});

	it('reads a saved HTML page: the story only, no link addresses, date and headline from its metadata', () => {
		const html = `<!doctype html><html><head><title>Port reopens | The Daily</title>
<meta property="article:published_time" content="2026-01-02T09:30:00-05:00">
<meta property="og:title" content="Port reopens after storm"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Port reopens after storm</h1>
<p>The port reopened on Thursday, <a href="https://example.com/mayor">the mayor</a> said.</p>
<figure><img src="port.jpg"><figcaption>The port at dawn.</figcaption></figure>
<p>&ldquo;We are ready,&rdquo; she said.</p></article>
<footer>© The Daily</footer></body></html>`;
		const article = parseArticle(html, 'page.html');
		expect(article.published).toBe('2026-01-02');
		expect(article.headline).toBe('Port reopens after storm');
		expect(article.paragraphs).toEqual([
			'Port reopens after storm',
			'The port reopened on Thursday, the mayor said.',
			'“We are ready,” she said.',
		]);
	});
});
