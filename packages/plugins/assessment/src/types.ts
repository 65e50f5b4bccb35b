/**
 * The 1000-point assessment's (千分制考核) output and domain types: what the procedures under
 * `assessment.` return, written once here and used by the service (its return types) and by
 * `<sifa-score-card>`. A *standard* is versioned data an administrator edits (parts, items, the
 * rule of each item: their types are the zod schemas' output, `schemas.ts`); a *score* is
 * computed from facts only, states the standard id and version it used, and every item of it
 * traces back to the records behind it. Types only, so a widget importing them pulls no schema
 * library into the page. Inputs are the schemas' input types; the procedure map is
 * `AssessmentApi`, inferred from the router (`index.ts`).
 */
import type { z } from 'zod';
import type { AssessmentPart, LocalizedText, PeriodKind } from '@sifa/core';
import type { assessmentItemSpecSchema, assessmentPartSpecSchema, assessmentRuleSchema, assessmentStandardBodySchema } from './schemas.js';

/**
 * How a part counts: the four `regular` parts (basic, institutional, key, daily work) add up to
 * the full marks, each capped at its points; `bonus` (outstanding performance) adds up to its
 * points on top; `negative` (the negative list) deducts up to its points and holds the vetoes.
 */
export type AssessmentPartKind = 'regular' | 'bonus' | 'negative';

/** The rule of an item (the kinds are explained at `assessmentRuleSchema`). */
export type AssessmentRule = z.output<typeof assessmentRuleSchema>;
export type AssessmentRuleKind = AssessmentRule['kind'];
export type AssessmentPartSpec = z.output<typeof assessmentPartSpecSchema>;
export type AssessmentItemSpec = z.output<typeof assessmentItemSpecSchema>;
/** A standard's content as stored (parsed, defaults filled): what an administrator edits and publishes as a version. */
export type AssessmentStandardBody = z.output<typeof assessmentStandardBodySchema>;

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
