/** Types of scripts/bundle-budgets.mjs (the first-load budget check), for its tests. */
export interface FirstLoad {
  /** `loader` or a tag. */
  name: string;
  /** Files relative to the embed folder, fetched before first render. */
  files: string[];
  /** Their gzip -9 sizes, summed. */
  bytes: number;
}
export interface BudgetRow {
  name: string;
  bytes: number;
  budget: number | null;
  over: number | null;
}
export declare const defaultEmbedDir: string;
export declare const defaultBudgetsFile: string;
export declare const loaderRow: 'loader';
export declare function gzipSize(code: string | Uint8Array): number;
export declare function staticImportsOf(code: string): string[];
export declare function staticClosure(dir: string, start: string[]): string[];
export declare function elementChunk(dir: string, tag: string): string;
export declare function measureFirstLoads(dir?: string): FirstLoad[];
export declare function checkBudgets(measured: readonly { name: string; bytes: number }[], budgets: Record<string, number>): { rows: BudgetRow[]; failures: string[]; stale: string[] };
export declare function formatTable(rows: readonly BudgetRow[]): string;
export declare function readBudgets(file?: string): Record<string, number>;
