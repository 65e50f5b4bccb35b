/**
 * DEMO ENTRY POINTS of the diary's metrics: a plausible dashboard of a city's judicial offices
 * (司法所), grouped as the article groups them (基础数据, 机构队伍, 日常工作, 重点工作 and the
 * business modules). They are NOT an official statistics form: the bureau's real report items
 * were not found in public sources. Built only from the diary's DEMO catalogue (`diary.*`,
 * catalogue.ts); contributed with the manifest, composed by the statistics plugin.
 *
 * Browser-safe: plain data. Mongolian titles are left out until a reviewed translation exists
 * (widgets fall back to Chinese).
 */
import type { EntryPointDefinitionInput, EntryPointGroupInput, LocalizedText } from '@sifa/core';

const t = (zh: string, en: string): LocalizedText => ({ zh, en });

/** The groups the diary's entry points are listed under, in dashboard order. */
export const diaryEntryPointGroups: EntryPointGroupInput[] = [
  { id: 'basic', title: t('基础数据', 'Basic data') },
  { id: 'institutional', title: t('机构队伍', 'Institutions and staff') },
  { id: 'daily', title: t('日常工作', 'Daily work') },
  { id: 'key', title: t('重点工作', 'Key work') },
  { id: 'mediation', title: t('人民调解', "People's mediation") },
  { id: 'consultation', title: t('法律咨询', 'Legal consultation') },
  // The correction plugin, when installed, declares 'correction' (rates per person from its files).
  { id: 'correction-diary', title: t('社区矫正（工作日志）', 'Community correction (work diary)') },
  { id: 'law-education', title: t('普法宣传', 'Law education') },
  { id: 'legally-literate', title: t('法律明白人', 'Legally-literate persons') },
  { id: 'legal-services', title: t('公共法律服务', 'Public legal services') },
  { id: 'enforcement-supervision', title: t('行政执法监督', 'Supervision of administrative law enforcement') },
];

