import {z} from 'zod';
import {documentSchema} from './schema.js';

/** The published JSON Schema of timescope/1, derived from the zod schema so the two cannot drift. */
export function timescopeJsonSchema(): Record<string, unknown> {
	return {
		...z.toJSONSchema(documentSchema, {target: 'draft-2020-12', io: 'input'}),
		$id: 'https://timescope.invalid/schema/timescope-1.schema.json',
		title: 'timescope/1',
		description:
			'A timeline of dated events with quotes, actors, places and sources. Dates are EDTF (ISO 8601-2): levels 0 and 1, long years (Y-13800000000) and level 2 one-of sets ([2025-12-22..2025-12-28], [..2026-01-02]). Besides this schema, ids must be unique within their list and every reference must name an existing id.',
	};
}
