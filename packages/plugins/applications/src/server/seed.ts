/**
 * DEMO applications (`sifa seed`, `sifa start --seed`) for every office over the demo year up to
 * yesterday: reconsideration applications (real offices forward few: 1–3 here, 4 in the demo
 * accounts' 西屯 and 三中街), legal-aid applications (2–6), notary and arbitration referrals (0–2),
 * through the casework engine: the demo accounts' offices step by step (the
 * receipt issued), the others imported whole (`cases.import`, the same checks, no documents).
 * Labelled demo: applicants 演示申请人… with 1380000 phones, every act and request starts with
 * 【示范】; the bodies are the real county and city governments (the reconsideration bodies of
 * Chifeng), the respondents plausible township bodies. Deterministic (office code and day);
 * idempotent (an office with any application gets none).
 */
import { addDays, type PluginSeedContext } from '@sifa/core';
import { demoRandom, demoYearStart, seedDemoCaseFiles, type DemoCaseFile } from '@sifa/server';
import { arbitrationCaseTypeCode, legalAidCaseType, legalAidCaseTypeCode, notaryCaseType, notaryCaseTypeCode, arbitrationCaseType, reconsiderationCaseTypeCode, type ApplicationChannel } from '../case-types.js';

export interface ApplicationsDemoOptions {
  /** The offices (9-digit codes) that get demo applications: 'all' (default) or a list. */
  offices: 'all' | string[];
  /** Offices whose applications are taken step by step (the receipt issued); the others' are imported whole. */
  stepByStep: string[];
}

export const defaultApplicationsDemo: ApplicationsDemoOptions = { offices: 'all', stepByStep: ['150402001', '150402002'] };

const mark = '【示范】';
const chinaDay = (at: Date) => new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

const matters = [
  { respondent: '{township}人民政府', act: '《责令限期拆除决定书》：认定申请人院内新建彩钢房为违法建设，责令十日内自行拆除。', request: '撤销该责令限期拆除决定。', facts: '申请人认为该彩钢房建于宅基地范围内，系对原有房屋的修缮，不属于违法建设。' },
  { respondent: '{county}市场监督管理局', act: '《行政处罚决定书》：以销售过期食品为由，对申请人经营的小卖部罚款五千元。', request: '撤销该行政处罚决定，或者变更为警告。', facts: '申请人称涉案食品系顾客退回待处理的商品，并未对外销售，且系初次违法、及时改正。' },
  { respondent: '{county}人力资源和社会保障局', act: '《不予认定工伤决定书》：认定申请人在上班途中受伤不属于工伤。', request: '撤销不予认定工伤决定，责令重新作出认定。', facts: '申请人在下班途中发生非本人主要责任的交通事故，交警部门已出具事故认定书。' },
  { respondent: '{county}自然资源局', act: '对申请人土地承包经营权证登记内容更正申请作出的不予更正答复。', request: '确认该答复违法，责令依法更正登记。', facts: '申请人承包地四至与实际不符，村委会已出具证明。' },
  { respondent: '{township}人民政府', act: '未在法定期限内答复申请人提出的最低生活保障申请。', request: '责令被申请人依法履行审核职责。', facts: '申请人于三个月前提交低保申请及证明材料，至今未获答复。' },
];
const bodies: Record<string, string> = { '150402': '红山区人民政府', '150403': '元宝山区人民政府', '150404': '松山区人民政府' };
const surnames = ['王', '李', '张', '刘', '陈', '杨', '赵', '包', '乌', '白'];

export interface PlannedApplication extends DemoCaseFile {
  path: 'decided' | 'not-accepted' | 'corrected' | 'open' | 'withdrawn';
}

