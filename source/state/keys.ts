import {graphemesOf} from '../text/graphemes.js';

/**
 * Raw terminal input to key names. Ink's `useInput` reports F1 and several other keys only as an
 * empty string, so the explorer reads Ink's input events itself and names keys here: `j`, `G`, `?`,
 * `up`, `pagedown`, `ctrl-d`, `shift-tab`, `f1`, `enter`, `escape`, `space`... A chunk may hold
 * several keys (typed fast or pasted); each printable character becomes one key.
 *
 * Esc is told from the start of a sequence by time, as vim's `ttimeoutlen` does: the key reader
 * (`useKeys` in `ui/app.tsx`) holds an escape sequence left unfinished at the end of a chunk
 * (`unfinishedEscape`) for a moment, joins it to what comes next, and hands it over as it is when
 * nothing comes. ESC followed by anything that does not make a sequence is Esc and then that key:
 * the explorer binds no Alt key, so a quick Esc then `q` is never lost as Alt+q.
 */

const ESC = '\u001b';

// The final letters CSI (ESC [) and SS3 (ESC O) share; terminals send either, by mode.
const CURSOR_KEYS: Record<string, string> = {
	A: 'up',
	B: 'down',
	C: 'right',
	D: 'left',
	H: 'home',
	F: 'end',
	P: 'f1',
};

const CSI_KEYS: Record<string, string> = {...CURSOR_KEYS, Z: 'shift-tab'};

const TILDE_KEYS: Record<string, string> = {
	'1': 'home',
	'7': 'home',
	'4': 'end',
	'8': 'end',
	'3': 'delete',
	'5': 'pageup',
	'6': 'pagedown',
	'11': 'f1',
};

const SS3_KEYS: Record<string, string> = {...CURSOR_KEYS, M: 'enter'};

const graphemes = new Intl.Segmenter(undefined, {granularity: 'grapheme'});

export function decodeKeys(chunk: string): string[] {
	const keys: string[] = [];
	let i = 0;
	while (i < chunk.length) {
		const char = chunk[i] as string;
		if (char === ESC) {
			const [key, next] = decodeEscape(chunk, i);
			keys.push(key);
			i = next;
			continue;
		}
		// Plain text up to the next escape: controls are named, the rest split into characters.
		const end = chunk.indexOf(ESC, i);
		const text = chunk.slice(i, end === -1 ? chunk.length : end);
		for (const {segment} of graphemesOf(text)) keys.push(nameOf(segment));
		i += text.length;
	}
	return keys;
}

function nameOf(segment: string): string {
	const code = segment.codePointAt(0) ?? 0;
	if (segment.length === 1 && code < 0x20) {
		if (segment === '\r' || segment === '\n') return 'enter';
		if (segment === '\t') return 'tab';
		if (segment === '\b') return 'backspace';
		if (code === 0) return 'ctrl-space';
		return `ctrl-${String.fromCodePoint(code + 0x60)}`;
	}
	if (segment === '\u007f') return 'backspace';
	if (segment === ' ') return 'space';
	return segment;
}

function decodeEscape(chunk: string, at: number): [string, number] {
	const next = chunk[at + 1];
	if (next === undefined) return ['escape', at + 1];
	if (next === '[') {
		// CSI: parameters and intermediates, then one final byte. `ESC [ [ A` is the Linux console's F1.
		let j = at + 2;
		if (chunk[j] === '[' && chunk[j + 1] !== undefined) return ['f1', j + 2];
		while (j < chunk.length && /[0-?]/.test(chunk[j] as string)) j++;
		while (j < chunk.length && /[ -/]/.test(chunk[j] as string)) j++;
		const final = chunk[j];
		// Nothing more came (the key reader waited): an Esc, then what was typed after it.
		if (final === undefined) return ['escape', at + 1];
		const params = chunk.slice(at + 2, j).split(';');
		const name = final === '~' ? TILDE_KEYS[params[0] ?? ''] : CSI_KEYS[final];
		return [name ?? 'unknown', j + 1];
	}
	if (next === 'O') {
		const final = chunk[at + 2];
		if (final === undefined) return ['escape', at + 1];
		return [SS3_KEYS[final] ?? 'unknown', at + 3];
	}
	return ['escape', at + 1];
}

/**
 * Where an escape sequence left unfinished at the end of `text` starts, or -1: a lone ESC, or ESC [
 * or ESC O still waiting for the rest (terminals and ssh links may split a key's bytes).
 */
export function unfinishedEscape(text: string): number {
	const at = text.lastIndexOf(ESC);
	if (at < 0) return -1;
	const rest = text.slice(at + 1);
	if (rest === '' || rest === 'O' || rest === '[' || rest === '[[') return at;
	return /^\[[0-?]*[ -/]*$/.test(rest) ? at : -1;
}

/** Keys that type themselves into a text field: one printable character (named keys are longer). */
export function isPrintable(key: string): boolean {
	if (key === 'space') return true;
	// One UTF-16 unit (nearly every key typed or pasted) needs no segmenter.
	if (key.length === 1) return !/\p{Cc}/u.test(key) && !/[\uD800-\uDFFF]/.test(key);
	let count = 0;
	for (const _ of graphemes.segment(key)) if (++count > 1) return false;
	return count === 1 && !/\p{Cc}/u.test(key);
}

/** What a printable key types. */
export function textOf(key: string): string {
	return key === 'space' ? ' ' : key;
}
