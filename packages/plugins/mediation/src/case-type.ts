/**
 * The people's-mediation case file (人民调解案卷) as DATA the platform's casework engine runs:
 * its fields, states, steps, deadlines and the facts each step records. Browser-safe (plain data):
 * the server enforces it, `<sifa-cases type="mediation.case">` shows it and builds the step forms.
 *
 * The law it follows (人民调解法, 2010; domain notes):
 * - the file holds registration, the mediation records and the agreement (art. 27), in the order
 *   受理登记 → 调查 → 调解 (each session recorded) → 协议 → 回访 → 司法确认;
 * - no mediation when a party refuses (art. 17): 终止调解;
 * - failed mediation ends with the parties told of arbitration, administrative and court routes (art. 26);
 * - an agreement may be oral, the mediator recording its content (art. 28), effective when reached
 *   (art. 30); a written 调解协议书 (art. 29) takes effect when every party has signed, sealed or
 *   fingerprinted, the mediator has signed and the committee's seal is applied;
 * - the committee follows up on performance (art. 31): 回访;
 * - the parties may jointly apply to the court for judicial confirmation within 30 days of the
 *   agreement taking effect (art. 33): a reminder deadline in calendar days;
 * - a dispute is commonly settled within one month (人民调解工作若干规定, 2002, art. 33): the
 *   mediation deadline is configuration (`SifaServerOptions.casework.deadlines['mediation.case/mediation-period']`).
 *
 * Dispute types and case sources are the diary's values (`diary.mediation`), so figures of both
 * line up. Mongolian titles are left out until a reviewed translation exists (widgets fall back to Chinese).
 */
import { defineCaseType, type LocalizedText } from '@sifa/core';

const t = (zh: string, en: string): LocalizedText => ({ zh, en });
const options = (list: readonly (readonly [string, LocalizedText])[]) => list.map(([value, title]) => ({ value, title }));

/** Dispute types used in people's-mediation statistics (the diary's `disputeType` values). */
export const disputeTypes = [
  ['marriage-family', t('婚姻家庭', 'Marriage and family')],
  ['neighbourhood', t('邻里', 'Neighbours')],
  ['housing-homestead', t('房屋宅基地', 'Housing and homesteads')],
  ['contract', t('合同', 'Contracts')],
  ['business', t('生产经营', 'Production and business')],
  ['damages', t('损害赔偿', 'Compensation for damage')],
  ['forest-land', t('山林土地', 'Forest and land')],
  ['land-expropriation', t('征地拆迁', 'Land expropriation and demolition')],
  ['environment', t('环境污染', 'Environmental pollution')],
  ['labour', t('劳动争议', 'Labour disputes')],
  ['consumer', t('消费', 'Consumer disputes')],
  ['medical', t('医疗', 'Medical disputes')],
  ['traffic', t('道路交通事故', 'Road traffic accidents')],
  ['property-management', t('物业', 'Property management')],
  ['other', t('其他', 'Other')],
] as const satisfies readonly (readonly [string, LocalizedText])[];
export type DisputeType = (typeof disputeTypes)[number][0];

/** How a case came to the committee (the diary's `caseSource` values). */
export const caseSources = [
  ['proactive', t('主动调解', 'Mediated on own initiative')],
  ['application', t('申请调解', 'Parties applied')],
  ['referred', t('委托移送', 'Referred by another body')],
] as const satisfies readonly (readonly [string, LocalizedText])[];
export type CaseSource = (typeof caseSources)[number][0];

/** How a case ended (or not yet): from its state, for statistics. */
export const outcomes = [
  ['open', t('办理中', 'Open')],
  ['agreed', t('调解成功', 'Agreement reached')],
  ['failed', t('调解不成', 'Mediation failed')],
  ['terminated', t('终止调解', 'Mediation ended')],
] as const satisfies readonly (readonly [string, LocalizedText])[];
export type MediationOutcome = (typeof outcomes)[number][0];