/** The demo applications of one office between `from` and `to` (inclusive). */
export function plannedApplications(office: { code: string; township: string; county: string }, count: number, from: string, to: string, addWorkingDays: (day: string, n: number) => string): PlannedApplication[] {
  const g = demoRandom(`applications-demo:${office.code}`);
  const span = Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
  const body = bodies[office.code.slice(0, 6)] ?? `${office.county}人民政府`;
  const out: PlannedApplication[] = [];
  for (let i = 0; i < count; i++) {
    const day = addWorkingDays(addDays(from, Math.floor(((i + g.next()) / count) * span) - 1), 1);
    if (day > to) continue;
    const matter = g.pick(matters);
    const fill = (s: string) => s.replaceAll('{township}', office.township).replaceAll('{county}', office.county);
    const channel: ApplicationChannel = g.weighted([['in-person', 6], ['oral', 3], ['post', 1]] as const);
    const knewOn = addDays(day, -g.int(3, 50));
    const fields: Record<string, unknown> = {
      applicants: [{ role: 'applicant', name: `演示申请人${g.pick(surnames)}某`, phone: `1380000${String(g.int(0, 9999)).padStart(4, '0')}`, address: `${office.township}演示社区${g.int(1, 30)}号` }],
      respondent: fill(matter.respondent),
      act: `${mark}${fill(matter.act)}`,
      knewOn,
      rightNotified: g.next() < 0.8,
      immovable: false,
      request: `${mark}${matter.request}`,
      factsReasons: `${mark}${matter.facts}`,
      channel,
      ...(channel === 'oral' ? { oralRecord: 'signed' } : {}),
    };
    const steps: DemoCaseFile['steps'] = [];
    const step = (transition: string, on: string, stepFields: Record<string, unknown>) => {
      if (on <= to) steps.push({ transition, on, fields: stepFields });
    };
    const forwardedOn = addWorkingDays(day, g.int(1, 2));
    step('forward', forwardedOn, { body, method: g.pick(['delivered', 'post', 'online']) });
    const path: PlannedApplication['path'] = g.weighted([['decided', 6], ['not-accepted', 1], ['corrected', 2], ['withdrawn', 1]] as const);
    let next = forwardedOn;
    if (path === 'not-accepted') {
      step('not-accepted', addWorkingDays(next, g.int(3, 5)), { reason: `${mark}申请事项不属于行政复议范围（《行政复议法》第十二条）。` });
    } else if (path === 'withdrawn') {
      step('withdraw', addWorkingDays(next, g.int(2, 10)), { reason: `${mark}申请人与被申请人协商解决，撤回申请。` });
    } else {
      if (path === 'corrected') {
        step('correction-requested', (next = addWorkingDays(next, g.int(2, 4))), { items: `${mark}请补充提交行政行为决定书复印件及身份证明。` });
        step('corrected', (next = addWorkingDays(next, g.int(2, 8))), { supplied: `${mark}申请人已补充提交决定书复印件和身份证复印件。` });
      }
      const procedure = g.next() < 0.3 ? 'simplified' : 'normal';
      step('accepted', (next = addWorkingDays(next, g.int(2, 5))), { procedure });
      step('decided', addDays(next, g.int(15, procedure === 'simplified' ? 28 : 55)), {
        decision: g.weighted([['upheld', 5], ['revoked', 2], ['varied', 1], ['dismissed', 1], ['mediated', 1]] as const),
        decisionNotes: `${mark}${body}行政复议决定书。`,
      });
    }
    const done = steps.at(-1)?.transition;
    out.push({ on: day, fields, steps, path: done === 'decided' || done === 'not-accepted' || done === 'withdraw' ? (path === 'corrected' ? 'corrected' : path) : 'open' });
  }
  return out;
}

const referralScripts: Record<string, { summary: string; institution: (county: string) => string }> = {
  [legalAidCaseTypeCode]: { summary: '申请人追索拖欠的劳动报酬，因经济困难无力委托律师，申请法律援助。', institution: (county) => `${county}法律援助中心` },
  [notaryCaseTypeCode]: { summary: '申请人之父去世，遗留房产一处，兄妹三人协商一致，申请办理继承公证。', institution: () => '赤峰市红山公证处' },
  [arbitrationCaseTypeCode]: { summary: '申请人与承包方因土地流转费用支付发生争议，申请仲裁。', institution: (county) => `${county}农村土地承包仲裁委员会` },
};

