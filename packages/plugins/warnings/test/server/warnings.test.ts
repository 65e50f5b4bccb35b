/**
 * The warnings plugin end to end over HTTP, on both engines, with a fixture plugin that
 * contributes metrics, two deadline sources and an indicator through the public contract (so
 * every rule kind is fed by hand-made data), and the diary plugin for `diary.entries`:
 * every kind raises on its fixture and not just below the line; re-evaluation never duplicates
 * (also when two evaluations run at once); a cleared condition auto-closes (and comes back);
 * the lifecycle with its documents and notifications, illegal steps, escalation by the job;
 * scoping (a county never sees another county); bad input.
 *
 * The server clock stands at 2026-06-24 10:00 in Shanghai (a Wednesday after the Dragon Boat
 * holiday of 19–21 June), so windows and periods are known: completed month May, running month
 * June, completed quarter 2026-Q1.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { WorkingCalendar, definePlugin, defineServerPlugin, type Actor, type Deadline, type FactInput } from '@sifa/core';
import type { WarningRuleInput, WarningRuleParams } from '../../src/index.js';
import type { AppRouterOf } from '@sifa/server';
import { createDiaryPlugin } from '@sifa/plugin-diary/server';
import { createWarningsPlugin } from '../../src/server/index.js';
import { rawFetch, sifaErrorOf, startTestServer, type TestServer } from '@sifa/server/testing';

// ---- the fixture plugin: metrics, deadline sources and an indicator fed by the tests -----------

const pathOf = (code: string) => `/${[2, 4, 6, 9, 12].filter((n) => n <= code.length).map((n) => code.slice(0, n)).join('/')}/`;

const fixture = {
  deadlines: [] as Deadline[],
  scores: new Map<string, Map<string, number>>(),
  periodsAsked: [] as string[],
};
const deadlineSource = (code: string) => ({
  code,
  title: { zh: `测试期限 ${code}`, en: `Test deadlines ${code}` },
  async list(scoped: { actor: Actor }, range: { from: string; to: string }) {
    return fixture.deadlines.filter((d) => d.source === code && d.due >= range.from && d.due <= range.to && pathOf(d.orgCode).startsWith(scoped.actor.scope.orgPath));
  },
});
const fixturePlugin = defineServerPlugin(
  definePlugin({
    id: 'fixture',
    version: '0.1.0',
    core: '^0.1.0',
    title: { zh: '测试夹具', en: 'Test fixture' },
    contributes: {
      metrics: [
        { code: 'fixture.cases', title: { zh: '测试案件', en: 'Test cases' }, unit: { zh: '件', en: 'cases' } },
        { code: 'fixture.visits', title: { zh: '测试走访', en: 'Test visits' }, unit: { zh: '次', en: 'visits' } },
      ],
    },
  }),
  {
    deadlineSources: [deadlineSource('fixture.plans'), deadlineSource('fixture.statutes')],
    indicators: [
      {
        code: 'fixture.score',
        title: { zh: '测试得分', en: 'Test score' },
        unit: { zh: '分', en: 'points' },
        async compute(_scoped, { orgCodes, period }) {
          fixture.periodsAsked.push(period);
          const values = fixture.scores.get(period) ?? new Map<string, number>();
          return new Map(orgCodes.filter((c) => values.has(c)).map((c) => [c, values.get(c)!]));
        },
      },
    ],
  },
);

const deadline = (source: string, id: string, orgCode: string, due: string, title: string): Deadline => ({
  source,
  id,
  orgCode,
  due,
  title: { zh: title, en: title },
  entity: { kind: source, id },
});

// ---- the server ------------------------------------------------------------------------------

const A = '150402001'; // 西屯 (t.xitun works here)
const B = '150402002'; // 三中街 (t.sanzhongjie)
const C = '150402003';
const warningsPlugin = createWarningsPlugin();
const plugins = [createDiaryPlugin(), fixturePlugin, warningsPlugin] as const;
type Router = AppRouterOf<typeof plugins>;
const today = '2026-06-24';
const clock = new Date('2026-06-24T02:00:00Z');
let t: TestServer<Router>;

beforeAll(async () => {
  // Jobs run when a test runs them, never on their schedule.
  t = await startTestServer({ plugins, now: () => clock, jobs: { schedule: false } });
});
afterAll(() => t?.close());

const client = (user: 'city' | 'hongshan' | 'songshan' | 'xitun' | 'sanzhongjie' | 'zhenxing') => t.client(user);

function actorFor(code: string, userId = 'test-fixture'): Actor {
  return {
    userId,
    username: userId,
    displayName: userId,
    role: 'city_admin',
    scope: { orgCode: code, orgPath: pathOf(code) },
    permissions: new Set(['warnings.read', 'warnings.manage', 'warnings.respond', 'diary.read']),
    via: 'session',
  };
}

/** Replaces the facts of one record (as the record's plugin would). */
/** The facts a warning stands behind on the dashboard: [metric, day] pairs. */
async function warningFacts(id: string) {
  const rows = await t.server.database.db.execute(
    sql`SELECT metric, day::text AS day FROM facts WHERE source_kind = 'warnings.warning' AND source_id = ${id} ORDER BY metric`,
  );
  return (Array.isArray(rows) ? rows : (rows as unknown as { rows: unknown[] }).rows).map((r) => [(r as { metric: string }).metric, (r as { day: string }).day]);
}

async function record(kind: string, id: string, facts: FactInput[]) {
  await t.server.runScoped(actorFor('1504'), (s) => s.facts.recordForSource({ kind, id }, facts));
}

