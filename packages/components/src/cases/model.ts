/**
 * What <sifa-cases> computes without rendering: the form of a step (values as the controls hold
 * them, generated from the step's field specs), the payload it sends, the checks made before
 * sending, where a server's field issue belongs, deadline wording, and what changed between two
 * copies of a case file (told after a CONFLICT). No Lit, no DOM: unit-tested alone (model.test.ts).
 */
import type { CaseAttachmentView, CaseCheck, CaseDeadlineView, CaseFieldSpec, CaseFieldValue, CaseFile, CaseNextStep, CaseParty, CaseSignature, CaseTypeView } from '@sifa/core';
import type { CasesMessageKey } from './messages.js';

/** One party row as the editor holds it (all strings, so nothing typed is lost). */
export interface PartyRow {
  role: string;
  name: string;
  idNumber: string;
  phone: string;
  address: string;
  anonymous: boolean;
}

/** One signer row: every party of the case and each extra signer of the field. */
export interface SignatureRow {
  signer: string;
  signed: boolean;
  signedOn: string;
}

export type FormValue = string | boolean | string[] | PartyRow[] | SignatureRow[];

/** A step's form (or the opening form): what the user typed, never dropped on an error. */
export interface StepForm {
  /** `<case id>/<step code>`, or `new/<opening code>`. */
  key: string;
  caseId: string | null;
  step: CaseNextStep;
  values: Record<string, FormValue>;
  /** The day the step counts for ('' = today, the server's default). */
  on: string;
  /** The case's field values when the form opened (a `requiredWhen` may look at a field the form does not hold). */
  context: Record<string, CaseFieldValue>;
  touched: ReadonlySet<string>;
  submitted: boolean;
  /** Messages by field name, or `<field>.<row>.<key>` for a row's input. */
  errors: Record<string, string>;
  /** A message for the form as a whole (the server's refusal, a conflict): text, or what the element renders. */
  formError: unknown;
  notice: string | null;
  busy: boolean;
  /** The step can no longer be taken (the case moved on): the values stay for copying. */
  stale: boolean;
  /** The checks before the step (`step.checks`): null until loaded (or for a step without them). */
  checks: CaseCheck[] | null;
  /** Why a check is passed over, by check code (sent as `overrides` for the 'attention' ones). */
  reasons: Record<string, string>;
}

export type Translate = (key: CasesMessageKey, params?: Record<string, string | number>) => string;

const emptyParty = (role: string): PartyRow => ({ role, name: '', idNumber: '', phone: '', address: '', anonymous: false });

/** The signers of a signatures field: `party-<n>` per party of the case, then the field's extra signers. */
export function signersOf(spec: Extract<CaseFieldSpec, { kind: 'signatures' }>, parties: readonly CaseParty[]): string[] {
  return [...parties.map((_, i) => `party-${i}`), ...spec.extraSigners.map((s) => s.value)];
}

/** The case's parties: the value of its first `parties` field (masked as served). */
export function partiesOf(type: CaseTypeView | null, fields: Record<string, CaseFieldValue> | undefined): CaseParty[] {
  if (!type || !fields) return [];
  for (const [name, spec] of Object.entries(type.fields)) {
    if (spec.kind !== 'parties') continue;
    const value = fields[name];
    if (Array.isArray(value)) return value as CaseParty[];
  }
  return [];
}

/** Whether a field holds personal data (served masked to all but the owning office). */
export function isPersonal(spec: CaseFieldSpec): boolean {
  return spec.kind === 'parties' || (spec.kind === 'text' && spec.personal !== undefined);
}

