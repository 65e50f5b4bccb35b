/**
 * The work plans' output and domain types (工作规划、提醒督办): what the procedures under `plans.`
 * return, written once here and used by the service (its return types) and by
 * `<sifa-plan-board>`. Types only, so a widget importing them pulls no schema library into the
 * page. Inputs are the zod schemas' input types (`schemas.ts`); the procedure map is `PlansApi`,
 * inferred from the router (`index.ts`).
 *
 * A plan (owner org, period, title) holds items; an item is a metric target (completion measured
 * from facts) or a manual task (a checkmark with evidence). Assigning an item to descendant orgs
 * makes one *instance* per assignee, with its own target split over the sub-periods (months of a
 * year or quarter plan, ISO weeks of a month plan) by working days of the Chinese calendar.
 */
import type { z } from 'zod';
import type { CalendarVersions, LocalizedText } from '@sifa/core';
import type { evidenceSchema, itemKindSchema, splitModeSchema } from './schemas.js';

export type PlanItemKind = z.output<typeof itemKindSchema>;

/** even: in proportion to the working days of each sub-period; weighted: by the given weights. */
export type PlanSplitMode = z.output<typeof splitModeSchema>;

/** What was done, and a reference to supporting material (a file name and where it is: https URL or a path on the Sifa server); stored as validated. */
export type PlanEvidence = z.output<typeof evidenceSchema>;

/** An org's name as the org tree has it. */
export interface PlanOrgName {
  zh: string;
  en?: string | undefined;
  mn?: string | undefined;
}

/** One sub-period of a split target. */
export interface PlanSubPeriod {
  /** `YYYY-MM` (a month of a year or quarter plan) or `YYYY-Www` (an ISO week of a month plan). */
  key: string;
  /** Its days inside the plan period and up to the due date (first and last, inclusive). */
  from: string;
  to: string;
  /** Working days in [from, to] by the Chinese calendar (holidays skipped, adjusted weekends counted). */
  workingDays: number;
  /** This sub-period's share: whole numbers that sum exactly to the target. */
  target: number;
  /** Milestone: the last working day of the sub-period; null when it has none (a holiday week). */
  due: string | null;
}

/** Something the user must know about a split, e.g. holidays not yet published for a year. */
export interface PlanCalendarWarning {
  code: 'calendar-uncovered';
  /** Years whose official holiday arrangement the calendar does not have: only weekends are skipped there. */
  years: number[];
  message: LocalizedText;
}

export interface PlanSplit {
  period: string;
  /** First day of the period. */
  from: string;
  due: string;
  target: number;
  mode: PlanSplitMode;
  subPeriods: PlanSubPeriod[];
  warnings: PlanCalendarWarning[];
  /** The calendar data the split was computed with: year → version (null: no data, weekends only). */
  calendarVersions: CalendarVersions;
}

/** not-started: the period has not begun; behind: below the milestones passed so far. */
export type PlanInstanceStatus = 'not-started' | 'on-track' | 'behind' | 'done' | 'overdue';

export interface PlanProgress {
  /** Metric items: the facts total of the assignee's subtree over the plan period so far; null for manual items or an unknown metric. */
  value: number | null;
  target: number | null;
  /** 0–100 (manual items: 0 or 100). */
  percent: number;
  /** Metric items: the sum of the milestones already passed; null for manual items. */
  expectedToDate: number | null;
  complete: boolean;
  status: PlanInstanceStatus;
  /** Calendar days past the due date while not complete, else 0. */
  daysOverdue: number;
  /** The day the progress was measured on (the server's today). */
  asOf: string;
}

/** A document issued with a reminder or escalation; download it signed in at `downloadPath`. */
export interface PlanDocumentRef {
  id: string;
  /** 文号, e.g. 红司督〔2026〕3号. */
  number: string;
  downloadPath: string;
}

/** A reminder before the due date (提醒): who was reminded, when, how. */
export interface PlanReminderEntry {
  kind: 'reminder';
  id: string;
  instanceId: string;
  /** When it was sent (ISO instant). */
  at: string;
  /** Working days before the due date this reminder is for (0: on the due date). */
  offset: number;
  /** The working day it was due to go out. */
  remindOn: string;
  /** The org reminded (the assignee). */
  orgCode: string;
  orgName: PlanOrgName;
  /** How: `in-app` (the notification feed and the platform's outer channels) and `letter` when a 提醒函 was issued. */
  channels: string[];
  notificationId: string | null;
  document: PlanDocumentRef | null;
}

