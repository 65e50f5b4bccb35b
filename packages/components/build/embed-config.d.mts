import type { OutputAsset, OutputChunk, OutputOptions, Plugin, RollupOptions } from 'rollup';
import type { ElementRoot } from './elements.mjs';

export declare const embedOutDir: string;
export declare const unavailableElementsMarker: '__SIFA_UNAVAILABLE_ELEMENTS__';
export declare function bundlePlugins(): Plugin[];
export interface EmbedOptions {
  /** Folders holding one sub-folder per element (default: elementRoots(): components' src and the workspace plugins' `sifa.elements`). */
  roots?: ElementRoot[];
  /** Default: dist/embed. */
  outDir?: string;
  sourcemap?: boolean;
}
export declare function embedConfig(options?: EmbedOptions): RollupOptions & { output: OutputOptions };
export declare function buildEmbed(options?: EmbedOptions & { write?: boolean }): Promise<(OutputChunk | OutputAsset)[]>;
export declare function firstLoadChunks(output: readonly (OutputChunk | OutputAsset)[], defineModule: string | null): OutputChunk[];
export declare function bundleLikeWidgets(input: string): Promise<OutputChunk[]>;
export type { OutputAsset, OutputChunk };
