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
}
export declare function findElements(roots?: string[]): ElementEntry[];
export declare function elementsPlugin(options?: { roots?: string[] }): Plugin;
