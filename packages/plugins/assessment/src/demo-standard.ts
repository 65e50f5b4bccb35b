/**
 * DEMO STANDARD. A plausible 1000-point standard (千分制) for judicial offices, built from the
 * duties in the project's domain notes (people's mediation, community correction and
 * pre-decision investigations, resettlement, legal aid, legal consultation, law education,
 * legally-literate persons, legality review, reconsideration forwarding, the public legal-service
 * station, supervision of grassroots legal workers, tasks from above, the negative list). The
 * official standard's parts, items and points were not found in public sources: this one is NOT
 * an official standard, says so in its title and note, and a bureau replaces it (copy, edit,
 * publish) with its own. Targets are sized for the demo diary history's volume.
 *
 * Every rule kind appears: points per occurrence with a cap (scaled by period, or not for
 * commendations), targets per quarter and per year (full and pro rata), a deadline, evidence,
 * deductions, and vetoes of a part and of the total. Its finest windows are quarters, so a city's
 * year is read in four runs of facts (see `segmentsNeeded`).
 */
import type { LocalizedText } from '@sifa/core';
import type { AssessmentItemSpec, AssessmentPartSpec, AssessmentStandardBody } from './types.js';

const t = (zh: string, en: string): LocalizedText => ({ zh, en });

export const demoStandardParts: AssessmentPartSpec[] = [
  { code: 'basic', title: t('基础工作', 'Basic work'), points: 150 },
  { code: 'institutional', title: t('制度建设', 'Institutional work'), points: 100 },
  { code: 'key', title: t('重点工作', 'Key work'), points: 450 },
  { code: 'daily', title: t('日常工作', 'Daily work'), points: 300 },
  { code: 'outstanding', title: t('突出表现（加分）', 'Outstanding performance (bonus)'), points: 50 },
  { code: 'negative', title: t('负面清单（扣分及否决）', 'Negative list (deductions and vetoes)'), points: 100 },
];

