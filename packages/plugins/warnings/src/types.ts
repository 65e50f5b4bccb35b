/**
 * The early-warnings (智慧预警) domain, declared once (browser-safe): the closed sets (severities,
 * states, actions, step and rule kinds) as constants with their types, and what the procedures
 * answer. The server's procedures return these types (so `WarningsApi`, inferred from the router,
 * carries them to `<sifa-warnings>` and integrators); inputs are the zod schemas' (schemas.ts).
 *
 * Rules are data: a kind with typed parameters, a severity and the level of the org tree they
 * warn (offices or counties), owned by an org and applying to its subtree. Evaluation raises one
 * warning per (rule, org, subject) — a period, a window or a record with a due date — and a
 * warning then follows a recorded lifecycle (lifecycle.ts):
 *
 *   raised → notice-issued → assigned → feedback-received → closed
 *   (escalated to the next level up when feedback is overdue; auto-closed when the condition
 *   cleared before anyone acted)
 */
import type { IssuedDocument, LocalizedText, MetricDefinition, OrgNode, SignalsService } from '@sifa/core';
import type { WarningRuleParams } from './schemas.js';

export const warningSeverities = ['info', 'warning', 'urgent'] as const;
export type WarningSeverity = (typeof warningSeverities)[number];

export const warningStates = ['raised', 'notice-issued', 'assigned', 'feedback-received', 'escalated', 'closed'] as const;
export type WarningState = (typeof warningStates)[number];

/** What a person may do to a warning (the system also raises, auto-closes, reopens and escalates), in lifecycle order. */
export const warningActions = ['notice', 'assign', 'respond', 'close'] as const;
export type WarningAction = (typeof warningActions)[number];

/** Every step of a warning's history, people's and the system's. */
export const warningStepKinds = ['raise', 'notice', 'assign', 'respond', 'close', 'escalate', 'auto-close', 'reopen'] as const;
export type WarningStepKind = (typeof warningStepKinds)[number];

/** The kinds of rules (their parameters: `WarningRuleParams`; what each measures: `warningRuleKinds` in the manifest module). */
export const warningRuleKindCodes = ['metric-threshold', 'metric-drop', 'diary-missing', 'plan-overdue', 'score-below', 'deadline-approaching'] as const;
export type WarningRuleKind = (typeof warningRuleKindCodes)[number];

/**
 * What raised a warning: a rule kind, or a built-in check of the plugin itself (`calendar-data`:
 * the holidays of this or next year are not loaded; one warning to the root org per year).
 */
export const warningKinds = [...warningRuleKindCodes, 'calendar-data'] as const;
export type WarningKind = (typeof warningKinds)[number];

/** Which orgs a rule warns: every judicial office or every county in its owner's subtree. */
export const warningTargetLevels = ['office', 'county'] as const;
export type WarningTargetLevel = (typeof warningTargetLevels)[number];

/** An org's name as the tree has it. */
export type WarningOrgName = OrgNode['name'];

export interface WarningRule {
  id: string;
  /** The owning org; the rule applies to its subtree. */
  orgCode: string;
  title: LocalizedText;
  targetLevel: WarningTargetLevel;
  severity: WarningSeverity;
  enabled: boolean;
  /** Shipped demo content (not an official standard). */
  demo: boolean;
  params: WarningRuleParams;
  /** Bumped on every change; send it back with an update (a stale one is refused). */
  revision: number;
  /** True when the caller may change or delete it (it is owned inside their scope). */
  editable: boolean;
  createdAt: string;
  updatedAt: string;
}

/** What a value was measured over and against, for the warning's text and documents. */
export interface WarningEvidence {
  /** The measured value: a total, a score, a drop in %, missing days, overdue days, days left. */
  value: number | null;
  /** The line it crossed. */
  line: number | null;
  unit: LocalizedText | null;
  /** The period (2026-06) or window (2026-06-01/2026-06-12) the value is for. */
  window: string | null;
  /** What it consists of: the missing days, the overdue or approaching record. */
  items: { id: string; label: LocalizedText; day: string | null }[];
}

/**
 * A document a step issued (the platform's document service: `title`, 文号 `number`, and
 * `downloadPath` below the Sifa endpoint, e.g. `/plugins/platform/documents/<id>`; downloads need
 * the caller's credentials).
 */
export type WarningDocumentRef = Pick<IssuedDocument, 'id' | 'template' | 'number' | 'title' | 'downloadPath'>;

