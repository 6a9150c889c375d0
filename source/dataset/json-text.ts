import {
	findNodeAtLocation,
	findNodeAtOffset,
	getNodePath,
	type Node,
	type ParseError,
	parseTree,
	printParseErrorCode,
} from 'jsonc-parser';
import {fromPointer, type Problem, toPointer} from './problems.js';

/**
 * JSON text with positions. `JSON.parse` does the real parsing (fast, strict); the position-keeping
 * jsonc-parser runs only when something must be located — a syntax error, or a schema problem — so a
 * valid file costs one JSON.parse and nothing more.
 */

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
	private tree: Node | undefined;
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

	/** Line and column of the value (or, for a missing key, of the object) at `pointer`. */
	locate(pointer: string, options: {key?: boolean} = {}): {line: number; column: number} {
		this.tree ??= parseTree(this.text, [], {disallowComments: true}) ?? undefined;
		if (!this.tree) return {line: 1, column: 1};
		const path = fromPointer(pointer);
		let node: Node | undefined;
		// Walk up until something exists: a missing key is reported where its object is.
		for (let depth = path.length; depth >= 0 && !node; depth--) {
			node = findNodeAtLocation(this.tree, path.slice(0, depth));
		}
		if (!node) return {line: 1, column: 1};
		const keyNode = options.key && node.parent?.type === 'property' ? node.parent.children?.[0] : undefined;
		return this.position((keyNode ?? node).offset);
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
