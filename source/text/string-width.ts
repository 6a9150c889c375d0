import {stripVTControlCharacters} from 'node:util';
import {cellWidth} from './cells.js';

/**
 * string-width's interface over timescope's measure, so Ink (and wrap-ansi, widest-line, cli-truncate)
 * place text in the cells terminals give it. The build aliases the `string-width` package to this
 * module (`esbuild.config.mjs`, and `vitest.config.ts` for the tests); see `cells.ts`.
 */
export default function stringWidth(text: string, options: {countAnsiEscapeCodes?: boolean} = {}): number {
	if (typeof text !== 'string' || text.length === 0) return 0;
	return cellWidth(options.countAnsiEscapeCodes ? text : stripVTControlCharacters(text));
}
