/**
 * The plugin's own output types, written once: the server returns them and widgets show them.
 * (Case files, lists and steps are the engine's types: `CaseFile`, `CaseSummary` in `@sifa/core`.)
 */
import type { LocalizedText } from '@sifa/core';
import type { CaseSource, DisputeType, MediationOutcome } from './case-type.js';

/** Counts of one group of cases (a dispute type, a source, an outcome). */
export interface MediationFigures {
  /** Cases registered. */
  cases: number;
  /** Of them, agreements in effect (written and signed, or oral). */
  agreed: number;
  failed: number;
  terminated: number;
  /** Still being mediated (or a written agreement awaiting signatures). */
  open: number;
  /** Sum of the amounts involved (元), cases without an amount count 0. */
  amount: number;
  /** agreed / (agreed + failed + terminated) in per cent, one decimal; null with no ended case. */
  successRate: number | null;
}

export interface MediationStatistics {
  period: string;
  /** First and last day of the period (YYYY-MM-DD). */
  from: string;
  to: string;
  /** The subtree counted. */
  orgCode: string;
  total: MediationFigures;
  /** Every dispute type of the catalogue, in its order (zeros included). */
  byDisputeType: (MediationFigures & { value: DisputeType; title: LocalizedText })[];
  bySource: (MediationFigures & { value: CaseSource; title: LocalizedText })[];
  byOutcome: { value: MediationOutcome; title: LocalizedText; cases: number; amount: number }[];
  /** Cases by amount involved (元): none, below 10 000, 10 000–100 000, above 100 000. */
  byAmount: { value: 'none' | 'under-10k' | '10k-100k' | 'over-100k'; title: LocalizedText; cases: number; amount: number }[];
  /** Cases whose running mediation deadline has passed, and whose judicial-confirmation period is running. */
  overdue: number;
  awaitingConfirmation: number;
}
