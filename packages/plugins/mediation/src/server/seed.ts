/**
 * DEMO MEDIATION CASES. A deterministic, synthetic year of people's-mediation case files for every
 * office of the tree (see `MediationSeedOptions`), through the platform's casework engine: the
 * offices with demo accounts step by step (`scoped.cases.open` / `transition` with the day of each
 * step, documents issued), the others imported whole (`cases.import`, the same checks), so the
 * case lists, deadlines and the facts behind the dashboard are what real work would leave. Every case is labelled demo: parties are
 * 演示当事人甲/乙…, mediators 演示调解员…, addresses in 演示社区, the facts start with 【示范】;
 * ID numbers are well-formed (region code of the office's county, a birth date, a valid check
 * digit) but clearly fake: their sequence code is 000, which is never issued; phone numbers are
 * 1380000xxxx.
 *
 * Over the demo year up to the demo clock's today (from the first of the month eleven months back,
 * the diary history's window) each office registers cases on working days;
 * about 55 % end in an agreement (three in four written, signed and in effect, then followed up,
 * some confirmed by a court, then closed; the rest oral), 15 % fail, 8 % end because a party
 * refuses, and the newest are still open, a few of them past the one-month mediation period
 * (overdue) and some agreements within their 30 days for judicial confirmation. Steps that would
 * fall after today are not taken; the busy offices (with demo accounts) have at least one overdue
 * case and one agreement awaiting confirmation, the others where their cases fall. The content of an office depends only on its code and today.
 *
 * Idempotent: an office that has any mediation case already (demo or real) gets none.
 */
import { addDays, type CaseParty, type CaseSignature, type PluginSeedContext, type WorkingCalendar } from '@sifa/core';
import type { DisputeType, MediationStep } from '../case-type.js';
import { demoRandom, demoYearStart, seedDemoCaseFiles, type DemoRandom } from '@sifa/server';

export interface MediationSeedOptions {
  /**
   * Which offices get demo cases: `all` (default: every office of the tree), `demo-accounts` (the
   * offices the demo accounts work in, 西屯街道 and 三中街街道), `demo-counties` (every office of
   * 红山区 and 松山区), or a list of codes.
   */
  offices?: 'demo-accounts' | 'demo-counties' | 'all' | string[];
  /**
   * Offices whose cases are taken step by step through the engine, each step issuing its document
   * (default: the busy offices); the others' are imported whole (`cases.import`: the same checks,
   * no documents), which is what lets every office of the tree have a year in seconds.
   */
  stepByStep?: string[];
  /** Counties whose offices `demo-counties` means. */
  demoCounties?: string[];
  /** Offices with a demo account: a busy year (12–16 cases, and the two every office gets); the others 5–10. */
  busyOffices?: string[];
}

const defaults = { demoCounties: ['150402', '150404'], busyOffices: ['150402001', '150402002'] };

type Generator = DemoRandom;

const mark = '【示范】';
const partyLetters = ['甲', '乙', '丙', '丁', '戊', '己'];
const surnames = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '包', '乌'];

/** A well-formed 18-digit ID number that is clearly fake: sequence 000 is never issued. */
export function demoIdNumber(countyCode: string, birth: string): string {
  const body = `${countyCode.slice(0, 6)}${birth.replaceAll('-', '')}000`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((s, d, i) => s + Number(d) * weights[i]!, 0);
  return body + '10X98765432'[sum % 11]!;
}

interface DisputeScript {
  weight: number;
  /** Amount involved (元): [min, max], or null when money is rarely at stake. */
  amount: [number, number] | null;
  facts: string;
  matters: string;
  terms: (amount: number | null) => string;
  performance: string;
}

const yuan = (n: number | null) => (n ? `${n}元` : '');

