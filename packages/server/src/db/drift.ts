/**
 * Schema drift: the tables a plugin (or the platform) describes in code compared with the tables
 * its committed migrations built. A table definition changed without a new migration would
 * start fine and fail at the first query; this names the plugin, table and column instead.
 * Read from pg_catalog in the current schema (PGlite and PostgreSQL alike).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { sql } from 'drizzle-orm';
import { getTableConfig, type PgTable } from 'drizzle-orm/pg-core';
import type { SifaDb } from '@sifa/core';
import { rowsOf } from '@sifa/core/db';

export interface DriftSource {
  /** 'platform' or a plugin id. */
  source: string;
  tables: readonly object[];
  /** The plugin's migrations folder: its package (for the `db:generate` advice) is found from it. */
  migrationsFolder?: string | undefined;
}

export type DriftKind = 'missing-table' | 'missing-column' | 'type' | 'nullability' | 'primary-key' | 'extra-column';

export interface DriftDifference {
  /** 'error': the code would fail against this database; 'warning': a column only the database has. */
  severity: 'error' | 'warning';
  kind: DriftKind;
  plugin: string;
  table: string;
  column: string | null;
  /** What the code describes ('absent' when it does not). */
  code: string;
  /** What the database has ('absent' when it does not). */
  database: string;
  /** One line: what differs and what to do. */
  message: string;
}

/** Type names as PostgreSQL spells them, so `timestamptz` and `timestamp with time zone` compare equal. */
export function normalizeSqlType(type: string): string {
  let t = type.trim().toLowerCase().replace(/\s+/g, ' ').replace(/\s*\(\s*/g, '(').replace(/\s*,\s*/g, ',').replace(/\s*\)/g, ')');
  let dims = 0;
  while (t.endsWith('[]')) {
    dims++;
    t = t.slice(0, -2).trimEnd();
  }
  t = t.replace(/^"(.*)"$/, '$1').replace(/^public\./, '').replace(/^"(.*)"$/, '$1');
  const aliases: Record<string, string> = {
    int: 'integer',
    int4: 'integer',
    serial: 'integer',
    serial4: 'integer',
    int2: 'smallint',
    smallserial: 'smallint',
    serial2: 'smallint',
    int8: 'bigint',
    bigserial: 'bigint',
    serial8: 'bigint',
    float4: 'real',
    float8: 'double precision',
    bool: 'boolean',
    decimal: 'numeric',
    varchar: 'character varying',
    char: 'character',
    bpchar: 'character',
    timestamptz: 'timestamp with time zone',
    timetz: 'time with time zone',
  };
  const m = /^([a-z_ ][a-z0-9_ ]*?)(\((\d+(?:,\d+)?)\))?( with(?:out)? time zone)?$/.exec(t);
  if (m) {
    let base = m[1]!.trim();
    const args = m[3];
    let zone = m[4] ?? '';
    base = aliases[base] ?? base;
    if (base === 'timestamp with time zone' || base === 'time with time zone') {
      base = base.replace(' with time zone', '');
      zone = ' with time zone';
    }
    if ((base === 'timestamp' || base === 'time') && zone === ' without time zone') zone = '';
    if (base === 'timestamp without time zone' || base === 'time without time zone') base = base.replace(' without time zone', '');
    // Precision defaults: a bare `character` is character(1); timestamp(6) is the default precision.
    let withArgs = args ? `${base}(${args})` : base;
    if ((base === 'timestamp' || base === 'time') && args === '6') withArgs = base;
    if (base === 'character' && !args) withArgs = 'character(1)';
    t = `${withArgs}${zone}`;
  }
  return t + '[]'.repeat(dims);
}

interface DbColumn {
  table: string;
  column: string;
  type: string;
  not_null: boolean;
  primary_key: boolean;
}

async function databaseTables(db: SifaDb): Promise<Map<string, Map<string, DbColumn>>> {
  const rows = rowsOf<DbColumn>(
    await db.execute(sql`
      SELECT c.relname AS "table", a.attname AS "column", format_type(a.atttypid, a.atttypmod) AS "type",
             a.attnotnull AS not_null,
             EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = c.oid AND i.indisprimary AND a.attnum = ANY (i.indkey)) AS primary_key
      FROM pg_class c
      JOIN pg_namespace n ON n.oid = c.relnamespace
      JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
      WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p')
      ORDER BY c.relname, a.attnum`),
  );
  const tables = new Map<string, Map<string, DbColumn>>();
  for (const row of rows) {
    let columns = tables.get(row.table);
    if (!columns) tables.set(row.table, (columns = new Map()));
    columns.set(row.column, { ...row, not_null: row.not_null === true || (row.not_null as unknown) === 't', primary_key: row.primary_key === true || (row.primary_key as unknown) === 't' });
  }
  return tables;
}

