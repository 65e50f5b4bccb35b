/**
 * The checks before forwarding a reconsideration application, as the casework engine runs them
 * (`caseChecks`): the pure checks of ../checks.ts over the case, the body entered at forwarding,
 * and the two lists as the caller's scope sees them (the negative list of its county and city, its
 * city's reconsideration bodies).
 */
import type { CaseCheckSource } from '@sifa/core';
import { reconsiderationCaseTypeCode } from '../case-types.js';
import { reconsiderationChecks } from '../checks.js';
import { applicableNegativeList, visibleBodies } from './lists.js';

export const reconsiderationCheckSource: CaseCheckSource = {
  type: reconsiderationCaseTypeCode,
  transitions: ['forward'],
  async run(scoped, input) {
    const [negativeList, bodies] = [await applicableNegativeList(scoped), await visibleBodies(scoped)];
    return reconsiderationChecks(scoped.calendar, {
      fields: input.case.fields,
      receivedOn: input.case.openedOn,
      body: typeof input.step.body === 'string' ? input.step.body : null,
      negativeList,
      bodies,
    });
  },
};
