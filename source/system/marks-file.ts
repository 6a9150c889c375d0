import {array, object, enum as oneOf, string} from 'zod';
import type {Mark} from '../state/marks.js';

/**
 * A marks file read back (marks-store.ts keeps them). Apart from the store, so that zod loads only
 * when there is a file to read: an explorer on a dataset without marks starts without it.
 */

const markSchema = object({kind: oneOf(['event', 'quote']), id: string().min(1), label: string()});
const fileSchema = object({format: string(), dataset: string(), marks: array(markSchema)});

/** The marks in a file's text for the dataset at `store`, in format `format`, or what is wrong with it. */
export function readMarks(text: string, store: string, format: string): Mark[] | string {
	let data: unknown;
	try {
		data = JSON.parse(text);
	} catch {
		return 'not JSON';
	}
	const parsed = fileSchema.safeParse(data);
	if (!parsed.success) return 'not a marks file';
	if (parsed.data.format !== format) return `format ${parsed.data.format}, expected ${format}`;
	if (parsed.data.dataset !== store) return `it is for ${parsed.data.dataset}`;
	return parsed.data.marks;
}
