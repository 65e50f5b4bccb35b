/**
 * PGlite: its own dump facility. `dumpDataDir('gzip')` tars the whole data folder (the database
 * files, and what the server keeps beside them: `field-key`, the key of the cases' personal data
 * when SIFA_FIELD_KEY is unset, and `demo-credentials.json`); a restore opens an empty folder with
 * `loadDataDir`. PGlite is one process's database: the backup opens the folder itself, so the
 * server must be stopped first (a running one is detected by its `postmaster.pid`).
 */
import { chmod, mkdir, readdir, rename, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { fieldKeyFileName } from '../casework/cipher.js';
import { BackupError } from './errors.js';
import type { BackupHeader, BackupMeta } from './file.js';
import { assertCountsMatch, countRows, migrationLevel, serverSchema, type Query } from './tables.js';

const queryOf =
  (pg: PGlite): Query =>
  async (text) =>
    (await pg.query<Record<string, unknown>>(text)).rows;

const exists = (path: string) => stat(path).then(
  () => true,
  () => false,
);

export interface PgliteDump {
  meta: Omit<BackupMeta, 'payloadBytes' | 'payloadSha256' | 'createdAt' | 'sifaServer'>;
  bytes: Uint8Array;
  /** The folder's field key is inside the backup. */
  hasFieldKey: boolean;
}

/** Dumps the data folder (the server stopped; `force` ignores a postmaster.pid left by a crash). */
export async function dumpPglite(dataDir: string, options: { force: boolean }): Promise<PgliteDump> {
  const folder = resolve(dataDir);
  if (!(await exists(join(folder, 'PG_VERSION')))) {
    throw new BackupError('source-missing', {
      zh: `${folder} 中没有 PGlite 数据库（没有 PG_VERSION）。请把 SIFA_DATA_DIR 设为服务器的数据文件夹（默认 .sifa/data），或设置 DATABASE_URL 备份 PostgreSQL。`,
      en: `There is no PGlite database in ${folder} (no PG_VERSION). Set SIFA_DATA_DIR to the server's data folder (default .sifa/data), or DATABASE_URL to back up PostgreSQL.`,
    });
  }
  if ((await exists(join(folder, 'postmaster.pid'))) && !options.force) {
    throw new BackupError('source-in-use', {
      zh: `数据文件夹 ${folder} 正被使用（有 postmaster.pid）：PGlite 只能由一个进程打开。请先停止服务器（sifa start）再备份；若确认没有服务器在运行（上次异常退出），加 --force。`,
      en: `The data folder ${folder} is in use (postmaster.pid is present): PGlite is opened by one process at a time. Stop the server (sifa start) and back up again; if no server runs (it stopped abnormally), pass --force.`,
    });
  }
  const pg = new PGlite(folder);
  try {
    await pg.waitReady;
    const query = queryOf(pg);
    const migrations = await migrationLevel(query, folder);
    const counts = await countRows(query);
    const [version] = await query(`SELECT current_setting('server_version') AS v`);
    // Everything written reaches the data files: the copy needs no write-ahead log replay.
    await pg.exec('CHECKPOINT');
    const blob = await pg.dumpDataDir('gzip');
    return {
      bytes: new Uint8Array(await blob.arrayBuffer()),
      hasFieldKey: await exists(join(folder, fieldKeyFileName)),
      meta: {
        engine: 'pglite',
        payload: 'pglite-datadir-tar-gzip',
        postgres: String(version?.v),
        source: folder,
        tool: 'PGlite dumpDataDir',
        schema: serverSchema,
        migrations,
        counts,
      },
    };
  } finally {
    await pg.close();
  }
}

export interface PgliteRestore {
  /** --force on a folder that held files: where they were moved (nothing is deleted). */
  movedAside: string | null;
  counts: Record<string, number>;
  hasFieldKey: boolean;
}

/**
 * Restores into `dataDir`, which must be missing or empty; with `force` a non-empty folder is
 * renamed to `<folder>.before-restore-<stamp>` first (never deleted).
 */
export async function restorePglite(dataDir: string, header: BackupHeader, payload: Uint8Array, options: { force: boolean; stamp: string }): Promise<PgliteRestore> {
  const folder = resolve(dataDir);
  const present: string[] = await readdir(folder).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [] as string[];
    throw error;
  });
  let movedAside: string | null = null;
  if (present.length > 0) {
    if (!options.force) {
      throw new BackupError('target-not-empty', {
        zh: `目标文件夹 ${folder} 不是空的（${present.length} 个文件或文件夹）。请把 SIFA_DATA_DIR 设为一个新的（不存在或空的）文件夹，或加 --force：原文件夹会被改名保留（${folder}.before-restore-…），再恢复。`,
        en: `The target folder ${folder} is not empty (${present.length} entries). Set SIFA_DATA_DIR to a new (missing or empty) folder, or pass --force: the folder is then renamed (${folder}.before-restore-…) and kept.`,
      });
    }
    if (present.includes('postmaster.pid')) {
      throw new BackupError('source-in-use', {
        zh: `目标文件夹 ${folder} 正被使用（有 postmaster.pid）。请先停止使用它的服务器。`,
        en: `The target folder ${folder} is in use (postmaster.pid is present). Stop the server using it first.`,
      });
    }
    movedAside = `${folder}.before-restore-${options.stamp}`;
    await rename(folder, movedAside);
  }
  await mkdir(folder, { recursive: true, mode: 0o700 });
  let pg: PGlite;
  try {
    pg = new PGlite(folder, { loadDataDir: new Blob([payload], { type: 'application/x-gzip' }) });
    await pg.waitReady;
  } catch (error) {
    throw await loadFailed(header, error);
  }
  let counts: Record<string, number>;
  try {
    counts = await countRows(queryOf(pg));
  } finally {
    await pg.close();
  }
  // Tar entries keep no modes: the folder and the key beside the database are the owner's alone again.
  await chmod(folder, 0o700);
  const hasFieldKey = await exists(join(folder, fieldKeyFileName));
  for (const secret of [fieldKeyFileName, 'demo-credentials.json']) {
    if (await exists(join(folder, secret))) await chmod(join(folder, secret), 0o600);
  }
  assertCountsMatch(header.meta.counts, counts);
  return { movedAside, counts, hasFieldKey };
}