/** A supervision (督办) after the due date, by the level above the assignee, then further up. */
export interface PlanEscalationEntry {
  kind: 'escalation';
  id: string;
  instanceId: string;
  at: string;
  /** 1: the assignee's parent; 2: its grandparent … */
  level: number;
  issuerOrgCode: string;
  issuerName: PlanOrgName;
  /** The org supervised (the assignee). */
  orgCode: string;
  orgName: PlanOrgName;
  daysOverdue: number;
  /** The date by which the assignee must report back (in the letter). */
  reportBy: string;
  /** Orgs notified with it (the assignee, the issuer, the levels supervised before). */
  notifiedOrgCodes: string[];
  document: PlanDocumentRef | null;
}

export type PlanTimelineEntry = PlanReminderEntry | PlanEscalationEntry;

export interface PlanCheck {
  checkedAt: string;
  checkedBy: { userId: string; displayName: string };
  evidence: PlanEvidence;
}

/** One assignee's share of an item. */
export interface PlanInstance {
  id: string;
  planId: string;
  itemId: string;
  orgCode: string;
  orgName: PlanOrgName;
  /** Metric items: this assignee's target; null for manual items. */
  target: number | null;
  due: string;
  /** Metric items: the target split over the sub-periods; null for manual items. */
  split: PlanSubPeriod[] | null;
  progress: PlanProgress;
  /** Manual items: the checkmark with its evidence, or null. */
  check: PlanCheck | null;
  /** True when the caller may check (or withdraw) it: a manual item of the caller's own org. */
  canCheck: boolean;
  /** Highest supervision level issued so far (0: none). */
  escalationLevel: number;
  /** Reminders and escalations, oldest first. */
  timeline: PlanTimelineEntry[];
}

export interface PlanMetricRef {
  code: string;
  title: LocalizedText;
  unit: LocalizedText;
}

export interface PlanItem {
  id: string;
  position: number;
  title: string;
  kind: PlanItemKind;
  metric: PlanMetricRef | null;
  /** Metric items: the default target of each assignee; null for manual items. */
  target: number | null;
  splitMode: PlanSplitMode | null;
  weights: Record<string, number> | null;
  due: string;
  /** The instances the caller can see (all of them for the plan's owner, the own subtree's for an assignee). */
  instances: PlanInstance[];
}

export interface PlanSummary {
  id: string;
  title: string;
  period: string;
  from: string;
  to: string;
  ownerOrgCode: string;
  ownerName: PlanOrgName;
  /** Demo content from the seed (the UI labels it). */
  demo: boolean;
  /** own: the plan belongs to the org viewed or below it; assigned: it came from above. */
  relation: 'own' | 'assigned';
  itemCount: number;
  /** Instances visible to the caller. */
  instanceCount: number;
  doneCount: number;
  overdueCount: number;
  /** Mean completion of the visible instances, 0–100. */
  percent: number;
  revision: number;
  updatedAt: string;
}

/** A plan moving to other calendar data (an import of holidays while the plan was open). */
export interface PlanCalendarChange {
  /** ISO instant. */
  at: string;
  /** The versions before; null when none were recorded (a plan made before versions were kept). */
  from: CalendarVersions | null;
  to: CalendarVersions;
}

/** Which calendar data a plan's splits and due dates are computed with, and how that changed. */
export interface PlanCalendarRecord {
  /**
   * Year → version (null: no data, weekends only). Open plans follow every import; a plan whose
   * period has ended keeps the versions it had, so its splits stay as they were.
   */
  versions: CalendarVersions;
  history: PlanCalendarChange[];
}

export interface PlanDetail extends PlanSummary {
  items: PlanItem[];
  warnings: PlanCalendarWarning[];
  calendar: PlanCalendarRecord;
  /** True when the caller may change the plan (plans.manage, and the owner is in the caller's scope). */
  canManage: boolean;
  asOf: string;
}

export interface PlanInstanceProgress {
  instanceId: string;
  itemId: string;
  orgCode: string;
  progress: PlanProgress;
}

export interface PlanOverdueItem {
  instanceId: string;
  planId: string;
  planTitle: string;
  period: string;
  itemId: string;
  itemTitle: string;
  kind: PlanItemKind;
  orgCode: string;
  orgName: PlanOrgName;
  ownerOrgCode: string;
  due: string;
  progress: PlanProgress;
  escalationLevel: number;
  lastEscalation: PlanEscalationEntry | null;
}
