/** The applications plugin's output types, declared once: its service returns them, widgets read them. */
import type { NegativeListEntry, ReconsiderationBody } from './checks.js';

/** Who owns a list entry and whether the caller may change it (its own subtree's) or only read it (an ancestor's). */
interface Owned {
  orgCode: string;
  revision: number;
  /** The caller may change it (owned in the caller's subtree). */
  editable: boolean;
  /** Demo content of `sifa seed` (labelled 【示范】). */
  demo: boolean;
  updatedAt: string;
}

export interface NegativeListEntryView extends NegativeListEntry, Owned {
  enabled: boolean;
}

export type ReconsiderationBodyView = ReconsiderationBody & Owned;
