/**
 * The plans tables, all org-owned (row-level security by org path):
 * - `plans_plans`: a plan, owned by the org that made it;
 * - `plans_items`: its items, owned like the plan;
 * - `plans_instances`: one per (item, assignee), owned by the ASSIGNEE, so an office sees its
 *   own share of a city plan and nothing else of it. What the assignee needs to know about the
 *   plan and the item (titles, period, metric, due date, split settings) is copied onto the
 *   instance when the owner saves, because the plan row above the assignee is not visible to it;
 * - `plans_reminders`: the reminder log (unique per instance and offset: a re-run never
 *   reminds twice), owned by the assignee;
 * - `plans_escalations`: the supervision (督办) log (unique per instance and level), owned by
 *   the assignee, so the assignee and every level above it see it.
 *
 * Splits and due dates are computed from the working-day calendar at the versions recorded on the
 * plan (`calendar_versions`, copied onto its instances): an import moves open plans to the new
 * version (`calendar_history` keeps each move); a plan whose period has ended keeps its versions,
 * so its split stays what it was. Null: recorded before versions were kept (the live calendar).
 */
import { boolean, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { CalendarVersions, LocalizedText } from '@sifa/core';
import type { PlanCalendarChange, PlanEvidence, PlanItemKind, PlanOrgName, PlanSplitMode } from '../types.js';
import { orgColumns, orgScopePolicy } from '@sifa/core/db';

export const plans = pgTable(
  'plans_plans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ...orgColumns(),
    ownerName: jsonb('owner_name').$type<PlanOrgName>().notNull(),
    period: text('period').notNull(),
    periodFrom: date('period_from', { mode: 'string' }).notNull(),
    periodTo: date('period_to', { mode: 'string' }).notNull(),
    title: text('title').notNull(),
    /** Demo content from the seed; the UI labels it. */
    demo: boolean('demo').notNull().default(false),
    /** Bumped by every change; a save naming an older revision is refused (CONFLICT). */
    revision: integer('revision').notNull().default(0),
    /** Calendar data the plan is split with: year → version (null: no data for the year). */
    calendarVersions: jsonb('calendar_versions').$type<CalendarVersions>(),
    /** Each move to other calendar data (a holiday import while the plan was open), oldest first. */
    calendarHistory: jsonb('calendar_history').$type<PlanCalendarChange[]>().notNull().default([]),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('plans_plans_scope_idx').on(t.orgPath.op('text_pattern_ops')), index('plans_plans_period_idx').on(t.periodFrom, t.periodTo), orgScopePolicy('plans_plans')],
).enableRLS();

export const planItems = pgTable(
  'plans_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    ...orgColumns(),
    position: integer('position').notNull(),
    title: text('title').notNull(),
    kind: text('kind', { enum: ['metric', 'manual'] }).$type<PlanItemKind>().notNull(),
    metric: text('metric'),
    metricTitle: jsonb('metric_title').$type<LocalizedText>(),
    metricUnit: jsonb('metric_unit').$type<LocalizedText>(),
    target: integer('target'),
    splitMode: text('split_mode', { enum: ['even', 'weighted'] }).$type<PlanSplitMode>(),
    weights: jsonb('weights').$type<Record<string, number>>(),
    due: date('due', { mode: 'string' }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('plans_items_plan_idx').on(t.planId, t.position), index('plans_items_scope_idx').on(t.orgPath.op('text_pattern_ops')), orgScopePolicy('plans_items')],
).enableRLS();

