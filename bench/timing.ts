/** Percentiles of a set of measurements, as every table of the benchmark reports them. */

export interface Timing {
	min: number;
	p50: number;
	p95: number;
	max: number;
	n: number;
}

export function timing(samples: readonly number[]): Timing {
	const sorted = [...samples].sort((a, b) => a - b);
	const at = (p: number) =>
		sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? Number.NaN;
	return {
		min: sorted[0] ?? Number.NaN,
		p50: at(0.5),
		p95: at(0.95),
		max: sorted.at(-1) ?? Number.NaN,
		n: sorted.length,
	};
}
