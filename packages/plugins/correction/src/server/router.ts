/**
 * The correction plugin's casework procedures, mounted under `correction.`: the case procedures of
 * `correction.case` (`cases.*`), `correction.investigation` (`investigations.cases.*`) and
 * `correction.search` (`searches.cases.*`), all the platform's engine; and its own:
 * - `lostContact`: opens the search case and takes the step `lost-contact` (which names it) in
 *   the procedure's one transaction: art. 30 asks for a search at once, so the file never shows
 *   lost contact without its search (a failure of either writes nothing);
 * - `found`: closes the search case as found and resumes supervision on the file, likewise;
 * - `classSuggestion`: the class the configured rules suggest (months in, risk, reprimands and
 *   warnings counted from the timeline), with the rule that decided, and the stage by the term's dates.
 */
import { caseworkRouter, createRouter, pluginError, scopedProcedure, type CaseFile, type ScopedServices } from '@sifa/core';
import { correctionManifest } from '../index.js';
import { correctionCaseTypeCode, correctionInvestigationTypeCode, correctionPermissions, correctionSearchTypeCode } from '../case-types.js';
import { correctionCaseworkSchemas } from '../casework-manifest.js';
import { monthsBetween, stageOn, suggestClass, type CorrectionRules } from '../rules.js';
import { noteSearchOpened } from './checks.js';

type LostContactInput = ReturnType<typeof correctionCaseworkSchemas.lostContact.parse>;
type FoundInput = ReturnType<typeof correctionCaseworkSchemas.found.parse>;

const chinaDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });

function ownFile(file: CaseFile): void {
  if (file.masked) {
    throw pluginError(correctionManifest, 'notOwnCase', { id: file.id, orgCode: file.orgCode }, { message: { zh: '只有承办该社区矫正档案的司法所才能办理此事项。', en: 'Only the office that keeps this correction file can do this.' } });
  }
}

export async function reportLostContact(scoped: ScopedServices, input: LostContactInput): Promise<{ file: CaseFile; search: CaseFile }> {
  const file = await scoped.cases.get(correctionCaseTypeCode, input.id);
  ownFile(file);
  const on = input.on ? { on: input.on } : {};
  let search = await scoped.cases.open(correctionSearchTypeCode, {
    orgCode: file.orgCode,
    ...on,
    fields: { person: file.fields.person, correctionCase: file.number, correctionCaseId: file.id, juvenile: file.fields.juvenile === true, circumstances: input.circumstances },
  });
  noteSearchOpened(scoped.db, search.id);
  // The search is the file's business: its responsible staff are the file's (a juvenile's search is sealed like the file).
  if (file.responsible.some((u) => !search.responsible.includes(u)) || search.responsible.some((u) => !file.responsible.includes(u))) {
    await scoped.cases.assign(correctionSearchTypeCode, { id: search.id, userIds: [...new Set([...file.responsible, scoped.actor.userId])] });
    search = await scoped.cases.get(correctionSearchTypeCode, search.id);
  }
  // A stale revision or a file not under correction answers the engine's typed error: the search case above rolls back with it.
  const updated = await scoped.cases.transition(correctionCaseTypeCode, {
    id: file.id,
    revision: input.revision,
    transition: 'lost-contact',
    ...on,
    fields: { searchCase: search.number, searchCaseId: search.id, circumstances: input.circumstances },
  });
  return { file: updated, search };
}

export async function markFound(scoped: ScopedServices, input: FoundInput): Promise<{ file: CaseFile; search: CaseFile }> {
  const search = await scoped.cases.get(correctionSearchTypeCode, input.id);
  ownFile(search);
  const fileId = typeof search.fields.correctionCaseId === 'string' ? search.fields.correctionCaseId : '';
  if (!/^[0-9a-f-]{36}$/.test(fileId)) {
    throw pluginError(correctionManifest, 'searchWithoutCase', { id: search.id }, { message: { zh: '该寻查案件未关联社区矫正档案。', en: 'This search case names no correction file.' } });
  }
  const on = input.on ? { on: input.on } : {};
  const closed = await scoped.cases.transition(correctionSearchTypeCode, { id: search.id, revision: search.revision, transition: 'found', ...on, fields: { whereabouts: input.whereabouts } });
  const file = await scoped.cases.get(correctionCaseTypeCode, fileId);
  const resumed = await scoped.cases.transition(correctionCaseTypeCode, { id: file.id, revision: file.revision, transition: 'resume', ...on, fields: { outcome: input.outcome } });
  return { file: resumed, search: closed };
}

export interface ClassSuggestion {
  id: string;
  on: string;
  monthsIn: number;
  risk: 'low' | 'medium' | 'high' | null;
  reprimands: number;
  warnings: number;
  suggested: 'strict' | 'normal' | 'lenient';
  current: string | null;
  /** The stage by the term's dates: 入矫 in the first month, 解矫 in the last, 常规 between. */
  stage: 'intake' | 'regular' | 'release' | null;
  rule: { zh: string; en: string; mn?: string | undefined } | null;
  basis: { zh: string; en: string; mn?: string | undefined };
}

export async function classSuggestion(scoped: ScopedServices, rules: CorrectionRules, input: { id: string; on?: string | undefined }): Promise<ClassSuggestion> {
  const file = await scoped.cases.get(correctionCaseTypeCode, input.id);
  const on = input.on ?? chinaDay.format(scoped.now());
  const termStart = typeof file.fields.termStart === 'string' ? file.fields.termStart : on;
  const risk: ClassSuggestion['risk'] = file.fields.risk === 'low' || file.fields.risk === 'medium' || file.fields.risk === 'high' ? file.fields.risk : null;
  const counted = file.events.filter((e) => e.on <= on);
  const facts = {
    monthsIn: Math.max(0, monthsBetween(termStart, on)),
    risk,
    reprimands: counted.filter((e) => e.transition === 'reprimand').length,
    warnings: counted.filter((e) => e.transition === 'warning').length,
  };
  const { class: suggested, rule } = suggestClass(rules, facts);
  const stage = typeof file.fields.termStart === 'string' && typeof file.fields.termEnd === 'string' ? stageOn(file.fields.termStart, file.fields.termEnd, on) : null;
  return { id: file.id, on, ...facts, suggested, current: typeof file.fields.class === 'string' ? file.fields.class : null, stage, rule, basis: rules.classBasis };
}

const work = { read: correctionPermissions.read, work: correctionPermissions.supervise };

export function correctionCaseworkRouter(rules: CorrectionRules) {
  return {
    /** 社区矫正对象档案 (`correction.case`). */
    cases: caseworkRouter(correctionCaseTypeCode, work),
    /** 调查评估 (`correction.investigation`). */
    investigations: createRouter({ cases: caseworkRouter(correctionInvestigationTypeCode, { read: correctionPermissions.read, work: correctionPermissions.investigate }) }),
    /** 寻查 (`correction.search`). */
    searches: createRouter({ cases: caseworkRouter(correctionSearchTypeCode, work) }),
    lostContact: scopedProcedure(correctionPermissions.supervise)
      .input(correctionCaseworkSchemas.lostContact)
      .mutation(({ ctx, input }) => reportLostContact(ctx, input)),
    found: scopedProcedure(correctionPermissions.supervise)
      .input(correctionCaseworkSchemas.found)
      .mutation(({ ctx, input }) => markFound(ctx, input)),
    classSuggestion: scopedProcedure(correctionPermissions.read)
      .input(correctionCaseworkSchemas.classSuggestion)
      .query(({ ctx, input }): Promise<ClassSuggestion> => classSuggestion(ctx, rules, input)),
  };
}
