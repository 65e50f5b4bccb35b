/**
 * The DEMO catalogue (`demo: true`): built from the factors 社区矫正法 art. 24 names for a
 * correction plan (sex, age, psychological traits, health, cause, type and circumstances of the
 * offence, remorse) and those pre-decision investigations and local practice add (family,
 * employment, residence, addiction, prior record, risk, subject kind, juvenile, management class,
 * stage). 27 conditions, 16 categories × 3 measures, and rules that exercise every rule kind.
 * The hour quotas and frequencies are one province's local practice as the domain notes record
 * it, NOT statute: a bureau replaces this catalogue with its own (see the package README).
 * Mongolian labels are short working labels awaiting review by a native speaker.
 */
import type { CatalogueInput, Expression, Frequency, Label, MeasureKind, ResponsibleRole, RuleInput } from './catalogue.js';

const l = (zh: string, en: string, mn: string): Label => ({ zh, en, mn });
const option = (value: string, zh: string, en: string, mn: string) => ({ value, label: l(zh, en, mn) });

const conditions: CatalogueInput['conditions'] = [
  { id: 'sex', kind: 'enum', label: l('性别', 'Sex', 'ᠬᠦᠢᠰᠦ'), options: [option('male', '男', 'male', 'ᠡᠷᠡ'), option('female', '女', 'female', 'ᠡᠮᠡ')] },
  { id: 'age', kind: 'number', label: l('年龄', 'Age', 'ᠨᠠᠰᠤ'), unit: l('岁', 'years', 'ᠨᠠᠰᠤ'), min: 12, max: 100, integer: true },
  { id: 'juvenile', kind: 'boolean', label: l('未成年社区矫正对象', 'Juvenile under correction', 'ᠨᠠᠰᠤᠨ ᠳᠦ ᠬᠦᠷᠦᠭᠡ ᠦᠭᠡᠢ') },
  {
    id: 'subject-kind',
    kind: 'enum',
    label: l('矫正类别', 'Kind of subject', 'ᠵᠠᠰᠠᠯ ᠤᠨ ᠲᠥᠷᠥᠯ'),
    options: [
      option('control', '管制', 'public surveillance', 'ᠬᠢᠨᠠᠯᠲᠠ'),
      option('probation', '缓刑', 'probation', 'ᠲᠦᠳᠬᠡᠯᠵᠡ'),
      option('parole', '假释', 'parole', 'ᠪᠠᠷᠢᠯᠲᠠ ᠭᠦᠢ ᠰᠤᠯᠠᠯᠠᠬᠤ'),
      option('medical-parole', '暂予监外执行', 'temporary service outside prison', 'ᠭᠠᠳᠠᠨ᠎ᠠ ᠬᠦᠢᠴᠡᠳᠬᠡᠬᠦ'),
    ],
  },
  {
    id: 'management-class',
    kind: 'enum',
    label: l('管理类别', 'Management class', 'ᠮᠠᠨ᠋ᠠᠭᠠᠯᠠᠯᠲᠠ ᠵᠢᠨ ᠳᠡᠰ'),
    options: [option('strict', '严管', 'strict', 'ᠴᠢᠩ'), option('normal', '普管', 'normal', 'ᠡᠩ ᠦᠨ'), option('lenient', '宽管', 'lenient', 'ᠠᠭᠤᠤ')],
  },
  {
    id: 'stage',
    kind: 'enum',
    label: l('矫正阶段', 'Stage', 'ᠦᠶ᠎ᠡ ᠱᠠᠲᠤ'),
    options: [option('intake', '入矫', 'intake (first month)', 'ᠡᠬᠢᠯᠡᠯ'), option('regular', '常规', 'regular', 'ᠡᠩ ᠦᠨ'), option('release', '解矫', 'release (last month)', 'ᠲᠡᠬᠦᠰᠬᠡᠯ')],
  },
  { id: 'months-in-correction', kind: 'number', label: l('已矫正时间', 'Time in correction', 'ᠵᠠᠰᠠᠭᠳᠠᠭᠰᠠᠨ ᠬᠤᠭᠤᠴᠠᠭ᠎ᠠ'), unit: l('个月', 'months', 'ᠰᠠᠷ᠎ᠠ'), min: 0, max: 120, integer: true },
  { id: 'months-remaining', kind: 'number', label: l('剩余矫正期', 'Time remaining', 'ᠦᠯᠡᠳᠡᠭᠰᠡᠨ ᠬᠤᠭᠤᠴᠠᠭ᠎ᠠ'), unit: l('个月', 'months', 'ᠰᠠᠷ᠎ᠠ'), min: 0, max: 120, integer: true },
  {
    id: 'risk-level',
    kind: 'enum',
    label: l('风险评估等级', 'Assessed risk', 'ᠠᠶᠤᠯ ᠤᠨ ᠦᠨᠡᠯᠡᠯᠲᠡ'),
    options: [option('high', '高', 'high', 'ᠥᠨᠳᠥᠷ'), option('medium', '中', 'medium', 'ᠳᠤᠮᠳᠠ'), option('low', '低', 'low', 'ᠪᠠᠭ᠎ᠠ')],
  },
  {
    id: 'offence-type',
    kind: 'enum',
    label: l('犯罪类型', 'Type of offence', 'ᠭᠡᠮᠡᠰᠢᠯ ᠦᠨ ᠲᠥᠷᠥᠯ'),
    options: [
      option('violent', '暴力犯罪', 'violent', 'ᠬᠦᠴᠦᠷᠬᠡᠯ'),
      option('property', '财产犯罪', 'property', 'ᠡᠳ ᠬᠥᠷᠥᠩᠭᠡ'),
      option('drug', '毒品犯罪', 'drugs', 'ᠮᠠᠩᠭᠠᠷ'),
      option('traffic', '交通肇事、危险驾驶', 'traffic', 'ᠵᠠᠮ ᠤᠨ ᠬᠥᠳᠡᠯᠭᠡᠨ'),
      option('duty-crime', '职务犯罪', 'abuse of office', 'ᠠᠯᠪᠠᠨ ᠲᠤᠰᠢᠶᠠᠯ'),
      option('organised', '涉黑涉恶', 'organised crime', 'ᠬᠠᠷ᠎ᠠ ᠪᠦᠯᠦᠭ'),
      option('sexual', '性犯罪', 'sexual offence', 'ᠪᠡᠯᠭᠡ ᠦᠨ ᠭᠡᠮᠡᠰᠢᠯ'),
      option('other', '其他', 'other', 'ᠪᠤᠰᠤᠳ'),
    ],
  },
  {
    id: 'offence-cause',
    kind: 'enum',
    label: l('犯罪原因', 'Cause of offence', 'ᠭᠡᠮᠡᠰᠢᠯ ᠦᠨ ᠰᠢᠯᠲᠠᠭᠠᠨ'),
    options: [
      option('impulse', '一时冲动', 'impulse', 'ᠡᠭᠦᠷ ᠤᠨ ᠬᠥᠳᠡᠯᠦᠯ'),
      option('greed', '贪利', 'gain', 'ᠬᠣᠨᠵᠢᠯ'),
      option('negligence', '过失', 'negligence', 'ᠪᠤᠷᠤᠭᠤ'),
      option('addiction', '成瘾', 'addiction', 'ᠳᠠᠰᠢᠯ'),
      option('peer', '不良交友', 'bad company', 'ᠮᠠᠭᠤ ᠨᠥᠬᠦᠳ'),
      option('other', '其他', 'other', 'ᠪᠤᠰᠤᠳ'),
    ],
  },
  { id: 'serious-circumstances', kind: 'boolean', label: l('犯罪情节严重', 'Serious circumstances', 'ᠨᠥᠬᠥᠴᠡᠯ ᠨᠢ ᠬᠦᠨᠳᠦ') },
  {
    id: 'remorse',
    kind: 'enum',
    label: l('认罪悔罪表现', 'Remorse', 'ᠭᠡᠮᠰᠢᠯ'),
    options: [option('sincere', '真诚悔罪', 'sincere', 'ᠦᠨᠡᠨ ᠭᠡᠮᠰᠢᠯ'), option('partial', '悔罪表现一般', 'partial', 'ᠳᠤᠮᠳᠠ'), option('none', '拒不认罪', 'none', 'ᠦᠭᠡᠢ')],
  },
  {
    id: 'psych-state',
    kind: 'enum',
    label: l('心理特征', 'Psychological traits', 'ᠰᠡᠳᠬᠢᠯ ᠰᠢᠨᠵᠢ'),
    options: [
      option('stable', '心理稳定', 'stable', 'ᠲᠣᠭᠲᠠᠪᠤᠨ'),
      option('anxious', '焦虑抑郁', 'anxious or depressed', 'ᠰᠡᠵᠢᠭ ᠲᠡᠢ'),
      option('hostile', '偏执敌对', 'hostile', 'ᠳᠠᠶᠢᠰᠤᠯ'),
      option('unstable', '情绪不稳', 'volatile', 'ᠲᠣᠭᠲᠠᠪᠤᠷᠢ ᠦᠭᠡᠢ'),
    ],
  },
  { id: 'psych-score', kind: 'number', label: l('心理测评分', 'Psychological screening score', 'ᠰᠡᠳᠬᠢᠯ ᠰᠣᠷᠢᠯ ᠤᠨ ᠤᠨᠤᠭ᠎ᠠ'), unit: l('分', 'points', 'ᠤᠨᠤᠭ᠎ᠠ'), min: 0, max: 100, integer: true },
  {
    id: 'health',
    kind: 'enum',
    label: l('身体状况', 'Health', 'ᠡᠷᠡᠭᠦᠯ ᠮᠡᠨᠳᠦ'),
    options: [option('good', '良好', 'good', 'ᠰᠠᠶᠢᠨ'), option('chronic', '慢性病', 'chronic illness', 'ᠤᠳᠠᠭ᠎ᠠ ᠡᠪᠡᠳᠴᠢᠨ'), option('severe', '严重疾病', 'severe illness', 'ᠬᠦᠨᠳᠦ ᠡᠪᠡᠳᠴᠢᠨ'), option('disabled', '残疾', 'disability', 'ᠬᠥᠭᠵᠢᠯ ᠬᠤᠭᠤᠷ')],
  },
  { id: 'pregnant-or-nursing', kind: 'boolean', label: l('怀孕或哺乳期', 'Pregnant or nursing', 'ᠵᠢᠷᠦᠮᠡᠰᠦᠨ ᠪᠤᠶᠤ ᠬᠥᠬᠦᠯᠡᠭᠴᠢ') },
  {
    id: 'family',
    kind: 'enum',
    label: l('家庭关系', 'Family relations', 'ᠭᠡᠷ ᠪᠦᠯᠢ'),
    options: [option('harmonious', '和睦', 'harmonious', 'ᠡᠶ᠎ᠡ ᠲᠡᠢ'), option('tense', '紧张', 'tense', 'ᠲᠠᠲᠠᠯᠳᠤᠭᠠᠨ ᠲᠠᠢ'), option('broken', '破裂', 'broken', 'ᠰᠠᠯᠤᠭᠰᠠᠨ'), option('none', '无家庭依靠', 'no family support', 'ᠲᠥᠷᠦᠯ ᠰᠠᠳᠤ ᠦᠭᠡᠢ')],
  },
  { id: 'dependants', kind: 'number', label: l('需抚养赡养人数', 'Dependants', 'ᠠᠰᠠᠷᠠᠬᠤ ᠬᠦᠮᠦᠨ'), unit: l('人', 'persons', 'ᠬᠦᠮᠦᠨ'), min: 0, max: 10, integer: true },
  {
    id: 'employment',
    kind: 'enum',
    label: l('就业状况', 'Employment', 'ᠠᠵᠢᠯ ᠡᠷᠬᠢᠯᠡᠯᠲᠡ'),
    options: [option('employed', '在业', 'employed', 'ᠠᠵᠢᠯ ᠲᠠᠢ'), option('unemployed', '无业', 'unemployed', 'ᠠᠵᠢᠯ ᠦᠭᠡᠢ'), option('farmer', '务农', 'farming', 'ᠲᠠᠷᠢᠶᠠᠴᠢᠨ'), option('student', '在校学生', 'student', 'ᠰᠤᠷᠤᠭᠴᠢ'), option('retired', '退休', 'retired', 'ᠲᠡᠳᠬᠦᠮᠵᠢ')],
  },
  { id: 'monthly-income', kind: 'number', label: l('月收入', 'Monthly income', 'ᠰᠠᠷ᠎ᠠ ᠵᠢᠨ ᠣᠷᠣᠯᠭ᠎ᠠ'), unit: l('元', 'yuan', 'ᠶᠤᠸᠠᠨ'), min: 0, max: 100000 },
  {
    id: 'residence',
    kind: 'enum',
    label: l('居住状况', 'Residence', 'ᠰᠠᠭᠤᠴᠠ'),
    options: [option('own', '自有住房', 'own home', 'ᠥᠪᠡᠷ ᠤᠨ ᠭᠡᠷ'), option('rented', '租住', 'rented', 'ᠲᠦᠷᠢᠰᠦᠭᠰᠡᠨ'), option('none', '无固定住所', 'no fixed abode', 'ᠲᠣᠭᠲᠠᠮᠠᠯ ᠰᠠᠭᠤᠴᠠ ᠦᠭᠡᠢ')],
  },
  { id: 'household-elsewhere', kind: 'boolean', label: l('户籍地与居住地不一致', 'Registered elsewhere', 'ᠣᠷᠣᠨ ᠰᠠᠭᠤᠴᠠ ᠵᠥᠷᠢᠴᠡᠯᠳᠦᠭᠰᠡᠨ') },
  {
    id: 'addiction',
    kind: 'enum',
    label: l('成瘾情况', 'Addiction', 'ᠳᠠᠰᠢᠯ'),
    options: [option('none', '无', 'none', 'ᠦᠭᠡᠢ'), option('drugs', '吸毒', 'drugs', 'ᠮᠠᠩᠭᠠᠷ'), option('alcohol', '酗酒', 'alcohol', 'ᠠᠷᠢᠬᠢ'), option('gambling', '赌博', 'gambling', 'ᠮᠣᠷᠢᠢ')],
  },
  { id: 'prior-convictions', kind: 'number', label: l('前科次数', 'Prior convictions', 'ᠡᠮᠦᠨᠡᠬᠢ ᠶᠠᠯ'), unit: l('次', 'times', 'ᠤᠳᠠᠭ᠎ᠠ'), min: 0, max: 20, integer: true },
  { id: 'reprimands', kind: 'number', label: l('受训诫警告次数', 'Reprimands and warnings', 'ᠰᠡᠷᠡᠮᠵᠢᠯᠡᠯ'), unit: l('次', 'times', 'ᠤᠳᠠᠭ᠎ᠠ'), min: 0, max: 20, integer: true },
  {
    id: 'education-level',
    kind: 'enum',
    label: l('文化程度', 'Schooling', 'ᠰᠤᠷᠤᠯᠴᠠᠯ'),
    options: [option('illiterate', '文盲', 'cannot read', 'ᠪᠢᠴᠢᠭ ᠦᠭᠡᠢ'), option('primary', '小学', 'primary', 'ᠪᠠᠭ᠎ᠠ'), option('secondary', '中学', 'secondary', 'ᠳᠤᠮᠳᠠ'), option('higher', '大专及以上', 'higher', 'ᠶᠡᠬᠡ')],
  },
];

