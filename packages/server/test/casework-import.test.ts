/**
 * `cases.import`: cases with whole timelines in one call (an integrator moving an existing
 * system's files; the demo seed of every office), over HTTP on both engines with the test-only
 * case type of `fixtures/casebook`. An imported case must be indistinguishable from the same case
 * taken step by step (state, fields, timeline, deadlines, facts), be checked as strictly (one bad
 * case or step refuses the batch, naming it, and writes nothing), and stay in the caller's scope.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { CaseFile } from '@sifa/core';
import { rowsOf } from '@sifa/core/db';
import { demoYearStart } from '@sifa/server';
import { sifaErrorOf, startTestServer, type TestServerOf } from '@sifa/server/testing';
import { casebookPlugin } from './fixtures/casebook/plugin.js';

/** Wednesday 14 October 2026, 10:00 in China (after National Day). */
const clock = { now: new Date('2026-10-14T02:00:00Z') };
const plugins = [casebookPlugin] as const;
let t: TestServerOf<typeof plugins>;

beforeAll(async () => {
  t = await startTestServer({ plugins, now: () => clock.now });
});
afterAll(() => t?.close());

const client = async (user: 'xitun' | 'sanzhongjie' | 'hongshan' | 'songshan', locale = 'en') => (await t.client(user, { locale })).casebook.cases;
const rows = async <T>(query: ReturnType<typeof sql>) => rowsOf<T>(await t.db.handle.db.execute(query));
const count = async (table: 'cases' | 'case_events' | 'case_counters' | 'audit_log') => (await rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM ${sql.identifier(table)}`))[0]!.n;

const zhang = { role: 'applicant', name: '张三', idNumber: '150402198001011232', phone: '13812345678' };
const li = { role: 'respondent', name: '李四' };
const opening = (summary: string, extra: Record<string, unknown> = {}) => ({ parties: [zhang, li], category: 'neighbour', amount: 3000, summary, contactPhone: '13900001111', source: 'referral', ...extra });
const steps = [
  { transition: 'investigate', on: '2026-09-29', fields: { note: '走访双方' } },
  { transition: 'session', on: '2026-10-09', fields: { minutes: 40 } },
  { transition: 'conclude', on: '2026-10-12', fields: { outcome: 'agreed' } },
];

/** What two case files share when one was imported and the other taken step by step. */
const comparable = (file: CaseFile) => ({
  state: file.state,
  closed: file.closed,
  revision: file.revision,
  openedOn: file.openedOn,
  fields: file.fields,
  summary: file.summary,
  events: file.events.map((e) => ({ seq: e.seq, transition: e.transition, from: e.from, to: e.to, on: e.on, fields: e.fields })),
  deadlines: file.deadlines,
  next: file.next.map((n) => n.code),
});
const factsOf = (id: string) => rows<{ metric: string; value: number; day: string }>(sql`SELECT metric, value, day::text AS day FROM facts WHERE source_kind = 'casebook.case' AND source_id = ${id} ORDER BY metric, day`);

describe('importing cases with their timelines', () => {
  it('gives the same case file, deadlines and facts as taking the steps one by one, numbered by opening day', async () => {
    const cases = await client('xitun');
    // The same case, step by step ...
    clock.now = new Date('2026-09-28T02:00:00Z');
    let stepped = await cases.open.mutate({ on: '2026-09-28', fields: opening('同一案件') });
    for (const s of steps) {
      clock.now = new Date(`${s.on}T02:00:00Z`);
      stepped = await cases.transition.mutate({ id: stepped.id, revision: stepped.revision, ...s });
    }
    clock.now = new Date('2026-10-14T02:00:00Z');
    stepped = await cases.get.query({ id: stepped.id });

    // ... and imported with two others: one still open (its deadline running), one opened earlier.
    const before = await count('audit_log');
    const { imported } = await cases.import.mutate({
      cases: [
        { on: '2026-09-28', fields: opening('同一案件'), steps },
        { on: '2026-10-13', fields: opening('仍在办理', { category: 'family' }), steps: [{ transition: 'investigate', on: '2026-10-13', fields: { note: '约谈' } }] },
        { on: '2026-09-21', fields: opening('较早受理'), steps: [] },
      ],
    });
    expect(imported).toHaveLength(3);
    // The office's counter continues (the stepped case took 第1号), in order of the opening day.
    expect(imported.map((c) => c.number)).toEqual(['（2026）西屯测字第3号', '（2026）西屯测字第4号', '（2026）西屯测字第2号']);

    const files = await Promise.all(imported.map((c) => cases.get.query({ id: c.id })));
    expect(comparable(files[0]!)).toEqual(comparable(stepped));
    expect(files[0]!.events.every((e) => e.documentId === null)).toBe(true); // imported steps issue no document
    expect(files[1]).toMatchObject({ state: 'investigating', revision: 2, nextDeadline: { code: 'handling', startedOn: '2026-10-13', due: '2026-10-27', state: 'running' } });
    expect(files[2]).toMatchObject({ state: 'registered', revision: 1, openedOn: '2026-09-21' });

    expect(await factsOf(imported[0]!.id)).toEqual(await factsOf(stepped.id));
    expect(await factsOf(imported[0]!.id)).toContainEqual({ metric: 'casebook.agreements', value: 1, day: '2026-10-12' });

    // Lists and the deadline source see them like any case.
    const listed = await cases.list.query({ q: '仍在办理' });
    expect(listed.rows.map((r) => r.id)).toEqual([imported[1]!.id]);

    // One audit entry per case, without personal data; personal data sealed at rest.
    const audit = await rows<{ action: string; entity_id: string }>(sql`SELECT action, entity_id FROM audit_log ORDER BY seq DESC LIMIT 3`);
    expect(audit.map((a) => a.action)).toEqual(['casebook.case.import', 'casebook.case.import', 'casebook.case.import']);
    expect(new Set(audit.map((a) => a.entity_id))).toEqual(new Set(imported.map((c) => c.id)));
    expect(await count('audit_log')).toBe(before + 3);
    const dump = await rows<{ dump: string }>(sql`SELECT (SELECT string_agg(c::text, ' ') FROM cases c) || (SELECT string_agg(e::text, ' ') FROM case_events e) AS dump`);
    for (const secret of ['张三', '李四', '150402198001011232', '13812345678', '13900001111']) expect(dump[0]!.dump).not.toContain(secret);
  });

  it('refuses the whole batch when one case or step is wrong, naming it in the caller\'s language; nothing is written', async () => {
    clock.now = new Date('2026-10-14T02:00:00Z');
    const cases = await client('sanzhongjie', 'zh-CN');
    const good = { on: '2026-09-28', fields: opening('正常'), steps };
    const before = { cases: await count('cases'), events: await count('case_events'), counters: await count('case_counters'), audit: await count('audit_log') };

    const missing = await sifaErrorOf(cases.import.mutate({ cases: [good, { ...good, steps: [steps[0]!, { transition: 'session', on: '2026-10-09', fields: {} }] }] }));
    expect(missing.message).toBe('第 2 件案件的第 2 个步骤有需要更正的内容，没有导入任何案件。');
    expect(missing.data).toMatchObject({ sifaCode: 'VALIDATION_FAILED', issues: [{ path: 'cases.1.steps.1.fields.minutes', message: '此项必填。' }], details: { caseIndex: 1, stepIndex: 1 } });

    const opened = await sifaErrorOf(cases.import.mutate({ cases: [{ on: '2026-10-09', fields: opening('缺类型', { category: undefined }) }] }));
    expect(opened.data).toMatchObject({ issues: [{ path: 'cases.0.fields.category' }], details: { caseIndex: 0, stepIndex: null } });

    const illegal = await sifaErrorOf((await client('sanzhongjie')).import.mutate({ cases: [good, good, { ...good, steps: [{ transition: 'conclude', on: '2026-10-10', fields: { outcome: 'agreed' } }] }] }));
    expect(illegal.message).toBe('Nothing was imported: case 3, step 1: The case is "Registered": "Conclude" is not possible now. Possible next steps: "Investigate", "Correct the case", "Reclassify", "Withdraw".');
    expect(illegal.data).toMatchObject({ sifaCode: 'CONFLICT', details: { state: 'registered', transition: 'conclude', caseIndex: 2, stepIndex: 0 } });

    const order = await sifaErrorOf(cases.import.mutate({ cases: [{ ...good, steps: [{ ...steps[0]!, on: '2026-10-09' }, { ...steps[1]!, on: '2026-09-30' }] }] }));
    expect(order.data.issues).toEqual([{ path: 'cases.0.steps.1.on', message: '日期不能早于本案上一步骤的日期。' }]);
    const future = await sifaErrorOf(cases.import.mutate({ cases: [{ ...good, steps: [{ ...steps[0]!, on: '2026-10-15' }] }] }));
    expect(future.data.issues).toEqual([{ path: 'cases.0.steps.0.on', message: '日期不能晚于今天。' }]);
    // An attachment must be uploaded to the case first: an imported case has none yet.
    const attachment = await sifaErrorOf(cases.import.mutate({ cases: [{ ...good, steps: [steps[0]!, { transition: 'session', on: '2026-10-10', fields: { minutes: 5, evidence: ['a'.repeat(64)] } }] }] }));
    expect(attachment.data.issues).toEqual([{ path: 'cases.0.steps.1.fields.evidence.0', message: expect.any(String) }]);
    const empty = await sifaErrorOf(cases.import.mutate({ cases: [] }));
    expect(empty.data).toMatchObject({ sifaCode: 'VALIDATION_FAILED', issues: [{ path: 'cases' }] });

    expect({ cases: await count('cases'), events: await count('case_events'), counters: await count('case_counters'), audit: await count('audit_log') }).toEqual(before);
    // The counter took nothing: the next case is 第1号.
    expect((await cases.import.mutate({ cases: [good] })).imported[0]!.number).toBe('（2026）三中街测字第1号');
  });

  it('stays in the caller\'s scope and checks permissions and roles as the steps would', async () => {
    clock.now = new Date('2026-10-14T02:00:00Z');
    const outside = await sifaErrorOf((await client('xitun')).import.mutate({ cases: [{ orgCode: '150402002', on: '2026-10-09', fields: opening('越权') }] }));
    expect(outside.data).toMatchObject({ sifaCode: 'OUT_OF_SCOPE' });
    const otherCounty = await sifaErrorOf((await client('songshan')).import.mutate({ cases: [{ orgCode: '150402001', on: '2026-10-09', fields: opening('越权') }] }));
    expect(otherCounty.data).toMatchObject({ sifaCode: 'OUT_OF_SCOPE' });

    // The county imports into its offices, but may not take an office-staff step (nor withdraw without that permission being its own).
    const county = await client('hongshan');
    const role = await sifaErrorOf(county.import.mutate({ cases: [{ orgCode: '150402001', on: '2026-09-28', fields: opening('县级导入'), steps }] }));
    expect(role.data).toMatchObject({ sifaCode: 'FORBIDDEN', details: { transition: 'conclude', roles: 'office_staff', caseIndex: 0, stepIndex: 2 } });
    const { imported } = await county.import.mutate({
      cases: [{ orgCode: '150402001', on: '2026-09-28', fields: opening('县级导入'), steps: [steps[0]!, { transition: 'withdraw', on: '2026-10-12', fields: { reason: '申请人撤回' } }] }],
    });
    expect(await county.get.query({ id: imported[0]!.id })).toMatchObject({ state: 'withdrawn', closed: true, masked: true, orgCode: '150402001' });
    // The office withdraws nothing (casebook.withdraw is the county's).
    const permission = await sifaErrorOf((await client('xitun')).import.mutate({ cases: [{ on: '2026-10-09', fields: opening('x'), steps: [{ transition: 'withdraw', on: '2026-10-12', fields: { reason: 'x' } }] }] }));
    expect(permission.data).toMatchObject({ sifaCode: 'FORBIDDEN', details: { permission: 'casebook.withdraw', caseIndex: 0, stepIndex: 0 } });
  });
});

describe('the demo seed\'s year', () => {
  it('starts on the first of the month eleven months back (the diary history\'s window), across year ends', () => {
    expect(demoYearStart('2026-12-05')).toBe('2026-01-01');
    expect(demoYearStart('2026-12-31')).toBe('2026-01-01');
    expect(demoYearStart('2027-01-01')).toBe('2026-02-01');
    expect(demoYearStart('2028-02-29')).toBe('2027-03-01');
    expect(demoYearStart('2026-11-30')).toBe('2025-12-01');
  });
});
