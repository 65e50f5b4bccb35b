/**
 * F9 (issue 20): the audit log's blind spots, as an attacker with the database owner's rights
 * (superuser: triggers switched off) would use them, on both engines.
 * - removing the newest entries of a chain: the anchors (another role's append-only table) are
 *   ahead of it, and a root anchor over every chain's head still names the removed head;
 * - changing a diary entry or a case record directly (trigger on or off), inserting or deleting
 *   one: each is named (table, row) because its row hash no longer matches its last audit entry;
 * - the chains are per office subtree: an append of one office (of the same county or another)
 *   commits while another office's transaction holds its chain (PostgreSQL; PGlite has one
 *   connection).
 * Each tampering runs in a transaction that is rolled back, so the tests stay independent.
 */
import { randomUUID } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import postgres from 'postgres';
import { sql } from 'drizzle-orm';
import type { SifaDb } from '@sifa/core';
import { rowsOf } from '@sifa/core/db';
import { createDiaryPlugin } from '@sifa/plugin-diary/server';
import { anchorAuditRoot, migrate, verifyAuditChain, type AuditVerification } from '@sifa/server';
import { createTestDatabase, engine, startTestServer, type TestServerOf } from '@sifa/server/testing';
import { casebookPlugin } from '../fixtures/casebook/plugin.js';

const plugins = [createDiaryPlugin(), casebookPlugin] as const;
let t: TestServerOf<typeof plugins>;
const owner = (): SifaDb => t.db.handle.db;
/** The chains of 西屯司法所 (红山区) and of an office of 松山区. */
const hongshan = '/15/1504/150402/150402001/';
const songshan = '/15/1504/150404/150404001/';

let entryId: string;
let caseId: string;

const zhang = { role: 'applicant', name: '张三', idNumber: '150402198001011232', phone: '13812345678', address: '内蒙古赤峰市红山区西屯街道幸福路1号' };
const li = { role: 'respondent', name: '李四', phone: '0476-8888888' };

beforeAll(async () => {
  t = await startTestServer({ plugins, now: () => new Date('2026-03-10T04:00:00Z') });
  const xitun = await t.client('xitun');
  const entry = await xitun.diary.save.mutate({ idempotencyKey: randomUUID(), day: '2026-03-02', itemCode: 'diary.consultation', fields: { channel: 'visit', consultations: 2 } });
  entryId = entry.id;
  await xitun.diary.update.mutate({ id: entryId, fields: { channel: 'visit', consultations: 3 } });
  const removed = await xitun.diary.save.mutate({ idempotencyKey: randomUUID(), day: '2026-03-03', itemCode: 'diary.consultation', fields: { channel: 'phone', consultations: 1 } });
  await xitun.diary.remove.mutate({ id: removed.id });
  const opened = await xitun.casebook.cases.open.mutate({
    fields: { parties: [zhang, li], category: 'neighbour', amount: 5000, summary: '相邻通行纠纷', contactPhone: '13900001111', source: 'walk-in' },
  });
  caseId = opened.id;
  await xitun.casebook.cases.transition.mutate({ id: caseId, revision: 1, transition: 'investigate', fields: { note: '走访双方' } });
  // An office of another county writes too: a second chain with entries of its own.
  await (await t.client('zhenxing')).diary.save.mutate({ idempotencyKey: randomUUID(), day: '2026-03-02', itemCode: 'diary.consultation', fields: { channel: 'visit', consultations: 1 } });
}, 120_000);
afterAll(() => t?.close());

class Rollback extends Error {}

/** Tampers as the owner inside a transaction (triggers off where needed), verifies there, rolls back. */
async function verifyTampered(work: (tx: SifaDb) => Promise<unknown>): Promise<AuditVerification> {
  let result: AuditVerification | undefined;
  await owner()
    .transaction(async (tx) => {
      await work(tx);
      result = await verifyAuditChain(tx);
      throw new Rollback();
    })
    .catch((error: unknown) => {
      if (!(error instanceof Rollback)) throw error;
    });
  return result!;
}

