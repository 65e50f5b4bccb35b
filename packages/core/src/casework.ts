/**
 * The casework contract: a case type (people's mediation, a consultation record, a legality
 * review, later reconsideration and correction investigations) is DATA a plugin declares in its
 * manifest (`contributes.caseTypes`): its fields, states, the transitions between them (who may
 * take each, which fields each requires, which document each issues, which facts it records)
 * and its deadlines (from which event, how many working or calendar days, the legal basis shown
 * to users; a deployment may change the days). The platform runs every case type with one engine
 * (`ScopedServices.cases`, implemented by the server): timeline, attachments, deadlines on the
 * platform calendar, optimistic concurrency, encrypted personal data, facts.
 *
 * A plugin serves a case type through `caseworkRouter(code, permissions)` (procedures under
 * `<plugin>.cases.*`, typed for widgets by `ApiOf`) and `caseworkRoutes(code, permissions)`
 * (attachment upload and download); `<sifa-cases type="…">` shows any case type.
 */
import { z } from 'zod';
import { localizedTextSchema } from './locale-schema.js';
import { metricCodeSchema } from './facts.js';
import { msg } from './messages.js';
import { text } from './text.js';
import { permissionNameSchema, roleSchema } from './access.js';
import type { LocalizedText } from './locale.js';
import type { Deadline } from './deadlines.js';
import type { ScopedServices } from './trpc.js';

const code = z.string().regex(/^[a-z][a-z0-9-]*\.[a-z0-9][a-z0-9.-]*$/, msg('contributionCode'));
/** State and transition codes: kebab-case within the case type. */
const localCode = z.string().regex(/^[a-z][a-z0-9-]{0,39}$/, 'A state, transition or deadline code is kebab-case, e.g. "mediation-session"');
const fieldName = z.string().regex(/^[a-z][a-zA-Z0-9]{0,39}$/, 'A field name is camelCase, starting with a lower-case letter');

/**
 * Personal data kinds. Fields carrying them (and every party) are stored encrypted at rest
 * through the field-encryption provider, masked in lists and to everyone but the owning office
 * (张*, 1504**********1234, 138****5678, 红山区***), and never written to logs, facts or audit.
 * `health` (health and psychological condition), `location` (where a person is or was: a
 * tracking point, a place of residence approved for a move) and `sensitive` (free text that must
 * not be shown outside the file) are sensitive personal information (个人信息保护法 art. 28):
 * sealed the same way and masked whole (`***`: no leading characters kept).
 */
export const personalKinds = ['name', 'idNumber', 'phone', 'address', 'health', 'location', 'sensitive'] as const;
export type PersonalKind = (typeof personalKinds)[number];

const option = z.object({ value: z.string().regex(/^[a-z0-9-]+$/), title: localizedTextSchema });

const fieldCondition = z.object({ field: fieldName, in: z.array(z.union([z.string(), z.boolean()])).min(1) });

const fieldBase = {
  title: localizedTextSchema,
  help: localizedTextSchema.optional(),
  required: z.boolean().default(true),
  /**
   * Required after all when another field of the same form (the step's own fields and the case
   * fields it sets; for case fields, the case's) has one of these values, e.g. the referring body
   * when the source is 委托移送: `{ field: 'source', in: ['referred'] }`.
   */
  requiredWhen: fieldCondition.optional(),
};

export const caseFieldSpecSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('text'),
    ...fieldBase,
    maxLength: z.number().int().positive().max(20_000).default(500),
    multiline: z.boolean().default(false),
    /** Personal data: encrypted at rest, masked in lists. */
    personal: z.enum(personalKinds).optional(),
  }),
  z.object({
    kind: z.literal('number'),
    ...fieldBase,
    min: z.number().default(0),
    max: z.number().default(1_000_000_000),
    integer: z.boolean().default(true),
    unit: localizedTextSchema.optional(),
  }),
  z.object({ kind: z.literal('date'), ...fieldBase }),
  z.object({ kind: z.literal('boolean'), ...fieldBase, required: z.boolean().default(false) }),
  z.object({ kind: z.literal('choice'), ...fieldBase, options: z.array(option).min(2).max(40) }),
  z.object({ kind: z.literal('choices'), ...fieldBase, options: z.array(option).min(2).max(40), maxItems: z.number().int().positive().max(40).optional() }),
  /**
   * The parties (当事人/申请人/咨询人): each with a role from `roles`, a name and optional ID
   * number, phone and address. All personal data. `anonymous: true` allows a party without a
   * name (a consultation whose person declines to give it: recorded as 匿名).
   */
  z.object({
    kind: z.literal('parties'),
    ...fieldBase,
    roles: z.array(option).min(1).max(10),
    minItems: z.number().int().min(0).max(50).default(1),
    maxItems: z.number().int().positive().max(50).default(20),
    anonymous: z.boolean().default(false),
  }),
  /**
   * Signatures on a document of the case (调解协议书): one entry per signer, each with the day
   * signed. Signers are `party-<n>` for each party of the case (0-based, in the case's order) and
   * the `extraSigners` (mediator, the committee seal). With `requireAll`, every party and every
   * extra signer must be present.
   */
  z.object({
    kind: z.literal('signatures'),
    ...fieldBase,
    extraSigners: z.array(option).max(10).default([]),
    requireAll: z.boolean().default(true),
  }),
  /** Files attached to the case before the transition (by SHA-256), e.g. 取证材料. */
  z.object({
    kind: z.literal('attachments'),
    ...fieldBase,
    required: z.boolean().default(false),
    maxFiles: z.number().int().positive().max(50).default(20),
  }),
]);
export type CaseFieldSpecInput = z.input<typeof caseFieldSpecSchema>;
export type CaseFieldSpec = z.output<typeof caseFieldSpecSchema>;

