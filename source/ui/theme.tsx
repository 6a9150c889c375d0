import {Text, type TextProps} from 'ink';
import {createContext, memo, type ReactNode, useContext} from 'react';
import type {Tone} from '../state/detail.js';
import {hyperlink} from '../text/links.js';

/**
 * A restrained theme that reads on dark and light backgrounds: structure comes from bold, dim,
 * inverse and underline, which turning colour off (text/colour.ts) leaves alone; colour only adds.
 */

export type Paint = Tone | 'error' | 'selected' | 'dimSelected' | 'mode';

const COLOURED: Record<Paint, TextProps> = {
	plain: {},
	title: {bold: true},
	dim: {dimColor: true},
	accent: {color: 'cyan'},
	label: {bold: true},
	match: {bold: true, underline: true, color: 'magenta'},
	error: {bold: true, color: 'red'},
	selected: {inverse: true},
	dimSelected: {bold: true},
	mode: {inverse: true, bold: true},
};

const PLAIN: Record<Paint, TextProps> = Object.fromEntries(
	Object.entries(COLOURED).map(([paint, {color: _colour, ...props}]) => [paint, props]),
) as Record<Paint, TextProps>;

const ThemeContext = createContext<Record<Paint, TextProps>>(COLOURED);
// Whether the terminal shows OSC 8 hyperlinks (decided once, from the environment).
const LinksContext = createContext(false);

export function ThemeProvider({
	colour,
	links = false,
	children,
}: {
	colour: boolean;
	links?: boolean;
	children: ReactNode;
}) {
	return (
		<ThemeContext.Provider value={colour ? COLOURED : PLAIN}>
			<LinksContext.Provider value={links}>{children}</LinksContext.Provider>
		</ThemeContext.Provider>
	);
}

export function usePaint(): Record<Paint, TextProps> {
	return useContext(ThemeContext);
}

export interface Run {
	readonly text: string;
	readonly paint: Paint;
	/** A web address (`webHref`, so safe to write into the sequence) the text links to. */
	readonly link?: string;
}

/**
 * One screen line. Its runs are already sanitized (they come from `display`) and fitted to the
 * width; `truncate-end` is only a guard so a miscounted cell can never wrap into the next line.
 */
export const Line = memo(function Line({runs, base}: {runs: readonly Run[]; base?: Paint}) {
	const paint = usePaint();
	const links = useContext(LinksContext);
	const outer = base ? paint[base] : {};
	return (
		<Text wrap="truncate-end" {...outer}>
			{runs.length === 0
				? ' '
				: runs.map((run, i) => (
						// biome-ignore lint/suspicious/noArrayIndexKey: runs have no identity but their place
						<Text key={i} {...paint[run.paint]}>
							{links && run.link ? hyperlink(run.link, run.text) : run.text}
						</Text>
					))}
		</Text>
	);
});