/** The scheduled evaluation through the platform's job runner (as `sifa jobs run warnings.evaluate --at …` does). */
async function runJob(at: Date) {
  const run = await t.server.jobs.run('warnings.evaluate', { at });
  expect(run.status, run.summary ?? '').toBe('succeeded');
  return run;
}

const created: string[] = [];
async function rule(params: WarningRuleParams, extra: Partial<WarningRuleInput> = {}, by: 'hongshan' | 'city' = 'hongshan') {
  const c = await client(by);
  const r = await c.warnings.createRule.mutate({ title: { zh: `测试规则 ${params.kind}`, en: `Test rule ${params.kind}` }, targetLevel: 'office', severity: 'warning', params, ...extra });
  created.push(r.id);
  return r;
}
/** Disables a test's rules so later evaluations leave their warnings alone. */
async function disable(...ids: string[]) {
  for (const id of ids) {
    const c = await client('hongshan');
    const rules = await c.warnings.listRules.query({});
    const r = rules.find((x) => x.id === id)!;
    const owner = r.orgCode === '150402' ? c : await client('city');
    await owner.warnings.updateRule.mutate({ id, revision: r.revision, title: r.title, targetLevel: r.targetLevel, severity: r.severity, enabled: false, params: r.params });
  }
}
async function warningsOf(ruleId: string, by: 'hongshan' | 'city' = 'hongshan') {
  const list = await (await client(by)).warnings.list.query({ status: 'all', limit: 200 });
  return list.warnings.filter((w) => w.ruleId === ruleId);
}
const evaluate = async (by: 'hongshan' | 'city' = 'hongshan', input: { orgCode?: string; at?: string } = {}) => (await client(by)).warnings.evaluate.mutate(input);
const byOrg = <T extends { orgCode: string }>(items: T[]) => new Map(items.map((w) => [w.orgCode, w]));

// ---- tests -----------------------------------------------------------------------------------

describe('contract', () => {
  it('lists the rule kinds and what installed plugins provide', async () => {
    const catalog = await (await client('xitun')).warnings.catalog.query();
    expect(catalog.kinds.map((k) => k.kind)).toEqual(['metric-threshold', 'metric-drop', 'diary-missing', 'plan-overdue', 'score-below', 'deadline-approaching']);
    expect(catalog.metrics.map((m) => m.code)).toEqual(expect.arrayContaining(['fixture.cases', 'diary.entries']));
    expect(catalog.deadlineSources.map((s) => s.code)).toEqual(['fixture.plans', 'fixture.statutes']);
    expect(catalog.indicators.map((i) => i.code)).toEqual(['fixture.score']);
  });
});

