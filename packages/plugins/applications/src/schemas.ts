/** Inputs of the applications plugin's own procedures (the case procedures take the engine's). */
import { z } from 'zod';

export const applicationsSchemas = {
  /** The application-period check of one reconsideration case. */
  reconsiderationPeriod: z.object({ id: z.string().uuid() }),
};

export type ReconsiderationPeriodQueryInput = z.input<typeof applicationsSchemas.reconsiderationPeriod>;
