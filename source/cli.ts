#!/usr/bin/env node
import {COMMANDS, VIEW} from './cli/commands.js';
import {helpText} from './cli/help.js';
import {parseCommandLine} from './cli/parse.js';
import {UsageError} from './cli/usage-error.js';
import {exitOnWriteErrors, write} from './cli/write.js';
import {sanitize} from './text/sanitize.js';

// The command line: flags in cli/flags.ts, commands in cli/commands.ts, their handlers in cli/commands/.

const err = (line: string) => process.stderr.write(`timescope: ${line}\n`);

async function main(): Promise<number> {
	const parsed = parseCommandLine(process.argv.slice(2), {
		commands: COMMANDS,
		view: VIEW.args,
		terminal: process.stdin.isTTY === true && process.stdout.isTTY === true,
		stdoutTerminal: process.stdout.isTTY === true,
		help: () => helpText(VIEW, COMMANDS),
	});
	if ('show' in parsed) {
		write(parsed.text.endsWith('\n') ? parsed.text : `${parsed.text}\n`);
		return 0;
	}
	const {command} = parsed;
	return (command === 'explore' || command === 'print' ? VIEW : COMMANDS[command]).run(parsed);
}

exitOnWriteErrors();

main().then(
	(code) => {
		process.exitCode = code;
	},
	(error: unknown) => {
		if (error instanceof UsageError) {
			err(sanitize(error.message));
			err('see timescope --help');
			process.exitCode = 2;
			return;
		}
		// A bug, not a user mistake: say so plainly, with the detail needed to report it.
		err(
			`internal error: ${sanitize(error instanceof Error ? (error.stack ?? error.message) : String(error))}`,
		);
		process.exitCode = 1;
	},
);
