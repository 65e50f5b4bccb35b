/**
 * The audit log: every mutation appends a hash-chained entry; the chain verifies; altering or
 * removing a row (as a database superuser would, trigger disabled) is reported at the right
 * entry, by the library and by `sifa audit verify`; the log cannot be changed with the trigger in
 * place, and the application role cannot write to it except through sifa_audit_append().
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { createRouter, definePlugin, defineServerPlugin, scopedProcedure, type Actor, type SifaDb } from '@sifa/core';
import {
  createSifaServer,
  digestOf,
  openDatabase,
  seedOrgTree,
  verifyAuditChain,
  auditChainOf,
  auditRootOf,
  type AppRouterOf,
  type DatabaseConfig,
} from '@sifa/server';
import { caseworkPlugin } from './fixtures/casework/plugin.js';
import { createCliDatabase, type CliDatabase, memoryLogger, runCli, sifaErrorOf, startTestServer, type TestServer } from '@sifa/server/testing';


/** A plugin whose mutation records nothing itself: the procedure middleware audits it. */
const notary = defineServerPlugin(
  definePlugin({
    id: 'notary',
    version: '1.0.0',
    core: '^0.1.0',
    title: { zh: '公证测试', en: 'Notary (test)' },
    permissions: [{ name: 'notary.stamp', title: { zh: '盖章', en: 'Stamp' }, roles: ['office_staff'] }],
  }),
  {
    router: createRouter({
      stamp: scopedProcedure('notary.stamp')
        .input(z.object({ document: z.string() }))
        .mutation(({ input }) => ({ stamped: input.document })),
    }),
  },
);

interface AuditRow {
  seq: number;
  actor_id: string;
  actor_role: string;
  action: string;
  scope_path: string;
  entity: string;
  entity_id: string;
  before_digest: string;
  after_digest: string;
  prev_hash: string;
  hash: string;
  chain: string;
  chain_seq: number;
  row_hash: string;
}

const rowsOf = <T>(r: unknown) => (Array.isArray(r) ? r : (r as { rows: T[] }).rows) as T[];

async function auditRows(db: SifaDb): Promise<AuditRow[]> {
  const rows = rowsOf<AuditRow>(
    await db.execute(sql`SELECT seq::int AS seq, actor_id, actor_role, action, scope_path, entity, entity_id, before_digest, after_digest, prev_hash, hash,
      chain, chain_seq::int AS chain_seq, row_hash
      FROM audit_log ORDER BY seq`),
  );
  return rows.map((r) => ({ ...r, seq: Number(r.seq), chain_seq: Number(r.chain_seq) }));
}

/** The entry after `row` in its own chain. */
async function nextInChain(db: SifaDb, row: AuditRow): Promise<AuditRow> {
  return (await auditRows(db)).find((r) => r.chain === row.chain && r.chain_seq === row.chain_seq + 1)!;
}

/** Each chain's head, as verify reports them. */
function headsOf(rows: AuditRow[]) {
  const heads = new Map<string, { chain: string; entries: number; head: string }>();
  for (const r of rows) {
    const h = heads.get(r.chain);
    if (!h || r.chain_seq > h.entries) heads.set(r.chain, { chain: r.chain, entries: r.chain_seq, head: r.hash });
  }
  return [...heads.values()];
}

/** Every message along an error's cause chain (drizzle wraps the driver's error). */
function errorText(error: unknown): string {
  const parts: string[] = [];
  for (let e = error as { message?: string; cause?: unknown } | undefined; e; e = e.cause as typeof e) parts.push(String(e.message));
  return parts.join(' | ');
}

async function failureOf(promise: Promise<unknown>): Promise<string> {
  return promise.then(
    () => {
      throw new Error('expected the statement to fail, but it succeeded');
    },
    (error: unknown) => errorText(error),
  );
}

/** What an attacker with superuser rights does: switch the trigger off, change rows, switch it back on. */
async function tamper(db: SifaDb, work: (tx: SifaDb) => Promise<unknown>) {
  await db.transaction(async (tx) => {
    await tx.execute(sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_immutable`);
    await work(tx);
    await tx.execute(sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_immutable`);
  });
}

class Rollback extends Error {}

/** Tampers inside a transaction, verifies there, and rolls everything back. */
async function verifyTampered(db: SifaDb, work: (tx: SifaDb) => Promise<unknown>) {
  let result: Awaited<ReturnType<typeof verifyAuditChain>> | undefined;
  await db
    .transaction(async (tx) => {
      await tx.execute(sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_immutable`);
      await work(tx);
      await tx.execute(sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_immutable`);
      result = await verifyAuditChain(tx);
      throw new Rollback();
    })
    .catch((error: unknown) => {
      if (!(error instanceof Rollback)) throw error;
    });
  return result!;
}

