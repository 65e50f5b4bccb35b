/**
 * The statistics plugin's own validation messages in every UI language, registered with core's
 * `defineMessages`: schemas carry a key, core's error path renders it in the reader's language.
 * Mongolian falls back to Chinese until a reviewed translation exists.
 */
import { defineMessages, type LocalizedText } from '@sifa/core';

export const statisticsMessages = {
  limit: { zh: '每页条数应为 1 至 200 之间的整数。', en: 'The page size must be a whole number from 1 to 200.' },
  offset: { zh: '起始位置应为 0 至 1000000 之间的整数。', en: 'The offset must be a whole number from 0 to 1,000,000.' },
  format: { zh: '导出格式为 xlsx 或 csv。', en: 'The export format is xlsx or csv.' },
  locale: { zh: '导出语言为 zh、en 或 mn。', en: 'The export language is zh, en or mn.' },
  compare: { zh: '对比方式为 none、previous 或 year-ago。', en: 'The comparison is none, previous or year-ago.' },
  month: { zh: '月份格式为 YYYY-MM，例如 2026-11。', en: 'The month is written YYYY-MM, e.g. 2026-11.' },
  reportFormat: { zh: '格式为 csv 或 json。', en: 'The format is csv or json.' },
  reportLocale: { zh: '名称语言为 zh 或 en。', en: 'The language of the names is zh or en.' },
} as const satisfies Record<string, LocalizedText>;

export type StatisticsMessageKey = keyof typeof statisticsMessages;

/** The message argument of a zod check whose text lives in `statisticsMessages` (rendered by core). */
export const smsg = defineMessages('statistics', statisticsMessages);
