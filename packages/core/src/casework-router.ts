/**
 * How a plugin serves a case type: `caseworkRouter` gives the procedures (mounted by the plugin,
 * e.g. `createRouter({ cases: caseworkRouter('mediation.case', permissions) })`, so they are typed
 * for widgets through the plugin's `ApiOf`), `caseworkDeadlineSource` the deadlines early warnings
 * watch; the server's `caseworkRoutes` (`@sifa/server`) the attachment upload and download
 * (`/plugins/<id>/cases/:id/attachments`). Every body goes through the platform's engine (`scoped.cases`).
 */
import { z } from 'zod';
import { createRouter, scopedProcedure } from './trpc.js';
import { caseAssignInputSchema, caseChecksInputSchema, caseImportInputSchema, caseListQuerySchema, caseOpenInputSchema, caseTransitionInputSchema } from './casework.js';
import type { DeadlineSource } from './deadlines.js';
import type { LocalizedText } from './locale.js';
import { SifaError } from './errors.js';

export interface CaseworkPermissions {
  /** Lists, case files, attachments (the case type's `readPermission`). */
  read: string;
  /** Opening cases and taking steps; each step's own `permission` and `roles` are checked by the engine too. */
  work: string;
}

/** The procedures of one case type. */
export function caseworkRouter(type: string, permissions: CaseworkPermissions) {
  return createRouter({
    /** The case type as this deployment runs it (deadline days configured). */
    type: scopedProcedure(permissions.read).query(({ ctx }) => {
      const found = ctx.cases.types().find((t) => t.code === type);
      if (!found) throw new SifaError('NOT_FOUND');
      return found;
    }),
    list: scopedProcedure(permissions.read)
      .input(caseListQuerySchema)
      .query(({ ctx, input }) => ctx.cases.list(type, input)),
    get: scopedProcedure(permissions.read)
      .input(z.object({ id: z.string().uuid() }))
      .query(({ ctx, input }) => ctx.cases.get(type, input.id)),
    open: scopedProcedure(permissions.work)
      .input(caseOpenInputSchema)
      .mutation(({ ctx, input }) => ctx.cases.open(type, input)),
    transition: scopedProcedure(permissions.work)
      .input(caseTransitionInputSchema)
      .mutation(({ ctx, input }) => ctx.cases.transition(type, input)),
    /**
     * The case's responsible staff, replaced whole (`CasesService.assign`): the type's
     * `privacy.assignPermission`, default the opening's permission, is checked by the engine.
     */
    assign: scopedProcedure(permissions.work)
      .input(caseAssignInputSchema)
      .mutation(({ ctx, input }) => ctx.cases.assign(type, input)),
    /** The checks before a step (default: the first possible step that has some), for its form; nothing written. */
    checks: scopedProcedure(permissions.read)
      .input(caseChecksInputSchema)
      .query(({ ctx, input }) => ctx.cases.checks(type, input)),
    /** Cases with whole timelines (an existing system's files), all or nothing: at most 500 a call. */
    import: scopedProcedure(permissions.work)
      .input(caseImportInputSchema)
      .mutation(({ ctx, input }) => ctx.cases.import(type, input)),
  });
}
export type CaseworkRouter = ReturnType<typeof caseworkRouter>;

/** The running statutory deadlines of a case type, for early warnings (`ctx.signals.deadlines`). */
export function caseworkDeadlineSource(type: string, source: { code: string; title: LocalizedText }): DeadlineSource {
  return { ...source, list: (scoped, range) => scoped.cases.deadlines({ ...range, types: [type] }) };
}
