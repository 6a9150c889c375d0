/** An article rather than a dataset: plain text or a saved web page, which `timescope FILE` extracts first. */
export function isArticle(file: string): boolean {
	return /\.(?:txt|text|html?)$/iu.test(file);
}
