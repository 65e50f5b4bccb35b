/**
 * The plugin's own validation messages in every UI language, registered with core's
 * `defineMessages`: schemas carry a key instead of a sentence, and core's error path renders it
 * in the reader's language (zod composes messages at parse time; the language is known only
 * when the error is shown). Mongolian falls back to Chinese until a reviewed translation exists.
 */
import { defineMessages, type LocalizedText } from '@sifa/core';

export const institutionMessages = {
  required: { zh: '此项必填。', en: 'This field is required.' },
  tooLong: { zh: '内容超出长度限制。', en: 'The text is too long.' },
  phone: {
    zh: '请填写中国大陆的固定电话或手机号码，例如 0476-8888888、13812345678 或 12348。',
    en: 'Enter a mainland China landline or mobile number, e.g. 0476-8888888, 13812345678 or 12348.',
  },
  lng: { zh: '经度应为数字，且在中国范围内（东经 73° 至 136°）。', en: 'The longitude must be a number within China (73° to 136° E).' },
  lat: { zh: '纬度应为数字，且在中国范围内（北纬 3° 至 54°）。', en: 'The latitude must be a number within China (3° to 54° N).' },
  time: { zh: '时间格式应为 HH:MM（24 小时制），例如 08:30。', en: 'Write times as HH:MM (24-hour clock), e.g. 08:30.' },
  closesAfterOpens: { zh: '结束时间应晚于开始时间。', en: 'The closing time must be after the opening time.' },
  weekdays: { zh: '星期应为 1（星期一）至 7（星期日），且不重复。', en: 'Days are 1 (Monday) to 7 (Sunday), each at most once.' },
  hours: {
    zh: '开放时间格式应为“星期 开始-结束”，多段用分号分隔，例如“1-5 08:30-17:30; 6 09:00-12:00”。',
    en: 'Write opening hours as "days opens-closes", several separated by semicolons, e.g. "1-5 08:30-17:30; 6 09:00-12:00".',
  },
  type: { zh: '没有此机构类型。可选：', en: 'There is no such institution type. Choose one of: ' },
  service: { zh: '没有此服务项目。可选：', en: 'There is no such service. Choose from: ' },
  url: {
    zh: '请填写以 https:// 或 http:// 开头的网址，或以 / 开头的站内路径。',
    en: 'Enter an address starting with https:// or http://, or a path on this site starting with /.',
  },
  id: { zh: '编号应为 UUID，例如 7c9e6679-7425-40de-944b-e07fc1f90ae7。', en: 'An id is a UUID, e.g. 7c9e6679-7425-40de-944b-e07fc1f90ae7.' },
  externalId: { zh: '外部编号为 1–100 个字符。', en: 'An external id is 1–100 characters.' },
  boolean: { zh: '请填写 true/false（或 是/否、1/0）。', en: 'Write true or false (or yes/no, 1/0).' },
  tooMany: { zh: '条目数量超出限制。', en: 'Too many entries.' },
} as const satisfies Record<string, LocalizedText>;

export type InstitutionMessageKey = keyof typeof institutionMessages;

/** The message argument of a zod check whose text lives in `institutionMessages` (rendered by core). */
export const imsg = defineMessages('institutions', institutionMessages);