export const caseFieldsSpecSchema = z.record(fieldName, caseFieldSpecSchema).refine((f) => Object.keys(f).length <= 40, { message: 'At most 40 fields' });

/** A party as stored (decrypted) and as entered. */
export interface CaseParty {
  role: string;
  /** Null for an anonymous party (only where the field allows it). */
  name: string | null;
  idNumber?: string | undefined;
  phone?: string | undefined;
  address?: string | undefined;
}

export interface CaseSignature {
  /** `party-<n>` or one of the field's `extraSigners`. */
  signer: string;
  signedOn: string;
}

/**
 * What a transition (or the opening) records as facts, dated the day it was taken, for the case's
 * office: a constant, a number field of the case, or the count of a list field (parties). `when`
 * limits it to cases whose field has one of the values. `ifInstalled`: skipped when no installed
 * plugin declares the metric (a diary metric the casework plugin feeds only where the diary is installed).
 * A `field` (in `value` or `when`) names one of the transition's own step fields (the value that
 * event recorded) or, when the step has no such field, a case field (its current value).
 * A case's facts are re-derived from its whole timeline at every transition (`recordForSource`
 * with source `{ kind: '<plugin id>.case', id: <case id> }`), so a corrected field never double counts.
 * `value: { field }` reads the step's own field first, then the case field as of that step.
 * `dated: 'opening'` dates the fact on the day the case was opened instead: a cohort of the
 * opening's count (agreements of the cases registered that day, `cohortOf` on the metric), so a
 * rate over it never exceeds 100 % whatever the period.
 */
export const caseFactSpecSchema = z.object({
  metric: metricCodeSchema,
  value: z.union([z.number(), z.object({ field: fieldName }), z.object({ count: fieldName })]).default(1),
  when: z.object({ field: fieldName, in: z.array(z.union([z.string(), z.boolean()])).min(1) }).optional(),
  ifInstalled: z.boolean().default(false),
  dated: z.enum(['step', 'opening']).default('step'),
});
export type CaseFactSpec = z.output<typeof caseFactSpecSchema>;

export const caseStateSchema = z.object({
  code: localCode,
  title: localizedTextSchema,
  /** closed: no deadline runs and the case counts as ended in lists. */
  closed: z.boolean().default(false),
  description: localizedTextSchema.optional(),
});

export const caseTransitionSchema = z.object({
  code: localCode,
  title: localizedTextSchema,
  /** States it may be taken from; an empty list marks THE opening transition (受理登记). */
  from: z.array(localCode),
  /** The state it leads to (the same state for a step recorded in place, e.g. each mediation session). */
  to: localCode,
  /** Who may take it: the permission (declared by the plugin) ... */
  permission: permissionNameSchema,
  /** ... and, when given, only these roles (e.g. the office itself, not the county). */
  roles: z.array(roleSchema).optional(),
  /** The fields this step records (its own, shown in the timeline). */
  fields: caseFieldsSpecSchema.default({}),
  /**
   * Case fields this step sets or corrects (names of the case type's `fields`); the opening sets
   * all of them. Their specs (required or not) apply.
   */
  sets: z.array(fieldName).default([]),
  /**
   * Of `sets`, the case fields this step requires even where the case type leaves them optional
   * (the opening cannot require them): the answer when a consultation is closed, the referral when
   * it is referred. Shown as required in the step's form (`CaseNextStep.fields`).
   */
  requires: z.array(fieldName).default([]),
  /** A document issued by this step from a contributed template; its data is the case file (see `CaseDocumentData`). */
  document: code.optional(),
  facts: z.array(caseFactSpecSchema).default([]),
  /** Guidance shown with the step's form (what the law requires at this point). */
  note: localizedTextSchema.optional(),
});

