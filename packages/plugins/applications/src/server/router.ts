/**
 * The applications plugin's procedures, mounted under `applications.`: the case procedures of
 * `applications.reconsideration` (`cases.type/list/get/open/transition/import`, the platform's
 * engine), of the referrals (`legalAid.cases.*`, `notary.cases.*`, `arbitration.cases.*`) and
 * `reconsiderationPeriod` (whether the application was made in time, arts. 20–21).
 */
import { caseworkRouter, createRouter, scopedProcedure } from '@sifa/core';
import { arbitrationCaseTypeCode, legalAidCaseTypeCode, notaryCaseTypeCode, reconsiderationCaseTypeCode } from '../case-types.js';
import { reconsiderationPeriod, type ReconsiderationPeriodCheck } from '../period.js';
import { applicationsSchemas } from '../schemas.js';

export const applicationsPermissions = { read: 'applications.read', work: 'applications.work' } as const;

export const applicationsRouter = createRouter({
  /** The reconsideration applications: list, case file, receiving (open), steps (transition), import, the case type as deployed. */
  cases: caseworkRouter(reconsiderationCaseTypeCode, applicationsPermissions),
  /** Legal-aid applications received and passed on (`<sifa-cases type="applications.legal-aid" api="applications.legalAid">`). */
  legalAid: createRouter({ cases: caseworkRouter(legalAidCaseTypeCode, applicationsPermissions) }),
  notary: createRouter({ cases: caseworkRouter(notaryCaseTypeCode, applicationsPermissions) }),
  arbitration: createRouter({ cases: caseworkRouter(arbitrationCaseTypeCode, applicationsPermissions) }),

  /** Whether the application was made in time (a check before forwarding; it refuses nothing). */
  reconsiderationPeriod: scopedProcedure('applications.read')
    .input(applicationsSchemas.reconsiderationPeriod)
    .query(async ({ ctx, input }): Promise<ReconsiderationPeriodCheck> => {
      const file = await ctx.cases.get(reconsiderationCaseTypeCode, input.id);
      const f = file.fields;
      return reconsiderationPeriod(ctx.calendar, {
        knewOn: String(f.knewOn),
        receivedOn: file.openedOn,
        rightNotified: f.rightNotified === true,
        actOn: typeof f.actOn === 'string' ? f.actOn : null,
        immovable: f.immovable === true,
      });
    }),
});

export type ApplicationsRouter = typeof applicationsRouter;
