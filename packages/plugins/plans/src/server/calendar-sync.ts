/**
 * Following a change of the working-day calendar (an administrator imported or corrected the
 * holidays of a year), inside the import's transaction, scoped to the root of the tree:
 *
 * - an OPEN plan (its period has not ended on the server's today) touching a changed year moves to
 *   the new versions: its splits, milestones and pending reminders are computed with the new data
 *   from now on (they are computed when read). The move is kept on the plan (`calendar_history`,
 *   shown as `PlanDetail.calendar`) and audited (`plans.calendar.adopt`, before/after versions);
 * - a plan whose period has ENDED keeps its recorded versions, so its split stays exactly what it
 *   was. One made before versions were recorded is pinned to the versions it was computed with
 *   until now (`plans.calendar.pin`).
 *
 * Due dates themselves are stored and stay as they are; reminders already sent are never re-sent.
 */
import { and, eq, gte, lte, or } from 'drizzle-orm';
import type { CalendarChangeContext, CalendarVersions, LocalizedText } from '@sifa/core';
import type { PlanCalendarChange } from '../types.js';
import { planInstances, plans } from './schema.js';
import { dayIn } from './jobs.js';

const sameVersions = (a: CalendarVersions, b: CalendarVersions) => {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((k) => (a[k] ?? null) === (b[k] ?? null));
};

export async function followCalendarChange(ctx: CalendarChangeContext, timeZone: string): Promise<{ summary: LocalizedText; counts: Record<string, number> }> {
  const s = ctx.scoped;
  const today = dayIn(timeZone, ctx.now);
  const touching = ctx.years.map((y) => and(lte(plans.periodFrom, `${y}-12-31`), gte(plans.periodTo, `${y}-01-01`)));
  const rows = touching.length
    ? await s.db
        .select({ id: plans.id, orgCode: plans.orgCode, periodFrom: plans.periodFrom, periodTo: plans.periodTo, versions: plans.calendarVersions, history: plans.calendarHistory })
        .from(plans)
        .where(or(...touching))
        .orderBy(plans.periodFrom, plans.id)
    : [];
  let adopted = 0;
  let kept = 0;
  let pinned = 0;
  const write = async (plan: (typeof rows)[number], versions: CalendarVersions, change: PlanCalendarChange | null, action: string) => {
    if (ctx.dryRun) return;
    await s.db
      .update(plans)
      .set({ calendarVersions: versions, ...(change ? { calendarHistory: [...plan.history, change] } : {}) })
      .where(eq(plans.id, plan.id));
    await s.db.update(planInstances).set({ calendarVersions: versions }).where(eq(planInstances.planId, plan.id));
    await s.audit.record({ action, orgCode: plan.orgCode, entity: 'plans_plans', entityId: plan.id, before: { calendarVersions: plan.versions }, after: { calendarVersions: versions } });
  };
  for (const plan of rows) {
    if (plan.periodTo >= today) {
      const next = ctx.calendar.versionsFor(plan.periodFrom, plan.periodTo);
      if (plan.versions && sameVersions(plan.versions, next)) continue;
      adopted += 1;
      await write(plan, next, { at: ctx.now.toISOString(), from: plan.versions, to: next }, 'plans.calendar.adopt');
    } else if (plan.versions) {
      kept += 1;
    } else {
      pinned += 1;
      await write(plan, ctx.previous.versionsFor(plan.periodFrom, plan.periodTo), null, 'plans.calendar.pin');
    }
  }
  const would = ctx.dryRun ? { zh: '将', en: 'would be ' } : { zh: '已', en: 'are ' };
  const ended = kept + pinned;
  ctx.log(`${ctx.dryRun ? 'would move' : 'moved'} ${adopted} open plan(s) to the new calendar data; ${ended} ended plan(s) keep theirs`);
  return {
    summary: {
      zh: `${adopted} 个未结束的计划${would.zh}按新的节假日安排重新拆分；${ended} 个已结束的计划保持原拆分。`,
      en: `Open plans ${would.en}split again with the new holidays: ${adopted}; ended plans keeping their split: ${ended}.`,
    },
    counts: { adopted, kept, pinned },
  };
}
