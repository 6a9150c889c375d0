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

	it('drops a wire dateline, which is where the story was filed and not part of its first sentence', () => {
		for (const [text, first] of [
			['TAIPEI, July 13 (Reuters) – Chinese jets monitored a plane.', 'Chinese jets monitored a plane.'],
			['WASHINGTON (AP) — The Senate voted.', 'The Senate voted.'],
			['PEKAN: Prime Minister Najib said so.', 'Prime Minister Najib said so.'],
		]) {
			expect(parseArticle(text as string, 'a.txt').paragraphs[0]).toBe(first);
		}
	});

	it('rejoins prose hard-wrapped at a fixed width, breaking paragraphs only at short sentence-final lines', () => {
		const wrapped = [
			'Jared Loughner was sentenced Thursday to seven consecutive terms of life in',
			'prison at a hearing punctuated by raw emotion as his victims confronted him.',
			'“You tried to create for all of us a world as dark and evil as your own.',
			'But remember it always: You failed,” Mr. Kelly said.',
			'The judge said he was not going to make “political statements.”',
		].join('\n');
		expect(parseArticle(wrapped, 'a.txt').paragraphs).toEqual([
			'Jared Loughner was sentenced Thursday to seven consecutive terms of life in prison at a hearing punctuated by raw emotion as his victims confronted him. “You tried to create for all of us a world as dark and evil as your own. But remember it always: You failed,” Mr. Kelly said.',
			'The judge said he was not going to make “political statements.”',
		]);
	});
});

describe('reading a saved page', () => {
	it('knows a page that opens with an XML prolog comment, and takes the date its byline shows', () => {
		const article = parseArticle(
			'<!--?xml version="1.0" ?--><!DOCTYPE html><html><body><div class="story"><h1>Fares rise</h1>' +
				'<li class="date-and-time">March 6, 2026 8:15PM</li><p>Fares rose on Thursday.</p></div></body></html>',
			'page.html',
		);
		expect(article.published).toBe('2026-03-06');
		expect(article.paragraphs).toContain('Fares rose on Thursday.');
	});

	it('prefers a byline element’s ISO stamp', () => {
		const article = parseArticle(
			'<html><body><span class="published" title="2015-03-13T21:00:00+11:00">Friday night</span><p>Text.</p></body></html>',
			'page.html',
		);
		expect(article.published).toBe('2015-03-13');
	});
});
