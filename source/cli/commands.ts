import {completion} from './commands/completion.js';
import {view} from './commands/view.js';
import type {CommandName} from './flags.js';
import type {CommandArgs, Invocation} from './parse.js';

/**
 * The commands: `timescope [FILE]` and the subcommands. Adding a subcommand is one entry here, its
 * name in `CommandName` (flags.ts) and its handler in commands/.
 */

export interface Command {
	readonly args: CommandArgs;
	/** Its line under Usage in `--help`. */
	readonly summary: string;
	readonly run: (invocation: Invocation) => Promise<number>;
}

/** `timescope [FILE]`: the explorer on a terminal, the printed listing otherwise. */
export const VIEW: Command = {
	args: {name: 'FILE', min: 0, max: 1},
	summary: 'explore FILE (default: the bundled dataset)',
	run: view,
};

export const COMMANDS = {
	validate: {
		args: {name: 'FILE', min: 1, max: Number.POSITIVE_INFINITY},
		summary: 'check files and list every problem',
		// Like extract below: the reader and its checks load only for the commands that read files whole.
		run: async (invocation) => (await import('./commands/validate.js')).validate(invocation),
	},
	convert: {
		args: {name: 'FILE', min: 1, max: 1},
		summary: 'write FILE as timescope/1 JSON, or with --as timelinejs as TimelineJS 3 JSON',
		run: async (invocation) => (await import('./commands/convert.js')).convert(invocation),
	},
	completion: {
		args: {name: 'SHELL', min: 1, max: 1},
		summary: 'print the completion script for bash, zsh or fish',
		// The script lists the commands: this table, handed over rather than imported back.
		run: (invocation): Promise<number> => completion(invocation, COMMANDS),
	},
	extract: {
		args: {name: 'ARTICLE', min: 1, max: Number.POSITIVE_INFINITY},
		summary: 'draft a timescope/1 dataset from news articles (text or HTML): quotes, speakers, dates',
		// The extractor (compromise, chrono) loads only for this command: the others start fast.
		run: async (invocation) => (await import('./commands/extract.js')).extract(invocation),
	},
} as const satisfies Record<Exclude<CommandName, 'explore' | 'print'>, Command>;
