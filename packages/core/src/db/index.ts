/**
 * Drizzle helpers for org-owned tables (server halves only; browsers never load this entry).
 * A plugin table that belongs to an org spreads `orgColumns()` and adds `orgScopePolicy()`:
 * row-level security then limits every row to the subtree the request runs in, as a second
 * wall behind the procedure middleware.
 */
import { sql, type SQL } from 'drizzle-orm';
import { pgPolicy, pgRole, text, type AnyPgColumn } from 'drizzle-orm/pg-core';

/** The role scoped request transactions switch to. It owns no tables. */
export const sifaAppRole = pgRole('sifa_app').existing();

/** `org_code` and `org_path` of the owning org; the path drives scoping. */
export function orgColumns() {
  return {
    orgCode: text('org_code').notNull(),
    orgPath: text('org_path').notNull(),
  };
}

/**
 * The policy every org-owned table carries: rows are visible and writable only inside the
 * scope path set for the current transaction (`sifa_scope_path()`, from the core migrations;
 * empty scope → no rows).
 */
export function orgScopePolicy(tableName: string) {
  return pgPolicy(`${tableName}_org_scope`, {
    as: 'permissive',
    for: 'all',
    to: sifaAppRole,
    using: sql`org_path LIKE sifa_scope_path() || '%'`,
    withCheck: sql`org_path LIKE sifa_scope_path() || '%'`,
  });
}

/**
 * App-level subtree predicate with the scope as a literal prefix, so PostgreSQL can use a
 * `text_pattern_ops` index on org_path; RLS repeats the check.
 */
export function inSubtree(column: AnyPgColumn, scopePath: string): SQL {
  return sql`${column} LIKE ${`${scopePath}%`}`;
}

/** Rows of `db.execute()`: postgres.js returns an array, PGlite an object with `rows`. */
export function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}