export const caseDeadlineSchema = z.object({
  code: localCode,
  title: localizedTextSchema,
  /** Runs from the day of this transition (the opening's code for "from registration"). */
  from: localCode,
  days: z.number().int().positive().max(3650),
  /**
   * working: the `days`-th working day after the start (holidays and 调休 from the platform
   * calendar); calendar: `days` days after the start, moved to the next working day when that is a
   * rest day or public holiday (民法典 第二百零三条).
   */
  unit: z.enum(['working', 'calendar']),
  /** The legal or local basis shown to users (人民调解法第三十三条; "local practice, configurable"). */
  basis: localizedTextSchema,
  /** Met when one of these transitions is taken after the start, or the case reaches a closed state. */
  metBy: z.array(localCode).default([]),
  /** Warn this many days (of `unit`) before the due day ("due soon"). */
  warnBefore: z.number().int().min(0).max(60).default(3),
  /**
   * Runs only for cases whose case field has one of these values (a letter's reply deadline, not
   * a phone call's; a normative document's review period, not an enforcement decision's). The
   * same shape as a fact's `when`; absent: every case of the type.
   */
  when: z.object({ field: fieldName, in: z.array(z.union([z.string(), z.boolean()])).min(1) }).optional(),
});

export const caseTypeSchema = z
  .object({
    /** `<plugin id>.<name>`, e.g. `mediation.case`. */
    code,
    title: localizedTextSchema,
    description: localizedTextSchema.optional(),
    /** Mark in case numbers: （2026）红山调字第12号 → 调. */
    numberMark: z.string().min(1).max(4),
    /** Reading cases of the type (lists, files) in the caller's subtree. */
    readPermission: permissionNameSchema,
    fields: caseFieldsSpecSchema,
    /** Up to four case fields shown in lists (masked when personal). */
    listFields: z.array(fieldName).max(4).default([]),
    states: z.array(caseStateSchema).min(1).max(30),
    transitions: z.array(caseTransitionSchema).min(1).max(60),
    deadlines: z.array(caseDeadlineSchema).max(20).default([]),
    /**
     * Privacy of the type's case files beyond the personal fields (community correction:
     * correction status and location are sensitive personal information, 个人信息保护法 art. 28).
     * - `auditReads`: every read of a case file (`get`, an attachment download) writes an audit
     *   entry `<type>.read` naming the reader and the case (no personal data), so "who looked at
     *   whom" can be answered. Lists (masked) are not file reads.
     * - `sealedWhen`: a case whose case field has one of these values (a juvenile, 社区矫正法
     *   arts. 52–58) is visible, in lists, files, counts, deadlines, attachments and documents,
     *   only to its responsible staff (`CaseFile.responsible`, by default whoever opened it; see
     *   `CasesService.assign`), enforced by row-level security; its facts are recorded for the
     *   county-level unit above the case's office, so no statistics below the county contain it,
     *   and no "records behind a number" list names it.
     * - `assignPermission`: who may change a case's responsible staff (a permission of the plugin);
     *   default the opening transition's permission.
     */
    privacy: z
      .object({
        auditReads: z.boolean().default(false),
        sealedWhen: fieldCondition.optional(),
        assignPermission: permissionNameSchema.optional(),
      })
      .optional(),
    /**
     * The form citizens fill in on a public page without an account (`platform.publicForms.submit`, the
     * `<sifa-apply>` widget): the opening's fields they are asked for (case fields and the opening
     * step's own), the values the opening gets besides (the channel: online), and what they consent
     * to before sending (个人信息保护法 art. 14: purpose, who processes, how long it is kept).
     * Attachments are not asked for on the form itself: `attachments` names the case field (of kind
     * `attachments`) that receives the documents the applicant adds after sending, with the
     * tracking number and code (core `public-apply.ts`); without it the applicant adds none online.
     */
    publicForm: z
      .object({
        fields: z.array(fieldName).min(1).max(40),
        preset: z.record(fieldName, z.union([z.string(), z.boolean()])).default({}),
        consent: localizedTextSchema,
        intro: localizedTextSchema.optional(),
        attachments: fieldName.optional(),
      })
      .optional(),
  })
  .superRefine((type, ctx) => {
    const states = new Set(type.states.map((s) => s.code));
    const transitions = new Set(type.transitions.map((t) => t.code));
    const fields = new Set(Object.keys(type.fields));
    const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
    if (states.size !== type.states.length) issue(['states'], 'State codes must be unique');
    if (transitions.size !== type.transitions.length) issue(['transitions'], 'Transition codes must be unique');
    const openings = type.transitions.filter((t) => t.from.length === 0);
    if (openings.length !== 1) issue(['transitions'], `Exactly one transition opens a case (from: []); found ${openings.length}`);
    type.transitions.forEach((t, i) => {
      for (const s of [...t.from, t.to]) if (!states.has(s)) issue(['transitions', i], `Unknown state "${s}"`);
      for (const f of t.sets) if (!fields.has(f)) issue(['transitions', i, 'sets'], `Unknown case field "${f}"`);
      for (const f of t.requires) if (!t.sets.includes(f)) issue(['transitions', i, 'requires'], `"${f}" is not among the fields the step sets`);
      for (const f of Object.keys(t.fields)) if (fields.has(f)) issue(['transitions', i, 'fields', f], `"${f}" is a case field: list it in sets instead`);
      for (const [name, spec] of Object.entries(t.fields)) {
        if (spec.requiredWhen && !(spec.requiredWhen.field in t.fields) && !fields.has(spec.requiredWhen.field)) {
          issue(['transitions', i, 'fields', name, 'requiredWhen'], `Unknown field "${spec.requiredWhen.field}"`);
        }
      }
      if (!t.permission.startsWith(`${type.code.split('.')[0]}.`)) issue(['transitions', i, 'permission'], `"${t.permission}" must be a permission of plugin "${type.code.split('.')[0]}"`);
    });
    for (const f of type.listFields) if (!fields.has(f)) issue(['listFields'], `Unknown case field "${f}"`);
    for (const [name, spec] of Object.entries(type.fields)) {
      if (spec.requiredWhen && !fields.has(spec.requiredWhen.field)) issue(['fields', name, 'requiredWhen'], `Unknown case field "${spec.requiredWhen.field}"`);
    }
    if (type.publicForm && openings.length === 1) {
      const opening = openings[0]!;
      const specs: Record<string, CaseFieldSpec> = { ...type.fields, ...opening.fields };
      const asked = new Set(type.publicForm.fields);
      for (const [i, f] of type.publicForm.fields.entries()) {
        if (!specs[f]) issue(['publicForm', 'fields', i], `Unknown field of the opening "${f}"`);
        else if (specs[f].kind === 'attachments' || specs[f].kind === 'signatures') issue(['publicForm', 'fields', i], `"${f}" (${specs[f].kind}) cannot be asked on a public form`);
      }
      for (const f of Object.keys(type.publicForm.preset)) {
        if (!specs[f]) issue(['publicForm', 'preset', f], `Unknown field of the opening "${f}"`);
        if (asked.has(f)) issue(['publicForm', 'preset', f], `"${f}" is both asked and preset`);
      }
      for (const [name, spec] of Object.entries(specs)) {
        const required = spec.required && !spec.requiredWhen;
        if (required && !asked.has(name) && !(name in type.publicForm.preset)) issue(['publicForm', 'fields'], `The opening requires "${name}": ask for it or preset it`);
      }
      const documents = type.publicForm.attachments;
      if (documents !== undefined && type.fields[documents]?.kind !== 'attachments') {
        issue(['publicForm', 'attachments'], `"${documents}" is not an attachments field of the case type: name the case field (kind "attachments") that receives the applicant's documents`);
      }
    }
    if (type.privacy?.sealedWhen) {
      const sealedBy = type.fields[type.privacy.sealedWhen.field];
      if (!sealedBy) issue(['privacy', 'sealedWhen', 'field'], `Unknown case field "${type.privacy.sealedWhen.field}"`);
      else if (sealedBy.kind !== 'choice' && sealedBy.kind !== 'boolean') issue(['privacy', 'sealedWhen', 'field'], `"${type.privacy.sealedWhen.field}" must be a choice or boolean case field`);
      // A case opened by a citizen's form would have nobody responsible for it, so nobody could see it.
      if (type.publicForm) issue(['privacy', 'sealedWhen'], 'A case type with sealed cases cannot have a public form');
    }
    if (type.privacy?.assignPermission && !type.privacy.assignPermission.startsWith(`${type.code.split('.')[0]}.`)) {
      issue(['privacy', 'assignPermission'], `"${type.privacy.assignPermission}" must be a permission of plugin "${type.code.split('.')[0]}"`);
    }
    type.deadlines.forEach((d, i) => {
      if (!transitions.has(d.from)) issue(['deadlines', i, 'from'], `Unknown transition "${d.from}"`);
      for (const m of d.metBy) if (!transitions.has(m)) issue(['deadlines', i, 'metBy'], `Unknown transition "${m}"`);
      if (d.when && !fields.has(d.when.field)) issue(['deadlines', i, 'when', 'field'], `Unknown case field "${d.when.field}"`);
    });
  });
