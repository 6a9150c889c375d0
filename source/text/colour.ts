/**
 * Whether to colour, decided once for every output (printed listings and the explorer):
 * 1. `--color always|never` says so;
 * 2. else FORCE_COLOR set to anything but '' forces it on (force-color.org), except '0' and 'false'
 *    which turn it off: it is set for one run (`FORCE_COLOR=1 timescope | less -R`), so it beats
 * 3. NO_COLOR set to anything but '' (no-color.org), usually set once for every program;
 * 4. else colour when the output is a terminal that is not `TERM=dumb`.
 */

export type ColourChoice = 'auto' | 'always' | 'never';

export function colourWanted(
	choice: ColourChoice,
	env: NodeJS.ProcessEnv,
	stream: {readonly isTTY?: boolean},
): boolean {
	if (choice !== 'auto') return choice === 'always';
	const force = env.FORCE_COLOR ?? '';
	if (force !== '') return force !== '0' && force !== 'false';
	if ((env.NO_COLOR ?? '') !== '') return false;
	return stream.isTTY === true && env.TERM !== 'dumb';
}