const categories: CatalogueInput['categories'] = [
  { id: 'reporting', label: l('报到与报告', 'Reporting in', 'ᠮᠡᠳᠡᠭᠦᠯᠬᠦ') },
  { id: 'contact', label: l('通讯联络核查', 'Contact checks', 'ᠬᠣᠯᠪᠣᠭ᠎ᠠ ᠪᠠᠢᠴᠠᠭᠠᠯᠲᠠ') },
  { id: 'visits', label: l('走访核查', 'Visits', 'ᠡᠷᠢᠯᠲᠡ') },
  { id: 'location', label: l('位置监管', 'Whereabouts', 'ᠪᠠᠢᠷᠢ ᠬᠢᠨᠠᠯᠲᠠ') },
  { id: 'individual-education', label: l('个别教育', 'Individual education', 'ᠭᠠᠭᠴᠠ ᠵᠢᠨ ᠰᠤᠷᠭᠠᠯ') },
  { id: 'group-education', label: l('集中教育', 'Group education', 'ᠬᠠᠮᠲᠤ ᠰᠤᠷᠭᠠᠯ') },
  { id: 'legal-education', label: l('法治教育', 'Legal education', 'ᠬᠠᠤᠯᠢ ᠶᠢᠨ ᠰᠤᠷᠭᠠᠯ') },
  { id: 'community-service', label: l('公益活动', 'Community service', 'ᠣᠯᠠᠨ ᠨᠡᠶᠢᠲᠡ ᠶᠢᠨ ᠦᠢᠯᠡ') },
  { id: 'psychological', label: l('心理矫治', 'Psychological care', 'ᠰᠡᠳᠬᠢᠯ ᠵᠠᠰᠠᠯ') },
  { id: 'employment', label: l('就业就学帮扶', 'Work and study support', 'ᠠᠵᠢᠯ ᠡᠷᠬᠢᠯᠡᠯᠲᠡ ᠶᠢᠨ ᠲᠤᠰᠠᠯᠠᠮᠵᠢ') },
  { id: 'social-assistance', label: l('社会救助', 'Social assistance', 'ᠨᠡᠶᠢᠭᠡᠮ ᠦᠨ ᠲᠤᠰᠠᠯᠠᠮᠵᠢ') },
  { id: 'addiction-treatment', label: l('戒断治疗', 'Addiction treatment', 'ᠳᠠᠰᠢᠯ ᠠᠴᠠ ᠭᠠᠷᠭᠠᠬᠤ') },
  { id: 'family', label: l('家庭关系', 'Family relations', 'ᠭᠡᠷ ᠪᠦᠯᠢ') },
  { id: 'health', label: l('医疗健康', 'Health care', 'ᠡᠷᠡᠭᠦᠯ ᠮᠡᠨᠳᠦ') },
  { id: 'juvenile', label: l('未成年人专门矫正', 'Juvenile correction', 'ᠨᠠᠰᠤᠨ ᠳᠦ ᠬᠦᠷᠦᠭᠡ ᠦᠭᠡᠢ ᠴᠢᠨ ᠵᠠᠰᠠᠯ') },
  { id: 'team', label: l('矫正小组', 'Correction team', 'ᠵᠠᠰᠠᠯ ᠤᠨ ᠳᠤᠭᠤᠢᠯᠠᠩ') },
];