export const demoStandardItems: AssessmentItemSpec[] = [
  // 基础工作 150
  {
    code: 'station-duty',
    part: 'basic',
    title: t('公共法律服务工作站值班', 'Legal-service station duty'),
    criterion: t('全年值班不少于 2400 分钟（40 小时），按完成比例得分。', 'At least 2,400 minutes (40 hours) on duty a year; points in proportion.'),
    metric: 'diary.station-duty-minutes',
    points: 60,
    rule: { kind: 'target', target: 2400, per: 'year', mode: 'pro-rata' },
  },
  {
    code: 'legal-literates-trained',
    part: 'basic',
    title: t('法律明白人培训', 'Training legally-literate persons'),
    criterion: t('全年培训法律明白人不少于 40 人次，按完成比例得分。', 'At least 40 person-times of training a year; points in proportion.'),
    metric: 'diary.legal-literates-trained',
    points: 50,
    rule: { kind: 'target', target: 40, per: 'year', mode: 'pro-rata' },
  },
  {
    code: 'legal-literates-selected',
    part: 'basic',
    title: t('法律明白人遴选', 'Selecting legally-literate persons'),
    criterion: t('6 月底前新遴选法律明白人不少于 3 人，按期完成得满分，逾期不得分。', 'At least 3 newly selected by the end of June: all points on time, none after.'),
    metric: 'diary.legal-literates-selected',
    points: 40,
    rule: { kind: 'deadline', target: 3, dueMonth: 6 },
  },
  // 制度建设 100
  {
    code: 'diary-quarterly',
    part: 'institutional',
    title: t('工作日志按季填报', 'Diary kept every quarter'),
    criterion: t('每季度工作日志不少于 3 条，达到的季度得分。', 'At least 3 diary entries a quarter; points for each quarter that reaches it.'),
    metric: 'diary.entries',
    points: 60,
    rule: { kind: 'target', target: 3, per: 'quarter', mode: 'full' },
  },
  {
    code: 'grassroots-supervision',
    part: 'institutional',
    title: t('监督指导基层法律服务工作者', 'Supervising grassroots legal workers'),
    criterion: t('考核期内有监督指导工作记录的得满分。', 'All points when supervision is on record in the period.'),
    metric: 'diary.grassroots-workers-supervised',
    points: 40,
    rule: { kind: 'evidence', per: 'period' },
  },
  // 重点工作 450
  {
    code: 'mediation-cases',
    part: 'key',
    title: t('人民调解', "People's mediation"),
    criterion: t('每调解矛盾纠纷 1 件得 3 分，最高 90 分（季度、月度按全年折算）。', '3 points per dispute mediated, at most 90 (a quarter or month counts at the yearly rate).'),
    metric: 'diary.mediation-cases',
    points: 90,
    rule: { kind: 'per-occurrence', pointsEach: 3, scale: 'period' },
  },
  {
    code: 'mediation-agreements',
    part: 'key',
    title: t('调解成功', 'Mediation agreements'),
    criterion: t('全年调解成功不少于 20 件，按完成比例得分。', 'At least 20 agreements a year; points in proportion.'),
    metric: 'diary.mediation-agreements',
    points: 60,
    rule: { kind: 'target', target: 20, per: 'year', mode: 'pro-rata' },
  },
  {
    code: 'correction-visits',
    part: 'key',
    title: t('社区矫正实地走访', 'Community correction: home visits'),
    criterion: t('每季度实地走访不少于 8 次，按各季度完成比例得分。', 'At least 8 home visits a quarter; points by each quarter’s share reached.'),
    metric: 'diary.correction-visits',
    points: 80,
    rule: { kind: 'target', target: 8, per: 'quarter', mode: 'pro-rata' },
  },
  {
    code: 'correction-talks',
    part: 'key',
    title: t('社区矫正个别教育', 'Community correction: individual talks'),
    criterion: t('全年个别教育谈话不少于 24 次，按完成比例得分。', 'At least 24 talks a year; points in proportion.'),
    metric: 'diary.correction-talks',
    points: 60,
    rule: { kind: 'target', target: 24, per: 'year', mode: 'pro-rata' },
  },
  {
    code: 'correction-reports',
    part: 'key',
    title: t('社区矫正报到及思想汇报', 'Community correction: reports received'),
    criterion: t('全年收取报到及思想汇报不少于 12 份，按完成比例得分。', 'At least 12 reports a year; points in proportion.'),
    metric: 'diary.correction-reports',
    points: 50,
    rule: { kind: 'target', target: 12, per: 'year', mode: 'pro-rata' },
  },
  {
    code: 'presentence-investigations',
    part: 'key',
    title: t('调查评估', 'Pre-decision investigations'),
    criterion: t('每完成调查评估 1 件得 10 分，最高 20 分。', '10 points per investigation, at most 20.'),
    metric: 'diary.presentence-investigations',
    points: 20,
    rule: { kind: 'per-occurrence', pointsEach: 10, scale: 'period' },
  },
  {
    code: 'resettlement',
    part: 'key',
    title: t('安置帮教衔接走访', 'Resettlement: released persons contacted'),
    criterion: t('全年衔接走访刑满释放人员不少于 10 人次，按完成比例得分。', 'At least 10 contacts a year; points in proportion.'),
    metric: 'diary.resettlement-contacts',
    points: 50,
    rule: { kind: 'target', target: 10, per: 'year', mode: 'pro-rata' },
  },
  {
    code: 'legality-reviews',
    part: 'key',
    title: t('合法性审查', 'Legality reviews'),
    criterion: t('每审查 1 件得 8 分，最高 40 分。', '8 points per document reviewed, at most 40.'),
    metric: 'diary.legality-reviews',
    points: 40,
    rule: { kind: 'per-occurrence', pointsEach: 8, scale: 'period' },
  },
  // 日常工作 300
  {
    code: 'consultations',
    part: 'daily',
    title: t('法律咨询', 'Legal consultation'),
    criterion: t('每解答 1 人次得 2 分，最高 60 分。', '2 points per consultation, at most 60.'),
    metric: 'diary.consultations',
    points: 60,
    rule: { kind: 'per-occurrence', pointsEach: 2, scale: 'period' },
  },
  {
    code: 'legal-aid',
    part: 'daily',
    title: t('法律援助申请接收转交', 'Legal-aid applications received'),
    criterion: t('每接收并转交申请 1 件得 5 分，最高 30 分。', '5 points per application received and passed on, at most 30.'),
    metric: 'diary.legal-aid-applications',
    points: 30,
    rule: { kind: 'per-occurrence', pointsEach: 5, scale: 'period' },
  },
  {
    code: 'law-education-events',
    part: 'daily',
    title: t('普法宣传活动', 'Law education events'),
    criterion: t('全年开展普法活动不少于 6 场，按完成比例得分。', 'At least 6 events a year; points in proportion.'),
    metric: 'diary.law-education-events',
    points: 60,
    rule: { kind: 'target', target: 6, per: 'year', mode: 'pro-rata' },
  },
  {
    code: 'law-education-audience',
    part: 'daily',
    title: t('普法受众', 'Law education audience'),
    criterion: t('全年普法受众不少于 600 人次，按完成比例得分。', 'At least 600 people reached a year; points in proportion.'),
    metric: 'diary.law-education-audience',
    points: 40,
    rule: { kind: 'target', target: 600, per: 'year', mode: 'pro-rata' },
  },
  {
    code: 'station-visitors',
    part: 'daily',
    title: t('工作站接待群众', 'Station visitors received'),
    criterion: t('全年接待群众不少于 30 人次，按完成比例得分。', 'At least 30 visitors a year; points in proportion.'),
    metric: 'diary.station-visitors',
    points: 30,
    rule: { kind: 'target', target: 30, per: 'year', mode: 'pro-rata' },
  },
  {
    code: 'reconsideration',
    part: 'daily',
    title: t('行政复议代办转递', 'Reconsideration forwarding'),
    criterion: t('每转递行政复议申请 1 件得 10 分，最高 20 分。', '10 points per application forwarded, at most 20.'),
    metric: 'diary.reconsideration-forwarded',
    points: 20,
    rule: { kind: 'per-occurrence', pointsEach: 10, scale: 'period' },
  },
  {
    code: 'assigned-tasks',
    part: 'daily',
    title: t('上级交办任务', 'Tasks assigned from above'),
    criterion: t('全年完成交办任务不少于 8 项，按完成比例得分。', 'At least 8 assigned tasks completed a year; points in proportion.'),
    metric: 'diary.assigned-tasks',
    points: 60,
    rule: { kind: 'target', target: 8, per: 'year', mode: 'pro-rata' },
  },
  // 突出表现（加分）50
  {
    code: 'commendations',
    part: 'outstanding',
    title: t('表彰及经验推广', 'Commendations and recognition'),
    criterion: t('每获表彰或经验推广 1 项加 25 分，最高加 50 分。', '25 bonus points each, at most 50.'),
    metric: 'diary.commendations',
    points: 50,
    rule: { kind: 'per-occurrence', pointsEach: 25, scale: 'none' },
  },
  // 负面清单
  {
    code: 'negative-incidents',
    part: 'negative',
    title: t('负面清单事项', 'Negative-list incidents'),
    criterion: t('每发生 1 起扣 30 分，最多扣 100 分。', '30 points deducted per incident, at most 100.'),
    metric: 'diary.negative-incidents',
    points: 100,
    rule: { kind: 'deduction', pointsEach: 30 },
  },
  {
    code: 'negative-veto-key',
    part: 'negative',
    title: t('重点工作否决', 'Veto of key work'),
    criterion: t('考核期内发生 2 起及以上负面事项的，重点工作部分不得分。', 'Two or more incidents in the period: the key-work part scores nothing.'),
    metric: 'diary.negative-incidents',
    points: 0,
    rule: { kind: 'veto', threshold: 2, zeroes: 'key' },
  },
  {
    code: 'negative-veto-total',
    part: 'negative',
    title: t('一票否决', 'Veto of the total'),
    criterion: t('考核期内发生 3 起及以上负面事项的，考核总分为零。', 'Three or more incidents in the period: the total is zero.'),
    metric: 'diary.negative-incidents',
    points: 0,
    rule: { kind: 'veto', threshold: 3, zeroes: 'total' },
  },
];

/** The demo standard of `year`, owned by the city (示范: not an official standard). */
export function demoStandard(year: number): AssessmentStandardBody {
  return {
    title: t(`赤峰市司法所千分制考核标准（${year}年度·示范）`, `Chifeng judicial offices: 1000-point standard ${year} (DEMO)`),
    note: t(
      '示范标准：依据司法所法定职责拟定，并非官方考核标准，分值和目标仅供演示；请复制后按本地标准修改并发布。',
      'DEMO standard drafted from the statutory duties of judicial offices; not an official standard. Points and targets are for demonstration: copy it, change it to your own and publish.',
    ),
    demo: true,
    parts: demoStandardParts,
    items: demoStandardItems,
  };
}
