/**
 * Statistics of mediation cases (by dispute type, source, outcome and amount) within the caller's
 * scope and a period: the cases REGISTERED in the period, each with its outcome as of now. Read
 * through the engine's scoped list (`scoped.cases.list`: row-level security, the caller's subtree,
 * the type's list fields), 200 cases a page, so no query of this plugin reaches the platform's
 * tables. The dashboard's figures over time (agreements per month, …) are the facts' (entry points).
 */
import { periodRange, type CaseSummary, type ScopedServices } from '@sifa/core';
import { caseSources, disputeTypes, outcomeOf, outcomes } from '../case-type.js';
import type { MediationStatisticsInput } from '../schemas.js';
import type { MediationFigures, MediationStatistics } from '../types.js';

const pageSize = 200;

const t = (zh: string, en: string) => ({ zh, en });
const amountBands = [
  ['none', t('无涉及金额', 'No amount')],
  ['under-10k', t('1万元以下', 'Below 10 000 yuan')],
  ['10k-100k', t('1万至10万元', '10 000 to 100 000 yuan')],
  ['over-100k', t('10万元以上', 'Above 100 000 yuan')],
] as const;

const bandOf = (amount: number) => (amount <= 0 ? 'none' : amount < 10_000 ? 'under-10k' : amount <= 100_000 ? '10k-100k' : 'over-100k');

const emptyFigures = (): MediationFigures => ({ cases: 0, agreed: 0, failed: 0, terminated: 0, open: 0, amount: 0, successRate: null });

/** Money is added in fen (integers), so 0.1 + 0.2 stays 0.3. */
const addAmount = (figures: MediationFigures, amount: number) => {
  figures.amount = Math.round(figures.amount * 100 + amount * 100) / 100;
};

function count(figures: MediationFigures, row: CaseSummary, amount: number) {
  figures.cases += 1;
  figures[outcomeOf(row.state)] += 1;
  addAmount(figures, amount);
}

function finish(figures: MediationFigures): MediationFigures {
  const ended = figures.agreed + figures.failed + figures.terminated;
  figures.successRate = ended === 0 ? null : Math.round((figures.agreed / ended) * 1000) / 10;
  return figures;
}

/** Every case of the type registered in [from, to] in the subtree, page by page. */
async function* casesOf(scoped: ScopedServices, query: { orgCode?: string; openedFrom: string; openedTo: string }): AsyncGenerator<CaseSummary> {
  for (let offset = 0; ; offset += pageSize) {
    const { rows, total } = await scoped.cases.list('mediation.case', { ...query, status: 'all', limit: pageSize, offset });
    yield* rows;
    if (rows.length < pageSize || offset + rows.length >= total) return;
  }
}

export async function mediationStatistics(scoped: ScopedServices, input: MediationStatisticsInput): Promise<MediationStatistics> {
  const { from, to } = periodRange(input.period);
  // An org outside the caller's subtree answers OUT_OF_SCOPE (never whether it has cases).
  const org = input.orgCode ? await scoped.orgs.get(input.orgCode) : null;
  const total = emptyFigures();
  const byType = new Map(disputeTypes.map(([value]) => [value as string, emptyFigures()]));
  const bySource = new Map(caseSources.map(([value]) => [value as string, emptyFigures()]));
  const byOutcome = new Map(outcomes.map(([value]) => [value as string, { cases: 0, amount: 0 }]));
  const byAmount = new Map(amountBands.map(([value]) => [value as string, { cases: 0, amount: 0 }]));
  let overdue = 0;
  let awaitingConfirmation = 0;

  for await (const row of casesOf(scoped, { ...(org ? { orgCode: org.code } : {}), openedFrom: from, openedTo: to })) {
    const amount = typeof row.summary.amount === 'number' ? row.summary.amount : 0;
    count(total, row, amount);
    const type = byType.get(String(row.summary.disputeType));
    if (type) count(type, row, amount);
    const source = bySource.get(String(row.summary.source));
    if (source) count(source, row, amount);
    const outcome = byOutcome.get(outcomeOf(row.state))!;
    outcome.cases += 1;
    outcome.amount = Math.round(outcome.amount * 100 + amount * 100) / 100;
    const band = byAmount.get(bandOf(amount))!;
    band.cases += 1;
    band.amount = Math.round(band.amount * 100 + amount * 100) / 100;
    const deadline = row.nextDeadline;
    if (deadline?.code === 'mediation-period' && deadline.state === 'overdue') overdue += 1;
    if (deadline?.code === 'judicial-confirmation' && (deadline.state === 'running' || deadline.state === 'due-soon')) awaitingConfirmation += 1;
  }

  return {
    period: input.period,
    from,
    to,
    orgCode: org?.code ?? scoped.actor.scope.orgCode,
    total: finish(total),
    byDisputeType: disputeTypes.map(([value, title]) => ({ value, title, ...finish(byType.get(value)!) })),
    bySource: caseSources.map(([value, title]) => ({ value, title, ...finish(bySource.get(value)!) })),
    byOutcome: outcomes.map(([value, title]) => ({ value, title, ...byOutcome.get(value)! })),
    byAmount: amountBands.map(([value, title]) => ({ value, title, ...byAmount.get(value)! })),
    overdue,
    awaitingConfirmation,
  };
}
