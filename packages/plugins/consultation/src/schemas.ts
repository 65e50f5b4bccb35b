/** Inputs of the consultation plugin's own procedures (the case procedures take the engine's: `caseOpenInputSchema` …). */
import { z } from 'zod';
import { isoDaySchema, msg, orgCodeSchema } from '@sifa/core';

export const consultationSchemas = {
  /**
   * Opens a people's mediation case from a consultation record, the person carried over: the
   * record's people become parties of the mediation case (in `role`), its facts (or the question)
   * the facts in dispute; `fields` gives what a consultation does not know (the dispute type, the
   * committee, the other party …), named as the installed mediation case type names them.
   */
  openMediation: z.object({
    id: z.uuid(),
    /** The record's revision the caller saw (a concurrent change answers CONFLICT); default the current one. */
    revision: z.number().int().min(0).optional(),
    /** The day (default today; not in the future). */
    on: isoDaySchema.optional(),
    /** The role the person takes among the mediation case's parties; default its first role (申请人). */
    role: z.string().regex(/^[a-z0-9-]+$/).max(40).optional(),
    fields: z.record(z.string(), z.unknown()).default({}),
  }),
  /** Figures of a period for the caller's subtree (or one org in it). */
  statistics: z
    .object({ from: isoDaySchema, to: isoDaySchema, orgCode: orgCodeSchema.optional() })
    .refine((q) => q.from <= q.to, { message: msg('fromAfterTo'), path: ['to'] }),
};

export type OpenMediationInput = z.input<typeof consultationSchemas.openMediation>;
export type ConsultationStatisticsInput = z.input<typeof consultationSchemas.statistics>;