export type CaseTypeInput = z.input<typeof caseTypeSchema>;
export type CaseType = z.output<typeof caseTypeSchema>;

/** Declares a case type (typed here, validated with the manifest when the server starts). */
export function defineCaseType<const T extends CaseTypeInput>(caseType: T): T {
  return caseType;
}

/** A deployment's change of a deadline: `SifaServerOptions.casework.deadlines['mediation.case/mediation-period']`. */
export interface CaseDeadlineOverride {
  days?: number;
  unit?: 'working' | 'calendar';
}

// ---------------------------------------------------------------------------------------------
// What the engine answers (procedures and the scoped service). Dates are YYYY-MM-DD days (China
// time) and ISO instants as strings.

export type CaseFieldValue = string | number | boolean | string[] | CaseParty[] | CaseSignature[] | null;

/** A case type as served to widgets: the declaration with the deployment's deadline days. */
export type CaseTypeView = CaseType & {
  plugin: string;
  deadlines: (CaseType['deadlines'][number] & { configured: boolean })[];
};

export interface CaseDeadlineView {
  code: string;
  title: LocalizedText;
  basis: LocalizedText;
  days: number;
  unit: 'working' | 'calendar';
  startedOn: string;
  /** Last day to act. */
  due: string;
  state: 'running' | 'due-soon' | 'overdue' | 'met';
  /** Days of `unit` from today to `due` (working days: those in (today, due]); negative when overdue; null once met. */
  remaining: number | null;
  metOn: string | null;
}

