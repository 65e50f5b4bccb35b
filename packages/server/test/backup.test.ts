/**
 * The restore drill, on the engine of the run (PGlite folder / PostgreSQL database): a server with
 * the org tree, the diary and the casework fixture takes writes (diary entries, a case with sealed
 * personal data, an uploaded attachment, an issued document); it stops; `sifa backup` writes the
 * file; `sifa restore` puts it into a new target (a PostgreSQL database it creates / a missing
 * folder), refuses it a second time, takes it with --force; a server started on the restored
 * database serves the same rows, the same attachment and document bytes, the case's personal data
 * (the field key came along on PGlite), and `sifa audit verify` passes with the same head hash.
 * The typed refusals: an existing file, a missing file, the other engine, a damaged file, no
 * pg_dump. Fixed clock (Tuesday 10 March 2026), never the machine's date.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { sql } from 'drizzle-orm';
import { createTRPCClient, httpLink } from '@trpc/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '@sifa/core/db';
import type { AppRouterOf } from '@sifa/server';
import { adminUrl, createCliDatabase, engine, memoryLogger, rawFetch, runCli, testFieldKey, type CliDatabase } from '@sifa/server/testing';
import { createDiaryPlugin } from '@sifa/plugin-diary/server';
import { createSifaServer } from '../src/server.js';
import { seedOrgTree } from '../src/seed/orgs.js';
import { verifyAuditChain } from '../src/audit/log.js';
import { aesGcmFieldCipher } from '../src/casework/cipher.js';
import { openDatabase, type DatabaseConfig } from '../src/db/engine.js';
import { readBackupHeader } from '../src/backup/index.js';
import { casebookPlugin } from './fixtures/casebook/plugin.js';

const plugins = [createDiaryPlugin(), casebookPlugin] as const;
type Router = AppRouterOf<typeof plugins>;
const config = ['--config', 'packages/server/test/fixtures/backup/sifa.config.ts'];

/** Tuesday 10 March 2026, 10:00 in China, one second on per reading. */
const clockStart = Date.parse('2026-03-10T02:00:00Z');
let ticks = 0;
const now = () => new Date(clockStart + ++ticks * 1000);
const cliClock = { SIFA_NOW: '2026-03-10T11:00:00+08:00' };

/** PGlite keeps its generated key in the data folder (so the backup must carry it); PostgreSQL needs one given. */
const fieldCipher = engine === 'postgres' ? { fieldCipher: aesGcmFieldCipher(testFieldKey) } : {};
const password = 'Backup-Passw0rd!';
const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\n'), randomBytes(4096), Buffer.from('\ntrailer<<>>\n%%EOF\n')]);

const mainTables = ['orgs', 'users', 'sessions', 'audit_log', 'facts', 'diary_entries', 'cases', 'case_events', 'case_files', 'case_attachments', 'documents', 'sifa_migrations'];

async function countsOf(config: DatabaseConfig): Promise<Record<string, number>> {
  const handle = await openDatabase(config);
  try {
    const rows = rowsOf<{ name: string; n: number }>(
      await handle.db.execute(sql.raw(mainTables.map((t) => `SELECT '${t}' AS name, count(*)::int AS n FROM ${t}`).join(' UNION ALL '))),
    );
    return Object.fromEntries(rows.map((r) => [r.name, r.n]));
  } finally {
    await handle.close();
  }
}

async function docxDigest(config: DatabaseConfig, id: string): Promise<string> {
  const handle = await openDatabase(config);
  try {
    const [row] = rowsOf<{ docx: Uint8Array }>(await handle.db.execute(sql`SELECT docx FROM documents WHERE id = ${id}`));
    return createHash('sha256').update(row!.docx).digest('hex');
  } finally {
    await handle.close();
  }
}

async function startOn(database: DatabaseConfig) {
  const server = await createSifaServer({ database, plugins, logger: memoryLogger().logger, now, jobs: { schedule: false }, port: 0, ...fieldCipher });
  const url = await server.listen();
  const client = (token?: string) =>
    createTRPCClient<Router>({ links: [httpLink({ url: `${url}/trpc`, headers: () => ({ ...(token ? { authorization: `Bearer ${token}` } : {}), 'x-sifa-locale': 'en' }) })] });
  const { token } = await client().platform.auth.login.mutate({ username: 'b.xitun', password });
  return { server, url, token, xitun: client(token) };
}

