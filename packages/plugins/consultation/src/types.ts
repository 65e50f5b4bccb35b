/**
 * The consultation plugin's own output types, written once (the server returns them, widgets show
 * them). Case files and lists are the engine's (`CaseFile`, `CaseSummary` from @sifa/core).
 */
import type { CaseFile } from '@sifa/core';
import type { ConsultationChannel } from './case-type.js';

/** What `consultation.openMediation` answers: the record (now linked) and the new mediation case. */
export interface OpenMediationResult {
  consultation: CaseFile;
  mediation: CaseFile;
}

/** Figures of a period (from the facts the records recorded) and the records open now. */
export interface ConsultationStatistics {
  orgCode: string;
  from: string;
  to: string;
  records: number;
  byChannel: Record<ConsultationChannel, number>;
  referrals: number;
  mediationOpened: number;
  followedUp: number;
  /** Records not closed, whenever recorded. */
  open: number;
  /** Records past a reply deadline. */
  overdue: number;
}
