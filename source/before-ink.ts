// Imported first by the explorer, before Ink (interactive.tsx puts things back once Ink is loaded).
//
// DEV=true makes Ink load React's devtools bridge, which timescope does not ship, and print a warning
// over the screen. DEV is a common name with other uses.
delete process.env.DEV;

// Ink's layout engine (yoga-layout) is WebAssembly held in a data: URL, which its loader fetches when
// `fetch` is a function: on Node 20 that first call loads undici, 40 ms before the first frame. Without
// `fetch` the loader decodes the same bytes in place.
const fetchAside = globalThis.fetch;
Reflect.deleteProperty(globalThis, 'fetch');

/** `fetch` as it was, once Ink has loaded. */
export function restoreFetch(): void {
	if (globalThis.fetch === undefined) globalThis.fetch = fetchAside;
}
