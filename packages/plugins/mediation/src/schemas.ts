/** Inputs of the plugin's own procedures (the case procedures' inputs are the engine's, `@sifa/core` casework). */
import { z } from 'zod';
import { orgCodeSchema, periodSchema } from '@sifa/core';

/** Statistics of the cases registered in a period, in the caller's subtree or an org's inside it. */
export const mediationStatisticsInputSchema = z.object({
  /** 2026, 2026-Q2 or 2026-05: the cases registered in it. */
  period: periodSchema,
  /** Only this org's subtree (default: the caller's whole subtree). */
  orgCode: orgCodeSchema.optional(),
});
export type MediationStatisticsInput = z.input<typeof mediationStatisticsInputSchema>;
