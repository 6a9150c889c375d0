import {describe, expect, it} from 'vitest';
import {findQuotations} from '../../source/extract/quotations.js';
import {article, draftOf, quoteLines, setAsideOf} from './helpers.js';

const texts = (paragraphs: string[]) => findQuotations(paragraphs).map((quotation) => quotation.text);

describe('quotations', () => {
	it('reads typographic and straight double marks alike, keeping the words inside exactly', () => {
		expect(texts(['“We are ready,” she said.', '"We are not," he said.'])).toEqual([
			'We are ready,',
			'We are not,',
		]);
	});

	it('reads a double prime as a quotation mark, but not after a digit, where it means inches', () => {
		expect(texts(['″We will appeal,″ the club said of the 12″ ban on signs.'])).toEqual(['We will appeal,']);
	});

	it('reads single marks as quotation marks only where an apostrophe cannot stand', () => {
		expect(
			texts(["'No,' Murkowski said, adding that the farmers' union's 'deal' wasn't done in the '90s."]),
		).toEqual(['No,', 'deal']);
		expect(texts(['‘Officers attended,’ the spokesman added.'])).toEqual(['Officers attended,']);
	});

	it('keeps a quotation inside a quotation as part of its words', () => {
		expect(texts(['“People say: ‘Why don’t we just close down?’ But we can’t,” he said.'])).toEqual([
			'People say: ‘Why don’t we just close down?’ But we can’t,',
		]);
	});

	it('makes a quotation split by its attribution two quotations', () => {
		expect(texts(['“I don’t know,” the president said, “and nobody does.”'])).toEqual([
			'I don’t know,',
			'and nobody does.',
		]);
	});

	it('joins a quotation over several paragraphs, each reopened and only the last closed, into one', () => {
		const paragraphs = [
			'Mr Lloyd said: “I will be sending the bill to the director general.',
			'“There is a police investigation ongoing and it needs to run its course.',
			'“I expect a full review.”',
			'The BBC said it had discussed the incident.',
		];
		const [quotation] = findQuotations(paragraphs);
		expect(quotation?.text).toBe(
			'I will be sending the bill to the director general.\nThere is a police investigation ongoing and it needs to run its course.\nI expect a full review.',
		);
		expect(quotation?.spans.map((span) => span.paragraph)).toEqual([0, 1, 2]);
	});

	it('keeps a paragraph that opens and closes its own quotation apart from the one before', () => {
		expect(texts(['“There was an explosion,” he told reporters.', '“So we hit the area.”'])).toEqual([
			'There was an explosion,',
			'So we hit the area.',
		]);
	});
});

describe('quote kinds and scare quotes', () => {
	const kinds = (text: string) =>
		(draftOf(text, '2026-03-04').quotes ?? []).map((quote) => `${quote.kind}: ${quote.text}`);

	it('calls a quotation that is a sentence of its own direct, and a fragment in the reporter’s sentence partial', () => {
		expect(
			kinds(
				article(
					'“We will not back down,” Governor Ana Ruiz said on Tuesday.',
					'Ruiz said the plan was “dead on arrival” in the legislature.',
					'She told reporters: “This is the end of it.”',
				),
			),
		).toEqual([
			'direct: We will not back down,',
			'partial: dead on arrival',
			'direct: This is the end of it.',
		]);
	});

	it('sets aside scare quotes and titles that nobody is said to have said, with the reason', () => {
		const doc = draftOf(
			article(
				'Lawmakers voted on Tuesday to repeal the so-called “bedroom tax” after a long campaign.',
				'Critics of the “reform” were not consulted, while the film “Silent Harbour” opened nationwide.',
				'“It is a disgrace,” said Tom Baker, a tenant.',
			),
			'2026-03-04',
		);
		expect(quoteLines(doc)).toEqual(['Tom Baker: It is a disgrace,']);
		const setAside = setAsideOf(doc);
		expect(setAside.map((item) => `${item.reason}: ${item.text}`)).toEqual([
			'scare quotes: bedroom tax',
			'scare quotes: reform',
			'title: Silent Harbour',
		]);
	});
});

describe('quotations without marks, and marks that are not quotations', () => {
	it('reads the answers of a Q&A transcript as quotations, and not its questions', () => {
		expect(texts(['Q: Is he fit?', 'A: He is sore.', 'Opening remarks: We lost.'])).toEqual([
			'He is sore.',
			'We lost.',
		]);
		expect(texts(['A: list item with no questions around it.'])).toEqual([]);
	});

	it('closes a single mark after an s when another single-marked quotation opens after it', () => {
		expect(texts(["Councillor ‘in tears’ at town's 'carnage'"])).toEqual(['in tears', 'carnage']);
	});

	it('sets aside a one-word term in marks that only a thing in the sentence could have said', () => {
		const doc = draftOf(
			article("That survey may explain how the water found its 'shortcut' through the old mill."),
			'2026-03-04',
		);
		expect(quoteLines(doc)).toEqual([]);
		expect(setAsideOf(doc).map((item) => item.text)).toEqual(['shortcut']);
	});
});