const problemsOf = (result: AuditVerification) => (result.ok ? [] : result.problems);

async function chainLength(chain: string): Promise<number> {
  const [row] = rowsOf<{ n: string | number }>(await owner().execute(sql`SELECT count(*) AS n FROM audit_log WHERE chain = ${chain}`));
  return Number(row!.n);
}

/** Removes the newest `n` entries of a chain, as a superuser would (the append-only trigger off). */
const truncate = (chain: string, n: number) => async (tx: SifaDb) => {
  await tx.execute(sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_immutable`);
  await tx.execute(sql`DELETE FROM audit_log WHERE seq IN (SELECT seq FROM audit_log WHERE chain = ${chain} ORDER BY chain_seq DESC LIMIT ${n})`);
  await tx.execute(sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_immutable`);
};

describe('truncation of the newest entries', () => {
  it('the intact log verifies, with several chains and every audited row checked', async () => {
    const result = await verifyAuditChain(owner());
    expect(result).toMatchObject({ ok: true });
    expect(result.chains.map((c) => c.chain)).toEqual(expect.arrayContaining([hongshan, songshan]));
    // The live diary entries (2) and the case: checked against their last entries.
    expect(result.rows).toBe(3);
  });

  it.each([1, 3])('reports the newest %i entries of an office chain removed', async (n) => {
    const length = await chainLength(hongshan);
    expect(length).toBeGreaterThan(3);
    const result = await verifyTampered(truncate(hongshan, n));
    expect(result.ok).toBe(false);
    const truncated = problemsOf(result).filter((p) => p.kind === 'truncated');
    expect(truncated).toHaveLength(1);
    expect(truncated[0]).toMatchObject({ chain: hongshan });
    expect(truncated[0]!.message).toContain(`anchored at ${length} entries`);
    expect(truncated[0]!.message).toContain(`holds ${length - n}`);
    // The other office's chain is untouched and not reported.
    expect(problemsOf(result).some((p) => p.chain === songshan)).toBe(false);
  });

  it('reports a whole chain removed', async () => {
    const result = await verifyTampered(truncate(songshan, 1000));
    expect(problemsOf(result)).toContainEqual(expect.objectContaining({ kind: 'truncated', chain: songshan }));
  });

  it('a root anchor (the hourly platform job) still catches it when the chain anchors are removed too', async () => {
    const run = await t.server.jobs.run('platform.audit-root-anchor');
    expect(run).toMatchObject({ status: 'succeeded', summary: expect.stringMatching(/^Root anchor [0-9a-f]{64}$/) });
    const result = await verifyTampered(async (tx) => {
      await truncate(hongshan, 2)(tx);
      await tx.execute(sql`ALTER TABLE audit_anchors DISABLE TRIGGER audit_anchors_immutable`);
      await tx.execute(sql`DELETE FROM audit_anchors WHERE chain = ${hongshan}`);
      await tx.execute(sql`ALTER TABLE audit_anchors ENABLE TRIGGER audit_anchors_immutable`);
    });
    const problems = problemsOf(result);
    expect(problems.some((p) => p.kind === 'truncated')).toBe(false);
    expect(problems).toContainEqual(expect.objectContaining({ kind: 'root', chain: hongshan }));
    expect(problems.find((p) => p.kind === 'root')!.message).toMatch(/newest entries were removed/);
  });

  it('reports a root anchor whose listed heads were edited', async () => {
    await anchorAuditRoot(owner());
    const result = await verifyTampered(async (tx) => {
      await tx.execute(sql`ALTER TABLE audit_anchors DISABLE TRIGGER audit_anchors_immutable`);
      await tx.execute(sql`UPDATE audit_anchors SET heads = '[]'::jsonb WHERE chain = '*'`);
      await tx.execute(sql`ALTER TABLE audit_anchors ENABLE TRIGGER audit_anchors_immutable`);
    });
    expect(problemsOf(result)).toContainEqual(expect.objectContaining({ kind: 'root', message: expect.stringMatching(/does not match the heads/) }));
  });
});