describe('every rule kind raises on its fixture and not just below the line', () => {
  it('metric below a line, completed month', async () => {
    await record('fixture.record', 'below-a', [{ orgCode: A, day: '2026-05-10', metric: 'fixture.cases', value: 2 }]);
    await record('fixture.record', 'below-b', [{ orgCode: B, day: '2026-05-11', metric: 'fixture.cases', value: 3 }]);
    // June (the running month) does not count for a completed-month rule.
    await record('fixture.record', 'below-b-june', [{ orgCode: B, day: '2026-06-02', metric: 'fixture.cases', value: -3 }]);
    const r = await rule({ kind: 'metric-threshold', metric: 'fixture.cases', period: 'month', periodOf: 'completed', comparison: 'below', threshold: 3 });
    const result = await evaluate();
    const found = byOrg(await warningsOf(r.id));
    expect(result.notEvaluable).toEqual([]);
    expect(found.get(A)).toMatchObject({ subject: '2026-05', state: 'raised', ruleKind: 'metric-threshold', severity: 'warning', summary: { zh: '2026年5月测试案件为2件，低于预警线3件。' } });
    // Stored and served with its Mongolian draft: the fixture metric has no Mongolian, so its Chinese
    // title stands in it and its unit word (件 / cases) is left out; the numbers stay.
    expect(found.get(A)?.summary.mn).toBe('2026 ᠣᠨ\u202fᠤ 5 ᠰᠠᠷ\u180eᠠ\u202fᠳᠤᠷ 测试案件 2᠂ 3 ᠬᠡᠮᠡᠬᠦ ᠰᠡᠷᠡᠮᠵᠢᠯᠡᠯ\u202fᠦᠨ ᠪᠣᠰᠤᠭ\u180eᠠ\u202fᠠᠴᠠ ᠳᠣᠣᠷ\u180eᠠ ᠪᠠᠶᠢᠨ\u180eᠠ᠃');
    expect(found.has(B)).toBe(false);
    // No facts at all: nothing was done, 0 < 3.
    expect(found.get(C)?.subject).toBe('2026-05');
    // Only Hongshan's offices: the rule belongs to the county.
    expect([...found.keys()].every((code) => code.startsWith('150402'))).toBe(true);
    expect(found.size).toBe(15 - 1);
    await disable(r.id);
  });

  it('metric above a line, running month so far', async () => {
    await record('fixture.record', 'above-a', [{ orgCode: A, day: '2026-06-03', metric: 'fixture.cases', value: 11 }]);
    await record('fixture.record', 'above-b', [{ orgCode: B, day: '2026-06-04', metric: 'fixture.cases', value: 13 }]);
    const r = await rule({ kind: 'metric-threshold', metric: 'fixture.cases', period: 'month', periodOf: 'current', comparison: 'above', threshold: 10 });
    await evaluate();
    const found = byOrg(await warningsOf(r.id));
    // A: 11 > 10. B: 13 − 3 (the correction above) = 10, on the line.
    expect(found.get(A)?.summary.en).toBe('Test cases in June 2026 (to 2026-06-24): 11 cases, above the line of 10 cases.');
    expect([...found.keys()]).toEqual([A]);
    await disable(r.id);
  });

  it('drop against the previous period', async () => {
    const visits = (id: string, orgCode: string, day: string, value: number) => record('fixture.record', id, [{ orgCode, day, metric: 'fixture.visits', value }]);
    await visits('drop-a-apr', A, '2026-04-08', 10);
    await visits('drop-a-may', A, '2026-05-08', 5); // −50 %: on the line, raised
    await visits('drop-b-apr', B, '2026-04-08', 1000);
    await visits('drop-b-may', B, '2026-05-08', 501); // −49.9 %: just below the line
    await visits('drop-c-apr', C, '2026-04-08', 4); // below minPrevious: not compared
    const r = await rule({ kind: 'metric-drop', metric: 'fixture.visits', period: 'month', dropPercent: 50, minPrevious: 5 });
    await evaluate();
    const found = await warningsOf(r.id);
    expect(found.map((w) => w.orgCode)).toEqual([A]);
    const detail = await (await client('hongshan')).warnings.get.query({ id: found[0]!.id });
    expect(detail.evidence).toMatchObject({ value: 50, line: 50, window: '2026-05' });
    expect(detail.evidence.items.map((i) => i.id)).toEqual(['2026-04', '2026-05']);
    expect(detail.summary.zh).toBe('2026年5月测试走访为5次，比2026年4月的10次下降50%，达到预警幅度50%。');
    await disable(r.id);
  });

  it('diary days missing, on working days of the Chinese calendar', async () => {
    const entry = (orgCode: string, day: string) => record('diary.entry', `fx-${orgCode}-${day}`, [{ orgCode, day, metric: 'diary.entries', value: 1 }]);
    // Window: the 5 working days before today = 16, 17, 18, 22, 23 June (19–21: Dragon Boat holiday and weekend).
    for (const day of ['2026-06-16', '2026-06-17', '2026-06-18']) await entry(A, day); // 2 missing: tolerated
    for (const day of ['2026-06-16', '2026-06-19', '2026-06-22']) await entry(B, day); // the 19th is a holiday: 3 missing
    const r = await rule({ kind: 'diary-missing', windowWorkingDays: 5, toleratedDays: 2 });
    const result = await evaluate();
    expect(result.calendarUncovered).toEqual([]);
    const found = byOrg(await warningsOf(r.id));
    expect(found.has(A)).toBe(false);
    const b = await (await client('hongshan')).warnings.get.query({ id: found.get(B)!.id });
    expect(b.evidence.items.map((i) => i.day)).toEqual(['2026-06-17', '2026-06-18', '2026-06-23']);
    expect(b).toMatchObject({ subject: '2026-06', evidence: { value: 3, line: 2, window: '2026-06-16/2026-06-23' } });
    expect(found.get(C)?.summary.zh).toBe('最近5个工作日（2026-06-16至2026-06-23）中有5天没有填写工作日志，超过允许的2天。');
    // The Mongolian draft (no data of its own in it): Mongolian script, no Chinese, the numbers kept.
    expect(found.get(C)?.summary.mn).toMatch(/^[^\p{Script=Han}]*[\u1800-\u18af][^\p{Script=Han}]*$/u);
    expect(found.get(C)?.summary.mn).toContain('(2026-06-16–2026-06-23)');
    await disable(r.id);
  });

  it('overdue plan items, from another plugin’s deadline source', async () => {
    fixture.deadlines.push(deadline('fixture.plans', 'p1', A, '2026-06-23', '上报季度总结'), deadline('fixture.plans', 'p2', B, today, '走访重点人员'));
    const r = await rule({ kind: 'plan-overdue', source: 'fixture.plans', graceDays: 0, lookbackDays: 30 });
    await evaluate();
    const found = await warningsOf(r.id);
    expect(found.map((w) => [w.orgCode, w.subject, w.summary.zh])).toEqual([[A, 'fixture.plans:p1', '“上报季度总结”已逾期1天（期限2026-06-23），仍未完成。']]);
    // Done in its plugin: no longer listed, so the warning nobody acted on closes itself.
    fixture.deadlines = fixture.deadlines.filter((d) => d.id !== 'p1');
    const again = await evaluate();
    expect(again.autoClosed).toBe(1);
    expect((await warningsOf(r.id))[0]).toMatchObject({ state: 'closed', closeReason: 'cleared', conditionActive: false });
    await disable(r.id);
  });

  it('score below a line, from another plugin’s indicator, for the completed quarter', async () => {
    fixture.scores.set('2026-Q1', new Map([[A, 599.5], [B, 600]]));
    const r = await rule({ kind: 'score-below', indicator: 'fixture.score', period: 'quarter', periodOf: 'completed', threshold: 600 }, { severity: 'urgent' });
    await evaluate();
    const found = await warningsOf(r.id);
    expect(fixture.periodsAsked).toContain('2026-Q1');
    expect(found.map((w) => [w.orgCode, w.severity, w.summary.zh])).toEqual([[A, 'urgent', '2026年第一季度测试得分为599.5分，低于预警线600分。']]);
    await disable(r.id);
  });

  it('statutory deadlines approaching (or passed) within working days', async () => {
    fixture.deadlines.push(
      deadline('fixture.statutes', 's1', A, '2026-06-26', '调解协议司法确认申请'), // the 2nd working day ahead: raised
      deadline('fixture.statutes', 's2', B, '2026-06-29', '复议申请转递'), // the 3rd: just beyond
      deadline('fixture.statutes', 's3', C, '2026-06-20', '调查评估意见'), // passed and still open: raised
    );
    const r = await rule({ kind: 'deadline-approaching', sources: ['fixture.statutes'], withinWorkingDays: 2, lookbackDays: 30 }, { severity: 'urgent' });
    await evaluate();
    const found = byOrg(await warningsOf(r.id));
    expect([...found.keys()].sort()).toEqual([A, C]);
    expect(found.get(A)?.summary.zh).toBe('“调解协议司法确认申请”将于2026-06-26届满，还有2天。');
    expect(found.get(C)?.summary.zh).toBe('“调查评估意见”已于2026-06-20届满，逾期4天仍未办结。');
    await disable(r.id);
  });
});

