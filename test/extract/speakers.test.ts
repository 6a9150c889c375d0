import {describe, expect, it} from 'vitest';
import {article, draftOf, quoteLines} from './helpers.js';

const speakers = (...paragraphs: string[]) => quoteLines(draftOf(article(...paragraphs), '2026-03-04'));

describe('speakers', () => {
	it('reads the named speaker in each attribution pattern', () => {
		expect(
			speakers(
				'“We are ready,” Maria Lopez said.',
				'“We are not,” said Peter Hale, the union’s treasurer.',
				'“Nobody asked us,” Dana Whit told reporters on Monday.',
				'Kofi Mensah said: “The money is there.”',
				'“It will pass,” according to Senator Amy Cole.',
				'“We will see,” Lopez added.',
			),
		).toEqual([
			'Maria Lopez: We are ready,',
			'Peter Hale: We are not,',
			'Dana Whit: Nobody asked us,',
			'Kofi Mensah: The money is there.',
			'Amy Cole: It will pass,',
			'Maria Lopez: We will see,',
		]);
	});

	it('takes the name after a title and keeps the title as the description', () => {
		const doc = draftOf(article('“No comment,” Foreign Minister Sergei Ivanov said.'), '2026-03-04');
		expect(doc.actors).toContainEqual(
			expect.objectContaining({name: 'Sergei Ivanov', description: 'Foreign Minister'}),
		);
	});

	it('resolves a pronoun to the last person the story is about, not the person last mentioned', () => {
		expect(
			speakers(
				'“Wherever they want,” Nora Diaz told journalist Ian Brook in an interview.',
				'She stressed that it was time to “start talking seriously”.',
				'“We are ready,” she said.',
			),
		).toEqual([
			'Nora Diaz: Wherever they want,',
			'Nora Diaz: start talking seriously',
			'Nora Diaz: We are ready,',
		]);
	});

	it('gives a quotation paragraph with no attribution to the speaker of the one before', () => {
		expect(
			speakers(
				'“There was a major explosion,” Mayor Tom Reyes told reporters.',
				'“So we closed the port. It is over.”',
			),
		).toEqual(['Tom Reyes: There was a major explosion,', 'Tom Reyes: So we closed the port. It is over.']);
	});

	it('reads the speaker of a multi-paragraph quotation from the paragraph that introduces it', () => {
		expect(
			speakers(
				'The force said:',
				'“We were called at 3.15pm to a report of a suspect vehicle.',
				'“The incident has now been stood down.”',
			),
		).toEqual([
			'The force: We were called at 3.15pm to a report of a suspect vehicle.\nThe incident has now been stood down.',
		]);
	});

	it('lets organisations speak, and points “the ministry” and “it” back to the one named', () => {
		expect(
			speakers(
				'“The talks were useful,” the Foreign Ministry said in a statement.',
				'“Further steps are needed,” the ministry added.',
				'“We will respond,” it said.',
				'Acme Corp said the recall was “a precaution”.',
			),
		).toEqual([
			'Foreign Ministry: The talks were useful,',
			'Foreign Ministry: Further steps are needed,',
			'Foreign Ministry: We will respond,',
			'Acme Corp: a precaution',
		]);
	});

	it('keeps an unnamed speaker as described and invents no name', () => {
		const doc = draftOf(
			article('“He was a good boy,” his mother said.', '“Officers attended,” a police spokesman said.'),
			'2026-03-04',
		);
		expect(quoteLines(doc)).toEqual([
			'his mother: He was a good boy,',
			'a police spokesman: Officers attended,',
		]);
		expect(doc.actors?.find((actor) => actor.name === 'his mother')?.description).toMatch(/not named/iu);
	});

	it('makes one actor of a person under two forms, with the other as an alias', () => {
		const doc = draftOf(
			article(
				'President Nicolas Maduro has said talks are possible.',
				'“We are ready,” Maduro said on Thursday.',
			),
			'2026-01-02',
		);
		const maduro = doc.actors?.filter((actor) => /Maduro/u.test(actor.name));
		expect(maduro).toEqual([expect.objectContaining({name: 'Nicolas Maduro', aliases: ['Maduro']})]);
	});

	it('records how each speaker was found and how sure the extractor is', () => {
		const doc = draftOf(article('Ana Ruiz spoke first.', '“Yes,” she said.'), '2026-03-04');
		expect(doc.quotes?.[0]?.extensions?.extract).toMatchObject({
			sentence: '“Yes,” she said.',
			speaker: {as: 'she', how: 'pronoun'},
		});
		expect(doc.quotes?.[0]?.extensions?.extract).toHaveProperty('confidence', expect.any(Number));
	});

	it('reads the person before “of”, “at” or “for” their organisation, and the antecedent of “which said”', () => {
		expect(
			speakers(
				'“We want everyone notified,” said Doctor Bruce Van Cleave of Aurora Health Care.',
				'The recall follows a warning from the national safety office earlier this week, which said the switch could “overheat within minutes”.',
			),
		).toEqual([
			'Bruce Van Cleave: We want everyone notified,',
			'the national safety office: overheat within minutes',
		]);
	});

	it('gives the words to a participle’s own subject, and to the person a sentence is “for”', () => {
		expect(
			speakers(
				'Hamas signalled defiance, with its leader, Ismail Haniyeh, saying: “The confrontation is open-ended.”',
				'For Mr. Kelly, though, gun control is the “elephant in the room.”',
			),
		).toEqual(['Ismail Haniyeh: The confrontation is open-ended.', 'Kelly: elephant in the room.']);
	});

	it('keeps an age out of the name and a description through someone else as a new person', () => {
		expect(
			speakers(
				'Sarah Nwosu, 41, whose ground floor was flooded, told the Herald she had lost everything.',
				'“By then I was standing in water,” she said.',
				'The boy’s mother said she would be grateful “for the rest of my life”.',
			),
		).toEqual(['Sarah Nwosu: By then I was standing in water,', 'The boy’s mother: for the rest of my life']);
	});
});

