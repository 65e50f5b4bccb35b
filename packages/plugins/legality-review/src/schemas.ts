/** Inputs of the legality review plugin's own procedures (the case procedures take the engine's). */
import { z } from 'zod';
import { isoDaySchema, msg, orgCodeSchema } from '@sifa/core';

export const legalityReviewSchemas = {
  /** Figures of a period for the caller's subtree (or one org in it). */
  statistics: z
    .object({ from: isoDaySchema, to: isoDaySchema, orgCode: orgCodeSchema.optional() })
    .refine((q) => q.from <= q.to, { message: msg('fromAfterTo'), path: ['to'] }),
};

export type LegalityReviewStatisticsInput = z.input<typeof legalityReviewSchemas.statistics>;
