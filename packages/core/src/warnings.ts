/**
 * The early-warnings (智慧预警) contract: what `<sifa-warnings>` reads and calls, and what the
 * warnings plugin serves under `warnings.`. Types only (no zod), so the widget pulls no schema
 * library into the page; the plugin validates with zod and its tests check that it serves
 * exactly these types.
 *
 * Rules are data: a kind with typed parameters, a severity and the level of the org tree they
 * warn (offices or counties), owned by an org and applying to its subtree. Evaluation raises one
 * warning per (rule, org, subject) — a period, a window or a record with a due date — and a
 * warning then follows a recorded lifecycle:
 *
 *   raised → notice-issued → assigned → feedback-received → closed
 *   (escalated to the next level up when feedback is overdue; auto-closed when the condition
 *   cleared before anyone acted)
 */
import type { LocalizedText } from './locale.js';
import type { OrgNode } from './org.js';

export type WarningSeverity = 'info' | 'warning' | 'urgent';

export type WarningState = 'raised' | 'notice-issued' | 'assigned' | 'feedback-received' | 'escalated' | 'closed';

/** What a person may do to a warning (the system also raises, auto-closes, reopens and escalates). */
export type WarningAction = 'notice' | 'assign' | 'respond' | 'close';

/** Every step of a warning's history, people's and the system's. */
export type WarningStepKind = 'raise' | 'notice' | 'assign' | 'respond' | 'close' | 'escalate' | 'auto-close' | 'reopen';

export type WarningRuleKind = 'metric-threshold' | 'metric-drop' | 'diary-missing' | 'plan-overdue' | 'score-below' | 'deadline-approaching';

/**
 * What raised a warning: a rule kind, or a built-in check of the plugin itself (`calendar-data`:
 * the holidays of this or next year are not loaded; one warning to the root org per year).
 */
export type WarningKind = WarningRuleKind | 'calendar-data';

/** Which orgs a rule warns: every judicial office or every county in its owner's subtree. */
export type WarningTargetLevel = 'office' | 'county';

export type WarningPeriodKind = 'month' | 'quarter' | 'year';

/** `completed`: the last whole period before the evaluation day; `current`: the period containing it (so far). */
export type WarningPeriodOf = 'completed' | 'current';

/** The typed parameters of each rule kind (`kind` tells them apart). */
export type WarningRuleParams =
  /** A metric's total for the period is below (or above) a line. */
  | { kind: 'metric-threshold'; metric: string; period: WarningPeriodKind; periodOf: WarningPeriodOf; comparison: 'below' | 'above'; threshold: number }
  /** A metric's total for the last completed period fell by `dropPercent` % or more against the period before. */
  | { kind: 'metric-drop'; metric: string; period: WarningPeriodKind; dropPercent: number; minPrevious: number }
  /** More than `toleratedDays` of the last `windowWorkingDays` working days (Chinese calendar) have no diary entry. */
  | { kind: 'diary-missing'; windowWorkingDays: number; toleratedDays: number }
  /** An open deadline of `source` (default `plans.items`) is overdue by more than `graceDays` days. */
  | { kind: 'plan-overdue'; source: string; graceDays: number; lookbackDays: number }
  /** An indicator (default `assessment.total-score`) of the period is below a line. */
  | { kind: 'score-below'; indicator: string; period: WarningPeriodKind; periodOf: WarningPeriodOf; threshold: number }
  /** An open deadline of `sources` (empty: every installed source) falls due within `withinWorkingDays` working days, or is past due. */
  | { kind: 'deadline-approaching'; sources: string[]; withinWorkingDays: number; lookbackDays: number };

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

export interface WarningRuleInput {
  /** Owning org (a county or above, in the caller's scope); the caller's own org when absent. */
  orgCode?: string | undefined;
  title: LocalizedText;
  targetLevel: WarningTargetLevel;
  severity: WarningSeverity;
  enabled?: boolean | undefined;
  params: WarningRuleParams;
}