describe('the anchors', () => {
  const failure = (promise: Promise<unknown>) =>
    promise.then(
      () => 'succeeded',
      (error: unknown) => {
        const parts: string[] = [];
        for (let e = error as { message?: string; cause?: unknown } | undefined; e; e = e.cause as typeof e) parts.push(String(e.message));
        return parts.join(' | ');
      },
    );
  const asApp = (statement: ReturnType<typeof sql>) =>
    owner().transaction(async (tx) => {
      await tx.execute(sql`SELECT set_config('sifa.scope', '/15/', true), set_config('role', 'sifa_app', true)`);
      return tx.execute(statement);
    });

  it('belong to another role and refuse UPDATE, DELETE and TRUNCATE, even for the owner of audit_log', async () => {
    const [own] = rowsOf<{ anchors: string; log: string; append: string }>(
      await owner().execute(sql`SELECT (SELECT tableowner FROM pg_tables WHERE tablename = 'audit_anchors') AS anchors,
        (SELECT tableowner FROM pg_tables WHERE tablename = 'audit_log') AS log,
        (SELECT pg_get_userbyid(proowner) FROM pg_proc WHERE proname = 'sifa_audit_append') AS append`),
    );
    expect(own).toMatchObject({ anchors: 'sifa_audit', append: 'sifa_audit' });
    expect(own!.log).not.toBe('sifa_audit');
    expect(await failure(owner().execute(sql`UPDATE audit_anchors SET entries = 1`))).toMatch(/append-only/);
    expect(await failure(owner().execute(sql`DELETE FROM audit_anchors`))).toMatch(/append-only/);
    expect(await failure(owner().execute(sql`TRUNCATE audit_anchors`))).toMatch(/append-only/);
  });

  it('are not writable by the application role except through sifa_audit_append', async () => {
    expect(await failure(asApp(sql`INSERT INTO audit_anchors (at, chain, entries, head) VALUES (now(), ${hongshan}, 1, 'x')`))).toMatch(/permission denied/);
    expect(await failure(asApp(sql`UPDATE audit_anchors SET entries = 1`))).toMatch(/permission denied/);
    expect(await failure(asApp(sql`DELETE FROM audit_anchors`))).toMatch(/permission denied/);
    const before = await chainLength(hongshan);
    await asApp(sql`SELECT sifa_audit_append('u1', 'office_staff', 'test.append', '/15/1504/150402/150402001/', '', '', '', '', '')`);
    const [anchor] = rowsOf<{ entries: string | number; head: string }>(
      await owner().execute(sql`SELECT entries, head FROM audit_anchors WHERE chain = ${hongshan} ORDER BY entries DESC LIMIT 1`),
    );
    const [head] = rowsOf<{ hash: string }>(await owner().execute(sql`SELECT hash FROM audit_log WHERE chain = ${hongshan} ORDER BY chain_seq DESC LIMIT 1`));
    expect(anchor).toMatchObject({ head: head!.hash });
    expect(Number(anchor!.entries)).toBe(before + 1);
    expect((await verifyAuditChain(owner())).ok).toBe(true);
  });
});