/** What the demo cases of each dispute type say (all labelled 【示范】). */
const scripts: Record<DisputeType, DisputeScript> = {
  'marriage-family': {
    weight: 14,
    amount: [0, 30_000],
    facts: '双方系家庭成员，因老人赡养费用分担及照料安排产生矛盾，多次争吵。',
    matters: '赡养费的分担比例及照料安排。双方均有赡养义务，应当协商分担。',
    terms: (a) => `甲方、乙方轮流照料老人，每人每月一次；赡养费双方各半分担${a ? `，本年度共计${yuan(a)}` : ''}。`,
    performance: '按月转账支付，照料按约定轮流进行。',
  },
  neighbourhood: {
    weight: 20,
    amount: [0, 5_000],
    facts: '双方系邻居，因一方装修噪音及堆放杂物占用公共通道发生纠纷。',
    matters: '装修施工时间及公共通道占用。装修方应遵守施工时间，另一方应给予合理理解。',
    terms: (a) => `装修方每日8时至12时、14时至18时施工，三日内清理通道杂物${a ? `，并补偿对方损失${yuan(a)}` : ''}。`,
    performance: '立即执行，社区网格员监督。',
  },
  'housing-homestead': {
    weight: 10,
    amount: [0, 80_000],
    facts: '双方因宅基地界址及院墙位置存在争议，一方拆除旧墙后新建院墙越过原界址。',
    matters: '宅基地界址的认定及越界院墙的处理。以村委会登记资料为准，越界部分应予拆除或补偿。',
    terms: (a) => `以原界址为准，越界方于十五日内拆除越界部分院墙${a ? `，或一次性补偿对方${yuan(a)}` : ''}。`,
    performance: '村委会现场见证。',
  },
  contract: {
    weight: 9,
    amount: [5_000, 200_000],
    facts: '双方签订买卖合同后，买方以货物质量问题为由拒付部分货款，卖方要求支付。',
    matters: '货物质量责任及欠付货款数额。质量问题部分属实，双方各负一定责任。',
    terms: (a) => `买方支付剩余货款${yuan(a ?? 10_000)}，卖方对有质量问题的部分货物予以更换。`,
    performance: '银行转账，分两期付清。',
  },
  business: {
    weight: 4,
    amount: [10_000, 150_000],
    facts: '双方合伙经营养殖场，因利润分配及退伙结算发生争议。',
    matters: '合伙利润分配及退伙财产结算。按合伙协议约定的出资比例分配。',
    terms: (a) => `退伙方获得结算款${yuan(a ?? 20_000)}，养殖场由另一方继续经营。`,
    performance: '银行转账一次性支付。',
  },
  damages: {
    weight: 8,
    amount: [1_000, 60_000],
    facts: '一方饲养的牲畜进入另一方农田，毁坏青苗，双方就赔偿数额协商未果。',
    matters: '损失数额及赔偿责任。饲养人未尽看管义务，应承担赔偿责任。',
    terms: (a) => `饲养人赔偿受损方青苗损失${yuan(a ?? 3_000)}，今后加强看管。`,
    performance: '现金一次性支付。',
  },
  'forest-land': {
    weight: 7,
    amount: [0, 50_000],
    facts: '双方就一块耕地的承包经营权归属发生争议，均主张享有承包经营权。',
    matters: '土地承包经营权的归属。以土地承包经营权证及村集体登记为准。',
    terms: (a) => `争议地块由持证方继续承包经营${a ? `，持证方补偿另一方投入${yuan(a)}` : ''}。`,
    performance: '村委会监督执行。',
  },
  'land-expropriation': {
    weight: 2,
    amount: [20_000, 300_000],
    facts: '征地补偿款分配中，家庭成员之间就补偿款份额发生争议。',
    matters: '征地补偿款在家庭成员间的分配份额。',
    terms: (a) => `补偿款${yuan(a ?? 50_000)}按家庭成员人数平均分配。`,
    performance: '由村集体直接拨付至各人账户。',
  },
  environment: {
    weight: 1,
    amount: [0, 20_000],
    facts: '一方经营的小型加工点产生粉尘和异味，影响周边住户生活。',
    matters: '污染的防治措施及对住户的补偿。',
    terms: (a) => `加工点一个月内安装除尘设备${a ? `，补偿周边住户${yuan(a)}` : ''}。`,
    performance: '社区及环保部门监督。',
  },
  labour: {
    weight: 7,
    amount: [3_000, 50_000],
    facts: '务工人员在工地务工三个月，工程结束后包工头以未收到工程款为由拖欠工资。',
    matters: '欠付工资数额及支付期限。用工方应当按时足额支付劳动报酬。',
    terms: (a) => `用工方支付拖欠工资${yuan(a ?? 8_000)}。`,
    performance: '银行转账一次性支付。',
  },
  consumer: {
    weight: 3,
    amount: [200, 10_000],
    facts: '消费者购买的家电在保修期内出现故障，商家拒绝退换。',
    matters: '商品质量问题及退换责任。',
    terms: (a) => `商家为消费者更换同型号新品${a ? `，或退还货款${yuan(a)}` : ''}。`,
    performance: '七日内到店办理。',
  },
  medical: {
    weight: 1,
    amount: [10_000, 150_000],
    facts: '患者在诊所输液后出现不良反应，家属认为诊所处置不当，要求赔偿。',
    matters: '诊所的过错及赔偿数额。',
    terms: (a) => `诊所一次性补偿患者医疗费等${yuan(a ?? 20_000)}。`,
    performance: '银行转账一次性支付。',
  },
  traffic: {
    weight: 6,
    amount: [3_000, 120_000],
    facts: '双方发生道路交通事故，交警部门已作出责任认定，双方就赔偿数额存在争议。',
    matters: '按事故责任认定的赔偿比例及数额。',
    terms: (a) => `责任方赔偿对方医疗费、误工费、车辆修理费等共计${yuan(a ?? 10_000)}。`,
    performance: '保险理赔后十日内付清差额。',
  },
  'property-management': {
    weight: 4,
    amount: [500, 8_000],
    facts: '业主以小区公共设施维护不到位为由拒交物业费，物业公司要求缴纳。',
    matters: '物业服务质量及欠缴物业费数额。',
    terms: (a) => `物业公司一个月内维修公共设施，业主缴纳物业费${yuan(a ?? 1_200)}。`,
    performance: '业主到物业服务中心缴纳。',
  },
  other: {
    weight: 4,
    amount: [0, 10_000],
    facts: '双方因借用农机具损坏的修理费用发生争议。',
    matters: '农机具损坏原因及修理费用负担。',
    terms: (a) => `借用方承担修理费用${yuan(a ?? 1_500)}。`,
    performance: '现金一次性支付。',
  },
};

