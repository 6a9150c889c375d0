import {once} from 'node:events';
import {createWriteStream} from 'node:fs';
import {fileURLToPath} from 'node:url';
import type {
	ActorDoc,
	EventDoc,
	PlaceDoc,
	QuoteDoc,
	SourceDoc,
	TimescopeDocument,
} from '../source/dataset/schema.js';

/**
 * A deterministic generator of `timescope/1` datasets of any size, for the benchmark and for tests
 * that need more than a handful of quotes. The same options always give the same bytes.
 *
 * What it models, because search and layout costs depend on it: sentence lengths of real quotes
 * (a long tail up to ~70 words), a Zipf-distributed vocabulary (a few hundred common words and tens
 * of thousands of rare ones, as names and jargon are in an archive), speakers who speak a lot and
 * many who speak once, names with diacritics and CJK names (wide terminal cells), a few quotes
 * entirely in CJK (no spaces to split words on), aliases, events with 0–5 quotes, and dates at every
 * precision the format has (days, months, years, week ranges, approximate and uncertain dates).
 *
 * Command line: `node --import tsx bench/generate.ts --events 100000 --quotes 200000 [--seed 1]
 * [--ndjson] [--out FILE]` writes the dataset to FILE or stdout.
 */

export interface GenerateOptions {
	events: number;
	/** Quotes in all; at most 5 per event (plus a few that belong to no event). */
	quotes: number;
	seed?: number;
}

export type Item =
	| {kind: 'root'; root: Omit<TimescopeDocument, 'events' | 'quotes'>}
	| {kind: 'event'; event: EventDoc}
	| {kind: 'quote'; quote: QuoteDoc};

/** sfc32: small, fast, and good enough that the text looks random. */
export function random(seed: number): () => number {
	let a = 0x9e3779b9;
	let b = 0x243f6a88;
	let c = 0xb7e15162;
	let d = seed >>> 0;
	const next = () => {
		a >>>= 0;
		b >>>= 0;
		c >>>= 0;
		d >>>= 0;
		let t = (a + b) | 0;
		a = b ^ (b >>> 9);
		b = (c + (c << 3)) | 0;
		c = (c << 21) | (c >>> 11);
		d = (d + 1) | 0;
		t = (t + d) | 0;
		c = (c + t) | 0;
		return (t >>> 0) / 4294967296;
	};
	for (let i = 0; i < 15; i++) next();
	return next;
}

const COMMON = `the of and to a in that is for it was on he with as we they be at by this have from
are not but said has will his an or would had were their been who more there about its one which
when all can also people if no our so what them up out new than into some could us over just time
government president country said after first last years two other minister officials state because
only against very talks week made any told many now how military oil united states talks sanctions
support like before security economic political while deal where those back since through both
during between under even most these well going want think know see make take say need here today
way still believe must should never every already again month day year election power region border
forces attack strike agreement negotiations leaders policy trade market investment energy crisis
public national international foreign rights law court report press media interview statement
vote campaign party opposition congress senate parliament ministry embassy diplomats envoy summit
peace war troops navy coast guard drug trafficking boats tankers blockade refinery pipeline exports
prices inflation budget debt bank currency jobs workers farmers families children health hospital
water food aid refugees migrants asylum deportation flights airport port dock shipment cargo vessel
intelligence agency operation covert mission evidence investigation charges prosecutors judge
verdict prison detention release hostage prisoners exchange ceasefire talks dialogue proposal offer
demand threat warning pressure response reaction condemnation protest rally crowd police violence
clashes casualties dead wounded killed injured missing rescue emergency disaster storm flood drought
fire earthquake climate emissions technology internet network data cyber hackers online social
video footage images photos documents letter decree order announcement deadline schedule meeting
visit trip tour delegation counterpart ally partner rival enemy adversary neighbour region
continent capital city province district village community island territory sovereignty
independence constitution reform transition regime dictatorship democracy freedom justice
corruption fraud bribery scandal resignation dismissal appointment nomination candidate winner
loser results turnout ballots polls survey majority minority coalition alliance bloc union council
commission committee panel board chairman spokesman spokeswoman adviser secretary general admiral
colonel commander soldier officer veteran citizen resident voter taxpayer consumer business
company firm corporation industry sector producer supplier customer contract license permit quota
tariff duty tax revenue profit loss growth recession recovery stimulus subsidy loan grant fund
reserve gold dollar euro peso bolivar barrels output production capacity shortage surplus demand
supply chain logistics transport shipping route corridor channel strait sea ocean river mountain
north south east west central coastal rural urban local regional federal official unofficial
alleged reported confirmed denied claimed insisted argued suggested warned promised pledged vowed
accused criticised praised welcomed rejected accepted approved signed ratified extended suspended
cancelled delayed postponed resumed continued ended began started launched opened closed blocked
seized captured arrested detained freed released returned fled crossed entered left arrived`;

