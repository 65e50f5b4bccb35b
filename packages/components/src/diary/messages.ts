/**
 * Messages of <sifa-diary>. The zh-CN catalog (the default locale) is part of the element's first
 * load; en and mn-Mong are separate modules, loaded (a dynamic import each) only when shown, so a
 * page downloads one language. All three have exactly the keys of zh-CN (checked by type).
 */
import { defineLazyMessages, type Catalog } from '../i18n/i18n.js';

const zhCN = {
  title: '工作日志',
  calendar: '{month}日志日历',
  monthTitle: '{year}年{month}月',
  prevMonth: '上个月',
  nextMonth: '下个月',
  weekdays: '一,二,三,四,五,六,日',
  weekdaysLong: '星期一,星期二,星期三,星期四,星期五,星期六,星期日',
  dayDate: '{month}月{day}日',
  dayFilled: '已填 {count} 条',
  legendFilled: '已填报',
  dayMissing: '工作日，未填报',
  dayFuture: '未到',
  dayRest: '休息日',
  today: '今天',
  legend: '图例',
  dayTitle: '{date}的日志',
  noEntries: '这一天还没有日志。',
  futureDay: '不能为未来的日期填报日志。',
  quickEntry: '快速填报',
  recent: '最近使用',
  favourites: '收藏',
  star: '收藏“{item}”',
  newEntry: '填报：{item}',
  editEntry: '修改：{item}',
  save: '保存',
  cancel: '取消',
  edit: '修改',
  remove: '删除',
  confirmRemove: '确认删除',
  resubmit: '修改后重新提交',
  dismiss: '知道了',
  required: '必填',
  choose: '请选择',
  filesHint: '只记录文件名、大小和类型，文件本身不上传。',
  removeFile: '移除“{name}”',
  minutes: '分钟',
  fixErrors: '有 {count} 处需要修改，请按提示修改后再保存。',
  stateSynced: '已同步',
  stateLocal: '已保存在本机，等待同步',
  stateSyncing: '正在同步',
  stateRejected: '未被接受',
  pendingUpdate: '修改待同步',
  pendingRemove: '删除待同步',
  dependencyRejected: '所修改的日志未被服务器接受。',
  editableUntil: '{time} 前可修改',
  by: '填报人：{name}',
  online: '已联网',
  offline: '离线：日志先保存在本机，联网后自动同步。',
  pending: '{count} 条待同步',
  allSynced: '全部已同步',
  syncNow: '立即同步',
  loading: '正在加载…',
  loadFailed: '无法从服务器加载日志：{reason}',
  showingCached: '显示的是本机上次保存的内容。',
  savedLocally: '已保存在本机。',
  partBasic: '基础工作',
  partInstitutional: '制度建设',
  partKey: '重点工作',
  partDaily: '日常工作',
  partOutstanding: '创先争优',
  partNegative: '负面清单',
};

export type DiaryMessageKey = keyof typeof zhCN;

export const diaryMessages = defineLazyMessages<DiaryMessageKey>(
  zhCN,
  {
  en: () => import('./messages.en.js').then((m) => m.en),
  'mn-Mong': () => import('./messages.mn-Mong.js').then((m) => m.mnMong),
  },
  { mnDrafts: 'all' },
);

export type DiaryMessageCatalog = Catalog<DiaryMessageKey>;