/** The control value of `spec` for a stored value (a default), or its empty value. */
export function initialValue(spec: CaseFieldSpec, value: CaseFieldValue | undefined, parties: readonly CaseParty[]): FormValue {
  switch (spec.kind) {
    case 'text':
    case 'date':
    case 'choice':
      return typeof value === 'string' ? value : '';
    case 'number':
      return typeof value === 'number' ? String(value) : '';
    case 'boolean':
      return value === true;
    case 'choices':
      return Array.isArray(value) ? (value as unknown[]).filter((v): v is string => typeof v === 'string') : [];
    case 'attachments':
      return Array.isArray(value) ? (value as unknown[]).filter((v): v is string => typeof v === 'string') : [];
    case 'parties': {
      const rows = Array.isArray(value)
        ? (value as CaseParty[]).map((p) => ({ role: p.role ?? '', name: p.name ?? '', idNumber: p.idNumber ?? '', phone: p.phone ?? '', address: p.address ?? '', anonymous: p.name === null }))
        : [];
      const firstRole = spec.roles[0]?.value ?? '';
      while (rows.length < Math.max(spec.minItems, 1)) rows.push(emptyParty(spec.roles[rows.length]?.value ?? firstRole));
      return rows;
    }
    case 'signatures': {
      const given = new Map(Array.isArray(value) ? (value as CaseSignature[]).map((s) => [s.signer, s.signedOn]) : []);
      return signersOf(spec, parties).map((signer) => ({ signer, signed: given.has(signer), signedOn: given.get(signer) ?? '' }));
    }
  }
}

/**
 * The form of `step`: its own fields empty, the case fields it sets with the case's values as
 * defaults (personal ones left empty when the reader only sees them masked).
 */
export function newStepForm(step: CaseNextStep, file: CaseFile | null, type: CaseTypeView | null): StepForm {
  const parties = partiesOf(type, file?.fields);
  const values: Record<string, FormValue> = {};
  for (const [name, spec] of Object.entries(step.fields)) {
    const current = file && step.sets.includes(name) && !(file.masked && isPersonal(spec)) ? file.fields[name] : undefined;
    values[name] = initialValue(spec, current, parties);
  }
  return {
    key: `${file?.id ?? 'new'}/${step.code}`,
    caseId: file?.id ?? null,
    step,
    values,
    on: '',
    context: file?.fields ?? {},
    touched: new Set(),
    submitted: false,
    errors: {},
    formError: null,
    notice: null,
    busy: false,
    stale: false,
    checks: null,
    reasons: {},
  };
}

/** The opening transition as a step: its own fields, then every case field (the opening sets all). */
export function openingStep(type: CaseTypeView): CaseNextStep | null {
  const opening = type.transitions.find((t) => t.from.length === 0);
  if (!opening) return null;
  return {
    code: opening.code,
    title: opening.title,
    to: opening.to,
    note: opening.note,
    fields: { ...opening.fields, ...type.fields },
    sets: Object.keys(type.fields),
    // Checks run before steps of an existing case, never before the opening.
    checks: false,
    document: opening.document ?? null,
  };
}

const trimmed = (v: string) => v.trim();


/**
 * Whether `name` must be filled in `form` now: its spec says so, or its `requiredWhen` holds for
 * the value another field has in the form (or, for a field the form does not hold, in the case).
 */
export function isRequired(form: Pick<StepForm, 'step' | 'values' | 'context'>, name: string): boolean {
  const spec = form.step.fields[name];
  if (!spec) return false;
  if (spec.required && spec.kind !== 'boolean') return true;
  const when = spec.requiredWhen;
  if (!when) return false;
  const value: unknown = when.field in form.step.fields ? form.values[when.field] : form.context[when.field];
  const values = Array.isArray(value) ? value : [value];
  return values.some((v) => (typeof v === 'string' || typeof v === 'boolean') && when.in.includes(typeof v === 'string' ? v.trim() : v));
}
const dayPattern = /^\d{4}-\d{2}-\d{2}$/;

/** A form's fields as sent, and for list fields which form row each sent item came from. */
export interface Payload {
  fields: Record<string, unknown>;
  /** By field: the form row of each item sent (blank party rows and unsigned signers are not sent). */
  rows: Record<string, number[]>;
}