export interface CaseSummary {
  id: string;
  type: string;
  /** （2026）红山调字第12号 */
  number: string;
  orgCode: string;
  orgName: LocalizedText;
  state: string;
  closed: boolean;
  openedOn: string;
  updatedAt: string;
  revision: number;
  /** The type's `listFields`, personal ones masked. */
  summary: Record<string, CaseFieldValue>;
  /** The running deadline due first, if any. */
  nextDeadline: CaseDeadlineView | null;
  /** The case matches its type's `privacy.sealedWhen`: only its responsible staff see it. */
  restricted: boolean;
}

export interface CaseEventView {
  seq: number;
  transition: string;
  from: string | null;
  to: string;
  /** The day it counts for (facts, deadlines). */
  on: string;
  at: string;
  by: { userId: string; name: string };
  /** The step's own fields and the case fields it set (masked unless the reader owns the case). */
  fields: Record<string, CaseFieldValue>;
  documentId: string | null;
  /** The checks run before the step (`CaseCheckSource`) as they stood, with the reasons given to proceed; empty for a step without checks. */
  checks: CaseCheckRecord[];
}

export interface CaseAttachmentView {
  sha256: string;
  name: string;
  mimeType: string;
  bytes: number;
  uploadedAt: string;
  uploadedBy: string;
  /** Below the server's base URL; signed in. */
  downloadPath: string;
}

export interface CaseNextStep {
  code: string;
  title: LocalizedText;
  to: string;
  note?: LocalizedText | undefined;
  /** The form: the step's own fields, then the case fields it sets (with their current values as defaults). */
  fields: Record<string, CaseFieldSpec>;
  sets: string[];
  document: string | null;
  /** Checks run before this step (`cases.checks` shows them; an 'attention' one needs a reason in `overrides`). */
  checks: boolean;
}

export interface CaseFile extends CaseSummary {
  /** Every case field; personal data in full only for the owning office, otherwise masked. */
  fields: Record<string, CaseFieldValue>;
  masked: boolean;
  /** The responsible staff (user ids): whoever opened the case unless `cases.assign` changed them. */
  responsible: string[];
  events: CaseEventView[];
  attachments: CaseAttachmentView[];
  deadlines: CaseDeadlineView[];
  /** The steps the caller may take now (by state, permission and role). */
  next: CaseNextStep[];
}

/** What a transition's document template receives as data (validated by the template). */
export interface CaseDocumentData {
  caseId: string;
  number: string;
  type: string;
  orgCode: string;
  transition: string;
  on: string;
  /** Decrypted: documents are the office's own. */
  fields: Record<string, CaseFieldValue>;
  step: Record<string, CaseFieldValue>;
  events: { transition: string; on: string; fields: Record<string, CaseFieldValue> }[];
}

