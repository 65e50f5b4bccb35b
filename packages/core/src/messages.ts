/**
 * Messages of Sifa Kit's own validation rules, in every UI language. Schemas carry a key
 * (`msg('orgCode')` → "§orgCode") instead of a sentence, because zod composes messages at
 * parse time while the reader's language is known only when the error is shown; the server's
 * error formatter and the widgets both render the key in the reader's locale.
 */
import type { LocalizedText } from './locale.js';

export const validationMessages = {
  orgCode: {
    zh: '单位代码应为 2、4、6、9 或 12 位的官方区划代码。',
    en: 'An organisation code is an official division code of 2, 4, 6, 9 or 12 digits.',
  },
  permissionName: {
    zh: '权限名称格式为“插件标识.操作”，小写，例如 diary.write。',
    en: 'A permission name is "<plugin id>.<action>" in lower case, e.g. "diary.write".',
  },
  metricCode: {
    zh: '指标代码格式为“插件标识.名称”，小写，例如 mediation.cases-closed。',
    en: 'A metric code is "<plugin id>.<name>" in lower case, e.g. "mediation.cases-closed".',
  },
  sourceKind: {
    zh: '来源类型格式为“插件标识.记录类型”，例如 diary.entry。',
    en: 'A source kind is "<plugin id>.<record type>", e.g. "diary.entry".',
  },
  contributionCode: {
    zh: '贡献项代码格式为“插件标识.名称”，小写。',
    en: 'A contribution code is "<plugin id>.<name>" in lower case.',
  },
  pluginId: {
    zh: '插件标识为 2–40 位小写字母、数字或“-”，以字母开头。',
    en: 'A plugin id is 2–40 characters of lower-case letters, digits and "-", starting with a letter.',
  },
  semver: {
    zh: '版本号应符合语义化版本，例如 1.2.0。',
    en: 'A version is semver, e.g. "1.2.0".',
  },
  isoDay: {
    zh: '日期格式应为 YYYY-MM-DD。',
    en: 'A date is written YYYY-MM-DD.',
  },
  fromAfterTo: {
    zh: '开始日期不能晚于结束日期。',
    en: '"from" must not be after "to".',
  },
  levelWithGrouping: {
    zh: '按层级分组（groupBy: level）时须指定层级 level，其他分组不能指定。',
    en: 'Give "level" exactly when grouping by level (groupBy: "level").',
  },
  period: {
    zh: '期间格式为年（2026）、季度（2026-Q3）或月（2026-07）。',
    en: 'A period is a year (2026), a quarter (2026-Q3) or a month (2026-07).',
  },
  diaryNumber: { zh: '请填写数字。', en: 'Enter a number.' },
  diaryWholeNumber: { zh: '请填写整数。', en: 'Enter a whole number.' },
  diaryNotNegative: { zh: '不能小于 0。', en: 'Must not be less than 0.' },
  diaryTooLarge: { zh: '数值超出允许范围。', en: 'The number is larger than allowed.' },
  diaryText: { zh: '请填写文字。', en: 'Enter text.' },
  diaryRequired: { zh: '此项必填。', en: 'This field is required.' },
  diaryTooLong: { zh: '内容超出长度限制。', en: 'The text is too long.' },
  diaryChoice: { zh: '请选择一个选项。', en: 'Choose one of the options.' },
  diaryTooManyFiles: { zh: '附件数量超出限制。', en: 'Too many attachments.' },
  diaryUnknownField: { zh: '包含此事项没有的字段。', en: 'Contains a field this item does not have.' },
  invalidValue: { zh: '此项填写有误。', en: 'This value is not valid.' },
  caseRequired: { zh: '此项必填。', en: 'This field is required.' },
  caseText: { zh: '请填写文字。', en: 'Enter text.' },
  caseTooLong: { zh: '内容超出长度限制。', en: 'The text is too long.' },
  caseNumber: { zh: '请填写数字。', en: 'Enter a number.' },
  caseWholeNumber: { zh: '请填写整数。', en: 'Enter a whole number.' },
  caseTooSmall: { zh: '数值小于允许的最小值。', en: 'The number is smaller than allowed.' },
  caseTooLarge: { zh: '数值超出允许范围。', en: 'The number is larger than allowed.' },
  caseDate: { zh: '日期格式应为 YYYY-MM-DD。', en: 'A date is written YYYY-MM-DD.' },
  caseBoolean: { zh: '请选择是或否。', en: 'Choose yes or no.' },
  caseChoice: { zh: '请选择一个给定的选项。', en: 'Choose one of the options.' },
  caseDuplicate: { zh: '同一项不能重复选择。', en: 'Each item may be chosen only once.' },
  caseTooManyItems: { zh: '数量超出限制。', en: 'Too many items.' },
  caseTooFewItems: { zh: '数量少于要求。', en: 'Too few items.' },
  caseParties: { zh: '请填写当事人。', en: 'Enter the parties.' },
  casePartyRole: { zh: '请选择当事人的身份。', en: "Choose the party's role." },
  casePartyName: { zh: '请填写当事人姓名或名称。', en: "Enter the party's name." },
  caseIdNumber: { zh: '身份证号码应为 18 位，且校验位正确。', en: 'An ID number has 18 characters with a correct check digit.' },
  casePhone: { zh: '电话号码应为 11 位手机号或带区号的固定电话。', en: 'A phone number is an 11-digit mobile number or a landline with its area code.' },
  caseSignatures: { zh: '请填写签名情况。', en: 'Enter the signatures.' },
  caseSigner: { zh: '签名人不是本案当事人或规定的签署人。', en: 'The signer is not a party of the case nor one of the required signers.' },
  caseSignedTwice: { zh: '同一签名人只能签署一次。', en: 'Each signer signs once.' },
  caseSignatureMissing: { zh: '尚有当事人或签署人未签名。', en: 'Not every party and required signer has signed.' },
  caseAttachment: { zh: '请选择本案已上传的附件。', en: "Choose files uploaded to the case." },
  caseDayInFuture: { zh: '日期不能晚于今天。', en: 'The day must not be after today.' },
  caseDayBeforeLast: { zh: '日期不能早于本案上一步骤的日期。', en: "The day must not be before the case's previous step." },
  caseUnknownField: { zh: '包含此步骤没有的字段。', en: 'Contains a field this step does not have.' },
  caseCheckReason: { zh: '此项审查提示需要注意：仍要办理的，请说明理由。', en: 'This check needs attention: to go ahead, give the reason.' },
  caseCheckUnknown: { zh: '此步骤没有这项审查提示。', en: 'This step has no such check.' },
  publicConsentChanged: { zh: '个人信息处理说明已更新，请刷新页面阅读并重新勾选同意。', en: 'The notice on personal information has changed: reload the page, read it and agree again.' },
  publicOfficeOnly: { zh: '请选择一个司法所（乡镇、街道）。', en: 'Choose a judicial office (township or street).' },
  entryPointId: {
    zh: '数据入口标识为小写字母、数字或“-”，以字母开头，例如 mediation-cases。',
    en: 'An entry point id is lower-case letters, digits and "-", starting with a letter, e.g. "mediation-cases".',
  },
  entryPointGroupId: {
    zh: '数据入口分组标识为小写字母、数字或“-”，以字母开头，例如 mediation。',
    en: 'An entry point group id is lower-case letters, digits and "-", starting with a letter, e.g. "mediation".',
  },
  entryPointMetrics: { zh: '一个数据入口包含 1 至 12 项指标。', en: 'An entry point shows 1 to 12 metrics.' },
  entryPointDuplicateMetric: { zh: '同一数据入口中指标不能重复。', en: 'A metric appears only once in an entry point.' },
  entryPointRatio: {
    zh: '比率（ratio）入口须恰好包含两项指标：分子在前，分母在后。',
    en: 'A ratio entry point has exactly two metrics: the numerator first, then the denominator.',
  },
  entryPointFigureTitle: {
    zh: '合计（sum）或比率（ratio）入口须填写合并后数值的标题 figureTitle。',
    en: 'A sum or ratio entry point needs figureTitle, the title of its single figure.',
  },
} as const satisfies Record<string, LocalizedText>;

