/**
 * PostgreSQL: `pg_dump --format=custom --schema=public` of the server's schema (the platform's
 * and every plugin's tables, functions, types, row-level security policies and grants, and the
 * migrations journal `sifa_migrations`), restored with `pg_restore --single-transaction`.
 *
 * The row counts recorded in the header are read in the very snapshot pg_dump dumps
 * (`pg_export_snapshot()` + `pg_dump --snapshot`), so a running server may keep writing during
 * the backup and the counts still match what a restore gets.
 *
 * Cluster-wide things are not in a database dump: the roles `sifa_app` and `sifa_audit` (created here before the
 * restore, as migration 0000 does) and SIFA_FIELD_KEY (kept by the operator beside the backups).
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { once } from 'node:events';
import postgres from 'postgres';
import { describePostgresUrl } from '../db/engine.js';
import { BackupError } from './errors.js';
import { payloadStream, type BackupHeader, type BackupMeta } from './file.js';
import { assertCountsMatch, countRows, migrationLevel, schemaObjects, serverSchema, type Query } from './tables.js';

/**
 * `--no-owner` hands every object to the restoring role; the audit anchors and the functions that
 * write them belong to sifa_audit again (as migration 0018 leaves them), so the tables' owner
 * cannot rewrite the anchors. Skipped for backups from before audit chains.
 */
async function restoreAuditOwnership(sql: Sql): Promise<void> {
  const [anchors] = await sql`SELECT to_regclass(${`${serverSchema}.audit_anchors`}) IS NOT NULL AS ok`;
  if (!anchors?.ok) return;
  await sql.begin(async (tx) => {
    await tx.unsafe('GRANT sifa_audit TO CURRENT_USER');
    await tx.unsafe(`GRANT CREATE ON SCHEMA ${serverSchema} TO sifa_audit`);
    await tx.unsafe(`ALTER TABLE ${serverSchema}.audit_anchors OWNER TO sifa_audit`);
    await tx.unsafe(`ALTER FUNCTION ${serverSchema}.sifa_audit_append(text, text, text, text, text, text, text, text, text) OWNER TO sifa_audit`);
    await tx.unsafe(`ALTER FUNCTION ${serverSchema}.sifa_audit_root_anchor() OWNER TO sifa_audit`);
    await tx.unsafe(`REVOKE CREATE ON SCHEMA ${serverSchema} FROM sifa_audit`);
    await tx.unsafe('REVOKE sifa_audit FROM CURRENT_USER');
  });
}

export interface PgTools {
  /** Folder of pg_dump / pg_restore (SIFA_PG_BIN_DIR); default: found on PATH. */
  binDir?: string | undefined;
}

type Sql = ReturnType<typeof postgres>;

const toolPath = (tools: PgTools, name: 'pg_dump' | 'pg_restore') => (tools.binDir ? join(tools.binDir, name) : name);

/** libpq wants the password out of argv (process lists show arguments): URL without it + PGPASSWORD. */
function libpqTarget(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const u = new URL(url);
  const password = decodeURIComponent(u.password);
  u.password = '';
  const env: NodeJS.ProcessEnv = { ...process.env };
  if (password) env.PGPASSWORD = password;
  return { dbname: u.toString(), env };
}

