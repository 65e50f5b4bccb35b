/**
 * The applications plugin's procedures, mounted under `applications.`: the case procedures of
 * `applications.reconsideration` (`cases.type/list/get/open/transition/checks/import`, the
 * platform's engine), of the referrals (`legalAid.cases.*`, `notary.cases.*`,
 * `arbitration.cases.*`; `cases.checks` serves the checks before forwarding a reconsideration
 * application) and the two lists those checks read, kept by city and county admins:
 * `negativeList.*` and `bodies.*` (list, create, update, remove).
 */
import { caseworkRouter, createRouter, scopedProcedure } from '@sifa/core';
import { arbitrationCaseTypeCode, legalAidCaseTypeCode, notaryCaseTypeCode, reconsiderationCaseTypeCode } from '../case-types.js';
import { applicationsSchemas } from '../schemas.js';
import { createBody, createNegative, listBodies, listNegative, removeBody, removeNegative, updateBody, updateNegative } from './lists.js';

export const applicationsPermissions = { read: 'applications.read', work: 'applications.work' } as const;
const lists = 'applications.lists';
const s = applicationsSchemas;

export const applicationsRouter = createRouter({
  /** The reconsideration applications: list, case file, receiving (open), steps (transition), the checks before a step, import, the case type as deployed. */
  cases: caseworkRouter(reconsiderationCaseTypeCode, applicationsPermissions),
  /** Legal-aid applications received and passed on (`<sifa-cases type="applications.legal-aid" api="applications.legalAid">`). */
  legalAid: createRouter({ cases: caseworkRouter(legalAidCaseTypeCode, applicationsPermissions) }),
  notary: createRouter({ cases: caseworkRouter(notaryCaseTypeCode, applicationsPermissions) }),
  arbitration: createRouter({ cases: caseworkRouter(arbitrationCaseTypeCode, applicationsPermissions) }),

  /** The local negative list (事项负面清单): entries owned at or above an org apply to it. */
  negativeList: createRouter({
    list: scopedProcedure('applications.read').input(s.negativeList.list).query(({ ctx, input }) => listNegative(ctx, input.orgCode)),
    create: scopedProcedure(lists).input(s.negativeList.create).mutation(({ ctx, input }) => createNegative(ctx, input)),
    update: scopedProcedure(lists).input(s.negativeList.update).mutation(({ ctx, input }) => updateNegative(ctx, input)),
    remove: scopedProcedure(lists).input(s.negativeList.remove).mutation(({ ctx, input }) => removeNegative(ctx, input)),
  }),

  /** The city's list of reconsideration bodies (行政复议机关名单): the city's government and its county-level governments. */
  bodies: createRouter({
    list: scopedProcedure('applications.read').query(({ ctx }) => listBodies(ctx)),
    create: scopedProcedure(lists).input(s.bodies.create).mutation(({ ctx, input }) => createBody(ctx, input)),
    update: scopedProcedure(lists).input(s.bodies.update).mutation(({ ctx, input }) => updateBody(ctx, input)),
    remove: scopedProcedure(lists).input(s.bodies.remove).mutation(({ ctx, input }) => removeBody(ctx, input)),
  }),
});

export type ApplicationsRouter = typeof applicationsRouter;
