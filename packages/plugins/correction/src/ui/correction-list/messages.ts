/**
 * Messages of <sifa-correction-list>. zh-CN (the default locale) is part of the element's first load;
 * en and mn-Mong are chunks loaded when shown. Every catalog has exactly the keys of zh-CN
 * (checked by type). Record titles come from the server as entered.
 */
import { defineLazyMessages, type Catalog } from '@sifa/components';

const zhCN = {
  title: '社区矫正',
  refresh: '刷新',
  loading: '正在加载…',
  loadFailed: '无法加载：{reason}',
  unreachable: '连接不到服务器，请稍后再试。',
  empty: '暂无记录。',
  caption: '最近的记录（{count} 条）',
  day: '日期',
  record: '事项',
  people: '服务人数',
  peopleValue: '{count} 人',
};

export type CorrectionListMessageKey = keyof typeof zhCN;
export type CorrectionListMessageCatalog = Catalog<CorrectionListMessageKey>;

export const correctionListMessages = defineLazyMessages<CorrectionListMessageKey>(
  zhCN,
  {
    en: () => import('./messages.en.js').then((m) => m.en),
    'mn-Mong': () => import('./messages.mn-Mong.js').then((m) => m.mnMong),
  },
  { mnDrafts: 'all' },
);
