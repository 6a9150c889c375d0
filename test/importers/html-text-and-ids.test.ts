import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {htmlToLine, htmlToText} from '../../source/dataset/importers/html-text.js';
import {IdAllocator, slugify, toValidId} from '../../source/dataset/importers/ids.js';
import {timelineJs3} from '../../source/dataset/importers/index.js';

describe('HTML to plain text', () => {
	it('keeps paragraphs apart with one blank line and keeps line breaks', () => {
		expect(htmlToText('<p>One.</p><p>Two.</p>\n\n\n<p>Three<br>and a half</p>')).toBe(
			'One.\n\nTwo.\n\nThree\nand a half',
		);
	});

	it('shows a link as label (url), and only once when the label is the url', () => {
		expect(htmlToText('See <a href="https://example.org/a">the report</a>.')).toBe(
			'See the report (https://example.org/a).',
		);
		expect(htmlToText('<a href="https://example.org/">https://example.org/</a>')).toBe(
			'https://example.org/',
		);
	});

	it('decodes named and numeric entities', () => {
		expect(htmlToText('AT&amp;T &rsquo;quoted&#8217; &lt;b&gt; caf&eacute; &#x2014;')).toBe(
			'AT&T ’quoted’ <b> café —',
		);
	});

	it('removes script and style content and every tag', () => {
		expect(
			htmlToText('<style>p{color:red}</style><script>alert(1)</script><span class="x">shown</span>'),
		).toBe('shown');
	});

	it('keeps text that is not HTML as it is', () => {
		expect(htmlToText('5 < 6 and 7 > 6')).toBe('5 < 6 and 7 > 6');
		expect(htmlToText('   ')).toBe('');
	});

	it('reads text without markup exactly as the HTML parser would', () => {
		const noMarkup = fc.string({
			unit: fc.constantFrom('a', 'é', ' ', '\t', '\n', '\r', '\u00a0', '\u200b', '>', '"', '\u0000', '😀'),
		});
		fc.assert(
			fc.property(noMarkup, (text) => {
				expect(htmlToText(text)).toBe(htmlToText(`<span>${text}</span>`));
			}),
		);
	});

	it('makes a title one line', () => {
		expect(htmlToLine('<h1>Big\n news</h1><p>second part</p>')).toBe('Big news second part');
	});
});

describe('ids', () => {
	it('slugifies headlines into readable ASCII-folded words', () => {
		expect(slugify('Rózsa Péter writes recursion')).toBe('rozsa-peter-writes-recursion');
		expect(slugify('"The Mother of the Internet"')).toBe('the-mother-of-the-internet');
		expect(slugify('...')).toBe('');
		expect(slugify('x'.repeat(100))).toHaveLength(60);
	});

	it('makes any producer id valid for the schema', () => {
		expect(toValidId(' my id\twith\u0000controls ')).toBe('my-id-with-controls');
	});

	it('settles clashes with -2, -3 in order', () => {
		const ids = new IdAllocator();
		expect(['a', 'a', 'a', 'b'].map((id) => ids.allocate(id))).toEqual(['a', 'a-2', 'a-3', 'b']);
	});

	it('uses unique_id when given, never lets a slug take it, and dedupes repeats', () => {
		const slide = (headline: string, uniqueId?: string) => ({
			start_date: {year: 2001},
			text: {headline},
			...(uniqueId === undefined ? {} : {unique_id: uniqueId}),
		});
		const result = timelineJs3.import(
			{
				events: [
					slide('Same'),
					slide('Other', '2001-same'),
					slide('Same'),
					slide('Spaced', 'my slide'),
					slide('Again', 'my-slide'),
				],
			},
			't.json',
		);
		if (!result.ok) throw new Error(JSON.stringify(result.problems));
		expect(result.doc.events.map((e) => e.id)).toEqual([
			'2001-same-2',
			'2001-same',
			'2001-same-3',
			'my-slide-2',
			'my-slide',
		]);
		// The producer's own id is kept where timescope had to change it.
		expect(result.doc.events[3]?.extensions?.timelinejs).toEqual({unique_id: 'my slide'});
		expect(result.doc.events[4]?.extensions).toBeUndefined();
		expect(result.doc.events[1]?.extensions).toBeUndefined();
	});

	it('keeps Hangul, kana and other scripts composed (NFC) and their marks, so an id can be typed as it reads', () => {
		// Decomposition splits a Hangul syllable into jamo, which are letters, not marks.
		expect(slugify('국정원, 도감청의 역사')).toBe('국정원-도감청의-역사');
		expect(slugify('국정원').normalize('NFC')).toBe(slugify('국정원'));
		expect(slugify('カタカナ と ひらがな')).toBe('カタカナ-と-ひらがな');
		expect(slugify('Привет, мир, йод')).toBe('привет-мир-йод');
		expect(slugify('Ελληνικά')).toBe('ελληνικά');
		expect(slugify('Tiếng Việt')).toBe('tieng-viet');
		expect(slugify('Café Müller')).toBe('cafe-muller');
		expect(toValidId('\u1100\u1161 id')).toBe('\uac00-id');
	});
});