async function postgresDatabaseExists(name: string): Promise<boolean> {
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    return (await admin`SELECT 1 FROM pg_database WHERE datname = ${name}`).length > 0;
  } finally {
    await admin.end();
  }
}

/** A PostgreSQL database name nobody made: the restore creates it. */
const freshName = () => `sifa_test_${randomBytes(6).toString('hex')}`;

describe(`backup and restore (${engine})`, () => {
  const work = mkdtempSync(join(tmpdir(), 'sifa-backup-test-'));
  const file = join(work, 'drill.sifa-backup');
  let source: CliDatabase;
  let target: { config: DatabaseConfig; env: Record<string, string>; drop(): Promise<void> };
  const written = { caseId: '', caseNumber: '', documentId: '', downloadPath: '', audit: { entries: 0, head: '' }, counts: {} as Record<string, number>, docx: '' };

  beforeAll(async () => {
    source = await createCliDatabase();
    const first = await createSifaServer({ database: source.config, plugins, logger: memoryLogger().logger, now, jobs: { schedule: false }, ...fieldCipher });
    try {
      await seedOrgTree(first.database.db);
      await first.auth.createUser({ username: 'b.xitun', displayName: '备份演练', role: 'office_staff', orgCode: '150402001', password });
    } finally {
      await first.close();
    }
    const { server, url, token, xitun } = await startOn(source.config);
    try {
      for (const [day, cases] of [['2026-03-02', 2], ['2026-03-03', 1], ['2026-03-09', 4]] as const) {
        await xitun.diary.save.mutate({
          idempotencyKey: randomUUID(),
          day,
          itemCode: 'diary.mediation',
          fields: { disputeType: 'neighbourhood', caseSource: 'application', cases, agreements: cases, parties: cases * 2, summary: '邻里排水纠纷' },
        });
      }
      const opened = await xitun.casebook.cases.open.mutate({
        fields: {
          parties: [
            { role: 'applicant', name: '张三', idNumber: '150402198001011232', phone: '13812345678', address: '内蒙古赤峰市红山区西屯街道幸福路1号' },
            { role: 'respondent', name: '李四', phone: '0476-8888888' },
          ],
          category: 'neighbour',
          amount: 5000,
          summary: '相邻通行纠纷',
          contactPhone: '13900001111',
          source: 'walk-in',
        },
      });
      const uploaded = await rawFetch(`${url}/plugins/casebook/cases/${opened.id}/attachments?name=${encodeURIComponent('调解申请书.pdf')}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream', 'x-sifa-locale': 'en' },
        body: pdf,
      });
      expect(uploaded.status).toBe(201);
      await xitun.casebook.cases.transition.mutate({ id: opened.id, revision: 1, transition: 'investigate', fields: { note: '现场查看' } });
      const signatures = ['party-0', 'party-1', 'mediator'].map((signer) => ({ signer, signedOn: '2026-03-10' }));
      const done = await xitun.casebook.cases.transition.mutate({ id: opened.id, revision: 2, transition: 'conclude', fields: { outcome: 'agreed', signatures } });
      Object.assign(written, {
        caseId: opened.id,
        caseNumber: opened.number,
        documentId: done.events.at(-1)!.documentId!,
        downloadPath: (uploaded.json as { downloadPath: string }).downloadPath,
      });
      const audit = await verifyAuditChain(server.database.db);
      if (!audit.ok) throw new Error('the source audit chain is broken');
      written.audit = { entries: audit.entries, head: audit.head };
    } finally {
      await server.close();
    }
    written.counts = await countsOf(source.config);
    written.docx = await docxDigest(source.config, written.documentId);
    if (engine === 'pglite') {
      const dataDir = join(work, 'restored', 'data');
      target = { config: { engine: 'pglite', dataDir }, env: { SIFA_DATA_DIR: dataDir }, drop: async () => {} };
    } else {
      const name = freshName();
      const url = adminUrl.replace(/\/[^/]*$/, `/${name}`);
      target = {
        config: { engine: 'postgres', url, maxConnections: 2 },
        env: { DATABASE_URL: url },
        async drop() {
          const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
          try {
            await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
          } finally {
            await admin.end();
          }
        },
      };
    }
  }, 180_000);

  afterAll(async () => {
    await source?.drop();
    await target?.drop();
    rmSync(work, { recursive: true, force: true });
  });

  it('writes the backup with the engine, migration level and row counts in its header', async () => {
    expect(written.counts).toMatchObject({ diary_entries: 3, cases: 1, case_attachments: 1, case_files: 1 });
    expect(written.counts.documents).toBeGreaterThanOrEqual(1);
    const backup = await runCli(['backup', file, ...config], { ...source.env, ...cliClock });
    expect(backup.stderr).toBe('');
    expect(backup.code).toBe(0);
    expect(backup.stdout).toContain(`Backed up ${engine === 'pglite' ? 'PGlite' : 'PostgreSQL'} `);
    expect(backup.stdout).toMatch(/: [\d.]+ (KiB|MiB) in [\d.]+ s\./);
    expect(backup.stdout).toContain(`diary_entries 3`);
    expect(backup.stdout).toContain(engine === 'pglite' ? "field key (field-key" : 'Not inside: SIFA_FIELD_KEY');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const { meta } = await readBackupHeader(file);
    expect(meta).toMatchObject({ engine, payload: engine === 'pglite' ? 'pglite-datadir-tar-gzip' : 'pg_dump-custom', schema: 'public' });
    // The CLI's clock (SIFA_NOW), never the machine's date.
    expect(meta.createdAt).toMatch(/^2026-03-10T03:00:0\d\.\d{3}Z$/);
    expect(meta.migrations).toContain('platform/0000_roles');
    expect(meta.migrations).toContain('diary/0000_diary_entries');
    for (const table of mainTables) expect(meta.counts[table], table).toBe(written.counts[table]);
    // The payload is the engine's own format, right after the two header lines.
    const bytes = readFileSync(file);
    const payload = bytes.subarray(bytes.indexOf(0x0a, bytes.indexOf(0x0a) + 1) + 1);
    expect(engine === 'pglite' ? [...payload.subarray(0, 2)] : payload.subarray(0, 5).toString('latin1')).toEqual(engine === 'pglite' ? [0x1f, 0x8b] : 'PGDMP');
  }, 120_000);

  it('refuses, with a message naming what to do: an existing file, a missing file, the other engine, a damaged file', async () => {
    const again = await runCli(['backup', file, ...config], { ...source.env, ...cliClock });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already exists and was left as it is');
    expect(again.stderr).toContain('--force');

    const missing = await runCli(['restore', join(work, 'nope.backup'), ...config], target.env);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain(`The backup file ${join(work, 'nope.backup')} does not exist`);
    expect(missing.stderr).toContain('找不到备份文件');

    // The other engine's settings: refused from the header, before anything is opened (port 1: nothing listens there).
    const otherEnv: Record<string, string> = engine === 'pglite' ? { DATABASE_URL: 'postgres://postgres@127.0.0.1:1/never' } : { SIFA_DATA_DIR: join(work, 'other-engine') };
    const mismatch = await runCli(['restore', file, ...config], otherEnv);
    expect(mismatch.code).toBe(1);
    expect(mismatch.stderr).toContain(`This backup was made on ${engine === 'pglite' ? 'PGlite (embedded)' : 'PostgreSQL'}`);
    expect(mismatch.stderr).toContain(engine === 'pglite' ? 'unset DATABASE_URL and set SIFA_DATA_DIR to a new folder' : 'set DATABASE_URL to a new PostgreSQL database');
    expect(existsSync(join(work, 'other-engine'))).toBe(false);

    const damaged = join(work, 'damaged.sifa-backup');
    const bytes = readFileSync(file);
    writeFileSync(damaged, bytes.subarray(0, bytes.length - 100));
    const refused = await runCli(['restore', damaged, ...config], target.env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('is damaged or incomplete');
    expect(refused.stderr).toContain('Nothing was restored');
    // Not touched: no folder made, no database created.
    if (target.config.engine === 'pglite') expect(existsSync(target.config.dataDir)).toBe(false);
    else expect(await postgresDatabaseExists(new URL(target.config.url).pathname.slice(1))).toBe(false);

    const bare = join(work, 'bare.tar.gz');
    writeFileSync(bare, Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0]));
    const notOurs = await runCli(['restore', bare, ...config], target.env);
    expect(notOurs.code).toBe(1);
    expect(notOurs.stderr).toContain('is not a Sifa backup (a bare gzip file)');
  }, 120_000);

  it.runIf(engine === 'postgres')('names the package to install when pg_dump is missing', async () => {
    const result = await runCli(['backup', join(work, 'never.sifa-backup'), ...config], { ...source.env, SIFA_PG_BIN_DIR: join(work, 'no-bin') });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`pg_dump was not found in SIFA_PG_BIN_DIR=${join(work, 'no-bin')}`);
    expect(result.stderr).toContain('apt-get install postgresql-client');
    expect(existsSync(join(work, 'never.sifa-backup'))).toBe(false);
  }, 60_000);

  it('restores into a new target, checks rows and migrations, refuses it again without --force, takes it with --force', async () => {
    const restored = await runCli(['restore', file, ...config], { ...target.env, ...cliClock });
    expect(restored.stderr).toBe('');
    expect(restored.code).toBe(0);
    expect(restored.stdout).toContain('Every table holds the rows the backup counted.');
    expect(restored.stdout).toContain('Database up to date with the installed code: no pending migration, no schema drift.');
    expect(restored.stdout).toMatch(/: [\d.]+ (KiB|MiB) in [\d.]+ s\./);
    if (engine === 'postgres') expect(restored.stdout).toContain('(database created)');
    else expect(restored.stdout).toContain('The field key (field-key) came back with the folder.');

    const again = await runCli(['restore', file, ...config], { ...target.env, ...cliClock });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('is not empty');
    expect(again.stderr).toContain('--force');

    const forced = await runCli(['restore', file, '--force', ...config], { ...target.env, ...cliClock });
    expect(forced.stderr).toBe('');
    expect(forced.code).toBe(0);
    if (target.config.engine === 'pglite') {
      const kept = /The folder that was there is kept as (.+)\.\n/.exec(forced.stdout)?.[1];
      expect(kept).toMatch(/\/restored\/data\.before-restore-2026-03-10T03-00-0\d-\d{3}Z$/);
      const aside = kept!;
      expect(readdirSync(aside)).toContain('PG_VERSION');
      rmSync(aside, { recursive: true, force: true });
      expect(statSync(join(target.config.dataDir, 'field-key')).mode & 0o777).toBe(0o600);
    } else {
      expect(forced.stdout).toMatch(/--force: dropped schema public of the target with its \d+ objects\./);
    }
    expect(forced.stdout).toContain('Every table holds the rows the backup counted.');
  }, 180_000);

  it('verifies the audit chain and serves the same rows, attachment, document and case on the restored database', async () => {
    // Before any sign-in (sign-ins are audited): the same chain, the same head.
    const verify = await runCli(['audit', 'verify', ...config], { ...target.env, ...cliClock });
    expect(verify.stderr).toBe('');
    expect(verify.code).toBe(0);
    expect(verify.stdout).toContain(`Audit log intact: ${written.audit.entries} entries verified in `);
    // The root over every chain's head: what verify computed on the source (and the anchors came along, owned as before).
    expect(verify.stdout).toContain(`Root hash ${written.audit.head}`);
    const restored = await openDatabase(target.config);
    try {
      const [own] = rowsOf<{ owner: string }>(await restored.db.execute(sql`SELECT tableowner AS owner FROM pg_tables WHERE tablename = 'audit_anchors'`));
      expect(own).toEqual({ owner: 'sifa_audit' });
    } finally {
      await restored.close();
    }
    expect(await countsOf(target.config)).toEqual(written.counts);
    expect(await docxDigest(target.config, written.documentId)).toBe(written.docx);
    const { server, url, token, xitun } = await startOn(target.config);
    try {
      const served = await fetch(`${url}${written.downloadPath}`, { headers: { authorization: `Bearer ${token}` } });
      expect(served.status).toBe(200);
      expect(Buffer.from(await served.arrayBuffer()).equals(pdf)).toBe(true);
      // The owning office reads the sealed parties: on PGlite with the key that came back in the folder.
      const file = await xitun.casebook.cases.get.query({ id: written.caseId });
      expect(file).toMatchObject({ number: written.caseNumber, state: 'concluded', masked: false });
      expect(JSON.stringify(file)).toContain('张三');
      const document = await xitun.platform.documents.get.query({ id: written.documentId });
      expect(document).toMatchObject({ template: 'casebook.decision', issuerOrgCode: '150402001' });
    } finally {
      await server.close();
    }
  }, 120_000);
});
