import {formatProblems, type Problem} from '../dataset/problems.js';

/** Output goes to stdout; what went wrong with the data, to stderr. */
export function write(text: string): void {
	process.stdout.write(text);
}

/** Every problem on stderr, one a line; exit code 1 (bad data or an unreadable file). */
export function reportProblems(problems: readonly Problem[]): number {
	process.stderr.write(`${formatProblems(problems).join('\n')}\n`);
	return 1;
}