/** DEMO: see the comment at the top of this file. */
export const diaryEntryPoints: EntryPointDefinitionInput[] = [
  // 基础数据
  {
    id: 'work-overview',
    group: 'basic',
    title: t('工作总览', 'Work at a glance'),
    description: t('工作日志条数及调解、咨询、普法三项主要业务量。', 'Diary entries and the three main kinds of work: mediation, consultation, law education.'),
    metrics: ['diary.entries', 'diary.mediation-cases', 'diary.consultations', 'diary.law-education-events'],
    combine: 'each',
    chart: 'bar',
  },
  {
    id: 'diary-entries',
    group: 'basic',
    title: t('工作日志填报', 'Diary entries written'),
    description: t('各单位填报的工作日志条数。', 'How many diary entries each org wrote.'),
    metrics: ['diary.entries'],
    combine: 'each',
    chart: 'line',
  },
  // 机构队伍
  {
    id: 'grassroots-supervision',
    group: 'institutional',
    title: t('基层法律服务工作者监督指导', 'Supervision of grassroots legal workers'),
    metrics: ['diary.grassroots-workers-supervised', 'diary.grassroots-issues'],
    combine: 'each',
    chart: 'bar',
  },
  // 日常工作
  {
    id: 'assigned-tasks',
    group: 'daily',
    title: t('上级交办任务', 'Tasks assigned from above'),
    metrics: ['diary.assigned-tasks'],
    combine: 'each',
    chart: 'line',
  },
  {
    id: 'people-served',
    group: 'daily',
    title: t('接待服务群众', 'People served'),
    description: t('法律咨询与公共法律服务工作站接待人次合计。', 'Legal consultations and legal-service station visitors together.'),
    metrics: ['diary.consultations', 'diary.station-visitors'],
    combine: 'sum',
    figureTitle: t('接待服务人次', 'People served'),
    chart: 'line',
  },
  // 重点工作
  {
    id: 'key-cases',
    group: 'key',
    title: t('重点工作办件', 'Key work: cases handled'),
    description: t('调解纠纷、调查评估、合法性审查件数合计。', 'Disputes mediated, pre-decision investigations and legality reviews together.'),
    metrics: ['diary.mediation-cases', 'diary.presentence-investigations', 'diary.legality-reviews'],
    combine: 'sum',
    figureTitle: t('重点工作办件数', 'Key cases handled'),
    chart: 'bar',
  },
  // 人民调解
  {
    id: 'mediation-cases',
    group: 'mediation',
    title: t('矛盾纠纷调解', 'Disputes mediated'),
    metrics: ['diary.mediation-cases', 'diary.mediation-agreements'],
    combine: 'each',
    chart: 'line',
  },
  {
    id: 'mediation-success-rate',
    group: 'mediation',
    title: t('调解成功率', 'Mediation success rate'),
    description: t('调解成功件数占调解纠纷件数的百分比。', 'Agreements reached as a percentage of disputes mediated.'),
    metrics: ['diary.mediation-agreements', 'diary.mediation-cases'],
    combine: 'ratio',
    figureTitle: t('调解成功率', 'Success rate'),
    chart: 'line',
  },
  // 法律咨询
  {
    id: 'consultations',
    group: 'consultation',
    title: t('法律咨询', 'Legal consultations'),
    metrics: ['diary.consultations'],
    combine: 'each',
    chart: 'line',
  },
  // 社区矫正
  {
    id: 'correction-supervision',
    group: 'correction-diary',
    title: t('社区矫正监管', 'Community correction: supervision'),
    metrics: ['diary.correction-visits', 'diary.correction-talks', 'diary.correction-reports', 'diary.presentence-investigations'],
    combine: 'each',
    chart: 'bar',
  },
  {
    id: 'correction-contact-mix',
    group: 'correction-diary',
    title: t('社区矫正走访与谈话构成', 'Community correction: visits and talks'),
    description: t('实地走访与个别教育谈话各占的比重。', 'The shares of home visits and individual talks.'),
    metrics: ['diary.correction-visits', 'diary.correction-talks'],
    combine: 'each',
    chart: 'pie',
  },
  // 普法宣传
  {
    id: 'law-education',
    group: 'law-education',
    title: t('普法宣传活动', 'Law education'),
    metrics: ['diary.law-education-events', 'diary.law-education-audience', 'diary.law-education-materials'],
    combine: 'each',
    chart: 'bar',
  },
  // 法律明白人
  {
    id: 'legally-literate',
    group: 'legally-literate',
    title: t('法律明白人培养', 'Legally-literate persons'),
    metrics: ['diary.legal-literates-trained', 'diary.legal-literates-selected'],
    combine: 'each',
    chart: 'bar',
  },
  // 公共法律服务
  {
    id: 'legal-aid',
    group: 'legal-services',
    title: t('法律援助申请接收转交', 'Legal aid: applications received and passed on'),
    metrics: ['diary.legal-aid-applications', 'diary.legal-aid-forwarded'],
    combine: 'each',
    chart: 'bar',
  },
  {
    id: 'legal-services-mix',
    group: 'legal-services',
    title: t('公共法律服务构成', 'Public legal services: the mix'),
    description: t('法律咨询、工作站接待、安置帮教衔接走访各占的人次比重。', 'The shares of consultations, station visitors and released persons contacted.'),
    metrics: ['diary.consultations', 'diary.station-visitors', 'diary.resettlement-contacts'],
    combine: 'each',
    chart: 'pie',
  },
  // 行政执法监督
  {
    id: 'legality-review',
    group: 'enforcement-supervision',
    title: t('合法性审查与行政复议转递', 'Legality reviews and reconsideration forwarding'),
    metrics: ['diary.legality-reviews', 'diary.legality-opinions', 'diary.reconsideration-received', 'diary.reconsideration-forwarded'],
    combine: 'each',
    chart: 'bar',
  },
];
