/**
 * Cross-office and cross-county isolation of the casework engine, on both engines: every
 * procedure (type, list, get, open, transition) and both attachment routes, called by another
 * office of the same county and by another county (its admin and its office) with the id of an
 * office's case, answer as if the case did not exist (NOT_FOUND, the same answer as for an id
 * nobody has) or OUT_OF_SCOPE for an org outside the caller's area, and write nothing.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { rowsOf } from '@sifa/core/db';
import { rawFetch, sifaErrorOf, startTestServer, type TestServerOf, type TestUserName } from '@sifa/server/testing';
import { casebookPlugin } from './fixtures/casebook/plugin.js';

const plugins = [casebookPlugin] as const;
let t: TestServerOf<typeof plugins>;
const fields = {
  parties: [{ role: 'applicant', name: '赵六', phone: '13700001111' }],
  category: 'family',
  summary: '赡养纠纷',
  source: 'walk-in',
};
let caseId = '';
let sha256 = '';

beforeAll(async () => {
  t = await startTestServer({ plugins });
  const xitun = (await t.client('xitun', { locale: 'en' })).casebook.cases;
  const opened = await xitun.open.mutate({ fields });
  caseId = opened.id;
  const uploaded = await rawFetch(`${t.url}/plugins/casebook/cases/${caseId}/attachments?name=a.txt`, {
    method: 'POST',
    headers: { authorization: `Bearer ${await t.tokenOf('xitun')}` },
    body: Buffer.from('赡养协议草稿'),
  });
  sha256 = uploaded.json.sha256;
});
afterAll(() => t?.close());

/** Rows of every table a refused call could have written. */
async function written() {
  const [row] = rowsOf<Record<string, number>>(
    await t.db.handle.db.execute(sql`SELECT
      (SELECT count(*) FROM cases)::int AS cases, (SELECT count(*) FROM case_events)::int AS events,
      (SELECT count(*) FROM case_counters)::int AS counters, (SELECT max(revision) FROM cases)::int AS revision,
      (SELECT count(*) FROM case_files)::int AS files, (SELECT count(*) FROM case_attachments)::int AS attachments,
      (SELECT count(*) FROM facts)::int AS facts, (SELECT count(*) FROM documents)::int AS documents,
      (SELECT count(*) FROM audit_log)::int AS audit`),
  );
  return row!;
}

const others: { who: TestUserName; relation: string }[] = [
  { who: 'sanzhongjie', relation: 'another office of the same county' },
  { who: 'zhenxing', relation: "another county's office" },
  { who: 'songshan', relation: "another county's admin" },
];

describe.each(others)('$relation ($who)', ({ who }) => {
  it('sees the case type but no case of the office, in lists or by id', async () => {
    const cases = (await t.client(who, { locale: 'en' })).casebook.cases;
    expect((await cases.type.query()).code).toBe('casebook.case');
    const list = await cases.list.query({ limit: 200 });
    expect(list.rows.map((r) => r.id)).not.toContain(caseId);
    expect(await sifaErrorOf(cases.list.query({ orgCode: '150402001' }))).toMatchObject({ data: { sifaCode: 'OUT_OF_SCOPE' } });
    const missing = await sifaErrorOf(cases.get.query({ id: caseId }));
    const nobody = await sifaErrorOf(cases.get.query({ id: randomUUID() }));
    expect(missing.data).toMatchObject({ sifaCode: 'NOT_FOUND', details: { caseId } });
    // The same answer as for an id nobody has: the case's existence does not leak.
    expect(missing.message).toBe(nobody.message);
  });

  it('can neither open nor import a case into the office nor take a step on its case; nothing is written', async () => {
    const before = await written();
    const cases = (await t.client(who, { locale: 'en' })).casebook.cases;
    expect(await sifaErrorOf(cases.open.mutate({ orgCode: '150402001', fields }))).toMatchObject({ data: { sifaCode: 'OUT_OF_SCOPE', details: { orgCode: '150402001' } } });
    // An import naming the office anywhere in the batch is refused whole (its own office's cases too).
    const own = { on: '2026-01-05', fields };
    const mixed = cases.import.mutate({ cases: [own, { ...own, orgCode: '150402001' }] });
    expect(await sifaErrorOf(mixed)).toMatchObject({ data: { sifaCode: 'OUT_OF_SCOPE', details: { orgCode: '150402001' } } });
    for (const transition of ['investigate', 'reclassify', 'withdraw', 'conclude']) {
      const error = await sifaErrorOf(cases.transition.mutate({ id: caseId, revision: 1, transition, fields: { note: 'x', category: 'debt', reason: 'x', outcome: 'agreed' } }));
      // Refused before the step, its permission or its roles are looked at: the case is not there for the caller.
      expect(error.data).toMatchObject({ sifaCode: 'NOT_FOUND', details: { caseId } });
    }
    expect(await written()).toEqual(before);
  });

  it('can neither upload to nor download from the case; nothing is written', async () => {
    const before = await written();
    const token = await t.tokenOf(who);
    const up = await rawFetch(`${t.url}/plugins/casebook/cases/${caseId}/attachments?name=x.txt`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: Buffer.from('插入材料') });
    expect(up.status).toBe(404);
    expect(up.json.error.data.sifaCode).toBe('NOT_FOUND');
    const down = await rawFetch(`${t.url}/plugins/casebook/cases/${caseId}/attachments/${sha256}`, { headers: { authorization: `Bearer ${token}` } });
    expect(down.status).toBe(404);
    expect(down.text).not.toContain('赡养');
    expect(await written()).toEqual(before);
  });
});

describe('the office itself and the county above it', () => {
  it('reach the case (the county masked) and the attachment', async () => {
    for (const who of ['xitun', 'hongshan', 'city'] as const) {
      const file = await (await t.client(who, { locale: 'en' })).casebook.cases.get.query({ id: caseId });
      expect(file.masked).toBe(who !== 'xitun');
      const down = await rawFetch(`${t.url}/plugins/casebook/cases/${caseId}/attachments/${sha256}`, { headers: { authorization: `Bearer ${await t.tokenOf(who)}` } });
      expect(down.status).toBe(200);
      expect(down.text).toBe('赡养协议草稿');
    }
  });

  it('refuses the routes without signing in, before reading the body', async () => {
    const up = await rawFetch(`${t.url}/plugins/casebook/cases/${caseId}/attachments?name=x.txt`, { method: 'POST', body: Buffer.from('x') });
    expect(up.status).toBe(401);
    const down = await rawFetch(`${t.url}/plugins/casebook/cases/${caseId}/attachments/${sha256}`);
    expect(down.status).toBe(401);
  });
});
