/**
 * DEMO CATALOGUE. The diary items and metrics below are a plausible model of a judicial
 * office's (司法所) daily work, built from the duties in the project's domain notes (people's
 * mediation, legal consultation, legal aid, community correction, resettlement, law education,
 * legally-literate persons, legality review, reconsideration forwarding, the public legal-service
 * station, supervision of grassroots legal workers, tasks from above, the negative list). They are
 * NOT an official form: the real items of a bureau's diary and 1000-point standard were not
 * found in public sources. A bureau replaces or extends them with its own plugin.
 *
 * Browser-safe: plain data, no drizzle, no Node APIs. Mongolian titles are left out until a
 * reviewed translation exists (widgets fall back to Chinese).
 *
 * Personal data: the items record counts and short summaries of work, never names, ID numbers,
 * phone numbers or locations of the people concerned (community-correction status is sensitive
 * personal information, PIPL art. 28); the help texts say so where it matters.
 */
import type { DiaryFieldSpecInput, DiaryItemInput, LocalizedText, MetricDefinition } from '@sifa/core';

const t = (zh: string, en: string): LocalizedText => ({ zh, en });

const unit = {
  entries: t('条', 'entries'),
  cases: t('件', 'cases'),
  people: t('人', 'people'),
  personTimes: t('人次', 'person-times'),
  times: t('次', 'times'),
  copies: t('份', 'copies'),
  events: t('场', 'events'),
  items: t('项', 'items'),
  incidents: t('起', 'incidents'),
  minutes: t('分钟', 'min'),
} as const;

/** Every metric the demo items feed, plus `diary.entries` (one per saved entry). */
export const diaryMetrics = [
  { code: 'diary.entries', title: t('工作日志条数', 'Diary entries'), unit: unit.entries },
  { code: 'diary.mediation-cases', title: t('调解矛盾纠纷', 'Disputes mediated'), unit: unit.cases },
  { code: 'diary.mediation-agreements', title: t('调解成功', 'Mediation agreements reached'), unit: unit.cases },
  { code: 'diary.mediation-parties', title: t('调解涉及当事人', 'Parties in mediation'), unit: unit.people },
  { code: 'diary.consultations', title: t('法律咨询', 'Legal consultations'), unit: unit.personTimes },
  { code: 'diary.legal-aid-applications', title: t('接收法律援助申请', 'Legal-aid applications received'), unit: unit.cases },
  { code: 'diary.legal-aid-forwarded', title: t('转交法律援助申请', 'Legal-aid applications forwarded'), unit: unit.cases },
  { code: 'diary.correction-visits', title: t('社区矫正走访', 'Community-correction home visits'), unit: unit.times },
  { code: 'diary.correction-talks', title: t('社区矫正个别教育谈话', 'Community-correction talks'), unit: unit.times },
  { code: 'diary.correction-reports', title: t('收取社区矫正对象报告', 'Reports received from persons under correction'), unit: unit.copies },
  { code: 'diary.presentence-investigations', title: t('调查评估', 'Pre-decision investigations'), unit: unit.cases },
  { code: 'diary.resettlement-contacts', title: t('衔接走访刑满释放人员', 'Released persons contacted'), unit: unit.personTimes },
  { code: 'diary.resettlement-assisted', title: t('落实安置帮扶', 'Released persons assisted'), unit: unit.people },
  { code: 'diary.law-education-events', title: t('普法宣传活动', 'Law education events'), unit: unit.events },
  { code: 'diary.law-education-audience', title: t('普法受众', 'Law education audience'), unit: unit.personTimes },
  { code: 'diary.law-education-materials', title: t('发放普法资料', 'Law education materials handed out'), unit: unit.copies },
  { code: 'diary.legal-literates-trained', title: t('培训法律明白人', 'Legally-literate persons trained'), unit: unit.personTimes },
  { code: 'diary.legal-literates-selected', title: t('新遴选法律明白人', 'Legally-literate persons newly selected'), unit: unit.people },
  { code: 'diary.legal-literates-training-minutes', title: t('法律明白人培训时长', 'Legally-literate persons training time'), unit: unit.minutes },
  { code: 'diary.legality-reviews', title: t('合法性审查', 'Legality reviews'), unit: unit.cases },
  { code: 'diary.legality-opinions', title: t('审查提出意见', 'Changes proposed in legality reviews'), unit: unit.items },
  { code: 'diary.reconsideration-received', title: t('接收行政复议申请', 'Reconsideration applications received'), unit: unit.cases },
  { code: 'diary.reconsideration-forwarded', title: t('转递行政复议申请', 'Reconsideration applications forwarded'), unit: unit.cases },
  { code: 'diary.station-duty-minutes', title: t('公共法律服务工作站值班时长', 'Legal-service station duty time'), unit: unit.minutes },
  { code: 'diary.station-visitors', title: t('工作站接待群众', 'Legal-service station visitors'), unit: unit.personTimes },
  { code: 'diary.grassroots-workers-supervised', title: t('监督指导基层法律服务工作者', 'Grassroots legal workers supervised'), unit: unit.personTimes },
  { code: 'diary.grassroots-issues', title: t('监督指导发现问题', 'Issues found in supervision'), unit: unit.items },
  { code: 'diary.assigned-tasks', title: t('完成上级交办任务', 'Assigned tasks completed'), unit: unit.items },
  { code: 'diary.negative-incidents', title: t('负面清单事项', 'Negative-list incidents'), unit: unit.incidents },
  { code: 'diary.commendations', title: t('表彰及经验推广', 'Commendations and recognitions'), unit: unit.items },
] as const satisfies readonly MetricDefinition[];