/** The outcome a state stands for (a written agreement counts once in effect). */
export function outcomeOf(state: string): MediationOutcome {
  if (state === 'effective' || state === 'closed') return 'agreed';
  if (state === 'failed') return 'failed';
  if (state === 'terminated') return 'terminated';
  return 'open';
}

/** The signers of an agreement besides the parties (`party-0`, `party-1`, …). */
export const extraSigners = [
  ['mediator', t('人民调解员', 'Mediator')],
  ['committee-seal', t('人民调解委员会印章', "Committee's seal")],
] as const satisfies readonly (readonly [string, LocalizedText])[];

const work = 'mediation.work';
/** Steps only the office (the committee's own staff) takes; a county reviews and may close files. */
const office = ['office_staff'] as const;
/** States in which the dispute is still being mediated. */
const mediating = ['registered', 'investigating', 'mediating'];

const agreementTerms = {
  matters: {
    kind: 'text',
    title: t('争议事项及各方责任', 'Disputed matters and each side’s responsibility'),
    multiline: true,
    maxLength: 5000,
  },
  terms: { kind: 'text', title: t('协议内容', 'Terms agreed'), multiline: true, maxLength: 5000 },
  performance: { kind: 'text', title: t('履行方式', 'How they are performed'), maxLength: 500 },
  performBy: { kind: 'date', title: t('履行期限', 'Performed by') },
} as const;

