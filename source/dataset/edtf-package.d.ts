// The edtf package ships no types; this declares the part timescope uses.
declare module 'edtf' {
	export interface ParsedEdtf {
		type: 'Date' | 'Year' | 'Season' | 'Interval' | 'Set' | 'List' | 'Century' | 'Decade';
		level: number;
		values: Array<number | ParsedEdtf | null>;
		approximate?: boolean | number;
		uncertain?: boolean | number;
		unspecified?: number;
		offset?: number;
		/** Significant digits of a level 2 year (`1950S2`). */
		significant?: number;
		timeZone?: string;
	}
	export interface EdtfValue {
		readonly min: number;
		readonly max: number;
	}
	export function parse(input: string, constraints?: {level?: number; types?: string[]}): ParsedEdtf;
	export default function edtf(parsed: ParsedEdtf): EdtfValue;
}