type DiaryMetricCode = (typeof diaryMetrics)[number]['code'];

// Field builders: the metric argument is typed against the list above, so a typo does not compile.
const count = (title: LocalizedText, metric: DiaryMetricCode, u: LocalizedText, extra: { required?: boolean; max?: number } = {}): DiaryFieldSpecInput => ({
  kind: 'count',
  title,
  unit: u,
  metric,
  ...extra,
});
const minutes = (title: LocalizedText, metric: DiaryMetricCode): DiaryFieldSpecInput => ({ kind: 'minutes', title, metric });
const text = (title: LocalizedText, options: { required?: boolean; multiline?: boolean; maxLength?: number; help?: LocalizedText } = {}): DiaryFieldSpecInput => ({
  kind: 'text',
  title,
  required: options.required ?? false,
  multiline: options.multiline ?? true,
  ...(options.maxLength ? { maxLength: options.maxLength } : {}),
  ...(options.help ? { help: options.help } : {}),
});
const choice = (title: LocalizedText, options: [value: string, title: LocalizedText][], required = true): DiaryFieldSpecInput => ({
  kind: 'choice',
  title,
  required,
  options: options.map(([value, title]) => ({ value, title })),
});
const attachments = (title: LocalizedText, maxFiles = 5): DiaryFieldSpecInput => ({ kind: 'attachments', title, maxFiles });

const noPersonalData = t(
  '只写工作概要，不填写当事人姓名、身份证号、电话、住址等个人信息。',
  'Summarise the work only: no names, ID numbers, phone numbers or addresses of the people concerned.',
);
const noCorrectionData = t(
  '不填写社区矫正对象姓名、身份证号、位置等信息（敏感个人信息，《个人信息保护法》第二十八条），相关内容记入矫正档案。',
  'Do not enter names, ID numbers or locations of persons under correction (sensitive personal information, PIPL art. 28); keep those in the correction file.',
);
const notes = (help = noPersonalData) => text(t('工作概要', 'Summary'), { help });

/** Dispute types used in people's-mediation statistics (domain notes). */
const disputeTypes: [string, LocalizedText][] = [
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
];