type Router = AppRouterOf<[typeof caseworkPlugin, typeof notary]>;
let t: TestServer<Router>;
let db: SifaDb;
let caseId: number;

beforeAll(async () => {
  t = await startTestServer({ plugins: [caseworkPlugin, notary] as const });
  db = t.server.database.db;
  const xitun = await t.client('xitun');
  caseId = (await xitun.casework.open.mutate({ orgCode: '150402001', title: 'Original', openedOn: '2026-03-02', people: 3 })).id;
  await xitun.casework.rename.mutate({ id: caseId, title: 'Renamed' });
  await xitun.notary.stamp.mutate({ document: 'contract-7' });
  // Sign-ins (audited) of a user of another county and of the city: chains of their own.
  await t.client('zhenxing');
  await t.client('city');
}, 120_000);
afterAll(() => t?.close());

describe('appending', () => {
  it('records every mutation, with before and after digests', async () => {
    const rows = await auditRows(db);
    const me = await (await t.client('xitun')).platform.auth.me.query();
    const open = rows.find((r) => r.action === 'casework.open')!;
    const rename = rows.find((r) => r.action === 'casework.rename')!;
    const stamp = rows.find((r) => r.action === 'notary.stamp')!;
    for (const entry of [open, rename, stamp]) {
      expect(entry).toMatchObject({ actor_id: me.userId, actor_role: 'office_staff', scope_path: '/15/1504/150402/150402001/' });
    }
    expect(open).toMatchObject({ entity: 'casework_cases', entity_id: String(caseId), before_digest: '' });
    expect(open.after_digest).toMatch(/^[0-9a-f]{64}$/);
    expect(rename).toMatchObject({ entity: 'casework_cases', entity_id: String(caseId) });
    expect(rename.before_digest).toMatch(/^[0-9a-f]{64}$/);
    expect(rename.after_digest).toMatch(/^[0-9a-f]{64}$/);
    expect(rename.before_digest).not.toBe(rename.after_digest);
    // What the rename found is exactly what the open created.
    expect(rename.before_digest).toBe(open.after_digest);
    expect(rename.seq).toBeGreaterThan(open.seq);
    // A mutation that records nothing itself is audited by the middleware, with its input.
    expect(stamp).toMatchObject({ before_digest: '', after_digest: digestOf({ document: 'contract-7' }) });
    // Sign-ins are audited too.
    expect(rows.some((r) => r.action === 'auth.login' && r.actor_id === me.userId)).toBe(true);
  });

  it('records nothing for a query or a refused mutation', async () => {
    const count = (await auditRows(db)).length;
    const xitun = await t.client('xitun');
    await xitun.casework.list.query({});
    const err = await sifaErrorOf(xitun.casework.open.mutate({ orgCode: '150404001', title: 'X', openedOn: '2026-03-02', people: 1 }));
    expect(err.data.sifaCode).toBe('OUT_OF_SCOPE');
    expect(await auditRows(db)).toHaveLength(count);
  });

  it('links every entry to the one before it in its chain (one chain per office subtree)', async () => {
    const rows = await auditRows(db);
    const chains = new Map<string, AuditRow[]>();
    for (const r of rows) chains.set(r.chain, [...(chains.get(r.chain) ?? []), r]);
    // Sign-ins of the city's user and of another county's office user, the office's writes: several chains.
    expect([...chains.keys()].sort()).toEqual(['/15/1504/', '/15/1504/150402/150402001/', '/15/1504/150404/150404001/']);
    expect(chains.get('/15/1504/150402/150402001/')!.map((r) => r.action)).toContain('casework.open');
    for (const [chain, entries] of chains) {
      entries.sort((a, b) => a.chain_seq - b.chain_seq);
      expect(entries[0]!.prev_hash).toBe('0'.repeat(64));
      for (let i = 1; i < entries.length; i++) expect(entries[i]!.prev_hash).toBe(entries[i - 1]!.hash);
      expect(entries.map((r) => r.chain_seq)).toEqual(entries.map((_, i) => i + 1));
      for (const r of entries) expect(auditChainOf(r.scope_path)).toBe(chain);
    }
  });
});

