import type {BuildOptions} from 'esbuild';

/** The options the CLI is bundled with (esbuild.config.mjs). */
export declare const OPTIONS: BuildOptions;
