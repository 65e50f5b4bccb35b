/**
 * DEMO CATALOGUE. The diary items and metrics below are a plausible model of a judicial
 * office's (司法所) daily work, built from the duties in the project's domain notes (people's
 * mediation, legal consultation, legal aid, community correction, resettlement, law education,
 * legally-literate persons, legality review, reconsideration forwarding, the public legal-service
 * station, supervision of grassroots legal workers, tasks from above, the negative list). They are
 * NOT an official form: the real items of a bureau's diary and 1000-point standard were not
 * found in public sources. A bureau replaces or extends them with its own plugin.
 *
 * Browser-safe: plain data, no drizzle, no Node APIs.
 *
 * MONGOLIAN: every `mn` text below (the third argument of `t`) is a DRAFT written by a non-speaker
 * from classical Mongolian vocabulary, in traditional script; the comment above each line is its
 * Latin transliteration (`mn draft: …`, suffixes joined by "-" = U+202F, "_" = U+180E), for the
 * reviewer. All of them are drafts until a native speaker has checked them.
 *
 * Cross-field rules (`rules`) keep what the dashboard derives from the items' metrics possible:
 * agreements reached never exceed disputes mediated (a success rate ≤ 100 %), every dispute has
 * at least two parties. Only rules that hold for every single entry are stated (forwarding an
 * application received on an earlier day is normal, so "forwarded ≤ received" is not one).
 *
 * Personal data: the items record counts and short summaries of work, never names, ID numbers,
 * phone numbers or locations of the people concerned (community-correction status is sensitive
 * personal information, PIPL art. 28); the help texts say so where it matters.
 */
import type { DiaryFieldSpecInput, DiaryItemInput, LocalizedText, MetricDefinition } from '@sifa/core';

/** Text in Chinese and English, and the Mongolian DRAFT (see the top of this file) where there is one. */
const t = (zh: string, en: string, mn?: string): LocalizedText => (mn ? { zh, en, mn } : { zh, en });

const unit = {
  // mn draft: temdeglel
  entries: t('条', 'entries', 'ᠲᠡᠮᠳᠡᠭᠯᠡᠯ'),
  // mn draft: kereg
  cases: t('件', 'cases', 'ᠬᠡᠷᠡᠭ'),
  // mn draft: kUmUn
  people: t('人', 'people', 'ᠬᠦᠮᠦᠨ'),
  // mn draft: kUmUn udaga
  personTimes: t('人次', 'person-times', 'ᠬᠦᠮᠦᠨ ᠤᠳᠠᠭᠠ'),
  // mn draft: udaga
  times: t('次', 'times', 'ᠤᠳᠠᠭᠠ'),
  // mn draft: qubi
  copies: t('份', 'copies', 'ᠬᠤᠪᠢ'),
  // mn draft: ajillag_a
  events: t('场', 'events', 'ᠠᠵᠢᠯᠯᠠᠭ᠎ᠠ'),
  // mn draft: jUil
  items: t('项', 'items', 'ᠵᠦᠢᠯ'),
  // mn draft: kereg yabudal
  incidents: t('起', 'incidents', 'ᠬᠡᠷᠡᠭ ᠶᠠᠪᠤᠳᠠᠯ'),
  // mn draft: minut
  minutes: t('分钟', 'min', 'ᠮᠢᠨᠤᠲ'),
} as const;