describe('verification', () => {
  it('verifies the intact chain, whatever the batch size', async () => {
    const rows = await auditRows(db);
    const n = rows.length;
    expect(n).toBeGreaterThan(3);
    const root = auditRootOf(headsOf(rows));
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, entries: n, head: root });
    expect(await verifyAuditChain(db, 2)).toMatchObject({ ok: true, entries: n, head: root });
  });

  it('reports an altered row at its seq', async () => {
    const rename = (await auditRows(db)).find((r) => r.action === 'casework.rename')!;
    const result = await verifyTampered(db, (tx) => tx.execute(sql`UPDATE audit_log SET after_digest = ${digestOf({ title: 'forged' })} WHERE seq = ${rename.seq}`));
    expect(result).toMatchObject({ ok: false, brokenAt: rename.seq });
    expect((result as { reason: string }).reason).toMatch(/altered/);
    // Rolled back: intact again.
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });

  it.each([
    ['actor_id', sql`actor_id = 'someone-else'`],
    ['action', sql`action = 'casework.list'`],
    ['time', sql`at = at - interval '1 day'`],
  ])('reports a change of %s', async (_field, change) => {
    const open = (await auditRows(db)).find((r) => r.action === 'casework.open')!;
    const result = await verifyTampered(db, (tx) => tx.execute(sql`UPDATE audit_log SET ${change} WHERE seq = ${open.seq}`));
    expect(result).toMatchObject({ ok: false, brokenAt: open.seq });
  });

  it('reports a re-hashed forged row at the next entry', async () => {
    const open = (await auditRows(db)).find((r) => r.action === 'casework.open')!;
    const result = await verifyTampered(db, (tx) =>
      tx.execute(sql`UPDATE audit_log SET actor_id = 'someone-else',
        hash = encode(sha256(convert_to(sifa_audit_chain_payload(seq, at, 'someone-else', actor_role, action, scope_path, entity, entity_id, before_digest, after_digest, prev_hash, chain, chain_seq, row_hash), 'UTF8')), 'hex')
        WHERE seq = ${open.seq}`),
    );
    expect(result).toMatchObject({ ok: false, brokenAt: (await nextInChain(db, open)).seq });
    expect((result as { reason: string }).reason).toMatch(/prev_hash/);
  });

  it('reports a deleted middle row at the entry after it', async () => {
    const open = (await auditRows(db)).find((r) => r.action === 'casework.open')!;
    const result = await verifyTampered(db, (tx) => tx.execute(sql`DELETE FROM audit_log WHERE seq = ${open.seq}`));
    expect(result).toMatchObject({ ok: false, brokenAt: (await nextInChain(db, open)).seq });
    expect((result as { reason: string }).reason).toMatch(/removed or altered/);
  });

  /** An office's entry written in its county's chain (before migration 0021), or in another county's. */
  const inCountyChain = (chain: string) => async (tx: SifaDb) => {
    await tx.execute(sql`INSERT INTO audit_log (at, actor_id, actor_role, action, scope_path, entity, entity_id, before_digest, after_digest, prev_hash, hash, chain, chain_seq, row_hash)
      VALUES (now(), 'u-old', 'office_staff', 'test.before-0021', '/15/1504/150402/150402001/', '', '', '', '', ${'0'.repeat(64)}, '', ${chain}, 1, '')`);
    await tx.execute(sql`UPDATE audit_log SET hash = encode(sha256(convert_to(sifa_audit_chain_payload(seq, at, actor_id, actor_role, action, scope_path,
      entity, entity_id, before_digest, after_digest, prev_hash, chain, chain_seq, row_hash), 'UTF8')), 'hex') WHERE action = 'test.before-0021'`);
  };

  it("accepts an office's entry in its county's chain (written before office chains), not in another county's", async () => {
    const old = await verifyTampered(db, inCountyChain('/15/1504/150402/'));
    expect(old, JSON.stringify(old)).toMatchObject({ ok: true });
    const moved = await verifyTampered(db, inCountyChain('/15/1504/150404/'));
    expect(moved).toMatchObject({ ok: false });
    expect((moved as { reason: string }).reason).toMatch(/belongs to \/15\/1504\/150402\/150402001\//);
  });

  it('reports a deleted first row of a chain', async () => {
    const first = (await auditRows(db)).find((r) => r.chain === '/15/1504/150402/150402001/' && r.chain_seq === 1)!;
    const result = await verifyTampered(db, (tx) => tx.execute(sql`DELETE FROM audit_log WHERE seq = ${first.seq}`));
    expect(result).toMatchObject({ ok: false, brokenAt: (await nextInChain(db, first)).seq });
  });
});

