import type {Command} from './commands.js';
import {FLAGS, type FlagSpec, longFlag} from './flags.js';

/**
 * Shell completion scripts, written from the flag and command tables: flags (with their short
 * letters), the values of flags with choices, subcommands in first place, and files elsewhere.
 */

export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];

interface Entry {
	readonly long: string;
	readonly spec: FlagSpec;
	/** The help line up to its first parenthesis: what a completion menu shows. */
	readonly summary: string;
}

function entries(): Entry[] {
	return Object.entries(FLAGS as Readonly<Record<string, FlagSpec>>).map(([name, spec]) => ({
		long: longFlag(name, spec),
		spec,
		summary: spec.help.replace(/\s*\(.*$/, ''),
	}));
}

export function completionScript(shell: Shell, commands: Readonly<Record<string, Command>>): string {
	const names = Object.keys(commands);
	if (shell === 'bash') return bash(names);
	if (shell === 'zsh') return zsh(commands);
	return fish(commands);
}

function bash(commands: readonly string[]): string {
	const flags = entries();
	const words = flags.flatMap(({long, spec}) => [long, ...(spec.short ? [`-${spec.short}`] : [])]);
	const choices = flags.filter(({spec}) => spec.choices);
	const files = flags.filter(({spec}) => spec.value === 'FILE');
	const free = flags.filter(({spec}) => spec.type !== 'boolean' && !spec.choices && spec.value !== 'FILE');
	const pattern = (list: readonly Entry[]) =>
		list.flatMap(({long, spec}) => [long, ...(spec.short ? [`-${spec.short}`] : [])]).join('|');
	const cases = [
		...choices.map(
			(flag) =>
				`\t\t${pattern([flag])}) COMPREPLY=($(compgen -W "${flag.spec.choices?.join(' ')}" -- "$cur")); return ;;`,
		),
		...(files.length > 0 ? [`\t\t${pattern(files)}) COMPREPLY=($(compgen -f -- "$cur")); return ;;`] : []),
		// A value to type (a query, a date, a name): nothing to offer.
		`\t\t${pattern(free)}) COMPREPLY=(); return ;;`,
	];
	return `# bash completion for timescope: source <(timescope completion bash)
_timescope() {
	local cur=\${COMP_WORDS[COMP_CWORD]} prev=\${COMP_WORDS[COMP_CWORD-1]}
	case $prev in
${cases.join('\n')}
	esac
	if [[ $cur == -* ]]; then
		COMPREPLY=($(compgen -W "${words.join(' ')}" -- "$cur"))
		return
	fi
	COMPREPLY=($(compgen -f -- "$cur"))
	if ((COMP_CWORD == 1)); then
		COMPREPLY+=($(compgen -W "${commands.join(' ')}" -- "$cur"))
	fi
}
complete -o filenames -F _timescope timescope
`;
}

/** Text inside a zsh `[description]` within single quotes. */
function zshText(text: string): string {
	return text.replace(/'/g, `'\\''`).replace(/[[\]]/g, '\\$&').replace(/:/g, '\\:');
}

function zsh(commands: Readonly<Record<string, Command>>): string {
	const specs = entries().map(({long, spec, summary}) => {
		const names = spec.short ? `(${long} -${spec.short})'{${long},-${spec.short}}'` : long;
		const repeat = spec.multiple ? '*' : '';
		const value =
			spec.type === 'boolean'
				? ''
				: `:${spec.value ?? 'value'}:${spec.choices ? `(${spec.choices.join(' ')})` : spec.value === 'FILE' ? '_files' : ' '}`;
		return `\t\t'${repeat}${names}[${zshText(summary)}]${value}'`;
	});
	const described = Object.entries(commands).map(
		([name, command]) => `'${name}:${zshText(command.summary)}'`,
	);
	return `#compdef timescope
# zsh completion for timescope: timescope completion zsh > "\${fpath[1]}/_timescope", or
# source <(timescope completion zsh) after compinit
_timescope() {
	local -a commands=(${described.join(' ')})
	_arguments -s \\
${specs.join(' \\\n')} \\
		'1: :{_describe command commands; _files}' \\
		'*: :_files'
}
if [[ $funcstack[1] == _timescope ]]; then _timescope "$@"; else compdef _timescope timescope; fi
`;
}

function fish(commands: Readonly<Record<string, Command>>): string {
	const quote = (text: string) => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
	const flags = entries().map(({long, spec, summary}) => {
		const parts = ['complete -c timescope', `-l ${long.slice(2)}`];
		if (spec.short) parts.push(`-s ${spec.short}`);
		if (spec.choices) parts.push(`-x -a ${quote(spec.choices.join(' '))}`);
		else if (spec.type !== 'boolean') parts.push(spec.value === 'FILE' ? '-r -F' : '-x');
		parts.push(`-d ${quote(summary)}`);
		return parts.join(' ');
	});
	const subcommands = Object.entries(commands).map(
		([name, command]) =>
			`complete -c timescope -n __fish_use_subcommand -a ${name} -d ${quote(command.summary)}`,
	);
	return `# fish completion for timescope: timescope completion fish > ~/.config/fish/completions/timescope.fish
${[...subcommands, ...flags].join('\n')}
`;
}
