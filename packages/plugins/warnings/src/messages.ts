/**
 * The warnings plugin's own validation messages in every UI language, registered with core's
 * `defineMessages`: schemas carry a key, core's error path renders it in the reader's language.
 * Mongolian falls back to Chinese until a reviewed translation exists.
 */
import { defineMessages, type LocalizedText } from '@sifa/core';

export const warningMessages = {
  required: { zh: '此项必填。', en: 'This field is required.' },
  tooLong: { zh: '内容超出长度限制。', en: 'The text is too long.' },
  tooMany: { zh: '条目数量超出限制。', en: 'Too many entries.' },
  id: { zh: '编号应为 UUID。', en: 'An id is a UUID.' },
  threshold: { zh: '预警线应为不小于 0 的数字。', en: 'The line must be a number of at least 0.' },
  percent: { zh: '下降幅度应为 1 至 100 之间的百分数。', en: 'The drop must be a percentage from 1 to 100.' },
  windowDays: { zh: '统计窗口应为 1 至 60 个工作日。', en: 'The window must be 1 to 60 working days.' },
  toleratedDays: { zh: '允许缺报天数应为 0 至 59 之间的整数，且小于统计窗口。', en: 'Tolerated days must be a whole number from 0 to 59, less than the window.' },
  graceDays: { zh: '宽限天数应为 0 至 365 之间的整数。', en: 'Grace days must be a whole number from 0 to 365.' },
  lookbackDays: { zh: '回溯天数应为 1 至 3650 之间的整数。', en: 'Look-back days must be a whole number from 1 to 3650.' },
  withinDays: { zh: '提前提醒的工作日数应为 0 至 60 之间的整数。', en: 'Working days ahead must be a whole number from 0 to 60.' },
  signalCode: {
    zh: '代码格式为“插件标识.名称”，小写，例如 plans.items。',
    en: 'A code is "<plugin id>.<name>" in lower case, e.g. "plans.items".',
  },
  person: { zh: '责任人姓名为 1–40 个字符。', en: 'A person’s name is 1–40 characters.' },
} as const satisfies Record<string, LocalizedText>;

export type WarningMessageKey = keyof typeof warningMessages;

/** The message argument of a zod check whose text lives in `warningMessages` (rendered by core). */
export const wmsg = defineMessages('warnings', warningMessages);
