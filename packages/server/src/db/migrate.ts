/**
 * Applies committed SQL migrations of the platform and of every plugin, in start order, each
 * file once, recorded with a SHA-256 checksum. One run is one transaction: a failing file
 * leaves the database exactly as it was before the run. A migration that was
 * applied and later edited stops the server with a message naming the file: changing history
 * silently would leave databases that differ from the code.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { SifaError, type SifaDb } from '@sifa/core';
import { rowsOf } from '@sifa/core/db';

export interface MigrationSource {
  /** 'platform' or a plugin id. */
  source: string;
  folder: string;
}

interface MigrationFile {
  source: string;
  tag: string;
  statements: string[];
  checksum: string;
}

interface Journal {
  entries: { idx: number; tag: string }[];
}

/** A migrations folder that cannot be read: names the plugin (or the platform) whose `migrationsFolder` it is. */
function unreadable(source: string, folder: string, file: string, error: unknown): SifaError {
  const reason = (error as { code?: unknown }).code === 'ENOENT' ? 'does not exist' : `cannot be read (${error instanceof Error ? error.message : String(error)})`;
  return new SifaError('INTERNAL', {
    message: {
      zh: `插件“${source}”的迁移文件夹 ${folder} 有问题：${file} ${reason === 'does not exist' ? '不存在' : '无法读取'}。请检查 migrationsFolder（绝对路径，含 meta/_journal.json）。`,
      en: `Plugin "${source}": in its migrationsFolder ${folder}, ${file} ${reason}. Check migrationsFolder (an absolute path to drizzle-kit's output, with meta/_journal.json).`,
    },
    details: { plugin: source, folder, file },
    cause: error,
  });
}

async function readSource({ source, folder }: MigrationSource): Promise<MigrationFile[]> {
  const read = (file: string) => readFile(join(folder, file), 'utf8').catch((error: unknown) => Promise.reject(unreadable(source, folder, file, error)));
  const journalText = await read(join('meta', '_journal.json'));
  let journal: Journal;
  try {
    journal = JSON.parse(journalText) as Journal;
    if (!Array.isArray(journal.entries)) throw new Error('it has no "entries" list');
  } catch (error) {
    throw unreadable(source, folder, join('meta', '_journal.json'), error);
  }
  const entries = [...journal.entries].sort((a, b) => a.idx - b.idx);
  return Promise.all(
    entries.map(async ({ tag }) => {
      const text = await read(`${tag}.sql`);
      return {
        source,
        tag,
        checksum: createHash('sha256').update(text).digest('hex'),
        statements: text
          .split('--> statement-breakpoint')
          .map((s) => s.trim())
          .filter((s) => s.replace(/--.*$/gm, '').trim().length > 0),
      };
    }),
  );
}

export interface MigrationReport {
  applied: string[];
  alreadyApplied: number;
}

export interface MigrateOptions {
  /**
   * Check only: apply the pending migrations in the one transaction, call this with it (to read
   * the database as the migrations leave it), then roll everything back.
   */
  dryRun?: (tx: SifaDb) => Promise<void>;
}

class RolledBack extends Error {}

export async function migrate(db: SifaDb, sources: MigrationSource[], options: MigrateOptions = {}): Promise<MigrationReport> {
  const files = (await Promise.all(sources.map(readSource))).flat();
  const applied: string[] = [];
  let alreadyApplied = 0;
  // Several server instances may start at once: one migrates, the others wait and then see it done.
  try {
    await db.transaction(async (tx) => {
      await tx.execute(sql`SELECT pg_advisory_xact_lock(727300)`);
      await tx.execute(sql`CREATE TABLE IF NOT EXISTS sifa_migrations (
        source text NOT NULL,
        tag text NOT NULL,
        checksum text NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (source, tag)
      )`);
      const rows = rowsOf<{ source: string; tag: string; checksum: string }>(
        await tx.execute(sql`SELECT source, tag, checksum FROM sifa_migrations`),
      );
      const done = new Map(rows.map((r) => [`${r.source}/${r.tag}`, r.checksum]));
      for (const file of files) {
        const key = `${file.source}/${file.tag}`;
        const recorded = done.get(key);
        if (recorded !== undefined) {
          if (recorded !== file.checksum) {
            throw new SifaError('INTERNAL', {
              message: {
                zh: `迁移文件 ${key}.sql 在应用后被修改过（校验和不符）。请恢复该文件，并把改动写成一个新的迁移。`,
                en: `Migration ${key}.sql was changed after it was applied (checksum mismatch). Restore the file and put the change in a new migration.`,
              },
              details: { migration: key, recorded, found: file.checksum },
            });
          }
          alreadyApplied++;
          continue;
        }
        for (const statement of file.statements) await tx.execute(sql.raw(statement));
        await tx.execute(sql`INSERT INTO sifa_migrations (source, tag, checksum) VALUES (${file.source}, ${file.tag}, ${file.checksum})`);
        applied.push(key);
      }
      if (options.dryRun) {
        await options.dryRun(tx as unknown as SifaDb);
        throw new RolledBack();
      }
    });
  } catch (error) {
    if (!(error instanceof RolledBack)) throw error;
  }
  return { applied, alreadyApplied };
}
