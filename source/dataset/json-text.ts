import {
	createScanner,
	findNodeAtOffset,
	getLocation,
	getNodePath,
	type ParseError,
	parseTree,
	printParseErrorCode,
	visit,
} from 'jsonc-parser';
import {fromPointer, type PathPart, type Problem, toPointer} from './problems.js';

/**
 * JSON text with positions. `JSON.parse` does the real parsing (fast, strict); the position-keeping
 * jsonc-parser runs only when something must be located — a syntax error, or a schema problem — so a
 * valid file costs one JSON.parse and nothing more.
 */

/** Errors of a token that the end of the text cut off: `"unterminated`, `12.`, `tr`. */
const CUT_OFF = new Set(['UnexpectedEndOfString', 'UnexpectedEndOfNumber', 'InvalidSymbol']);

/** jsonc-parser's SyntaxKind.EOF (a const enum, which isolated modules cannot read). */
const EOF = 17;

const SYNTAX_MESSAGES: Record<string, string> = {
	InvalidSymbol: 'expected a JSON value, found an invalid symbol',
	InvalidNumberFormat: 'expected a number, found a malformed number',
	PropertyNameExpected: 'expected a property name in double quotes',
	ValueExpected: 'expected a value',
	ColonExpected: 'expected ":" after the property name',
	CommaExpected: 'expected "," between items',
	CloseBraceExpected: 'expected "}" to close the object',
	CloseBracketExpected: 'expected "]" to close the array',
	EndOfFileExpected: 'expected the end of the file after the top-level value',
	InvalidCommentToken: 'comments are not allowed in JSON',
	UnexpectedEndOfComment: 'comments are not allowed in JSON (and this one is not closed)',
	UnexpectedEndOfString: 'expected a closing double quote (the string runs to the end of the line or file)',
	UnexpectedEndOfNumber: 'expected digits to finish the number',
	InvalidUnicode: 'expected four hex digits after \\u',
	InvalidEscapeCharacter: 'expected a valid escape such as \\n, \\" or \\u0041',
	InvalidCharacter: 'expected an escaped character: control characters must be written as \\u escapes',
};

export class JsonText {
	private lineStarts: number[] | undefined;

	constructor(
		readonly text: string,
		readonly file: string,
	) {}

	/** Every syntax error with its position, as an editor would list them. */
	syntaxProblems(): Problem[] {
		const errors: ParseError[] = [];
		const root = parseTree(this.text, errors, {disallowComments: true, allowTrailingComma: false});
		const problems = errors.map((error): Problem => {
			const code = printParseErrorCode(error.error);
			const node = root ? findNodeAtOffset(root, error.offset) : undefined;
			return {
				...this.position(error.offset),
				file: this.file,
				pointer: node ? toPointer(getNodePath(node)) : '',
				code: 'syntax-error',
				params: {error: code},
				message: SYNTAX_MESSAGES[code] ?? code,
			};
		});
		// One mistake can trip several error codes at the same spot; the first says it best.
		const unique = problems.filter(
			(problem, i) =>
				i === 0 || problem.line !== problems[i - 1]?.line || problem.column !== problems[i - 1]?.column,
		);
		// A trailing comma is the most common JSON mistake of all: name it.
		return unique.map((problem) =>
			problem.message === SYNTAX_MESSAGES.ValueExpected && this.text[this.offsetOf(problem)] === ']'
				? {...problem, message: 'expected a value, found "]" (trailing commas are not allowed in JSON)'}
				: problem.message === SYNTAX_MESSAGES.PropertyNameExpected &&
						this.text[this.offsetOf(problem)] === '}'
					? {
							...problem,
							message: 'expected a property name, found "}" (trailing commas are not allowed in JSON)',
						}
					: problem,
		);
	}