/** The fields as the server takes them: numbers as numbers, empty optional fields left out. */
export function payloadOf(form: StepForm): Payload {
  const out: Record<string, unknown> = {};
  const rows: Record<string, number[]> = {};
  for (const [name, spec] of Object.entries(form.step.fields)) {
    const value = form.values[name];
    switch (spec.kind) {
      case 'text': {
        // An empty required text is sent (the engine answers "required"); an empty optional one is not.
        const text = trimmed(String(value ?? ''));
        if (text !== '' || isRequired(form, name)) out[name] = text;
        break;
      }
      case 'date':
      case 'choice': {
        // Not chosen: left out, so the answer is "required", not "not one of the options".
        const text = trimmed(String(value ?? ''));
        if (text !== '') out[name] = text;
        break;
      }
      case 'number': {
        const text = trimmed(String(value ?? ''));
        if (text !== '') out[name] = Number(text);
        break;
      }
      case 'boolean':
        out[name] = value === true;
        break;
      case 'choices':
      case 'attachments': {
        const list = Array.isArray(value) ? (value as string[]) : [];
        if (list.length > 0 || isRequired(form, name)) out[name] = list;
        break;
      }
      case 'parties': {
        const kept = (Array.isArray(value) ? (value as PartyRow[]) : []).map((r, i) => ({ r, i })).filter(({ r }) => !isBlankParty(r));
        rows[name] = kept.map(({ i }) => i);
        out[name] = kept.map(({ r }) => {
          const party: CaseParty = { role: r.role, name: r.anonymous && spec.anonymous ? null : trimmed(r.name) };
          if (trimmed(r.idNumber)) party.idNumber = trimmed(r.idNumber);
          if (trimmed(r.phone)) party.phone = trimmed(r.phone);
          if (trimmed(r.address)) party.address = trimmed(r.address);
          return party;
        });
        break;
      }
      case 'signatures': {
        const kept = (Array.isArray(value) ? (value as SignatureRow[]) : []).map((r, i) => ({ r, i })).filter(({ r }) => r.signed);
        rows[name] = kept.map(({ i }) => i);
        out[name] = kept.map(({ r }): CaseSignature => ({ signer: r.signer, signedOn: r.signedOn }));
        break;
      }
    }
  }
  return { fields: out, rows };
}

function isBlankParty(r: PartyRow): boolean {
  return !r.anonymous && !trimmed(r.name) && !trimmed(r.idNumber) && !trimmed(r.phone) && !trimmed(r.address);
}

/**
 * What the shared schema (validate.ts) cannot know: the step's day (not after today) and fields
 * a `requiredWhen` makes required. Messages by field, in the user's language.
 */
export function extraChecks(form: StepForm, t: Translate, today: string): Record<string, string> {
  const errors: Record<string, string> = {};
  if (form.on) {
    if (!dayPattern.test(form.on)) errors['on'] = t('badDate');
    else if (form.on > today) errors['on'] = t('futureDate');
  }
  // Each check that needs attention needs a reason (the server refuses the step without one).
  for (const check of form.checks ?? []) {
    if (check.state === 'attention' && trimmed(form.reasons[check.code] ?? '') === '') errors[`overrides.${check.code}`] = t('caseCheckReason');
  }
  for (const [name, spec] of Object.entries(form.step.fields)) {
    // Too few parties: the empty rows still needed ask for a name where the user will type it.
    if (spec.kind === 'parties') {
      const rows = Array.isArray(form.values[name]) ? (form.values[name] as PartyRow[]) : [];
      const min = spec.required ? Math.max(spec.minItems, 1) : spec.minItems;
      let filled = rows.filter((r) => !isBlankParty(r)).length;
      rows.forEach((r, i) => {
        if (filled < min && isBlankParty(r)) {
          errors[`${name}.${i}.name`] = t('fieldRequired');
          filled++;
        }
      });
      continue;
    }
    if (spec.required || !isRequired(form, name)) continue;
    const value = form.values[name];
    if (Array.isArray(value) ? value.length === 0 : value === false || trimmed(String(value ?? '')) === '') errors[name] = t('fieldRequired');
  }
  return errors;
}

/**
 * The checks made before sending when the shared schema's chunk could not be loaded (offline
 * since the page opened): required fields, lengths, number ranges, dates, list sizes, party rows,
 * signatures. The server checks again and its issues are shown the same way. Messages by field
 * (or `<field>.<row>.<key>`), in the user's language.
 */
