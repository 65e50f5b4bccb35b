/**
 * The reminder and supervision (督办) jobs over time, on both engines, driven day by day through
 * the platform's job runner with the instant of each run (`server.jobs.run(name, { at })`, what
 * `sifa jobs run plans.reminders --at …` does): each reminder offset fires once (runs repeated
 * the same day add nothing), an item done stops its reminders, an overdue office is supervised by
 * its county, then by the city, then by the region, and a checkmark stops the chain. Letters,
 * notifications and the timeline the board shows are checked, and the CLI runs a job too.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { PlanEscalationEntry, PlanReminderEntry } from '../../src/index.js';
import { createSifaServer, seedOrgTree, type AppRouterOf } from '@sifa/server';
import { createDiaryPlugin } from '@sifa/plugin-diary/server';
import { createPlansPlugin, planReminders, supervisionChain } from '../../src/server/index.js';
import { createPlan } from '../../src/server/service.js';
import { createCliDatabase, rawFetch, runCli, sifaErrorOf, startTestServer, testUsers, type TestServer } from '@sifa/server/testing';

// The users' own calls happen on 23 October; the jobs run at the instants given to them.
const clock = { now: new Date('2026-10-23T02:00:00Z') };
const plugins = [createDiaryPlugin(), createPlansPlugin({ reminderLetterOffsets: [2] })] as const;
type Plugins = typeof plugins;
let t: TestServer<AppRouterOf<Plugins>>;

beforeAll(async () => {
  t = await startTestServer({ plugins, now: () => clock.now });
});
afterAll(() => t?.close());

const client = (user: keyof typeof testUsers) => t.client(user, { locale: 'zh-CN' });

/** Runs a job as the scheduler would for 08:00 (reminders) / 08:30 (supervision) China time on `day`. */
async function runJob(name: 'reminders' | 'escalation', day: string) {
  const at = new Date(`${day}T${name === 'reminders' ? '08:00' : '08:30'}:00+08:00`);
  const run = await t.server.jobs.run(`plans.${name}`, { at });
  expect(run.status, run.summary ?? '').toBe('succeeded');
  return run.counts;
}

const days = (from: string, to: string) => {
  const out: string[] = [];
  for (let d = new Date(`${from}T00:00:00Z`); d.toISOString().slice(0, 10) <= to; d.setUTCDate(d.getUTCDate() + 1)) out.push(d.toISOString().slice(0, 10));
  return out;
};

let planId = '';
const instanceOf = async (orgCode: string, itemIndex: number) => {
  const plan = await (await client('city')).plans.get.query({ planId });
  return plan.items[itemIndex]!.instances.find((i) => i.orgCode === orgCode)!;
};

describe('the supervision chain', () => {
  it('goes from the parent up to the root, or no higher than the plan’s owner', () => {
    const row = { orgPath: '/15/1504/150402/150402001/', ownerOrgCode: '1504' };
    expect(supervisionChain(row, '15', 'root')).toEqual(['150402', '1504', '15']);
    expect(supervisionChain(row, '15', 'plan-owner')).toEqual(['150402', '1504']);
    expect(supervisionChain({ ...row, ownerOrgCode: '150402' }, '15', 'plan-owner')).toEqual(['150402']);
  });
});