/**
 * Helpers of case document templates (record sheets, receipts, opinions): a choice's title in the
 * document's language, a day as documents write it (2026年3月2日 / 2 March 2026), a text value.
 */
export const caseDocumentText = {
  optionTitle(options: readonly { readonly value: string; readonly title: LocalizedText }[], value: unknown, en: boolean): string {
    const found = options.find((o) => o.value === value);
    return found ? (en ? found.title.en : found.title.zh) : '';
  },
  day(day: string, en: boolean): string {
    const [y, m, d] = [Number(day.slice(0, 4)), Number(day.slice(5, 7)), Number(day.slice(8, 10))];
    return en ? `${d} ${monthNames[m - 1]} ${y}` : `${y}年${m}月${d}日`;
  },
  text(value: unknown): string {
    return typeof value === 'string' ? value : '';
  },
  /**
   * One line per party: its role's title when `roles` (the parties field's options) are given,
   * the name (匿名 / Anonymous when withheld), ID number, phone and address.
   */
  people(value: unknown, en: boolean, roles?: readonly { readonly value: string; readonly title: LocalizedText }[]): string {
    const people = Array.isArray(value) ? (value as CaseParty[]) : [];
    return people
      .map((p) => {
        const role = roles?.find((r) => r.value === p.role);
        const name = `${role ? `${en ? role.title.en : role.title.zh}${en ? ': ' : '：'}` : ''}${p.name ?? (en ? 'Anonymous' : '匿名')}`;
        return [name, p.idNumber, p.phone, p.address].filter((part) => part !== undefined && part !== null && part !== '').join(en ? ', ' : '，');
      })
      .join('\n');
  },
};
const monthNames = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * `CaseDocumentData` as a template's `dataSchema` (checked loosely: the engine builds it from the
 * validated case; a template reads the fields it knows).
 */
export const caseDocumentDataSchema = z.object({
  caseId: z.string().min(1),
  number: z.string().min(1),
  type: z.string().min(1),
  orgCode: z.string().min(1),
  transition: z.string().min(1),
  on: z.string().min(1),
  fields: z.record(z.string(), z.unknown()),
  step: z.record(z.string(), z.unknown()).default({}),
  events: z.array(z.object({ transition: z.string(), on: z.string(), fields: z.record(z.string(), z.unknown()).default({}) })).default([]),
}) as unknown as z.ZodType<CaseDocumentData>;

export const caseListQuerySchema = z.object({
  state: z.array(localCode).max(30).optional(),
  /** open: any non-closed state; due-soon / overdue: by the running deadlines. */
  status: z.enum(['all', 'open', 'closed', 'due-soon', 'overdue']).default('all'),
  orgCode: z.string().regex(/^\d{2,12}$/).optional(),
  /** Case number or a word of the list fields (not personal data). */
  q: text().trim().max(50).optional(),
  openedFrom: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  openedTo: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  /** Only cases changed at or after this instant (a job that looks at recently closed ones). */
  updatedFrom: z.iso.datetime({ offset: true }).optional(),
  limit: z.number().int().min(1).max(200).default(50),
  offset: z.number().int().min(0).max(100_000).default(0),
});
export type CaseListQueryInput = z.input<typeof caseListQuerySchema>;
export type CaseListQuery = z.output<typeof caseListQuerySchema>;

export const caseOpenInputSchema = z.object({
  /** The office the case belongs to; default the caller's own org. */
  orgCode: z.string().regex(/^\d{2,12}$/).optional(),
  /** The opening day (default today); not in the future. */
  on: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  fields: z.record(z.string(), z.unknown()),
});

export const caseTransitionInputSchema = z.object({
  id: z.string().uuid(),
  /** The revision the caller saw: a concurrent change answers CONFLICT. */
  revision: z.number().int().min(0),
  transition: localCode,
  on: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  fields: z.record(z.string(), z.unknown()).default({}),
  /**
   * Why the step is taken although a check before it (`CaseCheckSource`) needs attention: check
   * code → reason. Every 'attention' check needs one, else VALIDATION_FAILED at `overrides.<code>`
   * and nothing is written; the reasons are recorded with the step (timeline, audit). A 'blocked'
   * check cannot be overridden: a reason for it is refused like one for a check the step lacks.
   */
  overrides: z.record(localCode, text().trim().min(1, msg('caseCheckReason')).max(1000, msg('caseTooLong'))).default({}),
});

/**
 * `cases.assign`: the case's responsible staff, replaced whole. Each must be a user of the case's
 * office or of a unit above it. On a sealed case (`privacy.sealedWhen`) the caller stays among
 * them (a handover: add the colleague, who then removes you), else the caller would lose the case.
 */
