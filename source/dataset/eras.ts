import {anchorInstant, isBound} from './edtf.js';
import type {Era, TimelineEvent} from './model.js';

/**
 * Eras name stretches of a timeline ("The Reagan years"). They may nest or touch: where several
 * cover an instant, the one that started last is the one it is in, as a reader would say.
 */

/** The era an instant falls in, if any (eras are in timeline order). */
export function eraAt(eras: readonly Era[], instant: number): Era | undefined {
	let found: Era | undefined;
	for (const era of eras) {
		if (era.date.min > instant) break;
		if (era.date.max >= instant) found = era;
	}
	return found;
}

/** The era an event is placed in; none for an event whose date gives only a bound. */
export function eraOf(eras: readonly Era[], event: TimelineEvent): Era | undefined {
	if (eras.length === 0 || isBound(event.date)) return undefined;
	return eraAt(eras, anchorInstant(event.date));
}
