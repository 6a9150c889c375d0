import {readdirSync, readFileSync} from 'node:fs';
import {dirname, join, relative, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';

/**
 * The architecture as the imports draw it: data flows one way (dataset → search → state → ui), no
 * module reaches back into one that imports it, and the panes are reached through their registry.
 * Only imports that load code at run time count (`import type` is erased).
 */

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const SOURCE = join(ROOT, 'source');

function files(dir: string): string[] {
	return readdirSync(dir, {withFileTypes: true}).flatMap((entry) => {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) return files(path);
		return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
	});
}

/** Module → the source modules and packages it loads at run time. */
function graph(): Map<string, string[]> {
	const edges = new Map<string, string[]>();
	for (const file of files(SOURCE)) {
		const text = readFileSync(file, 'utf8');
		const targets: string[] = [];
		for (const match of text.matchAll(/^(?:import|export)\s+([^;]*?)\s*from\s+'([^']+)';/gms)) {
			const [, clause = '', specifier = ''] = match;
			const typeOnly =
				/^type\s/.test(clause) ||
				(/^\{[^}]*\}$/s.test(clause) &&
					clause
						.slice(1, -1)
						.split(',')
						.every((part) => part.trim() === '' || /^type\s/.test(part.trim())));
			if (typeOnly) continue;
			targets.push(
				specifier.startsWith('.')
					? relative(SOURCE, resolve(dirname(file), specifier)).replace(/\.js$/, '')
					: specifier,
			);
		}
		edges.set(relative(SOURCE, file).replace(/\.tsx?$/, ''), targets);
	}
	return edges;
}

const modules = graph();

function importers(target: string): string[] {
	return [...modules].filter(([, targets]) => targets.includes(target)).map(([module]) => module);
}

describe('the module graph', () => {
	it('reads every module', () => {
		expect(modules.get('state/reducer')).toContain('state/panes');
		expect(modules.get('ui/app')).toContain('state/reducer');
	});

	it('has no cycle: no module loads one that loads it back', () => {
		const cycles: string[] = [];
		const state = new Map<string, 'open' | 'done'>();
		const visit = (module: string, path: string[]) => {
			if (state.get(module) === 'done') return;
			if (state.get(module) === 'open') {
				cycles.push([...path.slice(path.indexOf(module)), module].join(' → '));
				return;
			}
			state.set(module, 'open');
			for (const next of modules.get(module) ?? []) if (modules.has(next)) visit(next, [...path, module]);
			state.set(module, 'done');
		};
		for (const module of modules.keys()) visit(module, []);
		expect(cycles).toEqual([]);
	});

	it('keeps each folder to its layer', () => {
		const loads = (from: RegExp, to: RegExp) =>
			[...modules].flatMap(([module, targets]) =>
				from.test(module) ? targets.filter((target) => to.test(target)).map((t) => `${module} → ${t}`) : [],
			);
		expect(loads(/^(dataset|search|text|output|system|open)\//, /^(state|ui)\/|^(ink|react)$/)).toEqual([]);
		expect(loads(/^(dataset|search)\//, /^open\//)).toEqual([]);
		expect(loads(/^state\//, /^ui\/|^(ink|react)$/)).toEqual([]);
	});

	it('reaches panes through the registry, and no view loads the reducer', () => {
		const panes = [...modules.keys()].filter((module) => module.startsWith('state/panes/'));
		expect(panes.length).toBeGreaterThan(0);
		for (const pane of panes) {
			expect(
				importers(pane).filter((module) => !/^state\/panes$|^ui\//.test(module)),
				pane,
			).toEqual([]);
		}
		expect(importers('state/reducer')).toEqual(['ui/app']);
	});
});
