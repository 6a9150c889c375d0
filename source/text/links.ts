/**
 * Web addresses from data, made safe to hand on: to the system's opener, and to the terminal as an
 * OSC 8 hyperlink. Only http and https qualify (a `file:` URL could run a program); the address is
 * normalised by the URL parser, which percent-encodes spaces, controls and non-ASCII, and anything
 * still outside printable ASCII is refused, so nothing in it can end or extend an escape sequence.
 */

export function webHref(url: string): string | undefined {
	let href: string;
	try {
		const parsed = new URL(url.trim());
		if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return undefined;
		href = parsed.href;
	} catch {
		return undefined;
	}
	return /^[\u0021-\u007e]+$/u.test(href) ? href : undefined;
}

const OSC8 = '\u001b]8;;';
const ST = '\u001b\\';

/** `text` as an OSC 8 hyperlink to `href` (a `webHref`); terminals without them show the text alone. */
export function hyperlink(href: string, text: string): string {
	return `${OSC8}${href}${ST}${text}${OSC8}${ST}`;
}
