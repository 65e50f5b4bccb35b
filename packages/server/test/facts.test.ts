/** The facts API: replacement per source, validation, and every grouping of the query. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseworkPlugin } from './fixtures/casework/plugin.js';
import { sifaErrorOf, startTestServer, type TestServer } from '@sifa/server/testing';
import type { AppRouterOf } from '@sifa/server';

let t: TestServer<AppRouterOf<[typeof caseworkPlugin]>>;

beforeAll(async () => {
  t = await startTestServer({ plugins: [caseworkPlugin] as const });
  const city = await t.client('city');
  await city.platform.facts.record.mutate({
    batchId: 'import-1',
    facts: [
      { orgCode: '150402001', day: '2026-01-31', metric: 'casework.people-served', value: 4 },
      { orgCode: '150402001', day: '2026-02-01', metric: 'casework.people-served', value: 6 },
      { orgCode: '150402002', day: '2026-02-01', metric: 'casework.people-served', value: 10 },
      { orgCode: '150404001', day: '2026-02-15', metric: 'casework.people-served', value: 100 },
      { orgCode: '150402', day: '2026-02-02', metric: 'casework.people-served', value: 1 },
      { orgCode: '150402001', day: '2026-02-01', metric: 'casework.longest-hearing', value: 45 },
      { orgCode: '150402002', day: '2026-02-03', metric: 'casework.longest-hearing', value: 90 },
    ],
  });
});
afterAll(() => t?.close());

const period = { from: '2026-01-01', to: '2026-12-31' };

describe('platform.facts.query', () => {
  it('totals a subtree, using each metric\'s aggregation', async () => {
    const r = await (await t.client('hongshan')).platform.facts.query.query({ metrics: ['casework.people-served', 'casework.longest-hearing'], ...period });
    expect(r.rows).toEqual([
      { key: '', metric: 'casework.longest-hearing', value: 90 },
      { key: '', metric: 'casework.people-served', value: 21 },
    ]);
  });

  it('groups by child org from any root, leaving out facts of the root itself', async () => {
    const city = await t.client('city');
    const byCounty = await city.platform.facts.query.query({ metrics: ['casework.people-served'], ...period, groupBy: 'child' });
    expect(byCounty.rows).toEqual([
      { key: '150402', metric: 'casework.people-served', value: 21 },
      { key: '150404', metric: 'casework.people-served', value: 100 },
    ]);
    const byOffice = await city.platform.facts.query.query({ metrics: ['casework.people-served'], orgCode: '150402', ...period, groupBy: 'child' });
    expect(byOffice.rows).toEqual([
      { key: '150402001', metric: 'casework.people-served', value: 10 },
      { key: '150402002', metric: 'casework.people-served', value: 10 },
    ]);
  });

  it('groups by org, day and month, and honours the period bounds', async () => {
    const city = await t.client('city');
    const byMonth = await city.platform.facts.query.query({ metrics: ['casework.people-served'], ...period, groupBy: 'month' });
    expect(byMonth.rows).toEqual([
      { key: '2026-01', metric: 'casework.people-served', value: 4 },
      { key: '2026-02', metric: 'casework.people-served', value: 117 },
    ]);
    const byDay = await city.platform.facts.query.query({ metrics: ['casework.people-served'], from: '2026-02-01', to: '2026-02-02', groupBy: 'day' });
    expect(byDay.rows).toEqual([
      { key: '2026-02-01', metric: 'casework.people-served', value: 16 },
      { key: '2026-02-02', metric: 'casework.people-served', value: 1 },
    ]);
    const byOrg = await city.platform.facts.query.query({ metrics: ['casework.people-served'], orgCode: '150402', ...period, groupBy: 'org' });
    expect(byOrg.rows.map((r) => [r.key, r.value])).toEqual([
      ['150402', 1],
      ['150402001', 10],
      ['150402002', 10],
    ]);
  });

  it('groups by org and day (or month) at once: which office recorded what when', async () => {
    const county = await t.client('hongshan');
    const byOrgMonth = await county.platform.facts.query.query({ metrics: ['casework.people-served'], ...period, groupBy: 'org-month' });
    const byOrg = await county.platform.facts.query.query({ metrics: ['casework.people-served'], ...period, groupBy: 'org' });
    const byOrgDay = await county.platform.facts.query.query({ metrics: ['casework.people-served'], ...period, groupBy: 'org-day' });
    for (const grouped of [byOrgMonth, byOrgDay]) {
      expect(grouped.rows.every((r) => /^\d{6,9}\|\d{4}-\d\d(-\d\d)?$/.test(r.key))).toBe(true);
      // Summed over the second key, both give back the per-org totals.
      const perOrg = new Map<string, number>();
      for (const r of grouped.rows) perOrg.set(r.key.split('|')[0]!, (perOrg.get(r.key.split('|')[0]!) ?? 0) + r.value);
      expect([...perOrg].sort()).toEqual(byOrg.rows.map((r) => [r.key, r.value]));
    }
    expect(byOrgDay.rows.length).toBeGreaterThanOrEqual(byOrgMonth.rows.length);
  });

  it('refuses unknown metrics and reversed periods with field issues', async () => {
    const city = await t.client('city');
    const unknown = await sifaErrorOf(city.platform.facts.query.query({ metrics: ['casework.nope'], ...period }));
    expect(unknown.data.sifaCode).toBe('VALIDATION_FAILED');
    expect(unknown.message).toContain('casework.nope');
    const reversed = await sifaErrorOf(city.platform.facts.query.query({ metrics: ['casework.people-served'], from: '2026-05-01', to: '2026-04-01' }));
    expect(reversed.data.issues).toEqual([{ path: 'to', message: '"from" must not be after "to".' }]);
  });
});

describe('recording facts', () => {
  it('replaces what a source said before instead of adding to it', async () => {
    const county = await t.client('songshan');
    const query = () => county.platform.facts.query.query({ metrics: ['casework.people-served'], ...period });
    await county.platform.facts.record.mutate({ batchId: 'songshan-1', facts: [{ orgCode: '150404001', day: '2026-03-01', metric: 'casework.people-served', value: 5 }] });
    expect((await query()).rows[0]!.value).toBe(105);
    await county.platform.facts.record.mutate({ batchId: 'songshan-1', facts: [{ orgCode: '150404001', day: '2026-03-01', metric: 'casework.people-served', value: 7 }] });
    expect((await query()).rows[0]!.value).toBe(107);
    await county.platform.facts.record.mutate({ batchId: 'songshan-1', facts: [] });
    expect((await query()).rows[0]!.value).toBe(100);
  });

  it('keeps records of plugins and their facts in one transaction', async () => {
    const office = await t.client('xitun');
    await office.casework.open.mutate({ orgCode: '150402001', title: 'visit', openedOn: '2026-06-01', people: 3 });
    const r = await office.platform.facts.query.query({ metrics: ['casework.cases-opened'], from: '2026-06-01', to: '2026-06-30' });
    expect(r.rows).toEqual([{ key: '', metric: 'casework.cases-opened', value: 1 }]);
    // Out of scope: the case and its facts are both refused.
    const err = await sifaErrorOf(office.casework.open.mutate({ orgCode: '150402002', title: 'no', openedOn: '2026-06-02', people: 1 }));
    expect(err.data.sifaCode).toBe('OUT_OF_SCOPE');
    const after = await (await t.client('hongshan')).platform.facts.query.query({ metrics: ['casework.cases-opened'], from: '2026-06-01', to: '2026-06-30' });
    expect(after.rows).toEqual([{ key: '', metric: 'casework.cases-opened', value: 1 }]);
  });

  it('is not open to office staff for raw integration batches', async () => {
    const err = await sifaErrorOf((await t.client('xitun')).platform.facts.record.mutate({ batchId: 'x', facts: [] }));
    expect(err.data.sifaCode).toBe('FORBIDDEN');
    expect(err.data.details).toEqual({ permission: 'platform.facts.write' });
  });
});
