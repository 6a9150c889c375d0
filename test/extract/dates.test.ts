import {describe, expect, it} from 'vitest';
import {findDatePhrases} from '../../source/extract/date-phrases.js';
import {resolveDate} from '../../source/extract/date-rules.js';
import {article, draftOf} from './helpers.js';

/** What one phrase in a past-tense sentence resolves to, against a publication day. */
function resolve(sentence: string, published: string | undefined, future = false): string | undefined {
	const [phrase] = findDatePhrases(sentence, published);
	if (!phrase) return 'no phrase';
	return resolveDate(phrase, published, future).date;
}

// Friday 2 January 2026, the shared article's publication day.
const FRIDAY = '2026-01-02';

describe('date phrases against the publication date', () => {
	it('“on Thursday” is the most recent Thursday, and the publication day itself when that is a Thursday', () => {
		expect(resolve('The interview aired on Thursday.', FRIDAY)).toBe('2026-01-01');
		expect(resolve('The vote took place on Friday.', FRIDAY)).toBe('2026-01-02');
		expect(resolve('The strike happened on Saturday.', FRIDAY)).toBe('2025-12-27');
		expect(resolve('They will meet on Monday.', FRIDAY, true)).toBe('2026-01-05');
	});

	it('“last week” is one unknown day of the ISO week before, not a week-long duration', () => {
		expect(resolve('A strike on his country last week.', FRIDAY)).toBe('[2025-12-22..2025-12-28]');
	});

	it('“earlier this week” is the days of this week before publication', () => {
		expect(resolve('Trump revealed earlier this week a strike.', FRIDAY)).toBe('[2025-12-29..2026-01-01]');
	});

	it('“earlier this month” is the month; “last month” and “last year” the ones before', () => {
		expect(resolve('Prices rose earlier this month.', '2026-03-18')).toBe('2026-03');
		expect(resolve('Prices rose last month.', '2026-03-18')).toBe('2026-02');
		expect(resolve('Prices rose last year.', '2026-03-18')).toBe('2025');
	});

	it('“on New Year’s Eve” and “Feb. 28” without a year take the nearest such date before publication', () => {
		expect(resolve('It was taped on New Year’s Eve.', FRIDAY)).toBe('2025-12-31');
		expect(resolve('The deal was signed Feb. 28.', '2026-03-04')).toBe('2026-02-28');
		expect(resolve('The deal was signed Feb. 28.', '2026-02-10')).toBe('2025-02-28');
	});

	it('keeps days, weeks and months ago at the precision the words give', () => {
		expect(resolve('He left three days ago.', FRIDAY)).toBe('2025-12-30');
		expect(resolve('He left two weeks ago.', FRIDAY)).toBe('2025-12-19~');
		expect(resolve('He left yesterday.', FRIDAY)).toBe('2026-01-01');
		expect(resolve('It rained over the weekend.', '2026-03-02')).toBe('[2026-02-28..2026-03-01]');
	});

	it('reads explicit dates and years without any publication date', () => {
		expect(resolve('It opened on December 31, 2025.', undefined)).toBe('2025-12-31');
		expect(resolve('He won the 2024 election.', undefined)).toBe('2024');
		expect(resolve('It opened on Thursday.', undefined)).toBeUndefined();
	});
});

describe('dates in a draft', () => {
	it('dates events and quotes, with the phrase as printed in dateText', () => {
		const doc = draftOf(
			article(
				'Maduro’s interview was taped on New Year’s Eve and aired on Thursday.',
				'“We are ready,” Maduro said in the interview.',
			),
			FRIDAY,
		);
		expect(doc.events.map((event) => `${event.dateText} → ${event.date}`)).toEqual([
			'on New Year’s Eve → 2025-12-31',
			'on Thursday → 2026-01-01',
		]);
		expect(doc.quotes?.[0]?.said).toBe('2025-12-31');
	});

	it('takes a quote’s date from its attribution', () => {
		const doc = draftOf(
			article('“My expectation is that this will close soon,” Biden said on Wednesday.'),
			'2021-05-13',
		);
		expect(doc.quotes?.[0]).toMatchObject({said: '2021-05-12'});
		expect(doc.quotes?.[0]?.extensions?.extract).toMatchObject({said: {dateText: 'on Wednesday'}});
	});

	it('says “has said” was said some time up to publication, no more precisely', () => {
		const doc = draftOf(article('Maduro has said the approach makes it “clear” who is in charge.'), FRIDAY);
		expect(doc.quotes?.[0]?.said).toBe('[..2026-01-02]');
	});

	it('leaves relative dates as words when the article has no publication date, guessing nothing', () => {
		const doc = draftOf(article('The strike happened last week, officials said.'));
		expect(doc.events[0]).toMatchObject({dateText: 'last week', date: 'XXXX'});
		expect(doc.events[0]?.extensions?.extract).toMatchObject({
			unresolved: expect.stringMatching(/no publication date/u),
		});
		expect(doc.referenceDate).toBeUndefined();
	});

	it('reads a date as future from the words before it: will, ’ll, would, until, ahead of, scheduled', () => {
		const doc = draftOf(
			article(
				'He’ll be watching the finals on television this weekend.',
				'Okonjo said the union would hold a vote on Thursday.',
				'The board voted to delay a decision until Feb. 28.',
				'Howard took aim at Minns ahead of the state election on Saturday.',
				'Brightway said on Thursday that it would recall 80,000 heaters.',
			),
			'2026-03-04',
		);
		expect(doc.events.map((event) => `${event.dateText} → ${event.date}`)).toEqual([
			'this weekend → [2026-03-07..2026-03-08]',
			'on Thursday → 2026-03-05',
			'Feb. 28 → 2027-02-28',
			'on Saturday → 2026-03-07',
			'on Thursday → 2026-02-26',
		]);
	});

	it('dates “the same day” by the phrase it points back to, and says so', () => {
		const doc = draftOf(
			article('The interview was taped on New Year’s Eve, the same day the military struck five boats.'),
			FRIDAY,
		);
		expect(doc.events.map((event) => [event.title, event.date, event.dateText])).toEqual([
			['The interview was taped', '2025-12-31', 'on New Year’s Eve'],
			['The military struck five boats', '2025-12-31', 'on New Year’s Eve'],
		]);
		expect(doc.events[1]?.extensions?.extract).toMatchObject({datedBy: 'the same day'});
	});
});

describe('decades and words that only look like dates', () => {
	it('reads “in the 1980s” and “the early 1990s” as the decade', () => {
		expect(resolve('A survey was carried out in the 1980s.', FRIDAY)).toBe('198X');
		expect(resolve('It began in the early 1990s.', FRIDAY)).toBe('199X');
	});

	it('does not read the “Sun” of a newspaper’s name as a Sunday', () => {
		expect(resolve('The Evening Sun has learned the details.', FRIDAY)).toBe('no phrase');
	});

	it('makes no event of words no rule can date when the publication date is known', () => {
		const doc = draftOf(
			article('Providers must store the data for two years, the agency said on Thursday.'),
			FRIDAY,
		);
		expect(doc.events.map((event) => event.dateText)).toEqual(['on Thursday']);
	});
});

describe('a series dated by its last member', () => {
	it('ends “the second such release in recent days” the day before the release the sentence dates', () => {
		const doc = draftOf(
			article(
				'Officials confirmed, on Thursday, the release of 40 detainees, the second such release in recent days.',
			),
			FRIDAY,
		);
		expect(doc.events.find((event) => event.dateText === 'in recent days')?.date).toBe(
			'[2025-12-01..2025-12-31]',
		);
	});
});