export const planInstances = pgTable(
  'plans_instances',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    itemId: uuid('item_id')
      .notNull()
      .references(() => planItems.id, { onDelete: 'cascade' }),
    /** The assignee. */
    ...orgColumns(),
    orgName: jsonb('org_name').$type<PlanOrgName>().notNull(),
    /** This assignee's own target, when it differs from the item's (metric items). */
    targetOverride: integer('target_override'),
    // Copied from the plan and the item at every save (the assignee cannot read those rows).
    ownerOrgCode: text('owner_org_code').notNull(),
    ownerOrgPath: text('owner_org_path').notNull(),
    ownerName: jsonb('owner_name').$type<PlanOrgName>().notNull(),
    planTitle: text('plan_title').notNull(),
    period: text('period').notNull(),
    periodFrom: date('period_from', { mode: 'string' }).notNull(),
    periodTo: date('period_to', { mode: 'string' }).notNull(),
    planDemo: boolean('plan_demo').notNull().default(false),
    planRevision: integer('plan_revision').notNull(),
    planUpdatedAt: timestamp('plan_updated_at', { withTimezone: true }).notNull(),
    /** The plan's calendar versions (the split of this share is computed with them). */
    calendarVersions: jsonb('calendar_versions').$type<CalendarVersions>(),
    itemPosition: integer('item_position').notNull(),
    itemTitle: text('item_title').notNull(),
    kind: text('kind', { enum: ['metric', 'manual'] }).$type<PlanItemKind>().notNull(),
    metric: text('metric'),
    metricTitle: jsonb('metric_title').$type<LocalizedText>(),
    metricUnit: jsonb('metric_unit').$type<LocalizedText>(),
    /** The item's target (the instance's unless `targetOverride`). */
    itemTarget: integer('item_target'),
    splitMode: text('split_mode', { enum: ['even', 'weighted'] }).$type<PlanSplitMode>(),
    weights: jsonb('weights').$type<Record<string, number>>(),
    due: date('due', { mode: 'string' }).notNull(),
    // Manual items: the checkmark.
    checkedAt: timestamp('checked_at', { withTimezone: true }),
    checkedBy: text('checked_by'),
    checkedByName: text('checked_by_name'),
    evidence: jsonb('evidence').$type<PlanEvidence>(),
    /** Highest supervision level issued (0: none) and when; `escalationClosed` once the top of the chain was reached. */
    escalationLevel: integer('escalation_level').notNull().default(0),
    lastEscalatedOn: date('last_escalated_on', { mode: 'string' }),
    escalationClosed: boolean('escalation_closed').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('plans_instances_item_org_idx').on(t.itemId, t.orgCode),
    index('plans_instances_plan_idx').on(t.planId),
    index('plans_instances_due_idx').on(t.due),
    index('plans_instances_scope_idx').on(t.orgPath.op('text_pattern_ops')),
    orgScopePolicy('plans_instances'),
  ],
).enableRLS();

export const planReminders = pgTable(
  'plans_reminders',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    instanceId: uuid('instance_id')
      .notNull()
      .references(() => planInstances.id, { onDelete: 'cascade' }),
    /** The assignee reminded. */
    ...orgColumns(),
    offsetDays: integer('offset_days').notNull(),
    remindOn: date('remind_on', { mode: 'string' }).notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull(),
    channels: jsonb('channels').$type<string[]>().notNull(),
    notificationId: text('notification_id'),
    documentId: text('document_id'),
    documentNumber: text('document_number'),
    documentPath: text('document_path'),
  },
  (t) => [
    uniqueIndex('plans_reminders_once_idx').on(t.instanceId, t.offsetDays),
    index('plans_reminders_scope_idx').on(t.orgPath.op('text_pattern_ops')),
    orgScopePolicy('plans_reminders'),
  ],
).enableRLS();

export const planEscalations = pgTable(
  'plans_escalations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    instanceId: uuid('instance_id')
      .notNull()
      .references(() => planInstances.id, { onDelete: 'cascade' }),
    /** The assignee supervised. */
    ...orgColumns(),
    level: integer('level').notNull(),
    issuerOrgCode: text('issuer_org_code').notNull(),
    issuerName: jsonb('issuer_name').$type<PlanOrgName>().notNull(),
    issuedOn: date('issued_on', { mode: 'string' }).notNull(),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull(),
    daysOverdue: integer('days_overdue').notNull(),
    reportBy: date('report_by', { mode: 'string' }).notNull(),
    notifiedOrgCodes: jsonb('notified_org_codes').$type<string[]>().notNull(),
    documentId: text('document_id'),
    documentNumber: text('document_number'),
    documentPath: text('document_path'),
  },
  (t) => [
    uniqueIndex('plans_escalations_once_idx').on(t.instanceId, t.level),
    index('plans_escalations_scope_idx').on(t.orgPath.op('text_pattern_ops')),
    orgScopePolicy('plans_escalations'),
  ],
).enableRLS();

export type PlanRow = typeof plans.$inferSelect;
export type PlanItemRow = typeof planItems.$inferSelect;
export type PlanInstanceRow = typeof planInstances.$inferSelect;
export type PlanReminderRow = typeof planReminders.$inferSelect;
export type PlanEscalationRow = typeof planEscalations.$inferSelect;
