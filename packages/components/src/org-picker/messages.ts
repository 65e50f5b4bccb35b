/**
 * Messages of <sifa-org-picker>. zh-CN is part of the element's first load; en and mn-Mong are
 * chunks loaded when shown. Every catalog has exactly the keys of zh-CN. Org names come from the
 * server's org tree (Chinese, English and Mongolian where it has them).
 */
import { defineLazyMessages, type Catalog } from '../i18n/i18n.js';

const zhCN = {
  label: '单位',
  placeholder: '输入单位名称或代码搜索',
  options: '可选单位',
  loading: '正在加载单位…',
  loadFailed: '无法加载单位列表：{reason}',
  unreachable: '无法连接服务器',
  noMatch: '没有名称或代码匹配“{text}”的单位。',
  matches: '{count} 个单位可选，用上下方向键浏览，回车选定。',
  more: '另有 {count} 个，请输入更多文字缩小范围。',
  pickFromList: '请从列表中选择一个单位（输入名称后用方向键或鼠标选定）。',
  selected: '已选定：{name}',
};

export type OrgPickerMessageKey = keyof typeof zhCN;
export type OrgPickerMessageCatalog = Catalog<OrgPickerMessageKey>;

export const orgPickerMessages = defineLazyMessages<OrgPickerMessageKey>(
  zhCN,
  {
    en: () => import('./messages.en.js').then((m) => m.en),
    'mn-Mong': () => import('./messages.mn-Mong.js').then((m) => m.mnMong),
  },
  { mnDrafts: 'all' },
);