export type ValidationMessageKey = keyof typeof validationMessages;

const marker = '§';

/** The message argument for a zod check whose text lives in the catalog. */
export function msg(key: ValidationMessageKey): string {
  return `${marker}${key}`;
}

/** Catalogs plugins registered with `defineMessages`, by namespace (the plugin id). */
const pluginCatalogs = new Map<string, Readonly<Record<string, LocalizedText>>>();

/**
 * A plugin's own validation messages, rendered in the reader's language by the same error path
 * as core's (`fieldIssuesOf`, so every procedure's VALIDATION_FAILED issues): returns the key
 * function to pass as a zod check's message, like `msg()`. `namespace` is the plugin id.
 */
export function defineMessages<const T extends Record<string, LocalizedText>>(namespace: string, catalog: T): (key: keyof T & string) => string {
  pluginCatalogs.set(namespace, catalog);
  return (key) => `${marker}${namespace}:${key}`;
}

/** The catalog text behind a `msg()` (or a plugin's `defineMessages`) key, or null when `message` is not one. */
export function catalogMessage(message: string): LocalizedText | null {
  if (!message.startsWith(marker)) return null;
  const key = message.slice(marker.length);
  const colon = key.indexOf(':');
  if (colon >= 0) return pluginCatalogs.get(key.slice(0, colon))?.[key.slice(colon + 1)] ?? null;
  return validationMessages[key as ValidationMessageKey] ?? null;
}