export const caseAssignInputSchema = z.object({
  id: z.string().uuid(),
  userIds: z.array(z.string().min(1).max(100)).min(1).max(20),
});
export type CaseAssignInput = z.input<typeof caseAssignInputSchema>;

/** `cases.checks`: the checks before a step of a case, for the step's form (nothing written). */
export const caseChecksInputSchema = z.object({
  id: z.string().uuid(),
  /** The step; default the first step possible now that has checks. */
  transition: localCode.optional(),
  /** What the step's form holds so far (checks comparing with a step field read it; nothing is validated). */
  fields: z.record(z.string(), z.unknown()).default({}),
});
export type CaseChecksInput = z.input<typeof caseChecksInputSchema>;

/** One step of an imported case: what `transition` takes, without the revision (the timeline is whole). */
const caseImportStepSchema = caseTransitionInputSchema.omit({ id: true, revision: true }).extend({
  on: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
});

/**
 * Cases with their whole timelines at once (`cases.import`): what an integrator moving an existing
 * system's files, or a seed, sends. Each case is checked exactly as `open` and `transition` check
 * it (the state machine, permissions and roles, THE field schema, days in order and not in the
 * future, required case fields) before anything is written; one bad case or step refuses the whole
 * batch with the path of what to fix (`cases.3.steps.1.fields.amount`). Imported steps issue no
 * documents: the originals are the source system's (attach their scans).
 */
export const caseImportInputSchema = z.object({
  cases: z
    .array(
      z.object({
        /** The office the case belongs to; default the caller's own org. */
        orgCode: z.string().regex(/^\d{2,12}$/).optional(),
        /** The opening (registration) day and fields. */
        on: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
        fields: z.record(z.string(), z.unknown()),
        /** The steps after the opening, oldest first. */
        steps: z.array(caseImportStepSchema).max(100).default([]),
      }),
    )
    .min(1)
    .max(500),
});
export type CaseImportInput = z.input<typeof caseImportInputSchema>;

// ---------------------------------------------------------------------------------------------
// Checks before a step: a plugin's server half declares them (`ServerPluginParts.caseChecks`),
// the engine runs them inside `transition` (and `import`) and in `cases.checks` for the form.
// An 'attention' check asks the person taking the step for a reason (`overrides`), which is
// recorded with the step; a 'blocked' check refuses the step (an enforced rule: the team of a
// female person under correction without a woman). Rules that decide on the case type's data
// alone (a permission, a required field) stay in the case type.

export const caseCheckStates = ['pass', 'attention', 'info', 'unknown', 'blocked'] as const;
/**
 * pass: nothing to do; attention: looks wrong, the step needs a reason to go ahead; info: worth
 * knowing, nothing to do (e.g. "the applicant cannot sue first"); unknown: the check could not tell;
 * blocked: the step breaks an enforced rule and is refused (VALIDATION_FAILED at `checks.<code>`,
 * details `{ transition, blocked }`, nothing written) whatever reason is given: it CANNOT be
 * overridden; the check's `suggestion` says what to fix.
 */
export type CaseCheckState = (typeof caseCheckStates)[number];

/** One check's answer, as `cases.checks` serves it. */
export interface CaseCheck {
  /** kebab-case, unique among the step's checks (the key of `overrides`). */
  code: string;
  state: CaseCheckState;
  /**
   * The provision it rests on, as users cite it (第二十条; 第十二条第二项), or in each language
   * (`{ zh: '第二十条', en: 'Art. 20', mn: … }`); absent for local practice.
   */
  article?: string | LocalizedText | undefined;
  title: LocalizedText;
  /** What it found, and why, in words (what matched where). */
  explanation: LocalizedText;
  /** What to do about it. */
  suggestion?: LocalizedText | undefined;
  /** Values it proposes for the step's own fields (a form fills the empty ones), e.g. `{ body: '红山区人民政府' }`. */
  proposes?: Record<string, string> | undefined;
}

export const caseCheckSchema = z.object({
  code: localCode,
  state: z.enum(caseCheckStates),
  article: z.union([z.string().min(1).max(60), localizedTextSchema]).optional(),
  title: localizedTextSchema,
  explanation: localizedTextSchema,
  suggestion: localizedTextSchema.optional(),
  proposes: z.record(fieldName, text().max(2000)).optional(),
});

/** A check as recorded with the step: its state then and, for an 'attention' one, the reason given. */
export interface CaseCheckRecord {
  code: string;
  state: CaseCheckState;
  article?: string | LocalizedText | undefined;
  title: LocalizedText;
  reason?: string | undefined;
}

