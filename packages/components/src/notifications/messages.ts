/**
 * Messages of <sifa-notifications>. zh-CN is part of the element's first load; en and mn-Mong
 * are chunks loaded when shown. Every catalog has exactly the keys of zh-CN.
 */
import { defineLazyMessages, type Catalog } from '../i18n/i18n.js';

const zhCN = {
  title: '通知',
  open: '通知，{count} 条未读',
  openNone: '通知，没有未读',
  empty: '暂无通知。',
  markAll: '全部标为已读',
  markRead: '标为已读',
  unread: '未读',
  document: '下载文书',
  downloading: '正在下载…',
  loadFailed: '无法加载通知：{reason}',
  signIn: '登录后可查看通知。',
  live: '新通知：{title}',
  retry: '重试',
  close: '关闭',
  info: '通知',
  warning: '提醒',
  urgent: '紧急',
  /** A day in Mongolian dates (ICU has none); zh-CN and en use Intl. */
  dayDate: '{year}年{month}月{day}日',
};

export type NotificationsMessageKey = keyof typeof zhCN;
export type NotificationsMessageCatalog = Catalog<NotificationsMessageKey>;

export const notificationsMessages = defineLazyMessages<NotificationsMessageKey>(
  zhCN,
  {
    en: () => import('./messages.en.js').then((m) => m.en),
    'mn-Mong': () => import('./messages.mn-Mong.js').then((m) => m.mnMong),
  },
  { mnDrafts: 'all' },
);
