import {existsSync, readdirSync, readFileSync} from 'node:fs';
import {basename, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import type {TimescopeDocument} from '../source/dataset/schema.js';
import {extractDraft} from '../source/extract/extract.js';
import {type AnswerKey, keyFromDataset, type Score, scoreDraft, totals} from './extract-score.js';

/**
 * `npm run bench:extract [-- --corpus DIR] [-- --verbose]`: how well `timescope extract` drafts
 * match answer keys a person wrote.
 *
 * - the shared article, against the bundled dataset built from it by hand;
 * - the articles written for this project (test/fixtures/extract), with their keys;
 * - a local corpus of published articles (DIR/articles, keys in DIR/keys), never committed:
 *   `../corpus` beside the checkout when it exists.
 *
 * Quote recall is quotes found verbatim over quotes in the key; precision is the share of extracted
 * quotes that the key has; speakers are counted over the quotes found; dates over the key's phrases.
 */

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const corpusArg = args[args.indexOf('--corpus') + 1];
const corpus = args.includes('--corpus') && corpusArg ? corpusArg : join(root, '..', 'corpus');

interface Row {
	name: string;
	score: Score;
	/** Milliseconds to draft the article (after the first, which also loads the libraries). */
	ms?: number;
}

function run(name: string, file: string, key: AnswerKey, date?: string): Row {
	const text = readFileSync(file, 'utf8');
	const started = performance.now();
	const doc: TimescopeDocument = extractDraft([{file, text}], {date});
	return {name, score: scoreDraft(doc, key), ms: performance.now() - started};
}

const percent = (part: number, whole: number) => (whole === 0 ? '—' : `${Math.round((100 * part) / whole)}%`);

function table(title: string, rows: Row[]): void {
	if (rows.length === 0) return;
	console.log(`\n## ${title}\n`);
	console.log(
		'| article | quotes found | not quotes | speakers right | dates right | quotes dated right | ms |',
	);
	console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
	const total: Row = {
		name: '**total**',
		score: totals(rows.map((row) => row.score)),
		ms: rows.reduce((sum, row) => sum + (row.ms ?? 0), 0),
	};
	for (const {name, score, ms} of [...rows, total]) {
		console.log(
			`| ${name} | ${score.found}/${score.quotes} | ${score.extra.length} | ${score.speakersRight}/${score.found} | ${score.datesRight}/${score.dates} | ${score.saidKnown > 0 ? `${score.saidRight}/${score.saidKnown}` : '—'} | ${Math.round(ms ?? 0)} |`,
		);
	}
	const sum = totals(rows.map((row) => row.score));
	const extracted = sum.found + sum.extra.length;
	console.log(
		`\nquote recall ${percent(sum.found, sum.quotes)} · precision ${percent(sum.found, extracted)} (${sum.extra.length} extracted that are not quotes) · speakers right ${percent(sum.speakersRight, sum.found)} · dates right ${percent(sum.datesRight, sum.dates)}${sum.saidKnown > 0 ? ` · quotes dated right ${percent(sum.saidRight, sum.saidKnown)}` : ''}`,
	);
	if (verbose) {
		for (const {name, score} of rows) {
			for (const miss of [
				...score.misses,
				...score.extra.map((text) => `not a quote: ${text.slice(0, 70)}`),
			]) {
				console.log(`  ${name}: ${miss}`);
			}
		}
	}
}

function keyed(articles: string, keys: string): Row[] {
	if (!existsSync(articles)) return [];
	return readdirSync(articles)
		.filter((file) => /\.(?:txt|html?)$/u.test(file))
		.sort()
		.flatMap((file) => {
			const name = basename(file).replace(/\.[^.]+$/u, '');
			const keyFile = join(keys, `${name}.json`);
			if (!existsSync(keyFile)) return [];
			return [run(name, join(articles, file), JSON.parse(readFileSync(keyFile, 'utf8')) as AnswerKey)];
		});
}

const shared = join(root, '..', 'shared', 'articles', '2026-01-02-venezuela-us-dialogue.txt');
if (!existsSync(shared)) {
	console.error(`bench:extract: the shared article is missing (${shared})`);
	process.exit(1);
}
const bundled = JSON.parse(
	readFileSync(join(root, 'data', 'venezuela-us-dialogue.json'), 'utf8'),
) as TimescopeDocument;
table('Shared article, against the bundled dataset', [
	run('venezuela-us-dialogue', shared, keyFromDataset(bundled)),
]);
const fixtures = join(root, 'test', 'fixtures', 'extract');
table('Articles written for the project', keyed(join(fixtures, 'articles'), join(fixtures, 'keys')));
table(
	`Local corpus of published articles (${corpus})`,
	keyed(join(corpus, 'articles'), join(corpus, 'keys')),
);