describe('re-evaluation', () => {
  it('never duplicates, also when two evaluations run at once', async () => {
    await record('fixture.record', 'dedup-a', [{ orgCode: A, day: '2026-06-05', metric: 'fixture.visits', value: 50 }]);
    const r = await rule({ kind: 'metric-threshold', metric: 'fixture.visits', period: 'month', periodOf: 'current', comparison: 'above', threshold: 40 });
    const first = await evaluate();
    expect(first.raised).toBe(1);
    const second = await evaluate();
    expect(second).toMatchObject({ raised: 0, stillOpen: 1, resolved: 0 });
    await Promise.all([evaluate(), evaluate('city', { orgCode: '150402' }), runJob(clock)]);
    const found = await warningsOf(r.id);
    expect(found).toHaveLength(1);
    const detail = await (await client('hongshan')).warnings.get.query({ id: found[0]!.id });
    expect(detail.steps.map((s) => s.kind)).toEqual(['raise']);
    expect(detail.steps[0]).toMatchObject({ seq: 1, from: null, to: 'raised', by: { kind: 'system' } });
    await disable(r.id);
  });

  it('auto-closes what cleared before anyone acted, reopens it when it returns, and leaves handled ones to people', async () => {
    const visits = (value: number | null) => record('fixture.record', 'auto-b', value === null ? [] : [{ orgCode: B, day: '2026-06-09', metric: 'fixture.visits', value }]);
    await visits(90);
    const r = await rule({ kind: 'metric-threshold', metric: 'fixture.visits', period: 'month', periodOf: 'current', comparison: 'above', threshold: 80 });
    await evaluate();
    const [w] = await warningsOf(r.id);
    expect(w).toMatchObject({ orgCode: B, state: 'raised' });
    expect(await warningFacts(w!.id)).toEqual([['warnings.raised', '2026-06-24']]);

    await visits(null); // the record behind it was withdrawn
    const cleared = await evaluate();
    expect(cleared).toMatchObject({ resolved: 1, autoClosed: 1 });
    const hongshan = await client('hongshan');
    let detail = await hongshan.warnings.get.query({ id: w!.id });
    expect(detail).toMatchObject({ state: 'closed', closeReason: 'cleared', conditionActive: false, actions: [] });
    expect(detail.steps.at(-1)).toMatchObject({ kind: 'auto-close', from: 'raised', to: 'closed', by: { kind: 'system' } });
    expect(await warningFacts(w!.id)).toEqual([
      ['warnings.closed', '2026-06-24'],
      ['warnings.raised', '2026-06-24'],
      ['warnings.raised-closed', '2026-06-24'],
    ]);

    await visits(95);
    const back = await evaluate();
    expect(back).toMatchObject({ reopened: 1, raised: 0 });
    detail = await hongshan.warnings.get.query({ id: w!.id });
    expect(detail).toMatchObject({ state: 'raised', closeReason: null, conditionActive: true });
    expect(detail.steps.map((s) => s.kind)).toEqual(['raise', 'auto-close', 'reopen']);
    expect(detail.summary.zh).toContain('95次');
    // Reopened: counted as raised (on its first day), no longer as closed (nor in the close rate).
    expect(await warningFacts(w!.id)).toEqual([['warnings.raised', '2026-06-24']]);

    await hongshan.warnings.issueNotice.mutate({ id: w!.id, requirement: '说明走访量异常的原因。' });
    await visits(null);
    const handled = await evaluate();
    expect(handled).toMatchObject({ resolved: 1, autoClosed: 0 });
    expect(await hongshan.warnings.get.query({ id: w!.id })).toMatchObject({ state: 'notice-issued', conditionActive: false });
    await hongshan.warnings.close.mutate({ id: w!.id, note: '数据已更正。' });
    expect(await warningFacts(w!.id)).toEqual([
      ['warnings.closed', '2026-06-24'],
      ['warnings.raised', '2026-06-24'],
      ['warnings.raised-closed', '2026-06-24'],
    ]);
    await disable(r.id);
  });
});