export function basicChecks(form: StepForm, t: Translate, today: string): Record<string, string> {
  const errors: Record<string, string> = extraChecks(form, t, today);
  for (const [name, spec] of Object.entries(form.step.fields)) {
    const value = form.values[name];
    const set = (message: string) => (errors[name] ??= message);
    const required = isRequired(form, name);
    switch (spec.kind) {
      case 'text': {
        const text = trimmed(String(value ?? ''));
        if (required && !text) set(t('fieldRequired'));
        else if (text.length > spec.maxLength) set(t('tooLong', { max: spec.maxLength }));
        break;
      }
      case 'number': {
        const text = trimmed(String(value ?? ''));
        if (!text) {
          if (required) set(t('fieldRequired'));
          break;
        }
        const n = Number(text);
        if (!Number.isFinite(n)) set(t('notNumber'));
        else if (spec.integer && !Number.isInteger(n)) set(t('notInteger'));
        else if (n < spec.min) set(t('tooSmall', { min: spec.min }));
        else if (n > spec.max) set(t('tooLarge', { max: spec.max }));
        break;
      }
      case 'date': {
        const text = trimmed(String(value ?? ''));
        if (!text) {
          if (required) set(t('fieldRequired'));
        } else if (!dayPattern.test(text) || Number.isNaN(Date.parse(`${text}T00:00:00Z`))) set(t('badDate'));
        break;
      }
      case 'boolean':
        break;
      case 'choice':
        if (required && !trimmed(String(value ?? ''))) set(t('fieldRequired'));
        break;
      case 'choices': {
        const list = Array.isArray(value) ? value : [];
        if (required && list.length === 0) set(t('fieldRequired'));
        else if (spec.maxItems !== undefined && list.length > spec.maxItems) set(t('tooMany', { max: spec.maxItems }));
        break;
      }
      case 'attachments': {
        const list = Array.isArray(value) ? value : [];
        if (required && list.length === 0) set(t('fieldRequired'));
        else if (list.length > spec.maxFiles) set(t('tooMany', { max: spec.maxFiles }));
        break;
      }
      case 'parties': {
        const rows = (Array.isArray(value) ? (value as PartyRow[]) : []).map((r, i) => ({ r, i })).filter(({ r }) => !isBlankParty(r));
        const min = required ? Math.max(spec.minItems, 1) : spec.minItems;
        if (rows.length < min) set(min <= 1 ? t('fieldRequired') : t('tooFew', { min }));
        else if (rows.length > spec.maxItems) set(t('tooMany', { max: spec.maxItems }));
        for (const { r, i } of rows) {
          if (!r.role) errors[`${name}.${i}.role`] = t('fieldRequired');
          if (!(r.anonymous && spec.anonymous) && !trimmed(r.name)) errors[`${name}.${i}.name`] = t('fieldRequired');
        }
        break;
      }
      case 'signatures': {
        const rows = Array.isArray(value) ? (value as SignatureRow[]) : [];
        rows.forEach((r, i) => {
          if (r.signed && !r.signedOn) errors[`${name}.${i}.signedOn`] = t('signedOnMissing');
          else if (r.signed && !dayPattern.test(r.signedOn)) errors[`${name}.${i}.signedOn`] = t('badDate');
        });
        if (required && spec.requireAll && rows.some((r) => !r.signed)) set(t('signAll'));
        else if (required && !rows.some((r) => r.signed)) set(t('fieldRequired'));
        break;
      }
    }
  }
  return errors;
}

/** Only the errors of fields touched so far (all once submitted): no message under a field not yet reached. */
export function visibleErrors(form: StepForm, errors: Record<string, string>): Record<string, string> {
  if (form.submitted) return errors;
  return Object.fromEntries(Object.entries(errors).filter(([key]) => form.touched.has(key.split('.')[0]!)));
}

/**
 * Where an issue (the server's, or the shared schema's before sending) belongs in the form:
 * `fields.parties.0.name` → `parties.<form row>.name` (the row the sent item came from),
 * `signatures.1.signedOn` → that signer's date, `parties.0` → `parties`, an unknown path → null
 * (said at the form).
 */