describe('speakers printed as labels, headings and headlines', () => {
	it('reads “Name: …” as the speaker, but not a topic label or a transcript’s A:', () => {
		expect(
			speakers(
				'Elena Varga: "We were patient."',
				'Tomasz Wróbel (on the second goal): "It was offside."',
				'On Neco Adebayo: "He was good."',
			),
		).toEqual([
			'Elena Varga: We were patient.',
			'Tomasz Wróbel: It was offside.',
			'Tomasz Wróbel: He was good.',
		]);
	});

	it('gives the quotes under a heading that is only a name to that person', () => {
		expect(speakers('Kestrel Town 1-1 Ashgrove', 'Niamh Costello', '"A point is a point."')).toEqual([
			'Niamh Costello: A point is a point.',
		]);
	});

	it('gives unattributed quotes to the person a “Name: ‘…’” headline names', () => {
		const doc = draftOf(
			'date 2026-04-05 Rovers’ Ines Duarte: ‘We held on’\n\nOn the save: “I guessed right.”',
		);
		expect(quoteLines(doc)).toEqual(['Ines Duarte: I guessed right.']);
	});
});

describe('who speaks in a longer reporter’s sentence', () => {
	it('reads the subject of the verb before “and said”, not the sentence’s subject', () => {
		expect(
			speakers('The ruling came after Mayor Ana Ruiz wrote to the board and said the plan “cannot stand”.'),
		).toEqual(['Ana Ruiz: cannot stand']);
	});

	it('reads the head a “who/whose” clause describes, and the name in a role’s appositive', () => {
		expect(
			speakers(
				'A councillor whose ward was cut off said she was "in despair".',
				'The chair of the parish council, Graham Ellery, called the clean-up "a shambles".',
			),
		).toEqual(['A councillor: in despair', 'Graham Ellery: a shambles']);
	});

	it('hears “called on … to”, “ruled”, “dismissed as” and a motion by a named person', () => {
		expect(
			speakers(
				'A motion by councillor Priya Natarajan called on the council to “publish every decision”.',
				'Judge Ruth Amos ruled that a delay “would not be prudent”.',
				'A spokesman dismissed as "unfair" the claim.',
			),
		).toEqual([
			'Priya Natarajan: publish every decision',
			'Ruth Amos: would not be prudent',
			'A spokesman: unfair',
		]);
	});
});

describe('abbreviated titles', () => {
	it('reads past “Sgt.” and “Capt.” to the name after them', () => {
		expect(
			speakers(
				'“He does not remember much,” said Sgt. Brian Holt of the Dunmore Police.',
				'“We found him,” said Capt. Ada Lin.',
			),
		).toEqual(['Brian Holt: He does not remember much,', 'Ada Lin: We found him,']);
	});
});

describe('sources named around the words', () => {
	it('gives words “as reported in” a paper to the paper, and a nearer speaker the words they said', () => {
		expect(
			speakers(
				'As reported in the Harbour Echo, “the pier will close for a year”.',
				'Councillor Ruth Amos spoke at the meeting.',
				'According to the minutes, she said the plan was “not negotiable”.',
			),
		).toEqual(['Harbour Echo: the pier will close for a year', 'Ruth Amos: not negotiable']);
	});
});
