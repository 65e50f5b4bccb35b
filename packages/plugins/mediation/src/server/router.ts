/**
 * The procedures mounted under `mediation.`: the case procedures the engine serves for the
 * `mediation.case` type (`mediation.cases.type/list/get/open/transition`: permissions checked by
 * the platform, each step's own permission and roles by the engine), and `statistics`.
 */
import { caseworkRouter, createRouter, scopedProcedure } from '@sifa/core';
import { mediationStatisticsInputSchema } from '../schemas.js';
import type { MediationStatistics } from '../types.js';
import { mediationStatistics } from './statistics.js';

export const mediationPermissions = { read: 'mediation.read', work: 'mediation.work' } as const;

export const mediationRouter = createRouter({
  cases: caseworkRouter('mediation.case', mediationPermissions),
  /** Cases registered in a period by dispute type, source, outcome and amount, in the caller's subtree. */
  statistics: scopedProcedure('mediation.read')
    .input(mediationStatisticsInputSchema)
    .query(({ ctx, input }): Promise<MediationStatistics> => mediationStatistics(ctx, input)),
});

export type MediationRouter = typeof mediationRouter;
