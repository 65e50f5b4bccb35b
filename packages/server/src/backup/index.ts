/**
 * `sifa backup <file>` / `sifa restore <file>` on either engine. Every record the server keeps is
 * in the database (uploads and issued documents are bytea columns: `case_files.data`,
 * `documents.docx`, the tours' panoramas), so a database backup is a full backup; what is not in
 * it: SIFA_FIELD_KEY on PostgreSQL (kept by the operator) and the config module.
 *
 * PostgreSQL: pg_dump / pg_restore (./postgres.ts). PGlite: dumpDataDir / loadDataDir
 * (./pglite.ts). The file format: ./file.ts. After a restore the server's migration check
 * (`checkSifaDatabase`: pending migrations and schema drift) says at which version it is.
 */
import { readFile, rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { ServerPlugin } from '@sifa/core';
import type { DatabaseConfig, EngineName } from '../db/engine.js';
import { describePostgresUrl } from '../db/engine.js';
import type { DriftDifference } from '../db/drift.js';
import { checkSifaDatabase } from '../server.js';
import { BackupError } from './errors.js';
import { assertWritable, payloadStream, readBackupHeader, verifyPayload, writeBackupFile, type BackupMeta } from './file.js';
import { dumpPglite, restorePglite } from './pglite.js';
import { dumpPostgres, restorePostgres } from './postgres.js';

export { BackupError, isBackupError, type BackupErrorCode } from './errors.js';
export { readBackupHeader, type BackupMeta } from './file.js';

const engineTitle: Record<EngineName, string> = { pglite: 'PGlite (embedded)', postgres: 'PostgreSQL' };

async function serverVersion(): Promise<string> {
  try {
    const pkg = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: string };
    return pkg.version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

const locationOf = (database: DatabaseConfig) => (database.engine === 'postgres' ? describePostgresUrl(database.url) : resolve(database.dataDir));

function refuseMemory(database: DatabaseConfig): asserts database is Exclude<DatabaseConfig, { engine: 'pglite'; dataDir: 'memory' }> {
  if (database.engine === 'pglite' && database.dataDir === 'memory') {
    throw new BackupError('source-missing', { zh: '内存数据库无法备份或恢复。', en: 'An in-memory database cannot be backed up or restored.' });
  }
}

export interface BackupOptions {
  database: DatabaseConfig;
  file: string;
  /** Overwrite an existing file; PGlite: back up despite a postmaster.pid (a crashed server's). */
  force?: boolean;
  now?: () => Date;
  /** Folder of pg_dump / pg_restore (default: PATH). */
  pgBinDir?: string | undefined;
}

export interface BackupReport {
  file: string;
  meta: BackupMeta;
  /** Size of the whole file. */
  bytes: number;
  seconds: number;
  /** PGlite: the folder's field key went into the file; null on PostgreSQL (the key is never in the database). */
  hasFieldKey: boolean | null;
}

export async function backupDatabase(options: BackupOptions): Promise<BackupReport> {
  const started = performance.now();
  const { database, file } = options;
  refuseMemory(database);
  await assertWritable(file, options.force ?? false);
  const base = { createdAt: (options.now ?? (() => new Date()))().toISOString(), sifaServer: await serverVersion() };
  let meta: BackupMeta;
  let hasFieldKey: boolean | null = null;
  if (database.engine === 'postgres') {
    const dump = await dumpPostgres(database.url, file, { binDir: options.pgBinDir });
    try {
      meta = await writeBackupFile(file, { ...base, ...dump.meta }, { path: dump.path });
    } finally {
      await rm(dump.dir, { recursive: true, force: true });
    }
  } else {
    const dump = await dumpPglite(database.dataDir, { force: options.force ?? false });
    meta = await writeBackupFile(file, { ...base, ...dump.meta }, { bytes: dump.bytes });
    hasFieldKey = dump.hasFieldKey;
  }
  const header = await readBackupHeader(file);
  return { file: resolve(file), meta, bytes: header.payloadOffset + meta.payloadBytes, seconds: (performance.now() - started) / 1000, hasFieldKey };
}

export interface RestoreOptions {
  database: DatabaseConfig;
  file: string;
  /** The server's plugins (their migrations are part of the check after the restore). */
  plugins: readonly ServerPlugin[];
  /** Restore into a target that holds data (PostgreSQL: its schema is dropped; PGlite: the folder is renamed and kept). */
  force?: boolean;
  now?: () => Date;
  pgBinDir?: string | undefined;
}

export interface RestoreReport {
  file: string;
  target: string;
  meta: BackupMeta;
  bytes: number;
  seconds: number;
  counts: Record<string, number>;
  /** Migrations of the installed code the restored database lacks (the next start or `sifa migrate` applies them). */
  pending: string[];
  drift: DriftDifference[];
  /** PostgreSQL: the database did not exist and was created. */
  createdDatabase: boolean;
  /** PostgreSQL with --force: objects dropped from the target's schema. */
  droppedObjects: number;
  /** PGlite with --force: where the folder that was there went. */
  movedAside: string | null;
  /** PGlite: the restored folder has its field key (null on PostgreSQL). */
  hasFieldKey: boolean | null;
}

export async function restoreDatabase(options: RestoreOptions): Promise<RestoreReport> {
  const started = performance.now();
  const { database, file } = options;
  refuseMemory(database);
  const header = await readBackupHeader(file);
  const made = header.meta.engine;
  if (made !== database.engine) {
    const setting = database.engine === 'postgres' ? 'DATABASE_URL is set' : 'DATABASE_URL is not set';
    throw new BackupError('engine-mismatch', {
      zh: `这份备份来自 ${engineTitle[made]}，而当前配置的是 ${engineTitle[database.engine]}（${database.engine === 'postgres' ? '设置了' : '没有设置'} DATABASE_URL）。请在同一种数据库上恢复：${made === 'postgres' ? '设置 DATABASE_URL 指向一个新的 PostgreSQL 数据库' : '取消 DATABASE_URL，把 SIFA_DATA_DIR 设为一个新文件夹'}。`,
      en: `This backup was made on ${engineTitle[made]}, and the configured target is ${engineTitle[database.engine]} (${setting}). Restore on the same engine: ${made === 'postgres' ? 'set DATABASE_URL to a new PostgreSQL database' : 'unset DATABASE_URL and set SIFA_DATA_DIR to a new folder'}.`,
    });
  }
  await verifyPayload(file, header);
  const result: Pick<RestoreReport, 'counts' | 'createdDatabase' | 'droppedObjects' | 'movedAside' | 'hasFieldKey'> =
    database.engine === 'postgres'
      ? { ...(await restorePostgres(database.url, file, header, { binDir: options.pgBinDir, force: options.force ?? false })), movedAside: null, hasFieldKey: null }
      : {
          ...(await restorePglite(database.dataDir, header, await readAll(file, header), {
            force: options.force ?? false,
            stamp: (options.now ?? (() => new Date()))().toISOString().replace(/[:.]/g, '-'),
          })),
          createdDatabase: false,
          droppedObjects: 0,
        };
  // The server's own check: which migrations of the installed code are missing, and whether the tables match the code.
  const { pending, drift } = await checkSifaDatabase({ plugins: [...options.plugins], database, ...(options.now ? { now: options.now } : {}) });
  return {
    file: resolve(file),
    target: locationOf(database),
    meta: header.meta,
    bytes: header.payloadOffset + header.meta.payloadBytes,
    seconds: (performance.now() - started) / 1000,
    ...result,
    pending,
    drift,
  };
}

async function readAll(file: string, header: Awaited<ReturnType<typeof readBackupHeader>>): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of payloadStream(file, header)) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
