/**
 * DEMO legality reviews (`sifa seed`, `sifa start --seed`): the demo year (the diary history's 12 months) up to yesterday of
 * submissions reviewed by every office of the demo tree, made through the casework engine as staff
 * make them: `scoped.cases.open` on the received day (`on`), the opinion a few working days later
 * (`issue-opinion`, which issues the 合法性审核意见书), its adoption some weeks after. Labelled demo:
 * every title starts with 【示范】; the submitting bodies are named after the office's township.
 * Invented content; the articles cited are those such opinions cite, to be checked before real use.
 *
 * Volume: every office of the tree gets 5 reviews a year. The offices where the demo accounts
 * work (西屯, 三中街) take every step through the engine, the opinion issued; the others' reviews are
 * imported whole (`cases.import`: the same checks, no documents), which keeps the demo seed quick.
 * Deterministic (seeded by office code). Idempotent: an office with any legality review gets none.
 */
import { addDays, type PluginSeedContext } from '@sifa/core';
import { legalityReviewCaseTypeCode, type LegalityReviewKind } from '../case-type.js';
import { demoRandom, demoYearStart, seedDemoCaseFiles, type DemoCaseFile } from '@sifa/server';

export interface LegalityReviewDemoOptions {
  /** The offices (9-digit codes) that get demo reviews: 'all' (default) or a list. */
  offices: 'all' | string[];
  /** Offices whose reviews are taken step by step (the opinion issued): by default the demo accounts' offices; the others' are imported whole. */
  stepByStep: string[];
  /** Reviews a year of each. */
  perOffice: number;
}

export const defaultLegalityReviewDemo: LegalityReviewDemoOptions = { offices: 'all', stepByStep: ['150402001', '150402002'], perOffice: 5 };

const demoMark = '【示范】';


const chinaDay = (at: Date) => new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

type Finding = 'lawful' | 'revise' | 'unlawful';

interface Submission {
  kind: LegalityReviewKind;
  /** {township} is replaced by the office's township. */
  title: string;
  submitter: string;
  materials: string;
  findings: { issuer: Finding; authority: Finding; content: Finding; procedure: Finding };
  notes: Partial<Record<'issuer' | 'authority' | 'content' | 'procedure', string>>;
  conclusion: Finding;
  opinion: string;
  changes: number;
}

const submissions: readonly Submission[] = [
  {
    kind: 'village-rules',
    title: '{village}村规民约（修订稿）',
    submitter: '{village}村民委员会',
    materials: '村规民约修订稿\n村民会议讨论通过记录',
    findings: { issuer: 'lawful', authority: 'lawful', content: 'revise', procedure: 'lawful' },
    notes: { content: '个别条款与法律规定不符，详见修改意见。' },
    conclusion: 'revise',
    opinion:
      '1. 第五条“出嫁女不再享受村集体收益分配”的规定，与《中华人民共和国妇女权益保障法》第五十五条关于妇女在集体经济组织收益分配等方面享有与男子平等权利的规定不符，建议删除。\n2. 第九条“违者罚款二百元”的规定，村民委员会无权设定罚款，违反《中华人民共和国村民委员会组织法》第二十七条，建议改为批评教育等自治措施。',
    changes: 2,
  },
  {
    kind: 'normative-document',
    title: '{township}关于加强农村人居环境整治的实施办法（送审稿）',
    submitter: '{township}党政综合办公室',
    materials: '送审稿\n起草说明\n制定依据',
    findings: { issuer: 'lawful', authority: 'revise', content: 'revise', procedure: 'revise' },
    notes: { authority: '第十二条设定罚款，超出规范性文件权限。', content: '部分条款增加了群众义务，缺乏上位法依据。', procedure: '未附公开征求意见情况。' },
    conclusion: 'revise',
    opinion:
      '1. 第十二条对乱堆乱放“处以五十元罚款”，依照《中华人民共和国行政处罚法》第十六条，除法律、法规、规章外，其他规范性文件不得设定行政处罚，建议删除。\n2. 第十五条要求农户“每户每年出义务工十日”，缺乏上位法依据，建议改为倡导性表述。\n3. 建议依照规定公开征求意见，并在起草说明中载明意见采纳情况。',
    changes: 3,
  },
  {
    kind: 'major-decision',
    title: '{township}乡村振兴示范村建设实施方案',
    submitter: '{township}农业农村办公室',
    materials: '实施方案（草案）\n专家论证意见\n集体讨论记录',
    findings: { issuer: 'lawful', authority: 'lawful', content: 'lawful', procedure: 'revise' },
    notes: { procedure: '未开展社会稳定风险评估。' },
    conclusion: 'revise',
    opinion: '方案涉及土地流转和群众切身利益，建议依照《重大行政决策程序暂行条例》第二十二条开展风险评估，并将评估结果作为决策的重要依据。',
    changes: 1,
  },
  {
    kind: 'contract',
    title: '{township}光伏发电项目集体土地租赁合同',
    submitter: '{township}经济发展办公室',
    materials: '合同文本\n村民代表会议决议',
    findings: { issuer: 'lawful', authority: 'lawful', content: 'revise', procedure: 'lawful' },
    notes: { content: '违约责任、争议解决条款不明确。' },
    conclusion: 'revise',
    opinion: '1. 第八条违约责任约定不明确，建议明确违约金的计算方式和支付期限。\n2. 第十二条同时约定仲裁和诉讼，建议二者择一。',
    changes: 2,
  },
  {
    kind: 'contract',
    title: '{township}农村饮水安全工程施工合同',
    submitter: '{township}党政综合办公室',
    materials: '合同文本\n招标文件',
    findings: { issuer: 'lawful', authority: 'lawful', content: 'lawful', procedure: 'lawful' },
    notes: {},
    conclusion: 'lawful',
    opinion: '合同主体适格，内容不违反法律、行政法规的强制性规定，可以签订。',
    changes: 0,
  },
  {
    kind: 'enforcement-decision',
    title: '{township}关于责令限期拆除违法建筑的决定（拟）',
    submitter: '{township}综合行政执法办公室',
    materials: '决定书（拟）\n调查笔录\n现场勘验照片',
    findings: { issuer: 'lawful', authority: 'lawful', content: 'revise', procedure: 'lawful' },
    notes: { content: '决定书未告知救济途径。' },
    conclusion: 'revise',
    opinion: '事实清楚，证据确实充分，适用依据正确，程序合法。建议依照《中华人民共和国行政处罚法》第五十九条，在决定书中写明申请行政复议、提起行政诉讼的途径和期限。',
    changes: 1,
  },
];

