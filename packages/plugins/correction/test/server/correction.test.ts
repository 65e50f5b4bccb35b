/**
 * The correction plugin through the real HTTP server and its typed client (`@sifa/server/testing`),
 * on the engine of the run: the server suite runs every file on PGlite and on PostgreSQL. The
 * migrations build the table the code describes, records are stored with their facts, bad input
 * and missing permissions are refused, and a record's receipt is issued as a numbered document.
 */
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import { sifaErrorOf, startTestServer, testYear, type TestServerOf } from '@sifa/server/testing';
import type { CorrectionApi, CorrectionRecord } from '../../src/index.js';
import { createCorrectionPlugin } from '../../src/server/index.js';

const plugins = [createCorrectionPlugin()] as const;
let t: TestServerOf<typeof plugins>;

beforeAll(async () => {
  t = await startTestServer({ plugins });
});
afterAll(() => t?.close());

describe('correction', () => {
  it('starts with the table its migrations build (no schema drift)', () => {
    expect(t.server.drift).toEqual([]);
    expect(t.server.composition.plugins.map((p) => p.manifest.id)).toContain('correction');
  });

  it('serves the types its common entry declares', () => {
    expectTypeOf<CorrectionApi['correction.list']['output']>().toEqualTypeOf<CorrectionRecord[]>();
    expectTypeOf<CorrectionApi['correction.create']['input']>().toEqualTypeOf<{ orgCode: string; title: string; day: string; people: number }>();
  });

  it('stores a record of an office, lists it and records its facts', async () => {
    const xitun = await t.client('xitun');
    const created = await xitun.correction.create.mutate({ orgCode: '150402001', title: '测试记录', day: '2026-03-02', people: 3 });
    expect(created).toMatchObject({ orgCode: '150402001', title: '测试记录', day: '2026-03-02', people: 3 });
    expect(await xitun.correction.list.query({})).toContainEqual(created);

    const facts = await xitun.platform.facts.query.query({ metrics: ['correction.records', 'correction.people'], from: '2026-03-02', to: '2026-03-02' });
    expect(facts.rows).toEqual([
      { key: '', metric: 'correction.people', value: 3 },
      { key: '', metric: 'correction.records', value: 1 },
    ]);
    // The county sees its offices' figures, office by office.
    const county = await (await t.client('hongshan')).platform.facts.query.query({ metrics: ['correction.people'], from: '2026-03-02', to: '2026-03-02', groupBy: 'child' });
    expect(county.rows).toEqual([{ key: '150402001', metric: 'correction.people', value: 3 }]);
  });

  it('refuses bad input, naming the field', async () => {
    const xitun = await t.client('xitun');
    const error = await sifaErrorOf(xitun.correction.create.mutate({ orgCode: '150402001', title: ' ', day: '2026-02-30', people: -1 }));
    expect(error.data.sifaCode).toBe('VALIDATION_FAILED');
    expect(error.data.issues.map((i) => i.path).sort()).toEqual(['day', 'people', 'title']);
  });

  it('refuses callers without the permission, and anonymous ones', async () => {
    // The city administrator may read but not record (see the manifest's permissions).
    const city = await t.client('city');
    expect(await city.correction.list.query({})).toEqual(expect.any(Array));
    expect((await sifaErrorOf(city.correction.create.mutate({ orgCode: '150402001', title: 'x', day: '2026-03-03', people: 1 }))).data.sifaCode).toBe('FORBIDDEN');
    expect((await sifaErrorOf((await t.client()).correction.list.query({}))).data.sifaCode).toBe('UNAUTHENTICATED');
  });

  it('issues a record\'s receipt as a numbered document, in the caller\'s name', async () => {
    const xitun = await t.client('xitun');
    const record = await xitun.correction.create.mutate({ orgCode: '150402001', title: '回执测试', day: '2026-03-04', people: 2 });
    const document = await xitun.correction.issueReceipt.mutate({ id: record.id });
    expect(document).toMatchObject({ template: 'correction.receipt', title: '关于“回执测试”的登记回执', issuerOrgCode: '150402001', subjectOrgCode: '150402001', entity: { kind: 'correction.record', id: record.id } });
    // 文号: the issuer's mark, the year by the server's clock, a number.
    expect(document.number).toContain(`〔${testYear()}〕`);
    expect(await xitun.platform.documents.get.query({ id: document.id })).toEqual(document);
  });
});
