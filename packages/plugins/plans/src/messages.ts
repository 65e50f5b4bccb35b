/**
 * The plans plugin's own validation messages in every UI language, registered with core's
 * `defineMessages`: schemas carry a key, core's error path renders it in the reader's language.
 * Mongolian falls back to Chinese until a reviewed translation exists.
 */
import { defineMessages, type LocalizedText } from '@sifa/core';

export const planMessages = {
  title: { zh: '请填写标题（1–200 个字符）。', en: 'Enter a title (1–200 characters).' },
  id: { zh: '编号应为 UUID，例如 7c9e6679-7425-40de-944b-e07fc1f90ae7。', en: 'An id is a UUID, e.g. 7c9e6679-7425-40de-944b-e07fc1f90ae7.' },
  target: { zh: '目标值须为 1 至 10000000 之间的整数。', en: 'A target is a whole number from 1 to 10,000,000.' },
  weight: { zh: '权重须为 0 至 1000 之间的整数。', en: 'A weight is a whole number from 0 to 1000.' },
  weightKey: { zh: '子期间格式为月份（2026-10）或 ISO 周（2026-W41）。', en: 'A sub-period is a month (2026-10) or an ISO week (2026-W41).' },
  items: { zh: '计划须有 1–100 个事项。', en: 'A plan has 1–100 items.' },
  assignees: { zh: '一个事项最多分派给 500 个单位。', en: 'An item can be assigned to at most 500 organisations.' },
  evidence: { zh: '请填写完成情况说明（1–2000 个字符）。', en: 'Describe what was done (1–2000 characters).' },
  attachmentName: { zh: '附件名称为 1–200 个字符。', en: 'An attachment name is 1–200 characters.' },
  attachmentUrl: {
    zh: '附件地址须以 https:// 开头，或为以 / 开头的站内路径。',
    en: 'An attachment address starts with https://, or is a path on this site starting with /.',
  },
  metricRequired: { zh: '指标类事项须选择一个指标。', en: 'A metric item needs a metric.' },
  targetRequired: { zh: '指标类事项须填写目标值。', en: 'A metric item needs a target.' },
  manualNoMetric: {
    zh: '人工勾选类事项不设指标、目标和拆分方式，完成情况由承办单位勾选并附说明。',
    en: 'A manual item has no metric, target or split: the assignee checks it off with evidence.',
  },
  weightsRequired: { zh: '按权重拆分须填写各子期间的权重。', en: 'A weighted split needs a weight for each sub-period.' },
  weightsOnlyWeighted: { zh: '只有按权重拆分时才填写权重。', en: 'Weights are only given with a weighted split.' },
  duplicateAssignee: { zh: '同一单位不能重复分派。', en: 'An organisation is listed twice.' },
  duplicateItem: { zh: '同一事项编号出现了两次。', en: 'The same item id appears twice.' },
  offsets: { zh: '提醒时间为 0–60 个工作日，不重复。', en: 'Reminder offsets are 0–60 working days, each at most once.' },
} as const satisfies Record<string, LocalizedText>;

export type PlanMessageKey = keyof typeof planMessages;

/** The message argument of a zod check whose text lives in `planMessages` (rendered by core). */
export const pmsg = defineMessages('plans', planMessages);
