/**
 * The assessment plugin's own validation messages in every UI language, registered with core's
 * `defineMessages`: schemas carry a key, core's error path renders it in the reader's language.
 * Mongolian falls back to Chinese until a reviewed translation exists.
 */
import { defineMessages, type LocalizedText } from '@sifa/core';

export const assessmentMessages = {
  itemCode: {
    zh: '考核项代码为 1–40 位小写字母、数字或“-”，以字母或数字开头，例如 mediation-cases。',
    en: 'An item code is 1–40 lower-case letters, digits or "-", starting with a letter or digit, e.g. mediation-cases.',
  },
  duplicateItem: { zh: '考核项代码重复：每个考核项的代码在本标准中须唯一。', en: 'Duplicate item code: each item of a standard needs its own code.' },
  sixParts: {
    zh: '考核标准由六部分组成：基础工作、制度建设、重点工作、日常工作、突出表现（加分）、负面清单（扣分及否决），每部分恰好一次。',
    en: 'A standard has six parts, each exactly once: basic, institutional, key and daily work, outstanding performance (bonus) and the negative list.',
  },
  partPoints: { zh: '分值应为 0 至 1000 之间的数。', en: 'Points are a number from 0 to 1000.' },
  itemPoints: { zh: '考核项分值应大于 0 且不超过 1000。', en: 'An item has more than 0 and at most 1000 points.' },
  vetoPoints: { zh: '否决项本身不计分，分值应为 0。', en: 'A veto item has no points of its own: set its points to 0.' },
  negativeRule: {
    zh: '负面清单中的考核项只能是“按次扣分”或“一票否决”。',
    en: 'Items of the negative list deduct points per occurrence or veto; nothing else.',
  },
  positiveRule: {
    zh: '“按次扣分”和“一票否决”只能放在负面清单部分。',
    en: 'Deductions and vetoes belong to the negative list part.',
  },
  positiveNumber: { zh: '应为大于 0 的数。', en: 'Must be a number greater than 0.' },
  dueMonth: { zh: '截止月份应为 1 至 12。', en: 'The due month is 1 to 12.' },
  unknownMetric: {
    zh: '没有已安装的插件提供此指标，请从指标目录中选择。',
    en: 'No installed plugin provides this metric. Choose one from the metric catalogue.',
  },
  tooManyItems: { zh: '一个考核标准最多 200 个考核项。', en: 'A standard has at most 200 items.' },
  titleRequired: { zh: '请填写中文和英文标题。', en: 'Enter the title in Chinese and in English.' },
  fullMarks: {
    zh: '基础工作、制度建设、重点工作、日常工作四部分的分值合计应大于 0。',
    en: 'The four regular parts (basic, institutional, key, daily work) must have more than 0 points together.',
  },
  year: { zh: '年度应为 2000 至 2100 之间的四位年份。', en: 'The year is a four-digit year from 2000 to 2100.' },
} as const satisfies Record<string, LocalizedText>;

export type AssessmentMessageKey = keyof typeof assessmentMessages;

/** The message argument of a zod check whose text lives in `assessmentMessages` (rendered by core). */
export const amsg = defineMessages('assessment', assessmentMessages);
