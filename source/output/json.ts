/**
 * JSON for `--json` and `convert`. JSON.stringify escapes C0 controls but passes C1 controls, bidi
 * overrides and line separators through raw; escaping them too keeps the output identical as data and
 * inert in a terminal.
 */
const UNSAFE = /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu;

export function toSafeJson(value: unknown): string {
	return `${JSON.stringify(value, null, 2).replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}\n`;
}
