/**
 * Cross-office isolation, on the engine of the run: office A (西屯, 150402001) cannot see, ask
 * for, record for or issue documents about office B's (三中街, 150402002) records, nor count its
 * facts; the county above both (红山区) sees both, and another county (松山区) neither. Row-level
 * security enforces it in the database itself, so it holds even for a query without a WHERE.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sifaErrorOf, startTestServer, wholeRegionReader, type TestServerOf } from '@sifa/server/testing';
import type { CorrectionRecord } from '../../src/index.js';
import { createCorrectionPlugin, correctionRecords } from '../../src/server/index.js';

const plugins = [createCorrectionPlugin()] as const;
let t: TestServerOf<typeof plugins>;
let a: CorrectionRecord;
let b: CorrectionRecord;

const day = '2026-04-01';

beforeAll(async () => {
  t = await startTestServer({ plugins });
  a = await (await t.client('xitun')).correction.create.mutate({ orgCode: '150402001', title: 'A 的记录', day, people: 1 });
  b = await (await t.client('sanzhongjie')).correction.create.mutate({ orgCode: '150402002', title: 'B 的记录', day, people: 10 });
});
afterAll(() => t?.close());

const ids = (records: CorrectionRecord[]) => records.map((r) => r.id).sort();

describe('cross-office isolation', () => {
  it('each office lists only its own records', async () => {
    expect(ids(await (await t.client('xitun')).correction.list.query({}))).toEqual([a.id]);
    expect(ids(await (await t.client('sanzhongjie')).correction.list.query({}))).toEqual([b.id]);
  });

  it('an office cannot ask for another office\'s records, record for it or issue about its records', async () => {
    const xitun = await t.client('xitun');
    expect((await sifaErrorOf(xitun.correction.list.query({ orgCode: '150402002' }))).data.sifaCode).toBe('OUT_OF_SCOPE');
    expect((await sifaErrorOf(xitun.correction.create.mutate({ orgCode: '150402002', title: '越权', day, people: 1 }))).data.sifaCode).toBe('OUT_OF_SCOPE');
    expect((await sifaErrorOf(xitun.correction.issueReceipt.mutate({ id: b.id }))).data.sifaCode).toBe('NOT_FOUND');
  });

  it('the county sees both of its offices; another county sees neither', async () => {
    expect(ids(await (await t.client('hongshan')).correction.list.query({}))).toEqual([a.id, b.id].sort());
    expect(ids(await (await t.client('hongshan')).correction.list.query({ orgCode: '150402002' }))).toEqual([b.id]);
    expect(await (await t.client('songshan')).correction.list.query({})).toEqual([]);
  });

  it('facts follow the same lines', async () => {
    const query = { metrics: ['correction.people'], from: day, to: day };
    expect((await (await t.client('xitun')).platform.facts.query.query(query)).rows).toEqual([{ key: '', metric: 'correction.people', value: 1 }]);
    expect((await (await t.client('hongshan')).platform.facts.query.query(query)).rows).toEqual([{ key: '', metric: 'correction.people', value: 11 }]);
    expect((await (await t.client('songshan')).platform.facts.query.query(query)).rows).toEqual([]);
  });

  it('row-level security holds for a query without any WHERE', async () => {
    const officeA = { ...wholeRegionReader, role: 'office_staff' as const, scope: { orgCode: '150402001', orgPath: '/15/1504/150402/150402001/' } };
    const rows = await t.server.runScoped(officeA, ({ db }) => db.select().from(correctionRecords));
    expect(rows.map((r) => r.id)).toEqual([a.id]);
  });
});