const SENTENCE_GLUE = ['we', 'they', 'this', 'it', 'I', 'you', 'our', 'their'];

const FIRST_NAMES = [
	'José',
	'María',
	'Nicolás',
	'Ana',
	'Łukasz',
	'Zoë',
	'François',
	'Søren',
	'Björn',
	'Ángel',
	'Iñaki',
	'Chloé',
	'Dmitri',
	'Agnieszka',
	'Oğuz',
	'Jürgen',
	'Renée',
	'Hélène',
	'Ramón',
	'Begoña',
	'Ólafur',
	'Tomáš',
	'Miloš',
	'Anaïs',
	'Thuy',
	'John',
	'Sarah',
	'Michael',
	'Laura',
	'Delcy',
	'Diosdado',
	'Ignacio',
	'Marco',
	'Elena',
	'Kwame',
	'Amara',
	'Priya',
	'Rahul',
	'Fatima',
	'Omar',
];

const LAST_NAMES = [
	'Ibáñez',
	'Núñez',
	'Müller',
	'Gonçalves',
	'Žižek',
	'Dvořák',
	'Kovačević',
	'Ødegaard',
	'Sánchez',
	'Peña',
	'Çelik',
	'Şahin',
	'Nguyễn',
	'Đặng',
	'Rodríguez',
	'López',
	'García',
	'Smith',
	'Johnson',
	'Brown',
	'Cabello',
	'Padrino',
	'Rubio',
	'Hegseth',
	'Machado',
	'González',
	'Pérez',
	'Mensah',
	'Okafor',
	'Sharma',
	'Haddad',
	'Lindqvist',
	'Østergård',
	'Wiśniewski',
	'Håkansson',
];

const CJK_NAMES = [
	'王伟',
	'李娜',
	'张敏',
	'田中太郎',
	'佐藤花子',
	'김민준',
	'이서연',
	'陳美玲',
	'劉洋',
	'山本健',
];

// Common CJK characters; quotes made of them have no spaces, so a "word" is the whole sentence.
const CJK_CHARS =
	'的一是不了人我在有他这中大来上国个到说们为子和你地出道也时年得就那要下以生会自着去之过家学对可她里后小么心多天而能好都然没日于起还发成事只作当想看文无开手十用主行方又如前所本见经头面公同三已老从动两长知民样现分将外但身些与高意进把法此实回二理美点月明其种声全工己话儿者向情部正名定女问力机给等几很业最间新什打便位因重被走电四第门相次东政海口使教西再平真听世气信北少关并内加化由却代军产入先山五太水万市眼体别处总才场师书比住员九笑性通目华报立马命张活难神数件安表原车白应路期叫死常提感金何更反合放做系计或司利受光王果亲界及今京务制解各任至清物台象记边共风战干接它许八特觉望直服毛林题建南度统色字请交爱让认算论百吃义科怎元社术结六功指思非流每青管夫连远资队跟带花快条院变联言权往展该领传近留红治决周保达办运武半候七必城父强步完革深区即求品士转量空甚众技轻程告江语英基派满式李息写呢识极令黄德收脸钱党倒未持音送标河证取价岁';

const TAGS = [
	'oil',
	'diplomacy',
	'military',
	'sanctions',
	'migration',
	'elections',
	'drugs',
	'economy',
	'energy',
	'courts',
	'protests',
	'media',
	'health',
	'climate',
	'trade',
	'security',
	'human rights',
	'corruption',
	'intelligence',
	'shipping',
];