	/**
	 * A file that stops before its document is complete — a download or a copy cut short — has one
	 * problem, not the cascade of closing brackets a parser reports: where it ends, and what is open.
	 * It is cut short when its first error is at its end (nothing, or a string, number or word cut off
	 * there) with a value still open.
	 */
	cutShort(): Problem | undefined {
		const errors: ParseError[] = [];
		parseTree(this.text, errors, {disallowComments: true, allowTrailingComma: false});
		const first = errors[0];
		if (!first || this.text.slice(first.offset + first.length).trim() !== '') return undefined;
		if (first.length > 0 && !CUT_OFF.has(printParseErrorCode(first.error))) return undefined;
		// Brackets opened and not closed; the parser's own recovery closes them, so they are counted here.
		const scanner = createScanner(this.text, true);
		let open = 0;
		// A token that starts with a bracket is one (a string starts with its quote).
		const depth: Record<string, number> = {'{': 1, '[': 1, '}': -1, ']': -1};
		while (scanner.scan() !== EOF) open += depth[this.text[scanner.getTokenOffset()] ?? ''] ?? 0;
		if (open <= 0) return undefined;
		const innermost = getLocation(this.text, this.text.length).path.slice(0, open - 1);
		const end = this.position(this.text.trimEnd().length);
		const pointer = toPointer(innermost);
		return {
			...end,
			file: this.file,
			pointer,
			code: 'truncated',
			params: {open},
			message: `the file ends at line ${end.line} before the document is complete${open > 1 ? ` (${open} values still open)` : ''}`,
		};
	}

	/** Line and column of the value (or, for a missing key, of the object) at `pointer`. */
	locate(pointer: string, options: {key?: boolean} = {}): {line: number; column: number} {
		return this.locateAll([{pointer, key: options.key}])[0] ?? {line: 1, column: 1};
	}

	/**
	 * Line and column of each pointer's value (of its key when `key`; of the nearest enclosing value
	 * that exists when it does not). One scan of the text, and no tree: only the values on the way to
	 * a wanted pointer are looked at, so locating a few problems in a 75 MB file costs a scan, not
	 * gigabytes of nodes.
	 */
	locateAll(wanted: ReadonlyArray<{pointer: string; key?: boolean}>): Array<{line: number; column: number}> {
		const paths = wanted.map(({pointer}) => fromPointer(pointer));
		const onTheWay = new Set<string>();
		for (const path of paths)
			for (let depth = 0; depth <= path.length; depth++) onTheWay.add(toPointer(path.slice(0, depth)));
		type Position = {line: number; column: number};
		const values = new Map<string, Position>();
		const keys = new Map<string, Position>();
		const at = (line: number, character: number): Position => ({line: line + 1, column: character + 1});
		const value = (path: () => PathPart[], line: number, character: number) => {
			const pointer = toPointer(path());
			if (!onTheWay.has(pointer)) return false;
			values.set(pointer, at(line, character));
			return true;
		};
		visit(
			this.text,
			{
				onObjectBegin: (_offset, _length, line, character, path) => value(path, line, character),
				onArrayBegin: (_offset, _length, line, character, path) => value(path, line, character),
				// jsonc-parser ends a skipped value only through these: without them nothing after it is seen.
				onObjectEnd: () => {},
				onArrayEnd: () => {},
				onLiteralValue: (_value, _offset, _length, line, character, path) => {
					value(path, line, character);
				},
				onObjectProperty: (key, _offset, _length, line, character, path) => {
					const pointer = toPointer([...path(), key]);
					if (onTheWay.has(pointer)) keys.set(pointer, at(line, character));
				},
			},
			{disallowComments: true},
		);
		return paths.map((path, i) => {
			// Walk up until something exists: a missing key is reported where its object is.
			for (let depth = path.length; depth >= 0; depth--) {
				const pointer = toPointer(path.slice(0, depth));
				const found = (wanted[i]?.key && keys.get(pointer)) || values.get(pointer);
				if (found) return found;
			}
			return {line: 1, column: 1};
		});
	}

	private offsetOf(problem: Problem): number {
		const starts = this.starts();
		return (starts[(problem.line ?? 1) - 1] ?? 0) + (problem.column ?? 1) - 1;
	}

	private starts(): number[] {
		if (!this.lineStarts) {
			const starts = [0];
			for (let i = this.text.indexOf('\n'); i !== -1; i = this.text.indexOf('\n', i + 1)) starts.push(i + 1);
			this.lineStarts = starts;
		}
		return this.lineStarts;
	}

	private position(offset: number): {line: number; column: number} {
		const starts = this.starts();
		let low = 0;
		let high = starts.length - 1;
		while (low < high) {
			const mid = (low + high + 1) >> 1;
			if ((starts[mid] ?? 0) <= offset) low = mid;
			else high = mid - 1;
		}
		return {line: low + 1, column: offset - (starts[low] ?? 0) + 1};
	}
}
