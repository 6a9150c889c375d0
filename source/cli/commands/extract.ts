import {type LoadResult, loadText, parseDocument} from '../../dataset/load.js';
import type {Problem} from '../../dataset/problems.js';
import {readPathText} from '../../dataset/read-input.js';
import type {TimescopeDocument} from '../../dataset/schema.js';
import {type ArticleInput, extractDraft} from '../../extract/extract.js';
import {toSafeJson} from '../../output/json.js';
import {writeFileAtomic} from '../../system/atomic-file.js';
import type {Invocation} from '../parse.js';
import {UsageError} from '../usage-error.js';
import {reportProblems, write} from '../write.js';

/**
 * `timescope extract ARTICLE… [--date YYYY-MM-DD] [--title T] [-o FILE]`: a timescope/1 draft of the
 * articles, on stdout or in FILE. FILE is written to a temporary file beside it and renamed over it,
 * so a reader never sees half a draft and a failed run leaves the old file as it was.
 */
export async function extract({args, flags}: Invocation): Promise<number> {
	const date = publicationDate(flags.date);
	const read = await readArticles(args);
	if (!read.ok) return reportProblems(read.problems);
	const doc = await draft(read.inputs, {date, title: flags.title});
	const text = toSafeJson(doc);
	if (flags.output === undefined) write(text);
	else {
		const problem = await writeAtomically(flags.output, text);
		if (problem) return reportProblems([problem]);
	}
	process.stderr.write(`timescope: ${summary(doc, flags.output)}\n`);
	return 0;
}

/** `timescope ARTICLE.txt`: the article's draft, loaded as the explorer and print modes load a dataset. */
export async function loadArticle(file: string, date: string | undefined): Promise<LoadResult> {
	const read = await readArticles([file]);
	if (!read.ok) return {ok: false, file, problems: read.problems, omitted: 0};
	const doc = await draft(read.inputs, {date: publicationDate(date)});
	return loadText(toSafeJson(doc), file);
}

/** The articles' text, or every file that could not be read. */
export async function readArticles(
	files: readonly string[],
): Promise<{ok: true; inputs: ArticleInput[]} | {ok: false; problems: Problem[]}> {
	const inputs: ArticleInput[] = [];
	const problems: Problem[] = [];
	for (const file of files) {
		const input = await readPathText(file);
		if (input.ok) inputs.push({file: input.file, text: input.text});
		else problems.push(input.problem);
	}
	return problems.length > 0 ? {ok: false, problems} : {ok: true, inputs};
}

/** The draft, checked against the schema: a draft that `validate` would refuse is a bug, said as one. */
export async function draft(
	inputs: readonly ArticleInput[],
	options: {date?: string; title?: string},
): Promise<TimescopeDocument> {
	const doc = extractDraft(inputs, options);
	const checked = await parseDocument(toSafeJson(doc), 'draft', {strict: true});
	if (!checked.ok) {
		const problems = checked.problems.map((problem) => `${problem.pointer}: ${problem.message}`).join('; ');
		throw new Error(`the extracted draft does not validate: ${problems}`);
	}
	return doc;
}

export function publicationDate(value: string | undefined): string | undefined {
	if (value === undefined) return undefined;
	const match = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(value);
	const day = match && new Date(`${value}T00:00:00Z`);
	if (!day || Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== value) {
		throw new UsageError(`--date expects a publication day as YYYY-MM-DD, found "${value}"`);
	}
	return value;
}

async function writeAtomically(file: string, text: string): Promise<Problem | undefined> {
	try {
		await writeFileAtomic(file, text, {overwrite: true});
		return undefined;
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
		return {
			file,
			code: 'unwritable',
			params: {error: code},
			message: `cannot be written (${code}); nothing was changed`,
		};
	}
}

function summary(doc: TimescopeDocument, output: string | undefined): string {
	const setAside = (doc.extensions?.extract as {setAside?: unknown[]} | undefined)?.setAside?.length ?? 0;
	const counts = `${doc.quotes?.length ?? 0} quotes, ${doc.events.length} events, ${doc.actors?.length ?? 0} actors${setAside > 0 ? `, ${setAside} quoted terms set aside` : ''}`;
	return `draft${output ? ` written to ${output}` : ''}: ${counts}; check each item against its sentence (extensions.extract)`;
}
