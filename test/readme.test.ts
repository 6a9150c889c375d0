import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {COMMANDS} from '../source/cli/commands.js';
import {FLAGS, type FlagSpec, longFlag} from '../source/cli/flags.js';

const README = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

describe('the README', () => {
	it('documents every flag and every command of the command line', () => {
		const usage = README.slice(README.indexOf('## Usage'), README.indexOf('### Search syntax'));
		for (const [name, spec] of Object.entries(FLAGS as Readonly<Record<string, FlagSpec>>)) {
			// A flag that is on by default is written as the way to turn it off (`--no-mouse`).
			expect(usage, longFlag(name, spec)).toContain(`\`${longFlag(name, spec)}`);
			if (spec.short) expect(usage, `-${spec.short}`).toContain(`\`-${spec.short}\``);
		}
		for (const name of Object.keys(COMMANDS)) expect(usage).toContain(`timescope ${name} `);
	});

	it('gives the exit codes of every command', () => {
		const codes = README.slice(
			README.indexOf('### Output streams and exit codes'),
			README.indexOf('### Error reports'),
		);
		for (const name of Object.keys(COMMANDS)) expect(codes).toContain(`| \`timescope ${name}`);
	});
});
