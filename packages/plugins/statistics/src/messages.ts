/**
 * The statistics plugin's own validation messages in every UI language, registered with core's
 * `defineMessages`: schemas carry a key, core's error path renders it in the reader's language.
 * Mongolian falls back to Chinese until a reviewed translation exists.
 */
import { defineMessages, type LocalizedText } from '@sifa/core';

export const statisticsMessages = {
  entryId: {
    zh: '数据入口标识为小写字母、数字或“-”，以字母开头，例如 mediation-cases。',
    en: 'An entry point id is lower-case letters, digits and "-", starting with a letter, e.g. "mediation-cases".',
  },
  metrics: { zh: '一个数据入口包含 1 至 12 项指标。', en: 'An entry point shows 1 to 12 metrics.' },
  duplicateMetric: { zh: '同一数据入口中指标不能重复。', en: 'A metric appears only once in an entry point.' },
  ratioMetrics: {
    zh: '比率（ratio）入口须恰好包含两项指标：分子在前，分母在后。',
    en: 'A ratio entry point has exactly two metrics: the numerator first, then the denominator.',
  },
  figureTitle: {
    zh: '合计（sum）或比率（ratio）入口须填写合并后数值的标题 figureTitle。',
    en: 'A sum or ratio entry point needs figureTitle, the title of its single figure.',
  },
  limit: { zh: '每页条数应为 1 至 200 之间的整数。', en: 'The page size must be a whole number from 1 to 200.' },
  offset: { zh: '起始位置应为 0 至 1000000 之间的整数。', en: 'The offset must be a whole number from 0 to 1,000,000.' },
  format: { zh: '导出格式为 xlsx 或 csv。', en: 'The export format is xlsx or csv.' },
  locale: { zh: '导出语言为 zh、en 或 mn。', en: 'The export language is zh, en or mn.' },
  compare: { zh: '对比方式为 none、previous 或 year-ago。', en: 'The comparison is none, previous or year-ago.' },
} as const satisfies Record<string, LocalizedText>;

export type StatisticsMessageKey = keyof typeof statisticsMessages;

/** The message argument of a zod check whose text lives in `statisticsMessages` (rendered by core). */
export const smsg = defineMessages('statistics', statisticsMessages);
