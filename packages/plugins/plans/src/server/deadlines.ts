/**
 * The `plans.items` deadline source: open plan items (instances not yet done) with their due
 * dates, for the early-warnings plugin, which reads them through the platform's signals without
 * knowing this plugin's tables.
 */
import { and, asc, gte, isNull, lte } from 'drizzle-orm';
import type { Deadline, DeadlineSource, ScopedServices } from '@sifa/core';
import { inSubtree } from '@sifa/core/db';
import { measure } from './progress.js';
import { planInstances } from './schema.js';
import { periodLabel } from './templates.js';

/** Facts are counted over each plan's whole period (none exist beyond today): "done" needs no clock. */
const wholePeriod = '9999-12-31';

export function plansDeadlineSource(): DeadlineSource {
  return {
    code: 'plans.items',
    title: { zh: '工作计划事项', en: 'Work plan items' },
    async list(scoped: ScopedServices, range: { from: string; to: string }): Promise<Deadline[]> {
      const rows = await scoped.db
        .select()
        .from(planInstances)
        .where(and(inSubtree(planInstances.orgPath, scoped.actor.scope.orgPath), isNull(planInstances.checkedAt), gte(planInstances.due, range.from), lte(planInstances.due, range.to)))
        .orderBy(asc(planInstances.due), asc(planInstances.id));
      if (rows.length === 0) return [];
      // A metric whose plugin was removed must not hide the other deadlines: its items count as open.
      const measured = await measure({ facts: scoped.facts, scopePath: scoped.actor.scope.orgPath, today: wholePeriod, calendar: scoped.calendar, onFactsError: () => {} }, rows);
      return rows
        .filter((r) => !measured.get(r.id)!.progress.complete)
        .map((r) => ({
          source: 'plans.items',
          id: r.id,
          orgCode: r.orgCode,
          due: r.due,
          title: { zh: `${r.itemTitle}（${r.planTitle}）`, en: `${r.itemTitle} ("${r.planTitle}")` },
          basis: { zh: `工作计划《${r.planTitle}》（${periodLabel(r.period, false)}）`, en: `Work plan "${r.planTitle}" (${periodLabel(r.period, true)})` },
          entity: { kind: 'plans.instance', id: r.id },
        }));
    },
  };
}