const packageNames = new Map<string, string | null>();

/** The package whose `db:generate` writes this migrations folder (the nearest package.json upwards). */
function packageOf(folder: string | undefined): string | null {
  if (!folder) return null;
  if (packageNames.has(folder)) return packageNames.get(folder)!;
  let name: string | null = null;
  for (let dir = folder; ; dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      try {
        name = (JSON.parse(readFileSync(file, 'utf8')) as { name?: string }).name ?? null;
      } catch {
        name = null;
      }
      break;
    }
    if (dirname(dir) === dir) break;
  }
  packageNames.set(folder, name);
  return name;
}

/** Compares every table of every source with the database; an empty list means no drift. */
export async function checkSchemaDrift(db: SifaDb, sources: readonly DriftSource[]): Promise<DriftDifference[]> {
  const existing = await databaseTables(db);
  const differences: DriftDifference[] = [];
  for (const { source, tables, migrationsFolder } of sources) {
    const pkg = packageOf(migrationsFolder);
    const advice = pkg
      ? `run \`pnpm --filter ${pkg} db:generate\` and commit the migration`
      : `generate a migration for plugin "${source}" with drizzle-kit (\`drizzle-kit generate\`) and commit it`;
    for (const table of tables) {
      const config = getTableConfig(table as PgTable);
      const name = config.schema ? `${config.schema}.${config.name}` : config.name;
      const add = (d: Omit<DriftDifference, 'plugin' | 'table' | 'message' | 'severity'> & { severity?: 'error' | 'warning' }, what: string) => {
        const severity = d.severity ?? 'error';
        const where = d.column ? `"${name}"."${d.column}"` : `"${name}"`;
        const todo = severity === 'error' ? advice : `drop it in a migration or add it to the table's definition if it is still used (\`pnpm --filter ${pkg ?? '<package>'} db:generate\`)`;
        differences.push({ ...d, severity, plugin: source, table: name, message: `Plugin "${source}", table ${where}: ${what} (code: ${d.code}, database: ${d.database}); ${todo}.` });
      };
      if (config.schema) continue; // Only the current schema is read; plugins declare none.
      const dbColumns = existing.get(config.name);
      if (!dbColumns) {
        add({ kind: 'missing-table', column: null, code: 'table', database: 'absent' }, 'the table is missing in the database');
        continue;
      }
      const pkColumns = new Set(config.columns.filter((c) => c.primary).map((c) => c.name));
      for (const pk of config.primaryKeys) for (const c of pk.columns) pkColumns.add(c.name);
      for (const column of config.columns) {
        const found = dbColumns.get(column.name);
        const codeType = column.getSQLType();
        if (!found) {
          add({ kind: 'missing-column', column: column.name, code: `${codeType}${column.notNull ? ' not null' : ''}`, database: 'absent' }, 'the column is missing in the database');
          continue;
        }
        if (normalizeSqlType(codeType) !== normalizeSqlType(found.type)) {
          add({ kind: 'type', column: column.name, code: codeType, database: found.type }, 'the column type differs');
        }
        const codeNotNull = column.notNull || pkColumns.has(column.name);
        if (codeNotNull !== found.not_null) {
          add({ kind: 'nullability', column: column.name, code: codeNotNull ? 'not null' : 'nullable', database: found.not_null ? 'not null' : 'nullable' }, 'the column nullability differs');
        }
        const inPk = pkColumns.has(column.name);
        if (inPk !== found.primary_key) {
          add({ kind: 'primary-key', column: column.name, code: inPk ? 'primary key' : 'not in the primary key', database: found.primary_key ? 'primary key' : 'not in the primary key' }, 'the primary key differs');
        }
      }
      const codeNames = new Set(config.columns.map((c) => c.name));
      for (const [column, found] of dbColumns) {
        if (codeNames.has(column)) continue;
        add({ severity: 'warning', kind: 'extra-column', column, code: 'absent', database: `${found.type}${found.not_null ? ' not null' : ''}` }, 'the column exists only in the database');
      }
    }
  }
  return differences;
}
