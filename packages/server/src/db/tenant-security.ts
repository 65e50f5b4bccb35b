/**
 * Security by default for org-owned tables. Any table a plugin declares with an `org_path`
 * column must carry `orgScopePolicy()` (checked when plugins are composed); at every start the
 * server makes sure row-level security is enabled and FORCED on it and that the scoped role
 * may use it. A plugin author cannot forget the second wall.
 */
import { sql, type Table } from 'drizzle-orm';
import { getTableConfig, type PgTable } from 'drizzle-orm/pg-core';
import type { SifaDb } from '@sifa/core';
import { rowsOf } from '@sifa/core/db';

/** True when the table belongs to an org (has org_path). */
export function isOrgOwned(table: Table): boolean {
  return getTableConfig(table as PgTable).columns.some((c) => c.name === 'org_path');
}

export function hasScopePolicy(table: Table): boolean {
  return getTableConfig(table as PgTable).policies.length > 0;
}

/**
 * Makes sure every org-owned table has RLS enabled and forced and that sifa_app may use it.
 * Only what is missing is changed, so a server running as a login role that does not own the
 * tables starts fine once an owner has run the migrations.
 */
export async function enforceTenantSecurity(db: SifaDb, tables: readonly Table[]): Promise<void> {
  const owned = tables.filter(isOrgOwned).map((t) => getTableConfig(t as PgTable));
  if (owned.length === 0) return;
  const names = owned.map((t) => t.name);
  const state = rowsOf<{ name: string; rls: boolean; forced: boolean; granted: boolean }>(
    await db.execute(sql`SELECT c.relname AS name, c.relrowsecurity AS rls, c.relforcerowsecurity AS forced,
        has_table_privilege('sifa_app', c.oid, 'SELECT, INSERT, UPDATE, DELETE') AS granted
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND c.relname IN ${sql`(${sql.join(names.map((n) => sql`${n}`), sql`, `)})`}`),
  );
  const byName = new Map(state.map((s) => [s.name, s]));
  let changed = false;
  for (const { name } of owned) {
    const current = byName.get(name);
    if (!current) throw new Error(`Table "${name}" is declared by a plugin but does not exist: its migrations are missing.`);
    const ident = sql.identifier(name);
    if (!current.rls || !current.forced) {
      await db.execute(sql`ALTER TABLE ${ident} ENABLE ROW LEVEL SECURITY`);
      await db.execute(sql`ALTER TABLE ${ident} FORCE ROW LEVEL SECURITY`);
      changed = true;
    }
    if (!current.granted) {
      await db.execute(sql`GRANT SELECT, INSERT, UPDATE, DELETE ON ${ident} TO sifa_app`);
      changed = true;
    }
  }
  if (changed) await db.execute(sql`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO sifa_app`);
}