describe('reminders before the due date', () => {
  it('fire once per offset (5, 2, 0 working days), the 5-day one on the worked Saturday; done items stop', async () => {
    const city = await client('city');
    const plan = await city.plans.create.mutate({
      period: '2026-10',
      title: '十月工作',
      items: [
        { title: '报送国庆假期值班情况', kind: 'manual', due: '2026-10-16', assignees: [{ orgCode: '150402001' }, { orgCode: '150402002' }] },
        { title: '开展普法宣传活动', kind: 'metric', metric: 'diary.law-education-events', target: 4, due: '2026-10-16', assignees: [{ orgCode: '150402001' }] },
      ],
    });
    planId = plan.id;
    // Xitun holds its four events on 12 October: done from then on.
    await (await client('hongshan')).platform.facts.record.mutate({ batchId: 'jobs-test', facts: [{ orgCode: '150402001', day: '2026-10-12', metric: 'diary.law-education-events', value: 4 }] });

    const sentByDay: Record<string, number> = {};
    for (const day of days('2026-09-28', '2026-10-17')) {
      const first = await runJob('reminders', day);
      const again = await runJob('reminders', day);
      expect(again.sent, `second run on ${day}`).toBe(0);
      if (first.sent) sentByDay[day] = first.sent!;
      expect(first.failed).toBe(0);
    }
    // 10 October (a Saturday worked for National Day) is 5 working days before the 16th.
    expect(sentByDay).toEqual({ '2026-10-10': 3, '2026-10-14': 2, '2026-10-16': 2 });

    const log = (await (await client('hongshan')).plans.reminders.query({ planId })).filter((e): e is PlanReminderEntry => e.kind === 'reminder');
    const summary = log.map((e) => [e.orgCode, e.offset, e.remindOn, e.at, e.channels, e.document !== null]).sort((a, b) => String(a[3]).localeCompare(String(b[3])) || String(a[0]).localeCompare(String(b[0])));
    expect(summary).toEqual([
      ['150402001', 5, '2026-10-10', '2026-10-10T00:00:00.000Z', ['in-app'], false],
      ['150402001', 5, '2026-10-10', '2026-10-10T00:00:00.000Z', ['in-app'], false],
      ['150402002', 5, '2026-10-10', '2026-10-10T00:00:00.000Z', ['in-app'], false],
      ['150402001', 2, '2026-10-14', '2026-10-14T00:00:00.000Z', ['in-app', 'letter'], true],
      ['150402002', 2, '2026-10-14', '2026-10-14T00:00:00.000Z', ['in-app', 'letter'], true],
      ['150402001', 0, '2026-10-16', '2026-10-16T00:00:00.000Z', ['in-app'], false],
      ['150402002', 0, '2026-10-16', '2026-10-16T00:00:00.000Z', ['in-app'], false],
    ]);

    // Xitun's users got their reminders in-app, each once.
    const inbox = await (await client('xitun')).platform.notifications.list.query({ limit: 100 });
    const reminders = inbox.items.filter((n) => n.kind === 'plans.reminder');
    expect(reminders.map((n) => n.title.zh).sort()).toEqual(
      ['今日到期：“报送国庆假期值班情况”', '工作提醒：“开展普法宣传活动”将于 2026-10-16 到期', '工作提醒：“报送国庆假期值班情况”将于 2026-10-16 到期', '工作提醒：“报送国庆假期值班情况”将于 2026-10-16 到期'].sort(),
    );
    expect(reminders.every((n) => n.entity?.kind === 'plans.instance')).toBe(true);

    // The reminder letter (提醒函) is issued by the plan's owner and downloads as .docx for the office.
    const letter = log.find((e) => e.document && e.orgCode === '150402001')!.document!;
    expect(letter.number).toMatch(/提/);
    const res = await rawFetch(`${t.url}${letter.downloadPath}`, { headers: { authorization: `Bearer ${await t.tokenOf('xitun')}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('wordprocessingml');
  });
});

describe('supervision after the due date', () => {
  it('goes county → city → region while the item stays open, once per level, and stops when it is done', async () => {
    const issued: Record<string, number> = {};
    const run = async (day: string) => {
      const counts = await runJob('escalation', day);
      expect(counts.failed).toBe(0);
      if (counts.sent) issued[day] = counts.sent;
      expect((await runJob('escalation', day)).sent, `second run on ${day}`).toBe(0);
    };
    // Due 16 October (Friday): nothing that day nor on the weekend; the county supervises on Monday.
    for (const day of days('2026-10-16', '2026-10-21')) await run(day);
    expect(issued).toEqual({ '2026-10-19': 2 });
    // Three working days later, still open: the city.
    await run('2026-10-22');
    expect(issued['2026-10-22']).toBe(2);

    // Xitun reports it done on the 23rd; Sanzhongjie does not.
    const xitunItem = await instanceOf('150402001', 0);
    await (await client('xitun')).plans.check.mutate({ instanceId: xitunItem.id, evidence: { text: '已报送值班情况' } });
    for (const day of days('2026-10-23', '2026-11-06')) await run(day);
    // The region (the root) supervises Sanzhongjie on the 27th; then the chain is at its top.
    expect(issued).toEqual({ '2026-10-19': 2, '2026-10-22': 2, '2026-10-27': 1 });

    const xitun = (await instanceOf('150402001', 0)).timeline.filter((e): e is PlanEscalationEntry => e.kind === 'escalation');
    expect(xitun.map((e) => [e.level, e.issuerOrgCode, e.issuerName.zh, e.daysOverdue, e.reportBy, e.at, e.notifiedOrgCodes])).toEqual([
      [1, '150402', '红山区', 3, '2026-10-22', '2026-10-19T00:30:00.000Z', ['150402001', '150402']],
      [2, '1504', '赤峰市', 6, '2026-10-27', '2026-10-22T00:30:00.000Z', ['150402001', '150402', '1504']],
    ]);
    const sanzhongjie = await instanceOf('150402002', 0);
    expect(sanzhongjie.escalationLevel).toBe(3);
    expect(sanzhongjie.timeline.filter((e) => e.kind === 'escalation').map((e) => (e as PlanEscalationEntry).issuerOrgCode)).toEqual(['150402', '1504', '15']);
    // Its letters: the reminder letter two working days before, then one supervision letter per level.
    expect(new Set(sanzhongjie.timeline.flatMap((e) => (e.document ? [e.document.number] : []))).size).toBe(4);

    // The supervision letters (督办函): issued by each level, numbered by it, naming the earlier ones.
    const city = await client('city');
    const letter = (await city.platform.documents.get.query({ id: xitun[1]!.document!.id })) as { template: string; issuerOrgCode: string; subjectOrgCode: string; number: string };
    expect(letter).toMatchObject({ template: 'plans.supervision-letter', issuerOrgCode: '1504', subjectOrgCode: '150402001' });
    expect(letter.number).toMatch(/督/);

    // The office was told each time, urgently; the county is told when the city takes over.
    const office = (await (await client('xitun')).platform.notifications.list.query({ limit: 100 })).items.filter((n) => n.kind === 'plans.supervision');
    expect(office.map((n) => [n.severity, n.title.zh]).sort()).toEqual([
      ['urgent', '督办：“报送国庆假期值班情况”已逾期 3 天'],
      ['urgent', '督办：“报送国庆假期值班情况”已逾期 6 天'],
    ]);
    expect(office.every((n) => n.documentId !== null)).toBe(true);
    const county = (await (await client('hongshan')).platform.notifications.list.query({ limit: 100 })).items.filter((n) => n.kind === 'plans.supervision');
    expect(county).toHaveLength(5);

    // The overdue list shows who is open and how far it has gone up.
    const overdue = (await (await client('hongshan')).plans.overdue.query({ period: '2026-10' })).filter((o) => o.planId === planId);
    expect(overdue.map((o) => [o.orgCode, o.escalationLevel, o.lastEscalation?.issuerOrgCode])).toEqual([['150402002', 3, '15']]);

    // Letters are official records: the plan can no longer be removed.
    const removal = await sifaErrorOf(city.plans.remove.mutate({ planId }));
    expect(removal.data.sifaCode).toBe('CONFLICT');
    expect(removal.message).toBe('计划“十月工作”已发出提醒函或督办函，这些公文须留档，不能删除。可修改计划内容，或保留该项。');

    // Another county sees none of it.
    expect((await sifaErrorOf((await client('songshan')).plans.reminders.query({ planId }))).data.sifaCode).toBe('NOT_FOUND');
  });
});

describe('several server instances', () => {
  it('remind and supervise once when the same run happens twice at the same time', async () => {
    const city = await client('city');
    const plan = await city.plans.create.mutate({ period: '2026-11', title: '并发', items: [{ title: '报送材料', kind: 'manual', due: '2026-11-13', assignees: [{ orgCode: '150404001' }] }] });
    const at = (day: string, time: string) => new Date(`${day}T${time}:00+08:00`);
    const reminders = await Promise.all([t.server.jobs.run('plans.reminders', { at: at('2026-11-11', '08:00') }), t.server.jobs.run('plans.reminders', { at: at('2026-11-11', '08:00') })]);
    expect(reminders.map((r) => r.status)).toEqual(['succeeded', 'succeeded']);
    expect(reminders.reduce((n, r) => n + (r.counts.sent ?? 0), 0)).toBe(1);
    const escalations = await Promise.all([t.server.jobs.run('plans.escalation', { at: at('2026-11-16', '08:30') }), t.server.jobs.run('plans.escalation', { at: at('2026-11-16', '08:30') })]);
    expect(escalations.reduce((n, r) => n + (r.counts.sent ?? 0), 0)).toBe(1);
    const timeline = await (await client('songshan')).plans.reminders.query({ planId: plan.id });
    expect(timeline.map((e) => [e.kind, e.kind === 'reminder' ? e.offset : e.level])).toEqual([
      ['escalation', 1],
      ['reminder', 2],
    ]);
  });
});

describe('the CLI', () => {
  it('runs the reminders job for a given instant', async () => {
    const cliDb = await createCliDatabase();
    try {
      // Migrated here with the two plugins the test needs; the CLI (all plugins of sifa.config.mjs) migrates the rest.
      const server = await createSifaServer({ plugins: [createDiaryPlugin(), createPlansPlugin()], database: cliDb.config, port: 0, jobs: { schedule: false } });
      let instanceId: string;
      try {
        await seedOrgTree(server.database.db);
        const actor = { userId: 'test', username: 'test', displayName: 'test', role: 'city_admin' as const, scope: { orgCode: '1504', orgPath: '/15/1504/' }, permissions: new Set<string>(), via: 'session' as const };
        const detail = await server.runScoped(actor, (s) =>
          createPlan(s, { now: new Date('2026-10-01T00:00:00Z'), today: '2026-10-01', locale: 'zh-CN', metrics: new Map() }, { period: '2026-10', title: 'CLI', items: [{ title: '报送材料', kind: 'manual', due: '2026-10-16', assignees: [{ orgCode: '150402001' }] }] }),
        );
        instanceId = detail.items[0]!.instances[0]!.id;
      } finally {
        await server.close();
      }
      const result = await runCli(['jobs', 'run', 'plans.reminders', '--at', '2026-10-14T08:00:00+08:00'], cliDb.env);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/^plans\.reminders succeeded .*reminders on 2026-10-14: 1 sent, 0 already sent, 0 failed/);

      const again = await createSifaServer({ plugins: [createDiaryPlugin(), createPlansPlugin()], database: cliDb.config, port: 0, migrate: false, jobs: { schedule: false } });
      try {
        const actor = { userId: 'test', username: 'test', displayName: 'test', role: 'city_admin' as const, scope: { orgCode: '15', orgPath: '/15/' }, permissions: new Set<string>(), via: 'session' as const };
        const rows = await again.runScoped(actor, (s) => s.db.select().from(planReminders).where(eq(planReminders.instanceId, instanceId)));
        expect(rows.map((r) => [r.offsetDays, r.remindOn])).toEqual([[2, '2026-10-14']]);
      } finally {
        await again.close();
      }
    } finally {
      await cliDb.drop();
    }
  }, 300_000);
});
