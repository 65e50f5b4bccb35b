/**
 * The correction plugin's tables, all org-owned (row-level security by org path: a row is the
 * office's that holds the person's case, visible to that office and the levels above it):
 * - `correction_profiles`: a person's conditions (the catalogue's 27 in the demo), one row per
 *   case, SEALED (`scoped.personalData`: health, psychological traits, addiction are sensitive);
 *   `revision` for optimistic concurrency;
 * - `correction_plans`: every plan generated for a case (the newest is `current`), with what is
 *   needed to recompute it: the catalogue id, version and digest, the profile revision and a
 *   sealed copy of the profile it came from, and the decision (measure, excluded and fired ids)
 *   to check the recomputation against; staff overrides and the measure → user assignments;
 * - `correction_tasks`: one task per measure and period for its responsible user, due on a
 *   working day; open → done | missed (| cancelled when a plan change drops the measure);
 * - `correction_evaluations`: the monthly evaluation of a person (counts, score, suggested class)
 *   and the staff's decision on it;
 * - `correction_executors`: who carries out a catalogue role (`responsible` of a measure) for an
 *   office, or for a county (`county-officer`): one account per org and role. Written in the
 *   caller's subtree only; read also from below (an office's plans need its county's officer).
 */
import { boolean, customType, date, index, integer, jsonb, pgPolicy, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { orgColumns, orgScopePolicy, sifaAppRole } from '@sifa/core/db';
import type { StaffOverride } from '../plan/plan.js';

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' });

/** A plan's decision: what a recomputation from the stored profile and catalogue must give again. */
export interface StoredDecision {
  measures: string[];
  excluded: string[];
  fired: string[];
}

/** Where a measure's assignee came from when staff did not choose one by hand. */
export interface RoutedAssignee {
  userId: string;
  by: 'mapping' | 'responsible' | 'creator';
}

export type ManagementClass = 'strict' | 'normal' | 'lenient';

export const correctionProfiles = pgTable(
  'correction_profiles',
  {
    /** The `correction.case` case of the person. */
    caseId: uuid('case_id').primaryKey(),
    ...orgColumns(),
    catalogueId: text('catalogue_id').notNull(),
    catalogueVersion: text('catalogue_version').notNull(),
    /** 1 on the first save, bumped by every save; a save naming another revision is refused. */
    revision: integer('revision').notNull(),
    /** The conditions as JSON, sealed with the server's field cipher: never in the clear. */
    sealed: bytea('sealed').notNull(),
    updatedBy: text('updated_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('correction_profiles_scope_idx').on(t.orgPath.op('text_pattern_ops')), orgScopePolicy('correction_profiles')],
).enableRLS();

export const correctionPlans = pgTable(
  'correction_plans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id').notNull(),
    ...orgColumns(),
    /** The case number, for task notifications (no personal data). */
    caseNumber: text('case_number').notNull(),
    /** The newest plan of the case; older ones stay, reproducible. */
    current: boolean('current').notNull(),
    catalogueId: text('catalogue_id').notNull(),
    catalogueVersion: text('catalogue_version').notNull(),
    /** sha256 of the catalogue's canonical JSON: the same id and version must mean the same rules. */
    catalogueDigest: text('catalogue_digest').notNull(),
    profileRevision: integer('profile_revision').notNull(),
    /** The profile the plan came from, sealed (the profile row moves on). */
    profileSealed: bytea('profile_sealed').notNull(),
    decision: jsonb('decision').$type<StoredDecision>().notNull(),
    overrides: jsonb('overrides').$type<StaffOverride[]>().notNull().default([]),
    /** Measure id → user id staff chose by hand (`plan.reassign`); wins over `routed`. */
    assignees: jsonb('assignees').$type<Record<string, string>>().notNull().default({}),
    /**
     * Measure id → the assignee resolved for a measure not reassigned by hand, and from where: the
     * executors mapping of its role, the file's responsible staff, or the plan's creator. Set at
     * generation (and for a measure staff add), moved when the mapping changes.
     */
    routed: jsonb('routed').$type<Record<string, RoutedAssignee>>().notNull().default({}),
    /** Bumped by every override, reassignment and apply. */
    revision: integer('revision').notNull().default(1),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('correction_plans_case_idx').on(t.caseId, t.createdAt),
    uniqueIndex('correction_plans_current_idx').on(t.caseId).where(sql`${t.current}`),
    index('correction_plans_scope_idx').on(t.orgPath.op('text_pattern_ops')),
    orgScopePolicy('correction_plans'),
  ],
).enableRLS();

export const correctionTasks = pgTable(
  'correction_tasks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => correctionPlans.id, { onDelete: 'cascade' }),
    caseId: uuid('case_id').notNull(),
    ...orgColumns(),
    caseNumber: text('case_number').notNull(),
    measureId: text('measure_id').notNull(),
    /** The measure's category (what the monthly evaluation counts as report-ins, visits, verifications). */
    category: text('category').notNull(),
    assignee: text('assignee').notNull(),
    /** First day of the period the task belongs to (the week's Monday, the month's 1st …). */
    periodStart: date('period_start', { mode: 'string' }).notNull(),
    /** 1..times within the period. */
    seq: integer('seq').notNull(),
    due: date('due', { mode: 'string' }).notNull(),
    status: text('status', { enum: ['open', 'done', 'missed', 'cancelled'] }).notNull().default('open'),
    doneOn: date('done_on', { mode: 'string' }),
    doneBy: text('done_by'),
    note: text('note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('correction_tasks_period_idx').on(t.caseId, t.measureId, t.periodStart, t.seq),
    index('correction_tasks_assignee_idx').on(t.assignee, t.status, t.due),
    index('correction_tasks_due_idx').on(t.status, t.due),
    index('correction_tasks_scope_idx').on(t.orgPath.op('text_pattern_ops')),
    orgScopePolicy('correction_tasks'),
  ],
).enableRLS();

export interface EvaluationCounts {
  tasksDue: number;
  tasksOnTime: number;
  tasksMissed: number;
  reportInsDue: number;
  reportInsDone: number;
  visitsDue: number;
  visitsDone: number;
  sanctions: number;
}

export interface EvaluationReason {
  /** A message key (`scoreBelow`, `sanctions` …) the widgets and `evaluationReasonText` localise. */
  code: string;
  params: Record<string, string | number>;
}

export const correctionEvaluations = pgTable(
  'correction_evaluations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id').notNull(),
    ...orgColumns(),
    caseNumber: text('case_number').notNull(),
    /** YYYY-MM. */
    month: text('month').notNull(),
    counts: jsonb('counts').$type<EvaluationCounts>().notNull(),
    score: integer('score').notNull(),
    currentClass: text('current_class').$type<ManagementClass>().notNull(),
    /** Null: keep the class. */
    suggestedClass: text('suggested_class').$type<ManagementClass>(),
    reasons: jsonb('reasons').$type<EvaluationReason[]>().notNull(),
    /** The thresholds it was computed with (local practice changes; the evaluation keeps its own). */
    thresholds: jsonb('thresholds').$type<Record<string, unknown>>().notNull(),
    status: text('status', { enum: ['none', 'pending', 'accepted', 'rejected'] }).notNull(),
    decidedBy: text('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decisionReason: text('decision_reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('correction_evaluations_month_idx').on(t.caseId, t.month), index('correction_evaluations_scope_idx').on(t.orgPath.op('text_pattern_ops')), orgScopePolicy('correction_evaluations')],
).enableRLS();

export const correctionExecutors = pgTable(
  'correction_executors',
  {
    /** The office (or, for `county-officer`, the county) the mapping is of. */
    ...orgColumns(),
    /** A catalogue role accounts carry: office-staff, county-officer, social-worker, psychologist. */
    role: text('role').notNull(),
    /** The account that carries it out. */
    userId: text('user_id').notNull(),
    updatedBy: text('updated_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orgCode, t.role] }),
    index('correction_executors_scope_idx').on(t.orgPath.op('text_pattern_ops')),
    orgScopePolicy('correction_executors'),
    // An office's plans resolve its county's officer: rows of the levels above are readable (never writable).
    pgPolicy('correction_executors_above', { as: 'permissive', for: 'select', to: sifaAppRole, using: sql`sifa_scope_path() LIKE org_path || '%'` }),
  ],
).enableRLS();
