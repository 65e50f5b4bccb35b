import type { OutputAsset, OutputChunk, OutputOptions, Plugin, RollupOptions } from 'rollup';

export declare const embedOutDir: string;
export declare function bundlePlugins(): Plugin[];
export interface EmbedOptions {
  /** Folders holding one sub-folder per element (default: src). */
  roots?: string[];
  /** Default: dist/embed. */
  outDir?: string;
  sourcemap?: boolean;
}
export declare function embedConfig(options?: EmbedOptions): RollupOptions & { output: OutputOptions };
export declare function buildEmbed(options?: EmbedOptions & { write?: boolean }): Promise<(OutputChunk | OutputAsset)[]>;
export declare function firstLoadChunks(output: readonly (OutputChunk | OutputAsset)[], defineModule: string | null): OutputChunk[];
export declare function bundleLikeWidgets(input: string): Promise<OutputChunk[]>;
export type { OutputAsset, OutputChunk };
