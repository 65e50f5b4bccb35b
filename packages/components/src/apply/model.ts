/**
 * The state of <sifa-apply>'s form, without the element: the values a public form's fields start
 * with, the payload sent (`platform.publicForms.submit`), the checks made before sending (plain
 * and few: the server checks everything again with the case type's own schema and its issues are
 * shown beside the fields), and the draft kept on the device (localStorage; the consent is never
 * kept: it is given afresh for each submission).
 */
import type { CaseFieldSpec, PublicFormView } from '@sifa/core';
import type { ApplyMessageKey } from './messages.js';

export interface PartyRow {
  role: string;
  name: string;
  idNumber: string;
  phone: string;
  address: string;
}

/** A field's value as typed: text and dates as strings, yes/no as true/false/null (not answered), parties as rows. */
export type FormValue = string | boolean | null | PartyRow[];

export interface ApplyDraft {
  orgCode: string;
  county: string;
  /** The township (or street) chosen, whose office receives the application ('' when the office was chosen on the map). */
  township?: string;
  values: Record<string, FormValue>;
}

export const emptyParty = (spec: Extract<CaseFieldSpec, { kind: 'parties' }>): PartyRow => ({ role: spec.roles[0]!.value, name: '', idNumber: '', phone: '', address: '' });

export function initialValues(form: PublicFormView): Record<string, FormValue> {
  const values: Record<string, FormValue> = {};
  for (const name of form.order) {
    const spec = form.fields[name]!;
    values[name] = spec.kind === 'parties' ? Array.from({ length: Math.max(1, spec.minItems) }, () => emptyParty(spec)) : spec.kind === 'boolean' ? null : '';
  }
  return values;
}

/** A draft's values that still fit the form (a form changed since the draft keeps what it can). */
export function restoreValues(form: PublicFormView, saved: Record<string, unknown>): Record<string, FormValue> {
  const values = initialValues(form);
  for (const name of form.order) {
    const spec = form.fields[name]!;
    const value = saved[name];
    if (spec.kind === 'parties' && Array.isArray(value)) {
      const roles = new Set(spec.roles.map((r) => r.value));
      const rows = value
        .filter((row): row is Record<string, unknown> => !!row && typeof row === 'object')
        .slice(0, spec.maxItems)
        .map((row) => {
          const text = (key: string) => (typeof row[key] === 'string' ? (row[key] as string) : '');
          return { role: roles.has(text('role')) ? text('role') : spec.roles[0]!.value, name: text('name'), idNumber: text('idNumber'), phone: text('phone'), address: text('address') };
        });
      if (rows.length) values[name] = rows;
    } else if (spec.kind === 'boolean' && (value === true || value === false || value === null)) {
      values[name] = value;
    } else if (typeof value === 'string' && spec.kind !== 'parties' && spec.kind !== 'boolean') {
      values[name] = spec.kind === 'choice' && !spec.options.some((o) => o.value === value) ? '' : value;
    }
  }
  return values;
}

/** True when nothing has been typed (no draft worth keeping). */
export function isBlank(form: PublicFormView, values: Record<string, FormValue>): boolean {
  return form.order.every((name) => {
    const value = values[name];
    if (Array.isArray(value)) return value.every((row) => !row.name && !row.idNumber && !row.phone && !row.address);
    return value === '' || value === null || value === undefined;
  });
}

/** The fields as the server takes them: trimmed, unanswered optional ones left out. */
export function payloadOf(form: PublicFormView, values: Record<string, FormValue>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const name of form.order) {
    const value = values[name];
    if (Array.isArray(value)) {
      out[name] = value.map((row) => {
        const party: Record<string, string> = { role: row.role, name: row.name.trim() };
        for (const key of ['idNumber', 'phone', 'address'] as const) {
          const v = row[key].trim();
          if (v) party[key] = key === 'idNumber' ? v.toUpperCase() : v;
        }
        return party;
      });
    } else if (typeof value === 'string') {
      if (value.trim() !== '') out[name] = value.trim();
    } else if (value !== null && value !== undefined) {
      out[name] = value;
    }
  }
  return out;
}

const isoDay = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const phonePattern = /^(1\d{10}|0\d{2,3}-?\d{7,8})$/;
const idPattern = /^\d{17}[\dX]$/;
/** The check character of an 18-character resident ID number (GB 11643). */
function idChecks(value: string): boolean {
  if (!idPattern.test(value)) return false;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(value[i]) * weights[i]!;
  return '10X98765432'[sum % 11] === value[17];
}

export type Check = { key: ApplyMessageKey; params?: Record<string, string | number> };

