import {describe, expect, it} from 'vitest';
import {progressBar} from '../../source/output/progress.js';

function terminal(isTTY: boolean, columns = 100) {
	const written: string[] = [];
	const stream = {isTTY, columns, write: (text: string) => written.push(text)};
	return {stream: stream as unknown as NodeJS.WriteStream, written};
}

describe('loading feedback on stderr', () => {
	it('announces a big JSON file at once and erases the line when done', () => {
		const {stream, written} = terminal(true);
		const progress = progressBar('archive.json', stream);
		progress.onSize?.(75_000_000);
		expect(written.join('')).toBe('\rloading archive.json (75 MB)…\u001b[K');
		progress.done();
		expect(written.at(-1)).toBe('\r\u001b[K');
	});

	it('says nothing for a small file, nor in a pipe', () => {
		const small = terminal(true);
		const smallProgress = progressBar('small.json', small.stream);
		smallProgress.onSize?.(40_000);
		smallProgress.done();
		expect(small.written).toEqual([]);
		const piped = terminal(false);
		const progress = progressBar('archive.json', piped.stream);
		progress.onSize?.(75_000_000);
		expect(progress.onProgress).toBeUndefined();
		progress.done();
		expect(piped.written).toEqual([]);
	});

	it('draws an NDJSON stream’s progress as a bar with counts, cut to the terminal width', () => {
		const {stream, written} = terminal(true);
		const progress = progressBar('archive.ndjson', stream);
		progress.onProgress?.({bytes: 50, totalBytes: 100, lines: 10, events: 4, quotes: 6});
		expect(written.at(-1)).toMatch(
			/^\rloading archive\.ndjson █{10}░{10} 50% · 4 events, 6 quotes\u001b\[K$/,
		);
		progress.done();
		expect(written.at(-1)).toBe('\r\u001b[K');
		const narrow = terminal(true, 30);
		progressBar('archive.ndjson', narrow.stream).onProgress?.({
			bytes: 1,
			totalBytes: 2,
			lines: 1,
			events: 1,
			quotes: 0,
		});
		expect(narrow.written.at(-1)).toBe('\rloading archive.ndjson █████…\u001b[K');
	});
});
