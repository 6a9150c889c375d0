import type {Command} from '../commands.js';
import {completionScript, SHELLS, type Shell} from '../completion.js';
import type {Invocation} from '../parse.js';
import {UsageError} from '../usage-error.js';
import {write} from '../write.js';

/** `timescope completion bash|zsh|fish`: the completion script for that shell, on stdout. */
export async function completion(
	{args}: Invocation,
	commands: Readonly<Record<string, Command>>,
): Promise<number> {
	const shell = args[0] as string;
	if (!(SHELLS as readonly string[]).includes(shell)) {
		throw new UsageError(`completion expects bash, zsh or fish, found "${shell}"`);
	}
	write(completionScript(shell as Shell, commands));
	return 0;
}
