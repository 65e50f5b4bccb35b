/**
 * Subtree scoping: an office sees and changes only its own data, a county only its offices,
 * through every kind of procedure (lists, writes, aggregates), and row-level security holds
 * even when a procedure forgets the app-level predicate.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { caseworkPlugin } from './fixtures/casework/plugin.js';
import { createTestDatabase, sifaErrorOf, startTestServer, testUsers, type TestServer } from '@sifa/server/testing';
import { createLogger, createSifaServer, type AppRouterOf } from '@sifa/server';

type Router = AppRouterOf<[typeof caseworkPlugin]>;
let t: TestServer<Router>;

beforeAll(async () => {
  t = await startTestServer({ plugins: [caseworkPlugin] as const });
  const xitun = await t.client('xitun');
  const sanzhongjie = await t.client('sanzhongjie');
  const zhenxing = await t.client('zhenxing');
  await xitun.casework.open.mutate({ orgCode: '150402001', title: 'A1', openedOn: '2026-03-02', people: 3 });
  await xitun.casework.open.mutate({ orgCode: '150402001', title: 'A2', openedOn: '2026-03-09', people: 2 });
  await sanzhongjie.casework.open.mutate({ orgCode: '150402002', title: 'B1', openedOn: '2026-03-05', people: 7 });
  await zhenxing.casework.open.mutate({ orgCode: '150404001', title: 'S1', openedOn: '2026-04-01', people: 11 });
});
afterAll(() => t?.close());

describe('an office user', () => {
  it('lists only its own office rows', async () => {
    const rows = await (await t.client('xitun')).casework.list.query({});
    expect(rows.map((r) => r.title)).toEqual(['A1', 'A2']);
  });

  it('cannot read another office by naming it', async () => {
    const err = await sifaErrorOf((await t.client('xitun')).casework.list.query({ orgCode: '150402002' }));
    expect(err.data.sifaCode).toBe('OUT_OF_SCOPE');
    expect(err.data.httpStatus).toBe(403);
    expect(err.message).toContain('150402002');
  });

  it('cannot read its county or another county', async () => {
    for (const orgCode of ['150402', '150404', '150404001', '1504']) {
      const err = await sifaErrorOf((await t.client('xitun')).casework.list.query({ orgCode }));
      expect(err.data.sifaCode).toBe('OUT_OF_SCOPE');
    }
  });

  it('cannot write into another office, and nothing is written', async () => {
    const client = await t.client('xitun');
    const err = await sifaErrorOf(client.casework.open.mutate({ orgCode: '150404001', title: 'X', openedOn: '2026-03-02', people: 1 }));
    expect(err.data.sifaCode).toBe('OUT_OF_SCOPE');
    const all = await (await t.client('city')).casework.list.query({});
    expect(all.map((r) => r.title)).not.toContain('X');
  });

  it('cannot change another office row by id: it does not exist for them', async () => {
    const city = await t.client('city');
    const b1 = (await city.casework.list.query({})).find((r) => r.title === 'B1')!;
    const err = await sifaErrorOf((await t.client('xitun')).casework.rename.mutate({ id: b1.id, title: 'hijacked' }));
    expect(err.data.sifaCode).toBe('NOT_FOUND');
    expect((await city.casework.list.query({})).find((r) => r.id === b1.id)!.title).toBe('B1');
  });

  it('cannot aggregate facts outside its office', async () => {
    const client = await t.client('xitun');
    const err = await sifaErrorOf(
      client.platform.facts.query.query({ metrics: ['casework.people-served'], orgCode: '150402', from: '2026-01-01', to: '2026-12-31', groupBy: 'child' }),
    );
    expect(err.data.sifaCode).toBe('OUT_OF_SCOPE');
    const own = await client.platform.facts.query.query({ metrics: ['casework.people-served'], from: '2026-01-01', to: '2026-12-31' });
    expect(own.rows).toEqual([{ key: '', metric: 'casework.people-served', value: 5 }]);
  });
});

describe('a county admin', () => {
  it('sees exactly its offices, no other county', async () => {
    const rows = await (await t.client('hongshan')).casework.list.query({});
    expect(rows.map((r) => r.title).sort()).toEqual(['A1', 'A2', 'B1']);
    const songshan = await (await t.client('songshan')).casework.list.query({});
    expect(songshan.map((r) => r.title)).toEqual(['S1']);
  });

  it('drills down by office over its own subtree only', async () => {
    const result = await (await t.client('hongshan')).platform.facts.query.query({
      metrics: ['casework.people-served', 'casework.cases-opened'],
      from: '2026-01-01',
      to: '2026-12-31',
      groupBy: 'child',
    });
    expect(result.orgCode).toBe('150402');
    expect(result.rows).toEqual([
      { key: '150402001', metric: 'casework.cases-opened', value: 2 },
      { key: '150402001', metric: 'casework.people-served', value: 5 },
      { key: '150402002', metric: 'casework.cases-opened', value: 1 },
      { key: '150402002', metric: 'casework.people-served', value: 7 },
    ]);
  });

  it('is refused another county by code', async () => {
    const err = await sifaErrorOf((await t.client('hongshan')).casework.list.query({ orgCode: '150404' }));
    expect(err.data.sifaCode).toBe('OUT_OF_SCOPE');
  });
});

describe('row-level security (the second wall)', () => {
  it('limits a procedure that forgot the app-level predicate', async () => {
    const rows = await (await t.client('xitun')).casework.listWithoutAppScope.query();
    expect(rows.map((r) => r.title)).toEqual(['A1', 'A2']);
    const county = await (await t.client('songshan')).casework.listWithoutAppScope.query();
    expect(county.map((r) => r.title)).toEqual(['S1']);
  });

  it('blocks raw cross-subtree reads and writes inside a scoped transaction', async () => {
    const actor = {
      userId: 'raw',
      username: 'raw',
      displayName: 'raw',
      role: 'office_staff' as const,
      scope: { orgCode: '150402001', orgPath: '/15/1504/150402/150402001/' },
      permissions: new Set<string>(),
      via: 'session' as const,
    };
    const seen = await t.server.runScoped(actor, async ({ db }) => {
      const facts = (await db.execute(sql`SELECT DISTINCT org_code FROM facts`)) as unknown;
      const cases = (await db.execute(sql`SELECT title FROM casework_cases`)) as unknown;
      const rows = (r: unknown) => (Array.isArray(r) ? r : (r as { rows: unknown[] }).rows) as Record<string, string>[];
      return { facts: rows(facts).map((r) => r.org_code), cases: rows(cases).map((r) => r.title).sort() };
    });
    expect(seen).toEqual({ facts: ['150402001'], cases: ['A1', 'A2'] });
    const insert = await t.server
      .runScoped(actor, ({ db }) =>
        db.execute(sql`INSERT INTO casework_cases (org_code, org_path, title, opened_on) VALUES ('150404001', '/15/1504/150404/150404001/', 'sneaky', '2026-01-01')`),
      )
      .then(
        () => null,
        (error: Error & { cause?: Error }) => error.cause?.message ?? error.message,
      );
    expect(insert).toMatch(/row-level security/i);
    const updated = await t.server.runScoped(actor, async ({ db }) => {
      const r = (await db.execute(sql`UPDATE casework_cases SET title = 'overwritten' WHERE title = 'S1' RETURNING id`)) as unknown;
      return (Array.isArray(r) ? r : (r as { rows: unknown[] }).rows).length;
    });
    expect(updated).toBe(0);
  });

  it('shows nothing when no scope is set', async () => {
    const count = await t.server.database.db.transaction(async (tx) => {
      await tx.execute(sql`SELECT set_config('role', 'sifa_app', true)`);
      const r = (await tx.execute(sql`SELECT count(*)::int AS n FROM casework_cases`)) as unknown;
      return ((Array.isArray(r) ? r : (r as { rows: { n: number }[] }).rows) as { n: number }[])[0]!.n;
    });
    expect(count).toBe(0);
  });
});

it('test users cover every level the suite relies on', () => {
  expect(Object.values(testUsers).map((u) => u.role)).toEqual(expect.arrayContaining(['city_admin', 'county_admin', 'office_staff']));
});

describe('public reads (publishable key)', () => {
  it("see exactly the key's subtree, with no app-level predicate", async () => {
    expect(await t.publicClient(await t.publishableKey('150402')).casework.publicTitles.query()).toEqual(['A1', 'A2', 'B1']);
    expect(await t.publicClient(await t.publishableKey('150404001')).casework.publicTitles.query()).toEqual(['S1']);
    expect(await t.publicClient(await t.publishableKey('1504')).casework.publicTitles.query()).toEqual(['A1', 'A2', 'B1', 'S1']);
  });

  it("use a signed-in caller's own scope when no key is presented", async () => {
    expect(await (await t.client('sanzhongjie')).casework.publicTitles.query()).toEqual(['B1']);
  });

  it("use the key's subtree for a signed-in caller who presents one (the portal's public data)", async () => {
    const key = await t.publishableKey('150402');
    expect(await (await t.client('sanzhongjie', { headers: { 'x-sifa-key': key } })).casework.publicTitles.query()).toEqual(['A1', 'A2', 'B1']);
  });

  it('are refused without a key, saying how to get one', async () => {
    const err = await sifaErrorOf((await t.client()).casework.publicTitles.query());
    expect(err.data.sifaCode).toBe('UNAUTHENTICATED');
    expect(err.message).toContain('data-sifa-key');
  });

  it('are refused with a revoked or forged key', async () => {
    const err = await sifaErrorOf(t.publicClient('pk_forged0000000000000000000000').casework.publicTitles.query());
    expect(['UNAUTHENTICATED', 'FORBIDDEN']).toContain(err.data.sifaCode);
  });

  it('cannot write: the transaction is read only, and nothing is written', async () => {
    const err = await sifaErrorOf(t.publicClient(await t.publishableKey('150402')).casework.publicWriteAttempt.mutate());
    expect(err.data.sifaCode).toBe('INTERNAL');
    expect(err.message).not.toMatch(/read-only|casework_cases|INSERT/i);
    expect(await (await t.client('city')).casework.list.query({})).not.toContainEqual(expect.objectContaining({ title: 'sneaky' }));
  });
});

describe('tenant security at start', () => {
  it('forces RLS and grants again on an org-owned table where they were removed', async () => {
    const db = await createTestDatabase();
    try {
      const logger = createLogger({ level: 'silent' });
      const first = await createSifaServer({ plugins: [caseworkPlugin], database: db.handle, port: 0, logger });
      await first.close();
      await db.handle.db.execute(sql`ALTER TABLE casework_cases NO FORCE ROW LEVEL SECURITY`);
      await db.handle.db.execute(sql`REVOKE ALL ON casework_cases FROM sifa_app`);
      const second = await createSifaServer({ plugins: [caseworkPlugin], database: db.handle, port: 0, logger });
      const state = (await db.handle.db.execute(
        sql`SELECT relforcerowsecurity AS forced, has_table_privilege('sifa_app', oid, 'SELECT, INSERT, UPDATE, DELETE') AS granted FROM pg_class WHERE relname = 'casework_cases'`,
      )) as unknown;
      const rows = (Array.isArray(state) ? state : (state as { rows: unknown[] }).rows) as { forced: boolean; granted: boolean }[];
      expect(rows).toEqual([{ forced: true, granted: true }]);
      await second.close();
    } finally {
      await db.drop();
    }
  });
});
