/**
 * The demo seed makes three labelled correction files in the demo account's office through the
 * engine, dated from the seed clock: investigations with their opinions, intake, supervision with
 * a reprimand, leaves at both levels, an e-monitoring period, lost contact with its search case
 * found, a female person with a woman on her team, a juvenile released with the certificate;
 * a second run adds nothing. On both engines.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { rowsOf } from '@sifa/core/db';
import { seedPlugins } from '@sifa/server';
import { startTestServer, type TestServerOf } from '@sifa/server/testing';
import { createCorrectionPlugin } from '../../src/server/index.js';

const clock = { now: new Date('2026-11-20T10:00:00+08:00') };
const plugins = [createCorrectionPlugin()] as const;
let t: TestServerOf<typeof plugins>;
const logs: string[] = [];
const orgCodes = ['15', '1504', '150402', '150402001'];
const plusDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
/** The Monday of a day's week. */
const weekOf = (day: string) => plusDays(day, -((new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7));

beforeAll(async () => {
  t = await startTestServer({ plugins, now: () => clock.now });
  await seedPlugins(t.server, orgCodes, (m) => logs.push(m));
}, 120_000);
afterAll(() => t?.close());

describe('the demo seed', () => {
  it('makes three labelled files flowing from investigation to release', async () => {
    const c = (await t.client('xitun')).correction;
    const { rows, total } = await c.cases.list.query({ limit: 50 });
    expect(total).toBe(3);
    const files = await Promise.all(rows.map((r) => c.cases.get.query({ id: r.id })));
    const byName = Object.fromEntries(files.map((f) => [(f.fields.person as { name: string }[])[0]!.name, f]));
    expect(Object.keys(byName).sort()).toEqual(['示例对象丙', '示例对象乙', '示例对象甲']);
    for (const f of files) expect(f.events.at(-1)!.on <= '2026-11-20').toBe(true);

    const jia = byName['示例对象甲']!;
    expect(jia.state).toBe('under-correction');
    const steps = jia.events.map((e) => e.transition);
    for (const s of ['report-in', 'form-team', 'announce', 'reprimand', 'leave-office', 'e-monitoring', 'lost-contact', 'resume']) expect(steps).toContain(s);
    expect(jia.events.find((e) => e.transition === 'report-in')!.checks[0]).toMatchObject({ state: 'attention', reason: expect.stringMatching(/^【示范】/) });
    expect(jia.events.find((e) => e.transition === 'reprimand')!.documentId).toEqual(expect.any(String));
    const search = await c.searches.cases.get.query({ id: String(jia.events.find((e) => e.transition === 'lost-contact')!.fields.searchCaseId) });
    expect(search).toMatchObject({ state: 'found', closed: true });

    const yi = byName['示例对象乙']!;
    expect(yi.fields).toMatchObject({ sex: 'female', class: 'normal' });
    expect(yi.events.find((e) => e.transition === 'form-team')!.fields.women).toBe(2);
    expect(yi.events.map((e) => e.transition)).toContain('leave-county');

    const bing = byName['示例对象丙']!;
    expect(bing).toMatchObject({ state: 'released', fields: { juvenile: true, kind: 'control' } });
    expect(bing.events.at(-1)).toMatchObject({ transition: 'release', on: '2026-11-19', documentId: expect.any(String) });

    const investigations = await c.investigations.cases.list.query({ limit: 50 });
    expect(investigations.total).toBe(2);
    expect(investigations.rows.every((r) => r.state === 'copied')).toBe(true);
    expect(logs.some((l) => l.includes('demo community correction: 3 files'))).toBe(true);
  });

  it('hands the files to the office staff: the sealed juvenile is theirs alone; profiles, plans, tasks and last month’s evaluation exist', async () => {
    const c = (await t.client('xitun')).correction;
    const files = (await c.cases.list.query({ limit: 50 })).rows;
    const bing = files.find((r) => r.restricted)!;
    expect(files.filter((r) => r.restricted)).toHaveLength(1);
    // The county admin sees the two others, not the juvenile's file, nor its search or investigation.
    const county = (await t.client('hongshan')).correction;
    expect((await county.cases.list.query({ limit: 50 })).rows.map((r) => r.id).sort()).toEqual(files.filter((r) => !r.restricted).map((r) => r.id).sort());
    expect((await county.profile.get.query({ caseId: files.find((r) => !r.restricted)!.id })).revision).toBe(1);
    expect((await c.profile.get.query({ caseId: bing.id })).conditions).toMatchObject({ juvenile: true });
    const scores: number[] = [];
    for (const r of files.filter((f) => !f.restricted)) {
      expect((await c.plan.get.query({ caseId: r.id })).measures.length).toBeGreaterThan(0);
      const [evaluation] = await c.evaluation.list.query({ caseId: r.id });
      expect(evaluation).toMatchObject({ month: '2026-10' });
      scores.push(evaluation!.score);
    }
    const tasks = await c.tasks.list.query({ limit: 500 });
    expect(tasks.some((k) => k.status === 'missed' && k.due < '2026-11-01')).toBe(true);
    // The demo staff did part of October's tasks, each on its due day: 乙 all, 甲 some.
    const doneInOctober = tasks.filter((k) => k.status === 'done' && k.due < '2026-11-01');
    expect(doneInOctober.length).toBeGreaterThan(0);
    expect(doneInOctober.every((k) => k.doneOn === k.due && k.note === '【示范数据】已按期完成。')).toBe(true);
    expect(new Set(doneInOctober.map((k) => k.caseId)).size).toBe(3);
    // The juvenile had a plan too (no 漏管 at the county), and nothing left open once released yesterday.
    expect((await c.plan.get.query({ caseId: bing.id })).measures.length).toBeGreaterThan(0);
    expect(tasks.filter((k) => k.caseId === bing.id && k.status === 'open')).toEqual([]);
    expect(Math.max(...scores)).toBeGreaterThan(Math.min(...scores));
    // Seeded tasks are history: nobody was notified of them.
    const inbox = await (await t.client('xitun')).platform.notifications.list.query({ limit: 100 });
    expect(inbox.items.filter((n) => n.kind === 'correction.task')).toEqual([]);
    expect(tasks.some((k) => k.status === 'open' && k.due >= '2026-11-20')).toBe(true);
  });

  it('gives the plans a history of every period up to today, as the daily job would have: this month’s rates have data', async () => {
    const c = (await t.client('xitun')).correction;
    const files = (await c.cases.list.query({ limit: 50 })).rows.filter((f) => !f.restricted);
    const tasks = (await c.tasks.list.query({ limit: 500 })).filter((k) => k.status !== 'cancelled');
    const nameOf = async (id: string) => ((await c.cases.get.query({ id })).fields.person as { name: string }[])[0]!.name;
    const idOf = new Map(await Promise.all(files.map(async (f) => [await nameOf(f.id), f.id] as const)));
    for (const file of files) {
      const mine = tasks.filter((k) => k.caseId === file.id);
      // Every measure due at the end of October (monthly ones, hour quotas, the last week's) has
      // the tasks of its period in November.
      for (const measure of new Set(mine.filter((k) => k.due === '2026-10-30').map((k) => k.measure))) {
        expect([file.number, measure, mine.some((k) => k.measure === measure && k.periodStart >= '2026-11-01')]).toEqual([file.number, measure, true]);
      }
      // Nothing due before today is still open: done on its due day, or missed.
      expect(mine.filter((k) => k.due < '2026-11-20' && k.status === 'open')).toEqual([]);
      expect(mine.filter((k) => k.status === 'done').every((k) => k.doneOn === k.due)).toBe(true);
    }
    // 甲 (strict class) reports in weekly: a task in every week from the first after the National
    // Day holiday (1–7 October: no working day left in its weeks, hence no task) to this one.
    const jia = tasks.filter((k) => k.caseId === idOf.get('示例对象甲'));
    const weeks = new Set(jia.map((k) => weekOf(k.due)));
    for (let monday = '2026-10-12'; monday <= '2026-11-16'; monday = plusDays(monday, 7)) expect([monday, weeks.has(monday)]).toEqual([monday, true]);
    // 乙's tasks were all done on time, 甲's three in five (the demo's story: he lost contact in October).
    const doneShare = (name: string) => {
      const past = tasks.filter((k) => k.caseId === idOf.get(name) && k.due < '2026-11-20');
      return past.filter((k) => k.status === 'done').length / past.length;
    };
    expect(doneShare('示例对象乙')).toBe(1);
    // (Three in five of each measure's, rounded up: a measure with one or two tasks had them done.)
    expect(doneShare('示例对象甲')).toBeGreaterThanOrEqual(0.6);
    expect(doneShare('示例对象甲')).toBeLessThan(0.8);
    // The caseload's rates of 1–19 November have verifications to count, some missed (甲's).
    const { rates } = await c.caseload.list.query({});
    expect(rates).toMatchObject({ from: '2026-11-01', to: '2026-11-19' });
    expect(rates.verificationRate).toBeGreaterThan(0);
    expect(rates.verificationRate).toBeLessThan(1);
  });

  it('maps the demo office’s roles to its staff and the county officer to the county admin; plans route by it', async () => {
    const c = (await t.client('xitun')).correction;
    const { executors } = await c.executors.list.query({});
    expect(executors.map((e) => e.role).sort()).toEqual(['county-officer', 'office-staff', 'psychologist', 'social-worker']);
    expect(executors.find((e) => e.role === 'county-officer')).toMatchObject({ orgCode: '150402', displayName: expect.any(String) });
    expect(executors.filter((e) => e.role !== 'county-officer').every((e) => e.orgCode === '150402001' && e.displayName)).toBe(true);
    const mapped = new Map<string, string>(executors.map((e) => [e.role, e.userId]));
    for (const r of (await c.cases.list.query({ limit: 50 })).rows.filter((f) => !f.restricted)) {
      const file = await c.cases.get.query({ id: r.id });
      for (const m of (await c.plan.get.query({ caseId: r.id })).measures) {
        if (mapped.has(m.responsible)) expect([m.measure, m.assignee, m.assignedBy]).toEqual([m.measure, mapped.get(m.responsible), 'mapping']);
        else expect([m.measure, m.assignee, m.assignedBy, m.overseen]).toEqual([m.measure, file.responsible[0], 'responsible', true]);
      }
    }
  });

  it('records the daily figures from last month’s first day to yesterday, as the rollup job (the juvenile at the county, released yesterday)', async () => {
    const rows = rowsOf<{ day: string; org_code: string; value: number }>(
      await t.db.handle.db.execute(sql`SELECT day::text AS day, org_code, value::float AS value FROM facts WHERE source_kind = 'correction.rollup' AND metric = 'correction.person-days' ORDER BY day, org_code`),
    );
    const days = [...new Set(rows.map((r) => r.day))];
    // 1 Oct – 19 Nov: 31 + 19 days (today's figures are tonight's run).
    expect(days[0]).toBe('2026-10-01');
    expect(days.at(-1)).toBe('2026-11-19');
    expect(days).toHaveLength(50);
    // Yesterday: 甲 and 乙 at the office; 丙 (sealed, released that day) at the county only.
    expect(rows.filter((r) => r.day === '2026-11-19').map((r) => [r.org_code, r.value])).toEqual([
      ['150402', 1],
      ['150402001', 2],
    ]);
    const runs = await t.server.jobs.history({ job: 'correction.rollup', limit: 100 });
    expect(runs.filter((r) => r.status === 'succeeded')).toHaveLength(50);
  });

  it('adds nothing when run again', async () => {
    await seedPlugins(t.server, orgCodes, (m) => logs.push(m));
    expect((await (await t.client('xitun')).correction.cases.list.query({})).total).toBe(3);
  });
});
