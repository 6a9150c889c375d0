/**
 * The one gate every dataset string passes before it reaches a terminal.
 *
 * Dataset text is untrusted: an escape sequence inside a quote could recolour the screen, move the
 * cursor, retitle the window, write the clipboard (OSC 52) or plant a link (OSC 8). Whole sequences are
 * removed so their parameters do not leak in as noise; any control character left after that is shown
 * as a visible U+FFFD instead of acting on the terminal.
 */

const ESC = '\u001b';
// Terminated by BEL, ST (ESC \) or the 8-bit ST (0x9c).
const STRING_BODY = String.raw`[^\u0007\u001b\u009c]*(?:\u0007|\u001b\\|\u009c)`;
const SEQUENCES = new RegExp(
	[
		// OSC, DCS, SOS, PM, APC with their string body (7-bit and 8-bit introducers).
		String.raw`${ESC}[\]PX^_]${STRING_BODY}`,
		String.raw`[\u0090\u0098\u009d\u009e\u009f]${STRING_BODY}`,
		// CSI: parameters, intermediates, final byte.
		String.raw`(?:${ESC}\[|\u009b)[0-?]*[ -/]*[@-~]`,
		// nF escapes (ESC intermediates final) and two-character Fe/Fp/Fs escapes.
		`${ESC}[ -/]*[0-~]`,
	].join('|'),
	'gu',
);

// Bidi embeddings, overrides and isolates can reorder what follows them on screen (trojan-source).
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/gu;
const LINE_BREAKS = /\r\n|[\r\n\u2028\u2029\u0085]/gu;
const OTHER_CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/gu;
const REPLACEMENT = '\ufffd';
const TAB_WIDTH = 4;

export interface SanitizeOptions {
	/** Keep line breaks (as `\n`) instead of folding them into spaces. */
	multiline?: boolean;
	/** Drop the control characters left instead of showing U+FFFD (text typed or pasted, not data). */
	dropControls?: boolean;
}

export function sanitize(text: string, options: SanitizeOptions = {}): string {
	return text
		.replace(SEQUENCES, '')
		.replace(BIDI_CONTROLS, '')
		.replace(LINE_BREAKS, options.multiline ? '\n' : ' ')
		.replace(/\t/gu, ' '.repeat(TAB_WIDTH))
		.replace(OTHER_CONTROLS, options.dropControls ? '' : REPLACEMENT);
}