const sources = [
  ['application', 55],
  ['proactive', 35],
  ['referred', 10],
] as const;
const referrers = ['红山区人民法院', '松山区人民法院', '辖区派出所', '信访接待中心', '乡镇（街道）综治中心'];

export interface PlannedStep {
  transition: MediationStep;
  on: string;
  fields: Record<string, unknown>;
}

export interface PlannedDemoCase {
  orgCode: string;
  /** How it goes (or went, up to today). */
  path: 'written' | 'oral' | 'failed' | 'terminated' | 'stalled';
  openedOn: string;
  fields: Record<string, unknown>;
  /** The steps after registration, up to today. */
  steps: PlannedStep[];
}

interface DemoOffice {
  code: string;
  /** 西屯街道 */
  township: string;
  busy: boolean;
}

/** The demo cases of one office for the demo year up to `today` (registered until `today`; steps until `today`). */
export function plannedDemoCases(calendar: WorkingCalendar, office: DemoOffice, today: string): PlannedDemoCase[] {
  const g = demoRandom(`mediation:${office.code}:${today}`);
  const start = demoYearStart(today);
  const days = calendar.workingDaysBetween(start, today);
  if (days.length === 0) return [];
  const count = office.busy ? g.int(12, 16) : g.int(5, 10);
  const openings = Array.from({ length: count }, () => g.pick(days)).sort();
  const committee = `${office.township}人民调解委员会`;
  const mediatorPool = surnames.map((s) => `演示调解员${s}某`);
  const after = (day: string, min: number, max: number) => calendar.addWorkingDays(day, g.int(min, max));

  // The busy offices (the demo accounts') show the two situations a demo must have: a case past its
  // one-month period (the newest registered 6 to 12 weeks ago stalls) and an agreement within its
  // 30 days for judicial confirmation (the newest registered 2 to 4 weeks ago, quickly agreed and
  // signed). The others show them when a case of theirs falls in those weeks: forcing one into
  // every office would make those weeks twice as busy as any other in the city's figures.
  const ensure = (from: number, to: number) => {
    if (!openings.some((d) => d >= addDays(today, -to) && d <= addDays(today, -from))) openings.push(calendar.addWorkingDays(addDays(today, -Math.round((from + to) / 2)), 0));
  };
  if (office.busy) {
    ensure(42, 84);
    ensure(14, 28);
  }
  openings.sort();
  const lastBefore = (from: number, to: number) => {
    const [a, b] = [addDays(today, -to), addDays(today, -from)];
    for (let i = openings.length - 1; i >= 0; i--) if (openings[i]! >= a && openings[i]! <= b) return i;
    return -1;
  };
  const stalledIndex = lastBefore(42, 84);
  const awaitingIndex = lastBefore(14, 28);

  return openings.map((openedOn, index) => {
    const type = g.weighted(Object.entries(scripts).map(([k, v]) => [k as DisputeType, v.weight] as const));
    const script = scripts[type];
    const source = g.weighted(sources);
    const amount = script.amount && g.next() < 0.8 ? Math.round(g.int(script.amount[0], script.amount[1]) / 100) * 100 || null : null;
    const partyCount = g.weighted([
      [2, 80],
      [3, 15],
      [4, 5],
    ] as const);
    const parties: CaseParty[] = Array.from({ length: partyCount }, (_, i) => {
      const birth = `${g.int(1950, 2000)}-${String(g.int(1, 12)).padStart(2, '0')}-${String(g.int(1, 28)).padStart(2, '0')}`;
      return {
        role: source === 'proactive' ? 'party' : i === 0 ? 'applicant' : 'respondent',
        name: `演示当事人${partyLetters[i]}`,
        idNumber: demoIdNumber(office.code, birth),
        phone: `1380000${String(g.int(0, 9999)).padStart(4, '0')}`,
        address: `${office.township}演示社区${g.int(1, 30)}号楼${g.int(1, 6)}单元${g.int(1, 6)}0${g.int(1, 4)}室`,
      };
    });
    const mediators = g.next() < 0.6 ? g.pick(mediatorPool) : `${g.pick(mediatorPool)}、${g.pick(mediatorPool)}`;
    const fields: Record<string, unknown> = {
      committee,
      mediators,
      source,
      ...(source === 'referred' ? { referredBy: g.pick(referrers) } : {}),
      disputeType: type,
      parties,
      ...(amount ? { amount } : {}),
      facts: `${mark}${script.facts}`,
    };

    const age = days.length - days.indexOf(openedOn);
    const awaiting = index === awaitingIndex;
    const path: PlannedDemoCase['path'] =
      // A few cases registered 6–12 weeks ago are stuck: past the one-month period (overdue).
      index === stalledIndex || (age > 30 && age < 60 && g.next() < 0.25)
        ? 'stalled'
        : awaiting
          ? 'written'
          : g.weighted([
            ['written', 41],
            ['oral', 14],
            ['failed', 15],
            ['terminated', 8],
          ] as const);

    const steps: PlannedStep[] = [];
    let day = openedOn;
    const step = (transition: MediationStep, on: string, stepFields: Record<string, unknown>) => {
      steps.push({ transition, on, fields: stepFields });
      day = on;
    };
    if (path === 'terminated' && g.next() < 0.6) {
      step('terminate', after(day, 0, 3), { reason: 'party-refuses', explanation: `${mark}被申请人明确表示拒绝调解（《人民调解法》第十七条）。` });
    } else {
      step('investigate', awaiting ? after(day, 1, 1) : after(day, 1, 3), {
        findings: `${mark}走访双方当事人及知情人，查看现场，核实纠纷事实。`,
        disputeType: type,
        ...(amount ? { amount } : {}),
        facts: fields.facts,
      });
      const sessions = awaiting ? 1 : g.int(1, 2);
      for (let s = 0; s < sessions; s++) {
        step('session', awaiting ? after(day, 1, 2) : after(day, 2, 6), {
          place: `${committee}调解室`,
          participants: `${parties.map((p) => p.name).join('、')}、${mediators}`,
          record: `${mark}第${s + 1}次调解：听取双方陈述，释法说理，${s + 1 < sessions ? '双方意见仍有分歧，约定再次调解' : '双方意见逐步接近'}。`,
        });
      }
      const agreement = {
        matters: `${mark}${script.matters}`,
        terms: `${mark}${script.terms(amount)}`,
        performance: script.performance,
      };
      if (path === 'written') {
        step('agree-written', day, { ...agreement, performBy: calendar.addWorkingDays(day, g.int(5, 20)) });
        const effective = calendar.addWorkingDays(day, g.int(0, 2));
        const signatures: CaseSignature[] = [...parties.map((_, i) => ({ signer: `party-${i}`, signedOn: effective })), { signer: 'mediator', signedOn: effective }, { signer: 'committee-seal', signedOn: effective }];
        step('take-effect', effective, { signatures });
        if (awaiting) return { orgCode: office.code, path, openedOn, fields, steps: steps.filter((s) => s.on <= today) };
        if (g.next() < 0.3) step('judicial-confirmation', after(day, 3, 15), { decision: g.pick(['applied', 'confirmed', 'confirmed']), court: g.pick(['红山区人民法院', '松山区人民法院']) });
        step('follow-up', after(day, 10, 30), { performed: g.weighted([['performed', 8], ['partly', 1]] as const), record: `${mark}电话回访，当事人按协议履行。` });
        step('close', after(day, 1, 10), { summary: `${mark}协议已履行，结案归档。` });
      } else if (path === 'oral') {
        step('agree-oral', day, { terms: agreement.terms, performance: agreement.performance });
        step('follow-up', after(day, 5, 20), { performed: 'performed', record: `${mark}回访，口头协议已履行。` });
        step('close', after(day, 1, 5), { summary: `${mark}口头协议已履行，结案归档。` });
      } else if (path === 'failed') {
        step('fail', after(day, 0, 3), { reason: `${mark}双方分歧较大，经多次调解未能达成协议。`, routesTold: g.pick([['litigation'], ['arbitration', 'litigation'], ['administrative', 'litigation']]) });
      } else if (path === 'terminated') {
        step('terminate', after(day, 0, 3), { reason: g.pick(['party-withdraws', 'went-to-court']), explanation: `${mark}当事人要求终止调解。` });
      }
    }
    // Nothing after today: the newest cases are still open.
    return { orgCode: office.code, path, openedOn, fields, steps: steps.filter((s) => s.on <= today) };
  });
}