describe('lifecycle', () => {
  let warningId: string;
  let ruleId: string;
  beforeAll(async () => {
    fixture.deadlines.push(deadline('fixture.plans', 'p3', A, '2026-06-20', '法治宣传月活动总结'));
    ruleId = (await rule({ kind: 'plan-overdue', source: 'fixture.plans', graceDays: 0, lookbackDays: 30 })).id;
    await evaluate();
    warningId = (await warningsOf(ruleId))[0]!.id;
  });
  afterAll(() => disable(ruleId));

  it('goes raised → notice-issued → assigned → feedback-received → closed, each step recorded with its documents and notifications', async () => {
    const [hongshan, xitun] = [await client('hongshan'), await client('xitun')];
    expect((await hongshan.warnings.get.query({ id: warningId })).actions).toEqual(['notice', 'close']);
    expect((await xitun.warnings.get.query({ id: warningId })).actions).toEqual([]);

    const noticed = await hongshan.warnings.issueNotice.mutate({
      id: warningId,
      requirement: '请于期限内补报活动总结，并说明逾期原因。',
      rectification: { requirements: ['补报活动总结', '建立计划事项台账'], basis: '《全国司法所工作规范》' },
      note: '首次逾期',
    });
    const respondBy = WorkingCalendar.fromPackage().addWorkingDays(today, 10);
    expect(noticed).toMatchObject({ state: 'notice-issued', respondBy, overdue: false, actions: ['assign', 'close'] });
    const noticeStep = noticed.steps.at(-1)!;
    expect(noticeStep).toMatchObject({ seq: 2, kind: 'notice', from: 'raised', to: 'notice-issued', by: { kind: 'user', name: 't.hongshan' }, note: '首次逾期', respondBy, items: ['补报活动总结', '建立计划事项台账'] });
    expect(noticeStep.documents.map((d) => d.template)).toEqual(['warnings.warning-slip', 'warnings.rectification-notice']);
    for (const d of noticeStep.documents) expect(d.downloadPath).toBe(`/plugins/platform/documents/${encodeURIComponent(d.id)}`);

    // The warned office sees it with "respond" now, gets the notice, and can download its 预警单.
    expect((await xitun.warnings.get.query({ id: warningId })).actions).toEqual(['respond']);
    const inbox = await xitun.platform.notifications.list.query({});
    expect(inbox.items.find((n) => n.entity?.id === warningId && n.kind === 'warnings.notice')).toMatchObject({ documentId: noticeStep.documents[0]!.id });
    const slip = await rawFetch(`${t.url}${noticeStep.documents[0]!.downloadPath}`, { headers: { authorization: `Bearer ${await t.tokenOf('xitun')}` } });
    expect(slip.status).toBe(200);
    expect(slip.headers.get('content-type')).toContain('officedocument.wordprocessingml');

    const assigned = await hongshan.warnings.assign.mutate({ id: warningId, orgCode: A, person: '张三', task: '三日内补报总结。', respondBy: '2026-06-30' });
    expect(assigned).toMatchObject({ state: 'assigned', respondBy: '2026-06-30', assignee: { orgCode: A, person: '张三', orgName: { zh: '西屯街道司法所' } } });
    expect(assigned.steps.at(-1)!.documents.map((d) => d.template)).toEqual(['warnings.assignment-slip']);

    const responded = await xitun.warnings.respond.mutate({ id: warningId, text: '已补报活动总结。\n逾期系人员调整所致。', measures: ['建立计划事项台账'] });
    expect(responded).toMatchObject({ state: 'feedback-received', actions: [] });
    expect(responded.steps.at(-1)).toMatchObject({ kind: 'respond', by: { name: 't.xitun' }, text: '已补报活动总结。\n逾期系人员调整所致。', items: ['建立计划事项台账'] });
    const managerInbox = await hongshan.platform.notifications.list.query({});
    expect(managerInbox.items.some((n) => n.entity?.id === warningId && n.kind === 'warnings.respond')).toBe(true);
    // D6: the message of new warnings reads in Mongolian too (drafts): its title, and the summary in its body.
    const raisedNote = managerInbox.items.find((n) => n.kind === 'warnings.raised');
    expect(raisedNote?.title.mn).toMatch(/^ᠰᠢᠨ᠎ᠡ ᠰᠡᠷᠡᠮᠵᠢᠯᠡᠯ \d+᠄/);
    expect(raisedNote?.body.mn).toMatch(/[\u1820-\u18AF]/);

    const closed = await hongshan.warnings.close.mutate({ id: warningId, note: '整改到位。', advice: '建议每月初核对计划事项。' });
    expect(closed).toMatchObject({ state: 'closed', closeReason: 'handled', actions: [] });
    expect(closed.steps.map((s) => [s.seq, s.kind, s.from, s.to, s.documents.length])).toEqual([
      [1, 'raise', null, 'raised', 0],
      [2, 'notice', 'raised', 'notice-issued', 2],
      [3, 'assign', 'notice-issued', 'assigned', 1],
      [4, 'respond', 'assigned', 'feedback-received', 1],
      [5, 'close', 'feedback-received', 'closed', 1],
    ]);
    expect(closed.steps[4]!.documents[0]!.template).toBe('warnings.advice-letter');
    expect(new Set(closed.steps.flatMap((s) => s.documents.map((d) => d.number))).size).toBe(5);
    expect((await xitun.platform.notifications.list.query({})).items.some((n) => n.entity?.id === warningId && n.kind === 'warnings.close')).toBe(true);
  });

  it('refuses illegal steps with the current state and what is allowed next', async () => {
    const fresh = deadline('fixture.plans', 'p5', A, '2026-06-19', '矛盾纠纷排查');
    fixture.deadlines.push(fresh);
    await evaluate();
    const w = (await warningsOf(ruleId)).find((x) => x.subject === 'fixture.plans:p5')!;
    const [hongshan, xitun] = [await client('hongshan'), await client('xitun')];

    const early = await sifaErrorOf(xitun.warnings.respond.mutate({ id: w.id, text: '已处理。' }));
    expect(early.data).toMatchObject({ sifaCode: 'CONFLICT', httpStatus: 409, details: { warningId: w.id, state: 'raised', action: 'respond', allowed: 'notice,close' } });
    expect(early.message).toBe('This warning is raised; it cannot respond now. Allowed next: "notice" (issue a notice), "close" (close).');

    await hongshan.warnings.issueNotice.mutate({ id: w.id, requirement: '请排查并反馈。' });
    const twice = await sifaErrorOf(hongshan.warnings.issueNotice.mutate({ id: w.id, requirement: '再次下发。' }));
    expect(twice.data.details).toMatchObject({ state: 'notice-issued', allowed: 'assign,respond,close' });

    // Roles: an office never manages; a county never answers for its office.
    const officeNotice = await sifaErrorOf(xitun.warnings.close.mutate({ id: w.id }));
    expect(officeNotice.data).toMatchObject({ sifaCode: 'FORBIDDEN', details: { permission: 'warnings.manage' } });
    const countyRespond = await sifaErrorOf(hongshan.warnings.respond.mutate({ id: w.id, text: '代为反馈。' }));
    expect(countyRespond.data).toMatchObject({ sifaCode: 'FORBIDDEN', details: { warningId: w.id, action: 'respond' } });

    await hongshan.warnings.close.mutate({ id: w.id });
    const afterClose = await sifaErrorOf(hongshan.warnings.assign.mutate({ id: w.id, orgCode: A, task: '重新交办。' }));
    expect(afterClose.data.details).toMatchObject({ state: 'closed', allowed: '' });
    expect(afterClose.message).toContain('nothing (the warning is closed)');
  });

  it('keeps the step history append-only in the database', async () => {
    const attempt = t.server.database.db.execute(sql`UPDATE warnings_steps SET note = 'changed' WHERE warning_id = ${warningId}`);
    await expect(attempt).rejects.toThrow();
    await expect(t.server.database.db.execute(sql`DELETE FROM warnings_steps WHERE warning_id = ${warningId}`)).rejects.toThrow();
  });
});