/** Every metric the demo items feed, plus `diary.entries` (one per saved entry). */
export const diaryMetrics = [
  // mn draft: ajil-un temdeglel-Un too
  { code: 'diary.entries', title: t('工作日志条数', 'Diary entries', 'ᠠᠵᠢᠯ ᠤᠨ ᠲᠡᠮᠳᠡᠭᠯᠡᠯ ᠦᠨ ᠲᠣᠣ'), unit: unit.entries },
  // mn draft: marggan-i eblerekUlUgsen
  { code: 'diary.mediation-cases', title: t('调解矛盾纠纷', 'Disputes mediated', 'ᠮᠠᠷᠭᠭᠠᠨ ᠢ ᠡᠪᠯᠡᠷᠡᠬᠦᠯᠦᠭᠰᠡᠨ'), unit: unit.cases },
  // A part of diary.mediation-cases: an entry records both for the same disputes (its rule keeps
  // agreements ≤ disputes), and the mediation plugin counts a case's agreement on the day the case
  // was registered, so the success rate stays within 100 % over any period.
  // mn draft: eblerekUlUl amjilttai
  { code: 'diary.mediation-agreements', title: t('调解成功', 'Mediation agreements reached', 'ᠡᠪᠯᠡᠷᠡᠬᠦᠯᠦᠯ ᠠᠮᠵᠢᠯᠲᠲᠠᠢ'), unit: unit.cases, cohortOf: 'diary.mediation-cases' },
  // mn draft: eblerekUlUl-dU orolcagsan tal
  { code: 'diary.mediation-parties', title: t('调解涉及当事人', 'Parties in mediation', 'ᠡᠪᠯᠡᠷᠡᠬᠦᠯᠦᠯ ᠳᠦ ᠣᠷᠣᠯᠴᠠᠭᠰᠠᠨ ᠲᠠᠯ'), unit: unit.people },
  // mn draft: qagul_i-yin jOblegegen
  { code: 'diary.consultations', title: t('法律咨询', 'Legal consultations', 'ᠬᠠᠭᠤᠯ᠎ᠢ ᠶᠢᠨ ᠵᠥᠪᠯᠡᠭᠡᠭᠡᠨ'), unit: unit.personTimes },
  // mn draft: qagul_i-yin tusalamji-yin OrgUdUl quliyan abugsan
  { code: 'diary.legal-aid-applications', title: t('接收法律援助申请', 'Legal-aid applications received', 'ᠬᠠᠭᠤᠯ᠎ᠢ ᠶᠢᠨ ᠲᠤᠰᠠᠯᠠᠮᠵᠢ ᠶᠢᠨ ᠥᠷᠭᠦᠳᠦᠯ ᠬᠤᠯᠢᠶᠠᠨ ᠠᠪᠤᠭᠰᠠᠨ'), unit: unit.cases },
  // mn draft: qagul_i-yin tusalamji-yin OrgUdUl damjugulugsan
  { code: 'diary.legal-aid-forwarded', title: t('转交法律援助申请', 'Legal-aid applications forwarded', 'ᠬᠠᠭᠤᠯ᠎ᠢ ᠶᠢᠨ ᠲᠤᠰᠠᠯᠠᠮᠵᠢ ᠶᠢᠨ ᠥᠷᠭᠦᠳᠦᠯ ᠳᠠᠮᠵᠤᠭᠤᠯᠤᠭᠰᠠᠨ'), unit: unit.cases },
  // mn draft: jasan kUmUjilUlte-yin ergijU tuyilagsan
  { code: 'diary.correction-visits', title: t('社区矫正走访', 'Community-correction home visits', 'ᠵᠠᠰᠠᠨ ᠬᠦᠮᠦᠵᠢᠯᠦᠯᠲᠡ ᠶᠢᠨ ᠡᠷᠭᠢᠵᠦ ᠲᠤᠶᠢᠯᠠᠭᠰᠠᠨ'), unit: unit.times },
  // mn draft: jasan kUmUjilUlte-yin gagcaqan yariltaga
  { code: 'diary.correction-talks', title: t('社区矫正个别教育谈话', 'Community-correction talks', 'ᠵᠠᠰᠠᠨ ᠬᠦᠮᠦᠵᠢᠯᠦᠯᠲᠡ ᠶᠢᠨ ᠭᠠᠭᠴᠠᠬᠠᠨ ᠶᠠᠷᠢᠯᠲᠠᠭᠠ'), unit: unit.times },
  // mn draft: jasan kUmUjilUlte-yin kUmUn-U tayilan quliyan abugsan
  { code: 'diary.correction-reports', title: t('收取社区矫正对象报告', 'Reports received from persons under correction', 'ᠵᠠᠰᠠᠨ ᠬᠦᠮᠦᠵᠢᠯᠦᠯᠲᠡ ᠶᠢᠨ ᠬᠦᠮᠦᠨ ᠦ ᠲᠠᠶᠢᠯᠠᠨ ᠬᠤᠯᠢᠶᠠᠨ ᠠᠪᠤᠭᠰᠠᠨ'), unit: unit.copies },
  // mn draft: bayicagan Unelelte
  { code: 'diary.presentence-investigations', title: t('调查评估', 'Pre-decision investigations', 'ᠪᠠᠶᠢᠴᠠᠭᠠᠨ ᠦᠨᠡᠯᠡᠯᠲᠡ'), unit: unit.cases },
  // mn draft: sululadugsan kUmUn-i ergijU tuyilagsan
  { code: 'diary.resettlement-contacts', title: t('衔接走访刑满释放人员', 'Released persons contacted', 'ᠰᠤᠯᠤᠯᠠᠳᠤᠭᠰᠠᠨ ᠬᠦᠮᠦᠨ ᠢ ᠡᠷᠭᠢᠵᠦ ᠲᠤᠶᠢᠯᠠᠭᠰᠠᠨ'), unit: unit.personTimes },
  // mn draft: bayirilagulju tusalagsan
  { code: 'diary.resettlement-assisted', title: t('落实安置帮扶', 'Released persons assisted', 'ᠪᠠᠶᠢᠷᠢᠯᠠᠭᠤᠯᠵᠤ ᠲᠤᠰᠠᠯᠠᠭᠰᠠᠨ'), unit: unit.people },
  // mn draft: qagul_i-yin surtaljilga-yin ajillag_a
  { code: 'diary.law-education-events', title: t('普法宣传活动', 'Law education events', 'ᠬᠠᠭᠤᠯ᠎ᠢ ᠶᠢᠨ ᠰᠤᠷᠲᠠᠯᠵᠢᠯᠭᠠ ᠶᠢᠨ ᠠᠵᠢᠯᠯᠠᠭ᠎ᠠ'), unit: unit.events },
  // mn draft: qagul_i-yin surtaljilga-yin sonosugci
  { code: 'diary.law-education-audience', title: t('普法受众', 'Law education audience', 'ᠬᠠᠭᠤᠯ᠎ᠢ ᠶᠢᠨ ᠰᠤᠷᠲᠠᠯᠵᠢᠯᠭᠠ ᠶᠢᠨ ᠰᠣᠨᠣᠰᠤᠭᠴᠢ'), unit: unit.personTimes },
  // mn draft: qagul_i-yin surtaljilga-yin material tarqagagsan
  { code: 'diary.law-education-materials', title: t('发放普法资料', 'Law education materials handed out', 'ᠬᠠᠭᠤᠯ᠎ᠢ ᠶᠢᠨ ᠰᠤᠷᠲᠠᠯᠵᠢᠯᠭᠠ ᠶᠢᠨ ᠮᠠᠲᠡᠷᠢᠠᠯ ᠲᠠᠷᠬᠠᠭᠠᠭᠰᠠᠨ'), unit: unit.copies },
  // mn draft: qagul_i oyilgaqu kUmUn surgagsan
  { code: 'diary.legal-literates-trained', title: t('培训法律明白人', 'Legally-literate persons trained', 'ᠬᠠᠭᠤᠯ᠎ᠢ ᠣᠶᠢᠯᠭᠠᠬᠤ ᠬᠦᠮᠦᠨ ᠰᠤᠷᠭᠠᠭᠰᠠᠨ'), unit: unit.personTimes },
  // mn draft: sin_e-ber sOngogsan qagul_i oyilgaqu kUmUn
  { code: 'diary.legal-literates-selected', title: t('新遴选法律明白人', 'Legally-literate persons newly selected', 'ᠰᠢᠨ᠎ᠡ ᠪᠡᠷ ᠰᠥᠨᠭᠣᠭᠰᠠᠨ ᠬᠠᠭᠤᠯ᠎ᠢ ᠣᠶᠢᠯᠭᠠᠬᠤ ᠬᠦᠮᠦᠨ'), unit: unit.people },
  // mn draft: qagul_i oyilgaqu kUmUn-U surgagulli-yin qugucag_a
  { code: 'diary.legal-literates-training-minutes', title: t('法律明白人培训时长', 'Legally-literate persons training time', 'ᠬᠠᠭᠤᠯ᠎ᠢ ᠣᠶᠢᠯᠭᠠᠬᠤ ᠬᠦᠮᠦᠨ ᠦ ᠰᠤᠷᠭᠠᠭᠤᠯᠯᠢ ᠶᠢᠨ ᠬᠤᠭᠤᠴᠠᠭ᠎ᠠ'), unit: unit.minutes },
  // mn draft: qagul_i-du niyilekU-yi sinjilekU
  { code: 'diary.legality-reviews', title: t('合法性审查', 'Legality reviews', 'ᠬᠠᠭᠤᠯ᠎ᠢ ᠳᠤ ᠨᠢᠶᠢᠯᠡᠬᠦ ᠶᠢ ᠰᠢᠨᠵᠢᠯᠡᠬᠦ'), unit: unit.cases },
  // mn draft: sinjilegsen sanal
  { code: 'diary.legality-opinions', title: t('审查提出意见', 'Changes proposed in legality reviews', 'ᠰᠢᠨᠵᠢᠯᠡᠭᠰᠡᠨ ᠰᠠᠨᠠᠯ'), unit: unit.items },
  // mn draft: jasag jakirgan-u dakin kelelcekU OrgUdUl quliyan abugsan
  { code: 'diary.reconsideration-received', title: t('接收行政复议申请', 'Reconsideration applications received', 'ᠵᠠᠰᠠᠭ ᠵᠠᠬᠢᠷᠭᠠᠨ ᠤ ᠳᠠᠬᠢᠨ ᠬᠡᠯᠡᠯᠴᠡᠬᠦ ᠥᠷᠭᠦᠳᠦᠯ ᠬᠤᠯᠢᠶᠠᠨ ᠠᠪᠤᠭᠰᠠᠨ'), unit: unit.cases },
  // mn draft: jasag jakirgan-u dakin kelelcekU OrgUdUl damjugulugsan
  { code: 'diary.reconsideration-forwarded', title: t('转递行政复议申请', 'Reconsideration applications forwarded', 'ᠵᠠᠰᠠᠭ ᠵᠠᠬᠢᠷᠭᠠᠨ ᠤ ᠳᠠᠬᠢᠨ ᠬᠡᠯᠡᠯᠴᠡᠬᠦ ᠥᠷᠭᠦᠳᠦᠯ ᠳᠠᠮᠵᠤᠭᠤᠯᠤᠭᠰᠠᠨ'), unit: unit.cases },
  // mn draft: qagul_i-yin Ujilegen-U bayir_a-yin jisiya-yin qugucag_a
  { code: 'diary.station-duty-minutes', title: t('公共法律服务工作站值班时长', 'Legal-service station duty time', 'ᠬᠠᠭᠤᠯ᠎ᠢ ᠶᠢᠨ ᠦᠵᠢᠯᠡᠭᠡᠨ ᠦ ᠪᠠᠶᠢᠷ᠎ᠠ ᠶᠢᠨ ᠵᠢᠰᠢᠶᠠ ᠶᠢᠨ ᠬᠤᠭᠤᠴᠠᠭ᠎ᠠ'), unit: unit.minutes },
  // mn draft: qagul_i-yin Ujilegen-U bayir_a-du kUlijen abugsan arad
  { code: 'diary.station-visitors', title: t('工作站接待群众', 'Legal-service station visitors', 'ᠬᠠᠭᠤᠯ᠎ᠢ ᠶᠢᠨ ᠦᠵᠢᠯᠡᠭᠡᠨ ᠦ ᠪᠠᠶᠢᠷ᠎ᠠ ᠳᠤ ᠬᠦᠯᠢᠵᠡᠨ ᠠᠪᠤᠭᠰᠠᠨ ᠠᠷᠠᠳ'), unit: unit.personTimes },
  // mn draft: suurin-u qagul_i-yin Ujilegen-U ajiltan-i qinan jiguqu
  { code: 'diary.grassroots-workers-supervised', title: t('监督指导基层法律服务工作者', 'Grassroots legal workers supervised', 'ᠰᠤᠤᠷᠢᠨ ᠤ ᠬᠠᠭᠤᠯ᠎ᠢ ᠶᠢᠨ ᠦᠵᠢᠯᠡᠭᠡᠨ ᠦ ᠠᠵᠢᠯᠲᠠᠨ ᠢ ᠬᠢᠨᠠᠨ ᠵᠢᠭᠤᠬᠤ'), unit: unit.personTimes },
  // mn draft: qinan jiguqu-du ilerekegsen asagudal
  { code: 'diary.grassroots-issues', title: t('监督指导发现问题', 'Issues found in supervision', 'ᠬᠢᠨᠠᠨ ᠵᠢᠭᠤᠬᠤ ᠳᠤ ᠢᠯᠡᠷᠡᠬᠡᠭᠰᠡᠨ ᠠᠰᠠᠭᠤᠳᠠᠯ'), unit: unit.items },
  // mn draft: degedU-ece dagalgagsan ajil-i gUicedkegsen
  { code: 'diary.assigned-tasks', title: t('完成上级交办任务', 'Assigned tasks completed', 'ᠳᠡᠭᠡᠳᠦ ᠡᠴᠡ ᠳᠠᠭᠠᠯᠭᠠᠭᠰᠠᠨ ᠠᠵᠢᠯ ᠢ ᠭᠦᠢᠴᠡᠳᠬᠡᠭᠰᠡᠨ'), unit: unit.items },
  // mn draft: sOrOg jagsagalta-yin kereg
  { code: 'diary.negative-incidents', title: t('负面清单事项', 'Negative-list incidents', 'ᠰᠥᠷᠥᠭ ᠵᠠᠭᠰᠠᠭᠠᠯᠲᠠ ᠶᠢᠨ ᠬᠡᠷᠡᠭ'), unit: unit.incidents },
  // mn draft: sagisiyal ba turxilg_a delgeregUlUl
  { code: 'diary.commendations', title: t('表彰及经验推广', 'Commendations and recognitions', 'ᠰᠠᠭᠢᠰᠢᠶᠠᠯ ᠪᠠ ᠲᠤᠷᠱᠢᠯᠭ᠎ᠠ ᠳᠡᠯᠭᠡᠷᠡᠭᠦᠯᠦᠯ'), unit: unit.items },
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
  // mn draft: ajil-un tobci-yi l bicin_e. kUmUn-U ner_e, Unemlekel-Un dugar, utasu, qayig-i bicikU Ugei.
  'ᠠᠵᠢᠯ ᠤᠨ ᠲᠣᠪᠴᠢ ᠶᠢ ᠯ ᠪᠢᠴᠢᠨ᠎ᠡ᠃ ᠬᠦᠮᠦᠨ ᠦ ᠨᠡᠷ᠎ᠡ᠂ ᠦᠨᠡᠮᠯᠡᠬᠡᠯ ᠦᠨ ᠳᠤᠭᠠᠷ᠂ ᠤᠲᠠᠰᠤ᠂ ᠬᠠᠶᠢᠭ ᠢ ᠪᠢᠴᠢᠬᠦ ᠦᠭᠡᠢ᠃',
);
const noCorrectionData = t(
  '不填写社区矫正对象姓名、身份证号、位置等信息（敏感个人信息，《个人信息保护法》第二十八条），相关内容记入矫正档案。',
  'Do not enter names, ID numbers or locations of persons under correction (sensitive personal information, PIPL art. 28); keep those in the correction file.',
  // mn draft: jasan kUmUjilUlte-yin kUmUn-U ner_e, Unemlekel-Un dugar, bayirsil-i bicikU Ugei. tede-yi jasan kUmUjilUlte-yin dangsa-du bicin_e.
  'ᠵᠠᠰᠠᠨ ᠬᠦᠮᠦᠵᠢᠯᠦᠯᠲᠡ ᠶᠢᠨ ᠬᠦᠮᠦᠨ ᠦ ᠨᠡᠷ᠎ᠡ᠂ ᠦᠨᠡᠮᠯᠡᠬᠡᠯ ᠦᠨ ᠳᠤᠭᠠᠷ᠂ ᠪᠠᠶᠢᠷᠰᠢᠯ ᠢ ᠪᠢᠴᠢᠬᠦ ᠦᠭᠡᠢ᠃ ᠲᠡᠳᠡ ᠶᠢ ᠵᠠᠰᠠᠨ ᠬᠦᠮᠦᠵᠢᠯᠦᠯᠲᠡ ᠶᠢᠨ ᠳᠠᠨᠭᠰᠠ ᠳᠤ ᠪᠢᠴᠢᠨ᠎ᠡ᠃',
);
// mn draft: ajil-un tobci
const notes = (help = noPersonalData) => text(t('工作概要', 'Summary', 'ᠠᠵᠢᠯ ᠤᠨ ᠲᠣᠪᠴᠢ'), { help });

