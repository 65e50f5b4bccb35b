/**
 * The warnings' facts, so the dashboard counts warnings like any other work: one
 * `warnings.raised` on the day a warning was raised and one `warnings.closed` on the day it was
 * closed, for the warned org, and one `warnings.raised-closed` on the day a since-closed warning
 * was raised (the close rate's numerator, a part of `warnings.raised`). They are re-derived from the warning whenever it changes (a
 * reopened warning loses its `closed` fact), one batch per evaluation.
 */
import { inArray } from 'drizzle-orm';
import type { FactInput, ScopedServices } from '@sifa/core';
import { warnings } from './schema.js';
import { dayIn } from './calendar-day.js';

export const warningMetrics = {
  raised: 'warnings.raised',
  closed: 'warnings.closed',
  raisedClosed: 'warnings.raised-closed',
} as const;

export async function recordWarningFacts(scoped: ScopedServices, ids: readonly string[], timeZone: string): Promise<void> {
  for (let i = 0; i < ids.length; i += 1_000) {
    const rows = await scoped.db
      .select({ id: warnings.id, orgCode: warnings.orgCode, state: warnings.state, raisedAt: warnings.raisedAt, closedAt: warnings.closedAt })
      .from(warnings)
      .where(inArray(warnings.id, ids.slice(i, i + 1_000)));
    await scoped.facts.recordMany(
      rows.map((w) => {
        const facts: FactInput[] = [{ orgCode: w.orgCode, day: dayIn(w.raisedAt, timeZone), metric: warningMetrics.raised, value: 1 }];
        if (w.state === 'closed' && w.closedAt) {
          facts.push({ orgCode: w.orgCode, day: dayIn(w.closedAt, timeZone), metric: warningMetrics.closed, value: 1 });
          facts.push({ orgCode: w.orgCode, day: facts[0]!.day, metric: warningMetrics.raisedClosed, value: 1 });
        }
        return { source: { kind: 'warnings.warning', id: w.id }, facts };
      }),
    );
  }
}