export function issueKey(path: string, form: StepForm, rows: Record<string, number[]> = {}): string | null {
  const parts = path.split('.').filter(Boolean);
  // A check passed over without a reason: said beside that check.
  if (parts[0] === 'overrides' && parts.length === 2) return `overrides.${parts[1]}`;
  if (parts[0] === 'fields' && parts.length > 1) parts.shift();
  const [field, row, key] = parts;
  if (field === 'on') return 'on';
  if (!field || !(field in form.step.fields)) return null;
  const spec = form.step.fields[field]!;
  const rowKeys = spec.kind === 'parties' ? ['role', 'name', 'idNumber', 'phone', 'address'] : spec.kind === 'signatures' ? ['signedOn'] : [];
  if (row !== undefined && key !== undefined && /^\d+$/.test(row) && rowKeys.includes(key)) {
    const formRow = rows[field]?.[Number(row)] ?? Number(row);
    return `${field}.${formRow}.${key}`;
  }
  return field;
}

/** The wording of a deadline's remaining time: "还剩 3 个工作日" / "due in 3 working days" / "overdue by 2 days". */
export function deadlineText(d: Pick<CaseDeadlineView, 'state' | 'remaining' | 'unit' | 'metOn'>, t: Translate, formatDay: (day: string) => string): string {
  if (d.state === 'met' || d.remaining === null) return d.metOn ? t('metOn', { date: formatDay(d.metOn) }) : t('deadlineMet');
  const working = d.unit === 'working';
  const n = Math.abs(d.remaining);
  if (d.remaining === 0) return d.state === 'overdue' ? t(working ? 'overdueWorkingOne' : 'overdueDaysOne') : t('dueToday');
  if (d.remaining < 0 || d.state === 'overdue') return n === 1 ? t(working ? 'overdueWorkingOne' : 'overdueDaysOne') : t(working ? 'overdueWorking' : 'overdueDays', { n });
  return n === 1 ? t(working ? 'dueInWorkingOne' : 'dueInDaysOne') : t(working ? 'dueInWorking' : 'dueInDays', { n });
}

export const deadlineStateKeys: Record<CaseDeadlineView['state'], CasesMessageKey> = {
  running: 'deadlineRunning',
  'due-soon': 'deadlineDueSoon',
  overdue: 'deadlineOverdue',
  met: 'deadlineMet',
};

/** What happened to a case between the copy a form was filled against and the current one. */
export function changesSince(before: CaseFile, after: CaseFile): { events: CaseFile['events']; stateChanged: boolean } {
  const seen = new Set(before.events.map((e) => e.seq));
  return { events: after.events.filter((e) => !seen.has(e.seq)), stateChanged: before.state !== after.state };
}

/** A file size in KB (under 1 MB) or MB, one decimal for MB. */
export function sizeText(bytes: number, t: Translate, formatNumber: (n: number, options?: Intl.NumberFormatOptions) => string): string {
  if (bytes < 1024 * 1024) return t('sizeKB', { n: formatNumber(Math.max(1, Math.ceil(bytes / 1024))) });
  return t('sizeMB', { n: formatNumber(bytes / (1024 * 1024), { maximumFractionDigits: 1 }) });
}

/** Attachments by SHA-256 (a step's attachments field stores the hashes). */
export function attachmentsBySha(list: readonly CaseAttachmentView[]): Map<string, CaseAttachmentView> {
  return new Map(list.map((a) => [a.sha256, a]));
}

/** Whether a check before the step refuses it ('blocked': no reason can override it; the form cannot be sent). */
export function blocked(form: StepForm): boolean {
  return (form.checks ?? []).some((c) => c.state === 'blocked');
}

/** The reasons to send (`overrides`): one per check needing attention, trimmed; reasons typed for checks that no longer need one are left out. */
export function overridesOf(form: StepForm): Record<string, string> {
  const out: Record<string, string> = {};
  for (const check of form.checks ?? []) {
    const reason = trimmed(form.reasons[check.code] ?? '');
    if (check.state === 'attention' && reason) out[check.code] = reason;
  }
  return out;
}

/** The step fields the checks propose (a reconsideration body), filled where the form's field is still empty and untouched. */
export function withProposals(form: StepForm, checks: readonly CaseCheck[]): Record<string, FormValue> {
  const values = { ...form.values };
  for (const check of checks) {
    for (const [name, value] of Object.entries(check.proposes ?? {})) {
      const spec = form.step.fields[name];
      if (spec?.kind === 'text' && !form.touched.has(name) && trimmed(String(values[name] ?? '')) === '') values[name] = value;
    }
  }
  return values;
}