/** A tarball this PGlite cannot open: a different PostgreSQL major version is the likely reason; say so when it is. */
async function loadFailed(header: BackupHeader, error: unknown): Promise<BackupError> {
  let here = '';
  const probe = new PGlite();
  try {
    await probe.waitReady;
    here = String((await probe.query<{ v: string }>(`SELECT current_setting('server_version') AS v`)).rows[0]?.v);
  } finally {
    await probe.close();
  }
  const major = (v: string) => v.split('.')[0];
  if (here && major(here) !== major(header.meta.postgres)) {
    return new BackupError('version-mismatch', {
      zh: `这份备份来自 PostgreSQL ${header.meta.postgres}（PGlite），本机的 PGlite 是 PostgreSQL ${here}：数据文件夹不能跨主版本使用。请用写出该备份的 Sifa 版本恢复，再用 PostgreSQL 的方式（pg_dump）迁移数据。`,
      en: `This backup comes from PostgreSQL ${header.meta.postgres} (PGlite); this PGlite runs PostgreSQL ${here}: a data folder does not move across major versions. Restore it with the Sifa version that wrote it and move the data with pg_dump.`,
    }, { cause: error });
  }
  return new BackupError('tool-failed', {
    zh: `PGlite 无法载入备份：${error instanceof Error ? error.message : String(error)}`,
    en: `PGlite could not load the backup: ${error instanceof Error ? error.message : String(error)}`,
  }, { cause: error });
}