describe('escalation', () => {
  it('escalates overdue feedback to the next level up in the scheduled job, once', async () => {
    fixture.deadlines.push(deadline('fixture.plans', 'p4', B, '2026-06-19', '社区矫正走访计划'));
    const r = await rule({ kind: 'plan-overdue', source: 'fixture.plans', graceDays: 0, lookbackDays: 30 });
    await evaluate();
    const w = (await warningsOf(r.id)).find((x) => x.orgCode === B)!;
    const hongshan = await client('hongshan');
    await hongshan.warnings.issueNotice.mutate({ id: w.id, requirement: '请说明逾期原因。', respondBy: '2026-06-26' });

    // The 26th itself is not overdue yet.
    expect((await runJob(new Date('2026-06-26T01:00:00Z'))).counts['escalated']).toBe(0);
    const run = await runJob(new Date('2026-06-29T01:00:00Z'));
    expect(run.counts['escalated']).toBe(1);
    const city = await client('city');
    const escalated = await city.warnings.get.query({ id: w.id });
    expect(escalated).toMatchObject({ state: 'escalated', escalatedTo: { orgCode: '1504', orgName: { zh: '赤峰市' } }, actions: ['notice', 'assign', 'close'] });
    expect(escalated.steps.at(-1)).toMatchObject({ kind: 'escalate', from: 'notice-issued', to: 'escalated', by: { kind: 'system', id: 'job:warnings.evaluate' }, assignee: { orgCode: '1504' } });
    expect((await city.platform.notifications.list.query({})).items.some((n) => n.kind === 'warnings.escalated' && n.entity?.id === w.id)).toBe(true);
    expect((await runJob(new Date('2026-06-30T01:00:00Z'))).counts['escalated']).toBe(0);

    // The office may still answer; the manager and the level it went to both hear of it.
    const answered = await (await client('sanzhongjie')).warnings.respond.mutate({ id: w.id, text: '已完成走访。' });
    expect(answered.state).toBe('feedback-received');
    expect((await city.platform.notifications.list.query({})).items.some((n) => n.kind === 'warnings.respond' && n.entity?.id === w.id)).toBe(true);
    await city.warnings.close.mutate({ id: w.id });
    await disable(r.id);
  });
});

