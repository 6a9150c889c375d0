import {spawnSync} from 'node:child_process';
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';
import {FLAGS, type FlagSpec, longFlag} from '../../source/cli/flags.js';
import {CLI, runCli} from '../helpers/run-cli.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const specs = Object.entries(FLAGS as Readonly<Record<string, FlagSpec>>);

/** What bash offers for the words typed so far (the last one being completed), from the real script. */
function bashOffers(words: string[]): string[] {
	const script = `source <("${process.execPath}" "${CLI}" completion bash)
COMP_WORDS=(${words.map((word) => `'${word}'`).join(' ')}); COMP_CWORD=${words.length - 1}
_timescope; printf '%s\\n' "\${COMPREPLY[@]}"`;
	const run = spawnSync('bash', ['-c', script], {cwd: ROOT, encoding: 'utf8'});
	expect(run.stderr).toBe('');
	return run.stdout.split('\n').filter(Boolean);
}

describe('shell completion, written from the flag table', () => {
	it('bash completes flags, choices, subcommands and files', () => {
		expect(bashOffers(['timescope', '--se'])).toEqual(['--search']);
		expect(bashOffers(['timescope', '--color', 'a'])).toEqual(['auto', 'always']);
		expect(bashOffers(['timescope', 'val'])).toEqual(['validate']);
		expect(bashOffers(['timescope', 'validate', 'da'])).toEqual(['data']);
		expect(bashOffers(['timescope', '--search', ''])).toEqual([]);
		const all = bashOffers(['timescope', '-']);
		for (const [name, spec] of specs) {
			expect(all).toContain(longFlag(name, spec));
			if (spec.short) expect(all).toContain(`-${spec.short}`);
		}
	});

	it('zsh and fish name every flag, its short letter and its choices', async () => {
		const zsh = (await runCli(['completion', 'zsh'])).stdout;
		const fish = (await runCli(['completion', 'fish'])).stdout;
		expect(zsh).toMatch(/^#compdef timescope\n/);
		expect(zsh).toContain(`'(--search -s)'{--search,-s}'[search events, quotes and eras]:QUERY: '`);
		expect(zsh).toContain(`'--color[colour always, never, or auto]:value:(auto always never)'`);
		expect(fish).toContain(`complete -c timescope -l color -x -a 'auto always never'`);
		expect(fish).toContain(`complete -c timescope -n __fish_use_subcommand -a validate`);
		for (const [name, spec] of specs) {
			expect(zsh).toContain(longFlag(name, spec));
			expect(fish).toContain(`-l ${longFlag(name, spec).slice(2)}${spec.short ? ` -s ${spec.short}` : ''}`);
		}
	});

	it('says which shells it knows', async () => {
		const run = await runCli(['completion', 'tcsh']);
		expect(run.code).toBe(2);
		expect(run.stderr).toBe(
			'timescope: completion expects bash, zsh or fish, found "tcsh"\ntimescope: see timescope --help\n',
		);
	});
});
