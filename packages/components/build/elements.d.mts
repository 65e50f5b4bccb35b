import type { Plugin } from 'rollup';

export declare const packageDir: string;
export declare const srcDir: string;
export declare const virtualElementsId: 'virtual:sifa-elements';
export interface ElementEntry {
  /** Folder name. */
  name: string;
  /** Custom element name, `sifa-<name>`. */
  tag: string;
  /** Absolute path of the folder's define.ts. */
  define: string;
  /** The plugin the element needs on the server; null: only the platform. */
  plugin: string | null;
}
/** A folder of element folders; a bare path needs no plugin. */
export type ElementRoot = string | { dir: string; plugin?: string | null; pluginOf?: Record<string, string | null> };
export declare const repoDir: string;
export declare function elementRoots(): { dir: string; plugin?: string | null; pluginOf?: Record<string, string | null> }[];
export declare function findElements(roots?: ElementRoot[]): ElementEntry[];
export declare function elementsPlugin(options?: { roots?: ElementRoot[] }): Plugin;
