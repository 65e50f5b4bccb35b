/**
 * What the correction PLANS part declares in the manifest: permissions, typed errors, metrics
 * (counts only, no personal data) and the dashboard entry points showing rates per person.
 * Kept apart from the manifest so the case types' declarations and these merge by hand easily.
 * Browser-safe: plain data.
 */
import { z } from 'zod';
import type { EntryPointDefinitionInput, EntryPointGroupInput, LocalizedText, MetricDefinition, PluginManifestInput } from '@sifa/core';

const t = (zh: string, en: string, mn?: string): LocalizedText => (mn ? { zh, en, mn } : { zh, en });

export const correctionPlanPermissions: NonNullable<PluginManifestInput['permissions']> = [
  { name: 'correction.plans.read', title: t('查看矫正方案与任务', 'Read correction plans and tasks'), roles: ['city_admin', 'county_admin', 'office_staff'] },
  { name: 'correction.plans.manage', title: t('制定和调整矫正方案、评估', 'Make and adjust correction plans, decide evaluations'), roles: ['county_admin', 'office_staff'] },
  { name: 'correction.tasks.work', title: t('办理矫正任务', 'Carry out correction tasks'), roles: ['county_admin', 'office_staff'] },
];

export const correctionPlanErrors = {
  /** A profile saved against an older revision (someone else changed it meanwhile). */
  profileRevisionConflict: { code: 'CONFLICT', details: z.object({ caseId: z.string(), revision: z.int(), currentRevision: z.int() }) },
  /** An override or reassignment against an older revision of the plan. */
  planRevisionConflict: { code: 'CONFLICT', details: z.object({ planId: z.string(), revision: z.int(), currentRevision: z.int() }) },
  /** `plan.apply` of a preview that no longer matches (profile, plan or catalogue changed since). */
  previewStale: { code: 'CONFLICT', details: z.object({ caseId: z.string(), previewHash: z.string(), currentHash: z.string() }) },
  /** The case has no profile yet (generate needs one). */
  profileMissing: { code: 'NOT_FOUND', details: z.object({ caseId: z.string() }) },
  /** The case has no plan yet. */
  planMissing: { code: 'NOT_FOUND', details: z.object({ caseId: z.string() }) },
  /** A stored plan names a catalogue version this server no longer lists, or its recomputation differs. */
  planNotReproducible: { code: 'CONFLICT', details: z.object({ planId: z.string(), catalogue: z.string(), problem: z.string() }) },
  /** An override names a measure the catalogue does not have. */
  unknownMeasure: { code: 'VALIDATION_FAILED', details: z.object({ measureId: z.string(), catalogue: z.string() }) },
  /** A task already done, missed or cancelled. */
  taskClosed: { code: 'CONFLICT', details: z.object({ taskId: z.string(), status: z.string() }) },
  /** `executors.set`: the account is not of the org the mapping is of, nor of a level above it. */
  executorOutOfReach: { code: 'VALIDATION_FAILED', details: z.object({ userId: z.string(), orgCode: z.string() }) },
  /** `executors.set`: `county-officer` is mapped per county, the other roles per office. */
  executorWrongLevel: { code: 'VALIDATION_FAILED', details: z.object({ role: z.string(), orgCode: z.string(), level: z.string() }) },
  /** An evaluation already accepted or rejected, or one without a suggestion. */
  evaluationClosed: { code: 'CONFLICT', details: z.object({ evaluationId: z.string(), status: z.string() }) },
} as const;

