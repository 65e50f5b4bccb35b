/**
 * Dashboard entry points over the mediation plugin's own metrics (the case files), composed by the
 * statistics plugin. The diary's entry points of its group 人民调解 (`mediation-cases`,
 * `mediation-success-rate`) keep reading the diary's metrics, which the case files feed too; these
 * add what only case files know (failures, terminations, parties, amounts). They are listed under a
 * group of this plugin: the diary's `mediation` group exists only where the diary is installed, and
 * the mediation plugin runs without it. Browser-safe: plain data.
 */
import type { EntryPointDefinitionInput, EntryPointGroupInput, LocalizedText } from '@sifa/core';

const t = (zh: string, en: string): LocalizedText => ({ zh, en });

export const mediationEntryPointGroups: EntryPointGroupInput[] = [{ id: 'mediation-casework', title: t('人民调解案件', 'Mediation case files') }];

export const mediationEntryPoints: EntryPointDefinitionInput[] = [
  {
    id: 'mediation-case-outcomes',
    group: 'mediation-casework',
    title: t('调解案件办理', 'Mediation cases and outcomes'),
    description: t('受理的调解案件及其中协议生效、调解不成、终止调解的件数。', 'Cases registered, and agreements in effect, failures and terminations.'),
    metrics: ['mediation.cases', 'mediation.agreements', 'mediation.failed', 'mediation.terminated'],
    combine: 'each',
    chart: 'bar',
  },
  {
    id: 'mediation-case-success-rate',
    group: 'mediation-casework',
    title: t('调解案件成功率', 'Mediation cases: success rate'),
    description: t(
      '期间内受理的案件中调解成功（协议已生效）的百分比（按案卷统计，成功案件计入其受理日）。',
      'Of the cases registered in the period, the percentage whose agreement is in effect (from the case files; a success counts on the day its case was registered).',
    ),
    metrics: ['mediation.cases-agreed', 'mediation.cases'],
    combine: 'ratio',
    figureTitle: t('调解成功率', 'Success rate'),
    chart: 'line',
  },
  {
    id: 'mediation-case-parties',
    group: 'mediation-casework',
    title: t('调解案件当事人', 'Parties in mediation cases'),
    metrics: ['mediation.parties'],
    combine: 'each',
    chart: 'line',
  },
  {
    id: 'mediation-case-amount',
    group: 'mediation-casework',
    title: t('调解案件涉及金额', 'Amount involved in mediation cases'),
    description: t('登记时涉及的争议金额合计（元）。', 'The amounts in dispute at registration, added up (yuan).'),
    metrics: ['mediation.amount'],
    combine: 'each',
    chart: 'bar',
  },
];
