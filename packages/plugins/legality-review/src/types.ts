/**
 * The legality review plugin's own output types (case files and lists are the engine's:
 * `CaseFile`, `CaseSummary` from @sifa/core).
 */
import type { LegalityReviewKind } from './case-type.js';

/** Figures of a period (from the facts the cases recorded) and the reviews open now. */
export interface LegalityReviewStatistics {
  orgCode: string;
  from: string;
  to: string;
  received: number;
  byKind: Record<LegalityReviewKind, number>;
  reviewed: number;
  changesProposed: number;
  adopted: number;
  partlyAdopted: number;
  notAdopted: number;
  /** Reviews not closed, whenever received. */
  open: number;
  /** Reviews past their review period. */
  overdue: number;
}