/**
 * What to correct before sending, by field key (`<field>` or `<field>.<row>.<part>`), in form
 * order. `today` (YYYY-MM-DD, the applicant's day) refuses days that have not come.
 */
export function checkValues(form: PublicFormView, values: Record<string, FormValue>, today: string): Map<string, Check> {
  const issues = new Map<string, Check>();
  for (const name of form.order) {
    const spec = form.fields[name]!;
    const value = values[name];
    if (spec.kind === 'parties') {
      (value as PartyRow[]).forEach((row, i) => {
        if (!row.name.trim() && !spec.anonymous) issues.set(`${name}.${i}.name`, { key: 'required' });
        else if (row.name.trim().length > 100) issues.set(`${name}.${i}.name`, { key: 'tooLong', params: { max: 100 } });
        const id = row.idNumber.trim().toUpperCase();
        if (id && !idChecks(id)) issues.set(`${name}.${i}.idNumber`, { key: 'idNumber' });
        const phone = row.phone.trim();
        if (phone && !phonePattern.test(phone)) issues.set(`${name}.${i}.phone`, { key: 'phone' });
        if (row.address.trim().length > 200) issues.set(`${name}.${i}.address`, { key: 'tooLong', params: { max: 200 } });
      });
    } else if (spec.kind === 'text') {
      const text = typeof value === 'string' ? value.trim() : '';
      if (!text && spec.required) issues.set(name, { key: 'required' });
      else if (text.length > spec.maxLength) issues.set(name, { key: 'tooLong', params: { max: spec.maxLength } });
      else if (text && spec.personal === 'idNumber' && !idChecks(text.toUpperCase())) issues.set(name, { key: 'idNumber' });
      else if (text && spec.personal === 'phone' && !phonePattern.test(text)) issues.set(name, { key: 'phone' });
    } else if (spec.kind === 'date') {
      const day = typeof value === 'string' ? value.trim() : '';
      if (!day) {
        if (spec.required) issues.set(name, { key: 'required' });
      } else if (!isoDay.test(day)) issues.set(name, { key: 'date' });
      else if (day > today) issues.set(name, { key: 'futureDate' });
    } else if (spec.kind === 'choice') {
      if (!value && spec.required) issues.set(name, { key: 'requiredChoice' });
    } else if (spec.kind === 'boolean') {
      if (value === null && spec.required) issues.set(name, { key: 'requiredChoice' });
    } else if (spec.kind === 'number') {
      const text = typeof value === 'string' ? value.trim() : '';
      if (!text && spec.required) issues.set(name, { key: 'required' });
    }
  }
  return issues;
}

/** The field key of a server issue path (`fields.applicants.0.idNumber` → `applicants.0.idNumber`), or null for the form as a whole. */
export function issueField(path: string): string | null {
  if (path === 'orgCode' || path === 'division') return 'orgCode';
  if (path.startsWith('consent')) return 'consent';
  const match = /^fields\.(.+)$/.exec(path);
  return match ? match[1]! : null;
}

/** The draft of a form on this device (null when there is none or it cannot be read). */
export function readDraft(storage: Storage | null, type: string): ApplyDraft | null {
  try {
    const raw = storage?.getItem(draftKey(type));
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Partial<ApplyDraft>;
    if (!parsed || typeof parsed !== 'object' || typeof parsed.values !== 'object' || !parsed.values) return null;
    return {
      orgCode: typeof parsed.orgCode === 'string' ? parsed.orgCode : '',
      county: typeof parsed.county === 'string' ? parsed.county : '',
      township: typeof parsed.township === 'string' ? parsed.township : '',
      values: parsed.values as Record<string, FormValue>,
    };
  } catch {
    return null;
  }
}

/** Keeps the draft (false when the device refuses: private mode, full storage). */
export function writeDraft(storage: Storage | null, type: string, draft: ApplyDraft): boolean {
  try {
    storage?.setItem(draftKey(type), JSON.stringify(draft));
    return !!storage;
  } catch {
    return false;
  }
}

export function clearDraft(storage: Storage | null, type: string): void {
  try {
    storage?.removeItem(draftKey(type));
  } catch {
    // Nothing kept, nothing to clear.
  }
}

const draftKey = (type: string) => `sifa-apply:draft:${type}`;

/** The page's local storage, or null where the browser refuses it (sandboxed frames, some private modes). */
export function deviceStorage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

/** A tracking code as typed (spaces, lower case, missing dashes) in the form the server gives. */
export function normalizeCode(typed: string): string | null {
  const chars = typed.toUpperCase().replace(/[^A-Z0-9]/g, '');
  if (!/^[A-Z2-9]{12}$/.test(chars)) return null;
  return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8)}`;
}
