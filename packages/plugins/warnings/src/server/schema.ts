/**
 * The warnings tables, all org-owned (row-level security by org path):
 * - `warnings_rules`: rules as data, owned by an org (a county or above) and applying to its
 *   subtree (plus one hidden row per built-in check, owned by the root: `calendar-check.ts`). Besides the usual scope policy, a second (read-only) policy lets the orgs below the
 *   owner read the rules that apply to them, so a county's evaluation sees the city's rules and
 *   a county admin sees why a warning was raised; only the owner's subtree may change them.
 * - `warnings_warnings`: one row per (rule, warned org, subject), owned by the warned org; the
 *   unique key is what makes re-evaluation (and concurrent evaluations) never duplicate.
 * - `warnings_steps`: the lifecycle history, append-only (a trigger in the migration refuses
 *   UPDATE and DELETE), owned like its warning.
 */
import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, pgPolicy, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { LocalizedText } from '@sifa/core';
import { orgColumns, orgScopePolicy, sifaAppRole } from '@sifa/core/db';
import {
  warningKinds,
  warningSeverities,
  warningStates,
  warningStepKinds,
  warningTargetLevels,
  type WarningAssignee,
  type WarningDocumentRef,
  type WarningEvidence,
  type WarningKind,
  type WarningOrgName,
  type WarningRuleKind,
} from '../types.js';
import type { WarningRuleParams } from '../schemas.js';

/** The parameters of a built-in check's own rule row (not a rule anybody lists, edits or deletes). */
export interface BuiltInCheckParams {
  kind: 'calendar-data';
}

export interface RuleLabels {
  metric?: { title: LocalizedText; unit: LocalizedText; aggregation: 'sum' | 'max' | 'min' } | undefined;
}

export const warningRules = pgTable(
  'warnings_rules',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ...orgColumns(),
    title: jsonb('title').$type<LocalizedText>().notNull(),
    kind: text('kind', { enum: warningKinds }).notNull(),
    params: jsonb('params').$type<WarningRuleParams | BuiltInCheckParams>().notNull(),
    /**
     * The named metric's title, unit and aggregation as the catalogue had them when the rule was
     * saved: scheduled evaluations (which get no catalogue) still word warnings properly.
     */
    labels: jsonb('labels').$type<RuleLabels>(),
    targetLevel: text('target_level', { enum: warningTargetLevels }).notNull(),
    severity: text('severity', { enum: warningSeverities }).notNull(),
    enabled: boolean('enabled').notNull().default(true),
    demo: boolean('demo').notNull().default(false),
    revision: integer('revision').notNull().default(0),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('warnings_rules_scope_idx').on(t.orgPath.op('text_pattern_ops')),
    orgScopePolicy('warnings_rules'),
    // Rules owned by an ancestor of the scope apply to it: readable (never writable) there.
    pgPolicy('warnings_rules_inherited_read', {
      as: 'permissive',
      for: 'select',
      to: sifaAppRole,
      using: sql`sifa_scope_path() LIKE org_path || '%'`,
    }),
  ],
).enableRLS();

export const warnings = pgTable(
  'warnings_warnings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ruleId: uuid('rule_id')
      .notNull()
      .references(() => warningRules.id),
    ...orgColumns(),
    orgName: jsonb('org_name').$type<WarningOrgName>().notNull(),
    /** The period, window month or record (`<source>:<id>`) the warning is about. */
    subject: text('subject').notNull(),
    kind: text('kind', { enum: warningKinds }).notNull(),
    severity: text('severity', { enum: warningSeverities }).notNull(),
    title: jsonb('title').$type<LocalizedText>().notNull(),
    summary: jsonb('summary').$type<LocalizedText>().notNull(),
    evidence: jsonb('evidence').$type<WarningEvidence>().notNull(),
    state: text('state', { enum: warningStates }).notNull(),
    conditionActive: boolean('condition_active').notNull().default(true),
    raisedAt: timestamp('raised_at', { withTimezone: true }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull(),
    clearedAt: timestamp('cleared_at', { withTimezone: true }),
    stateChangedAt: timestamp('state_changed_at', { withTimezone: true }).notNull(),
    respondBy: date('respond_by', { mode: 'string' }),
    /** How many levels above the manager it went; the org it went to last. */
    escalationLevel: integer('escalation_level').notNull().default(0),
    escalatedTo: text('escalated_to'),
    escalatedToName: jsonb('escalated_to_name').$type<WarningOrgName>(),
    assignee: jsonb('assignee').$type<WarningAssignee>(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closeReason: text('close_reason', { enum: ['handled', 'cleared'] }),
    stepCount: integer('step_count').notNull().default(0),
  },
  (t) => [
    uniqueIndex('warnings_warnings_subject_idx').on(t.ruleId, t.orgCode, t.subject),
    index('warnings_warnings_scope_idx').on(t.orgPath.op('text_pattern_ops'), t.state),
    index('warnings_warnings_due_idx').on(t.state, t.respondBy),
    orgScopePolicy('warnings_warnings'),
  ],
).enableRLS();

export interface StepDetail {
  text: string | null;
  respondBy: string | null;
  assignee: WarningAssignee | null;
  items: string[];
}

export const warningSteps = pgTable(
  'warnings_steps',
  {
    warningId: uuid('warning_id')
      .notNull()
      .references(() => warnings.id),
    seq: integer('seq').notNull(),
    ...orgColumns(),
    kind: text('kind', { enum: warningStepKinds }).notNull(),
    fromState: text('from_state', { enum: warningStates }),
    toState: text('to_state', { enum: warningStates }).notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    actorKind: text('actor_kind', { enum: ['user', 'system'] }).notNull(),
    actorId: text('actor_id').notNull(),
    actorName: text('actor_name').notNull(),
    note: text('note'),
    detail: jsonb('detail').$type<StepDetail>().notNull(),
    documents: jsonb('documents').$type<WarningDocumentRef[]>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.warningId, t.seq] }), index('warnings_steps_scope_idx').on(t.orgPath.op('text_pattern_ops')), orgScopePolicy('warnings_steps')],
).enableRLS();

export type StoredRuleRow = typeof warningRules.$inferSelect;
/** A rule (the rows of built-in checks left out). */
export type WarningRuleRow = StoredRuleRow & { kind: WarningRuleKind; params: WarningRuleParams };

export const isBuiltInKind = (kind: WarningKind): kind is 'calendar-data' => kind === 'calendar-data';

/** Rows of rules, not of built-in checks. */
export const isRule = (row: StoredRuleRow): row is WarningRuleRow => !isBuiltInKind(row.kind);
export type WarningRow = typeof warnings.$inferSelect;
export type WarningStepRow = typeof warningSteps.$inferSelect;