/** Dispute types used in people's-mediation statistics (domain notes). */
const disputeTypes: [string, LocalizedText][] = [
  // mn draft: gerlelte ger bUle
  ['marriage-family', t('婚姻家庭', 'Marriage and family', 'ᠭᠡᠷᠯᠡᠯᠲᠡ ᠭᠡᠷ ᠪᠦᠯᠡ')],
  // mn draft: qOrsi ayil
  ['neighbourhood', t('邻里', 'Neighbours', 'ᠬᠥᠷᠰᠢ ᠠᠶᠢᠯ')],
  // mn draft: bayisin ba ger-Un gajar
  ['housing-homestead', t('房屋宅基地', 'Housing and homesteads', 'ᠪᠠᠶᠢᠰᠢᠨ ᠪᠠ ᠭᠡᠷ ᠦᠨ ᠭᠠᠵᠠᠷ')],
  // mn draft: geree
  ['contract', t('合同', 'Contracts', 'ᠭᠡᠷᠡᠡ')],
  // mn draft: UyiledbUri aj aqui
  ['business', t('生产经营', 'Production and business', 'ᠦᠶᠢᠯᠡᠳᠪᠦᠷᠢ ᠠᠵ ᠠᠬᠤᠢ')],
  // mn draft: qor_a-yin tOlbUri
  ['damages', t('损害赔偿', 'Compensation for damage', 'ᠬᠣᠷ᠎ᠠ ᠶᠢᠨ ᠲᠥᠯᠪᠦᠷᠢ')],
  // mn draft: agula oi gajar
  ['forest-land', t('山林土地', 'Forest and land', 'ᠠᠭᠤᠯᠠ ᠣᠢ ᠭᠠᠵᠠᠷ')],
  // mn draft: gajar quraqu ba nUgUlgekU
  ['land-expropriation', t('征地拆迁', 'Land expropriation and demolition', 'ᠭᠠᠵᠠᠷ ᠬᠤᠷᠠᠬᠤ ᠪᠠ ᠨᠦᠭᠦᠯᠭᠡᠬᠦ')],
  // mn draft: orcin-u bokirdal
  ['environment', t('环境污染', 'Environmental pollution', 'ᠣᠷᠴᠢᠨ ᠤ ᠪᠣᠬᠢᠷᠳᠠᠯ')],
  // mn draft: kOdelmUri-yin marggan
  ['labour', t('劳动争议', 'Labour disputes', 'ᠬᠥᠳᠡᠯᠮᠦᠷᠢ ᠶᠢᠨ ᠮᠠᠷᠭᠭᠠᠨ')],
  // mn draft: qeregleg_e-yin marggan
  ['consumer', t('消费', 'Consumer disputes', 'ᠬᠡᠷᠡᠭᠯᠡᠭ᠎ᠡ ᠶᠢᠨ ᠮᠠᠷᠭᠭᠠᠨ')],
  // mn draft: emnelge-yin marggan
  ['medical', t('医疗', 'Medical disputes', 'ᠡᠮᠨᠡᠯᠭᠡ ᠶᠢᠨ ᠮᠠᠷᠭᠭᠠᠨ')],
  // mn draft: jam-un qOdelgegen-U osul
  ['traffic', t('道路交通事故', 'Road traffic accidents', 'ᠵᠠᠮ ᠤᠨ ᠬᠥᠳᠡᠯᠭᠡᠭᠡᠨ ᠦ ᠣᠰᠤᠯ')],
  // mn draft: ger aqui-yin Ujilegen
  ['property-management', t('物业', 'Property management', 'ᠭᠡᠷ ᠠᠬᠤᠢ ᠶᠢᠨ ᠦᠵᠢᠯᠡᠭᠡᠨ')],
  // mn draft: busu
  ['other', t('其他', 'Other', 'ᠪᠤᠰᠤ')],
];

