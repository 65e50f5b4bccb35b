/** postgres.js returns an array of rows, PGlite an object with `rows`: one accessor for both. */
export function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}