describe('scoping', () => {
  let hongshanWarning: string;
  let ruleId: string;
  beforeAll(async () => {
    fixture.deadlines.push(deadline('fixture.plans', 'p6', A, '2026-06-22', '普法资料发放'), deadline('fixture.plans', 'p7', '150404001', '2026-06-22', '松山区的计划'));
    ruleId = (await rule({ kind: 'plan-overdue', source: 'fixture.plans', graceDays: 0, lookbackDays: 30 }, {}, 'city')).id;
    await evaluate('city');
    hongshanWarning = (await warningsOf(ruleId, 'city')).find((w) => w.orgCode === A)!.id;
  });
  afterAll(() => disable(ruleId));

  it('a county admin sees only its own county, and cannot reach into another', async () => {
    const songshan = await client('songshan');
    const own = await songshan.warnings.list.query({ status: 'all', limit: 200 });
    expect(own.warnings.length).toBeGreaterThan(0);
    expect(own.warnings.every((w) => w.orgCode.startsWith('150404'))).toBe(true);
    expect(own.viewer).toEqual({ orgCode: '150404', canManage: true, canRespond: true });
    expect((await sifaErrorOf(songshan.warnings.list.query({ orgCode: '150402' }))).data.sifaCode).toBe('OUT_OF_SCOPE');
    expect((await sifaErrorOf(songshan.warnings.get.query({ id: hongshanWarning }))).data.sifaCode).toBe('NOT_FOUND');
    expect((await sifaErrorOf(songshan.warnings.issueNotice.mutate({ id: hongshanWarning, requirement: '越权下发。' }))).data.sifaCode).toBe('NOT_FOUND');
    expect((await sifaErrorOf(songshan.warnings.evaluate.mutate({ orgCode: '150402' }))).data.sifaCode).toBe('OUT_OF_SCOPE');
    expect((await songshan.warnings.listRules.query({})).some((r) => r.orgCode === '150402')).toBe(false);
  });

  it('an office sees only its own warnings; a county reads the city’s rules but cannot change them', async () => {
    const xitun = await client('xitun');
    const mine = await xitun.warnings.list.query({ status: 'all', limit: 200 });
    expect(mine.warnings.length).toBeGreaterThan(0);
    expect(mine.warnings.every((w) => w.orgCode === A)).toBe(true);
    expect(mine.viewer).toEqual({ orgCode: A, canManage: false, canRespond: true });
    expect((await sifaErrorOf(xitun.warnings.evaluate.mutate({}))).data).toMatchObject({ sifaCode: 'FORBIDDEN', details: { permission: 'warnings.manage' } });

    const hongshan = await client('hongshan');
    const inherited = (await hongshan.warnings.listRules.query({})).find((r) => r.id === ruleId)!;
    expect(inherited).toMatchObject({ orgCode: '1504', editable: false });
    const change = await sifaErrorOf(hongshan.warnings.updateRule.mutate({ ...inherited, enabled: false }));
    expect(change.data).toMatchObject({ sifaCode: 'FORBIDDEN', details: { ruleId } });
    expect((await sifaErrorOf(hongshan.warnings.deleteRule.mutate({ id: ruleId }))).data.sifaCode).toBe('FORBIDDEN');
    // A county's own evaluation applies the city's rule to the county only.
    fixture.deadlines.push(deadline('fixture.plans', 'p8', '150404002', '2026-06-22', '另一个松山区计划'));
    await evaluate('hongshan');
    expect((await warningsOf(ruleId, 'city')).some((w) => w.subject === 'fixture.plans:p8')).toBe(false);
  });
});

