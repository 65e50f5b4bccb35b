/**
 * `platform.org.import|close|merge|history`: a bureau maintains its own tree within the subtree it
 * manages (`platform.org.manage`). They run on the server's own connection in one transaction
 * (a move re-points rows of every table), after the same scope checks a scoped procedure makes.
 */
import {
  orgCloseInputSchema,
  orgHistoryInputSchema,
  orgImportInputSchema,
  orgMergeInputSchema,
  permittedProcedure,
  type OrgCloseResult,
  type OrgHistoryEntry,
  type OrgImportResult,
  type OrgMergeResult,
} from '@sifa/core';
import type { OrgAdminPlatform } from './admin.js';

const manage = permittedProcedure('platform.org.manage');

export function createOrgAdminProcedures(admin: OrgAdminPlatform) {
  return {
    /**
     * Adds, renames and moves units from a CSV or JSON file (docs/adopting.md), checked as a whole
     * first: every problem named by its line, nothing changed while there is one. Re-importing the
     * same file changes nothing. `dryRun` reports what would change.
     */
    import: manage.input(orgImportInputSchema).mutation(({ ctx, input }): Promise<OrgImportResult> => admin.importTree(ctx.actor, input, ctx.locale)),
    /** Closes a unit without sub-units still open: no new records there, its history stays. */
    close: manage.input(orgCloseInputSchema).mutation(({ ctx, input }): Promise<OrgCloseResult> => admin.close(ctx.actor, input, ctx.locale)),
    /** Merges a unit into another of its level: closed, its sub-units, accounts and records moved there, the mapping recorded. */
    merge: manage.input(orgMergeInputSchema).mutation(({ ctx, input }): Promise<OrgMergeResult> => admin.merge(ctx.actor, input, ctx.locale)),
    /** A unit's changes, oldest first (renames, moves, closing, merges with their mapping). */
    history: manage.input(orgHistoryInputSchema).query(({ ctx, input }): Promise<OrgHistoryEntry[]> => admin.history(ctx.actor, input.code)),
  };
}
