import fc from 'fast-check';

/**
 * Text made of the graphemes terminals and width libraries disagree on, mixed with ordinary ones:
 * emoji ZWJ sequences, presentation selectors, skin tones, flags, keycaps, zero-width and default
 * ignorable characters, Hangul fillers and conjoining jamo, combining marks (also with nothing to sit
 * on), Indic conjuncts, Thai vowels, wide CJK, and any code point at all.
 */

const pick = (...items: string[]) => fc.constantFrom(...items);

const emoji = fc.oneof(
	pick('😀', '👍', '👨', '👩', '👧', '🧑', '💻', '❤', '☺', '⌚', '🏳', '🌈', '1', '#'),
	fc.integer({min: 0x1f300, max: 0x1faff}).map((code) => String.fromCodePoint(code)),
);

const special = pick(
	'\u200b', // zero-width space
	'\u200c', // zero-width non-joiner
	'\u200d', // zero-width joiner
	'\u200e', // left-to-right mark
	'\u2060', // word joiner
	'\ufeff', // byte order mark
	'\u00ad', // soft hyphen
	'\u3164', // Hangul filler
	'\u115f', // Hangul choseong filler
	'\u1160', // Hangul jungseong filler
	'\uffa0', // halfwidth Hangul filler
	'\ufe0f', // VS16
	'\ufe0e', // VS15
	'\u20e3', // combining keycap
	'\u0301', // combining acute
	'\u0e33', // Thai SARA AM
	'\u0e49', // Thai tone mark
	'\u094d', // Devanagari virama
	'\u093f', // Devanagari vowel sign I
	'\u0600', // Arabic number sign (prepended)
	'\u{1f3fd}', // skin tone
	'\u{1f1eb}', // regional indicator F
	'\u{1f1f7}', // regional indicator R
	'\u{e0067}', // tag g
	'\u0378', // unassigned
	'\u2630', // trigram (narrow in glibc, wide in string-width)
);

const ordinary = pick('a', 'Z', ' ', 'é', 'ł', '中', '한', 'ᄀ', 'क', 'ष', 'น', 'ا', '—', '“', '…', '│');

const anyCodePoint = fc
	.integer({min: 0x20, max: 0x10ffff})
	.filter((code) => code < 0xd800 || code > 0xdfff)
	.map((code) => String.fromCodePoint(code));

export const graphemeText = fc
	.array(
		fc.oneof(
			{weight: 3, arbitrary: ordinary},
			{weight: 3, arbitrary: special},
			{weight: 2, arbitrary: emoji},
			{weight: 1, arbitrary: anyCodePoint},
		),
		{minLength: 1, maxLength: 24},
	)
	.map((parts) => parts.join(''));
