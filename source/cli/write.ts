import {errorCount, formatProblems, type Problem, type ProblemReport} from '../dataset/problems.js';

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
export function reportOpened(report: ProblemReport): number {
	if (report.problems.length === 0) return 0;
	process.stderr.write(`${formatProblems(report.problems, {omitted: report.omitted}).join('\n')}\n`);
	return errorCount(report) > 0 ? OPENED_WITH_PROBLEMS : 0;
}
