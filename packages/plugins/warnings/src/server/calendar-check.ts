/**
 * The built-in check "holiday data missing" (`calendar-data`): working days of a year without an
 * imported holiday arrangement are only Monday to Friday, so plan splits, reminders and rules that
 * count working days are wrong there. Every evaluation of the whole tree (the daily job, or an
 * administrator of the root evaluating) looks at the live calendar: this year without data, and
 * next year from 1 November on, each raise ONE warning to the root org (unique per year: the
 * subject `calendar:<year>`), which the root's administrators are told about once. When the data
 * arrives (`sifa calendar import`), the next evaluation closes it (`auto-close`, reason cleared).
 *
 * Warnings refer to a rule, so the check keeps one rule row of its own, owned by the root; it is
 * not a rule anybody lists, edits or deletes (`isRule`), and its warnings are not counted as work
 * facts on the dashboard.
 */
import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { LocalizedText, OrgNode, ScopedServices } from '@sifa/core';
import { warningRules, type StoredRuleRow } from './schema.js';
import { apply, type RuleCounts } from './evaluate.js';
import type { Finding } from './evaluators.js';

/** The check's own rule row (a fixed UUID, so every instance and every run finds the same one). */
export const calendarCheckRuleId = (() => {
  const h = createHash('sha256').update('warnings.builtin:calendar-data').digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
})();

const title: LocalizedText = { zh: '节假日数据缺失', en: 'Holiday data missing' };

export const calendarSubject = (year: number) => `calendar:${year}`;

function summaryOf(year: number): LocalizedText {
  return {
    zh: `${year}年的法定节假日和调休安排尚未导入，涉及该年的工作日（计划拆分、提醒、督办、预警）暂按周一至周五计算。国务院公布安排后，请根节点单位的管理员导入（sifa calendar import 或 platform.calendar.import）。`,
    en: `The public holidays and adjusted working days of ${year} are not loaded yet: working days in ${year} (plan splits, reminders, supervision, warnings) count Monday to Friday for now. Once the State Council publishes the arrangement, an administrator of the root org imports it (sifa calendar import, or platform.calendar.import).`,
  };
}

async function ruleRow(scoped: ScopedServices, root: OrgNode, now: Date): Promise<StoredRuleRow> {
  await scoped.db
    .insert(warningRules)
    .values({
      id: calendarCheckRuleId,
      orgCode: root.code,
      orgPath: root.path,
      title,
      kind: 'calendar-data',
      params: { kind: 'calendar-data' },
      labels: null,
      targetLevel: 'county',
      severity: 'warning',
      enabled: true,
      demo: false,
      createdBy: 'warnings',
      createdAt: now,
      updatedAt: now,
    })
    .onConflictDoNothing({ target: warningRules.id });
  const [row] = await scoped.db.select().from(warningRules).where(eq(warningRules.id, calendarCheckRuleId));
  return row!;
}

export interface CalendarCheckOutcome {
  /** Years warned about (no data, and needed now). */
  missing: number[];
  counts: RuleCounts;
}

/**
 * Runs the check when `root` is the root of the org tree (a subtree's evaluation leaves it to the
 * whole tree's); null otherwise.
 */
export async function checkCalendarData(scoped: ScopedServices, root: OrgNode, today: string, now: Date, timeZone: string): Promise<CalendarCheckOutcome | null> {
  if (root.parentCode !== null) return null;
  const rule = await ruleRow(scoped, root, now);
  const missing = scoped.calendar.missingYears(today);
  const findings: Finding[] = missing.map((year) => ({
    target: root,
    subject: calendarSubject(year),
    summary: summaryOf(year),
    evidence: { value: null, line: null, unit: null, window: String(year), items: [] },
  }));
  // Every calendar warning is looked at again: one whose year now has data has cleared.
  const counts = await apply(scoped, rule, root, findings, (w) => w.subject.startsWith('calendar:'), now, timeZone, false);
  const yearOf = new Map(findings.map((f) => [f.summary.zh, Number(f.evidence.window)]));
  for (const w of counts.raised) {
    const year = yearOf.get(w.summary.zh) ?? null;
    await scoped.notifications.send({
      to: { orgCode: root.code },
      kind: 'warnings.calendar-data',
      severity: 'warning',
      title: year ? { zh: `请导入${year}年节假日安排`, en: `Load the holidays of ${year}` } : title,
      body: w.summary,
      entity: { kind: 'warnings.warning', id: w.id },
      dedupKey: `warnings.calendar-data:${root.code}:${year ?? w.id}`,
    });
  }
  return { missing, counts };
}
