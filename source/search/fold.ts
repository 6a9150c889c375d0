/**
 * The form search compares: lower case, accents and other combining marks removed, letters that do
 * not decompose mapped by hand (ł→l, ø→o, ß→ss, …), typographic quotes and dashes made plain, and any
 * run of white space made one space with none at the ends. The candidate stage and fuse.js both see
 * exactly this text, so what one accepts the other can rank, and fuse.js's match positions come back
 * to the displayed string through the offset map.
 */

export interface Folded {
	readonly text: string;
	/**
	 * `starts[i]` is where the displayed character that became `text[i]` starts; `starts[text.length]`
	 * is the displayed length. Absent when folding kept every position (plain ASCII text).
	 */
	readonly starts?: Uint32Array;
}

const SPECIAL: Record<string, string> = {
	ł: 'l',
	đ: 'd',
	ø: 'o',
	ħ: 'h',
	ŧ: 't',
	ı: 'i',
	ß: 'ss',
	ς: 'σ',
	æ: 'ae',
	œ: 'oe',
	þ: 'th',
	'\u2018': "'",
	'\u2019': "'",
	'\u201b': "'",
	'\u02bc': "'",
	'\u201c': '"',
	'\u201d': '"',
	'\u201e': '"',
	'\u00ab': '"',
	'\u00bb': '"',
	'\u2010': '-',
	'\u2011': '-',
	'\u2012': '-',
	'\u2013': '-',
	'\u2014': '-',
	'\u2212': '-',
};

const MARKS = /\p{M}/gu;
const SPACE = /\s/u;
// Printable ASCII with single inner spaces: folding is just toLowerCase and keeps every position.
const PLAIN = /^(?:[!-~]+ )*[!-~]+$/;

const cache = new Map<string, string>();

/** The folded form of one code point ('' for a lone combining mark). */
function foldChar(char: string): string {
	let folded = cache.get(char);
	if (folded === undefined) {
		const lower = char.toLowerCase();
		const stripped = lower.normalize('NFD').replace(MARKS, '');
		// Keep composed what had no marks to strip: Hangul syllables stay one character, not three jamo.
		const base = stripped.length === lower.normalize('NFD').length ? lower : stripped;
		folded = [...base].map((c) => SPECIAL[c] ?? c).join('');
		if (cache.size < 50_000) cache.set(char, folded);
	}
	return folded;
}

export function fold(text: string): Folded {
	if (PLAIN.test(text)) return {text: text.toLowerCase()};
	let out = '';
	const starts: number[] = [];
	let pendingSpace = -1;
	// End of the last non-space character, marks included: trailing white space maps to nothing.
	let contentEnd = 0;
	for (let i = 0; i < text.length; ) {
		const code = text.codePointAt(i) as number;
		const width = code > 0xffff ? 2 : 1;
		const char = width === 2 ? text.slice(i, i + 2) : (text[i] as string);
		if (SPACE.test(char)) {
			if (out !== '' && pendingSpace === -1) pendingSpace = i;
		} else {
			const folded = code < 0x80 ? char.toLowerCase() : foldChar(char);
			contentEnd = i + width;
			if (folded !== '') {
				if (pendingSpace !== -1) {
					out += ' ';
					starts.push(pendingSpace);
					pendingSpace = -1;
				}
				out += folded;
				for (let k = 0; k < folded.length; k++) starts.push(i);
			}
		}
		i += width;
	}
	starts.push(contentEnd);
	return {text: out, starts: Uint32Array.from(starts)};
}

const NON_ASCII = /[^\x00-\x7f]/gu;
const SPACES = /\s+/gu;

/**
 * Only the folded text, without the map: what the index is built from, so it must equal
 * `fold(text).text` (a property test holds them together). Whole-string passes instead of a loop
 * per character: lower case first (folding an already lower-case character gives the same), then
 * each non-ASCII character, then the spaces.
 */
export function foldText(text: string): string {
	if (PLAIN.test(text)) return text.toLowerCase();
	return text.toLowerCase().replace(NON_ASCII, foldChar).replace(SPACES, ' ').trim();
}

/**
 * Turn inclusive [start, end] ranges over the folded text into ranges over the displayed text. A
 * folded character made from several displayed ones (a letter and its accent, a surrogate pair)
 * maps to all of them; adjacent ranges are merged.
 */
export function unfoldRanges(
	folded: Folded,
	ranges: ReadonlyArray<readonly [number, number]>,
): Array<[number, number]> {
	const {starts} = folded;
	const length = folded.text.length;
	const mapped: Array<[number, number]> = [];
	for (const [start, end] of [...ranges].sort((a, b) => a[0] - b[0])) {
		const s = Math.max(0, start);
		const e = Math.min(end, length - 1);
		if (e < s) continue;
		let from = s;
		let to = e;
		if (starts) {
			from = starts[s] as number;
			// The next folded character that comes from a later displayed character marks the end.
			let next = e + 1;
			while (next < length && (starts[next] as number) === (starts[e] as number)) next++;
			to = (starts[next] as number) - 1;
		}
		const last = mapped.at(-1);
		if (last && from <= last[1] + 1) last[1] = Math.max(last[1], to);
		else mapped.push([from, to]);
	}
	return mapped;
}
