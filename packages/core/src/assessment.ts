/**
 * The 1000-point assessment (千分制考核) contract: what `<sifa-score-card>` reads and what the
 * assessment plugin serves under `assessment.`. A *standard* is versioned data an administrator
 * edits (parts, items, the rule of each item); a *score* is computed from facts only, states the
 * standard id and version it used, and every item of it traces back to the records behind it.
 * Types only, so a widget pulls no schema library into the page; the plugin validates with zod
 * and its tests check it serves exactly these types.
 */
import type { LocalizedText } from './locale.js';
import type { AssessmentPart } from './diary-fields.js';
import type { PeriodKind } from './periods.js';

/**
 * How a part counts: the four `regular` parts (basic, institutional, key, daily work) add up to
 * the full marks, each capped at its points; `bonus` (outstanding performance) adds up to its
 * points on top; `negative` (the negative list) deducts up to its points and holds the vetoes.
 */
export type AssessmentPartKind = 'regular' | 'bonus' | 'negative';

/**
 * The rule of an item. Quantities are stated for a year; a quarter or a month is judged on its
 * share (see each kind). Points are the item's `points` unless said otherwise.
 *
 * - `per-occurrence`: `pointsEach` per unit of the metric, capped at the item's points.
 *   `scale: 'period'`: a shorter period counts at the yearly rate (12 cases in a quarter count
 *   like 48 in a year); `scale: 'none'`: counted as recorded (commendations).
 * - `target`: `target` per `per` (month, quarter or year). Each month / quarter / year of the
 *   period is judged on its own and the item earns its share of windows reached; a period
 *   shorter than `per` is judged against the target scaled to its length. `full`: a window
 *   counts when reached; `pro-rata`: a window counts by the fraction reached (at most 1).
 * - `deadline`: `target` reached, counting from 1 January, by the end of month `dueMonth` of the
 *   period's year: all points, otherwise none (before the due month ends: `pending`).
 * - `evidence`: at least one record of the metric in the period (`per: 'period'`) or in each
 *   month (`per: 'month'`, the share of months with a record).
 * - `deduction`: `pointsEach` deducted per unit of the metric, at most the item's points.
 * - `veto`: when the metric reaches `threshold` in the period, part `zeroes` (or the total)
 *   is set to zero. A veto item has no points of its own.
 */
export type AssessmentRule =
  | { kind: 'per-occurrence'; pointsEach: number; scale: 'period' | 'none' }
  | { kind: 'target'; target: number; per: PeriodKind; mode: 'full' | 'pro-rata' }
  | { kind: 'deadline'; target: number; dueMonth: number }
  | { kind: 'evidence'; per: 'period' | 'month' }
  | { kind: 'deduction'; pointsEach: number }
  | { kind: 'veto'; threshold: number; zeroes: 'total' | Exclude<AssessmentPart, 'negative'> };

export type AssessmentRuleKind = AssessmentRule['kind'];

export interface AssessmentPartSpec {
  code: AssessmentPart;
  title: LocalizedText;
  /** Full points of a regular part, the cap of the bonus, the largest deduction of the negative list. */
  points: number;
}

export interface AssessmentItemSpec {
  /** Unique within the standard, e.g. `mediation-cases`. */
  code: string;
  part: AssessmentPart;
  title: LocalizedText;
  /** The scoring criterion as the standard words it (评分标准), shown beside the figures. */
  criterion: LocalizedText;
  /** The metric (a fact code some installed plugin declares) the item is judged on. */
  metric: string;
  /** The item's most points (for a deduction: the most it deducts; 0 for a veto). */
  points: number;
  rule: AssessmentRule;
}

/** A standard's content: what an administrator edits and publishes as a version. */
export interface AssessmentStandardBody {
  title: LocalizedText;
  /** Shown with every score: where the standard comes from, e.g. that it is a demo. */
  note?: LocalizedText | undefined;
  /** True for demo content (the UI labels it 示范). */
  demo: boolean;
  /** The six parts, one per code, in the order shown. */
  parts: AssessmentPartSpec[];
  items: AssessmentItemSpec[];
}

/** Which standard and version a score was computed with. */
export interface AssessmentStandardRef {
  id: string;
  version: number;
  year: number;
  /** The org that owns the standard; it applies to that org's subtree. */
  ownerOrgCode: string;
  title: LocalizedText;
  demo: boolean;
}

export interface AssessmentStandardSummary {
  id: string;
  year: number;
  ownerOrgCode: string;
  title: LocalizedText;
  demo: boolean;
  /** The version scores use (the latest published one), or null while only a draft exists. */
  publishedVersion: number | null;
  /** The draft being edited, or null. */
  draftVersion: number | null;
  updatedAt: string;
}

export interface AssessmentStandardVersion {
  id: string;
  year: number;
  ownerOrgCode: string;
  version: number;
  status: 'draft' | 'published';
  body: AssessmentStandardBody;
  /** SHA-256 (hex) of the body's canonical JSON: equal bodies, equal digests. */
  sha256: string;
  createdAt: string;
  createdBy: string;
  publishedAt: string | null;
  publishedBy: string | null;
}

/** One judged window of a target or evidence item: a month (YYYY-MM), quarter (YYYY-Qn) or year. */
export interface AssessmentWindow {
  period: string;
  value: number;
  /** The target of this window (1 for evidence). */
  target: number;
  /** 0 … 1: how much of the window's points it earned. */
  achieved: number;
}

