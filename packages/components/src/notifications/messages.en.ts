/** English messages of <sifa-notifications> (messages.ts). */
import type { NotificationsMessageCatalog } from './messages.js';

export const en: NotificationsMessageCatalog = {
  title: 'Notifications',
  open: 'Notifications, {count} unread',
  openNone: 'Notifications, none unread',
  empty: 'No notifications yet.',
  markAll: 'Mark all as read',
  markRead: 'Mark as read',
  unread: 'Unread',
  document: 'Download document',
  downloading: 'Downloading…',
  loadFailed: 'Could not load notifications: {reason}',
  signIn: 'Sign in to see your notifications.',
  live: 'New notification: {title}',
  retry: 'Try again',
  close: 'Close',
  info: 'Notice',
  warning: 'Reminder',
  urgent: 'Urgent',
  dayDate: '{day}/{month}/{year}',
};