type M = [id: string, category: string, kind: MeasureKind, zh: string, en: string, mn: string, frequency: Frequency, responsible: ResponsibleRole, extra?: { maxMonths?: number; requiresApproval?: boolean }];
const week = (times = 1): Frequency => ({ every: 'week', times });
const month = (times = 1): Frequency => ({ every: 'month', times });
const quarter = (times = 1): Frequency => ({ every: 'quarter', times });
const once: Frequency = { every: 'once' };
const hours = (n: number): Frequency => ({ hoursPerMonth: n });

const measureRows: M[] = [
  ['report-in-weekly', 'reporting', 'supervision', '每周到司法所报到', 'Report in at the office weekly', 'ᠳᠣᠯᠤᠭ᠎ᠠ ᠬᠣᠨᠤᠭ ᠲᠤ ᠮᠡᠳᠡᠭᠦᠯᠬᠦ', week(), 'office-staff'],
  ['report-in-monthly', 'reporting', 'supervision', '每月到司法所报到', 'Report in at the office monthly', 'ᠰᠠᠷ᠎ᠠ ᠳᠤ ᠮᠡᠳᠡᠭᠦᠯᠬᠦ', month(), 'office-staff'],
  ['written-report-weekly', 'reporting', 'supervision', '每周提交书面报告', 'Written report weekly', 'ᠳᠣᠯᠤᠭ᠎ᠠ ᠬᠣᠨᠤᠭ ᠲᠤ ᠪᠢᠴᠢᠭ᠌ ᠮᠡᠳᠡᠭᠦᠯᠬᠦ', week(), 'office-staff'],
  ['written-report-monthly', 'contact', 'supervision', '每月提交书面报告', 'Written report monthly', 'ᠰᠠᠷ᠎ᠠ ᠳᠤ ᠪᠢᠴᠢᠭ᠌ ᠮᠡᠳᠡᠭᠦᠯᠬᠦ', month(), 'office-staff'],
  ['phone-check', 'contact', 'supervision', '电话核查', 'Telephone check', 'ᠤᠲᠠᠰᠤ ᠪᠠᠷ ᠪᠠᠢᠴᠠᠭᠠᠬᠤ', week(2), 'office-staff'],
  ['video-check-in', 'contact', 'supervision', '视频报到', 'Video check-in', 'ᠸᠢᠳᠢᠣ ᠮᠡᠳᠡᠭᠦᠯᠬᠦ', week(), 'office-staff'],
  ['home-visit', 'visits', 'supervision', '实地走访（家庭）', 'Home visit', 'ᠭᠡᠷ ᠲᠦ ᠡᠷᠢᠬᠦ', month(), 'team-member'],
  ['workplace-visit', 'visits', 'supervision', '走访工作单位', 'Workplace visit', 'ᠠᠵᠢᠯ ᠤᠨ ᠭᠠᠵᠠᠷ ᠲᠤ ᠡᠷᠢᠬᠦ', quarter(), 'team-member'],
  ['community-info', 'visits', 'supervision', '村（居）委会信息核查', 'Check with the village committee', 'ᠲᠠᠰᠤᠭ ᠲᠤ ᠪᠠᠢᠴᠠᠭᠠᠬᠤ', month(), 'team-member'],
  ['phone-location', 'location', 'supervision', '手机定位核查', 'Mobile phone location check', 'ᠭᠠᠷ ᠤᠲᠠᠰᠤ ᠪᠠᠢᠷᠢ ᠲᠣᠭᠲᠠᠭᠠᠬᠤ', { every: 'day', times: 1 }, 'county-officer'],
  ['electronic-monitoring', 'location', 'supervision', '电子定位装置（每期不超过三个月，经审批）', 'Electronic monitoring (at most 3 months a period, approved)', 'ᠴᠠᠬᠢᠯᠭᠠᠨ ᠪᠠᠢᠷᠢ ᠲᠣᠭᠲᠠᠭᠠᠭᠴᠢ', { every: 'day', times: 1 }, 'county-officer', { maxMonths: 3, requiresApproval: true }],
  ['travel-approval', 'location', 'supervision', '外出、迁居严格审批', 'Strict approval of travel and moves', 'ᠭᠠᠳᠠᠭᠰᠢ ᠭᠠᠷᠬᠤ ᠵᠥᠪᠰᠢᠶᠡᠷᠡᠯ', once, 'county-officer'],
  ['individual-talk-weekly', 'individual-education', 'education', '每周个别教育谈话', 'Individual talk weekly', 'ᠳᠣᠯᠤᠭ᠎ᠠ ᠬᠣᠨᠤᠭ ᠲᠤ ᠭᠠᠭᠴᠠ ᠶᠠᠷᠢᠯᠴᠠᠬᠤ', week(), 'office-staff'],
  ['individual-talk-monthly', 'individual-education', 'education', '每月个别教育谈话', 'Individual talk monthly', 'ᠰᠠᠷ᠎ᠠ ᠳᠤ ᠭᠠᠭᠴᠠ ᠶᠠᠷᠢᠯᠴᠠᠬᠤ', month(), 'office-staff'],
  ['remorse-education', 'individual-education', 'education', '认罪悔罪教育', 'Education in accepting guilt', 'ᠭᠡᠮᠰᠢᠯ ᠦᠨ ᠰᠤᠷᠭᠠᠯ', month(), 'office-staff'],
  ['study-12h', 'group-education', 'education', '集中教育学习（每月不少于12小时）', 'Group study, 12 h a month', 'ᠬᠠᠮᠲᠤ ᠰᠤᠷᠭᠠᠯ 12 ᠴᠠᠭ', hours(12), 'office-staff'],
  ['study-8h', 'group-education', 'education', '集中教育学习（每月不少于8小时）', 'Group study, 8 h a month', 'ᠬᠠᠮᠲᠤ ᠰᠤᠷᠭᠠᠯ 8 ᠴᠠᠭ', hours(8), 'office-staff'],
  ['study-4h', 'group-education', 'education', '集中教育学习（每月不少于4小时）', 'Group study, 4 h a month', 'ᠬᠠᠮᠲᠤ ᠰᠤᠷᠭᠠᠯ 4 ᠴᠠᠭ', hours(4), 'office-staff'],
  ['law-course', 'legal-education', 'education', '法治教育课程', 'Legal education course', 'ᠬᠠᠤᠯᠢ ᠶᠢᠨ ᠬᠢᠴᠢᠶᠡᠯ', month(), 'office-staff'],
  ['case-warning-education', 'legal-education', 'education', '以案释法警示教育', 'Warning education through cases', 'ᠬᠡᠷᠡᠭ ᠵᠢᠱᠢᠶᠡᠯᠡᠭᠰᠡᠨ ᠰᠡᠷᠡᠮᠵᠢᠯᠡᠬᠦ ᠰᠤᠷᠭᠠᠯ', quarter(), 'office-staff'],
  ['traffic-safety-education', 'legal-education', 'education', '交通安全教育', 'Road safety education', 'ᠵᠠᠮ ᠤᠨ ᠠᠶᠤᠯᠭᠦᠢ ᠶᠢᠨ ᠰᠤᠷᠭᠠᠯ', month(), 'office-staff'],
  ['community-service-12h', 'community-service', 'education', '公益活动（每月不少于12小时）', 'Community service, 12 h a month', 'ᠣᠯᠠᠨ ᠨᠡᠶᠢᠲᠡ ᠶᠢᠨ ᠦᠢᠯᠡ 12 ᠴᠠᠭ', hours(12), 'team-member'],
  ['community-service-8h', 'community-service', 'education', '公益活动（每月不少于8小时）', 'Community service, 8 h a month', 'ᠣᠯᠠᠨ ᠨᠡᠶᠢᠲᠡ ᠶᠢᠨ ᠦᠢᠯᠡ 8 ᠴᠠᠭ', hours(8), 'team-member'],
  ['community-service-4h', 'community-service', 'education', '公益活动（每月不少于4小时）', 'Community service, 4 h a month', 'ᠣᠯᠠᠨ ᠨᠡᠶᠢᠲᠡ ᠶᠢᠨ ᠦᠢᠯᠡ 4 ᠴᠠᠭ', hours(4), 'team-member'],
  ['psych-assessment', 'psychological', 'education', '心理测评', 'Psychological assessment', 'ᠰᠡᠳᠬᠢᠯ ᠰᠣᠷᠢᠯ', quarter(), 'psychologist'],
  ['psych-counselling', 'psychological', 'education', '心理咨询辅导', 'Psychological counselling', 'ᠰᠡᠳᠬᠢᠯ ᠵᠥᠪᠯᠡᠭᠡ', month(2), 'psychologist'],
  ['crisis-intervention', 'psychological', 'education', '心理危机干预', 'Crisis intervention', 'ᠰᠡᠳᠬᠢᠯ ᠬᠠᠮᠠᠭᠠᠯᠠᠯᠲᠠ', once, 'psychologist'],
  ['job-referral', 'employment', 'assistance', '就业指导与推荐', 'Job guidance and referral', 'ᠠᠵᠢᠯ ᠳᠤ ᠵᠣᠭᠰᠠᠭᠠᠬᠤ', once, 'social-worker'],
  ['skills-training', 'employment', 'assistance', '职业技能培训', 'Vocational training', 'ᠮᠡᠷᠭᠡᠵᠢᠯ ᠤᠨ ᠰᠤᠷᠭᠠᠯᠲᠠ', month(), 'social-worker'],
  ['study-support', 'employment', 'assistance', '就学帮扶', 'Schooling support', 'ᠰᠤᠷᠤᠯᠴᠠᠯ ᠤᠨ ᠲᠤᠰᠠᠯᠠᠮᠵᠢ', once, 'social-worker'],
  ['minimum-living', 'social-assistance', 'assistance', '协助申请最低生活保障', 'Help applying for minimum living allowance', 'ᠠᠮᠢᠵᠢᠷᠠᠯ ᠤᠨ ᠳᠣᠣᠷᠠᠳᠤ ᠪᠠᠲᠤᠯᠠᠭ᠎ᠠ', once, 'office-staff'],
  ['temporary-relief', 'social-assistance', 'assistance', '临时救助', 'Temporary relief', 'ᠲᠦᠷ ᠵᠠᠭᠠᠭ ᠤᠨ ᠲᠤᠰᠠᠯᠠᠮᠵᠢ', once, 'office-staff'],
  ['housing-assistance', 'social-assistance', 'assistance', '过渡性安置与住房救助', 'Transitional housing', 'ᠰᠠᠭᠤᠴᠠ ᠶᠢᠨ ᠲᠤᠰᠠᠯᠠᠮᠵᠢ', once, 'office-staff'],
  ['drug-rehab-community', 'addiction-treatment', 'assistance', '社区戒毒（康复）', 'Community drug rehabilitation', 'ᠮᠠᠩᠭᠠᠷ ᠠᠴᠠ ᠭᠠᠷᠭᠠᠬᠤ', month(), 'county-officer'],
  ['drug-test', 'addiction-treatment', 'supervision', '定期毒品检测', 'Regular drug test', 'ᠮᠠᠩᠭᠠᠷ ᠰᠢᠯᠭᠠᠯᠲᠠ', month(2), 'county-officer'],
  ['alcohol-treatment', 'addiction-treatment', 'assistance', '戒酒干预', 'Alcohol intervention', 'ᠠᠷᠢᠬᠢ ᠠᠴᠠ ᠭᠠᠷᠭᠠᠬᠤ', month(), 'social-worker'],
  ['family-talk', 'family', 'assistance', '家庭关系调适', 'Family counselling', 'ᠭᠡᠷ ᠪᠦᠯᠢ ᠶᠢᠨ ᠵᠥᠪᠯᠡᠭᠡ', month(), 'social-worker'],
  ['family-guardian-agreement', 'family', 'education', '监护人责任告知与家庭帮教协议', 'Guardian duties and family agreement', 'ᠬᠠᠮᠠᠭᠠᠯᠠᠭᠴᠢ ᠶᠢᠨ ᠭᠡᠷ᠎ᠡ', once, 'family-member'],
  ['parenting-support', 'family', 'assistance', '家庭教育指导', 'Guidance for parents', 'ᠭᠡᠷ ᠦᠨ ᠬᠦᠮᠦᠵᠢᠯ ᠦᠨ ᠵᠢᠭᠠᠯᠲᠠ', month(), 'social-worker'],
  ['medical-check', 'health', 'supervision', '病情复查（暂予监外执行）', 'Medical review of the condition', 'ᠡᠪᠡᠳᠴᠢᠨ ᠢ ᠳᠠᠬᠢᠨ ᠪᠠᠢᠴᠠᠭᠠᠬᠤ', quarter(), 'county-officer'],
  ['hospital-report', 'health', 'supervision', '就医情况报告', 'Report on medical treatment', 'ᠡᠮᠴᠢᠯᠡᠭᠡ ᠶᠢᠨ ᠮᠡᠳᠡᠭᠦᠯᠬᠦ', month(), 'office-staff'],
  ['medical-insurance-help', 'health', 'assistance', '医疗救助与医保帮扶', 'Help with medical insurance and relief', 'ᠡᠮᠨᠡᠯᠭᠡ ᠶᠢᠨ ᠲᠤᠰᠠᠯᠠᠮᠵᠢ', once, 'office-staff'],
  ['juvenile-separate-education', 'juvenile', 'education', '未成年人单独教育', 'Separate education for juveniles', 'ᠲᠤᠰᠠᠭᠠᠷ ᠰᠤᠷᠭᠠᠯ', month(2), 'office-staff'],
  ['juvenile-confidential-file', 'juvenile', 'supervision', '矫正档案保密', 'Confidential file', 'ᠨᠢᠭᠤᠴᠠ ᠳᠠᠩᠰᠠ', once, 'county-officer'],
  ['juvenile-school-liaison', 'juvenile', 'assistance', '与学校联络帮教', 'Liaison with the school', 'ᠰᠤᠷᠭᠠᠭᠤᠯᠢ ᠲᠠᠢ ᠬᠠᠷᠢᠯᠴᠠᠬᠤ', month(), 'team-member'],
  ['team-female-member', 'team', 'supervision', '矫正小组女性成员', 'A woman on the correction team', 'ᠳᠤᠭᠤᠢᠯᠠᠩ ᠤᠨ ᠡᠮᠡᠭᠲᠡᠢ ᠭᠡᠰᠢᠭᠦᠨ', once, 'office-staff'],
  ['team-volunteer', 'team', 'assistance', '社会志愿者参与帮教', 'A volunteer joins the team', 'ᠰᠠᠢᠨ ᠳᠤᠷᠠᠴᠤᠳ', month(), 'volunteer'],
  ['team-family-member', 'team', 'assistance', '家庭成员加入矫正小组', 'A family member joins the team', 'ᠭᠡᠷ ᠪᠦᠯᠢ ᠶᠢᠨ ᠭᠡᠰᠢᠭᠦᠨ', once, 'family-member'],
];