describe('immutability', () => {
  it('refuses UPDATE, DELETE and TRUNCATE while the triggers are on, even for the owner', async () => {
    const before = await auditRows(db);
    expect(await failureOf(db.execute(sql`UPDATE audit_log SET action = 'rewritten' WHERE seq = 2`))).toMatch(/append-only/);
    expect(await failureOf(db.execute(sql`DELETE FROM audit_log WHERE seq = 2`))).toMatch(/append-only/);
    expect(await failureOf(db.execute(sql`TRUNCATE audit_log`))).toMatch(/append-only/);
    expect(await auditRows(db)).toEqual(before);
  });

  const asApp = (work: (tx: SifaDb) => Promise<unknown>) =>
    db.transaction(async (tx) => {
      await tx.execute(sql`SET LOCAL ROLE sifa_app`);
      await tx.execute(sql`SELECT set_config('sifa.scope', '/15/', true)`);
      return work(tx);
    });

  it('denies the application role direct INSERT, UPDATE, DELETE and TRUNCATE', async () => {
    const before = await auditRows(db);
    const insert = sql`INSERT INTO audit_log (seq, at, actor_id, actor_role, action, scope_path, prev_hash, hash)
      VALUES (9999, now(), 'forger', 'city_admin', 'forged', '/15/', ${'0'.repeat(64)}, ${'f'.repeat(64)})`;
    expect(await failureOf(asApp((tx) => tx.execute(insert)))).toMatch(/permission denied/);
    expect(await failureOf(asApp((tx) => tx.execute(sql`UPDATE audit_log SET action = 'x'`)))).toMatch(/permission denied/);
    expect(await failureOf(asApp((tx) => tx.execute(sql`DELETE FROM audit_log`)))).toMatch(/permission denied/);
    expect(await failureOf(asApp((tx) => tx.execute(sql`TRUNCATE audit_log`)))).toMatch(/permission denied/);
    expect(await auditRows(db)).toEqual(before);
  });

  it('lets the application role append only through sifa_audit_append, keeping the chain valid', async () => {
    const before = (await auditRows(db)).length;
    await asApp((tx) => tx.execute(sql`SELECT sifa_audit_append('u1', 'office_staff', 'test.append', '/15/1504/150402/150402001/', '', '', '', '', '')`));
    const rows = await auditRows(db);
    expect(rows).toHaveLength(before + 1);
    const previous = rows.filter((r) => r.chain === '/15/1504/150402/150402001/').at(-2)!;
    expect(rows.at(-1)).toMatchObject({ action: 'test.append', chain: '/15/1504/150402/150402001/', chain_seq: previous.chain_seq + 1, prev_hash: previous.hash });
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, entries: before + 1, head: auditRootOf(headsOf(rows)) });
  });
});

describe('sifa audit verify (CLI)', () => {
  let cliDb: CliDatabase | null = null;
  let config: DatabaseConfig;
  let cliEnv: Record<string, string>;
  let entries: number;

  beforeAll(async () => {
    cliDb = await createCliDatabase();
    ({ config, env: cliEnv } = cliDb);
    const server = await createSifaServer({ database: config, plugins: [caseworkPlugin], logger: memoryLogger().logger });
    try {
      await seedOrgTree(server.database.db);
      const userId = await server.auth.createUser({ username: 'cli.xitun', displayName: 'cli', role: 'office_staff', orgCode: '150402001', password: 'Test-Passw0rd!' });
      await server.auth.login('cli.xitun', 'Test-Passw0rd!');
      const actor: Actor = {
        userId,
        username: 'cli.xitun',
        displayName: 'cli',
        role: 'office_staff',
        scope: { orgCode: '150402001', orgPath: '/15/1504/150402/150402001/' },
        permissions: new Set(['casework.write']),
        via: 'session',
      };
      for (const title of ['one', 'two', 'three']) {
        await server.runScoped(actor, (s) => s.audit.record({ action: 'casework.open', orgCode: '150402001', entity: 'casework_cases', entityId: title, after: { title } }));
      }
      entries = (await auditRows(server.database.db)).length;
    } finally {
      await server.close();
    }
  }, 120_000);

  afterAll(async () => {
    await cliDb?.drop();
  });

  it('exits 0 on an intact log and 1 with "BROKEN at entry #N" after tampering', async () => {
    const intact = await runCli(['audit', 'verify'], cliEnv);
    expect(intact.stderr).toBe('');
    expect(intact.code).toBe(0);
    expect(intact.stdout).toContain(`Audit log intact: ${entries} entries verified in `);

    // Tamper with entry #2, committed, as a superuser would.
    const handle = await openDatabase(config);
    try {
      await tamper(handle.db, (tx) => tx.execute(sql`UPDATE audit_log SET actor_id = 'someone-else' WHERE seq = 2`));
    } finally {
      await handle.close();
    }

    const broken = await runCli(['audit', 'verify'], cliEnv);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain('Audit log BROKEN at entry #2:');
    expect(broken.stderr).toContain('the row was altered');
  }, 120_000);
});