export interface WarningAssignee {
  /** The office (or the warned org itself) the task goes to. */
  orgCode: string;
  orgName: WarningOrgName;
  /** The person responsible, as written by the assigner. */
  person: string | null;
}

export interface WarningStep {
  seq: number;
  kind: WarningStepKind;
  from: WarningState | null;
  to: WarningState;
  at: string;
  by: { kind: 'user' | 'system'; id: string; name: string };
  /** The step's own text: the notice's requirement, the task, the feedback, the advice. */
  text: string | null;
  /** A remark (why it was closed, what the system saw). */
  note: string | null;
  /** Feedback due by, when the step set it. */
  respondBy: string | null;
  assignee: WarningAssignee | null;
  /** Measures listed with feedback, rectification requirements listed with a notice. */
  items: string[];
  documents: WarningDocumentRef[];
}

export interface WarningSummary {
  id: string;
  ruleId: string;
  ruleKind: WarningKind;
  severity: WarningSeverity;
  /** The rule's title when the warning was raised. */
  title: LocalizedText;
  /** One sentence: what was measured against what. */
  summary: LocalizedText;
  /** The warned org. */
  orgCode: string;
  orgName: WarningOrgName;
  /** What the warning is about within the rule: a period, a window's month, a record (`<source>:<id>`). */
  subject: string;
  state: WarningState;
  /** False once an evaluation found the condition no longer met (a manager may then close it). */
  conditionActive: boolean;
  raisedAt: string;
  stateChangedAt: string;
  /** Feedback due by (YYYY-MM-DD) once a notice or an assignment asked for it. */
  respondBy: string | null;
  /** True when feedback is due and the day has passed. */
  overdue: boolean;
  /** The org the warning was escalated to (last), when it was. */
  escalatedTo: { orgCode: string; orgName: WarningOrgName } | null;
  closedAt: string | null;
  /** `cleared`: closed by the system because the condition cleared before anyone acted. */
  closeReason: 'handled' | 'cleared' | null;
  /** What the caller may do now. */
  actions: WarningAction[];
}

export interface WarningDetail extends WarningSummary {
  evidence: WarningEvidence;
  assignee: WarningAssignee | null;
  steps: WarningStep[];
}

export interface WarningList {
  warnings: WarningSummary[];
  /** How many match in all (the list may be cut at `limit`). */
  total: number;
  /** More match after this page: send it as `cursor` (same filters) for the next; null on the last page. */
  nextCursor: string | null;
  /** What the caller may do in general (show the evaluate button, the forms). */
  viewer: { orgCode: string; canManage: boolean; canRespond: boolean };
}

export interface WarningEvaluationResult {
  /** The day evaluated. */
  at: string;
  rules: number;
  evaluated: number;
  /** New warnings. */
  raised: number;
  /** Open warnings whose condition still holds. */
  stillOpen: number;
  /** Warnings whose condition cleared (auto-closed, or marked for a manager to close). */
  resolved: number;
  autoClosed: number;
  /** Auto-closed warnings whose condition came back. */
  reopened: number;
  escalated: number;
  /** Rules that could not be evaluated (a plugin they need is not installed, or it failed), and why. */
  notEvaluable: { ruleId: string; title: LocalizedText; reason: LocalizedText }[];
  /** Years of the window with no official holiday arrangement yet (weekends only were skipped). */
  calendarUncovered: number[];
  /**
   * Evaluations of the whole tree: years whose holidays must be loaded now (this year without
   * data, next year from 1 November), each warned once to the root org until the data arrives.
   */
  calendarMissing: number[];
}

/** The installed deadline sources and indicators (the platform's signals). */
type SignalCatalog = ReturnType<SignalsService['catalog']>;

/** Rule kinds, metrics, deadline sources and indicators a rule may name (what is installed). */
export interface WarningCatalog {
  kinds: { kind: WarningRuleKind; title: LocalizedText; description: LocalizedText }[];
  metrics: Pick<MetricDefinition, 'code' | 'title' | 'unit'>[];
  deadlineSources: SignalCatalog['deadlineSources'];
  indicators: SignalCatalog['indicators'];
}

/**
 * Details of the CONFLICT an illegal step gets (`error.data.details`): the warning's state and
 * the actions allowed from it, comma-separated.
 */
export interface WarningTransitionErrorDetails {
  warningId: string;
  state: WarningState;
  action: WarningAction;
  allowed: string;
}