describe('rows changed outside the application', () => {
  const withTriggersOff = (table: string, statement: ReturnType<typeof sql>) => async (tx: SifaDb) => {
    await tx.execute(sql`ALTER TABLE ${sql.identifier(table)} DISABLE TRIGGER USER`);
    await tx.execute(statement);
    await tx.execute(sql`ALTER TABLE ${sql.identifier(table)} ENABLE TRIGGER USER`);
  };

  it.each([
    ['with its row-hash trigger on', (s: ReturnType<typeof sql>) => (tx: SifaDb) => tx.execute(s)],
    ['with its triggers off', (s: ReturnType<typeof sql>) => withTriggersOff('diary_entries', s)],
  ])('names a diary entry edited directly (%s)', async (_how, how) => {
    const result = await verifyTampered(how(sql`UPDATE diary_entries SET fields = jsonb_set(fields, '{consultations}', '30') WHERE id = ${entryId}`));
    expect(result.ok).toBe(false);
    const rows = problemsOf(result).filter((p) => p.kind === 'row');
    expect(rows).toEqual([expect.objectContaining({ table: 'diary_entries', rowId: entryId })]);
    expect(rows[0]!.message).toMatch(/differs from its last audit entry #\d+/);
    // Nothing else is wrong: the chains and anchors hold.
    expect(problemsOf(result)).toHaveLength(1);
  });

  it('names a diary entry changed with its triggers off (its row_hash column still shows the audited hash)', async () => {
    const result = await verifyTampered(
      withTriggersOff('diary_entries', sql`UPDATE diary_entries SET author_name = 'someone else' WHERE id = ${entryId}`),
    );
    expect(problemsOf(result)).toEqual([expect.objectContaining({ kind: 'row', table: 'diary_entries', rowId: entryId, message: expect.stringMatching(/trigger off/) })]);
  });

  it('names a case record edited directly', async () => {
    const result = await verifyTampered((tx) => tx.execute(sql`UPDATE cases SET state = 'closed', closed = true WHERE id = ${caseId}`));
    expect(problemsOf(result)).toEqual([expect.objectContaining({ kind: 'row', table: 'cases', rowId: caseId })]);
  });

  it('names a diary entry inserted or deleted directly', async () => {
    const inserted = randomUUID();
    const result = await verifyTampered(async (tx) => {
      await tx.execute(sql`INSERT INTO diary_entries (id, org_code, org_path, day, item_code, fields, author_id, author_name, idempotency_key, payload_hash, created_at, updated_at)
        SELECT ${inserted}, org_code, org_path, day, item_code, fields, author_id, author_name, gen_random_uuid(), payload_hash, created_at, updated_at FROM diary_entries WHERE id = ${entryId}`);
      await tx.execute(sql`DELETE FROM diary_entries WHERE id = ${entryId}`);
    });
    const rows = problemsOf(result).filter((p) => p.kind === 'row');
    expect(rows).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ table: 'diary_entries', rowId: inserted, message: expect.stringMatching(/no audit entry/) }),
        expect.objectContaining({ table: 'diary_entries', rowId: entryId, message: expect.stringMatching(/deleted outside the application/) }),
      ]),
    );
    expect(rows).toHaveLength(2);
  });

  it('reports a row-hash trigger dropped or switched off', async () => {
    const dropped = await verifyTampered((tx) => tx.execute(sql`DROP TRIGGER diary_entries_row_hash ON diary_entries`));
    expect(problemsOf(dropped)).toContainEqual(expect.objectContaining({ table: 'diary_entries', message: expect.stringMatching(/no row-hash trigger/) }));
    const off = await verifyTampered((tx) => tx.execute(sql`ALTER TABLE cases DISABLE TRIGGER cases_row_hash`));
    expect(problemsOf(off)).toContainEqual(expect.objectContaining({ table: 'cases', message: expect.stringMatching(/disabled/) }));
  });
});

