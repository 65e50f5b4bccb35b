/**
 * The backup file: two text lines, then the engine's own payload.
 *
 *   SIFA-BACKUP 1\n
 *   {"engine":"postgres","payload":"pg_dump-custom",…,"payloadBytes":…,"payloadSha256":"…"}\n
 *   <payload: a pg_dump custom-format archive, or PGlite's data-folder tarball (tar.gz)>
 *
 * The header says which engine made the file (a restore refuses the other engine before touching
 * anything), the migration level and the row count of every table (checked after the restore),
 * and the payload's size and SHA-256 (a truncated or damaged file is refused before the target is
 * touched). The payload is the native format unchanged: `tail -n +3 file > payload` gives a file
 * pg_restore or PGlite's `loadDataDir` reads without Sifa.
 */
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { open, rename, rm, stat } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';
import { z } from 'zod';
import { BackupError } from './errors.js';

export const backupMagic = 'SIFA-BACKUP 1';

const backupMetaSchema = z.object({
  engine: z.enum(['pglite', 'postgres']),
  payload: z.enum(['pg_dump-custom', 'pglite-datadir-tar-gzip']),
  createdAt: z.string(),
  /** @sifa/server's version that wrote the file. */
  sifaServer: z.string(),
  /** PostgreSQL's server_version of the source (PGlite: the PostgreSQL inside it). */
  postgres: z.string(),
  /** Where it came from, without secrets (folder, or host:port/database). */
  source: z.string(),
  /** The tool that wrote the payload (`pg_dump (PostgreSQL) 15.20`, `PGlite dumpDataDir`). */
  tool: z.string(),
  /** PostgreSQL: the schema dumped (the server's tables, functions, policies, migrations journal). */
  schema: z.string(),
  /** The applied migrations (`sifa_migrations`: `<source>/<tag>`), sorted. */
  migrations: z.array(z.string()),
  /** Rows of every table of the schema at the instant of the backup. */
  counts: z.record(z.string(), z.number().int().nonnegative()),
  payloadBytes: z.number().int().nonnegative(),
  payloadSha256: z.string().regex(/^[0-9a-f]{64}$/),
});

export type BackupMeta = z.infer<typeof backupMetaSchema>;

export interface BackupHeader {
  meta: BackupMeta;
  /** Byte offset of the payload in the file. */
  payloadOffset: number;
}

const fileMissing = (file: string, cause?: unknown) =>
  new BackupError(
    'file-missing',
    {
      zh: `找不到备份文件 ${file}（或无法读取）。请检查路径和权限。`,
      en: `The backup file ${file} does not exist or cannot be read. Check the path and its permissions.`,
    },
    { cause },
  );

const notABackup = (file: string, why: string) =>
  new BackupError('not-a-backup', {
    zh: `${file} 不是 Sifa 备份文件（${why}）。请指定 \`sifa backup\` 写出的文件。`,
    en: `${file} is not a Sifa backup (${why}). Name a file written by \`sifa backup\`.`,
  });

/** SHA-256 and size of a stream. */
async function digestOf(stream: Readable): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of stream) {
    hash.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
  }
  return { sha256: hash.digest('hex'), bytes };
}

/** Refuses to overwrite an existing file unless `force`. */
export async function assertWritable(file: string, force: boolean): Promise<void> {
  const existing = await stat(file).catch(() => null);
  if (existing && !force) {
    throw new BackupError('file-exists', {
      zh: `${file} 已存在，未覆盖。请换一个文件名（例如带上日期），或加 --force 覆盖。`,
      en: `${file} already exists and was left as it is. Choose another name (e.g. with the date in it) or pass --force to overwrite it.`,
    });
  }
}

/**
 * Writes header + payload to `file` (mode 0600: it holds every record, personal data included),
 * through a temporary file renamed at the end, so a failed backup never leaves a half file
 * under the name.
 */
export async function writeBackupFile(
  file: string,
  meta: Omit<BackupMeta, 'payloadBytes' | 'payloadSha256'>,
  payload: { path: string } | { bytes: Uint8Array },
): Promise<BackupMeta> {
  const { sha256, bytes } =
    'bytes' in payload
      ? { sha256: createHash('sha256').update(payload.bytes).digest('hex'), bytes: payload.bytes.length }
      : await digestOf(createReadStream(payload.path));
  const full: BackupMeta = { ...meta, payloadBytes: bytes, payloadSha256: sha256 };
  const partial = `${file}.partial-${process.pid}`;
  try {
    const out = createWriteStream(partial, { mode: 0o600 });
    out.write(`${backupMagic}\n${JSON.stringify(full)}\n`);
    if ('bytes' in payload) {
      await new Promise<void>((resolve, reject) => {
        out.once('error', reject);
        out.end(payload.bytes, () => resolve());
      });
    } else {
      await pipeline(createReadStream(payload.path), out);
    }
    await rename(partial, file);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
  return full;
}

/** Reads and checks the header (not the payload: see `verifyPayload`). */
export async function readBackupHeader(file: string): Promise<BackupHeader> {
  let handle;
  try {
    handle = await open(file, 'r');
  } catch (error) {
    throw fileMissing(file, error);
  }
  try {
    // The header is small (a few KiB: the counts of some hundred tables at most).
    const buffer = Buffer.alloc(1024 * 1024);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    const head = buffer.subarray(0, bytesRead);
    const first = head.indexOf(0x0a);
    if (first < 0 || head.subarray(0, first).toString('latin1') !== backupMagic) {
      const start = head.subarray(0, 5).toString('latin1');
      throw notABackup(file, start === 'PGDMP' ? 'a bare pg_dump archive: restore it with pg_restore' : head[0] === 0x1f && head[1] === 0x8b ? 'a bare gzip file' : `it does not start with "${backupMagic}"`);
    }
    const second = head.indexOf(0x0a, first + 1);
    if (second < 0) throw notABackup(file, 'its header line is cut off');
    let meta: BackupMeta;
    try {
      meta = backupMetaSchema.parse(JSON.parse(head.subarray(first + 1, second).toString('utf8')));
    } catch (error) {
      throw notABackup(file, `its header cannot be read: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    }
    return { meta, payloadOffset: second + 1 };
  } finally {
    await handle.close();
  }
}

/** The payload as a stream (from the byte after the header). */
export function payloadStream(file: string, header: BackupHeader): Readable {
  return createReadStream(file, { start: header.payloadOffset });
}

/** Refuses a payload whose size or SHA-256 differs from the header's (before the target is touched). */
export async function verifyPayload(file: string, header: BackupHeader): Promise<void> {
  const { sha256, bytes } = await digestOf(payloadStream(file, header));
  if (bytes !== header.meta.payloadBytes || sha256 !== header.meta.payloadSha256) {
    throw new BackupError('file-damaged', {
      zh: `备份文件 ${file} 已损坏或不完整（应为 ${header.meta.payloadBytes} 字节，实为 ${bytes} 字节；校验和${sha256 === header.meta.payloadSha256 ? '相符' : '不符'}）。未做任何恢复。请改用另一份备份。`,
      en: `The backup file ${file} is damaged or incomplete (payload ${bytes} bytes, the header says ${header.meta.payloadBytes}; SHA-256 ${sha256 === header.meta.payloadSha256 ? 'matches' : 'differs'}). Nothing was restored. Use another copy.`,
    });
  }
}
