import {describe, expect, it} from 'vitest';
import {matchNames} from '../../source/search/names.js';

const people = [
	{id: 'walesa', names: ['walesa', 'Łukasz Wałęsa']},
	{id: 'maduro', names: ['maduro', 'Nicolás Maduro']},
	{id: 'trump', names: ['trump', 'Donald Trump']},
	{id: 'trump-admin', names: ['trump-admin', 'Trump administration']},
	{id: 'straße', names: ['strasse', 'Große Straße']},
];
const ids = (query: string) => matchNames(query, people, (person) => person.names).map((person) => person.id);

describe('matchNames: one rule for every name a person types', () => {
	it('ignores case, accents and letters that do not decompose, as search does', () => {
		expect(ids('lukasz')).toEqual(['walesa']);
		expect(ids('WAŁĘSA')).toEqual(['walesa']);
		expect(ids('nicolas')).toEqual(['maduro']);
		expect(ids('grosse strasse')).toEqual(['straße']);
	});

	it('prefers names equal to the query, else takes every name that contains it', () => {
		expect(ids('Trump')).toEqual(['trump']);
		expect(ids('donald')).toEqual(['trump']);
		expect(ids('trump adm')).toEqual(['trump-admin']);
		expect(ids('ump')).toEqual(['trump', 'trump-admin']);
	});

	it('matches nothing for an empty query or an unknown name', () => {
		expect(ids('  ')).toEqual([]);
		expect(ids('nobody')).toEqual([]);
	});

	it('reads tags the same way: case-insensitive, whole tag first', () => {
		const tags = ['Prisoners', 'military', 'paramilitary'];
		expect(matchNames('prisoners', tags, (tag) => [tag])).toEqual(['Prisoners']);
		expect(matchNames('military', tags, (tag) => [tag])).toEqual(['military']);
		expect(matchNames('milit', tags, (tag) => [tag])).toEqual(['military', 'paramilitary']);
	});
});
