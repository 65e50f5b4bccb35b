/**
 * The consultation plugin's procedures, mounted under `consultation.`: the case procedures of
 * `consultation.record` (`cases.type/list/get/open/transition`, the platform's engine) and its own:
 * `openMediation` (a people's mediation case from a record, the person carried over, through the
 * engine: no import of the mediation plugin) and `statistics` (figures from the facts).
 */
import { caseErrorKinds, caseworkRouter, createRouter, pluginError, scopedProcedure, SifaError, type CaseFile, type CaseFieldSpec, type CaseParty, type ScopedServices } from '@sifa/core';
import { consultationManifest } from '../index.js';
import { consultationCaseTypeCode, consultationChannels, type ConsultationChannel } from '../case-type.js';
import { consultationSchemas, type OpenMediationInput } from '../schemas.js';
import type { ConsultationStatistics, OpenMediationResult } from '../types.js';

/** The case type a record opens; declared by the mediation plugin, found through the engine. */
export const mediationCaseType = 'mediation.case';

export const consultationPermissions = { read: 'consultation.read', work: 'consultation.work' } as const;

type Input = ReturnType<typeof consultationSchemas.openMediation.parse>;

/** The fields of the new mediation case: the caller's, with the person as parties and the facts carried over. */
function mediationFields(record: CaseFile, target: { fields: Record<string, CaseFieldSpec> }, input: Input): Record<string, unknown> {
  const fields: Record<string, unknown> = { ...input.fields };
  const partiesEntry = Object.entries(target.fields).find(([, spec]) => spec.kind === 'parties');
  if (partiesEntry) {
    const [name, spec] = partiesEntry as [string, Extract<CaseFieldSpec, { kind: 'parties' }>];
    const people = (Array.isArray(record.fields.person) ? record.fields.person : []) as CaseParty[];
    if (people.length === 0) {
      throw pluginError(consultationManifest, 'personMissing', { id: record.id, reason: 'none' }, { message: { zh: '这条咨询记录没有登记咨询人，无法带入调解案件的当事人。', en: 'This record has no person to carry over as a party of the mediation case.' } });
    }
    if (!spec.anonymous && people.some((p) => !p.name)) {
      throw pluginError(consultationManifest, 'personMissing', { id: record.id, reason: 'anonymous' }, { message: { zh: '咨询人未留姓名，人民调解案件的当事人须有姓名：请先在咨询记录中补充。', en: 'The person gave no name; parties of a mediation case need names: add it to the record first.' } });
    }
    const role = input.role ?? spec.roles[0]!.value;
    const carried = people.map((p) => {
      const party: CaseParty = { role, name: p.name };
      if (p.idNumber) party.idNumber = p.idNumber;
      if (p.phone) party.phone = p.phone;
      if (p.address) party.address = p.address;
      return party;
    });
    const others = Array.isArray(input.fields[name]) ? (input.fields[name] as unknown[]) : [];
    fields[name] = [...carried, ...others];
  }
  // The facts in dispute: the record's facts, or its question, unless the caller wrote them.
  const factsSpec = target.fields.facts;
  const carriedFacts = [record.fields.facts, record.fields.question].find((v) => typeof v === 'string' && v.trim() !== '');
  if (factsSpec?.kind === 'text' && fields.facts === undefined && typeof carriedFacts === 'string') fields.facts = carriedFacts.slice(0, factsSpec.maxLength);
  return fields;
}

/** The current values of the fields a step sets (so a step never clears what it does not change). */
function current(record: CaseFile, names: readonly string[]): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const name of names) {
    const value = record.fields[name];
    if (value !== null && value !== undefined) values[name] = value;
  }
  return values;
}