export async function seedDemoMediation(ctx: PluginSeedContext, options: MediationSeedOptions = {}): Promise<void> {
  const counties = options.demoCounties ?? defaults.demoCounties;
  const busy = new Set(options.busyOffices ?? defaults.busyOffices);
  const which = options.offices ?? 'all';
  const chosen = (code: string) =>
    which === 'all' ? true : which === 'demo-counties' ? counties.some((c) => code.startsWith(c)) : which === 'demo-accounts' ? busy.has(code) : which.includes(code);
  const offices = ctx.orgCodes.filter((code) => code.length === 9 && chosen(code));
  if (offices.length === 0) return;
  const day = chinaDay(ctx.now());
  const done = await seedDemoCaseFiles(ctx, {
    type: 'mediation.case',
    offices,
    stepByStep: new Set(options.stepByStep ?? [...busy]),
    plan: (scoped, org) =>
      plannedDemoCases(scoped.calendar, { code: org.code, township: org.name.zh.replace(/司法所$/, ''), busy: busy.has(org.code) }, day).map((c) => ({ on: c.openedOn, fields: c.fields, steps: c.steps })),
  });
  ctx.log(`demo mediation cases: ${done.cases} for ${done.offices} offices${done.skipped ? ` (${done.skipped} had cases already)` : ''} in ${done.ms} ms (labelled 演示/示范)`);
}

const chinaDayFormat = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });
/** The China day of an instant (YYYY-MM-DD). */
const chinaDay = (at: Date) => chinaDayFormat.format(at);
