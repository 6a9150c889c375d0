import type {Opened} from '../dataset/load.js';
import type {Problem} from '../dataset/problems.js';
import type {FileIdentity} from './identity.js';

/** What the explorer and its loading worker (load-worker.ts) say to each other. */

export interface ToWorker {
	readonly path: string;
	readonly strict: boolean;
}

/**
 * Once the explorer has drawn the timeline: build the search index now. Until then the worker waits,
 * so that the index build does not compete for the cores with the explorer's first frame.
 */
export interface BuildIndex {
	readonly type: 'build-index';
}

export type LoadPhase = 'reading' | 'building';

export interface LoadProgress {
	readonly phase: LoadPhase;
	/** Bytes read so far, and in all (0 when not known). */
	readonly bytes?: number;
	readonly totalBytes?: number;
	/** Items read so far (streamed NDJSON). */
	readonly events?: number;
	readonly quotes?: number;
}

export type FromWorker =
	| ({readonly type: 'progress'} & LoadProgress)
	| {readonly type: 'refused'; readonly file: string; readonly problems: Problem[]; readonly omitted: number}
	| {
			readonly type: 'model';
			/** The columns' pack (dataset/column-pack.ts). */
			readonly model: ArrayBuffer;
			readonly report: Opened;
			/** The file as it was while read, or undefined if it changed meanwhile (then it is not cached). */
			readonly source?: FileIdentity;
			/** SHA-256 of the bytes parsed. */
			readonly contentHash: string;
	  }
	| {readonly type: 'index'; readonly index: ArrayBuffer}
	| {readonly type: 'failed'; readonly message: string};