/** The demo referrals (legal aid, notary, arbitration) of one office: received, passed on a day or two later, most decided. */
export function plannedReferrals(type: typeof legalAidCaseType | typeof notaryCaseType | typeof arbitrationCaseType, office: { code: string; township: string; county: string }, count: number, from: string, to: string, addWorkingDays: (day: string, n: number) => string): DemoCaseFile[] {
  const g = demoRandom(`applications-demo:${type.code}:${office.code}`);
  const script = referralScripts[type.code]!;
  const span = Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
  const matters = (type.fields.matter as { options: readonly { value: string }[] }).options.map((o) => o.value);
  const outcomes = ((type.transitions.find((x) => x.code === 'decided')!.fields!.outcome as { options: readonly { value: string }[] }).options).map((o) => o.value);
  const out: DemoCaseFile[] = [];
  for (let i = 0; i < count; i++) {
    const day = addWorkingDays(addDays(from, Math.floor(((i + g.next()) / count) * span) - 1), 1);
    if (day > to) continue;
    const steps: DemoCaseFile['steps'] = [];
    const forwardedOn = addWorkingDays(day, g.int(0, 2));
    if (forwardedOn <= to) steps.push({ transition: 'forward', on: forwardedOn, fields: { institution: script.institution(office.county) } });
    const decidedOn = addDays(forwardedOn, g.int(3, 7));
    if (decidedOn <= to && g.next() < 0.85) steps.push({ transition: 'decided', on: decidedOn, fields: { outcome: g.weighted([[outcomes[0]!, 8], [outcomes[1]!, 2]] as const) } });
    out.push({
      on: day,
      fields: {
        applicants: [{ role: 'applicant', name: `演示申请人${g.pick(surnames)}某`, phone: `1380000${String(g.int(0, 9999)).padStart(4, '0')}`, address: `${office.township}演示社区${g.int(1, 30)}号` }],
        matter: g.pick(matters),
        summary: `${mark}${script.summary}`,
        channel: g.weighted([['in-person', 8], ['online', 2]] as const),
      },
      steps,
    });
  }
  return out;
}

export async function seedDemoApplications(ctx: PluginSeedContext, options: ApplicationsDemoOptions): Promise<{ applications: number } | void> {
  const offices = ctx.orgCodes.filter((code) => code.length === 9 && (options.offices === 'all' || options.offices.includes(code)));
  if (offices.length === 0) return;
  if (!ctx.catalog.caseTypes.some((type) => type.code === reconsiderationCaseTypeCode)) return;
  const today = chinaDay(ctx.now());
  const to = addDays(today, -1);
  const from = demoYearStart(today);
  const busy = new Set(options.stepByStep);
  // County names (the bodies and respondents name them), read once in the root's scope: an office's scope does not see its county.
  const counties = new Map<string, string>();
  await ctx.runScoped(ctx.orgCodes[0]!, async (scoped) => {
    for (const code of new Set(offices.map((o) => o.slice(0, 6)))) counties.set(code, (await scoped.orgs.get(code)).name.zh);
  });
  const plan = (type: string, count: (code: string) => number, planned: (office: { code: string; township: string; county: string }, n: number, addWorkingDays: (day: string, n: number) => string) => DemoCaseFile[]) =>
    seedDemoCaseFiles(ctx, {
      type,
      offices,
      stepByStep: busy,
      plan: (scoped, org) => {
        const office = { code: org.code, township: org.name.zh.replace(/司法所$/, '') || org.name.zh, county: counties.get(org.code.slice(0, 6)) ?? '' };
        return planned(office, count(org.code), (day, n) => scoped.calendar.addWorkingDays(day, n));
      },
    });
  const seq = (code: string) => Number(code.slice(-3));
  const reconsideration = await plan(reconsiderationCaseTypeCode, (code) => (busy.has(code) ? 4 : 1 + (seq(code) % 3)), (office, n, add) => plannedApplications(office, n, from, to, add).map(({ path: _path, ...c }) => c));
  const legalAid = await plan(legalAidCaseTypeCode, (code) => (busy.has(code) ? 6 : 2 + (seq(code) % 4)), (office, n, add) => plannedReferrals(legalAidCaseType, office, n, from, to, add));
  const notary = await plan(notaryCaseTypeCode, (code) => (busy.has(code) ? 2 : seq(code) % 2), (office, n, add) => plannedReferrals(notaryCaseType, office, n, from, to, add));
  const arbitration = await plan(arbitrationCaseTypeCode, (code) => (busy.has(code) ? 2 : (seq(code) + 1) % 2), (office, n, add) => plannedReferrals(arbitrationCaseType, office, n, from, to, add));
  const ms = reconsideration.ms + legalAid.ms + notary.ms + arbitration.ms;
  ctx.log(
    `demo applications: ${reconsideration.cases} reconsideration, ${legalAid.cases} legal aid, ${notary.cases} notary, ${arbitration.cases} arbitration for ${offices.length} offices${reconsideration.skipped ? ` (${reconsideration.skipped} had applications already)` : ''} in ${ms} ms (${from} … ${to}; labelled 示范)`,
  );
  return { applications: reconsideration.cases + legalAid.cases + notary.cases + arbitration.cases };
}
