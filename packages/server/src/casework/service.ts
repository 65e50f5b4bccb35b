/**
 * The casework engine (`ScopedServices.cases`): placeholder until the engine lands.
 */
import { SifaError, type CasesService, type CaseTypeView, type PlatformCatalog } from '@sifa/core';

export function createCasesService(catalog: PlatformCatalog): CasesService {
  const notYet = () => Promise.reject(new SifaError('UNAVAILABLE'));
  return {
    types: () => catalog.caseTypes.map((t) => ({ ...t, deadlines: t.deadlines.map((d) => ({ ...d, configured: false })) }) satisfies CaseTypeView),
    open: notYet,
    transition: notYet,
    get: notYet,
    list: notYet,
    attach: notYet,
    attachment: notYet,
    deadlines: notYet,
  };
}
