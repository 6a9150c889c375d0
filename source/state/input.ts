import {sanitize} from '../text/sanitize.js';
import type {Action} from './actions.js';
import {decodeKeys} from './keys.js';

/**
 * Terminal input as the explorer reads it: keys, bracketed pastes (mode 2004) and mouse reports (SGR,
 * mode 1006). A paste is text between `ESC [200~` and `ESC [201~`, whatever it holds: a pasted newline
 * or `f` is never a key. Stateful only because a paste may span many reads.
 */

export type PointerAction = 'press' | 'release' | 'wheel';
export type PointerButton = 'left' | 'middle' | 'right';

/** A mouse report, at a terminal cell counted from 0 (top left). */
export interface Pointer {
	readonly action: PointerAction;
	/** The button pressed or released; for the wheel, which way it turned (1: down, towards the end). */
	readonly button?: PointerButton;
	readonly dir?: 1 | -1;
	readonly column: number;
	readonly line: number;
}

const PASTE_START = '\u001b[200~';
const PASTE_END = '\u001b[201~';
// SGR mouse report: button code; column; line (1-based); M on press, m on release.
const REPORTS = /\u001b\[200~|\u001b\[201~|\u001b\[<(\d+);(\d+);(\d+)([Mm])|\u001b\[M/gu;
/** A paste longer than this is cut (the rest is read and dropped): no field holds more. */
export const PASTE_LIMIT = 64 * 1024;
const BUTTONS: readonly PointerButton[] = ['left', 'middle', 'right'];

export class InputReader {
	private paste: string | undefined;
	private pasteCut = 0;
	// A legacy (X10) mouse report `ESC [M` is followed by three bytes of coordinates, not keys.
	private skip = 0;

	/** Whether a paste has begun and not yet ended. */
	get pasting(): boolean {
		return this.paste !== undefined;
	}

	read(chunk: string): Action[] {
		const actions: Action[] = [];
		let at = 0;
		for (const match of chunk.matchAll(REPORTS)) {
			this.text(chunk.slice(at, match.index), actions);
			at = match.index + match[0].length;
			const [sequence, code, column, line, final] = match;
			if (sequence === PASTE_START) {
				this.paste ??= '';
			} else if (sequence === PASTE_END) {
				if (this.paste !== undefined) actions.push(...this.flush());
			} else if (this.paste !== undefined) {
				this.add(sequence);
			} else if (code === undefined) {
				this.skip = 3;
			} else {
				const pointer = decodePointer(Number(code), Number(column), Number(line), final === 'M');
				if (pointer) actions.push({type: 'pointer', pointer});
			}
		}
		this.text(chunk.slice(at), actions);
		return actions;
	}

	/** End a paste whose end marker never came (the terminal was reset, say): what was read is the paste. */
	flush(): Action[] {
		if (this.paste === undefined) return [];
		const text = this.paste;
		const cut = this.pasteCut;
		this.paste = undefined;
		this.pasteCut = 0;
		return [{type: 'paste', text, ...(cut > 0 && {cut})}];
	}

	private text(text: string, actions: Action[]): void {
		let rest = text;
		if (this.skip > 0) {
			const skipped = [...rest].slice(0, this.skip).join('');
			this.skip -= [...skipped].length;
			rest = rest.slice(skipped.length);
		}
		if (rest === '') return;
		if (this.paste !== undefined) {
			this.add(rest);
			return;
		}
		const keys = decodeKeys(rest);
		if (keys.length > 0) actions.push({type: 'keys', keys});
	}

	private add(text: string): void {
		const paste = this.paste ?? '';
		const room = PASTE_LIMIT - paste.length;
		this.paste = paste + text.slice(0, Math.max(0, room));
		this.pasteCut += Math.max(0, text.length - Math.max(0, room));
	}
}

function decodePointer(code: number, column: number, line: number, press: boolean): Pointer | undefined {
	// Bits: 0–1 button, 2 shift, 3 meta, 4 ctrl, 5 motion, 6 wheel (7: extra buttons).
	if (code & 32 || code & 128) return undefined;
	const at = {column: Math.max(0, column - 1), line: Math.max(0, line - 1)};
	const button = code & 3;
	if (code & 64) {
		if (!press || button > 1) return undefined;
		return {action: 'wheel', dir: button === 0 ? -1 : 1, ...at};
	}
	const name = BUTTONS[button];
	if (!name) return undefined;
	return {action: press ? 'press' : 'release', button: name, ...at};
}

/** What a paste types: one line (line breaks and tabs become spaces), no escape or control character. */
export function pastedText(text: string): string {
	return sanitize(text.replace(/\t/gu, ' '), {dropControls: true});
}