export const correctionPlanMetrics: MetricDefinition[] = [
  { code: 'correction.person-days', title: t('在矫人数（人日）', 'Persons under correction (person-days)', 'ᠵᠠᠰᠠᠯ ᠳᠤ ᠪᠠᠢᠭ᠎ᠠ ᠬᠦᠮᠦᠨ'), unit: t('人日', 'person-days'), aggregation: 'sum' },
  {
    code: 'correction.out-of-supervision',
    title: t('脱管（人日）', 'Out of supervision (person-days)'),
    unit: t('人日', 'person-days'),
    aggregation: 'sum',
    cohortOf: 'correction.person-days',
  },
  { code: 'correction.missed-intake', title: t('漏管（人日）', 'Not taken into supervision (person-days)'), unit: t('人日', 'person-days'), aggregation: 'sum', cohortOf: 'correction.person-days' },
  { code: 'correction.reoffences', title: t('再犯罪', 'Reoffences'), unit: t('人', 'persons'), aggregation: 'sum', cohortOf: 'correction.person-days' },
  { code: 'correction.verifications-due', title: t('应核查', 'Verifications due'), unit: t('次', 'times'), aggregation: 'sum' },
  { code: 'correction.verifications-done', title: t('按期核查', 'Verifications done on time'), unit: t('次', 'times'), aggregation: 'sum', cohortOf: 'correction.verifications-due' },
  { code: 'correction.tasks-due', title: t('到期矫正任务', 'Correction tasks due'), unit: t('项', 'tasks'), aggregation: 'sum' },
  { code: 'correction.tasks-on-time', title: t('按期完成的矫正任务', 'Correction tasks done on time'), unit: t('项', 'tasks'), aggregation: 'sum', cohortOf: 'correction.tasks-due' },
];

/**
 * The module's own group `correction` (the diary's counts of visits and talks are its group
 * `correction-diary`): rates per person, so offices of different sizes compare.
 */
export const correctionPlanEntryPointGroups: EntryPointGroupInput[] = [{ id: 'correction', title: t('社区矫正', 'Community correction', 'ᠨᠡᠶᠢᠭᠡᠮ ᠳᠦ ᠵᠠᠰᠠᠬᠤ') }];

const perPerson = t('按在矫人日计算（每人每天计一次）：人数多少不同的司法所之间可以比较。', 'Per person-day under correction (each person once a day), so offices of different sizes compare.');

export const correctionPlanEntryPoints: EntryPointDefinitionInput[] = [
  {
    id: 'correction-out-of-supervision-rate',
    group: 'correction',
    title: t('脱管率', 'Out-of-supervision rate'),
    description: perPerson,
    metrics: ['correction.out-of-supervision', 'correction.person-days'],
    combine: 'ratio',
    figureTitle: t('脱管率（应为0）', 'Out of supervision (should be 0)'),
    chart: 'line',
  },
  {
    id: 'correction-missed-intake-rate',
    group: 'correction',
    title: t('漏管率', 'Not-taken-in rate'),
    description: perPerson,
    metrics: ['correction.missed-intake', 'correction.person-days'],
    combine: 'ratio',
    figureTitle: t('漏管率（应为0）', 'Not taken in (should be 0)'),
    chart: 'line',
  },
  {
    id: 'correction-reoffence-rate',
    group: 'correction',
    title: t('再犯罪率', 'Reoffence rate'),
    description: perPerson,
    metrics: ['correction.reoffences', 'correction.person-days'],
    combine: 'ratio',
    figureTitle: t('再犯罪率', 'Reoffence rate'),
    chart: 'line',
  },
  {
    id: 'correction-verification-rate',
    group: 'correction',
    title: t('核查按期完成率', 'Verifications done on time'),
    description: t('到期的核查中按期完成的百分比（计入到期日）。', 'Of the verifications due, the percentage done by their due day (counted on the due day).'),
    metrics: ['correction.verifications-done', 'correction.verifications-due'],
    combine: 'ratio',
    figureTitle: t('核查完成率', 'Verification rate'),
    chart: 'bar',
  },
  {
    id: 'correction-task-rate',
    group: 'correction',
    title: t('矫正任务按期完成率', 'Correction tasks done on time'),
    description: t('到期的矫正措施任务中按期完成的百分比（计入到期日）。', 'Of the measure tasks due, the percentage done by their due day (counted on the due day).'),
    metrics: ['correction.tasks-on-time', 'correction.tasks-due'],
    combine: 'ratio',
    figureTitle: t('按期完成率', 'On-time rate'),
    chart: 'bar',
  },
];