/** What a check source gets: the case as it stands before the step and the step's own fields. */
export interface CaseCheckInput {
  case: {
    /** Null while an import checks a case not yet written. */
    id: string | null;
    number: string | null;
    orgCode: string;
    state: string;
    /** The opening (registration) day. */
    openedOn: string;
    /** Every case field, decrypted (checks run on the server only). */
    fields: Readonly<Record<string, CaseFieldValue>>;
  };
  transition: string;
  /** The step's own fields: as validated when the step is taken; what the form holds so far (unvalidated) when shown. */
  step: Readonly<Record<string, unknown>>;
  /** The step's day. */
  on: string;
}

/**
 * Checks a plugin runs before steps of its own case types (`ServerPluginParts.caseChecks`), in the
 * caller's scoped transaction (its tables readable under row-level security as usual).
 */
export interface CaseCheckSource {
  /** A case type of the same plugin. */
  type: string;
  /** The steps they run before (not the opening). */
  transitions: readonly string[];
  run(scoped: Omit<ScopedServices, 'cases'>, input: CaseCheckInput): Promise<readonly CaseCheck[]>;
}

/** The engine, as every scoped procedure, job and seed gets it (`scoped.cases`). */
export interface CasesService {
  /** Case types installed (with the deployment's deadline days). */
  types(): readonly CaseTypeView[];
  open(type: string, input: z.input<typeof caseOpenInputSchema>): Promise<CaseFile>;
  transition(type: string, input: z.input<typeof caseTransitionInputSchema>): Promise<CaseFile>;
  /** The checks before a step (the plugins' `caseChecks`), as the step's form shows them. */
  checks(type: string, input: CaseChecksInput): Promise<CaseCheck[]>;
  /** Cases with whole timelines in one go, all or nothing (see `caseImportInputSchema`). */
  import(type: string, input: CaseImportInput): Promise<{ imported: { id: string; number: string }[] }>;
  /** The case file; with `privacy.auditReads`, the read is audited (`<type>.read`). */
  get(type: string, id: string): Promise<CaseFile>;
  /**
   * Replaces the case's responsible staff (see `caseAssignInputSchema`); needs the type's
   * `privacy.assignPermission` (default: the opening's permission). Audited (`<type>.assign`).
   */
  assign(type: string, input: CaseAssignInput): Promise<{ id: string; responsible: string[] }>;
  list(type: string, query: CaseListQueryInput): Promise<{ rows: CaseSummary[]; total: number }>;
  /** Stores a file (type sniffed from the bytes, size-limited) and attaches it to the case. */
  attach(type: string, id: string, file: { name: string; bytes: Uint8Array }): Promise<CaseAttachmentView>;
  attachment(type: string, id: string, sha256: string): Promise<{ meta: CaseAttachmentView; bytes: Uint8Array }>;
  /** Running deadlines due in [from, to] (for early warnings). */
  deadlines(range: { from: string; to: string; types?: string[] }): Promise<Deadline[]>;
  /**
   * Which steps the cases took, without any field (statistics over timelines: report-ins in a
   * period, reoffences on a day): cases in the caller's scope and visible to them, the steps with
   * one of `transitions` on a day in [from, to], oldest first. Not a read of the files (nothing
   * personal is returned), so it writes no read audit entry even where the type audits reads.
   */
  steps(type: string, query: { caseIds: readonly string[]; transitions: readonly string[]; from?: string; to?: string }): Promise<{ caseId: string; transition: string; on: string }[]>;
  /**
   * Where figures about these cases go, as the engine records a case's own facts: the case's office
   * for an ordinary case, the county-level unit above its office for a sealed one (`restricted`),
   * so no office-level figure contains a sealed case. Case id → org code, for the cases of `type`
   * visible to the caller (the others are absent). Nothing personal is read.
   */
  factsOrgs(type: string, caseIds: readonly string[]): Promise<Map<string, string>>;
}

/**
 * Names of the errors the engine throws, as `data.pluginError` of the answer (with `data.details`):
 * `isPluginError(error, caseErrorKinds.illegalTransition)` narrows the details.
 */
export const caseErrorKinds = {
  /** CONFLICT; details: { state, transition, allowed } (allowed: comma-separated codes, '' when none). */
  illegalTransition: 'case.illegal-transition',
  /** CONFLICT; details: { caseId, revision, currentRevision } */
  revisionConflict: 'case.revision-conflict',
} as const;

declare module './plugin-errors.js' {
  interface PluginErrorDetails {
    'case.illegal-transition': { state: string; transition: string; allowed: string };
    'case.revision-conflict': { caseId: string; revision: number; currentRevision: number };
  }
}

export type { LocalizedText };
