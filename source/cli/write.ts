import {formatProblems, type Problem} from '../dataset/problems.js';

/** Output goes to stdout; what went wrong with the data, to stderr. */
export function write(text: string): void {
	process.stdout.write(text);
}

/** Every problem on stderr, one a line, and how many more were found; exit code 1 (bad data or an unreadable file). */
export function reportProblems(problems: readonly Problem[], omitted = 0): number {
	process.stderr.write(`${formatProblems(problems, {omitted}).join('\n')}\n`);
	return 1;
}

/** Exit code of --print, --json and --search when items were left out (see the README, exit codes). */
export const OPENED_WITH_PROBLEMS = 3;

/**
 * The problems of a file that opened (each item left out, and notes) on stderr. Returns the exit
 * code they call for: OPENED_WITH_PROBLEMS when something was left out, 0 for notes alone.
 */
export function reportOpened({problems, omitted}: {problems: readonly Problem[]; omitted: number}): number {
	if (problems.length === 0) return 0;
	process.stderr.write(`${formatProblems(problems, {omitted}).join('\n')}\n`);
	return omitted > 0 || problems.some((problem) => problem.severity !== 'note') ? OPENED_WITH_PROBLEMS : 0;
}
