/** Case- and accent-insensitive form for matching names: "Nicolás" and "NICOLAS" both fold to "nicolas". */
export function fold(text: string): string {
	return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}
