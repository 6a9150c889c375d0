// Ink's internal Output class, reached by path: Ink exports only its entry point. In dist/ this is the
// copy of Ink bundled with the explorer, the one that draws; from source it is node_modules' copy.
import Output from '../../node_modules/ink/build/output.js';

/**
 * Whether the Ink that draws carries `patches/ink+6.8.0.patch` (see docs/ARCHITECTURE.md, "Ink
 * internals"): with it, every frame's Output shares one cache of tokenized lines and widths; without
 * it each frame starts a new one and frames cost about twice as much. `npm ci --ignore-scripts` (or any
 * install that skips `prepare`) leaves node_modules unpatched, and a bundle built from it too.
 */
export function inkPatched(): boolean {
	return sharesCaches(Output);
}

/** The patched behaviour: two Outputs (two frames) hold the same caches. */
export function sharesCaches(output: typeof Output): boolean {
	const [first, second] = [1, 2].map(() => new output({width: 1, height: 1}) as unknown as {caches: object});
	return first?.caches !== undefined && first.caches === second?.caches;
}

export const INK_UNPATCHED =
	"Ink is missing timescope's patch (patches/ink+6.8.0.patch): node_modules was installed without running patch-package (npm ci --ignore-scripts does that). Run `npx patch-package`, then `npm run build`.";