interface ToolRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a client tool; `stdin` is piped into it. A missing tool is a typed error naming the package. */
async function runTool(tools: PgTools, name: 'pg_dump' | 'pg_restore', args: string[], options: { env?: NodeJS.ProcessEnv; stdin?: NodeJS.ReadableStream } = {}): Promise<ToolRun> {
  const child = spawn(toolPath(tools, name), args, { env: options.env ?? process.env, stdio: [options.stdin ? 'pipe' : 'ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  if (options.stdin && child.stdin) {
    // A tool that stops reading early (pg_restore -l needs only the table of contents) closes the pipe: not an error.
    child.stdin.on('error', () => {});
    options.stdin.pipe(child.stdin);
  }
  try {
    const [code] = (await once(child, 'close')) as [number | null];
    return { code: code ?? 1, stdout, stderr };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw toolMissing(tools, name);
    throw error;
  }
}

function toolMissing(tools: PgTools, name: string, major?: number): BackupError {
  const pkg = `postgresql-client${major ? `-${major}` : ''}`;
  return new BackupError('tool-missing', {
    zh: `找不到 ${name}${tools.binDir ? `（SIFA_PG_BIN_DIR=${tools.binDir}）` : '（PATH 中没有）'}。PostgreSQL 的备份与恢复需要它：请安装与服务器同一主版本的客户端（Debian/Ubuntu：apt-get install ${pkg}），或把 SIFA_PG_BIN_DIR 设为其所在文件夹。`,
    en: `${name} was not found${tools.binDir ? ` in SIFA_PG_BIN_DIR=${tools.binDir}` : ' on PATH'}. Backups and restores of PostgreSQL need it: install the client of the server's major version (Debian/Ubuntu: apt-get install ${pkg}) or set SIFA_PG_BIN_DIR to its folder.`,
  });
}

function toolFailed(name: string, run: ToolRun, hint: { zh: string; en: string }): BackupError {
  const detail = run.stderr.trim().split('\n').slice(-6).join('\n');
  return new BackupError('tool-failed', {
    zh: `${name} 失败（退出码 ${run.code}）：\n${detail}\n${hint.zh}`,
    en: `${name} failed (exit code ${run.code}):\n${detail}\n${hint.en}`,
  });
}

/** The major version of a client tool (`pg_dump (PostgreSQL) 15.20 (Debian …)` → 15). */
async function toolMajor(tools: PgTools, name: 'pg_dump' | 'pg_restore'): Promise<{ major: number; version: string }> {
  const run = await runTool(tools, name, ['--version']);
  const match = /\(PostgreSQL\)\s+(\d+)(?:\.(\d+))?/.exec(run.stdout);
  if (run.code !== 0 || !match) throw toolMissing(tools, name);
  return { major: Number(match[1]), version: run.stdout.trim().replace(/\s*\(Debian.*$/, '') };
}

const queryOf =
  (sql: Sql | postgres.TransactionSql): Query =>
  async (text) =>
    [...(await sql.unsafe(text))] as Record<string, unknown>[];

function connect(url: string): Sql {
  return postgres(url, { max: 1, onnotice: () => {}, connection: { application_name: 'sifa-backup' } });
}

function unreachable(url: string, error: unknown): BackupError {
  const code = (error as { code?: string }).code;
  const where = describePostgresUrl(url);
  if (code === '3D000') {
    return new BackupError('source-missing', {
      zh: `数据库 ${where} 不存在。请检查 DATABASE_URL。`,
      en: `The database ${where} does not exist. Check DATABASE_URL.`,
    }, { cause: error });
  }
  return new BackupError('source-missing', {
    zh: `无法连接 PostgreSQL ${where}：${error instanceof Error ? error.message : String(error)}。请检查 DATABASE_URL 和数据库服务器。`,
    en: `Cannot connect to PostgreSQL at ${where}: ${error instanceof Error ? error.message : String(error)}. Check DATABASE_URL and the database server.`,
  }, { cause: error });
}

export interface PostgresDump {
  meta: Omit<BackupMeta, 'payloadBytes' | 'payloadSha256' | 'createdAt' | 'sifaServer'>;
  /** The archive pg_dump wrote (a temporary file beside the backup; the caller removes `dir`). */
  path: string;
  dir: string;
}

/**
 * Dumps the server's schema into a temporary file beside `file` (same disk, so the final copy
 * cannot run out of a different disk's space) and returns what the header records.
 */
export async function dumpPostgres(url: string, file: string, tools: PgTools): Promise<PostgresDump> {
  const tool = await toolMajor(tools, 'pg_dump');
  const sql = connect(url);
  const dir = await mkdtemp(join(dirname(resolve(file)), '.sifa-backup-'));
  try {
    let serverVersion: string;
    try {
      const [row] = await sql`SELECT current_setting('server_version') AS v, current_setting('server_version_num')::int AS n`;
      serverVersion = String(row!.v);
      const serverMajor = Math.floor(Number(row!.n) / 10000);
      if (tool.major < serverMajor) {
        throw new BackupError('tool-too-old', {
          zh: `${tool.version} 比数据库服务器（PostgreSQL ${serverVersion}）旧，无法备份。请安装 postgresql-client-${serverMajor}（或更新），或把 SIFA_PG_BIN_DIR 设为其 bin 文件夹（如 /usr/lib/postgresql/${serverMajor}/bin）。`,
          en: `${tool.version} is older than the database server (PostgreSQL ${serverVersion}) and cannot dump it. Install postgresql-client-${serverMajor} (or newer) or set SIFA_PG_BIN_DIR to its bin folder (e.g. /usr/lib/postgresql/${serverMajor}/bin).`,
        });
      }
    } catch (error) {
      if (error instanceof BackupError) throw error;
      throw unreachable(url, error);
    }
    const path = join(dir, 'dump.pgdump');
    const target = libpqTarget(url);
    // One snapshot for the counts and the dump: exported from a REPEATABLE READ transaction kept open while pg_dump runs.
    const meta = await sql.begin('ISOLATION LEVEL REPEATABLE READ READ ONLY', async (tx) => {
      const [snapshot] = await tx`SELECT pg_export_snapshot() AS id`;
      // Row security off: counting under a policy would count less than pg_dump dumps; off, it fails instead.
      await tx`SET LOCAL row_security = off`;
      const query = queryOf(tx);
      const migrations = await migrationLevel(query, describePostgresUrl(url));
      const counts = await countRows(query);
      const run = await runTool(tools, 'pg_dump', ['--format=custom', `--schema=${serverSchema}`, `--snapshot=${String(snapshot!.id)}`, `--file=${path}`, `--dbname=${target.dbname}`], { env: target.env });
      if (run.code !== 0) {
        throw toolFailed('pg_dump', run, {
          zh: '请按上面的信息处理（权限不足时请用数据库所有者或超级用户的 DATABASE_URL 备份）。',
          en: 'Fix what it names (if permission is denied, back up with a DATABASE_URL of the owner or a superuser).',
        });
      }
      return { migrations, counts };
    });
    return {
      path,
      dir,
      meta: {
        engine: 'postgres',
        payload: 'pg_dump-custom',
        postgres: serverVersion,
        source: describePostgresUrl(url),
        tool: tool.version,
        schema: serverSchema,
        ...meta,
      },
    };
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  } finally {
    await sql.end({ timeout: 5 });
  }
}

export interface PostgresRestore {
  /** The database did not exist and was created. */
  createdDatabase: boolean;
  /** --force on a target that held objects: the schema was dropped first (how many objects). */
  droppedObjects: number;
  counts: Record<string, number>;
}

/** The URL of the maintenance database `postgres` on the same server (to create the target). */
const maintenanceUrl = (url: string) => {
  const u = new URL(url);
  u.pathname = '/postgres';
  return u.toString();
};

const databaseName = (url: string) => decodeURIComponent(new URL(url).pathname.slice(1));

/**
 * Restores into the database DATABASE_URL names: created when missing, refused when its schema
 * holds anything (unless `force`: then the schema is dropped with everything in it), one
 * transaction (a failing restore leaves the target as it was), then the counts checked.
 */
export async function restorePostgres(url: string, file: string, header: BackupHeader, options: PgTools & { force: boolean }): Promise<PostgresRestore> {
  await toolMajor(options, 'pg_restore');
  const where = describePostgresUrl(url);
  let createdDatabase = false;
  let sql = connect(url);
  try {
    await sql`SELECT 1`;
  } catch (error) {
    await sql.end({ timeout: 5 });
    if ((error as { code?: string }).code !== '3D000') throw unreachable(url, error);
    const admin = connect(maintenanceUrl(url));
    try {
      await admin.unsafe(`CREATE DATABASE "${databaseName(url).replace(/"/g, '""')}"`);
    } catch (createError) {
      throw new BackupError('source-missing', {
        zh: `数据库 ${where} 不存在，也无法创建（${createError instanceof Error ? createError.message : String(createError)}）。请先创建一个空数据库（createdb），再恢复。`,
        en: `The database ${where} does not exist and could not be created (${createError instanceof Error ? createError.message : String(createError)}). Create an empty database (createdb) and restore again.`,
      }, { cause: createError });
    } finally {
      await admin.end({ timeout: 5 });
    }
    createdDatabase = true;
    sql = connect(url);
  }
  try {
    const query = queryOf(sql);
    const objects = await schemaObjects(query);
    let droppedObjects = 0;
    if (objects > 0) {
      if (!options.force) {
        throw new BackupError('target-not-empty', {
          zh: `目标数据库 ${where} 不是空的（schema ${serverSchema} 中有 ${objects} 个对象）。请恢复到一个新数据库（在 DATABASE_URL 中写一个不存在的库名，会自动创建），或加 --force 删除该 schema 中的一切后恢复。`,
          en: `The target database ${where} is not empty (${objects} object(s) in schema ${serverSchema}). Restore into a new database (name one that does not exist in DATABASE_URL: it is created), or pass --force to drop everything in that schema first.`,
        });
      }
      // As a new database has it: owned by the restoring role, usable by every role (sifa_app among them).
      await sql.unsafe(`DROP SCHEMA ${serverSchema} CASCADE`);
      await sql.unsafe(`CREATE SCHEMA ${serverSchema}`);
      await sql.unsafe(`GRANT USAGE ON SCHEMA ${serverSchema} TO PUBLIC`);
      droppedObjects = objects;
    }
    // The role the policies and grants name is cluster-wide, so no dump holds it (as migration 0000_roles does).
    await sql.unsafe(`DO $$ BEGIN CREATE ROLE sifa_app NOLOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$`);
    await sql.unsafe('GRANT sifa_app TO CURRENT_USER');
    // And the audit writer role (migration 0016): its grants and policy are in the dump.
    await sql.unsafe(`DO $$ BEGIN CREATE ROLE sifa_audit NOLOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$`);

    // The archive creates schema public (it was dumped with --schema); the target has it already: restore everything else.
    const target = libpqTarget(url);
    const listed = await runTool(options, 'pg_restore', ['--list'], { stdin: payloadStream(file, header) });
    if (listed.code !== 0) throw toolFailed('pg_restore --list', listed, { zh: '备份文件中的 pg_dump 归档无法读取（pg_restore 版本是否低于写出它的 pg_dump？）。', en: 'The pg_dump archive in the backup cannot be read (is pg_restore older than the pg_dump that wrote it?).' });
    const list = listed.stdout
      .split('\n')
      .filter((line) => !/^\d+;\s+\d+\s+\d+\s+(SCHEMA|COMMENT)\s+-\s+(SCHEMA\s+)?public\s/.test(line))
      .join('\n');
    const listDir = await mkdtemp(join(tmpdir(), 'sifa-restore-'));
    try {
      const listFile = join(listDir, 'toc.list');
      await writeFile(listFile, list);
      const run = await runTool(options, 'pg_restore', ['--no-owner', '--exit-on-error', '--single-transaction', `--use-list=${listFile}`, `--dbname=${target.dbname}`], { env: target.env, stdin: payloadStream(file, header) });
      if (run.code !== 0) {
        throw toolFailed('pg_restore', run, {
          zh: '恢复已整体回滚，目标数据库保持原样。请按上面的信息处理（例如缺少的角色请先创建），再恢复。',
          en: 'The restore was rolled back as a whole; the target is as it was. Fix what it names (e.g. create a missing role) and restore again.',
        });
      }
    } finally {
      await rm(listDir, { recursive: true, force: true });
    }
    await restoreAuditOwnership(sql);
    // Notifications carry the id of the transaction that wrote them (the feed's order, migration
    // 0013), from the cluster they were written in: in another cluster they would sort after
    // what it writes next. Restored, they are all final: transaction 0.
    await sql.begin(async (tx) => {
      await tx`SET LOCAL row_security = off`;
      const [column] = await tx`SELECT 1 FROM information_schema.columns WHERE table_schema = ${serverSchema} AND table_name = 'notifications' AND column_name = 'tx'`;
      if (column) await tx.unsafe(`UPDATE ${serverSchema}.notifications SET tx = '0'`);
    });
    const counts = await sql.begin(async (tx) => {
      await tx`SET LOCAL row_security = off`;
      return countRows(queryOf(tx));
    });
    assertCountsMatch(header.meta.counts, counts);
    return { createdDatabase, droppedObjects, counts };
  } finally {
    await sql.end({ timeout: 5 });
  }
}