const measures: CatalogueInput['measures'] = measureRows.map(([id, category, kind, zh, en, mn, frequency, responsible, extra]) => ({
  id,
  category,
  kind,
  label: l(zh, en, mn),
  frequency,
  responsible,
  ...extra,
}));

// Leaves, short.
const eq = (condition: string, equals: string): Expression => ({ condition, equals });
const oneOf = (condition: string, values: string[]): Expression => ({ condition, in: values });
const yes = (condition: string): Expression => ({ condition, is: true });
const no = (condition: string): Expression => ({ condition, is: false });
const all = (...parts: Expression[]): Expression => ({ all: parts });
const any = (...parts: Expression[]): Expression => ({ any: parts });
const not = (e: Expression): Expression => ({ not: e });

/** Rule mn labels: the rule's number and the conditions it reads (working labels, see the module comment). */
const conditionMn = new Map(conditions.map((c) => [c.id, c.label.mn]));
const conditionsOf = (e: Expression): string[] =>
  'all' in e ? e.all.flatMap(conditionsOf) : 'any' in e ? e.any.flatMap(conditionsOf) : 'not' in e ? conditionsOf(e.not) : [e.condition];
let ruleNumber = 0;
const rule = (id: string, zh: string, en: string, when: Expression, priority: number, adds: string[], excludes: string[] = []): RuleInput => {
  ruleNumber++;
  const mn = `№${ruleNumber} ${[...new Set(conditionsOf(when))].map((c) => conditionMn.get(c) ?? c).join('᠂ ')}`;
  return { id, label: l(zh, en, mn), when, priority, adds, excludes };
};

