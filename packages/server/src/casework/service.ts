/**
 * The casework engine: `ScopedServices.cases`, one engine for every case type plugins declare
 * (core `casework.ts`). Each call runs inside the caller's scoped transaction, so row-level
 * security limits every case, event and attachment to the caller's subtree (another office's
 * case is NOT_FOUND, never "forbidden": its existence does not leak).
 *
 * - open / transition: the state machine (an illegal step names the current state and the allowed
 *   ones), the step's permission and roles, its fields validated with THE schema the widget uses
 *   (`caseFieldsSchema`), optimistic concurrency (`UPDATE … WHERE revision = n`: of two concurrent
 *   steps exactly one wins, the other gets CONFLICT), the step's document, the case's facts
 *   re-derived from its whole timeline (`recordForSource`), an audit entry without personal data,
 *   and a 'cases' change after commit.
 * - Personal data (parties, text fields marked personal) is sealed with the field cipher at rest
 *   and masked for lists and for every reader but the owning office (caller's org = case's org).
 * - A case type's `privacy` (core `casework.ts`): audited reads (`<type>.read` for `get` and each
 *   attachment download); sealed cases (`sealedWhen`, `cases.restricted`) visible only to their
 *   responsible staff (`cases.responsible`, row-level security on `sifa.user`), their facts
 *   recorded for the county-level unit above the office; `assign` replaces the responsible staff.
 * - Deadlines on the platform calendar (see deadlines.ts), with the deployment's overrides.
 * - Attachments: content-addressed (`case_files`, SHA-256), type sniffed from the bytes, ≤ 20 MiB.
 */