export async function openMediation(scoped: ScopedServices, input: OpenMediationInput): Promise<OpenMediationResult> {
  const parsed = consultationSchemas.openMediation.parse(input);
  const target = scoped.cases.types().find((type) => type.code === mediationCaseType);
  if (!target) {
    throw pluginError(
      consultationManifest,
      'mediationNotInstalled',
      { plugin: 'mediation', caseType: 'mediation.case' },
      { message: { zh: '未安装人民调解模块（mediation），不能转入调解案件。', en: 'The people’s mediation plugin (mediation) is not installed: no mediation case can be opened.' } },
    );
  }
  // Another office's record answers NOT_FOUND here (the engine; row-level security).
  let record = await scoped.cases.get(consultationCaseTypeCode, parsed.id);
  if (record.masked) {
    throw pluginError(
      consultationManifest,
      'notOwnRecord',
      { id: record.id, orgCode: record.orgCode },
      { message: { zh: '只有登记这条咨询记录的单位才能带入咨询人信息开立调解案件。', en: 'Only the office that recorded this consultation can open a mediation case with the person’s data.' } },
    );
  }
  if (typeof record.fields.mediationCase === 'string' && record.fields.mediationCase !== '') {
    throw pluginError(
      consultationManifest,
      'mediationAlreadyOpened',
      { id: record.id, mediationCase: record.fields.mediationCase },
      { message: { zh: `这条咨询记录已转入人民调解案件${record.fields.mediationCase}。`, en: `This record already opened the mediation case ${record.fields.mediationCase}.` } },
    );
  }
  if (parsed.revision !== undefined && parsed.revision !== record.revision) {
    // As the engine answers a stale revision (CONFLICT, details { caseId, revision, currentRevision }), before anything is opened.
    throw new SifaError('CONFLICT', {
      message: { zh: '这条咨询记录已被他人修改，请刷新后重试。', en: 'Someone else changed this record meanwhile: reload it and try again.' },
      details: { caseId: record.id, revision: parsed.revision, currentRevision: record.revision },
      pluginError: caseErrorKinds.revisionConflict,
    });
  }
  // Referred to mediation first when the record is not referred yet (the referral and its sheet),
  // so the link is a step of a referred record; any other state answers the engine's illegal-transition error.
  if (record.state !== 'referred') {
    record = await scoped.cases.transition(consultationCaseTypeCode, {
      id: record.id,
      revision: record.revision,
      transition: 'refer',
      ...(parsed.on ? { on: parsed.on } : {}),
      fields: { ...current(record, ['referredTo', 'answer', 'basis']), referral: 'mediation' },
    });
  }
  const mediation = await scoped.cases.open(mediationCaseType, {
    orgCode: record.orgCode,
    ...(parsed.on ? { on: parsed.on } : {}),
    fields: mediationFields(record, target, parsed),
  });
  const consultation = await scoped.cases.transition(consultationCaseTypeCode, {
    id: record.id,
    revision: record.revision,
    transition: 'link-mediation',
    ...(parsed.on ? { on: parsed.on } : {}),
    fields: { mediationCase: mediation.number, referral: 'mediation', mediationCaseId: mediation.id },
  });
  return { consultation, mediation };
}

const channelMetric: Record<ConsultationChannel, string> = {
  visit: 'consultation.visits',
  phone: 'consultation.phone-calls',
  online: 'consultation.online',
  letter: 'consultation.letters',
  video: 'consultation.video',
};

export async function consultationStatistics(scoped: ScopedServices, input: { from: string; to: string; orgCode?: string | undefined }): Promise<ConsultationStatistics> {
  const orgCode = input.orgCode ?? scoped.actor.scope.orgCode;
  // An org outside the caller's subtree answers OUT_OF_SCOPE.
  await scoped.orgs.get(orgCode);
  const metrics = ['consultation.records', 'consultation.referrals', 'consultation.mediation-opened', 'consultation.followed-up', ...Object.values(channelMetric)];
  const result = await scoped.facts.query({ metrics, orgCode, from: input.from, to: input.to, groupBy: 'total' });
  const value = (metric: string) => result.rows.find((r) => r.metric === metric)?.value ?? 0;
  const [open, overdue] = await Promise.all([
    scoped.cases.list(consultationCaseTypeCode, { orgCode, status: 'open', limit: 1 }),
    scoped.cases.list(consultationCaseTypeCode, { orgCode, status: 'overdue', limit: 1 }),
  ]);
  return {
    orgCode,
    from: input.from,
    to: input.to,
    records: value('consultation.records'),
    byChannel: Object.fromEntries(consultationChannels.map((c) => [c.value, value(channelMetric[c.value])])) as Record<ConsultationChannel, number>,
    referrals: value('consultation.referrals'),
    mediationOpened: value('consultation.mediation-opened'),
    followedUp: value('consultation.followed-up'),
    open: open.total,
    overdue: overdue.total,
  };
}

export const consultationRouter = createRouter({
  /** The records: list, case file, record (open), steps (transition), the case type as deployed. */
  cases: caseworkRouter(consultationCaseTypeCode, consultationPermissions),

  /** Opens a people's mediation case from a record (the person carried over) and links it on the record, in one transaction. */
  openMediation: scopedProcedure('consultation.work')
    .input(consultationSchemas.openMediation)
    .mutation(({ ctx, input }): Promise<OpenMediationResult> => openMediation(ctx, input)),

  /** Figures of a period for the caller's subtree or one org in it (facts), and the records open and overdue now. */
  statistics: scopedProcedure('consultation.read')
    .input(consultationSchemas.statistics)
    .query(({ ctx, input }): Promise<ConsultationStatistics> => consultationStatistics(ctx, input)),
});

export type ConsultationRouter = typeof consultationRouter;
