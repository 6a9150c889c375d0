import {graphemesOf} from '../text/graphemes.js';

/** Line editing shared by the search line and the date prompt: by grapheme, never inside one. */

function boundaries(text: string): number[] {
	const at = [...graphemesOf(text)].map((s) => s.index);
	at.push(text.length);
	return at;
}

export interface Field {
	readonly text: string;
	readonly caret: number;
}

export function editField(field: Field, op: 'back' | 'forward' | 'word' | 'line'): Field {
	const {text, caret} = field;
	const stops = boundaries(text);
	if (op === 'back') {
		const from = [...stops].reverse().find((stop) => stop < caret);
		return from === undefined ? field : {text: text.slice(0, from) + text.slice(caret), caret: from};
	}
	if (op === 'forward') {
		const to = stops.find((stop) => stop > caret);
		return to === undefined ? field : {text: text.slice(0, caret) + text.slice(to), caret};
	}
	if (op === 'word') {
		const before = text.slice(0, caret).replace(/\S*\s*$/u, '');
		return {text: before + text.slice(caret), caret: before.length};
	}
	return {text: text.slice(caret), caret: 0};
}

export function moveCaret(field: Field, to: 'left' | 'right' | 'start' | 'end'): number {
	const stops = boundaries(field.text);
	if (to === 'start') return 0;
	if (to === 'end') return field.text.length;
	if (to === 'left') return [...stops].reverse().find((stop) => stop < field.caret) ?? 0;
	return stops.find((stop) => stop > field.caret) ?? field.text.length;
}

export function insertAt(field: Field, text: string): Field {
	return {
		text: field.text.slice(0, field.caret) + text + field.text.slice(field.caret),
		caret: field.caret + text.length,
	};
}