export interface WarningRuleUpdateInput extends WarningRuleInput {
  id: string;
  /** The revision the editor started from. */
  revision: number;
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

export interface WarningDocumentRef {
  id: string;
  template: string;
  /** 文号. */
  number: string;
  title: string;
  /** Below the Sifa endpoint, e.g. `/plugins/platform/documents/<id>`; downloads need the caller's credentials. */
  downloadPath: string;
}

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

export interface WarningListInput {
  /** Only this org's subtree (within the caller's scope). */
  orgCode?: string | undefined;
  /** open (default): every state but closed. */
  status?: 'open' | 'closed' | 'all' | undefined;
  severity?: WarningSeverity | undefined;
  /** At most this many, most severe and oldest first (default 50, at most 200). */
  limit?: number | undefined;
}

export interface WarningList {
  warnings: WarningSummary[];
  /** How many match in all (the list may be cut at `limit`). */
  total: number;
  /** What the caller may do in general (show the evaluate button, the forms). */
  viewer: { orgCode: string; canManage: boolean; canRespond: boolean };
}

export interface WarningEvaluationInput {
  /** Only targets in this org's subtree (within the caller's scope). */
  orgCode?: string | undefined;
  /** The day to evaluate for (YYYY-MM-DD); today in the server's time zone when absent. */
  at?: string | undefined;
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

export interface WarningNoticeInput {
  id: string;
  /** What the warned org must do (printed on the 预警单). */
  requirement: string;
  /** Feedback due by (YYYY-MM-DD); the plugin's default number of working days when absent. */
  respondBy?: string | undefined;
  /** Also issue a 整改通知书 with these rectification requirements. */
  rectification?: { requirements: string[]; basis?: string | undefined } | undefined;
  note?: string | undefined;
}

export interface WarningAssignInput {
  id: string;
  /** The warned org or an org below it. */
  orgCode: string;
  person?: string | undefined;
  task: string;
  respondBy?: string | undefined;
  note?: string | undefined;
}

export interface WarningRespondInput {
  id: string;
  /** What was found and done (printed on the 反馈单). */
  text: string;
  measures?: string[] | undefined;
}

export interface WarningCloseInput {
  id: string;
  note?: string | undefined;
  /** Also issue a 工作建议书 with this advice. */
  advice?: string | undefined;
}

/** Rule kinds, metrics, deadline sources and indicators a rule may name (what is installed). */
export interface WarningCatalog {
  kinds: { kind: WarningRuleKind; title: LocalizedText; description: LocalizedText }[];
  metrics: { code: string; title: LocalizedText; unit: LocalizedText }[];
  deadlineSources: { code: string; title: LocalizedText }[];
  indicators: { code: string; title: LocalizedText; unit: LocalizedText }[];
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

/** The procedures widgets call (the warnings plugin under `warnings.`). */
export interface WarningsApi {
  'warnings.catalog': { type: 'query'; input: undefined; output: WarningCatalog };
  'warnings.list': { type: 'query'; input: WarningListInput; output: WarningList };
  'warnings.get': { type: 'query'; input: { id: string }; output: WarningDetail };
  'warnings.evaluate': { type: 'mutation'; input: WarningEvaluationInput; output: WarningEvaluationResult };
  'warnings.issueNotice': { type: 'mutation'; input: WarningNoticeInput; output: WarningDetail };
  'warnings.assign': { type: 'mutation'; input: WarningAssignInput; output: WarningDetail };
  'warnings.respond': { type: 'mutation'; input: WarningRespondInput; output: WarningDetail };
  'warnings.close': { type: 'mutation'; input: WarningCloseInput; output: WarningDetail };
  'warnings.listRules': { type: 'query'; input: { orgCode?: string | undefined }; output: WarningRule[] };
  'warnings.createRule': { type: 'mutation'; input: WarningRuleInput; output: WarningRule };
  'warnings.updateRule': { type: 'mutation'; input: WarningRuleUpdateInput; output: WarningRule };
  'warnings.deleteRule': { type: 'mutation'; input: { id: string }; output: { id: string; deleted: boolean } };
}
