import type {Opened} from '../dataset/load.js';
import type {Problem} from '../dataset/problems.js';
import type {FileIdentity} from './identity.js';

/**
 * What the explorer and its loading process (load-worker.ts) say to each other. The model and the
 * index go as files in a folder of the explorer's own, each read back into one buffer: through the
 * IPC channel they would arrive in pieces, and the pieces' garbage would stay in the explorer's memory.
 */

export interface ToWorker {
	readonly path: string;
	readonly strict: boolean;
}

/**
 * The environment variable that names the folder the loading process writes into (made by the
 * explorer, used by no one else): known to the process from its start, before any message.
 */
export const LOADING_FOLDER = 'TIMESCOPE_LOADING_FOLDER';

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
			/** The file holding the columns' pack (dataset/column-pack.ts). */
			readonly model: string;
			readonly report: Opened;
			/** The file as it was while read, or undefined if it changed meanwhile (then it is not cached). */
			readonly source?: FileIdentity;
			/** SHA-256 of the bytes parsed. */
			readonly contentHash: string;
	  }
	/** The file holding the index's pack (search/snapshot.ts). */
	| {readonly type: 'index'; readonly index: string}
	| {readonly type: 'failed'; readonly message: string};