/** DEMO items: see the comment at the top of this file. */
export const demoDiaryItems: DiaryItemInput[] = [
  {
    code: 'diary.mediation',
    // mn draft: arad-un eblerekUlUl
    title: t('人民调解', "People's mediation", 'ᠠᠷᠠᠳ ᠤᠨ ᠡᠪᠯᠡᠷᠡᠬᠦᠯᠦᠯ'),
    part: 'key',
    fields: {
      // mn draft: marggan-u tOrOl
      disputeType: choice(t('纠纷类型', 'Type of dispute', 'ᠮᠠᠷᠭᠭᠠᠨ ᠤ ᠲᠥᠷᠥᠯ'), disputeTypes),
      // mn draft: kereg-Un garulga
      caseSource: choice(t('案件来源', 'How the case came', 'ᠬᠡᠷᠡᠭ ᠦᠨ ᠭᠠᠷᠤᠯᠭᠠ'), [
        // mn draft: idebqitei-ber eblerekUlUgsen
        ['proactive', t('主动调解', 'Mediated on own initiative', 'ᠢᠳᠡᠪᠬᠢᠲᠡᠢ ᠪᠡᠷ ᠡᠪᠯᠡᠷᠡᠬᠦᠯᠦᠭᠰᠡᠨ')],
        // mn draft: OrgUdUl-iyer eblerekUlUgsen
        ['application', t('申请调解', 'Parties applied', 'ᠥᠷᠭᠦᠳᠦᠯ ᠢᠶᠡᠷ ᠡᠪᠯᠡᠷᠡᠬᠦᠯᠦᠭᠰᠡᠨ')],
        // mn draft: busu bayigullag_a-aca damjugulugsan
        ['referred', t('委托移送', 'Referred by another body', 'ᠪᠤᠰᠤ ᠪᠠᠶᠢᠭᠤᠯᠯᠠᠭ᠎ᠠ ᠠᠴᠠ ᠳᠠᠮᠵᠤᠭᠤᠯᠤᠭᠰᠠᠨ')],
      ]),
      // mn draft: eblerekUlUgsen marggan-u too
      cases: count(t('调解纠纷数', 'Disputes mediated', 'ᠡᠪᠯᠡᠷᠡᠬᠦᠯᠦᠭᠰᠡᠨ ᠮᠠᠷᠭᠭᠠᠨ ᠤ ᠲᠣᠣ'), 'diary.mediation-cases', unit.cases),
      // mn draft: amjilttai eblerekUlUgsen too
      agreements: count(t('调解成功数', 'Agreements reached', 'ᠠᠮᠵᠢᠯᠲᠲᠠᠢ ᠡᠪᠯᠡᠷᠡᠬᠦᠯᠦᠭᠰᠡᠨ ᠲᠣᠣ'), 'diary.mediation-agreements', unit.cases),
      // mn draft: orolcagsan tal-un too
      parties: count(t('涉及当事人数', 'Parties involved', 'ᠣᠷᠣᠯᠴᠠᠭᠰᠠᠨ ᠲᠠᠯ ᠤᠨ ᠲᠣᠣ'), 'diary.mediation-parties', unit.people),
      summary: notes(),
      // mn draft: eblerekUlUl-Un kelelcegUr ba busu material
      files: attachments(t('调解协议书等材料', 'Agreements and other documents', 'ᠡᠪᠯᠡᠷᠡᠬᠦᠯᠦᠯ ᠦᠨ ᠬᠡᠯᠡᠯᠴᠡᠭᠦᠷ ᠪᠠ ᠪᠤᠰᠤ ᠮᠠᠲᠡᠷᠢᠠᠯ')),
    },
    rules: [
      {
        field: 'agreements',
        kind: 'atMost',
        other: 'cases',
        // mn draft: amjilttai eblerekUlUgsen too eblerekUlUgsen marggan-u too-aca ilegU bolqu Ugei.
        message: t('调解成功数不能大于调解纠纷数。', 'Agreements reached cannot be more than disputes mediated.', 'ᠠᠮᠵᠢᠯᠲᠲᠠᠢ ᠡᠪᠯᠡᠷᠡᠬᠦᠯᠦᠭᠰᠡᠨ ᠲᠣᠣ ᠡᠪᠯᠡᠷᠡᠬᠦᠯᠦᠭᠰᠡᠨ ᠮᠠᠷᠭᠭᠠᠨ ᠤ ᠲᠣᠣ ᠠᠴᠠ ᠢᠯᠡᠭᠦ ᠪᠣᠯᠬᠤ ᠦᠭᠡᠢ᠃'),
      },
      {
        field: 'parties',
        kind: 'atLeast',
        other: 'cases',
        factor: 2,
        // mn draft: marggan bUri qoyar-aca dogura Ugei tal-tai: orolcagsan tal-un too marggan-u too-yin qoyar dakin-aca baga bolqu Ugei.
        message: t('每件纠纷至少有两方当事人：涉及当事人数不能少于调解纠纷数的 2 倍。', 'Every dispute has at least two parties: parties involved must be at least twice the disputes mediated.', 'ᠮᠠᠷᠭᠭᠠᠨ ᠪᠦᠷᠢ ᠬᠣᠶᠠᠷ ᠠᠴᠠ ᠳᠣᠭᠤᠷᠠ ᠦᠭᠡᠢ ᠲᠠᠯ ᠲᠠᠢ᠄ ᠣᠷᠣᠯᠴᠠᠭᠰᠠᠨ ᠲᠠᠯ ᠤᠨ ᠲᠣᠣ ᠮᠠᠷᠭᠭᠠᠨ ᠤ ᠲᠣᠣ ᠶᠢᠨ ᠬᠣᠶᠠᠷ ᠳᠠᠬᠢᠨ ᠠᠴᠠ ᠪᠠᠭᠠ ᠪᠣᠯᠬᠤ ᠦᠭᠡᠢ᠃'),
      },
    ],
  },
  {
    code: 'diary.consultation',
    // mn draft: qagul_i-yin jOblegegen
    title: t('法律咨询', 'Legal consultation', 'ᠬᠠᠭᠤᠯ᠎ᠢ ᠶᠢᠨ ᠵᠥᠪᠯᠡᠭᠡᠭᠡᠨ'),
    part: 'daily',
    fields: {
      // mn draft: jOblegegen-U jam
      channel: choice(t('咨询渠道', 'Channel', 'ᠵᠥᠪᠯᠡᠭᠡᠭᠡᠨ ᠦ ᠵᠠᠮ'), [
        // mn draft: irejU jOblegsen
        ['visit', t('来访', 'In person', 'ᠢᠷᠡᠵᠦ ᠵᠥᠪᠯᠡᠭᠰᠡᠨ')],
        // mn draft: utasu
        ['phone', t('电话', 'Phone', 'ᠤᠲᠠᠰᠤ')],
        // mn draft: sUljiy_e
        ['online', t('网络', 'Online', 'ᠰᠦᠯᠵᠢᠶ᠎ᠡ')],
        // mn draft: jakidal
        ['letter', t('信函', 'Letter', 'ᠵᠠᠬᠢᠳᠠᠯ')],
        // mn draft: dUrsU-tei qolbog_a
        ['video', t('视频', 'Video', 'ᠳᠦᠷᠰᠦ ᠲᠡᠢ ᠬᠣᠯᠪᠣᠭ᠎ᠠ')],
      ]),
      // mn draft: jOblegegen-U kUmUn udaga
      consultations: count(t('咨询人次', 'Consultations', 'ᠵᠥᠪᠯᠡᠭᠡᠭᠡᠨ ᠦ ᠬᠦᠮᠦᠨ ᠤᠳᠠᠭᠠ'), 'diary.consultations', unit.personTimes),
      referral: choice(
        // mn draft: gol cigulagulugsan jUg
        t('主要引导去向', 'Main referral', 'ᠭᠣᠯ ᠴᠢᠭᠤᠯᠠᠭᠤᠯᠤᠭᠰᠠᠨ ᠵᠦᠭ'),
        [
          // mn draft: tere dor_a qariugulugsan
          ['none', t('当场解答', 'Answered on the spot', 'ᠲᠡᠷᠡ ᠳᠣᠷ᠎ᠠ ᠬᠠᠷᠢᠤᠭᠤᠯᠤᠭᠰᠠᠨ')],
          // mn draft: qagul_i-yin tusalamji
          ['legal-aid', t('法律援助', 'Legal aid', 'ᠬᠠᠭᠤᠯ᠎ᠢ ᠶᠢᠨ ᠲᠤᠰᠠᠯᠠᠮᠵᠢ')],
          // mn draft: arad-un eblerekUlUl
          ['mediation', t('人民调解', "People's mediation", 'ᠠᠷᠠᠳ ᠤᠨ ᠡᠪᠯᠡᠷᠡᠬᠦᠯᠦᠯ')],
          // mn draft: jasag jakirgan-u dakin kelelcekU
          ['reconsideration', t('行政复议', 'Administrative reconsideration', 'ᠵᠠᠰᠠᠭ ᠵᠠᠬᠢᠷᠭᠠᠨ ᠤ ᠳᠠᠬᠢᠨ ᠬᠡᠯᠡᠯᠴᠡᠬᠦ')],
          // mn draft: gercilegen
          ['notary', t('公证', 'Notary', 'ᠭᠡᠷᠴᠢᠯᠡᠭᠡᠨ')],
          // mn draft: arbitr-un siidbUri
          ['arbitration', t('仲裁', 'Arbitration', 'ᠠᠷᠪᠢᠲᠷ ᠤᠨ ᠰᠢᠢᠳᠪᠦᠷᠢ')],
        ],
        false,
      ),
      summary: notes(),
    },
  },
  {
    code: 'diary.legal-aid',
    // mn draft: qagul_i-yin tusalamji-yin OrgUdUl quliyan abcu damjugulqu
    title: t('法律援助申请接收转交', 'Legal-aid applications received and passed on', 'ᠬᠠᠭᠤᠯ᠎ᠢ ᠶᠢᠨ ᠲᠤᠰᠠᠯᠠᠮᠵᠢ ᠶᠢᠨ ᠥᠷᠭᠦᠳᠦᠯ ᠬᠤᠯᠢᠶᠠᠨ ᠠᠪᠴᠤ ᠳᠠᠮᠵᠤᠭᠤᠯᠬᠤ'),
    part: 'daily',
    fields: {
      // mn draft: quliyan abugsan OrgUdUl-Un too
      applications: count(t('接收申请数', 'Applications received', 'ᠬᠤᠯᠢᠶᠠᠨ ᠠᠪᠤᠭᠰᠠᠨ ᠥᠷᠭᠦᠳᠦᠯ ᠦᠨ ᠲᠣᠣ'), 'diary.legal-aid-applications', unit.cases),
      // mn draft: tusalamji-yin bayigullag_a-du damjugulugsan too
      forwarded: count(t('转交法律援助机构数', 'Forwarded to the legal-aid centre', 'ᠲᠤᠰᠠᠯᠠᠮᠵᠢ ᠶᠢᠨ ᠪᠠᠶᠢᠭᠤᠯᠯᠠᠭ᠎ᠠ ᠳᠤ ᠳᠠᠮᠵᠤᠭᠤᠯᠤᠭᠰᠠᠨ ᠲᠣᠣ'), 'diary.legal-aid-forwarded', unit.cases),
      summary: notes(),
    },
  },
  {
    code: 'diary.correction-supervision',
    // mn draft: jasan kUmUjilUlte: edUr tutum-un qinalta
    title: t('社区矫正日常监管', 'Community correction: supervision', 'ᠵᠠᠰᠠᠨ ᠬᠦᠮᠦᠵᠢᠯᠦᠯᠲᠡ᠄ ᠡᠳᠦᠷ ᠲᠤᠲᠤᠮ ᠤᠨ ᠬᠢᠨᠠᠯᠲᠠ'),
    part: 'key',
    fields: {
      // mn draft: ergijU tuyilagsan udaga
      homeVisits: count(t('实地走访次数', 'Home visits', 'ᠡᠷᠭᠢᠵᠦ ᠲᠤᠶᠢᠯᠠᠭᠰᠠᠨ ᠤᠳᠠᠭᠠ'), 'diary.correction-visits', unit.times),
      // mn draft: gagcaqan yariltaga-yin udaga
      talks: count(t('个别教育谈话次数', 'Individual talks', 'ᠭᠠᠭᠴᠠᠬᠠᠨ ᠶᠠᠷᠢᠯᠲᠠᠭᠠ ᠶᠢᠨ ᠤᠳᠠᠭᠠ'), 'diary.correction-talks', unit.times),
      // mn draft: tayilan ba irejU bUrtgegUlUgsen
      reports: count(t('收取思想汇报及报到', 'Reports and report-ins received', 'ᠲᠠᠶᠢᠯᠠᠨ ᠪᠠ ᠢᠷᠡᠵᠦ ᠪᠦᠷᠲᠭᠡᠭᠦᠯᠦᠭᠰᠡᠨ'), 'diary.correction-reports', unit.copies),
      summary: notes(noCorrectionData),
    },
  },
  {
    code: 'diary.presentence-investigation',
    // mn draft: bayicagan Unelelte
    title: t('调查评估', 'Pre-decision investigation', 'ᠪᠠᠶᠢᠴᠠᠭᠠᠨ ᠦᠨᠡᠯᠡᠯᠲᠡ'),
    part: 'key',
    fields: {
      // mn draft: kereglekU arga
      sentenceKind: choice(t('拟适用类型', 'Proposed measure', 'ᠬᠡᠷᠡᠭᠯᠡᠬᠦ ᠠᠷᠭᠠ'), [
        // mn draft: qinan qajagarlaqu
        ['public-surveillance', t('管制', 'Public surveillance', 'ᠬᠢᠨᠠᠨ ᠬᠠᠵᠠᠭᠠᠷᠯᠠᠬᠤ')],
        // mn draft: yala-yi qoyisilagulqu
        ['probation', t('缓刑', 'Probation', 'ᠶᠠᠯᠠ ᠶᠢ ᠬᠣᠶᠢᠰᠢᠯᠠᠭᠤᠯᠬᠤ')],
        // mn draft: kugacag_a-aca Omune sululadqaqu
        ['parole', t('假释', 'Parole', 'ᠬᠤᠭᠠᠴᠠᠭ᠎ᠠ ᠠᠴᠠ ᠥᠮᠤᠨᠡ ᠰᠤᠯᠤᠯᠠᠳᠬᠠᠬᠤ')],
        // mn draft: tUr qorigdal-un gadan_a gUicedkekU
        ['temporary-outside-prison', t('暂予监外执行', 'Temporary service outside prison', 'ᠲᠦᠷ ᠬᠣᠷᠢᠭᠳᠠᠯ ᠤᠨ ᠭᠠᠳᠠᠨ᠎ᠠ ᠭᠦᠢᠴᠡᠳᠬᠡᠬᠦ')],
      ]),
      // mn draft: bayicagan Unelelte-yin kereg-Un too
      investigations: count(t('调查评估件数', 'Investigations', 'ᠪᠠᠶᠢᠴᠠᠭᠠᠨ ᠦᠨᠡᠯᠡᠯᠲᠡ ᠶᠢᠨ ᠬᠡᠷᠡᠭ ᠦᠨ ᠲᠣᠣ'), 'diary.presentence-investigations', unit.cases),
      summary: notes(noCorrectionData),
    },
  },
  {
    code: 'diary.resettlement',
    // mn draft: bayirilagulqu ba tusalaqu
    title: t('安置帮教', 'Resettlement and assistance of released persons', 'ᠪᠠᠶᠢᠷᠢᠯᠠᠭᠤᠯᠬᠤ ᠪᠠ ᠲᠤᠰᠠᠯᠠᠬᠤ'),
    part: 'key',
    fields: {
      // mn draft: ergijU tuyilagsan kUmUn udaga
      contacted: count(t('衔接走访人次', 'Released persons contacted', 'ᠡᠷᠭᠢᠵᠦ ᠲᠤᠶᠢᠯᠠᠭᠰᠠᠨ ᠬᠦᠮᠦᠨ ᠤᠳᠠᠭᠠ'), 'diary.resettlement-contacts', unit.personTimes),
      // mn draft: tusalagsan kUmUn-U too (ajil, tusalamji)
      assisted: count(t('落实帮扶人数（就业、救助等）', 'Persons assisted (jobs, relief …)', 'ᠲᠤᠰᠠᠯᠠᠭᠰᠠᠨ ᠬᠦᠮᠦᠨ ᠦ ᠲᠣᠣ (ᠠᠵᠢᠯ᠂ ᠲᠤᠰᠠᠯᠠᠮᠵᠢ)'), 'diary.resettlement-assisted', unit.people),
      summary: notes(),
    },
  },
  {
    code: 'diary.law-education',
    // mn draft: qagul_i-yin surtaljilga
    title: t('普法宣传', 'Law education', 'ᠬᠠᠭᠤᠯ᠎ᠢ ᠶᠢᠨ ᠰᠤᠷᠲᠠᠯᠵᠢᠯᠭᠠ'),
    part: 'daily',
    fields: {
      // mn draft: ajillag_a-yin qelber
      form: choice(t('活动形式', 'Form', 'ᠠᠵᠢᠯᠯᠠᠭ᠎ᠠ ᠶᠢᠨ ᠬᠡᠯᠪᠡᠷ'), [
        // mn draft: qagul_i-yin lekci
        ['lecture', t('法治讲座', 'Lecture', 'ᠬᠠᠭᠤᠯ᠎ᠢ ᠶᠢᠨ ᠯᠡᠬᠴᠢ')],
        // mn draft: tObkerengkei surtaljilga
        ['campaign', t('集中宣传', 'Public campaign', 'ᠲᠥᠪᠬᠡᠷᠡᠨᠭᠬᠡᠢ ᠰᠤᠷᠲᠠᠯᠵᠢᠯᠭᠠ')],
        // mn draft: gacag_a ger-tU orolcaqu
        ['village', t('进村入户', 'Village and household visits', 'ᠭᠠᠴᠠᠭ᠎ᠠ ᠭᠡᠷ ᠲᠦ ᠣᠷᠣᠯᠴᠠᠬᠤ')],
        // mn draft: surguguli-du
        ['school', t('进校园', 'At a school', 'ᠰᠤᠷᠭᠤᠭᠤᠯᠢ ᠳᠤ')],
        // mn draft: aj aqui-du
        ['enterprise', t('进企业', 'At an enterprise', 'ᠠᠵ ᠠᠬᠤᠢ ᠳᠤ')],
        // mn draft: sUljiy_e ba sin_e qebel
        ['online', t('网络新媒体', 'Online and social media', 'ᠰᠦᠯᠵᠢᠶ᠎ᠡ ᠪᠠ ᠰᠢᠨ᠎ᠡ ᠬᠡᠪᠡᠯ')],
        // mn draft: busu
        ['other', t('其他', 'Other', 'ᠪᠤᠰᠤ')],
      ]),
      // mn draft: surtaljilga-yin sedeb
      topic: text(t('宣传主题', 'Topic', 'ᠰᠤᠷᠲᠠᠯᠵᠢᠯᠭᠠ ᠶᠢᠨ ᠰᠡᠳᠡᠪ'), { required: true, multiline: false, maxLength: 200 }),
      // mn draft: ajillag_a-yin too
      events: count(t('活动场次', 'Events', 'ᠠᠵᠢᠯᠯᠠᠭ᠎ᠠ ᠶᠢᠨ ᠲᠣᠣ'), 'diary.law-education-events', unit.events),
      // mn draft: sonosugci-yin kUmUn udaga
      audience: count(t('受众人次', 'Audience', 'ᠰᠣᠨᠣᠰᠤᠭᠴᠢ ᠶᠢᠨ ᠬᠦᠮᠦᠨ ᠤᠳᠠᠭᠠ'), 'diary.law-education-audience', unit.personTimes, { max: 100_000 }),
      // mn draft: tarqagagsan material-un too
      materials: count(t('发放资料份数', 'Materials handed out', 'ᠲᠠᠷᠬᠠᠭᠠᠭᠰᠠᠨ ᠮᠠᠲᠡᠷᠢᠠᠯ ᠤᠨ ᠲᠣᠣ'), 'diary.law-education-materials', unit.copies, { required: false, max: 100_000 }),
      // mn draft: ajillag_a-yin jirug
      photos: attachments(t('活动照片', 'Photos', 'ᠠᠵᠢᠯᠯᠠᠭ᠎ᠠ ᠶᠢᠨ ᠵᠢᠷᠤᠭ'), 10),
    },
  },
  {
    code: 'diary.legal-literates-training',
    // mn draft: qagul_i oyilgaqu kUmUn beledkekU
    title: t('法律明白人培养', 'Legally-literate persons: selection and training', 'ᠬᠠᠭᠤᠯ᠎ᠢ ᠣᠶᠢᠯᠭᠠᠬᠤ ᠬᠦᠮᠦᠨ ᠪᠡᠯᠡᠳᠬᠡᠬᠦ'),
    part: 'basic',
    fields: {
      // mn draft: surgagulli-du orolcagsan kUmUn udaga
      trained: count(t('参训人次', 'Persons trained', 'ᠰᠤᠷᠭᠠᠭᠤᠯᠯᠢ ᠳᠤ ᠣᠷᠣᠯᠴᠠᠭᠰᠠᠨ ᠬᠦᠮᠦᠨ ᠤᠳᠠᠭᠠ'), 'diary.legal-literates-trained', unit.personTimes),
      // mn draft: sin_e-ber sOngogsan kUmUn-U too
      selected: count(t('新遴选人数', 'Newly selected', 'ᠰᠢᠨ᠎ᠡ ᠪᠡᠷ ᠰᠥᠨᠭᠣᠭᠰᠠᠨ ᠬᠦᠮᠦᠨ ᠦ ᠲᠣᠣ'), 'diary.legal-literates-selected', unit.people, { required: false }),
      // mn draft: surgagulli-yin qugucag_a (minut)
      duration: minutes(t('培训时长（分钟）', 'Training time (minutes)', 'ᠰᠤᠷᠭᠠᠭᠤᠯᠯᠢ ᠶᠢᠨ ᠬᠤᠭᠤᠴᠠᠭ᠎ᠠ (ᠮᠢᠨᠤᠲ)'), 'diary.legal-literates-training-minutes'),
      // mn draft: surgagulli-yin agulga
      topic: text(t('培训内容', 'Content', 'ᠰᠤᠷᠭᠠᠭᠤᠯᠯᠢ ᠶᠢᠨ ᠠᠭᠤᠯᠭᠠ'), { required: true, multiline: false, maxLength: 200 }),
    },
  },
  {
    code: 'diary.legality-review',
    // mn draft: qagul_i-du niyilekU-yi sinjilekU
    title: t('合法性审查', 'Legality review', 'ᠬᠠᠭᠤᠯ᠎ᠢ ᠳᠤ ᠨᠢᠶᠢᠯᠡᠬᠦ ᠶᠢ ᠰᠢᠨᠵᠢᠯᠡᠬᠦ'),
    part: 'key',
    fields: {
      // mn draft: sinjilekU jUil
      documentKind: choice(t('审查对象', 'What was reviewed', 'ᠰᠢᠨᠵᠢᠯᠡᠬᠦ ᠵᠦᠢᠯ'), [
        // mn draft: jiguqu bicig
        ['normative-document', t('规范性文件', 'Normative document', 'ᠵᠢᠭᠤᠬᠤ ᠪᠢᠴᠢᠭ')],
        // mn draft: cuqal jasag jakirgan-u siidbUri
        ['major-decision', t('重大行政决策', 'Major administrative decision', 'ᠴᠤᠬᠠᠯ ᠵᠠᠰᠠᠭ ᠵᠠᠬᠢᠷᠭᠠᠨ ᠤ ᠰᠢᠢᠳᠪᠦᠷᠢ')],
        // mn draft: geree
        ['contract', t('合同', 'Contract', 'ᠭᠡᠷᠡᠡ')],
        // mn draft: gacag_a-yin dUrim ba arad-un geree
        ['village-rules', t('村规民约、居民公约', 'Village rules and residents\' conventions', 'ᠭᠠᠴᠠᠭ᠎ᠠ ᠶᠢᠨ ᠳᠦᠷᠢᠮ ᠪᠠ ᠠᠷᠠᠳ ᠤᠨ ᠭᠡᠷᠡᠡ')],
        // mn draft: busu
        ['other', t('其他', 'Other', 'ᠪᠤᠰᠤ')],
      ]),
      // mn draft: sinjilegsen kereg-Un too
      reviewed: count(t('审查件数', 'Documents reviewed', 'ᠰᠢᠨᠵᠢᠯᠡᠭᠰᠡᠨ ᠬᠡᠷᠡᠭ ᠦᠨ ᠲᠣᠣ'), 'diary.legality-reviews', unit.cases),
      // mn draft: jasaqu sanal-un too
      opinions: count(t('提出修改意见条数', 'Changes proposed', 'ᠵᠠᠰᠠᠬᠤ ᠰᠠᠨᠠᠯ ᠤᠨ ᠲᠣᠣ'), 'diary.legality-opinions', unit.items),
      summary: notes(),
    },
  },
  {
    code: 'diary.reconsideration-forwarding',
    // mn draft: jasag jakirgan-u dakin kelelcekU OrgUdUl damjugulqu
    title: t('行政复议代办转递', 'Reconsideration: receiving and forwarding', 'ᠵᠠᠰᠠᠭ ᠵᠠᠬᠢᠷᠭᠠᠨ ᠤ ᠳᠠᠬᠢᠨ ᠬᠡᠯᠡᠯᠴᠡᠬᠦ ᠥᠷᠭᠦᠳᠦᠯ ᠳᠠᠮᠵᠤᠭᠤᠯᠬᠤ'),
    part: 'daily',
    fields: {
      // mn draft: OrgUdUl-Un qelber
      applicationForm: choice(t('申请方式', 'Form of application', 'ᠥᠷᠭᠦᠳᠦᠯ ᠦᠨ ᠬᠡᠯᠪᠡᠷ'), [
        // mn draft: bicig-Un OrgUdUl
        ['written', t('书面申请', 'Written', 'ᠪᠢᠴᠢᠭ ᠦᠨ ᠥᠷᠭᠦᠳᠦᠯ')],
        // mn draft: aman OrgUdUl (tere dor_a temdeglegsen)
        ['oral', t('口头申请（当场记录）', 'Oral (written up on the spot)', 'ᠠᠮᠠᠨ ᠥᠷᠭᠦᠳᠦᠯ (ᠲᠡᠷᠡ ᠳᠣᠷ᠎ᠠ ᠲᠡᠮᠳᠡᠭᠯᠡᠭᠰᠡᠨ)')],
      ]),
      // mn draft: quliyan abugsan OrgUdUl-Un too
      received: count(t('接收申请件数', 'Applications received', 'ᠬᠤᠯᠢᠶᠠᠨ ᠠᠪᠤᠭᠰᠠᠨ ᠥᠷᠭᠦᠳᠦᠯ ᠦᠨ ᠲᠣᠣ'), 'diary.reconsideration-received', unit.cases),
      // mn draft: dakin kelelcekU bayigullag_a-du damjugulugsan too
      forwarded: count(t('转递复议机关件数', 'Forwarded to the reconsideration body', 'ᠳᠠᠬᠢᠨ ᠬᠡᠯᠡᠯᠴᠡᠬᠦ ᠪᠠᠶᠢᠭᠤᠯᠯᠠᠭ᠎ᠠ ᠳᠤ ᠳᠠᠮᠵᠤᠭᠤᠯᠤᠭᠰᠠᠨ ᠲᠣᠣ'), 'diary.reconsideration-forwarded', unit.cases),
      summary: notes(),
    },
  },
  {
    code: 'diary.station-duty',
    // mn draft: qagul_i-yin Ujilegen-U bayir_a-yin jisiya
    title: t('公共法律服务工作站值班', 'Public legal-service station duty', 'ᠬᠠᠭᠤᠯ᠎ᠢ ᠶᠢᠨ ᠦᠵᠢᠯᠡᠭᠡᠨ ᠦ ᠪᠠᠶᠢᠷ᠎ᠠ ᠶᠢᠨ ᠵᠢᠰᠢᠶᠠ'),
    part: 'basic',
    fields: {
      // mn draft: jisiya-yin qugucag_a (minut)
      dutyMinutes: minutes(t('值班时长（分钟）', 'Time on duty (minutes)', 'ᠵᠢᠰᠢᠶᠠ ᠶᠢᠨ ᠬᠤᠭᠤᠴᠠᠭ᠎ᠠ (ᠮᠢᠨᠤᠲ)'), 'diary.station-duty-minutes'),
      // mn draft: kUlijen abugsan arad-un kUmUn udaga
      visitors: count(t('接待群众人次', 'Visitors received', 'ᠬᠦᠯᠢᠵᠡᠨ ᠠᠪᠤᠭᠰᠠᠨ ᠠᠷᠠᠳ ᠤᠨ ᠬᠦᠮᠦᠨ ᠤᠳᠠᠭᠠ'), 'diary.station-visitors', unit.personTimes),
      summary: notes(),
    },
  },
  {
    code: 'diary.grassroots-supervision',
    // mn draft: suurin-u qagul_i-yin Ujilegen-U ajiltan-i qinan jiguqu
    title: t('基层法律服务工作者监督指导', 'Supervision of grassroots legal workers', 'ᠰᠤᠤᠷᠢᠨ ᠤ ᠬᠠᠭᠤᠯ᠎ᠢ ᠶᠢᠨ ᠦᠵᠢᠯᠡᠭᠡᠨ ᠦ ᠠᠵᠢᠯᠲᠠᠨ ᠢ ᠬᠢᠨᠠᠨ ᠵᠢᠭᠤᠬᠤ'),
    part: 'institutional',
    fields: {
      // mn draft: ajil-un arga
      activity: choice(t('工作方式', 'Activity', 'ᠠᠵᠢᠯ ᠤᠨ ᠠᠷᠭᠠ'), [
        // mn draft: edUr tutum-un sinjilge
        ['inspection', t('日常检查', 'Routine inspection', 'ᠡᠳᠦᠷ ᠲᠤᠲᠤᠮ ᠤᠨ ᠰᠢᠨᠵᠢᠯᠭᠡ')],
        // mn draft: kereg-Un dangsa sinjilekU
        ['file-review', t('案卷抽查', 'Case-file review', 'ᠬᠡᠷᠡᠭ ᠦᠨ ᠳᠠᠨᠭᠰᠠ ᠰᠢᠨᠵᠢᠯᠡᠬᠦ')],
        // mn draft: mergejil-Un surgagulli
        ['training', t('业务培训', 'Training', 'ᠮᠡᠷᠭᠡᠵᠢᠯ ᠦᠨ ᠰᠤᠷᠭᠠᠭᠤᠯᠯᠢ')],
        // mn draft: gomdol siidkekU
        ['complaint', t('投诉处理', 'Complaint handling', 'ᠭᠣᠮᠳᠣᠯ ᠰᠢᠢᠳᠬᠡᠬᠦ')],
      ]),
      // mn draft: qamaragdagsan ajiltan-u kUmUn udaga
      workers: count(t('涉及工作者人次', 'Workers concerned', 'ᠬᠠᠮᠠᠷᠠᠭᠳᠠᠭᠰᠠᠨ ᠠᠵᠢᠯᠲᠠᠨ ᠤ ᠬᠦᠮᠦᠨ ᠤᠳᠠᠭᠠ'), 'diary.grassroots-workers-supervised', unit.personTimes),
      // mn draft: ilerekegsen asagudal-un too
      issues: count(t('发现问题数', 'Issues found', 'ᠢᠯᠡᠷᠡᠬᠡᠭᠰᠡᠨ ᠠᠰᠠᠭᠤᠳᠠᠯ ᠤᠨ ᠲᠣᠣ'), 'diary.grassroots-issues', unit.items),
      summary: notes(),
    },
  },
  {
    code: 'diary.assigned-task',
    // mn draft: degedU-ece dagalgagsan ajil
    title: t('上级交办任务', 'Tasks assigned from above', 'ᠳᠡᠭᠡᠳᠦ ᠡᠴᠡ ᠳᠠᠭᠠᠯᠭᠠᠭᠰᠠᠨ ᠠᠵᠢᠯ'),
    part: 'daily',
    fields: {
      // mn draft: dagalgagsan bayigullag_a
      assignedBy: choice(t('交办单位', 'Assigned by', 'ᠳᠠᠭᠠᠯᠭᠠᠭᠰᠠᠨ ᠪᠠᠶᠢᠭᠤᠯᠯᠠᠭ᠎ᠠ'), [
        // mn draft: qosigu-yin sigUkU-yin tobcuu
        ['county-bureau', t('旗县区司法局', 'County justice bureau', 'ᠬᠣᠰᠢᠭᠤ ᠶᠢᠨ ᠰᠢᠭᠦᠬᠦ ᠶᠢᠨ ᠲᠣᠪᠴᠤᠤ')],
        // mn draft: sumu-yin jasag-un gajar
        ['township', t('苏木乡镇（街道）党委政府', 'Township (sub-district) government', 'ᠰᠤᠮᠤ ᠶᠢᠨ ᠵᠠᠰᠠᠭ ᠤᠨ ᠭᠠᠵᠠᠷ')],
        // mn draft: qota-yin sigUkU-yin tobcuu
        ['city-bureau', t('市司法局', 'City justice bureau', 'ᠬᠣᠲᠠ ᠶᠢᠨ ᠰᠢᠭᠦᠬᠦ ᠶᠢᠨ ᠲᠣᠪᠴᠤᠤ')],
        // mn draft: busu
        ['other', t('其他', 'Other', 'ᠪᠤᠰᠤ')],
      ]),
      // mn draft: gUicedkegsen ajil-un too
      completed: count(t('完成件数', 'Tasks completed', 'ᠭᠦᠢᠴᠡᠳᠬᠡᠭᠰᠡᠨ ᠠᠵᠢᠯ ᠤᠨ ᠲᠣᠣ'), 'diary.assigned-tasks', unit.items),
      // mn draft: dagalgabur ba gUicedkegsen bayidal
      description: text(t('任务及完成情况', 'Task and outcome', 'ᠳᠠᠭᠠᠯᠭᠠᠪᠤᠷ ᠪᠠ ᠭᠦᠢᠴᠡᠳᠬᠡᠭᠰᠡᠨ ᠪᠠᠶᠢᠳᠠᠯ'), { required: true }),
      // mn draft: qolbogdaqu material
      files: attachments(t('相关材料', 'Documents', 'ᠬᠣᠯᠪᠣᠭᠳᠠᠬᠤ ᠮᠠᠲᠡᠷᠢᠠᠯ')),
    },
  },
  {
    code: 'diary.negative-incident',
    // mn draft: sOrOg jagsagalta-yin kereg
    title: t('负面清单事项', 'Negative-list incident', 'ᠰᠥᠷᠥᠭ ᠵᠠᠭᠰᠠᠭᠠᠯᠲᠠ ᠶᠢᠨ ᠬᠡᠷᠡᠭ'),
    part: 'negative',
    fields: {
      // Demo list: the bureau's real negative list is local practice and was not found.
      // mn draft: kereg-Un tOrOl
      kind: choice(t('事项类型', 'Kind of incident', 'ᠬᠡᠷᠡᠭ ᠦᠨ ᠲᠥᠷᠥᠯ'), [
        // mn draft: marggan ciNgdajU olan nigen-U yabudal bolugsan
        ['mass-incident', t('矛盾纠纷激化引发群体性事件', 'Dispute escalated into a mass incident', 'ᠮᠠᠷᠭᠭᠠᠨ ᠴᠢᠩᠭᠳᠠᠵᠦ ᠣᠯᠠᠨ ᠨᠢᠭᠡᠨ ᠦ ᠶᠠᠪᠤᠳᠠᠯ ᠪᠣᠯᠤᠭᠰᠠᠨ')],
        // mn draft: irgen-U marggan ciNgdajU yala-yin kereg bolugsan
        ['civil-to-criminal', t('民间纠纷激化转为刑事案件', 'Civil dispute turned into a criminal case', 'ᠢᠷᠭᠡᠨ ᠦ ᠮᠠᠷᠭᠭᠠᠨ ᠴᠢᠩᠭᠳᠠᠵᠦ ᠶᠠᠯᠠ ᠶᠢᠨ ᠬᠡᠷᠡᠭ ᠪᠣᠯᠤᠭᠰᠠᠨ')],
        // mn draft: jasan kUmUjilUlte-yin kUmUn qinalta-aca gargugsan
        ['correction-lost-contact', t('社区矫正对象脱管、漏管', 'Person under correction out of supervision', 'ᠵᠠᠰᠠᠨ ᠬᠦᠮᠦᠵᠢᠯᠦᠯᠲᠡ ᠶᠢᠨ ᠬᠦᠮᠦᠨ ᠬᠢᠨᠠᠯᠲᠠ ᠠᠴᠠ ᠭᠠᠷᠭᠤᠭᠰᠠᠨ')],
        // mn draft: jasan kUmUjilUlte-yin kUmUn dakin yala Uiledgegsen
        ['correction-reoffence', t('社区矫正对象重新犯罪', 'Person under correction reoffended', 'ᠵᠠᠰᠠᠨ ᠬᠦᠮᠦᠵᠢᠯᠦᠯᠲᠡ ᠶᠢᠨ ᠬᠦᠮᠦᠨ ᠳᠠᠬᠢᠨ ᠶᠠᠯᠠ ᠦᠢᠯᠡᠳᠭᠡᠭᠰᠡᠨ')],
        // mn draft: sululadugsan kUmUn dakin yala Uiledgegsen
        ['released-reoffence', t('安置帮教对象重新犯罪', 'Released person reoffended', 'ᠰᠤᠯᠤᠯᠠᠳᠤᠭᠰᠠᠨ ᠬᠦᠮᠦᠨ ᠳᠠᠬᠢᠨ ᠶᠠᠯᠠ ᠦᠢᠯᠡᠳᠭᠡᠭᠰᠡᠨ')],
        // mn draft: jerge aldaju gomdolagsan
        ['petition-escalation', t('越级上访', 'Petition taken over the heads of local authorities', 'ᠵᠡᠷᠭᠡ ᠠᠯᠳᠠᠵᠤ ᠭᠣᠮᠳᠣᠯᠠᠭᠰᠠᠨ')],
        // mn draft: busu
        ['other', t('其他', 'Other', 'ᠪᠤᠰᠤ')],
      ]),
      // mn draft: kereg-Un too
      incidents: count(t('事项数', 'Incidents', 'ᠬᠡᠷᠡᠭ ᠦᠨ ᠲᠣᠣ'), 'diary.negative-incidents', unit.incidents),
      // mn draft: kereg-Un ucir
      description: text(t('事情经过', 'What happened', 'ᠬᠡᠷᠡᠭ ᠦᠨ ᠤᠴᠢᠷ'), { required: true, help: noPersonalData }),
      // mn draft: abugsan arga kemjiy_e
      measures: text(t('已采取的处置措施', 'Measures taken', 'ᠠᠪᠤᠭᠰᠠᠨ ᠠᠷᠭᠠ ᠬᠡᠮᠵᠢᠶ᠎ᠡ'), { required: true }),
    },
  },
  {
    code: 'diary.commendation',
    // mn draft: sagisiyal ba turxilg_a delgeregUlUl
    title: t('表彰与经验推广', 'Commendations and recognition', 'ᠰᠠᠭᠢᠰᠢᠶᠠᠯ ᠪᠠ ᠲᠤᠷᠱᠢᠯᠭ᠎ᠠ ᠳᠡᠯᠭᠡᠷᠡᠭᠦᠯᠦᠯ'),
    part: 'outstanding',
    fields: {
      // mn draft: jerge
      level: choice(t('级别', 'Level', 'ᠵᠡᠷᠭᠡ'), [
        // mn draft: ulus-un jerge
        ['national', t('国家级', 'National', 'ᠤᠯᠤᠰ ᠤᠨ ᠵᠡᠷᠭᠡ')],
        // mn draft: Obertegen jasaqu orun-u jerge
        ['region', t('自治区级', 'Autonomous region', 'ᠥᠪᠡᠷᠲᠡᠭᠡᠨ ᠵᠠᠰᠠᠬᠤ ᠣᠷᠤᠨ ᠤ ᠵᠡᠷᠭᠡ')],
        // mn draft: qota-yin jerge
        ['city', t('市级', 'City', 'ᠬᠣᠲᠠ ᠶᠢᠨ ᠵᠡᠷᠭᠡ')],
        // mn draft: qosigu-yin jerge
        ['county', t('旗县区级', 'County', 'ᠬᠣᠰᠢᠭᠤ ᠶᠢᠨ ᠵᠡᠷᠭᠡ')],
      ]),
      // mn draft: tOrOl
      kind: choice(t('类别', 'Kind', 'ᠲᠥᠷᠥᠯ'), [
        // mn draft: sagisiyal sagnal
        ['commendation', t('表彰奖励', 'Commendation or award', 'ᠰᠠᠭᠢᠰᠢᠶᠠᠯ ᠰᠠᠭᠨᠠᠯ')],
        // mn draft: turxilg_a delgeregUlUgsen
        ['experience', t('经验做法被推广', 'Practice adopted elsewhere', 'ᠲᠤᠷᠱᠢᠯᠭ᠎ᠠ ᠳᠡᠯᠭᠡᠷᠡᠭᠦᠯᠦᠭᠰᠡᠨ')],
        // mn draft: qebel-Un medege
        ['media', t('媒体宣传报道', 'Media coverage', 'ᠬᠡᠪᠡᠯ ᠦᠨ ᠮᠡᠳᠡᠭᠡ')],
      ]),
      // mn draft: jUil-Un too
      commendations: count(t('项数', 'Number', 'ᠵᠦᠢᠯ ᠦᠨ ᠲᠣᠣ'), 'diary.commendations', unit.items),
      // mn draft: todurqai agulga
      description: text(t('具体内容', 'Details', 'ᠲᠣᠳᠤᠷᠬᠠᠢ ᠠᠭᠤᠯᠭᠠ'), { required: true }),
      // mn draft: gercilekU material
      files: attachments(t('证明材料', 'Evidence', 'ᠭᠡᠷᠴᠢᠯᠡᠬᠦ ᠮᠠᠲᠡᠷᠢᠠᠯ')),
    },
  },
];
