import {type ImportResult, jsonImporterFor, textImporterFor} from '../../source/dataset/importers/index.js';

/** The registered importer that recognises this text (JSON by its first character), applied to it. */
export function importText(text: string, name: string): ImportResult {
	const json = /^\s*[{[]/.test(text);
	const importer = json ? jsonImporterFor(JSON.parse(text)) : textImporterFor(text);
	if (!importer) throw new Error(`${name}: not recognised as TimelineJS`);
	return importer.reads === 'json' ? importer.import(JSON.parse(text), name) : importer.import(text, name);
}
