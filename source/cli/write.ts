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

/**
 * A failed write ends the run with one line and an exit code, never a stack trace: `| head` closing
 * the pipe early is the reader's choice (EPIPE: the exit code stands); a terminal that hung up (EIO)
 * leaves no one to tell (129, as a hang-up); anything else (`> /dev/full`, a full disk) is said on
 * stderr, exit 1, as coreutils do. When stderr itself fails there is no one to tell either.
 */
export function exitOnWriteErrors(): void {
	process.stdout.on('error', (error: NodeJS.ErrnoException) => {
		if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
		if (error.code === 'EIO') process.exit(129);
		process.stderr.write(`timescope: could not write the output: ${reason(error)}\n`);
		process.exit(1);
	});
	process.stderr.on('error', () => process.exit(process.exitCode ?? 1));
}

/** `ENOSPC: no space left on device, write` → `no space left on device (ENOSPC)`. */
function reason(error: NodeJS.ErrnoException): string {
	const text = error.message.replace(/^[A-Z]+: /, '').replace(/, write$/, '');
	return error.code ? `${text} (${error.code})` : text;
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
