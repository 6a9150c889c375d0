/** Colour for the plain-text outputs, when `colourWanted` (text/colour.ts) says so. */
export interface Style {
	readonly bold: (text: string) => string;
	readonly dim: (text: string) => string;
	readonly accent: (text: string) => string;
	readonly match: (text: string) => string;
}

const wrap = (open: string, close: string) => (text: string) =>
	text === '' ? text : `\u001b[${open}m${text}\u001b[${close}m`;

const COLOUR: Style = {
	bold: wrap('1', '22'),
	dim: wrap('2', '22'),
	accent: wrap('36', '39'),
	match: wrap('1;4', '22;24'),
};

const PLAIN: Style = {bold: String, dim: String, accent: String, match: String};

export function styleFor(colour: boolean): Style {
	return colour ? COLOUR : PLAIN;
}
