/**
 * What a quote's `kind` may be. Apart from the schema (schema.ts), so that the model can read it from
 * a cache entry without loading zod and the format's schema, which only the reading of a file needs.
 */
export const QUOTE_KINDS = ['direct', 'partial', 'paraphrase'] as const;

export type QuoteKind = (typeof QUOTE_KINDS)[number];