describe('chains per office', () => {
  it.skipIf(engine !== 'postgres')("an append of another office (of the same county or another) commits while one office's transaction holds its chain; the same office waits", async () => {
    // PGlite has one connection: two transactions cannot be open at once there.
    const other = postgres(t.db.url!, { max: 2, onnotice: () => {} });
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let holding!: () => void;
    const isHolding = new Promise<void>((resolve) => (holding = resolve));
    try {
      const holder = other.begin(async (tx) => {
        await tx`SELECT sifa_audit_append('holder', 'office_staff', 'test.hold', '/15/1504/150402/150402001/', '', '', '', '', '')`;
        holding();
        await held;
      });
      await isHolding;
      // An office of 松山区 (another county) saves a diary entry through the server: its audit append commits now.
      // So does another office of 红山区 (the county of the held office).
      const saved = await (await t.client('zhenxing')).diary.save.mutate({ idempotencyKey: randomUUID(), day: '2026-03-04', itemCode: 'diary.consultation', fields: { channel: 'visit', consultations: 1 } });
      const [audited] = rowsOf<{ chain: string }>(await owner().execute(sql`SELECT chain FROM audit_log WHERE entity_id = ${saved.id} AND action = 'diary.entry.create'`));
      expect(audited).toEqual({ chain: songshan });
      await owner().transaction((tx) =>
        tx.execute(sql`SELECT sifa_audit_append('neighbour', 'office_staff', 'test.neighbour', '/15/1504/150402/150402002/', '', '', '', '', '')`),
      );
      expect(await chainLength('/15/1504/150402/150402002/')).toBe(1);

      // The held office (here for a village of it) waits for the holder: its append shows as a waiting advisory lock.
      const waiting = owner().transaction((tx) =>
        tx.execute(sql`SELECT sifa_audit_append('waiter', 'office_staff', 'test.wait', '/15/1504/150402/150402001/150402001201/', '', '', '', '', '')`),
      );
      let blocked = false;
      for (let i = 0; i < 600 && !blocked; i++) {
        const [row] = await other`SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`;
        blocked = row!.n > 0;
        if (!blocked) await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(blocked).toBe(true);
      release();
      await holder;
      await waiting;
      expect((await verifyAuditChain(owner())).ok).toBe(true);
    } finally {
      release();
      await other.end({ timeout: 5 });
    }
  }, 120_000);
});

describe('a log written before chains', () => {
  it('stays verifiable as its own chain after the upgrade, anchored, beside the new chains', async () => {
    const db = await createTestDatabase();
    const platform = fileURLToPath(new URL('../../migrations', import.meta.url));
    const before = mkdtempSync(join(tmpdir(), 'sifa-audit-upgrade-'));
    try {
      // The platform's migrations up to the last one before chains.
      cpSync(platform, before, { recursive: true });
      const journalFile = join(before, 'meta', '_journal.json');
      const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: { tag: string }[] };
      journal.entries = journal.entries.slice(0, journal.entries.findIndex((e) => e.tag === '0016_audit_role'));
      writeFileSync(journalFile, JSON.stringify(journal, null, 2));
      await migrate(db.handle.db, [{ source: 'platform', folder: before }]);
      for (const action of ['legacy.one', 'legacy.two', 'legacy.three']) {
        await db.handle.db.execute(sql`SELECT sifa_audit_append('u1', 'office_staff', ${action}, '/15/1504/150402/150402001/', '', '', '', '')`);
      }
      await migrate(db.handle.db, [{ source: 'platform', folder: platform }]);
      await db.handle.db.execute(sql`SELECT sifa_audit_append('u1', 'office_staff', 'chained', '/15/1504/150402/150402001/', '', '', '', '', '')`);

      const intact = await verifyAuditChain(db.handle.db);
      expect(intact).toMatchObject({ ok: true, entries: 4 });
      expect(intact.chains.map((c) => [c.chain, c.entries])).toEqual([['', 3], [hongshan, 1]]);
      // The old chain's newest entry removed: its anchor (written by the upgrade) is ahead of it.
      let truncated: AuditVerification | undefined;
      await db.handle.db
        .transaction(async (tx) => {
          await truncate('', 1)(tx);
          truncated = await verifyAuditChain(tx);
          throw new Rollback();
        })
        .catch((error: unknown) => {
          if (!(error instanceof Rollback)) throw error;
        });
      expect(problemsOf(truncated!)).toEqual([expect.objectContaining({ kind: 'truncated', chain: '' })]);
    } finally {
      rmSync(before, { recursive: true, force: true });
      await db.drop();
    }
  }, 120_000);
});
