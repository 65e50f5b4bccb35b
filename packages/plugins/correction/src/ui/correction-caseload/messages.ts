/**
 * Messages of <sifa-correction-caseload>. zh-CN (the default locale) is part of the element's
 * first load; en and mn-Mong are chunks loaded when shown. Every catalog has exactly the keys of
 * zh-CN (checked by type). Office names come from the server; person names as it lists them.
 */
import { defineLazyMessages, type Catalog } from '@sifa/components';

const zhCN = {
  title: '社区矫正在册人员',
  asOf: '截至 {date}',
  refresh: '刷新',
  loading: '正在加载在册人员…',
  loadFailed: '无法加载：{reason}',
  ratesTitle: '主要指标',
  persons: '在册人数',
  outOfSupervision: '脱管',
  missedIntake: '漏管',
  mustBeZero: '应为 0',
  verificationRate: '核查率',
  reoffenceRate: '再犯罪率',
  ratePeriod: '{from}至{to}（按日统计）',
  noData: '暂无数据',
  filters: '筛选',
  filterClass: '管理类别',
  filterStage: '矫正阶段',
  filterOffice: '司法所',
  all: '全部',
  count: '共 {count} 人',
  truncated: '仅列出前 500 人，请按司法所筛选。',
  empty: '没有符合条件的在册人员。',
  personList: '在册人员',
  kind: '类别',
  class: '管理类别',
  stage: '阶段',
  dueThisWeek: '本周到期任务',
  missed: '逾期任务',
  score: '最近考核',
  scoreValue: '{score} 分（{month}）',
  noScore: '未考核',
  noPlan: '未制定方案',
  open: '查看矫正方案',
  openFor: '查看 {who} 的矫正方案',
  selected: '已选择',
  kindControl: '管制',
  kindProbation: '缓刑',
  kindParole: '假释',
  kindMedicalParole: '暂予监外执行',
  classStrict: '严管',
  classNormal: '普管',
  classLenient: '宽管',
  stageIntake: '入矫',
  stageRegular: '常规',
  stageRelease: '解矫',
  stateLostContact: '失去联系',
  unknown: '—',
  dayDate: '{year}年{month}月{day}日',
};

export type CaseloadMessageKey = keyof typeof zhCN;
export type CaseloadMessageCatalog = Catalog<CaseloadMessageKey>;

export const caseloadMessages = defineLazyMessages<CaseloadMessageKey>(
  zhCN,
  {
    en: () => import('./messages.en.js').then((m) => m.en),
    'mn-Mong': () => import('./messages.mn-Mong.js').then((m) => m.mnMong),
  },
  { mnDrafts: 'all' },
);
