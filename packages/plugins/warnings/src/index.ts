/**
 * @sifa/plugin-warnings, common half (browser-safe): the manifest of early warnings (智慧预警),
 * the domain types (types.ts), the zod schemas of rules and procedure inputs, the lifecycle
 * state machine, and `WarningsApi`, the procedure map inferred from the router, which
 * `<sifa-warnings>` (`./ui`) and integrators call the plugin with. The server half is
 * `@sifa/plugin-warnings/server`.
 */
import { definePlugin, type ApiOf, type EntryPointDefinitionInput, type LocalizedText } from '@sifa/core';
import type { WarningRuleKind } from './types.js';
import type { WarningsRouter } from './server/plugin.js';

export * from './types.js';
export * from './schemas.js';
export * from './lifecycle.js';
export { warningMessages, wmsg, type WarningMessageKey } from './messages.js';

/** The procedures of the warnings plugin (mounted under `warnings.`): path → { type, input, output }. */
export type WarningsApi = ApiOf<WarningsRouter, 'warnings'>;

const t = (zh: string, en: string): LocalizedText => ({ zh, en });

/** The rule kinds with what they measure, for editors and the catalogue. */
export const warningRuleKinds: readonly { kind: WarningRuleKind; title: LocalizedText; description: LocalizedText }[] = [
  {
    kind: 'metric-threshold',
    title: t('指标越线', 'Metric past a line'),
    description: t('某项指标在一个统计期内的合计低于（或高于）预警线。', "A metric's total for a period is below (or above) a line."),
  },
  {
    kind: 'metric-drop',
    title: t('指标环比下降', 'Metric drop against the previous period'),
    description: t('某项指标上一个完整统计期的合计比再上一期下降达到设定幅度。', "A metric's total for the last whole period fell by a set percentage against the period before."),
  },
  {
    kind: 'diary-missing',
    title: t('工作日志缺报', 'Diary days missing'),
    description: t('最近若干个工作日（按国家法定节假日和调休安排）中没有工作日志的天数超过允许值。', 'More of the last working days (official holidays and adjusted working days observed) have no diary entry than tolerated.'),
  },
  {
    kind: 'plan-overdue',
    title: t('计划事项逾期', 'Plan items overdue'),
    description: t('工作计划中的事项超过完成期限仍未完成。', 'An open item of a work plan is past its due date.'),
  },
  {
    kind: 'score-below',
    title: t('考核得分偏低', 'Score below a line'),
    description: t('考核得分等计算指标低于预警线。', 'An assessment score (or another computed indicator) is below a line.'),
  },
  {
    kind: 'deadline-approaching',
    title: t('法定期限临近', 'Statutory deadline approaching'),
    description: t('各业务模块登记的法定或规定期限即将届满或已经届满，事项仍未办结。', 'A statutory or set deadline that a business module records falls due soon (or has passed) and the matter is still open.'),
  },
];

export const warningDocumentTemplates = [
  { code: 'warnings.warning-slip', title: t('预警单', 'Warning slip') },
  { code: 'warnings.assignment-slip', title: t('交办单', 'Assignment slip') },
  { code: 'warnings.feedback-slip', title: t('反馈单', 'Feedback slip') },
  { code: 'warnings.rectification-notice', title: t('整改通知书', 'Rectification notice') },
  { code: 'warnings.advice-letter', title: t('工作建议书', 'Work advice letter') },
] as const;

/**
 * DEMO entry points over the warnings' own metrics (not an official statistics form),
 * contributed with the manifest and composed by the statistics plugin.
 */
export const warningsEntryPoints: EntryPointDefinitionInput[] = [
  {
    id: 'warnings',
    group: 'warnings',
    title: t('预警发出与办结', 'Warnings raised and closed'),
    metrics: ['warnings.raised', 'warnings.closed'],
    combine: 'each',
    chart: 'line',
  },
  {
    id: 'warnings-close-rate',
    group: 'warnings',
    title: t('预警办结率', 'Warning close rate'),
    description: t('期间内发出的预警中已办结的百分比。', 'Of the warnings raised in the period, the percentage closed since.'),
    metrics: ['warnings.raised-closed', 'warnings.raised'],
    combine: 'ratio',
    figureTitle: t('预警办结率', 'Close rate'),
    chart: 'line',
  },
];

export const warningsManifest = definePlugin({
  id: 'warnings',
  version: '0.1.0',
  core: '^0.1.0',
  title: { zh: '智慧预警', en: 'Early warnings' },
  description: {
    zh: '预警规则即数据：指标越线、环比下降、日志缺报、计划逾期、考核得分偏低、法定期限临近；定时与即时评估，预警单、交办单、反馈单全程留痕。',
    en: 'Warning rules as data (metric lines, drops, missing diary days, overdue plan items, low scores, approaching statutory deadlines), evaluated on schedule and on demand, with a recorded lifecycle and its documents.',
  },
  permissions: [
    {
      name: 'warnings.read',
      title: { zh: '查看预警', en: 'See warnings' },
      roles: ['city_admin', 'county_admin', 'office_staff'],
    },
    {
      // The levels that supervise: rules, notices, assignments, closing. An office never manages
      // the warnings about itself.
      name: 'warnings.manage',
      title: { zh: '管理预警规则并处置预警', en: 'Manage warning rules and handle warnings' },
      roles: ['city_admin', 'county_admin'],
    },
    {
      name: 'warnings.respond',
      title: { zh: '反馈本单位的预警', en: 'Answer warnings about one’s own org' },
      roles: ['city_admin', 'county_admin', 'office_staff'],
    },
  ],
  contributes: {
    // Counted for the dashboard (server/facts.ts): one per warning raised and one per warning closed,
    // on those days; and, for the close rate, one per closed warning on the day it was raised.
    metrics: [
      { code: 'warnings.raised', title: t('发出预警', 'Warnings raised'), unit: t('件', 'warnings') },
      { code: 'warnings.closed', title: t('办结预警', 'Warnings closed'), unit: t('件', 'warnings') },
      {
        code: 'warnings.raised-closed',
        title: t('已办结的预警（按发出日）', 'Warnings since closed (by day raised)'),
        unit: t('件', 'warnings'),
        cohortOf: 'warnings.raised',
      },
    ],
    documentTemplates: [...warningDocumentTemplates],
    entryPointGroups: [{ id: 'warnings', title: t('智慧预警', 'Early warnings') }],
    entryPoints: warningsEntryPoints,
  },
});