/*
 * Priorities used here: 10–25 assistance and education by need; 30–45 stage, psychology, offence;
 * 50 the management class's quotas; 55–70 risk, family trouble, juvenile and medical measures;
 * 80–100 protections (what a person must not be given: juveniles, pregnancy, severe illness).
 */
const rules: RuleInput[] = [
  // Management class (local practice: strict = weekly reports and talks, 12 h study and service).
  rule('class-strict', '严管：每周报到、书面报告和个别教育，学习与公益各12小时', 'Strict class: weekly reporting and talks, 12 h study and service', eq('management-class', 'strict'), 50, ['report-in-weekly', 'written-report-weekly', 'individual-talk-weekly', 'study-12h', 'community-service-12h', 'home-visit']),
  rule('class-normal', '普管：每月报到、书面报告和个别教育，学习与公益各8小时', 'Normal class: monthly reporting and talks, 8 h study and service', eq('management-class', 'normal'), 50, ['report-in-monthly', 'written-report-monthly', 'individual-talk-monthly', 'study-8h', 'community-service-8h', 'home-visit']),
  rule('class-lenient', '宽管：每月报到和书面报告，学习与公益各4小时', 'Lenient class: monthly reporting, 4 h study and service', eq('management-class', 'lenient'), 50, ['report-in-monthly', 'written-report-monthly', 'study-4h', 'community-service-4h']),
  rule('class-strict-no-lower-quotas', '严管对象不适用较低的报到和学习公益标准', 'Strict class: no lower reporting, study or service quotas', oneOf('management-class', ['strict']), 90, [], ['report-in-monthly', 'study-8h', 'study-4h', 'community-service-8h', 'community-service-4h']),
  rule('class-lenient-fewer-checks', '宽管对象减少电话核查和走访', 'Lenient class: fewer calls and visits', eq('management-class', 'lenient'), 45, [], ['phone-check', 'home-visit']),
  // Stage.
  rule('stage-intake', '入矫阶段：每周报到、个别教育、法治教育与心理测评', 'Intake: weekly reporting and talks, legal education, psychological assessment', eq('stage', 'intake'), 40, ['report-in-weekly', 'individual-talk-weekly', 'law-course', 'psych-assessment']),
  rule('stage-release', '解矫阶段：解矫前心理测评与就业衔接', 'Release: assessment before release and job hand-over', eq('stage', 'release'), 30, ['psych-assessment', 'job-referral']),
  rule('new-arrival-calls', '入矫不满2个月加强电话核查', 'Less than 2 months in: telephone checks', { condition: 'months-in-correction', lt: 2 }, 40, ['phone-check']),
  rule('nearly-done', '剩余矫正期不超过1个月：解矫评估', 'At most 1 month left: assessment before release', { condition: 'months-remaining', lte: 1 }, 30, ['psych-assessment']),
  rule('steady-long-term', '矫正超过12个月且无训诫警告：不再每周个别谈话', 'Over 12 months without reprimand: no weekly talks', all({ condition: 'months-in-correction', gt: 12 }, { condition: 'reprimands', lt: 1 }), 35, ['individual-talk-monthly'], ['individual-talk-weekly']),
  // Risk.
  rule('risk-high', '高风险：走访、手机定位、电话与视频核查', 'High risk: visits, phone location, calls and video check-ins', eq('risk-level', 'high'), 60, ['home-visit', 'phone-location', 'phone-check', 'video-check-in', 'travel-approval']),
  rule('risk-high-electronic', '高风险且多次训诫或有多次前科：电子定位', 'High risk with repeated reprimands or convictions: electronic monitoring', all(eq('risk-level', 'high'), any({ condition: 'reprimands', gte: 2 }, { condition: 'prior-convictions', gte: 2 })), 60, ['electronic-monitoring']),
  rule('risk-medium', '中风险：电话核查', 'Medium risk: telephone checks', eq('risk-level', 'medium'), 40, ['phone-check']),
  rule('risk-low-lenient', '低风险宽管：不作手机定位和视频核查', 'Low risk and lenient: no phone location or video check-ins', all(eq('risk-level', 'low'), eq('management-class', 'lenient')), 45, [], ['phone-location', 'video-check-in']),
  rule('first-offender-sincere', '初犯、真诚悔罪、低风险：免视频核查', 'First offence, sincere remorse, low risk: no video check-ins', all({ condition: 'prior-convictions', lte: 0 }, eq('remorse', 'sincere'), eq('risk-level', 'low')), 35, [], ['video-check-in']),
  // Protections.
  rule('juvenile-protection', '未成年人：不使用电子定位，不走访工作单位和村居，不参加成年人集中教育', 'Juveniles: no electronic monitoring, no workplace or village enquiries, no adult group study', yes('juvenile'), 100, [], ['electronic-monitoring', 'workplace-visit', 'community-info', 'study-12h', 'study-8h', 'study-4h']),
  rule('pregnancy-protection', '怀孕或哺乳期：不使用电子定位，减免公益活动', 'Pregnant or nursing: no electronic monitoring, reduced community service', yes('pregnant-or-nursing'), 100, ['hospital-report'], ['electronic-monitoring', 'community-service-12h', 'community-service-8h']),
  rule('illness-protection', '严重疾病或残疾：不使用电子定位，免公益活动', 'Severe illness or disability: no electronic monitoring or community service', oneOf('health', ['severe', 'disabled']), 100, ['medical-insurance-help'], ['electronic-monitoring', 'community-service-12h', 'community-service-8h', 'community-service-4h']),
  rule('bedridden-reports-by-video', '暂予监外执行且病重：以视频报到代替到所报到', 'Outside prison and severely ill: video check-in instead of reporting at the office', all(eq('subject-kind', 'medical-parole'), eq('health', 'severe')), 100, ['video-check-in'], ['report-in-weekly', 'report-in-monthly']),
  rule('elderly-relief', '70岁以上：减免高强度学习和公益活动', 'Aged 70 or over: no 12-hour or 8-hour study and service', { condition: 'age', gte: 70 }, 80, ['study-4h'], ['community-service-12h', 'community-service-8h', 'study-12h', 'study-8h']),
  rule('cannot-write', '文盲：以视频报到代替书面报告', 'Cannot read or write: video check-ins instead of written reports', eq('education-level', 'illiterate'), 80, ['video-check-in'], ['written-report-weekly', 'written-report-monthly']),
  // Offence: type, cause, circumstances, remorse (art. 24).
  rule('offence-violent', '暴力犯罪：心理测评与警示教育', 'Violent offence: assessment and warning education', eq('offence-type', 'violent'), 25, ['psych-assessment', 'case-warning-education']),
  rule('offence-impulse', '激情犯罪或暴力犯罪：心理辅导', 'Impulse or violence: counselling', any(eq('offence-cause', 'impulse'), eq('offence-type', 'violent')), 25, ['psych-counselling']),
  rule('offence-traffic', '交通肇事、危险驾驶：交通安全教育', 'Traffic offence: road safety education', eq('offence-type', 'traffic'), 20, ['traffic-safety-education']),
  rule('offence-duty', '职务犯罪：警示教育', 'Abuse of office: warning education', eq('offence-type', 'duty-crime'), 20, ['case-warning-education']),
  rule('offence-gain', '贪利型财产犯罪：法治与警示教育', 'Property offence for gain: legal and warning education', all(oneOf('offence-type', ['property', 'duty-crime']), eq('offence-cause', 'greed')), 20, ['law-course', 'case-warning-education']),
  rule('offence-organised', '涉黑涉恶：手机定位、单位与村居核查', 'Organised crime: phone location, workplace and village checks', eq('offence-type', 'organised'), 55, ['phone-location', 'workplace-visit', 'community-info', 'travel-approval']),
  rule('offence-sexual', '性犯罪：手机定位、村居核查、心理辅导', 'Sexual offence: phone location, village checks, counselling', eq('offence-type', 'sexual'), 55, ['phone-location', 'community-info', 'psych-counselling']),
  rule('offence-peer', '不良交友致罪：个别教育与志愿者帮教', 'Led by bad company: talks and a volunteer', eq('offence-cause', 'peer'), 20, ['individual-talk-monthly', 'team-volunteer']),
  rule('circumstances-serious', '情节严重：走访与村居核查', 'Serious circumstances: visits and village checks', yes('serious-circumstances'), 40, ['home-visit', 'community-info']),
  rule('serious-without-remorse', '情节严重且非真诚悔罪：每周个别教育', 'Serious circumstances without sincere remorse: weekly talks', all(yes('serious-circumstances'), not(eq('remorse', 'sincere'))), 45, ['individual-talk-weekly', 'remorse-education']),
  rule('remorse-none', '拒不认罪：认罪悔罪教育、每周个别教育', 'No remorse: education in accepting guilt, weekly talks', eq('remorse', 'none'), 30, ['remorse-education', 'individual-talk-weekly']),
  rule('remorse-partial', '悔罪表现一般：认罪悔罪教育', 'Partial remorse: education in accepting guilt', eq('remorse', 'partial'), 25, ['remorse-education']),
  rule('minor-offence-sincere', '非情节严重且真诚悔罪：不作认罪悔罪教育', 'No serious circumstances and sincere remorse: no guilt education', all(no('serious-circumstances'), eq('remorse', 'sincere')), 25, [], ['remorse-education']),
  // Psychological traits.
  rule('psych-anxious', '焦虑抑郁或情绪不稳：心理辅导', 'Anxious, depressed or volatile: counselling', oneOf('psych-state', ['anxious', 'unstable']), 30, ['psych-counselling']),
  rule('psych-hostile', '偏执敌对：心理辅导与每周个别教育', 'Hostile: counselling and weekly talks', eq('psych-state', 'hostile'), 30, ['psych-counselling', 'individual-talk-weekly']),
  rule('psych-score-high', '心理测评70分以上：危机干预', 'Screening score 70 or more: crisis intervention', { condition: 'psych-score', gte: 70 }, 35, ['crisis-intervention', 'psych-counselling']),
  rule('psych-score-watch', '心理测评50–69分：复测', 'Screening score 50–69: reassessment', { condition: 'psych-score', between: [50, 69] }, 30, ['psych-assessment']),
  // Health.
  rule('medical-parole', '暂予监外执行：病情复查、就医报告', 'Outside prison on medical grounds: medical reviews and reports', eq('subject-kind', 'medical-parole'), 60, ['medical-check', 'hospital-report']),
  rule('health-chronic', '慢性病：医保帮扶', 'Chronic illness: help with medical insurance', eq('health', 'chronic'), 15, ['medical-insurance-help']),
  // Family, dependants.
  rule('family-trouble', '家庭关系紧张或破裂：走访与家庭关系调适', 'Tense or broken family: visits and family counselling', oneOf('family', ['tense', 'broken']), 55, ['home-visit', 'family-talk']),
  rule('family-none', '无家庭依靠：志愿者帮教', 'No family support: a volunteer', eq('family', 'none'), 25, ['team-volunteer']),
  rule('family-supportive', '家庭和睦的成年对象：家庭成员加入矫正小组', 'Harmonious family, adult: a family member joins the team', all(eq('family', 'harmonious'), no('juvenile')), 15, ['team-family-member']),
  rule('many-dependants', '需抚养赡养超过3人：临时救助', 'More than 3 dependants: temporary relief', { condition: 'dependants', gt: 3 }, 20, ['temporary-relief']),
  // Employment, income, residence.
  rule('unemployed-working-age', '18–59岁无业：就业推荐与技能培训', 'Unemployed, aged 18–59: job referral and training', all(eq('employment', 'unemployed'), { condition: 'age', between: [18, 59] }), 20, ['job-referral', 'skills-training']),
  rule('unemployed-older', '60岁以上无业：协助申请低保', 'Unemployed, 60 or over: minimum living allowance', all(eq('employment', 'unemployed'), { condition: 'age', gte: 60 }), 20, ['minimum-living']),
  rule('severe-illness-no-training', '重病者不安排技能培训和就业推荐', 'Severe illness: no training or job referral', eq('health', 'severe'), 20, [], ['skills-training', 'job-referral']),
  rule('farmer-low-income', '务农且月收入不超过1500元：技能培训', 'Farming, income at most 1,500: training', all(eq('employment', 'farmer'), { condition: 'monthly-income', lte: 1500 }), 15, ['skills-training']),
  rule('student', '在校学生：就学帮扶，不走访学校以外的单位', 'Student: schooling support, no workplace visits', eq('employment', 'student'), 20, ['study-support'], ['workplace-visit']),
  rule('employed-workplace', '在业且高风险：走访工作单位', 'Employed and high risk: workplace visits', all(eq('employment', 'employed'), eq('risk-level', 'high')), 30, ['workplace-visit']),
  rule('low-income', '月收入低于1000元：协助申请低保', 'Income under 1,000 a month: minimum living allowance', { condition: 'monthly-income', lt: 1000 }, 20, ['minimum-living']),
  rule('low-income-dependants', '月收入低于2000元且需抚养2人以上：临时救助', 'Income under 2,000 with 2 or more dependants: temporary relief', all({ condition: 'monthly-income', lt: 2000 }, { condition: 'dependants', gte: 2 }), 20, ['temporary-relief', 'minimum-living']),
  rule('no-fixed-abode', '无固定住所：过渡性安置、临时救助、村居核查', 'No fixed abode: transitional housing, relief, village checks', eq('residence', 'none'), 30, ['housing-assistance', 'temporary-relief', 'community-info']),
  rule('registered-elsewhere', '人户分离：村居核查、电话核查、外出审批', 'Registered elsewhere: village and phone checks, travel approval', yes('household-elsewhere'), 30, ['community-info', 'phone-check', 'travel-approval']),
  rule('volunteer-when-alone', '无家庭依靠或无固定住所：志愿者参与', 'No family or no home: a volunteer', any(eq('family', 'none'), eq('residence', 'none')), 25, ['team-volunteer']),
  // Addiction.
  rule('addiction-drugs', '吸毒：社区戒毒与定期检测', 'Drug use: community rehabilitation and tests', eq('addiction', 'drugs'), 60, ['drug-rehab-community', 'drug-test']),
  rule('offence-drugs', '毒品犯罪：定期毒品检测', 'Drug offence: regular drug tests', eq('offence-type', 'drug'), 40, ['drug-test']),
  rule('addiction-alcohol', '酗酒：戒酒干预', 'Alcohol misuse: intervention', eq('addiction', 'alcohol'), 40, ['alcohol-treatment']),
  rule('drink-driving', '酗酒且交通犯罪：戒酒干预与交通安全教育', 'Alcohol and a traffic offence: intervention and road safety', all(eq('addiction', 'alcohol'), eq('offence-type', 'traffic')), 45, ['alcohol-treatment', 'traffic-safety-education']),
  rule('addiction-gambling', '赌博成瘾：心理辅导与家庭关系调适', 'Gambling: counselling and family counselling', eq('addiction', 'gambling'), 30, ['psych-counselling', 'family-talk']),
  rule('no-addiction-no-tests', '无成瘾且非毒品犯罪：不作毒品检测', 'No addiction and no drug offence: no drug tests', all(eq('addiction', 'none'), not(eq('offence-type', 'drug'))), 40, [], ['drug-test']),
  // Juveniles (arts. 52–58).
  rule('juvenile', '未成年人：单独教育、档案保密、监护人责任', 'Juvenile: separate education, confidential file, guardian duties', yes('juvenile'), 70, ['juvenile-separate-education', 'juvenile-confidential-file', 'family-guardian-agreement']),
  rule('juvenile-student', '未成年在校生：与学校联络、就学帮扶', 'Juvenile student: school liaison and schooling support', all(yes('juvenile'), eq('employment', 'student')), 70, ['juvenile-school-liaison', 'study-support']),
  rule('juvenile-family', '未成年人家庭关系不良：家庭教育指导', 'Juvenile in a troubled family: guidance for parents', all(yes('juvenile'), oneOf('family', ['tense', 'broken', 'none'])), 70, ['parenting-support', 'family-talk']),
  rule('juvenile-not-working', '未成年且未就学：就学帮扶，不作就业推荐', 'Juvenile out of school: schooling support, no job referral', all(yes('juvenile'), not(oneOf('employment', ['student', 'employed']))), 75, ['study-support'], ['job-referral']),
  // Correction team (art. 25).
  rule('female-team-member', '女性矫正对象：矫正小组应有女性成员', 'A woman under correction: a woman on the team', eq('sex', 'female'), 100, ['team-female-member']),
  // Subject kind, record, conduct.
  rule('subject-control', '管制：村居核查', 'Public surveillance: village checks', eq('subject-kind', 'control'), 20, ['community-info']),
  rule('subject-parole', '假释：心理测评与回归社会衔接', 'Parole: assessment and return to the community', eq('subject-kind', 'parole'), 25, ['psych-assessment', 'community-info']),
  rule('probation-with-record', '缓刑且有前科：每周个别教育', 'Probation with a prior record: weekly talks', all(eq('subject-kind', 'probation'), { condition: 'prior-convictions', gt: 0 }), 35, ['individual-talk-weekly']),
  rule('repeat-offender', '两次以上前科：走访、电话核查、警示教育', 'Two or more prior convictions: visits, calls, warning education', { condition: 'prior-convictions', gte: 2 }, 45, ['home-visit', 'phone-check', 'case-warning-education']),
  rule('reprimanded-twice', '两次以上训诫警告：每周个别教育与走访', 'Two or more reprimands: weekly talks and visits', { condition: 'reprimands', gte: 2 }, 55, ['individual-talk-weekly', 'home-visit']),
  rule('reprimanded', '受过训诫警告：法治教育', 'Reprimanded: legal education', { condition: 'reprimands', gt: 0 }, 20, ['law-course']),
  rule('low-schooling', '小学及以下文化程度：通俗法治教育', 'Primary schooling or less: plain-language legal education', oneOf('education-level', ['illiterate', 'primary']), 15, ['law-course']),
  rule('young-adult-idle', '18–25岁无业或务农：技能培训', 'Aged 18–25, unemployed or farming: training', all({ condition: 'age', between: [18, 25] }, oneOf('employment', ['unemployed', 'farmer'])), 20, ['skills-training']),
  rule('volunteer-for-lenient', '宽管且无前科：志愿者帮教', 'Lenient class, no record: a volunteer', all(eq('management-class', 'lenient'), { condition: 'prior-convictions', lt: 1 }), 10, ['team-volunteer']),
];

/** The demo catalogue: illustration only (`demo: true`), never a bureau's policy. */
export const demoCatalogue: CatalogueInput = {
  id: 'correction-demo',
  version: 'demo-2026.1',
  demo: true,
  title: l('社区矫正方案规则库（演示）', 'Correction plan catalogue (demo)', 'ᠵᠠᠰᠠᠯ ᠤᠨ ᠳᠦᠷᠢᠮ (ᠦᠯᠬᠡᠷ)'),
  conditions,
  categories,
  measures,
  rules,
};