const PLACES: Array<[string, string]> = [
	['Caracas', 'Venezuela'],
	['Maracaibo', 'Venezuela'],
	['Washington', 'United States'],
	['Miami', 'United States'],
	['Bogotá', 'Colombia'],
	['Port of Spain', 'Trinidad and Tobago'],
	['La Habana', 'Cuba'],
	['México', 'Mexico'],
	['São Paulo', 'Brazil'],
	['Brasília', 'Brazil'],
	['Quito', 'Ecuador'],
	['Bruxelles', 'Belgium'],
	['Genève', 'Switzerland'],
	['Beijing 北京', 'China'],
	['Tōkyō 東京', 'Japan'],
	['Seoul 서울', 'South Korea'],
	['Moskva', 'Russia'],
	['Zürich', 'Switzerland'],
	['Curaçao', 'Netherlands'],
	['Nuuk', 'Greenland'],
];

const PUBLISHERS = ['Reuters', 'AP', 'AFP', 'BBC News', 'El País', 'Le Monde', 'Süddeutsche Zeitung', 'NHK'];

const ONSETS = ['b', 'br', 'c', 'ch', 'd', 'dr', 'f', 'g', 'gr', 'h', 'j', 'k', 'l', 'm', 'n', 'p', 'pr'];
const ONSETS2 = ['qu', 'r', 's', 'sh', 'st', 't', 'tr', 'v', 'w', 'z', 'sl', 'pl', 'cl', 'fr', 'th'];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'ai', 'ea', 'ou', 'io', 'y'];
const CODAS = ['', '', 'n', 'r', 's', 'l', 'm', 'nd', 'st', 't', 'ck', 'x', 'ng'];

/** Words in frequency order: common English first, then a long tail of made-up names and jargon. */
function vocabulary(rand: () => number, size: number): string[] {
	const words = [...new Set(COMMON.split(/\s+/u))];
	const seen = new Set(words);
	const onsets = [...ONSETS, ...ONSETS2];
	const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
	while (words.length < size) {
		const syllables = 2 + Math.floor(rand() * 3);
		let word = '';
		for (let s = 0; s < syllables; s++)
			word += pick(onsets) + pick(VOWELS) + (s === syllables - 1 ? pick(CODAS) : '');
		if (!seen.has(word)) {
			seen.add(word);
			words.push(word);
		}
	}
	return words;
}

/** Cumulative Zipf weights, for sampling rank r with probability ∝ 1 / (r + 1)^s. */
function zipf(n: number, s: number): Float64Array {
	const cumulative = new Float64Array(n);
	let total = 0;
	for (let r = 0; r < n; r++) {
		total += 1 / (r + 1) ** s;
		cumulative[r] = total;
	}
	for (let r = 0; r < n; r++) cumulative[r] = (cumulative[r] as number) / total;
	return cumulative;
}

function sample(cumulative: Float64Array, u: number): number {
	let low = 0;
	let high = cumulative.length - 1;
	while (low < high) {
		const mid = (low + high) >> 1;
		if ((cumulative[mid] as number) < u) low = mid + 1;
		else high = mid;
	}
	return low;
}

const DAY_MS = 86_400_000;
const START = Date.UTC(2014, 0, 1);
const SPAN_DAYS = 12 * 365;

function iso(ms: number): string {
	return new Date(ms).toISOString().slice(0, 10);
}

/** A date at a random precision; `day` is days since START. */
function edtfDate(rand: () => number, day: number): string {
	const ms = START + day * DAY_MS;
	const p = rand();
	if (p < 0.6) return iso(ms);
	if (p < 0.75) return iso(ms).slice(0, 7);
	if (p < 0.82) return iso(ms).slice(0, 4);
	if (p < 0.9) return `${iso(ms)}/${iso(ms + (2 + Math.floor(rand() * 12)) * DAY_MS)}`;
	if (p < 0.95) return `${iso(ms).slice(0, 7)}~`;
	if (p < 0.98) return `${iso(ms)}?`;
	return `${iso(ms).slice(0, 4)}-${iso(ms).slice(5, 7)}~/${iso(ms + 40 * DAY_MS).slice(0, 7)}`;
}