import { createHash, randomUUID } from 'node:crypto';
import { and, asc, desc, eq, getTableColumns, gte, inArray, lt, lte, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import {
  caseErrorKinds,
  caseFieldsSchema,
  caseListQuerySchema,
  caseOpenInputSchema,
  caseTransitionInputSchema,
  caseImportInputSchema,
  caseAssignInputSchema,
  caseCheckSchema,
  caseChecksInputSchema,
  catalogMessage,
  msg,
  requirePermission,
  SifaError,
  closedUnitError,
  type CalendarChangeContext,
  type CaseAttachmentView,
  type CaseCheck,
  type CaseCheckInput,
  type CaseCheckRecord,
  type CaseCheckSource,
  type CaseDeadlineOverride,
  type CaseDeadlineView,
  type CaseDocumentData,
  type CaseEventView,
  type CaseFieldSpec,
  type CaseFieldValue,
  type CaseFile,
  type CaseNextStep,
  type CaseParty,
  type CasesService,
  type CaseSummary,
  type CaseTypeView,
  type ChangeFeed,
  type Deadline,
  type FactInput,
  type FactsService,
  type LocalizedText,
  type OrgNode,
  type PlatformCatalog,
  type ScopedServices,
} from '@sifa/core';
import { inSubtree, rowsOf } from '@sifa/core/db';
import { caseAttachments, caseCounters, caseEvents, caseFiles, cases, orgs as orgsTable } from '../db/schema.js';
import { issueDayOf } from '../documents/numbering.js';
import { createFactsService } from '../facts/service.js';
import { findOrg } from '../orgs/directory.js';
import { openEnvelope, sealEnvelope, type FieldCipher } from './cipher.js';
import { isPersonalField, maskValue } from './masking.js';
import { caseDeadlines, storedDeadlines, viewOfStored, type StoredDeadline } from './deadlines.js';
import { caseNumber, orgShortName } from './numbering.js';
import { acceptedCaseFileTypes, sniffCaseFile } from './sniff.js';

/** Largest attachment (also the upload route's body limit). */
export const maxCaseFileBytes = 20 * 1024 * 1024;

/** The change-feed topic of cases (published with the case's org path after every change). */
export const casesTopic = 'cases';

type CaseType = CaseTypeView;
type Transition = CaseType['transitions'][number];
type Values = Record<string, CaseFieldValue>;
type CaseRow = typeof cases.$inferSelect;
type EventRow = typeof caseEvents.$inferSelect;
/** One step of a case's timeline with the values as the case stood then (for facts and documents). */
interface TimelineStep {
  event: EventRow;
  transition: Transition | undefined;
  /** The step's own fields. */
  step: Values;
  /** Everything the step was sent (own fields and the case fields it set). */
  all: Values;
  /** The case's fields after the step. */
  caseValues: Values;
}

export interface CaseworkOptions {
  catalog: PlatformCatalog;
  /** The plugins' checks before steps (`ServerPluginParts.caseChecks`, validated by composition). */
  checks?: readonly (CaseCheckSource & { plugin?: string })[] | undefined;
  cipher: FieldCipher;
  /** `'<case type>/<deadline code>'` → the deployment's days or unit. */
  deadlines?: Readonly<Record<string, CaseDeadlineOverride>> | undefined;
  /** Where "today" is (default Asia/Shanghai). */
  timeZone?: string | undefined;
  changes: Pick<ChangeFeed, 'publish'>;
}

export interface CaseworkPlatform {
  /** The installed case types with the deployment's deadline days. */
  readonly types: readonly CaseTypeView[];
  /** The engine inside one scoped transaction. */
  service(scoped: Omit<ScopedServices, 'cases'>): CasesService;
  /**
   * In a holiday import's transaction (the platform's calendar hook): the stored due days of open
   * cases recomputed with the new calendar, so lists, filters and warnings follow it.
   */
  refreshDeadlines(ctx: CalendarChangeContext): Promise<{ summary: LocalizedText; counts: Record<string, number> }>;
}

const overrideSchema = z.record(
  z.string(),
  z.strictObject({ days: z.number().int().min(1).max(3650).optional(), unit: z.enum(['working', 'calendar']).optional() }),
);

/** The case types as this deployment runs them; an override naming no installed deadline stops the start. */
export function caseTypeViews(catalog: PlatformCatalog, overrides: Readonly<Record<string, CaseDeadlineOverride>> = {}): CaseTypeView[] {
  const parsed = overrideSchema.safeParse(overrides);
  if (!parsed.success) {
    throw new Error(`casework.deadlines is not valid: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  const known = new Set(catalog.caseTypes.flatMap((t) => t.deadlines.map((d) => `${t.code}/${d.code}`)));
  for (const key of Object.keys(parsed.data)) {
    if (!known.has(key)) {
      throw new Error(
        `casework.deadlines["${key}"] names no deadline of an installed case type. Keys are "<case type>/<deadline code>"${known.size ? `, e.g. "${[...known][0]}"` : ' (no case type declares a deadline)'}.`,
      );
    }
  }
  return catalog.caseTypes.map((t) => ({
    ...t,
    deadlines: t.deadlines.map((d) => {
      const o = parsed.data[`${t.code}/${d.code}`];
      return o ? { ...d, days: o.days ?? d.days, unit: o.unit ?? d.unit, configured: true } : { ...d, configured: false };
    }),
  }));
}

const text = (zh: string, en: string): LocalizedText => ({ zh, en });
/** Org names lack English for most offices: the Chinese name stands in. */
const localized = (name: OrgNode['name']): LocalizedText => ({ zh: name.zh, en: name.en ?? name.zh, ...(name.mn ? { mn: name.mn } : {}) });

const notFound = (id: string) =>
  new SifaError('NOT_FOUND', {
    message: text('找不到这个案件（或它不在您的管辖范围内）。', 'There is no such case in the area you manage.'),
    details: { caseId: id },
  });

/**
 * A validation failure whose messages are catalog keys (`msg()`): the error formatter renders
 * them in the caller's language (the engine does not know it); anything else reads "not valid".
 */
function fieldsInvalid(issues: { path: readonly PropertyKey[]; message: string }[]): SifaError {
  return new SifaError('VALIDATION_FAILED', {
    issues: issues.map((i) => ({ path: i.path.map(String).join('.'), message: catalogMessage(i.message) ? i.message : msg('invalidValue') })),
  });
}

const pick = <T>(values: Record<string, T>, names: Iterable<string>): Record<string, T> => {
  const out: Record<string, T> = {};
  for (const name of names) if (name in values) out[name] = values[name]!;
  return out;
};

export function createCaseworkPlatform(options: CaseworkOptions): CaseworkPlatform {
  const types = caseTypeViews(options.catalog, options.deadlines ?? {});
  const byCode = new Map(types.map((t) => [t.code, t]));
  const timeZone = options.timeZone ?? 'Asia/Shanghai';
  const { cipher } = options;
  /** `<case type>/<transition>` → the check sources run before that step. */
  const checkSources = new Map<string, (CaseCheckSource & { plugin?: string })[]>();
  for (const source of options.checks ?? []) {
    for (const transition of source.transitions) checkSources.set(`${source.type}/${transition}`, [...(checkSources.get(`${source.type}/${transition}`) ?? []), source]);
  }
  const sourcesOf = (type: CaseType, t: Transition) => checkSources.get(`${type.code}/${t.code}`) ?? [];
  const encoder = new TextEncoder();
  const decoder = new TextDecoder();

  const seal = (values: Values): Buffer | null => (Object.keys(values).length === 0 ? null : Buffer.from(sealEnvelope(cipher, encoder.encode(JSON.stringify(values)))));
  const unseal = (sealed: Uint8Array | null): Values => (sealed ? (JSON.parse(decoder.decode(openEnvelope(cipher, sealed))) as Values) : {});

  /** Personal values go to the sealed part (and their masks), the others stay public. */
  const split = (specs: Readonly<Record<string, CaseFieldSpec>>, values: Values) => {
    const open: Values = {};
    const personal: Values = {};
    const masked: Values = {};
    for (const [name, value] of Object.entries(values)) {
      const spec = specs[name];
      if (spec && isPersonalField(spec)) {
        personal[name] = value;
        masked[name] = maskValue(spec, value);
      } else open[name] = value;
    }
    return { open, personal, masked };
  };

  /** The specs of a step's form: its own fields, then the case fields it sets (all of them for the opening). */
  const specsOf = new Map<Transition, Record<string, CaseFieldSpec>>();
  const stepSpecs = (type: CaseType, t: Transition): Record<string, CaseFieldSpec> => {
    let specs = specsOf.get(t);
    if (!specs) specsOf.set(t, (specs = { ...t.fields, ...(t.from.length === 0 ? type.fields : pick(type.fields, t.sets)) }));
    return specs;
  };
  /** The schema of a step's form, built once per step (and party count, where signatures need it). */
  const schemas = new Map<Record<string, CaseFieldSpec>, Map<number, ReturnType<typeof caseFieldsSchema>>>();
  const schemaOf = (specs: Record<string, CaseFieldSpec>, partyCount: number) => {
    const count = Object.values(specs).some((s) => s.kind === 'signatures') ? partyCount : 0;
    let byCount = schemas.get(specs);
    if (!byCount) schemas.set(specs, (byCount = new Map()));
    let schema = byCount.get(count);
    if (!schema) byCount.set(count, (schema = caseFieldsSchema(specs, { partyCount: count })));
    return schema;
  };
  const setsOf = (type: CaseType, t: Transition) => (t.from.length === 0 ? Object.keys(type.fields) : t.sets);
  /** The step's form as widgets get it: the case fields it `requires` marked required. */
  const formSpecs = (type: CaseType, t: Transition): Record<string, CaseFieldSpec> => {
    const specs = { ...stepSpecs(type, t) };
    for (const name of t.requires) if (specs[name]) specs[name] = { ...specs[name], required: true };
    return specs;
  };
  /** The case fields a step `requires` that the case lacks after it (the value sent, or the one it had). */
  const missingRequired = (t: Transition, caseValues: Values) =>
    t.requires.filter((name) => {
      const value = caseValues[name];
      return value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
    });
  /** What a deadline's `when` reads: the case's fields (sealed ones opened only when a `when` names one). */
  const deadlineValues = (type: CaseType, row: Pick<CaseRow, 'fields' | 'sealed'>): Values =>
    type.deadlines.some((d) => d.when && type.fields[d.when.field] && isPersonalField(type.fields[d.when.field]!)) ? { ...(row.fields as Values), ...unseal(row.sealed) } : (row.fields as Values);

  const searchText = (type: CaseType, number: string, values: Values) => {
    const words = [number];
    for (const name of type.listFields) {
      const spec = type.fields[name];
      const value = values[name];
      if (!spec || isPersonalField(spec) || value === null || value === undefined) continue;
      if (spec.kind === 'choice' || spec.kind === 'choices') {
        for (const v of Array.isArray(value) ? value : [value]) {
          const option = spec.options.find((o) => o.value === v);
          words.push(String(v), ...(option ? [option.title.zh, option.title.en] : []));
        }
      } else if (typeof value === 'string' || typeof value === 'number') words.push(String(value));
    }
    return words.join(' ').toLowerCase();
  };

  /** Whether a case with these fields is sealed from everyone but its responsible staff (`privacy.sealedWhen`). */
  const isRestricted = (type: CaseType, values: Values): boolean => {
    const when = type.privacy?.sealedWhen;
    if (!when) return false;
    const v = values[when.field];
    return (Array.isArray(v) ? v : [v]).some((x) => when.in.includes(x as string | boolean));
  };

  const partyCountOf = (type: CaseType, values: Values) => {
    const name = Object.entries(type.fields).find(([, s]) => s.kind === 'parties')?.[0];
    const parties = name ? values[name] : undefined;
    return Array.isArray(parties) ? parties.length : 0;
  };

  return {
    types,
    async refreshDeadlines(ctx) {
      const { db } = ctx.scoped;
      const today = issueDayOf(ctx.now, timeZone).day;
      const open = await db
        .select({ id: cases.id, type: cases.type, deadlines: cases.deadlines, fields: cases.fields, sealed: cases.sealed })
        .from(cases)
        .where(and(eq(cases.closed, false), inArray(cases.type, types.length ? types.map((t) => t.code) : [''])));
      let changed = 0;
      for (let i = 0; i < open.length; i += 500) {
        const batch = open.slice(i, i + 500);
        const events = await db
          .select({ caseId: caseEvents.caseId, transition: caseEvents.transition, on: caseEvents.on, toState: caseEvents.toState })
          .from(caseEvents)
          .where(inArray(caseEvents.caseId, batch.map((c) => c.id)))
          .orderBy(asc(caseEvents.caseId), asc(caseEvents.seq));
        const byCase = new Map<string, typeof events>();
        for (const e of events) byCase.set(e.caseId, [...(byCase.get(e.caseId) ?? []), e]);
        for (const row of batch) {
          const type = byCode.get(row.type)!;
          const views = caseDeadlines(type, byCase.get(row.id) ?? [], ctx.calendar, today, deadlineValues(type, row));
          const { running, next } = storedDeadlines(type, views, ctx.calendar);
          // jsonb reorders keys: compare the values.
          const key = (list: readonly StoredDeadline[]) => JSON.stringify(list.map((d) => [d.code, d.startedOn, d.due, d.warnFrom]));
          if (key(running) === key(row.deadlines as StoredDeadline[])) continue;
          changed += 1;
          if (!ctx.dryRun) await db.update(cases).set({ deadlines: running, nextDue: next?.due ?? null, nextWarn: next?.warnFrom ?? null }).where(eq(cases.id, row.id));
        }
      }
      if (changed) ctx.log(`${changed} open case(s) got new due days`);
      return {
        summary: text(`${changed} 件在办案件的期限按新的节假日安排重新计算。`, `${changed} open case(s) have deadlines recomputed with the new holidays.`),
        counts: { cases: changed },
      };
    },
    service(scoped) {
      const { db, actor } = scoped;
      const today = () => issueDayOf(scoped.now(), timeZone).day;

      const typeOf = (code: string): CaseType => {
        const type = byCode.get(code);
        if (!type) {
          throw new SifaError('NOT_FOUND', {
            message: text(`没有安装案件类型“${code}”。`, `No installed plugin provides the case type "${code}".`),
            details: { type: code },
          });
        }
        return type;
      };

      const stateTitle = (type: CaseType, code: string) => type.states.find((s) => s.code === code)?.title ?? text(code, code);
      const isClosed = (type: CaseType, state: string) => type.states.find((s) => s.code === state)?.closed ?? false;
      // A step's roles bind people; the system actor (demo seed, jobs) takes any step it has the permission for.
      const roleMay = (t: Transition) => !t.roles || actor.system === true || t.roles.includes(actor.role);
      const mayTake = (t: Transition) => actor.permissions.has(t.permission) && roleMay(t);
      const touchesPersonal = (type: CaseType, t: Transition) => setsOf(type, t).some((f) => isPersonalField(type.fields[f]!));

      const requireStep = (type: CaseType, t: Transition) => {
        requirePermission(actor, t.permission);
        if (t.roles && !roleMay(t)) {
          throw new SifaError('FORBIDDEN', {
            message: text(`“${t.title.zh}”只能由以下角色办理：${t.roles.join('、')}。`, `"${t.title.en}" may be taken only by: ${t.roles.join(', ')}.`),
            details: { transition: t.code, role: actor.role, roles: t.roles.join(',') },
          });
        }
      };

      const loadCase = async (type: CaseType, id: string): Promise<CaseRow> => {
        const [row] = await db.select().from(cases).where(and(eq(cases.id, id), eq(cases.type, type.code)));
        if (!row) throw notFound(id);
        return row;
      };
      const loadEvents = (id: string) => db.select().from(caseEvents).where(eq(caseEvents.caseId, id)).orderBy(asc(caseEvents.seq));

      /**
       * Where a sealed case's facts go: the deepest unit at county level or above on the case's
       * path (the office's county; the case's own org when it is one), so no office-level figure
       * contains it. One lookup per org and transaction.
       */
      const countyOf = new Map<string, Promise<OrgNode>>();
      const factsOrgOf = (orgPath: string): Promise<OrgNode> => {
        let node = countyOf.get(orgPath);
        if (!node) {
          countyOf.set(
            orgPath,
            (node = (async () => {
              const [above] = await db
                .select({ code: orgsTable.code })
                .from(orgsTable)
                .where(and(sql`${orgPath} LIKE ${orgsTable.path} || '%'`, inArray(orgsTable.level, ['region', 'city', 'county'])))
                .orderBy(desc(sql`length(${orgsTable.path})`))
                .limit(1);
              const found = above ? await findOrg(db, above.code) : null;
              if (!found) throw new Error(`No county-level unit above ${orgPath} for a sealed case's facts`);
              return found;
            })()),
          );
        }
        return node;
      };
      /**
       * The facts service for a sealed case: the caller's own, except that it may name the county
       * above the caller's office (outside its scope; the facts table's `facts_case_above` policy
       * lets whoever sees the case keep its facts there, and nothing else).
       */
      const sealedFacts = (county: OrgNode): FactsService =>
        createFactsService(db, actor, { ...scoped.orgs, get: (c: string) => (c === county.code ? Promise.resolve(county) : scoped.orgs.get(c)) }, scoped.catalog.metrics, (paths) =>
          scoped.afterCommit(() => paths.forEach((path) => options.changes.publish('facts', path))),
        );


      /** Validates a step's form with the widget's schema; issues under `fields.`. */
      const parseFields = (specs: Record<string, CaseFieldSpec>, input: Record<string, unknown>, partyCount: number, context?: Values): Values => {
        // The cached schema unless requiredWhen must read the case's current fields (built per call then).
        const needsContext = context !== undefined && Object.values(specs).some((spec) => spec.requiredWhen);
        const result = (needsContext ? caseFieldsSchema(specs, { partyCount, context }) : schemaOf(specs, partyCount)).safeParse(input);
        if (result.success) return result.data as Values;
        const issues: { path: PropertyKey[]; message: string }[] = [];
        for (const issue of result.error.issues) {
          if (issue.code === 'unrecognized_keys') for (const key of issue.keys) issues.push({ path: ['fields', ...issue.path, key], message: msg('caseUnknownField') });
          else issues.push({ path: ['fields', ...issue.path], message: issue.message });
        }
        throw fieldsInvalid(issues);
      };

      const checkDay = (on: string, notBefore: string | null) => {
        if (on > today()) throw fieldsInvalid([{ path: ['on'], message: msg('caseDayInFuture') }]);
        if (notBefore !== null && on < notBefore) throw fieldsInvalid([{ path: ['on'], message: msg('caseDayBeforeLast') }]);
      };

      const checkAttachmentsNamed = async (specs: Record<string, CaseFieldSpec>, values: Values, caseId: string | null) => {
        const named = Object.entries(specs).flatMap(([name, spec]) => (spec.kind === 'attachments' ? ((values[name] as string[] | undefined) ?? []).map((sha, i) => ({ name, sha, i })) : []));
        if (named.length === 0) return;
        const present = caseId
          ? new Set((await db.select({ sha256: caseAttachments.sha256 }).from(caseAttachments).where(and(eq(caseAttachments.caseId, caseId), inArray(caseAttachments.sha256, named.map((n) => n.sha))))).map((r) => r.sha256))
          : new Set<string>();
        const missing = named.filter((n) => !present.has(n.sha));
        if (missing.length) throw fieldsInvalid(missing.map((m) => ({ path: ['fields', m.name, m.i], message: msg('caseAttachment') })));
      };

      /** Every step's values as the case stood then: for facts and documents. */
      const timeline = (type: CaseType, events: readonly EventRow[]): TimelineStep[] => {
        let values: Values = {};
        return events.map((e) => {
          const t = type.transitions.find((x) => x.code === e.transition);
          const all = { ...(e.fields as Values), ...unseal(e.sealed) };
          const step = t ? pick(all, Object.keys(t.fields)) : {};
          values = { ...values, ...(t ? pick(all, setsOf(type, t)) : {}) };
          return { event: e, transition: t, step, all, caseValues: values };
        });
      };

      /** The facts a case's whole timeline records. */
      const factsOf = (type: CaseType, orgCode: string, steps: readonly TimelineStep[]): FactInput[] => {
        const facts: FactInput[] = [];
        const metrics = scoped.catalog.metrics;
        // The opening transition's day (受理登记): where `dated: 'opening'` facts count.
        const openedOn = (steps.find((s) => s.transition?.from.length === 0) ?? steps[0])?.event.on;
        for (const { event, transition, step, caseValues } of steps) {
          for (const spec of transition?.facts ?? []) {
            if (spec.ifInstalled && !metrics.has(spec.metric)) continue;
            const read = (field: string) => (field in step ? step[field] : caseValues[field]);
            if (spec.when) {
              const v = read(spec.when.field);
              const values = Array.isArray(v) ? v : [v];
              if (!values.some((x) => spec.when!.in.includes(x as string | boolean))) continue;
            }
            let value: number | null;
            if (typeof spec.value === 'number') value = spec.value;
            else if ('field' in spec.value) {
              const v = read(spec.value.field);
              value = typeof v === 'number' ? v : null;
            } else {
              const v = read(spec.value.count);
              value = Array.isArray(v) ? v.length : null;
            }
            if (value === null || !Number.isFinite(value)) continue;
            facts.push({ orgCode, day: spec.dated === 'opening' && openedOn ? openedOn : event.on, metric: spec.metric, value });
          }
        }
        return facts;
      };
      const factSource = (type: CaseType, caseId: string) => ({ kind: `${type.plugin}.case`, id: caseId });
      /**
       * The case's facts from its whole timeline: one recordForSource replaces what it recorded
       * before. A sealed case's go to the county above its office (and back, should it be unsealed).
       */
      const recordFacts = async (type: CaseType, c: { id: string; orgCode: string; orgPath: string; restricted: boolean }, steps: readonly TimelineStep[]) => {
        if (!c.restricted) return scoped.facts.recordForSource(factSource(type, c.id), factsOf(type, c.orgCode, steps));
        const county = await factsOrgOf(c.orgPath);
        return sealedFacts(county).recordForSource(factSource(type, c.id), factsOf(type, county.code, steps));
      };

      const issueDocument = async (type: CaseType, t: Transition, row: Pick<CaseRow, 'id' | 'number' | 'orgCode'>, on: string, caseValues: Values, step: Values, earlier: readonly TimelineStep[]) => {
        if (!t.document) return null;
        const data: CaseDocumentData = {
          caseId: row.id,
          number: row.number,
          type: type.code,
          orgCode: row.orgCode,
          transition: t.code,
          on,
          fields: caseValues,
          step,
          events: earlier.map((s) => ({ transition: s.event.transition, on: s.event.on, fields: s.all })),
        };
        const issued = await scoped.documents.issue({ template: t.document, issuerOrgCode: row.orgCode, data, entity: { kind: 'case', id: row.id }, personal: true });
        return issued.id;
      };

      // `rowHash`: the case row as it is after the step (its trigger's hash), what `sifa audit verify` compares.
      /** A sealed case's entries (`restricted`) are audited like any other, but sent to no webhook (`AuditEntryInput.sealed`). */
      const audit = (type: CaseType, row: Pick<CaseRow, 'id' | 'number' | 'orgCode' | 'rowHash'> & { restricted?: boolean | undefined }, action: string, after: Record<string, unknown>) =>
        scoped.audit.record({ action: `${type.code}.${action}`, orgCode: row.orgCode, entity: 'cases', entityId: row.id, after: { number: row.number, ...after }, rowHash: row.rowHash, sealed: row.restricted === true });

      /** `privacy.auditReads`: who opened which case file (the number only: no personal data). */
      const auditRead = (type: CaseType, row: Pick<CaseRow, 'id' | 'number' | 'orgCode' | 'rowHash'>, what: Record<string, unknown> = {}) =>
        type.privacy?.auditReads ? audit(type, row, 'read', what) : Promise.resolve();

      const publish = (orgPath: string) => scoped.afterCommit(() => options.changes.publish(casesTopic, orgPath));

      // ---------------------------------------------------------------------------------- views

      const viewValue = (spec: CaseFieldSpec | undefined, value: CaseFieldValue, full: boolean) => (spec && !full ? maskValue(spec, value) : value);

      const summaryOf = (type: CaseType, row: CaseRow, orgName: LocalizedText, nextDeadline: CaseDeadlineView | null): CaseSummary => {
        const listed = { ...(row.fields as Values), ...(row.masked as Values) };
        return {
          id: row.id,
          type: row.type,
          number: row.number,
          orgCode: row.orgCode,
          orgName,
          state: row.state,
          closed: row.closed,
          openedOn: row.openedOn,
          updatedAt: row.updatedAt.toISOString(),
          revision: row.revision,
          summary: Object.fromEntries(type.listFields.map((f) => [f, listed[f] ?? null])),
          nextDeadline,
          restricted: row.restricted,
        };
      };

      const attachmentView = (type: CaseType, a: Pick<typeof caseAttachments.$inferSelect, 'caseId' | 'sha256' | 'name' | 'uploadedAt' | 'uploadedByName'>, file: { mimeType: string; bytes: number }): CaseAttachmentView => ({
        sha256: a.sha256,
        name: a.name,
        mimeType: file.mimeType,
        bytes: file.bytes,
        uploadedAt: a.uploadedAt.toISOString(),
        uploadedBy: a.uploadedByName,
        downloadPath: `/plugins/${type.plugin}/cases/${a.caseId}/attachments/${a.sha256}`,
      });

      const attachmentsOf = (id: string) =>
        db
          .select({ caseId: caseAttachments.caseId, sha256: caseAttachments.sha256, name: caseAttachments.name, uploadedAt: caseAttachments.uploadedAt, uploadedByName: caseAttachments.uploadedByName, mimeType: caseFiles.mimeType, bytes: caseFiles.bytes })
          .from(caseAttachments)
          .innerJoin(caseFiles, eq(caseFiles.sha256, caseAttachments.sha256))
          .where(eq(caseAttachments.caseId, id))
          .orderBy(asc(caseAttachments.uploadedAt), asc(caseAttachments.sha256));

      const fileOf = (type: CaseType, row: CaseRow, events: readonly EventRow[], orgName: LocalizedText, attachments: Awaited<ReturnType<typeof attachmentsOf>>): CaseFile => {
        const full = actor.scope.orgCode === row.orgCode;
        const personal = full ? unseal(row.sealed) : (row.masked as Values);
        const values = { ...(row.fields as Values), ...personal };
        const deadlines = caseDeadlines(type, events, scoped.calendar, today(), deadlineValues(type, row));
        const running = deadlines.filter((d) => d.state !== 'met').sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0));
        const eventViews: CaseEventView[] = events.map((e) => {
          const t = type.transitions.find((x) => x.code === e.transition);
          const specs = t ? stepSpecs(type, t) : {};
          const sealed = unseal(e.sealed);
          const shown: Values = { ...(e.fields as Values) };
          for (const [name, value] of Object.entries(sealed)) shown[name] = viewValue(specs[name], value, full);
          return {
            seq: e.seq,
            transition: e.transition,
            from: e.fromState,
            to: e.toState,
            on: e.on,
            at: e.at.toISOString(),
            by: { userId: e.actorId, name: e.actorName },
            fields: shown,
            documentId: e.documentId,
            checks: e.checks ?? [],
          };
        });
        const next: CaseNextStep[] = type.transitions
          .filter((t) => t.from.includes(row.state) && mayTake(t) && (full || !touchesPersonal(type, t)))
          .map((t) => ({ code: t.code, title: t.title, to: t.to, note: t.note, fields: formSpecs(type, t), sets: t.sets, document: t.document ?? null, checks: sourcesOf(type, t).length > 0 }));
        return {
          ...summaryOf(type, row, orgName, running[0] ?? null),
          fields: Object.fromEntries(Object.keys(type.fields).map((f) => [f, values[f] ?? null])),
          masked: !full,
          responsible: row.responsible,
          events: eventViews,
          attachments: attachments.map((a) => attachmentView(type, a, a)),
          deadlines,
          next,
        };
      };

      /** The case's org (visible, so in scope): one lookup per transaction, shared with facts and audit. */
      const orgNameOf = async (code: string) => localized((await scoped.orgs.get(code)).name);

      /** An opening as `open` and `import` check it: nothing written. */
      const prepareOpening = async (type: CaseType, input: { on?: string | undefined; fields: Record<string, unknown> }) => {
        const opening = type.transitions.find((t) => t.from.length === 0)!;
        requireStep(type, opening);
        const on = input.on ?? today();
        checkDay(on, null);
        const specs = stepSpecs(type, opening);
        const parsed = parseFields(specs, input.fields, 0);
        await checkAttachmentsNamed(specs, parsed, null);
        const caseValues = pick(parsed, Object.keys(type.fields));
        const missing = missingRequired(opening, caseValues);
        if (missing.length) throw fieldsInvalid(missing.map((name) => ({ path: ['fields', name], message: msg('caseRequired') })));
        return { t: opening, on, specs, parsed, step: pick(parsed, Object.keys(opening.fields)), caseValues, checks: null as CaseCheckRecord[] | null };
      };

      /** Every check before step `t` (the plugins' sources in start order); a source's malformed answer is a bug of that plugin. */
      const runChecks = async (type: CaseType, t: Transition, input: CaseCheckInput): Promise<CaseCheck[]> => {
        const out: CaseCheck[] = [];
        for (const source of sourcesOf(type, t)) {
          for (const check of await source.run(scoped, input)) {
            const parsed = caseCheckSchema.safeParse(check);
            if (!parsed.success || out.some((c) => c.code === check.code)) {
              throw new Error(`Plugin "${source.plugin ?? '?'}": a check before "${type.code}/${t.code}" is malformed or repeats the code "${String(check.code)}"${parsed.success ? '' : `: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`}.`);
            }
            out.push(parsed.data);
          }
        }
        return out;
      };

      /**
       * The step's checks against the reasons given: a 'blocked' check refuses the step whatever
       * the reasons (issue at `checks.<code>`, its suggestion saying what to fix); every 'attention'
       * check needs a reason (issue at `overrides.<code>`); a reason for a check the step does not
       * have, or for a blocked one, is refused. Returns what the event records (null: the step has no checks).
       */
      const settleChecks = async (type: CaseType, t: Transition, input: CaseCheckInput, overrides: Readonly<Record<string, string>>): Promise<CaseCheckRecord[] | null> => {
        if (sourcesOf(type, t).length === 0) {
          const stray = Object.keys(overrides);
          if (stray.length) throw fieldsInvalid(stray.map((code) => ({ path: ['overrides', code], message: msg('caseCheckUnknown') })));
          return null;
        }
        const checks = await runChecks(type, t, input);
        const blocked = checks.filter((c) => c.state === 'blocked');
        if (blocked.length) {
          // What to fix: each check's suggestion (else what it found), in each language.
          const fix = (l: 'zh' | 'en') => blocked.map((c) => (l === 'zh' ? `“${c.title.zh}”：${(c.suggestion ?? c.explanation).zh}` : `"${c.title.en}": ${(c.suggestion ?? c.explanation).en}`)).join(l === 'zh' ? '；' : '; ');
          const mn = blocked.every((c) => c.title.mn && (c.suggestion ?? c.explanation).mn) ? blocked.map((c) => `${c.title.mn}: ${(c.suggestion ?? c.explanation).mn}`).join('; ') : undefined;
          throw new SifaError('VALIDATION_FAILED', {
            message: {
              zh: `不能办理“${t.title.zh}”：${fix('zh')}。此项审查不能说明理由后继续，请更正后再办理。未作任何更改。`,
              en: `"${t.title.en}" cannot be taken: ${fix('en')}. No reason can override this check: fix it, then try again. Nothing was changed.`,
              ...(mn ? { mn } : {}),
            },
            issues: blocked.map((c) => ({ path: `checks.${c.code}`, message: msg('caseCheckBlocked') })),
            details: { transition: t.code, blocked: blocked.map((c) => c.code).join(',') },
          });
        }
        const issues: { path: PropertyKey[]; message: string }[] = [];
        for (const code of Object.keys(overrides)) if (!checks.some((c) => c.code === code && c.state !== 'blocked')) issues.push({ path: ['overrides', code], message: msg('caseCheckUnknown') });
        const unexplained = checks.filter((c) => c.state === 'attention' && !overrides[c.code]);
        for (const c of unexplained) issues.push({ path: ['overrides', c.code], message: msg('caseCheckReason') });
        if (issues.length) {
          const titles = (l: 'zh' | 'en') => unexplained.map((c) => (l === 'zh' ? `“${c.title.zh}”` : `"${c.title.en}"`)).join(l === 'zh' ? '、' : ', ');
          throw new SifaError('VALIDATION_FAILED', {
            message: unexplained.length
              ? text(`${titles('zh')}需要注意：仍要办理“${t.title.zh}”的，请逐项说明理由。未作任何更改。`, `${titles('en')} need${unexplained.length === 1 ? 's' : ''} attention: to go ahead with "${t.title.en}", give a reason for each. Nothing was changed.`)
              : text('所说明的审查提示不属于此步骤。', 'A reason names a check this step does not have.'),
            issues: issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })),
            details: { transition: t.code, checks: unexplained.map((c) => c.code).join(',') },
          });
        }
        return checks.map((c) => ({ code: c.code, state: c.state, ...(c.article ? { article: c.article } : {}), title: c.title, ...(c.state === 'attention' ? { reason: overrides[c.code]! } : {}) }));
      };

      /**
       * A step as `transition` and `import` check it, on a case in `state` whose last step was on
       * `lastOn` with `current` values: nothing written.
       */
      const prepareStep = async (
        type: CaseType,
        at: { id: string | null; number: string | null; orgCode: string; state: string; openedOn: string; lastOn: string; current: Values },
        input: { transition: string; on?: string | undefined; fields: Record<string, unknown>; overrides?: Readonly<Record<string, string>> | undefined },
      ) => {
        const t = type.transitions.find((x) => x.code === input.transition && x.from.length > 0);
        if (!t || !t.from.includes(at.state)) throw illegalTransition(type, at.state, input.transition);
        requireStep(type, t);
        if (actor.scope.orgCode !== at.orgCode && touchesPersonal(type, t)) {
          throw new SifaError('FORBIDDEN', {
            message: text(`“${t.title.zh}”会修改当事人等个人信息，只能由承办本案的单位办理。`, `"${t.title.en}" changes personal data of the case: only the office that owns it may take this step.`),
            details: { transition: t.code, orgCode: at.orgCode },
          });
        }
        const on = input.on ?? today();
        checkDay(on, at.lastOn);
        const specs = stepSpecs(type, t);
        const parsed = parseFields(specs, input.fields, partyCountOf(type, at.current), at.current);
        await checkAttachmentsNamed(specs, parsed, at.id);
        const caseValues = { ...at.current, ...pick(parsed, t.sets) };
        const missing = missingRequired(t, caseValues);
        if (missing.length) throw fieldsInvalid(missing.map((name) => ({ path: ['fields', name], message: msg('caseRequired') })));
        const step = pick(parsed, Object.keys(t.fields));
        // Checked on the case as it stood before the step, with the step's own fields.
        const checks = await settleChecks(type, t, { case: { id: at.id, number: at.number, orgCode: at.orgCode, state: at.state, openedOn: at.openedOn, fields: at.current }, transition: t.code, step, on }, input.overrides ?? {});
        return { t, on, specs, parsed, step, caseValues, checks };
      };
      type Prepared = Awaited<ReturnType<typeof prepareOpening>>;

      /** The stored row of a case whose fields are `caseValues` and whose timeline is `events`. */
      const caseRow = (
        type: CaseType,
        c: { id: string; org: OrgNode; year: number; seq: number; number: string; openedOn: string; at: Date; caseValues: Values },
        events: readonly Pick<EventRow, 'transition' | 'on' | 'toState'>[],
      ): typeof cases.$inferInsert => {
        const state = events.at(-1)!.toState;
        const { running, next } = storedDeadlines(type, caseDeadlines(type, events, scoped.calendar, today(), c.caseValues), scoped.calendar);
        const caseSplit = split(type.fields, c.caseValues);
        return {
          id: c.id,
          type: type.code,
          orgCode: c.org.code,
          orgPath: c.org.path,
          year: c.year,
          seq: c.seq,
          number: c.number,
          state,
          closed: isClosed(type, state),
          revision: events.length,
          openedOn: c.openedOn,
          updatedAt: c.at,
          fields: caseSplit.open,
          sealed: seal(caseSplit.personal),
          masked: caseSplit.masked,
          search: searchText(type, c.number, c.caseValues),
          deadlines: running,
          nextDue: next?.due ?? null,
          nextWarn: next?.warnFrom ?? null,
          createdBy: actor.userId,
          responsible: [actor.userId],
          restricted: isRestricted(type, c.caseValues),
        };
      };

      /** The event row of a prepared step (its personal values sealed). */
      const eventRow = (c: Pick<CaseRow, 'id' | 'orgCode' | 'orgPath'>, seq: number, from: string | null, p: Prepared, at: Date, documentId: string | null): EventRow => {
        const eventSplit = split(p.specs, p.parsed);
        return {
          caseId: c.id,
          seq,
          orgCode: c.orgCode,
          orgPath: c.orgPath,
          transition: p.t.code,
          fromState: from,
          toState: p.t.to,
          on: p.on,
          at,
          actorId: actor.userId,
          actorName: actor.displayName,
          fields: eventSplit.open,
          sealed: seal(eventSplit.personal),
          documentId,
          checks: p.checks,
        };
      };

      /** Takes `n` sequence numbers of an org, type and year under the counter's row lock; returns the first. */
      const takeNumbers = async (type: CaseType, org: OrgNode, year: number, n: number) => {
        const [counter] = await db
          .insert(caseCounters)
          .values({ orgCode: org.code, orgPath: org.path, type: type.code, year, lastSeq: n })
          .onConflictDoUpdate({ target: [caseCounters.orgCode, caseCounters.type, caseCounters.year], set: { lastSeq: sql`${caseCounters.lastSeq} + ${n}` } })
          .returning({ seq: caseCounters.lastSeq });
        return counter!.seq - n + 1;
      };

      // ------------------------------------------------------------------------------ service

      const service: CasesService = {
        types: () => types,

        async open(code, rawInput) {
          const type = typeOf(code);
          const input = caseOpenInputSchema.parse(rawInput);
          const org: OrgNode = await scoped.orgs.get(input.orgCode ?? actor.scope.orgCode);
          // Every case type, whoever opens it (staff, a county, a citizen's form): not at a closed unit.
          if (org.closed) throw closedUnitError(org);
          const p = await prepareOpening(type, input);
          const year = Number(p.on.slice(0, 4));
          const seq = await takeNumbers(type, org, year, 1);
          const id = randomUUID();
          const number = caseNumber({ year, shortName: orgShortName(org), mark: type.numberMark, seq });
          const at = scoped.now();
          const [row] = await db
            .insert(cases)
            .values(caseRow(type, { id, org, year, seq, number, openedOn: p.on, at, caseValues: p.caseValues }, [{ transition: p.t.code, on: p.on, toState: p.t.to }]))
            .returning();
          const documentId = await issueDocument(type, p.t, row!, p.on, p.caseValues, p.step, []);
          const event = eventRow(row!, 1, null, p, at, documentId);
          await Promise.all([
            db.insert(caseEvents).values(event),
            recordFacts(type, row!, [{ event, transition: p.t, step: p.step, all: p.parsed, caseValues: p.caseValues }]),
            audit(type, row!, p.t.code, { state: p.t.to, revision: 1, on: p.on, documentId }),
          ]);
          publish(org.path);
          return fileOf(type, row!, [event], localized(org.name), []);
        },

        async transition(code, rawInput) {
          const type = typeOf(code);
          const input = caseTransitionInputSchema.parse(rawInput);
          // One round trip for both (postgres.js pipelines them); the events are RLS-limited like the case.
          const [row, events] = await Promise.all([loadCase(type, input.id), loadEvents(input.id)]);
          if (row.revision !== input.revision) throw revisionConflict(row.id, input.revision, row.revision);
          const current = { ...(row.fields as Values), ...unseal(row.sealed) };
          const p = await prepareStep(type, { id: row.id, number: row.number, orgCode: row.orgCode, state: row.state, openedOn: row.openedOn, lastOn: events.at(-1)?.on ?? row.openedOn, current }, input);
          const { t, on, caseValues } = p;
          const seq = row.revision + 1;
          const at = scoped.now();
          const views = caseDeadlines(type, [...events, { transition: t.code, on, toState: t.to }], scoped.calendar, today(), caseValues);
          const { running, next } = storedDeadlines(type, views, scoped.calendar);
          const setsPersonal = t.sets.some((f) => isPersonalField(type.fields[f]!));
          const restricted = isRestricted(type, caseValues);
          // Sealing the case from the one taking the step: the database would refuse the row (its
          // policy lets only the responsible staff see a sealed case); say why instead.
          if (restricted && !row.responsible.includes(actor.userId)) {
            throw new SifaError('FORBIDDEN', {
              message: text(
                `“${t.title.zh}”会使本案仅对承办人员可见，而您不是本案的承办人员：请先由承办人员将您加入（分配承办人员）。`,
                `"${t.title.en}" would seal the case from everyone but its responsible staff, and you are not one of them: ask them to assign you first.`,
              ),
              details: { transition: t.code, caseId: row.id },
            });
          }
          // Sent with the UPDATE: the facts, the audit entry and the view all look the org up (once per transaction).
          const orgName = orgNameOf(row.orgCode);
          orgName.catch(() => undefined); // awaited below; a step refused before then must not leave it unhandled
          const caseSplit = split(type.fields, caseValues);
          // The one write that decides a race: of two steps from one revision, one updates the row.
          const [updated] = await db
            .update(cases)
            .set({
              state: t.to,
              closed: isClosed(type, t.to),
              revision: seq,
              updatedAt: at,
              ...(t.sets.length ? { fields: caseSplit.open, masked: caseSplit.masked, search: searchText(type, row.number, caseValues) } : {}),
              ...(setsPersonal ? { sealed: seal(caseSplit.personal) } : {}),
              restricted,
              deadlines: running,
              nextDue: next?.due ?? null,
              nextWarn: next?.warnFrom ?? null,
            })
            .where(and(eq(cases.id, row.id), eq(cases.revision, input.revision)))
            .returning();
          if (!updated) {
            const [now] = await db.select({ revision: cases.revision }).from(cases).where(eq(cases.id, row.id));
            throw revisionConflict(row.id, input.revision, now?.revision ?? input.revision + 1);
          }
          const earlier = timeline(type, events);
          const documentId = await issueDocument(type, t, row, on, caseValues, p.step, earlier);
          const event = eventRow(row, seq, row.state, p, at, documentId);
          // Independent writes of one transaction, sent together (any failure rolls back all of them).
          const [, , , name, attachments] = await Promise.all([
            db.insert(caseEvents).values(event),
            recordFacts(type, updated, [...earlier, { event, transition: t, step: p.step, all: p.parsed, caseValues }]),
            audit(type, { ...row, restricted: updated.restricted, rowHash: updated.rowHash }, t.code, { from: row.state, state: t.to, revision: seq, on, documentId, ...(p.checks ? { checks: p.checks.map((c) => ({ code: c.code, state: c.state, ...(c.reason ? { reason: c.reason } : {}) })) } : {}) }),
            orgName,
            attachmentsOf(row.id),
          ]);
          publish(row.orgPath);
          return fileOf(type, updated, [...events, event], name, attachments);
        },

        async checks(code, rawInput) {
          const type = typeOf(code);
          requirePermission(actor, type.readPermission);
          const input = caseChecksInputSchema.parse(rawInput);
          const row = await loadCase(type, input.id);
          const t = input.transition
            ? type.transitions.find((x) => x.code === input.transition && x.from.length > 0)
            : type.transitions.find((x) => x.from.includes(row.state) && sourcesOf(type, x).length > 0);
          if (!t) {
            if (input.transition) throw illegalTransition(type, row.state, input.transition);
            return [];
          }
          if (!t.from.includes(row.state)) throw illegalTransition(type, row.state, t.code);
          const step = pick(input.fields, Object.keys(t.fields));
          const current = { ...(row.fields as Values), ...unseal(row.sealed) };
          return runChecks(type, t, { case: { id: row.id, number: row.number, orgCode: row.orgCode, state: row.state, openedOn: row.openedOn, fields: current }, transition: t.code, step, on: today() });
        },

        async import(code, rawInput) {
          const type = typeOf(code);
          const input = caseImportInputSchema.parse(rawInput);
          const orgs = new Map<string, OrgNode>();
          for (const orgCode of new Set(input.cases.map((c) => c.orgCode ?? actor.scope.orgCode))) orgs.set(orgCode, await scoped.orgs.get(orgCode));
          // Every case and step checked before anything is written: one bad one refuses the batch.
          const planned: { org: OrgNode; steps: Prepared[] }[] = [];
          for (const [index, c] of input.cases.entries()) {
            const org = orgs.get(c.orgCode ?? actor.scope.orgCode)!;
            const steps: Prepared[] = [await inImport(index, null, () => prepareOpening(type, c))];
            for (const [stepIndex, s] of c.steps.entries()) {
              const last = steps.at(-1)!;
              steps.push(await inImport(index, stepIndex, () => prepareStep(type, { id: null, number: null, orgCode: org.code, state: last.t.to, openedOn: steps[0]!.on, lastOn: last.on, current: last.caseValues }, s)));
            }
            planned.push({ org, steps });
          }
          // Numbers in order of the opening day within each office and year.
          const order = planned.map((c, i) => ({ c, i, year: Number(c.steps[0]!.on.slice(0, 4)) })).sort((a, b) => (a.c.steps[0]!.on < b.c.steps[0]!.on ? -1 : a.c.steps[0]!.on > b.c.steps[0]!.on ? 1 : a.i - b.i));
          const groups = new Map<string, typeof order>();
          for (const o of order) groups.set(`${o.c.org.code}/${o.year}`, [...(groups.get(`${o.c.org.code}/${o.year}`) ?? []), o]);
          const numbered: { id: string; number: string; seq: number; year: number }[] = [];
          for (const group of groups.values()) {
            const first = await takeNumbers(type, group[0]!.c.org, group[0]!.year, group.length);
            group.forEach((o, k) => {
              const seq = first + k;
              numbered[o.i] = { id: randomUUID(), seq, year: o.year, number: caseNumber({ year: o.year, shortName: orgShortName(o.c.org), mark: type.numberMark, seq }) };
            });
          }
          const at = scoped.now();
          const rows: (typeof cases.$inferInsert)[] = [];
          const events: EventRow[] = [];
          const facts: { restricted: boolean; orgCode: string; orgPath: string; source: { kind: string; id: string }; steps: TimelineStep[] }[] = [];
          planned.forEach(({ org, steps }, i) => {
            const n = numbered[i]!;
            const c = { id: n.id, orgCode: org.code, orgPath: org.path };
            const caseEventsOf = steps.map((p, k) => eventRow(c, k + 1, k === 0 ? null : steps[k - 1]!.t.to, p, at, null));
            rows.push(caseRow(type, { ...n, org, openedOn: steps[0]!.on, at, caseValues: steps.at(-1)!.caseValues }, caseEventsOf));
            events.push(...caseEventsOf);
            const row = rows.at(-1)!;
            facts.push({ restricted: row.restricted === true, orgCode: org.code, orgPath: org.path, source: factSource(type, n.id), steps: steps.map((p, k) => ({ event: caseEventsOf[k]!, transition: p.t, step: p.step, all: p.parsed, caseValues: p.caseValues })) });
          });
          const rowHashes = new Map<string, string>();
          for (let i = 0; i < rows.length; i += 250) {
            const hashed = await db.insert(cases).values(rows.slice(i, i + 250)).returning({ id: cases.id, rowHash: cases.rowHash });
            for (const h of hashed) rowHashes.set(h.id, h.rowHash);
          }
          for (let i = 0; i < events.length; i += 1000) await db.insert(caseEvents).values(events.slice(i, i + 1000));
          const open = facts.filter((f) => !f.restricted).map((f) => ({ source: f.source, facts: factsOf(type, f.orgCode, f.steps) }));
          for (let i = 0; i < open.length; i += 5000) await scoped.facts.recordMany(open.slice(i, i + 5000));
          // Sealed cases: their facts at the county above their office, one case at a time (rare).
          for (const f of facts.filter((x) => x.restricted)) {
            const county = await factsOrgOf(f.orgPath);
            await sealedFacts(county).recordForSource(f.source, factsOf(type, county.code, f.steps));
          }
          for (const row of rows) {
            await audit(type, { id: row.id!, number: row.number, orgCode: row.orgCode, restricted: row.restricted === true, rowHash: rowHashes.get(row.id!)! }, 'import', { state: row.state, revision: row.revision, openedOn: row.openedOn, imported: true });
          }
          for (const org of orgs.values()) publish(org.path);
          return { imported: rows.map((r) => ({ id: r.id!, number: r.number })) };
        },

        async get(code, id) {
          const type = typeOf(code);
          requirePermission(actor, type.readPermission);
          if (!z.uuid().safeParse(id).success) throw notFound(id);
          const row = await loadCase(type, id);
          const [events, orgName, attachments] = await Promise.all([loadEvents(id), orgNameOf(row.orgCode), attachmentsOf(id), auditRead(type, row)]);
          return fileOf(type, row, events, orgName, attachments);
        },

        async assign(code, rawInput) {
          const type = typeOf(code);
          const input = caseAssignInputSchema.parse(rawInput);
          const opening = type.transitions.find((t) => t.from.length === 0)!;
          requirePermission(actor, type.privacy?.assignPermission ?? opening.permission);
          // A sealed case the caller is not responsible for is not there for it (row-level security).
          const row = await loadCase(type, input.id);
          const issues: { path: PropertyKey[]; message: string }[] = [];
          for (const [i, userId] of input.userIds.entries()) {
            // Users are not readable by the scoped role: this lookup answers for users of the caller's subtree or above it.
            const [user] = rowsOf<{ org_path: string }>(await db.execute(sql`SELECT org_path FROM sifa_user_org(${userId})`));
            if (!user || !row.orgPath.startsWith(user.org_path)) issues.push({ path: ['userIds', i], message: msg('caseAssignUser') });
          }
          if (issues.length) throw fieldsInvalid(issues);
          const responsible = [...new Set(input.userIds)];
          // The system actor (the demo seed, a job) hands a sealed case over to staff: it is no user and stays no one's.
          if (row.restricted && !actor.system && !responsible.includes(actor.userId)) throw fieldsInvalid([{ path: ['userIds'], message: msg('caseAssignKeepSelf') }]);
          // The system actor's handover leaves the sealed row out of its own sight: `sifa.sealed` for this update only.
          const handOver = row.restricted && actor.system && !responsible.includes(actor.userId);
          // (Put back as it was: a job that declares `readsSealedCases` keeps its sight after the handover.)
          const [was] = handOver ? rowsOf<{ sealed: string | null }>(await db.execute(sql`SELECT current_setting('sifa.sealed', true) AS sealed, set_config('sifa.sealed', 'all', true)`)) : [];
          const [updated] = await db.update(cases).set({ responsible }).where(eq(cases.id, row.id)).returning({ rowHash: cases.rowHash });
          if (handOver) await db.execute(sql`SELECT set_config('sifa.sealed', ${was?.sealed ?? ''}, true)`);
          await audit(type, { ...row, rowHash: updated!.rowHash }, 'assign', { responsible });
          publish(row.orgPath);
          return { id: row.id, responsible };
        },

        async list(code, rawQuery) {
          const type = typeOf(code);
          requirePermission(actor, type.readPermission);
          const q = caseListQuerySchema.parse(rawQuery);
          const root = q.orgCode ? await scoped.orgs.get(q.orgCode) : null;
          const day = today();
          const where: (SQL | undefined)[] = [eq(cases.type, type.code), inSubtree(cases.orgPath, root?.path ?? actor.scope.orgPath)];
          if (q.state?.length) where.push(inArray(cases.state, q.state));
          if (q.status === 'open') where.push(eq(cases.closed, false));
          if (q.status === 'closed') where.push(eq(cases.closed, true));
          if (q.status === 'overdue') where.push(lt(cases.nextDue, day));
          if (q.status === 'due-soon') where.push(lte(cases.nextWarn, day), gte(cases.nextDue, day));
          if (q.openedFrom) where.push(gte(cases.openedOn, q.openedFrom));
          if (q.openedTo) where.push(lte(cases.openedOn, q.openedTo));
          if (q.updatedFrom) where.push(gte(cases.updatedAt, new Date(q.updatedFrom)));
          if (q.q) where.push(sql`strpos(${cases.search}, ${q.q.toLowerCase()}) > 0`);
          const condition = and(...where);
          // Never the sealed column: a list decrypts nothing.
          const { sealed: _sealed, ...listed } = getTableColumns(cases);
          const [rows, [count]] = await Promise.all([
            db
              .select({ row: listed, org: { zh: orgsTable.nameZh, en: orgsTable.nameEn, mn: orgsTable.nameMn } })
              .from(cases)
              .leftJoin(orgsTable, eq(orgsTable.code, cases.orgCode))
              .where(condition)
              .orderBy(desc(cases.openedOn), asc(cases.orgCode), desc(cases.seq))
              .limit(q.limit)
              .offset(q.offset),
            db.select({ n: sql<number>`count(*)::int` }).from(cases).where(condition),
          ]);
          const specOf = new Map(type.deadlines.map((d) => [d.code, d]));
          return {
            total: count?.n ?? 0,
            rows: rows.map(({ row, org }) => {
              const stored = (row.deadlines as StoredDeadline[]).filter((d) => specOf.has(d.code)).sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0));
              const first = stored[0];
              const orgName = org?.zh ? localized({ zh: org.zh, en: org.en ?? undefined, mn: org.mn ?? undefined }) : text(row.orgCode, row.orgCode);
              return summaryOf(type, { ...row, sealed: null }, orgName, first ? viewOfStored(specOf.get(first.code)!, first, scoped.calendar, day) : null);
            }),
          };
        },

        async attach(code, id, file) {
          const type = typeOf(code);
          requirePermission(actor, type.readPermission);
          if (!z.uuid().safeParse(id).success) throw notFound(id);
          const row = await loadCase(type, id);
          if (file.bytes.byteLength > maxCaseFileBytes) {
            throw new SifaError('PAYLOAD_TOO_LARGE', {
              message: text(`附件不能超过 ${maxCaseFileBytes / 1024 / 1024} MB。`, `An attachment may be at most ${maxCaseFileBytes / 1024 / 1024} MB.`),
              details: { maxBytes: maxCaseFileBytes, bytes: file.bytes.byteLength },
            });
          }
          if (file.bytes.byteLength === 0) throw new SifaError('BAD_REQUEST', { message: text('附件是空文件。', 'The file is empty.') });
          const sniffed = sniffCaseFile(file.bytes);
          if (!sniffed) {
            throw new SifaError('UNSUPPORTED_MEDIA_TYPE', {
              message: text('附件只能是 PDF、PNG、JPEG、Word（.docx）、Excel（.xlsx）或纯文本（UTF-8）文件。', 'An attachment must be a PDF, PNG, JPEG, Word (.docx), Excel (.xlsx) or plain text (UTF-8) file.'),
              details: { accepted: acceptedCaseFileTypes.map((t) => t.mimeType).join(',') },
            });
          }
          const name = cleanFileName(file.name, sniffed.ext);
          const sha256 = createHash('sha256').update(file.bytes).digest('hex');
          const at = scoped.now();
          await db
            .insert(caseFiles)
            .values({ sha256, mimeType: sniffed.mimeType, bytes: file.bytes.byteLength, data: Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength), createdAt: at })
            .onConflictDoNothing();
          const [added] = await db
            .insert(caseAttachments)
            .values({ caseId: row.id, sha256, orgCode: row.orgCode, orgPath: row.orgPath, name, uploadedBy: actor.userId, uploadedByName: actor.displayName, uploadedAt: at })
            .onConflictDoNothing()
            .returning();
          const attachment = added ?? (await db.select().from(caseAttachments).where(and(eq(caseAttachments.caseId, row.id), eq(caseAttachments.sha256, sha256))))[0]!;
          if (added) {
            // The name is left out: it may name a person.
            await audit(type, row, 'attach', { sha256, bytes: file.bytes.byteLength, mimeType: sniffed.mimeType });
            publish(row.orgPath);
          }
          return attachmentView(type, attachment, { mimeType: sniffed.mimeType, bytes: file.bytes.byteLength });
        },

        async attachment(code, id, sha256) {
          const type = typeOf(code);
          requirePermission(actor, type.readPermission);
          if (!z.uuid().safeParse(id).success || !/^[0-9a-f]{64}$/.test(sha256)) throw notFound(id);
          const [found] = await db
            .select({ a: caseAttachments, mimeType: caseFiles.mimeType, bytes: caseFiles.bytes, data: caseFiles.data, number: cases.number, rowHash: cases.rowHash })
            .from(caseAttachments)
            .innerJoin(cases, eq(cases.id, caseAttachments.caseId))
            .innerJoin(caseFiles, eq(caseFiles.sha256, caseAttachments.sha256))
            .where(and(eq(caseAttachments.caseId, id), eq(caseAttachments.sha256, sha256), eq(cases.type, type.code)));
          if (!found) {
            throw new SifaError('NOT_FOUND', { message: text('找不到这个附件（或它不在您的管辖范围内）。', 'There is no such attachment in the area you manage.'), details: { caseId: id, sha256 } });
          }
          await auditRead(type, { id, number: found.number, orgCode: found.a.orgCode, rowHash: found.rowHash }, { sha256 });
          return { meta: attachmentView(type, found.a, found), bytes: new Uint8Array(found.data) };
        },

        async steps(code, query) {
          const type = typeOf(code);
          if (query.caseIds.length === 0 || query.transitions.length === 0) return [];
          const out: { caseId: string; transition: string; on: string }[] = [];
          for (let i = 0; i < query.caseIds.length; i += 500) {
            // Joined with the case: row-level security hides steps of cases out of scope or sealed.
            const rows = await db
              .select({ caseId: caseEvents.caseId, transition: caseEvents.transition, on: caseEvents.on })
              .from(caseEvents)
              .innerJoin(cases, eq(cases.id, caseEvents.caseId))
              .where(
                and(
                  eq(cases.type, type.code),
                  inArray(caseEvents.caseId, query.caseIds.slice(i, i + 500) as string[]),
                  inArray(caseEvents.transition, query.transitions as string[]),
                  query.from ? gte(caseEvents.on, query.from) : undefined,
                  query.to ? lte(caseEvents.on, query.to) : undefined,
                ),
              )
              .orderBy(asc(caseEvents.caseId), asc(caseEvents.seq));
            out.push(...rows);
          }
          return out;
        },

        async factsOrgs(code, caseIds) {
          const type = typeOf(code);
          requirePermission(actor, type.readPermission);
          const out = new Map<string, string>();
          for (let i = 0; i < caseIds.length; i += 500) {
            // Under row-level security: cases out of the caller's scope or sealed from it are absent.
            const rows = await db
              .select({ id: cases.id, orgCode: cases.orgCode, orgPath: cases.orgPath, restricted: cases.restricted })
              .from(cases)
              .where(and(eq(cases.type, type.code), inArray(cases.id, caseIds.slice(i, i + 500) as string[])));
            // The same placing as the case's own facts (`recordFacts`): a sealed case at the county above its office.
            for (const row of rows) out.set(row.id, row.restricted ? (await factsOrgOf(row.orgPath)).code : row.orgCode);
          }
          return out;
        },

        async deadlines(range) {
          const wanted = range.types ? range.types.map(typeOf) : types;
          if (wanted.length === 0) return [];
          const rows = await db
            .select({ id: cases.id, type: cases.type, orgCode: cases.orgCode, number: cases.number, deadlines: cases.deadlines })
            .from(cases)
            .where(and(inArray(cases.type, wanted.map((t) => t.code)), lte(cases.nextDue, range.to), inSubtree(cases.orgPath, actor.scope.orgPath)));
          const out: Deadline[] = [];
          for (const row of rows) {
            const type = byCode.get(row.type)!;
            for (const d of row.deadlines as StoredDeadline[]) {
              const spec = type.deadlines.find((s) => s.code === d.code);
              if (!spec || d.due < range.from || d.due > range.to) continue;
              out.push({
                source: type.code,
                id: `${row.id}/${d.code}`,
                orgCode: row.orgCode,
                due: d.due,
                title: { zh: `${row.number} ${spec.title.zh}`, en: `${row.number} ${spec.title.en}`, mn: spec.title.mn },
                basis: spec.basis,
                entity: { kind: 'case', id: row.id },
              });
            }
          }
          out.sort((a, b) => (a.due === b.due ? a.id.localeCompare(b.id) : a.due < b.due ? -1 : 1));
          return out;
        },
      };
      return service;

      function revisionConflict(caseId: string, revision: number, currentRevision: number) {
        return new SifaError('CONFLICT', {
          message: text('案件已被他人更新，请刷新后重试。', 'Someone else has changed the case since you opened it. Refresh and try again.'),
          details: { caseId, revision, currentRevision },
          pluginError: caseErrorKinds.revisionConflict,
        });
      }

      /**
       * Runs the check of case `index` (its opening, or step `stepIndex`) of an import: a refusal
       * names the case and step (issue paths under `cases.<i>.` / `cases.<i>.steps.<j>.`).
       */
      async function inImport<T>(index: number, stepIndex: number | null, check: () => Promise<T>): Promise<T> {
        try {
          return await check();
        } catch (error) {
          if (!(error instanceof SifaError)) throw error;
          const where = stepIndex === null ? text(`第 ${index + 1} 件案件的受理`, `case ${index + 1}, its opening`) : text(`第 ${index + 1} 件案件的第 ${stepIndex + 1} 个步骤`, `case ${index + 1}, step ${stepIndex + 1}`);
          const prefix = stepIndex === null ? `cases.${index}` : `cases.${index}.steps.${stepIndex}`;
          const details = { ...error.details, caseIndex: index, stepIndex };
          if (error.sifaCode === 'VALIDATION_FAILED') {
            throw new SifaError('VALIDATION_FAILED', {
              message: text(`${where.zh}有需要更正的内容，没有导入任何案件。`, `Nothing was imported: ${where.en} needs correcting.`),
              issues: error.issues.map((i) => ({ ...i, path: `${prefix}.${i.path}` })),
              details,
            });
          }
          throw new SifaError(error.sifaCode, {
            message: text(`${where.zh}：${error.localized.zh}没有导入任何案件。`, `Nothing was imported: ${where.en}: ${error.localized.en}`),
            details,
          });
        }
      }

      function illegalTransition(type: CaseType, state: string, transition: string) {
        const allowed = type.transitions.filter((t) => t.from.includes(state));
        const known = type.transitions.find((t) => t.code === transition && t.from.length > 0);
        const current = stateTitle(type, state);
        const step = known ? known.title : text(transition, transition);
        const list = (l: 'zh' | 'en') => allowed.map((t) => (l === 'zh' ? `“${t.title.zh}”` : `"${t.title.en}"`)).join(l === 'zh' ? '、' : ', ');
        return new SifaError('CONFLICT', {
          message: allowed.length
            ? text(`案件当前为“${current.zh}”，不能办理“${step.zh}”；可以办理：${list('zh')}。`, `The case is "${current.en}": "${step.en}" is not possible now. Possible next steps: ${list('en')}.`)
            : text(`案件当前为“${current.zh}”，已没有可办理的步骤。`, `The case is "${current.en}": no further step is possible.`),
          details: { state, transition, allowed: allowed.map((t) => t.code).join(',') },
          pluginError: caseErrorKinds.illegalTransition,
        });
      }
    },
  };
}

/** A download name: no folders or control characters, at most 200 characters, the sniffed extension when it had none. */
export function cleanFileName(name: string, ext: string): string {
  // eslint-disable-next-line no-control-regex
  let base = (name.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f\u007f"<>|:*?]/g, '').trim();
  if (base === '' || base === '.' || base === '..') base = `file.${ext}`;
  if (!/\.[A-Za-z0-9]{1,5}$/.test(base)) base = `${base}.${ext}`;
  return [...base].slice(-200).join('');
}