/** DEMO items: see the comment at the top of this file. */
export const demoDiaryItems: DiaryItemInput[] = [
  {
    code: 'diary.mediation',
    title: t('人民调解', "People's mediation"),
    part: 'key',
    fields: {
      disputeType: choice(t('纠纷类型', 'Type of dispute'), disputeTypes),
      caseSource: choice(t('案件来源', 'How the case came'), [
        ['proactive', t('主动调解', 'Mediated on own initiative')],
        ['application', t('申请调解', 'Parties applied')],
        ['referred', t('委托移送', 'Referred by another body')],
      ]),
      cases: count(t('调解纠纷数', 'Disputes mediated'), 'diary.mediation-cases', unit.cases),
      agreements: count(t('调解成功数', 'Agreements reached'), 'diary.mediation-agreements', unit.cases),
      parties: count(t('涉及当事人数', 'Parties involved'), 'diary.mediation-parties', unit.people),
      summary: notes(),
      files: attachments(t('调解协议书等材料', 'Agreements and other documents')),
    },
  },
  {
    code: 'diary.consultation',
    title: t('法律咨询', 'Legal consultation'),
    part: 'daily',
    fields: {
      channel: choice(t('咨询渠道', 'Channel'), [
        ['visit', t('来访', 'In person')],
        ['phone', t('电话', 'Phone')],
        ['online', t('网络', 'Online')],
        ['letter', t('信函', 'Letter')],
        ['video', t('视频', 'Video')],
      ]),
      consultations: count(t('咨询人次', 'Consultations'), 'diary.consultations', unit.personTimes),
      referral: choice(
        t('主要引导去向', 'Main referral'),
        [
          ['none', t('当场解答', 'Answered on the spot')],
          ['legal-aid', t('法律援助', 'Legal aid')],
          ['mediation', t('人民调解', "People's mediation")],
          ['reconsideration', t('行政复议', 'Administrative reconsideration')],
          ['notary', t('公证', 'Notary')],
          ['arbitration', t('仲裁', 'Arbitration')],
        ],
        false,
      ),
      summary: notes(),
    },
  },
  {
    code: 'diary.legal-aid',
    title: t('法律援助申请接收转交', 'Legal-aid applications received and passed on'),
    part: 'daily',
    fields: {
      applications: count(t('接收申请数', 'Applications received'), 'diary.legal-aid-applications', unit.cases),
      forwarded: count(t('转交法律援助机构数', 'Forwarded to the legal-aid centre'), 'diary.legal-aid-forwarded', unit.cases),
      summary: notes(),
    },
  },
  {
    code: 'diary.correction-supervision',
    title: t('社区矫正日常监管', 'Community correction: supervision'),
    part: 'key',
    fields: {
      homeVisits: count(t('实地走访次数', 'Home visits'), 'diary.correction-visits', unit.times),
      talks: count(t('个别教育谈话次数', 'Individual talks'), 'diary.correction-talks', unit.times),
      reports: count(t('收取思想汇报及报到', 'Reports and report-ins received'), 'diary.correction-reports', unit.copies),
      summary: notes(noCorrectionData),
    },
  },
  {
    code: 'diary.presentence-investigation',
    title: t('调查评估', 'Pre-decision investigation'),
    part: 'key',
    fields: {
      sentenceKind: choice(t('拟适用类型', 'Proposed measure'), [
        ['public-surveillance', t('管制', 'Public surveillance')],
        ['probation', t('缓刑', 'Probation')],
        ['parole', t('假释', 'Parole')],
        ['temporary-outside-prison', t('暂予监外执行', 'Temporary service outside prison')],
      ]),
      investigations: count(t('调查评估件数', 'Investigations'), 'diary.presentence-investigations', unit.cases),
      summary: notes(noCorrectionData),
    },
  },
  {
    code: 'diary.resettlement',
    title: t('安置帮教', 'Resettlement and assistance of released persons'),
    part: 'key',
    fields: {
      contacted: count(t('衔接走访人次', 'Released persons contacted'), 'diary.resettlement-contacts', unit.personTimes),
      assisted: count(t('落实帮扶人数（就业、救助等）', 'Persons assisted (jobs, relief …)'), 'diary.resettlement-assisted', unit.people),
      summary: notes(),
    },
  },
  {
    code: 'diary.law-education',
    title: t('普法宣传', 'Law education'),
    part: 'daily',
    fields: {
      form: choice(t('活动形式', 'Form'), [
        ['lecture', t('法治讲座', 'Lecture')],
        ['campaign', t('集中宣传', 'Public campaign')],
        ['village', t('进村入户', 'Village and household visits')],
        ['school', t('进校园', 'At a school')],
        ['enterprise', t('进企业', 'At an enterprise')],
        ['online', t('网络新媒体', 'Online and social media')],
        ['other', t('其他', 'Other')],
      ]),
      topic: text(t('宣传主题', 'Topic'), { required: true, multiline: false, maxLength: 200 }),
      events: count(t('活动场次', 'Events'), 'diary.law-education-events', unit.events),
      audience: count(t('受众人次', 'Audience'), 'diary.law-education-audience', unit.personTimes, { max: 100_000 }),
      materials: count(t('发放资料份数', 'Materials handed out'), 'diary.law-education-materials', unit.copies, { required: false, max: 100_000 }),
      photos: attachments(t('活动照片', 'Photos'), 10),
    },
  },
  {
    code: 'diary.legal-literates-training',
    title: t('法律明白人培养', 'Legally-literate persons: selection and training'),
    part: 'basic',
    fields: {
      trained: count(t('参训人次', 'Persons trained'), 'diary.legal-literates-trained', unit.personTimes),
      selected: count(t('新遴选人数', 'Newly selected'), 'diary.legal-literates-selected', unit.people, { required: false }),
      duration: minutes(t('培训时长（分钟）', 'Training time (minutes)'), 'diary.legal-literates-training-minutes'),
      topic: text(t('培训内容', 'Content'), { required: true, multiline: false, maxLength: 200 }),
    },
  },
  {
    code: 'diary.legality-review',
    title: t('合法性审查', 'Legality review'),
    part: 'key',
    fields: {
      documentKind: choice(t('审查对象', 'What was reviewed'), [
        ['normative-document', t('规范性文件', 'Normative document')],
        ['major-decision', t('重大行政决策', 'Major administrative decision')],
        ['contract', t('合同', 'Contract')],
        ['village-rules', t('村规民约、居民公约', 'Village rules and residents\' conventions')],
        ['other', t('其他', 'Other')],
      ]),
      reviewed: count(t('审查件数', 'Documents reviewed'), 'diary.legality-reviews', unit.cases),
      opinions: count(t('提出修改意见条数', 'Changes proposed'), 'diary.legality-opinions', unit.items),
      summary: notes(),
    },
  },
  {
    code: 'diary.reconsideration-forwarding',
    title: t('行政复议代办转递', 'Reconsideration: receiving and forwarding'),
    part: 'daily',
    fields: {
      applicationForm: choice(t('申请方式', 'Form of application'), [
        ['written', t('书面申请', 'Written')],
        ['oral', t('口头申请（当场记录）', 'Oral (written up on the spot)')],
      ]),
      received: count(t('接收申请件数', 'Applications received'), 'diary.reconsideration-received', unit.cases),
      forwarded: count(t('转递复议机关件数', 'Forwarded to the reconsideration body'), 'diary.reconsideration-forwarded', unit.cases),
      summary: notes(),
    },
  },
  {
    code: 'diary.station-duty',
    title: t('公共法律服务工作站值班', 'Public legal-service station duty'),
    part: 'basic',
    fields: {
      dutyMinutes: minutes(t('值班时长（分钟）', 'Time on duty (minutes)'), 'diary.station-duty-minutes'),
      visitors: count(t('接待群众人次', 'Visitors received'), 'diary.station-visitors', unit.personTimes),
      summary: notes(),
    },
  },
  {
    code: 'diary.grassroots-supervision',
    title: t('基层法律服务工作者监督指导', 'Supervision of grassroots legal workers'),
    part: 'institutional',
    fields: {
      activity: choice(t('工作方式', 'Activity'), [
        ['inspection', t('日常检查', 'Routine inspection')],
        ['file-review', t('案卷抽查', 'Case-file review')],
        ['training', t('业务培训', 'Training')],
        ['complaint', t('投诉处理', 'Complaint handling')],
      ]),
      workers: count(t('涉及工作者人次', 'Workers concerned'), 'diary.grassroots-workers-supervised', unit.personTimes),
      issues: count(t('发现问题数', 'Issues found'), 'diary.grassroots-issues', unit.items),
      summary: notes(),
    },
  },
  {
    code: 'diary.assigned-task',
    title: t('上级交办任务', 'Tasks assigned from above'),
    part: 'daily',
    fields: {
      assignedBy: choice(t('交办单位', 'Assigned by'), [
        ['county-bureau', t('旗县区司法局', 'County justice bureau')],
        ['township', t('苏木乡镇（街道）党委政府', 'Township (sub-district) government')],
        ['city-bureau', t('市司法局', 'City justice bureau')],
        ['other', t('其他', 'Other')],
      ]),
      completed: count(t('完成件数', 'Tasks completed'), 'diary.assigned-tasks', unit.items),
      description: text(t('任务及完成情况', 'Task and outcome'), { required: true }),
      files: attachments(t('相关材料', 'Documents')),
    },
  },
  {
    code: 'diary.negative-incident',
    title: t('负面清单事项', 'Negative-list incident'),
    part: 'negative',
    fields: {
      // Demo list: the bureau's real negative list is local practice and was not found.
      kind: choice(t('事项类型', 'Kind of incident'), [
        ['mass-incident', t('矛盾纠纷激化引发群体性事件', 'Dispute escalated into a mass incident')],
        ['civil-to-criminal', t('民间纠纷激化转为刑事案件', 'Civil dispute turned into a criminal case')],
        ['correction-lost-contact', t('社区矫正对象脱管、漏管', 'Person under correction out of supervision')],
        ['correction-reoffence', t('社区矫正对象重新犯罪', 'Person under correction reoffended')],
        ['released-reoffence', t('安置帮教对象重新犯罪', 'Released person reoffended')],
        ['petition-escalation', t('越级上访', 'Petition taken over the heads of local authorities')],
        ['other', t('其他', 'Other')],
      ]),
      incidents: count(t('事项数', 'Incidents'), 'diary.negative-incidents', unit.incidents),
      description: text(t('事情经过', 'What happened'), { required: true, help: noPersonalData }),
      measures: text(t('已采取的处置措施', 'Measures taken'), { required: true }),
    },
  },
  {
    code: 'diary.commendation',
    title: t('表彰与经验推广', 'Commendations and recognition'),
    part: 'outstanding',
    fields: {
      level: choice(t('级别', 'Level'), [
        ['national', t('国家级', 'National')],
        ['region', t('自治区级', 'Autonomous region')],
        ['city', t('市级', 'City')],
        ['county', t('旗县区级', 'County')],
      ]),
      kind: choice(t('类别', 'Kind'), [
        ['commendation', t('表彰奖励', 'Commendation or award')],
        ['experience', t('经验做法被推广', 'Practice adopted elsewhere')],
        ['media', t('媒体宣传报道', 'Media coverage')],
      ]),
      commendations: count(t('项数', 'Number'), 'diary.commendations', unit.items),
      description: text(t('具体内容', 'Details'), { required: true }),
      files: attachments(t('证明材料', 'Evidence')),
    },
  },
];