/** Every item of a dataset in document order: the root (actors, places, sources), events, quotes. */
export function* generateItems(options: GenerateOptions): Generator<Item> {
	const {events: eventCount, quotes: quoteCount, seed = 1} = options;
	if (quoteCount > eventCount * 5 + Math.ceil(quoteCount * 0.03)) {
		throw new Error(`${quoteCount} quotes do not fit in ${eventCount} events of at most 5 quotes`);
	}
	const rand = random(seed);
	const int = (n: number) => Math.floor(rand() * n);
	const pick = <T>(list: readonly T[]): T => list[int(list.length)] as T;
	const words = vocabulary(rand, Math.max(2000, Math.min(60_000, 1000 + quoteCount / 4)));
	const wordRanks = zipf(words.length, 1.05);
	const word = () => words[sample(wordRanks, rand())] as string;

	const actorCount = Math.max(12, Math.min(50_000, Math.round(quoteCount / 15)));
	const actors: ActorDoc[] = [];
	for (let i = 0; i < actorCount; i++) {
		const cjk = rand() < 0.08;
		const first = pick(FIRST_NAMES);
		const last = pick(LAST_NAMES);
		const name = cjk ? pick(CJK_NAMES) : `${first} ${last}`;
		const actor: ActorDoc = {id: `a${i}`, name: i < actorCount / 4 ? name : `${name} ${i}`};
		const alias = rand();
		if (alias < 0.15 && !cjk) actor.aliases = [actor.name.normalize('NFD').replace(/\p{M}/gu, '')];
		else if (alias < 0.25)
			actor.aliases = [`${pick(['President', 'Minister', 'Senator', 'General'])} ${cjk ? name : last}`];
		else if (alias < 0.3) actor.aliases = [pick(words.slice(200, 2000)), `${first[0]}. ${last}`];
		if (rand() < 0.5)
			actor.description = `${pick(['Minister of', 'Head of', 'Spokesperson for', 'Adviser on'])} ${word()} ${pick(TAGS)}`;
		actors.push(actor);
	}
	const speakerRanks = zipf(actorCount, 0.9);

	const places: PlaceDoc[] = PLACES.map(([name, country], i) => ({id: `p${i}`, name, country}));
	const sourceCount = Math.max(3, Math.min(5000, Math.round(quoteCount / 200)));
	const sources: SourceDoc[] = [];
	for (let i = 0; i < sourceCount; i++) {
		const day = int(SPAN_DAYS);
		sources.push({
			id: `s${i}`,
			title: `${capitalize(sentenceWords(word, 4 + int(6)).join(' '))}`,
			publisher: pick(PUBLISHERS),
			url: `https://news.example.org/${iso(START + day * DAY_MS)}/${i}`,
			published: iso(START + day * DAY_MS),
		});
	}

	yield {
		kind: 'root',
		root: {
			format: 'timescope/1',
			title: `Generated archive: ${eventCount} events, ${quoteCount} quotes (seed ${seed})`,
			summary: 'Synthetic data from bench/generate.ts for benchmarks and tests.',
			language: 'en',
			referenceDate: iso(START + SPAN_DAYS * DAY_MS),
			actors,
			places,
			sources,
			eras: [
				{
					id: 'era0',
					date: `${iso(START).slice(0, 7)}/${iso(START + 3 * 365 * DAY_MS).slice(0, 7)}`,
					title: 'Before',
				},
			],
		},
	};

	// Quotes per event: 0–5, adjusted to add up to the quotes that belong to an event.
	const orphans = Math.min(quoteCount, Math.floor(quoteCount * 0.03));
	const counts = new Uint8Array(eventCount);
	let assigned = 0;
	const mean = (quoteCount - orphans) / Math.max(1, eventCount);
	for (let e = 0; e < eventCount; e++) {
		const n = Math.min(5, Math.max(0, Math.round(mean + (rand() + rand() + rand() - 1.5) * 2)));
		counts[e] = n;
		assigned += n;
	}
	for (let e = 0; assigned !== quoteCount - orphans && eventCount > 0; e = (e + 7919) % eventCount) {
		const n = counts[e] as number;
		if (assigned < quoteCount - orphans && n < 5) {
			counts[e] = n + 1;
			assigned++;
		} else if (assigned > quoteCount - orphans && n > 0) {
			counts[e] = n - 1;
			assigned--;
		}
	}

	const eventDays = new Uint32Array(eventCount);
	for (let e = 0; e < eventCount; e++) {
		const day = int(SPAN_DAYS);
		eventDays[e] = day;
		const event: EventDoc = {
			id: `e${e}`,
			date: edtfDate(rand, day),
			title: capitalize(sentenceWords(word, 3 + int(9)).join(' ')),
		};
		if (rand() < 0.1)
			event.dateText = pick(['last week', 'on Thursday', 'earlier this month', 'in the spring']);
		if (rand() < 0.5) event.summary = `${capitalize(sentenceWords(word, 12 + int(30)).join(' '))}.`;
		const actorRefs = new Set<string>();
		for (let n = int(4); n > 0; n--) actorRefs.add(`a${sample(speakerRanks, rand())}`);
		if (actorRefs.size > 0) event.actors = [...actorRefs];
		if (rand() < 0.6)
			event.places = [...new Set([pick(places).id, ...(rand() < 0.3 ? [pick(places).id] : [])])];
		if (rand() < 0.8) event.tags = [...new Set([pick(TAGS), ...(rand() < 0.4 ? [pick(TAGS)] : [])])];
		if (rand() < 0.9) event.sources = [pick(sources).id];
		yield {kind: 'event', event};
	}

	let q = 0;
	const quote = (event: number | undefined): QuoteDoc => {
		const speaker = actors[sample(speakerRanks, rand())] as ActorDoc;
		const doc: QuoteDoc = {id: `q${q++}`, text: quoteText(rand, word, actors), speaker: speaker.id};
		const kind = rand();
		doc.kind = kind < 0.6 ? 'direct' : kind < 0.85 ? 'partial' : 'paraphrase';
		if (event !== undefined) {
			if (rand() < 0.7) doc.said = edtfDate(rand, Math.max(0, (eventDays[event] as number) - int(5)));
			doc.events = [`e${event}`];
			if (rand() < 0.03 && eventCount > 1)
				doc.events.push(`e${(event + 1 + int(eventCount - 1)) % eventCount}`);
		}
		if (rand() < 0.2)
			doc.context = `in ${pick(['an interview', 'a speech', 'a statement', 'a post'])} on ${word()} ${pick(['TV', 'radio', 'X', 'the record'])}`;
		if (rand() < 0.8) doc.source = pick(sources).id;
		return doc;
	};
	for (let e = 0; e < eventCount; e++) {
		for (let n = counts[e] as number; n > 0; n--) yield {kind: 'quote', quote: quote(e)};
	}
	for (let n = 0; n < orphans; n++) yield {kind: 'quote', quote: quote(undefined)};
}