export const mediationCaseType = defineCaseType({
  code: 'mediation.case',
  title: t('人民调解案件', "People's mediation case"),
  description: t(
    '人民调解委员会受理、调查、调解民间纠纷的案卷：调解记录、调解协议书、回访与司法确认提醒（《人民调解法》）。',
    "The file of a dispute a people's mediation committee registers, investigates and mediates: session records, the agreement, follow-up and the judicial-confirmation reminder (People's Mediation Law).",
  ),
  numberMark: '调',
  readPermission: 'mediation.read',
  fields: {
    committee: { kind: 'text', title: t('人民调解委员会', 'Mediation committee'), maxLength: 100, help: t('例如：西屯街道人民调解委员会', 'e.g. 西屯街道人民调解委员会') },
    mediators: { kind: 'text', title: t('人民调解员', 'Mediators'), maxLength: 100, help: t('多名调解员以顿号分隔', 'Several mediators: separate the names with 、') },
    source: { kind: 'choice', title: t('案件来源', 'How the case came'), options: options(caseSources) },
    referredBy: {
      kind: 'text',
      title: t('委托移送单位', 'Referred by'),
      required: false,
      requiredWhen: { field: 'source', in: ['referred'] },
      maxLength: 100,
      help: t('委托移送的案件填写移送单位，例如：红山区人民法院、西屯派出所', 'For a referred case: the body that referred it, e.g. a court or police station'),
    },
    disputeType: { kind: 'choice', title: t('纠纷类型', 'Type of dispute'), options: options(disputeTypes) },
    parties: {
      kind: 'parties',
      title: t('当事人', 'Parties'),
      roles: options([
        ['applicant', t('申请人', 'Applicant')],
        ['respondent', t('被申请人', 'Respondent')],
        ['party', t('当事人', 'Party')],
      ]),
      minItems: 2,
      maxItems: 20,
    },
    amount: {
      kind: 'number',
      title: t('涉及金额', 'Amount involved'),
      required: false,
      min: 0,
      max: 1_000_000_000,
      integer: false,
      unit: t('元', 'yuan'),
    },
    facts: { kind: 'text', title: t('纠纷事实', 'Facts in dispute'), multiline: true, maxLength: 5000 },
  },
  listFields: ['disputeType', 'source', 'amount', 'committee'],
  states: [
    { code: 'registered', title: t('受理登记', 'Registered') },
    { code: 'investigating', title: t('调查', 'Investigating') },
    { code: 'mediating', title: t('调解', 'Mediating') },
    { code: 'agreed', title: t('调解成功（待签署协议书）', 'Agreement reached (awaiting signatures)') },
    { code: 'effective', title: t('协议生效', 'Agreement in effect') },
    { code: 'failed', title: t('调解不成', 'Mediation failed'), closed: true },
    { code: 'terminated', title: t('终止调解', 'Mediation ended'), closed: true },
    { code: 'closed', title: t('结案归档', 'Closed and filed'), closed: true },
  ],
  transitions: [
    {
      code: 'register',
      title: t('受理登记', 'Register'),
      from: [],
      to: 'registered',
      permission: work,
      roles: [...office],
      note: t(
        '人民调解不收取任何费用（《人民调解法》第四条）；当事人一方明确拒绝调解的，不得调解（第十七条）。',
        "Mediation is free of charge (People's Mediation Law art. 4); no mediation when a party refuses (art. 17).",
      ),
      facts: [
        { metric: 'mediation.cases' },
        { metric: 'mediation.parties', value: { count: 'parties' } },
        { metric: 'mediation.amount', value: { field: 'amount' } },
        { metric: 'diary.mediation-cases', ifInstalled: true },
        { metric: 'diary.mediation-parties', value: { count: 'parties' }, ifInstalled: true },
      ],
    },
    {
      code: 'investigate',
      title: t('调查', 'Investigate'),
      from: ['registered', 'investigating'],
      to: 'investigating',
      permission: work,
      roles: [...office],
      note: t('调查核实纠纷事实，可更正纠纷类型、涉及金额和纠纷事实。', 'Find out the facts; the dispute type, amount and facts may be corrected here.'),
      sets: ['disputeType', 'amount', 'facts'],
      fields: {
        findings: { kind: 'text', title: t('调查记录', 'Investigation record'), multiline: true, maxLength: 5000 },
        evidence: { kind: 'attachments', title: t('取证材料', 'Evidence'), maxFiles: 20 },
      },
    },
    {
      code: 'session',
      title: t('调解', 'Mediation session'),
      from: ['registered', 'investigating', 'mediating'],
      to: 'mediating',
      permission: work,
      roles: [...office],
      note: t('每次调解记录一次：时间（本步骤日期）、地点、参加人员和调解情况（《人民调解法》第二十七条）。', 'Record each session: its day (the step’s date), place, who took part and what happened (art. 27).'),
      fields: {
        place: { kind: 'text', title: t('调解地点', 'Place'), maxLength: 100 },
        participants: { kind: 'text', title: t('参加人员', 'Present'), maxLength: 500, required: false },
        record: { kind: 'text', title: t('调解记录', 'Session record'), multiline: true, maxLength: 10_000 },
        files: { kind: 'attachments', title: t('调解笔录等材料', 'Minutes and other documents'), maxFiles: 10 },
      },
    },
    {
      code: 'agree-written',
      title: t('调解成功：制作调解协议书', 'Agreement reached: written agreement'),
      from: ['mediating'],
      to: 'agreed',
      permission: work,
      roles: [...office],
      document: 'mediation.agreement',
      note: t(
        '调解协议书载明当事人基本情况、纠纷主要事实、争议事项及各方责任、协议内容和履行方式、期限（《人民调解法》第二十九条）；当事人各执一份，调解委员会留存一份。',
        'The agreement states the parties, the main facts, the disputed matters and each side’s responsibility, the terms, how and by when they are performed (art. 29); one copy per party, one kept by the committee.',
      ),
      fields: agreementTerms,
    },
    {
      code: 'agree-oral',
      title: t('调解成功：口头协议', 'Agreement reached: oral agreement'),
      from: ['mediating'],
      to: 'effective',
      permission: work,
      roles: [...office],
      note: t(
        '当事人认为无需制作调解协议书的，可以采取口头协议方式，调解员记录协议内容（第二十八条），载入口头协议登记；口头调解协议自达成之日起生效（第三十条）。',
        'Parties who need no written agreement may agree orally; the mediator records its content (art. 28) in the oral-agreement register. It takes effect the day it is reached (art. 30).',
      ),
      fields: {
        terms: agreementTerms.terms,
        performance: { ...agreementTerms.performance, required: false },
        performBy: { ...agreementTerms.performBy, required: false },
      },
      facts: [
        { metric: 'mediation.agreements' },
        // The success rate's numerator, and the diary's 调解成功数: on the day the case was
        // registered, beside its count in 调解纠纷数, so a month never shows more agreements than disputes.
        { metric: 'mediation.cases-agreed', dated: 'opening' },
        { metric: 'diary.mediation-agreements', ifInstalled: true, dated: 'opening' },
      ],
    },
    {
      code: 'take-effect',
      title: t('协议书签署生效', 'Agreement signed and in effect'),
      from: ['agreed'],
      to: 'effective',
      permission: work,
      roles: [...office],
      note: t(
        '调解协议书自各方当事人签名、盖章或者按指印，人民调解员签名并加盖人民调解委员会印章之日起生效（第二十九条）：本步骤日期即生效日，司法确认申请期限自该日起算。',
        'The agreement takes effect the day every party has signed, sealed or fingerprinted it, the mediator has signed and the committee’s seal is applied (art. 29): this step’s date is that day, and the judicial-confirmation period runs from it.',
      ),
      fields: {
        signatures: { kind: 'signatures', title: t('签名、盖章', 'Signatures and seal'), extraSigners: options(extraSigners), requireAll: true },
      },
      // A written agreement counts once it is in effect (a party may still refuse to sign).
      facts: [
        { metric: 'mediation.agreements' },
        // The success rate's numerator, and the diary's 调解成功数: on the day the case was
        // registered, beside its count in 调解纠纷数, so a month never shows more agreements than disputes.
        { metric: 'mediation.cases-agreed', dated: 'opening' },
        { metric: 'diary.mediation-agreements', ifInstalled: true, dated: 'opening' },
      ],
    },
    {
      code: 'follow-up',
      title: t('回访', 'Follow-up visit'),
      from: ['effective'],
      to: 'effective',
      permission: work,
      roles: [...office],
      note: t('人民调解委员会应当对调解协议的履行情况进行监督，督促当事人履行约定的义务（第三十一条）。', 'The committee watches over performance of the agreement and urges the parties to perform (art. 31).'),
      fields: {
        performed: {
          kind: 'choice',
          title: t('履行情况', 'Performance'),
          options: options([
            ['performed', t('已履行', 'Performed')],
            ['partly', t('部分履行', 'Partly performed')],
            ['pending', t('尚未到期', 'Not yet due')],
            ['not-performed', t('未履行', 'Not performed')],
          ]),
        },
        record: { kind: 'text', title: t('回访记录', 'Visit record'), multiline: true, maxLength: 5000 },
      },
    },
    {
      code: 'judicial-confirmation',
      title: t('司法确认', 'Judicial confirmation'),
      from: ['effective'],
      to: 'effective',
      permission: work,
      roles: [...office],
      note: t(
        '双方当事人认为有必要的，可以自调解协议生效之日起三十日内共同向人民法院申请司法确认（第三十三条）。记录当事人是否申请及结果。',
        'The parties may jointly apply to the court for judicial confirmation within 30 days of the agreement taking effect (art. 33). Record whether they applied and the result.',
      ),
      fields: {
        decision: {
          kind: 'choice',
          title: t('申请情况', 'Application'),
          options: options([
            ['applied', t('已共同申请', 'Applied jointly')],
            ['confirmed', t('人民法院已确认有效', 'Confirmed by the court')],
            ['rejected', t('人民法院裁定驳回', 'Rejected by the court')],
            ['declined', t('当事人不申请', 'Parties do not apply')],
          ]),
        },
        court: { kind: 'text', title: t('人民法院', 'Court'), maxLength: 100, required: false, requiredWhen: { field: 'decision', in: ['applied', 'confirmed', 'rejected'] } },
      },
    },
    {
      code: 'fail',
      title: t('调解不成', 'Mediation failed'),
      from: mediating,
      to: 'failed',
      permission: work,
      roles: [...office],
      note: t(
        '调解不成的，应当终止调解，并告知当事人可以依法通过仲裁、行政、司法等途径维护自己的权利（《人民调解法》第二十六条）。',
        'When mediation fails it ends, and the parties are told they may protect their rights through arbitration, administrative or judicial routes (art. 26).',
      ),
      fields: {
        reason: { kind: 'text', title: t('调解不成的原因', 'Why it failed'), multiline: true, maxLength: 2000 },
        routesTold: {
          kind: 'choices',
          title: t('已告知的其他途径', 'Routes the parties were told of'),
          options: options([
            ['arbitration', t('仲裁', 'Arbitration')],
            ['administrative', t('行政途径', 'Administrative routes')],
            ['litigation', t('诉讼', 'Court proceedings')],
          ]),
        },
      },
      facts: [{ metric: 'mediation.failed' }],
    },
    {
      code: 'terminate',
      title: t('终止调解', 'End mediation'),
      from: [...mediating, 'agreed'],
      to: 'terminated',
      permission: work,
      roles: [...office],
      note: t('当事人一方明确拒绝调解的，不得调解（《人民调解法》第十七条）；当事人要求终止调解的，应当终止（第二十三条）。', 'No mediation when a party clearly refuses (art. 17); it ends when a party asks (art. 23).'),
      fields: {
        reason: {
          kind: 'choice',
          title: t('终止原因', 'Why it ended'),
          options: options([
            ['party-refuses', t('当事人一方明确拒绝调解', 'A party refuses mediation')],
            ['party-withdraws', t('当事人要求终止调解', 'A party asks to end it')],
            ['went-to-court', t('当事人已起诉或申请仲裁', 'A party went to court or arbitration')],
            ['other', t('其他', 'Other')],
          ]),
        },
        explanation: { kind: 'text', title: t('说明', 'Explanation'), multiline: true, maxLength: 2000, required: false },
      },
      facts: [{ metric: 'mediation.terminated' }],
    },
    {
      code: 'close',
      title: t('结案归档', 'Close and file'),
      from: ['effective'],
      to: 'closed',
      permission: work,
      note: t('将调解登记、调解工作记录、调解协议书等材料立卷归档（第二十七条）。', 'File the registration, session records, agreement and other papers (art. 27).'),
      fields: { summary: { kind: 'text', title: t('结案意见', 'Closing note'), multiline: true, maxLength: 2000, required: false } },
    },
  ],
  deadlines: [
    {
      code: 'mediation-period',
      title: t('调解期限', 'Mediation period'),
      from: 'register',
      days: 30,
      unit: 'calendar',
      basis: t(
        '《人民调解工作若干规定》（司法部，2002年）第三十三条：调解纠纷一般在一个月内调结；经当事人同意可以延长。期限可由各地按本地规定配置。',
        'Rules on People’s Mediation Work (Ministry of Justice, 2002) art. 33: a dispute is commonly settled within one month, longer with the parties’ consent. The period is configurable per deployment.',
      ),
      metBy: ['agree-written', 'agree-oral', 'fail', 'terminate'],
      warnBefore: 5,
    },
    {
      code: 'judicial-confirmation',
      title: t('司法确认申请期限', 'Judicial-confirmation period'),
      from: 'take-effect',
      days: 30,
      unit: 'calendar',
      basis: t(
        '《人民调解法》第三十三条：双方当事人可以自调解协议生效之日起三十日内共同向人民法院申请司法确认。',
        "People's Mediation Law art. 33: the parties may jointly apply to the court for judicial confirmation within 30 days of the agreement taking effect.",
      ),
      metBy: ['judicial-confirmation'],
      warnBefore: 7,
    },
  ],
});

/** The case type's state codes. */
export type MediationState = (typeof mediationCaseType.states)[number]['code'];
/** The case type's step codes. */
export type MediationStep = (typeof mediationCaseType.transitions)[number]['code'];
