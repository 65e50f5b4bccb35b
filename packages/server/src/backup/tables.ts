/**
 * What a backup records and a restore checks, read the same way on both engines through a bare
 * query function: the server's tables (schema `public`: the platform's, every plugin's, and the
 * migrations journal `sifa_migrations`), their row counts, the migration level, and whether a
 * restore target is empty.
 */
import { BackupError } from './errors.js';

/** Runs one SQL text, returns its rows (postgres.js `unsafe`, PGlite `query`). */
export type Query = (text: string) => Promise<Record<string, unknown>[]>;

/** The schema the server owns: every table, function, type and policy its migrations create. */
export const serverSchema = 'public';

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * Exact row counts of every table of the schema. The caller turns row security off (or is a
 * superuser): with RLS forced a non-superuser owner would count nothing, and a wrong count must
 * fail loudly, not pass quietly.
 */
export async function countRows(query: Query): Promise<Record<string, number>> {
  const tables = (
    await query(
      `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = '${serverSchema}' AND c.relkind IN ('r', 'p') AND NOT c.relispartition ORDER BY c.relname`,
    )
  ).map((r) => String(r.name));
  if (tables.length === 0) return {};
  const rows = await query(tables.map((t) => `SELECT '${t.replace(/'/g, "''")}' AS name, count(*)::text AS n FROM ${serverSchema}.${quoteIdent(t)}`).join(' UNION ALL '));
  return Object.fromEntries(rows.map((r) => [String(r.name), Number(r.n)]));
}

/** The applied migrations (`<source>/<tag>`, sorted); refuses a database the server never migrated. */
export async function migrationLevel(query: Query, where: string): Promise<string[]> {
  const [exists] = await query(`SELECT to_regclass('${serverSchema}.sifa_migrations') IS NOT NULL AS ok`);
  if (!exists?.ok) {
    throw new BackupError('source-missing', {
      zh: `${where} 不是 Sifa 数据库（没有迁移记录表 sifa_migrations）。请检查 DATABASE_URL / SIFA_DATA_DIR 是否指向服务器的数据库。`,
      en: `${where} is not a Sifa database (it has no sifa_migrations table). Check that DATABASE_URL / SIFA_DATA_DIR point at the server's database.`,
    });
  }
  const rows = await query(`SELECT source || '/' || tag AS key FROM ${serverSchema}.sifa_migrations ORDER BY source, tag`);
  return rows.map((r) => String(r.key));
}

/** What a restore target already holds in the schema: tables, sequences, views, functions, types. */
export async function schemaObjects(query: Query): Promise<number> {
  const [row] = await query(`SELECT
      (SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = '${serverSchema}')
    + (SELECT count(*) FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = '${serverSchema}')
    + (SELECT count(*) FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname = '${serverSchema}' AND t.typtype IN ('c', 'e', 'd') AND t.typrelid = 0) AS n`);
  return Number(row?.n ?? 0);
}

/** Names the tables whose rows differ from the backup's counts (empty when all match). */
export function countDifferences(expected: Record<string, number>, actual: Record<string, number>): string[] {
  const names = [...new Set([...Object.keys(expected), ...Object.keys(actual)])].sort();
  return names.filter((n) => expected[n] !== actual[n]).map((n) => `${n}: ${expected[n] ?? 'absent'} in the backup, ${actual[n] ?? 'absent'} restored`);
}

export function assertCountsMatch(expected: Record<string, number>, actual: Record<string, number>): void {
  const differences = countDifferences(expected, actual);
  if (differences.length) {
    throw new BackupError('counts-differ', {
      zh: `恢复后的数据与备份不符（${differences.length} 个表的行数不同）：${differences.join('；')}。请勿使用这个恢复结果，请报告此问题。`,
      en: `The restored data differs from the backup (${differences.length} table(s)): ${differences.join('; ')}. Do not use this restore; report the problem.`,
    });
  }
}
