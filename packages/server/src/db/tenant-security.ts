/**
 * Security by default for org-owned tables. Any table a plugin declares with an `org_path`
 * column must carry `orgScopePolicy()` (checked when plugins are composed); at every start the
 * server makes sure row-level security is enabled and FORCED on it and that the scoped role
 * may use it. A plugin author cannot forget the second wall.
 */
import { sql, type Table } from 'drizzle-orm';
import { getTableConfig, type PgTable } from 'drizzle-orm/pg-core';
import type { SifaDb } from '@sifa/core';

/** True when the table belongs to an org (has org_path). */
export function isOrgOwned(table: Table): boolean {
  return getTableConfig(table as PgTable).columns.some((c) => c.name === 'org_path');
}

export function hasScopePolicy(table: Table): boolean {
  return getTableConfig(table as PgTable).policies.length > 0;
}

export async function enforceTenantSecurity(db: SifaDb, tables: readonly Table[]): Promise<void> {
  for (const table of tables.filter(isOrgOwned)) {
    const { name, schema } = getTableConfig(table as PgTable);
    const qualified = sql.identifier(schema ?? 'public');
    const ident = sql.identifier(name);
    await db.execute(sql`ALTER TABLE ${qualified}.${ident} ENABLE ROW LEVEL SECURITY`);
    await db.execute(sql`ALTER TABLE ${qualified}.${ident} FORCE ROW LEVEL SECURITY`);
    await db.execute(sql`GRANT SELECT, INSERT, UPDATE, DELETE ON ${qualified}.${ident} TO sifa_app`);
  }
  await db.execute(sql`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO sifa_app`);
}
