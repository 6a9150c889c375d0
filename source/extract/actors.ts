import type {Gender} from './speaker-phrase.js';

/**
 * The people and organisations of a draft. The same person under two forms ("Nicolas Maduro",
 * "Maduro", "Mr Maduro") is one actor whose other forms are aliases; a surname alone joins the one
 * full name it ends, or the person last mentioned when two share it. Organisations join by name.
 * An unnamed speaker ("a spokesman", "his mother") belongs to its article and is never merged with
 * another article's: two articles' spokesmen are not known to be one person.
 */

export type ActorKind = 'person' | 'organisation' | 'unnamed';

export interface ActorEntry {
	kind: ActorKind;
	/** The fullest form printed: "Nicolas Maduro". */
	name: string;
	/** Every form printed, the name included. */
	forms: Set<string>;
	description?: string;
	gender?: Gender;
	/** The gender is only a guess from the first name: the text may still say otherwise. */
	genderGuessed?: boolean;
	/** Unnamed speakers only: the article they were described in. */
	article?: number;
}

const fold = (text: string) =>
	text
		.normalize('NFD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.replace(/['’]s$/u, '')
		.replace(/[.,]/gu, '')
		.trim();
const words = (name: string) => fold(name).split(/\s+/u).filter(Boolean);

export class ActorRegistry {
	readonly entries: ActorEntry[] = [];
	/** Most recently mentioned last: breaks ties between people who share a surname. */
	private recent: ActorEntry[] = [];

	person(
		name: string,
		details: {description?: string; gender?: Gender; genderGuessed?: boolean} = {},
	): ActorEntry {
		const tokens = words(name);
		const surname = tokens.at(-1) ?? '';
		const candidates = this.entries.filter((entry) => {
			if (entry.kind !== 'person') return false;
			if ([...entry.forms].some((form) => fold(form) === fold(name))) return true;
			const known = words(entry.name);
			if (known.at(-1) !== surname) return false;
			// A surname alone, on either side, or the same first name (or its initial).
			if (tokens.length === 1 || known.length === 1) return true;
			const first = tokens[0] ?? '';
			const knownFirst = known[0] ?? '';
			return first === knownFirst || first === knownFirst[0] || knownFirst === first[0];
		});
		let entry = this.mostRecent(candidates);
		if (!entry) {
			entry = {kind: 'person', name, forms: new Set([name])};
			this.entries.push(entry);
		} else {
			entry.forms.add(name);
			if (tokens.length > words(entry.name).length) entry.name = name;
		}
		if (details.description && !entry.description) entry.description = details.description;
		if (details.gender && (!entry.gender || (entry.genderGuessed && !details.genderGuessed))) {
			entry.gender = details.gender;
			entry.genderGuessed = details.genderGuessed;
		}
		this.touch(entry);
		return entry;
	}

	/** Whether a person has already been named with this form, or with it as surname. */
	knows(name: string): boolean {
		const wanted = fold(name);
		return this.entries.some(
			(entry) =>
				entry.kind === 'person' &&
				[...entry.forms].some((form) => fold(form) === wanted || words(form).at(-1) === wanted),
		);
	}

	organisation(name: string, description?: string): ActorEntry {
		let entry = this.entries.find(
			(candidate) =>
				candidate.kind === 'organisation' && [...candidate.forms].some((form) => fold(form) === fold(name)),
		);
		if (!entry) {
			entry = {kind: 'organisation', name: name.replace(/['’]s$/u, ''), forms: new Set([name])};
			this.entries.push(entry);
		} else entry.forms.add(name);
		if (description && !entry.description) entry.description = description;
		this.touch(entry);
		return entry;
	}

	unnamed(description: string, article: number): ActorEntry {
		const key = fold(description).replace(/^(?:a|an|the|one)\s+/u, '');
		let entry = this.entries.find(
			(candidate) =>
				candidate.kind === 'unnamed' &&
				candidate.article === article &&
				fold(candidate.name).replace(/^(?:a|an|the|one)\s+/u, '') === key,
		);
		if (!entry) {
			entry = {kind: 'unnamed', name: description, forms: new Set([description]), article};
			this.entries.push(entry);
		}
		this.touch(entry);
		return entry;
	}

	private touch(entry: ActorEntry): void {
		this.recent = this.recent.filter((other) => other !== entry);
		this.recent.push(entry);
	}

	private mostRecent(candidates: ActorEntry[]): ActorEntry | undefined {
		if (candidates.length <= 1) return candidates[0];
		for (let i = this.recent.length - 1; i >= 0; i--) {
			const entry = this.recent[i];
			if (entry && candidates.includes(entry)) return entry;
		}
		return candidates[0];
	}
}