export type AssessmentItemStatus =
  /** All points earned. */
  | 'met'
  | 'partial'
  /** No points earned. */
  | 'missed'
  /** A deadline not due yet within the period, and not reached yet. */
  | 'pending'
  /** A deduction or veto item with nothing recorded against it. */
  | 'clear'
  /** Points deducted. */
  | 'deducted'
  /** A veto that applies. */
  | 'vetoed';

export interface AssessmentItemScore {
  code: string;
  part: AssessmentPart;
  title: LocalizedText;
  criterion: LocalizedText;
  metric: string;
  /** Title and unit of the metric, as its plugin declares them. */
  metricTitle: LocalizedText;
  unit: LocalizedText;
  rule: AssessmentRule;
  /** The metric over the item's window (the period; from 1 January for a deadline). */
  value: number;
  /** First and last day of that window. */
  from: string;
  to: string;
  /** Points earned; negative for deductions; 0 for vetoes. Averages for a county or the city. */
  points: number;
  /** The item's most points (deductions: the most it deducts). */
  max: number;
  status: AssessmentItemStatus;
  /** Per window, for targets per month/quarter and evidence per month. */
  windows: AssessmentWindow[];
  /** For a county or the city: offices whose item earned all points / was deducted / vetoed. */
  offices?: { total: number; met: number; deducted: number; vetoed: number } | undefined;
}

export interface AssessmentPartScore {
  code: AssessmentPart;
  kind: AssessmentPartKind;
  title: LocalizedText;
  /** Points after caps and vetoes (negative for the negative list). */
  points: number;
  /** The part's points in the standard. */
  max: number;
  /** Sum of its items before the cap. */
  raw: number;
  vetoed: boolean;
}

export interface AssessmentOrgName {
  zh: string;
  en?: string | undefined;
  mn?: string | undefined;
}

export interface AssessmentRank {
  /** 1 = best; ties share a position. */
  position: number;
  of: number;
  parentOrgCode: string;
  parentName: AssessmentOrgName;
}

export interface AssessmentScore {
  orgCode: string;
  orgName: AssessmentOrgName;
  level: 'office' | 'county' | 'city' | 'region';
  period: string;
  /** First and last day of the period. */
  from: string;
  to: string;
  standard: AssessmentStandardRef;
  total: number;
  /** Sum of the regular parts' points (1000 for a 千分制 standard). */
  fullMarks: number;
  parts: AssessmentPartScore[];
  items: AssessmentItemScore[];
  /** The total was vetoed (for a county or the city: in at least one of its offices). */
  vetoed: boolean;
  /** 1 for an office; for a county or the city the number of offices averaged. */
  offices: number;
  /**
   * Among the org's siblings (offices of its county, counties of the city), or null when the
   * caller's scope does not include the parent (ranking needs the siblings' facts).
   */
  rank: AssessmentRank | null;
}

export interface AssessmentRankingRow {
  orgCode: string;
  name: AssessmentOrgName;
  position: number;
  total: number;
  fullMarks: number;
  vetoed: boolean;
  parts: { code: AssessmentPart; points: number }[];
  standard: { id: string; version: number };
}

export interface AssessmentRanking {
  parentOrgCode: string;
  parentName: AssessmentOrgName;
  period: string;
  /** Best first. */
  rows: AssessmentRankingRow[];
  /** Children that could not be ranked, and why. */
  unranked: { orgCode: string; name: AssessmentOrgName; reason: 'no-standard' | 'mixed-standards' | 'no-offices' }[];
}

/** One record behind an item's figure. */
export interface AssessmentSourceRow {
  /** Where the fact came from, e.g. `diary.entry`. */
  kind: string;
  id: string;
  orgCode: string;
  orgName: AssessmentOrgName;
  day: string;
  value: number;
}

export interface AssessmentBreakdown {
  orgCode: string;
  period: string;
  standard: AssessmentStandardRef;
  item: AssessmentItemScore;
  /** Newest first, at most `limit`. */
  sources: AssessmentSourceRow[];
  /** How many records there are in all. */
  total: number;
}

export interface AssessmentTrendPoint {
  period: string;
  /** Null when no published standard applies to the period. */
  total: number | null;
  fullMarks: number | null;
  standard: { id: string; version: number } | null;
}

export interface AssessmentTrend {
  orgCode: string;
  kind: PeriodKind;
  /** Oldest first, ending with the period asked for. */
  points: AssessmentTrendPoint[];
}

export interface AssessmentScoreInput {
  orgCode: string;
  /** 2026, 2026-Q3 or 2026-07. */
  period: string;
  /** A particular standard version (to reproduce an earlier score); default: the one in force. */
  standard?: { id: string; version: number } | undefined;
}

/** One item of a score and the records behind it (newest first, at most `limit`, default 100). */
export interface AssessmentBreakdownInput extends AssessmentScoreInput {
  itemCode: string;
  limit?: number | undefined;
}

/** The procedures widgets call (the assessment plugin serves them under `assessment.`). */
export interface AssessmentApi {
  'assessment.score': { type: 'query'; input: AssessmentScoreInput; output: AssessmentScore };
  'assessment.ranking': { type: 'query'; input: { parentOrgCode: string; period: string }; output: AssessmentRanking };
  'assessment.breakdown': { type: 'query'; input: AssessmentBreakdownInput; output: AssessmentBreakdown };
  'assessment.trend': { type: 'query'; input: { orgCode: string; period: string; count?: number | undefined }; output: AssessmentTrend };
  'assessment.standards.list': { type: 'query'; input: { year?: number | undefined }; output: AssessmentStandardSummary[] };
  'assessment.standards.get': { type: 'query'; input: { id: string; version?: number | undefined }; output: AssessmentStandardVersion };
}