const villages = ['东山', '西营子', '南沟', '北井', '前进', '红旗', '三家', '五里', '太平', '新丰'];

export interface PlannedReview {
  day: string;
  submission: Submission;
  title: string;
  submitter: string;
  steps: { transition: string; on: string; fields: Record<string, unknown> }[];
}

/** The demo reviews of one office between `from` and `to` (inclusive). */
export function plannedReviews(orgCode: string, township: string, count: number, from: string, to: string, addWorkingDays: (day: string, n: number) => string): PlannedReview[] {
  const g = demoRandom(`legality-review-demo:${orgCode}`);
  const span = Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
  const reviews: PlannedReview[] = [];
  for (let i = 0; i < count; i++) {
    // A working day in the i-th slice of the year.
    const day = addWorkingDays(addDays(from, Math.floor(((i + g.next()) / count) * span) - 1), 1);
    if (day > to) continue;
    const submission = g.pick(submissions);
    const village = g.pick(villages);
    const fill = (s: string) => s.replaceAll('{township}', township).replaceAll('{village}', village);
    const steps: PlannedReview['steps'] = [];
    const opinionOn = addWorkingDays(day, g.int(3, submission.kind === 'enforcement-decision' ? 4 : 12));
    if (opinionOn <= to) {
      const { findings, notes } = submission;
      steps.push({
        transition: 'issue-opinion',
        on: opinionOn,
        fields: {
          issuerFinding: findings.issuer,
          authorityFinding: findings.authority,
          contentFinding: findings.content,
          procedureFinding: findings.procedure,
          ...(notes.issuer ? { issuerNotes: notes.issuer } : {}),
          ...(notes.authority ? { authorityNotes: notes.authority } : {}),
          ...(notes.content ? { contentNotes: notes.content } : {}),
          ...(notes.procedure ? { procedureNotes: notes.procedure } : {}),
          conclusion: submission.conclusion,
          opinion: submission.opinion,
          changesProposed: submission.changes,
        },
      });
      const adoptedOn = addDays(opinionOn, g.int(7, 30));
      if (adoptedOn <= to) {
        const r = g.next();
        if (submission.changes === 0 || r < 0.6) steps.push({ transition: 'adopted', on: adoptedOn, fields: {} });
        else if (r < 0.9) steps.push({ transition: 'partly-adopted', on: adoptedOn, fields: { adoptionNotes: '【示范】采纳了大部分修改意见，个别条款经集体讨论后保留。' } });
        else steps.push({ transition: 'not-adopted', on: adoptedOn, fields: { adoptionNotes: '【示范】送审单位以时间紧迫为由未作修改，已报告上级司法行政机关。' } });
      }
    }
    reviews.push({ day, submission, title: `${demoMark}${fill(submission.title)}`, submitter: fill(submission.submitter), steps });
  }
  return reviews;
}

/** One planned review as the engine takes it (opened, then its steps). */
const caseFileOf = (planned: PlannedReview): DemoCaseFile => ({
  on: planned.day,
  fields: { kind: planned.submission.kind, title: planned.title, submitter: planned.submitter, materialsList: planned.submission.materials },
  steps: planned.steps,
});

export async function seedDemoLegalityReviews(ctx: PluginSeedContext, options: LegalityReviewDemoOptions): Promise<{ reviews: number } | void> {
  const offices = ctx.orgCodes.filter((code) => code.length === 9 && (options.offices === 'all' || options.offices.includes(code)));
  if (offices.length === 0 || options.perOffice <= 0) return;
  if (!ctx.catalog.caseTypes.some((type) => type.code === legalityReviewCaseTypeCode)) return;
  const today = chinaDay(ctx.now());
  const to = addDays(today, -1);
  const from = demoYearStart(today);
  const done = await seedDemoCaseFiles(ctx, {
    type: legalityReviewCaseTypeCode,
    offices,
    stepByStep: new Set(options.stepByStep),
    plan: (scoped, office) => {
      const township = office.name.zh.replace(/司法所$/, '') || office.name.zh;
      return plannedReviews(office.code, township, options.perOffice, from, to, (day, n) => scoped.calendar.addWorkingDays(day, n)).map(caseFileOf);
    },
  });
  ctx.log(`demo legality reviews: ${done.cases} for ${done.offices} offices${done.skipped ? ` (${done.skipped} had reviews already)` : ''} in ${done.ms} ms (${from} … ${to}; labelled 示范)`);
  return { reviews: done.cases };
}