function sentenceWords(word: () => string, count: number): string[] {
	const out: string[] = [];
	for (let i = 0; i < count; i++) out.push(word());
	return out;
}

function capitalize(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Lengths follow a log-normal shape: many short fragments, most 10–30 words, a tail past 60. */
function quoteText(rand: () => number, word: () => string, actors: readonly ActorDoc[]): string {
	if (rand() < 0.03) {
		let text = '';
		for (let n = 8 + Math.floor(rand() * 40); n > 0; n--) {
			text += CJK_CHARS[Math.floor(rand() * CJK_CHARS.length)];
			if (rand() < 0.08) text += '，';
		}
		return `${text}。`;
	}
	const normal = (rand() + rand() + rand() + rand() - 2) * 1.2;
	const length = Math.max(2, Math.min(90, Math.round(Math.exp(2.85 + 0.55 * normal))));
	const parts: string[] = [];
	for (let i = 0; i < length; i++) {
		const r = rand();
		if (r < 0.04) parts.push(SENTENCE_GLUE[Math.floor(rand() * SENTENCE_GLUE.length)] as string);
		else if (r < 0.05) parts.push((actors[Math.floor(rand() * actors.length)] as ActorDoc).name);
		else if (r < 0.055) parts.push(String(Math.floor(rand() * 2000)));
		else parts.push(word());
		if (i < length - 1 && rand() < 0.07) parts[parts.length - 1] += ',';
	}
	let text = capitalize(parts.join(' '));
	const end = rand();
	text += end < 0.7 ? '.' : end < 0.8 ? '?' : end < 0.85 ? '!' : end < 0.9 ? '…' : '';
	if (rand() < 0.05) text = `“${text}”`;
	if (rand() < 0.03) text = text.replace(' ', ' — ');
	return text;
}

export function generateDocument(options: GenerateOptions): TimescopeDocument {
	let root: Omit<TimescopeDocument, 'events' | 'quotes'> | undefined;
	const events: EventDoc[] = [];
	const quotes: QuoteDoc[] = [];
	for (const item of generateItems(options)) {
		if (item.kind === 'root') root = item.root;
		else if (item.kind === 'event') events.push(item.event);
		else quotes.push(item.quote);
	}
	if (!root) throw new Error('generator yielded no root');
	return {...root, events, quotes};
}

/**
 * Write a dataset without ever holding it whole: JSON (one document) or NDJSON (the root object with
 * its counts on the first line, then one `{"event": …}` or `{"quote": …}` per line; see
 * source/dataset/ndjson.ts).
 */
export async function writeDataset(
	options: GenerateOptions & {ndjson?: boolean},
	out: NodeJS.WritableStream,
): Promise<void> {
	let buffer = '';
	const flush = async (force = false) => {
		if (buffer.length < 1 << 20 && !force) return;
		if (!out.write(buffer)) await once(out, 'drain');
		buffer = '';
	};
	let section: 'root' | 'event' | 'quote' = 'root';
	let rootJson = '';
	for (const item of generateItems(options)) {
		if (item.kind === 'root') {
			rootJson = JSON.stringify(item.root);
			if (options.ndjson) {
				// What the whole file holds, so a reader can tell a file cut short (see source/dataset/ndjson.ts).
				const {actors, places, sources, eras} = item.root;
				const counts = {
					actors: actors?.length ?? 0,
					places: places?.length ?? 0,
					sources: sources?.length ?? 0,
					eras: eras?.length ?? 0,
					events: options.events,
					quotes: options.quotes,
				};
				buffer += `${rootJson.slice(0, -1)},"counts":${JSON.stringify(counts)}}\n`;
			} else buffer += `${rootJson.slice(0, -1)},\n"events": [\n`;
			continue;
		}
		if (options.ndjson) {
			buffer +=
				item.kind === 'event'
					? `{"event":${JSON.stringify(item.event)}}\n`
					: `{"quote":${JSON.stringify(item.quote)}}\n`;
		} else {
			const json = JSON.stringify(item.kind === 'event' ? item.event : item.quote);
			if (item.kind === section) buffer += `,\n${json}`;
			else if (item.kind === 'event') buffer += json;
			else buffer += `${section === 'root' ? '' : '\n'}],\n"quotes": [\n${json}`;
			section = item.kind;
		}
		await flush();
	}
	if (!options.ndjson) {
		if (section === 'root') buffer += '],\n"quotes": [\n';
		else if (section === 'event') buffer += '\n],\n"quotes": [\n';
		buffer += '\n]}\n';
	}
	await flush(true);
}

function parseArgs(argv: string[]): GenerateOptions & {ndjson: boolean; out?: string} {
	const value = (name: string): string | undefined => {
		const i = argv.indexOf(`--${name}`);
		return i === -1 ? undefined : argv[i + 1];
	};
	const count = (name: string, fallback: number): number => {
		const text = value(name);
		if (text === undefined) return fallback;
		const n = Number(text.replace(/_/g, '').replace(/k$/i, '000').replace(/m$/i, '000000'));
		if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} expects a whole number, found "${text}"`);
		return n;
	};
	const events = count('events', 1000);
	return {
		events,
		quotes: count('quotes', events * 2),
		seed: count('seed', 1),
		ndjson: argv.includes('--ndjson'),
		out: value('out'),
	};
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
	try {
		const options = parseArgs(process.argv.slice(2));
		const out = options.out ? createWriteStream(options.out) : process.stdout;
		await writeDataset(options, out);
		if (options.out) {
			out.end();
			await once(out, 'finish');
		}
	} catch (error) {
		process.stderr.write(`generate: ${(error as Error).message}\n`);
		process.exitCode = 2;
	}
}
