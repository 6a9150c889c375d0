// Named imports let the bundler drop the rest of zod (its locales alone are most of its 700 kB).
import {
	array,
	enum as enumOf,
	literal,
	number,
	record,
	strictObject,
	string,
	union,
	unknown,
	url,
	type z,
} from 'zod';
import {EDTF_EXAMPLES, parseEdtf} from './edtf.js';
import {QUOTE_KINDS} from './quote-kinds.js';

/**
 * The `timescope/1` format. This zod schema is the single definition: the loader validates with it,
 * TypeScript types are inferred from it, and `schema/timescope-1.schema.json` is generated from it.
 * Objects are strict so a misspelt key is reported instead of silently ignored; anything a producer
 * wants to carry goes under `extensions`.
 */

export const FORMAT = 'timescope/1';

const id = string()
	.min(1)
	.max(200)
	.regex(/^[^\s\u0000-\u001f\u007f-\u009f]+$/u, 'an id without spaces or control characters')
	.meta({description: 'Identifier, unique within its list; referenced from other objects.'});

const text = string().min(1);

const edtfDate = string()
	.superRefine((value, ctx) => {
		const result = parseEdtf(value);
		if (!result.ok) ctx.addIssue({code: 'custom', message: result.message, params: {problem: 'bad-date'}});
	})
	.meta({
		description: `An EDTF date (ISO 8601-2) in one of four kinds of time: a point at its precision (2025-12-31, 2025-12, 2024, 2025~, 2025-12-31?, Y-13800000000); a duration (2025-12-22/2025-12-28; an open end 2025~/.. is ongoing, an empty side 2025/ is not known); one unknown point within a window or among dates ([2025-12-22..2025-12-28], [2024, 2025-12-31]); on or before / on or after a date ([..2026-01-02], [2026-01-02..]). Examples: ${EDTF_EXAMPLES}.`,
	});

const extensions = record(string(), unknown()).meta({
	description: 'Producer-specific data, kept as is. Key by producer, e.g. {"timelinejs": {...}}.',
});

const ids = array(id);

export const actorLinkSchema = union([
	id,
	strictObject({
		id,
		qualifier: text.max(40).optional().meta({
			description:
				'How the source hedges this actor’s part, in its own word, e.g. "reported" for a "reported CIA-led strike"; shown after the name: CIA (reported).',
		}),
	}),
]).meta({description: 'An actor id, or {id, qualifier} when the source only reports or alleges the part.'});

export const actorSchema = strictObject({
	id,
	name: text,
	description: text.optional().meta({description: 'Role or title at the time of the events.'}),
	aliases: array(text).optional().meta({description: 'Other names the actor is known or searched by.'}),
});

export const placeSchema = strictObject({
	id,
	name: text,
	country: text.optional(),
	lat: number().min(-90).max(90).optional(),
	lon: number().min(-180).max(180).optional(),
});

export const sourceSchema = strictObject({
	id,
	title: text.optional(),
	publisher: text.optional(),
	url: url().optional(),
	published: edtfDate.optional().meta({description: 'When the source was published.'}),
	note: text.optional().meta({description: 'What is known or not known about the source.'}),
})
	.refine((s) => s.title !== undefined || s.publisher !== undefined || s.url !== undefined, {
		message: 'a source needs at least one of title, publisher or url',
		params: {problem: 'incomplete-source'},
	})
	.meta({description: 'Where events and quotes come from. Needs at least one of title, publisher, url.'});

export const eventSchema = strictObject({
	id,
	date: edtfDate,
	dateText: text
		.optional()
		.meta({description: 'The source’s own wording of the date, e.g. "last week", "on Thursday".'}),
	title: text,
	summary: text.optional(),
	actors: array(actorLinkSchema).optional(),
	places: ids.optional(),
	tags: array(text).optional(),
	sources: ids.optional(),
	extensions: extensions.optional(),
});

export const quoteSchema = strictObject({
	id,
	text: text.meta({description: 'The words as the source prints them, verbatim.'}),
	speaker: id.meta({description: 'Actor id of the person quoted.'}),
	kind: enumOf(QUOTE_KINDS).optional().meta({
		description: 'direct: a full quoted sentence; partial: a quoted fragment; paraphrase: reported speech.',
	}),
	said: edtfDate.optional().meta({description: 'When the words were said (not when they were published).'}),
	context: text.optional().meta({description: 'The setting, e.g. "in an interview on state TV".'}),
	events: ids.optional(),
	source: id.optional(),
	original: text
		.optional()
		.meta({description: 'The words in the original language, when `text` is a translation.'}),
	language: text.optional().meta({description: 'BCP 47 tag of `original`.'}),
	extensions: extensions.optional(),
});

export const eraSchema = strictObject({
	id,
	date: edtfDate.meta({description: 'An EDTF interval, e.g. 2025-09/2026-01 or Y-541000000/Y-251902000.'}),
	title: text,
});

export const documentSchema = strictObject({
	$schema: string().optional(),
	format: literal(FORMAT),
	title: text,
	summary: text.optional(),
	language: text.optional().meta({description: 'BCP 47 tag of the dataset’s text, e.g. "en".'}),
	referenceDate: edtfDate
		.optional()
		.meta({description: 'The "as of" date, e.g. the publication date of an article.'}),
	actors: array(actorSchema).optional(),
	places: array(placeSchema).optional(),
	sources: array(sourceSchema).optional(),
	events: array(eventSchema),
	quotes: array(quoteSchema).optional(),
	eras: array(eraSchema).optional(),
	extensions: extensions.optional(),
});

export type TimescopeDocument = z.infer<typeof documentSchema>;
export type ActorDoc = z.infer<typeof actorSchema>;
export type PlaceDoc = z.infer<typeof placeSchema>;
export type SourceDoc = z.infer<typeof sourceSchema>;
export type EventDoc = z.infer<typeof eventSchema>;
export type QuoteDoc = z.infer<typeof quoteSchema>;
export type EraDoc = z.infer<typeof eraSchema>;
export type ActorLinkDoc = z.infer<typeof actorLinkSchema>;
