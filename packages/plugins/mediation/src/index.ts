/**
 * @sifa/plugin-mediation, common half (browser-safe: no drizzle, no Node APIs): people's mediation
 * (人民调解) as a case type of the platform's casework engine. The manifest (permissions, the case
 * type, metrics, dashboard entry points, the agreement template, the diary item its cases
 * produce), the statistics input schema, and the types widgets and integrators use:
 * `MediationApi` (the procedures, inferred from the router: `mediation.cases.*` and
 * `mediation.statistics`) and `MediationStatistics`. The server half is `@sifa/plugin-mediation/server`;
 * the case files are shown by `<sifa-cases type="mediation.case">`.
 */
import { definePlugin, type ApiOf, type LocalizedText } from '@sifa/core';
import type { MediationRouter } from './server/router.js';
import { mediationCaseType } from './case-type.js';
import { mediationEntryPointGroups, mediationEntryPoints } from './entry-points.js';

export {
  mediationCaseType,
  disputeTypes,
  caseSources,
  outcomes,
  outcomeOf,
  extraSigners,
  type DisputeType,
  type CaseSource,
  type MediationOutcome,
  type MediationState,
  type MediationStep,
} from './case-type.js';
export { mediationEntryPoints, mediationEntryPointGroups } from './entry-points.js';
export { mediationStatisticsInputSchema, type MediationStatisticsInput } from './schemas.js';
export type * from './types.js';

const t = (zh: string, en: string): LocalizedText => ({ zh, en });
const unit = { cases: t('件', 'cases'), people: t('人', 'people'), yuan: t('元', 'yuan') } as const;

/**
 * The plugin's own metrics (facts recorded by the case type's steps, dated the day of the step;
 * `mediation.cases-agreed` on the day the case was registered, a cohort of `mediation.cases`, for
 * the success rate).
 */
export const mediationMetrics = [
  { code: 'mediation.cases', title: t('人民调解受理案件', 'Mediation cases registered'), unit: unit.cases },
  { code: 'mediation.agreements', title: t('人民调解协议生效', 'Mediation agreements in effect'), unit: unit.cases },
  {
    code: 'mediation.cases-agreed',
    title: t('人民调解案件调解成功（按受理日）', 'Mediation cases that reached an agreement (by day registered)'),
    unit: unit.cases,
    cohortOf: 'mediation.cases',
  },
  { code: 'mediation.failed', title: t('人民调解不成', 'Mediations failed'), unit: unit.cases },
  { code: 'mediation.terminated', title: t('人民调解终止', 'Mediations ended (a party refused or withdrew)'), unit: unit.cases },
  { code: 'mediation.parties', title: t('人民调解涉及当事人', 'Parties in mediation cases'), unit: unit.people },
  { code: 'mediation.amount', title: t('人民调解涉及金额', 'Amount involved in mediation cases'), unit: unit.yuan },
] as const;

export const mediationManifest = definePlugin({
  id: 'mediation',
  version: '0.1.0',
  core: '^0.1.0',
  title: { zh: '人民调解', en: 'People’s mediation' },
  description: {
    zh: '人民调解案卷：受理登记、调查、调解记录、调解协议书（签名盖章后生效）、回访、司法确认提醒、调解不成与终止；案件数据自动进入工作日志统计和数据大屏。',
    en: "People's mediation case files: registration, investigation, session records, the agreement (in effect once signed and sealed), follow-up, the judicial-confirmation reminder, failure and termination; the cases feed the diary's figures and the dashboard.",
  },
  permissions: [
    { name: 'mediation.read', title: { zh: '查看人民调解案卷', en: 'Read mediation case files' }, roles: ['city_admin', 'county_admin', 'office_staff'] },
    {
      // Offices take every step of their cases (each step's `roles`); a county admin may close and
      // file a case of its offices after review, nothing more.
      name: 'mediation.work',
      title: { zh: '办理人民调解案件', en: 'Work on mediation cases' },
      roles: ['county_admin', 'office_staff'],
    },
  ],
  contributes: {
    caseTypes: [mediationCaseType],
    metrics: [...mediationMetrics],
    documentTemplates: [{ code: 'mediation.agreement', title: { zh: '人民调解协议书', en: 'People’s mediation agreement' } }],
    entryPointGroups: mediationEntryPointGroups,
    entryPoints: mediationEntryPoints,
    // The diary's mediation item is produced by the case files: shown read-only there, never typed twice.
    derivedDiaryItems: [
      {
        item: 'diary.mediation',
        from: {
          zh: '来自调解案卷',
          en: 'From mediation case files',
          // DRAFT by a non-speaker (eblerekUlkU kereg-Un dangsa-aca, "from the mediation case files"), to be checked by a native speaker.
          mn: '\u1821\u182A\u182F\u1821\u1837\u1821\u182D\u1826\u182F\u182C\u1826 \u182C\u1821\u1837\u1821\u182D\u202F\u1826\u1828 \u1833\u1820\u1829\u1830\u1820\u202F\u1820\u1834\u1820',
        },
      },
    ],
  },
});

/** The procedures under `mediation.` (path → type, input, output), as the server serves them. */
export type MediationApi = ApiOf<MediationRouter, 'mediation'>;