describe('rules and bad input', () => {
  it('refuses rules that name what is not installed or warn the wrong level, saying which field', async () => {
    const hongshan = await client('hongshan');
    const issuesOf = async (input: Parameters<typeof hongshan.warnings.createRule.mutate>[0]) => {
      const e = await sifaErrorOf(hongshan.warnings.createRule.mutate(input));
      expect(e.data.sifaCode).toBe('VALIDATION_FAILED');
      return e.data.issues;
    };
    const base = { title: { zh: '坏规则', en: 'Bad rule' }, targetLevel: 'office' as const, severity: 'info' as const };
    expect(await issuesOf({ ...base, params: { kind: 'metric-threshold', metric: 'fixture.nope', period: 'month', periodOf: 'completed', comparison: 'below', threshold: 1 } })).toEqual([
      { path: 'params.metric', message: expect.stringContaining('No installed plugin declares the metric fixture.nope') },
    ]);
    expect((await issuesOf({ ...base, params: { kind: 'plan-overdue', source: 'plans.items', graceDays: 0, lookbackDays: 30 } }))[0]).toMatchObject({ path: 'params.source', message: expect.stringContaining('fixture.plans, fixture.statutes') });
    expect((await issuesOf({ ...base, params: { kind: 'score-below', indicator: 'assessment.total-score', period: 'year', periodOf: 'current', threshold: 1 } }))[0]!.path).toBe('params.indicator');
    expect((await issuesOf({ ...base, params: { kind: 'deadline-approaching', sources: ['fixture.statutes', 'court.hearings'], withinWorkingDays: 1, lookbackDays: 1 } }))[0]!.path).toBe('params.sources.1');
    expect((await issuesOf({ ...base, targetLevel: 'county', params: { kind: 'diary-missing', windowWorkingDays: 5, toleratedDays: 1 } })).map((i) => i.path)).toEqual(['targetLevel', 'targetLevel']);
    expect((await issuesOf({ ...base, params: { kind: 'plan-overdue', source: 'fixture.plans', graceDays: 10, lookbackDays: 10 } }))[0]!.path).toBe('params.lookbackDays');
    expect((await issuesOf({ ...base, orgCode: A, params: { kind: 'diary-missing', windowWorkingDays: 5, toleratedDays: 1 } })).map((i) => i.path)).toEqual(['orgCode', 'targetLevel']);
    // zod's own checks, in the caller's language from the plugin's catalogue.
    const shape = await sifaErrorOf(hongshan.warnings.createRule.mutate({ ...base, params: { kind: 'metric-threshold', metric: 'fixture.cases', period: 'month', periodOf: 'completed', comparison: 'below', threshold: -1 } }));
    expect(shape.data.issues).toEqual([{ path: 'params.threshold', message: 'The line must be a number of at least 0.' }]);
    const zh = await sifaErrorOf((await t.client('hongshan', { locale: 'zh-CN' })).warnings.createRule.mutate({ ...base, params: { kind: 'diary-missing', windowWorkingDays: 3, toleratedDays: 3 } }));
    expect(zh.data.issues).toEqual([{ path: 'params.toleratedDays', message: '允许缺报天数应为 0 至 59 之间的整数，且小于统计窗口。' }]);
  });

  it('updates against the revision, never changes a kind, deletes only unused rules', async () => {
    const hongshan = await client('hongshan');
    const r = await rule({ kind: 'metric-threshold', metric: 'fixture.cases', period: 'year', periodOf: 'current', comparison: 'above', threshold: 1e9 });
    const updated = await hongshan.warnings.updateRule.mutate({ ...r, severity: 'urgent', enabled: false });
    expect(updated).toMatchObject({ revision: 1, severity: 'urgent', enabled: false, editable: true });
    expect((await sifaErrorOf(hongshan.warnings.updateRule.mutate({ ...r, severity: 'info' }))).data).toMatchObject({ sifaCode: 'CONFLICT', details: { revision: 0, currentRevision: 1 } });
    const kind = await sifaErrorOf(hongshan.warnings.updateRule.mutate({ ...updated, params: { kind: 'diary-missing', windowWorkingDays: 5, toleratedDays: 1 } }));
    expect(kind.data.issues.map((i) => i.path)).toEqual(['params.kind']);
    expect(await hongshan.warnings.deleteRule.mutate({ id: r.id })).toEqual({ id: r.id, deleted: true });
    expect((await sifaErrorOf(hongshan.warnings.deleteRule.mutate({ id: r.id }))).data.sifaCode).toBe('NOT_FOUND');
    const used = created[0]!;
    expect((await sifaErrorOf(hongshan.warnings.deleteRule.mutate({ id: used }))).data).toMatchObject({ sifaCode: 'CONFLICT', details: { ruleId: used } });
  });

  it('validates every step’s input', async () => {
    const hongshan = await client('hongshan');
    const pathsOf = async (call: Promise<unknown>) => (await sifaErrorOf(call)).data.issues.map((i) => i.path);
    expect(await pathsOf(hongshan.warnings.list.query({ limit: 0 }))).toEqual(['limit']);
    expect(await pathsOf(hongshan.warnings.get.query({ id: 'nope' }))).toEqual(['id']);
    expect(await pathsOf(hongshan.warnings.evaluate.mutate({ at: '2026-06-25' }))).toEqual(['at']);
    expect(await pathsOf(hongshan.warnings.evaluate.mutate({ at: '24/06/2026' }))).toEqual(['at']);
    expect(await pathsOf(hongshan.warnings.respond.mutate({ id: '0b0f7d3e-8f5a-4c62-9d43-0d6e1c2b7a11', text: '   ' }))).toEqual(['text']);
    expect(await pathsOf(hongshan.warnings.issueNotice.mutate({ id: '0b0f7d3e-8f5a-4c62-9d43-0d6e1c2b7a11', requirement: 'x', rectification: { requirements: [] } }))).toEqual(['rectification.requirements']);
    expect((await sifaErrorOf(hongshan.warnings.get.query({ id: '0b0f7d3e-8f5a-4c62-9d43-0d6e1c2b7a11' }))).data.sifaCode).toBe('NOT_FOUND');

    fixture.deadlines.push(deadline('fixture.plans', 'p9', C, '2026-06-22', '台账整理'));
    const r = await rule({ kind: 'plan-overdue', source: 'fixture.plans', graceDays: 0, lookbackDays: 30 });
    await evaluate();
    const w = (await warningsOf(r.id)).find((x) => x.subject === 'fixture.plans:p9')!;
    expect(await pathsOf(hongshan.warnings.issueNotice.mutate({ id: w.id, requirement: '补交。', respondBy: '2026-06-23' }))).toEqual(['respondBy']);
    await hongshan.warnings.issueNotice.mutate({ id: w.id, requirement: '补交。' });
    // Assign only to the warned office or below it.
    expect(await pathsOf(hongshan.warnings.assign.mutate({ id: w.id, orgCode: B, task: '交给别的所。' }))).toEqual(['orgCode']);
    expect((await sifaErrorOf(hongshan.warnings.assign.mutate({ id: w.id, orgCode: '150404001', task: '交给外区。' }))).data.sifaCode).toBe('OUT_OF_SCOPE');
    await hongshan.warnings.close.mutate({ id: w.id });
    await disable(r.id);
  });
});

describe('paging', () => {
  it('D9: the list pages on with a cursor until every warning was shown, in the same order, none twice', async () => {
    // Every office of Hongshan warned (a line nobody reaches), three of them closed.
    const r = await rule({ kind: 'metric-threshold', metric: 'fixture.cases', period: 'year', periodOf: 'current', comparison: 'below', threshold: 1e9 });
    await evaluate();
    const hongshan = await client('hongshan');
    for (const w of (await warningsOf(r.id)).slice(0, 3)) await hongshan.warnings.close.mutate({ id: w.id });
    const city = await client('city');
    for (const status of ['all', 'open', 'closed'] as const) {
      const whole = await city.warnings.list.query({ status, limit: 200 });
      expect(whole.total, status).toBeGreaterThan(2);
      expect(whole.total, status).toBeLessThanOrEqual(200);
      expect(whole.nextCursor, status).toBeNull();
      const seen: string[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const page = await city.warnings.list.query({ status, limit: 2, ...(cursor ? { cursor } : {}) });
        expect(page.total).toBe(whole.total);
        expect(page.warnings.length).toBeLessThanOrEqual(2);
        seen.push(...page.warnings.map((w) => w.id));
        cursor = page.nextCursor ?? undefined;
        pages++;
      } while (cursor && pages < 200);
      expect(seen, status).toEqual(whole.warnings.map((w) => w.id));
      expect(pages, status).toBe(Math.ceil(whole.total / 2));
    }
    // A cursor is a warning's id; anything else is refused as a field issue.
    expect((await sifaErrorOf(city.warnings.list.query({ cursor: 'page-2' }))).data.issues.map((i) => i.path)).toEqual(['cursor']);
    await disable(r.id);
  });
});
