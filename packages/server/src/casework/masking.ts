/**
 * Masks of personal data, as lists and readers outside the owning office see it:
 * 张三 → 张*, 150402198001011234 → 1504**********1234, 13812345678 → 138****5678,
 * 内蒙古赤峰市红山区西屯街道… → 内蒙古赤峰市***. Sensitive kinds (health, location, sensitive
 * free text) keep nothing: `***` whatever the value (the same marker in every language, so no
 * length or first character leaks). The engine stores them beside the sealed values, so a list
 * never decrypts.
 */
import type { CaseFieldSpec, CaseFieldValue, CaseParty, PersonalKind } from '@sifa/core';

const chars = (value: string) => [...value];

/** 张三 → 张*, 欧阳娜娜 → 欧***. */
export function maskName(value: string): string {
  const c = chars(value.trim());
  if (c.length === 0) return '';
  return c[0] + '*'.repeat(Math.max(1, c.length - 1));
}

/** 150402198001011234 → 1504**********1234 (the first 4 and last 4 kept). */
export function maskIdNumber(value: string): string {
  const c = chars(value.trim());
  if (c.length <= 8) return '*'.repeat(c.length);
  return c.slice(0, 4).join('') + '*'.repeat(c.length - 8) + c.slice(-4).join('');
}

/** 13812345678 → 138****5678; a landline keeps its area code and last 4 digits. */
export function maskPhone(value: string): string {
  const c = chars(value.trim());
  if (c.length <= 7) return '*'.repeat(Math.max(0, c.length - 2)) + c.slice(-2).join('');
  const dash = value.indexOf('-');
  const head = dash > 0 && dash <= 4 ? dash + 1 : 3;
  return c.slice(0, head).join('') + '*'.repeat(c.length - head - 4) + c.slice(-4).join('');
}

/** The first 6 characters, then ***. */
export function maskAddress(value: string): string {
  const c = chars(value.trim());
  return c.slice(0, 6).join('') + '***';
}

/** What a sensitive value (health, location, sensitive text) shows outside the file: nothing of it. */
export const sensitiveMask = '***';

export function maskPersonal(kind: PersonalKind, value: string): string {
  switch (kind) {
    case 'name':
      return maskName(value);
    case 'idNumber':
      return maskIdNumber(value);
    case 'phone':
      return maskPhone(value);
    case 'address':
      return maskAddress(value);
    case 'health':
    case 'location':
    case 'sensitive':
      return sensitiveMask;
  }
}

export function maskParty(party: CaseParty): CaseParty {
  return {
    role: party.role,
    name: party.name === null ? null : maskName(party.name),
    ...(party.idNumber ? { idNumber: maskIdNumber(party.idNumber) } : {}),
    ...(party.phone ? { phone: maskPhone(party.phone) } : {}),
    ...(party.address ? { address: maskAddress(party.address) } : {}),
  };
}

/** True for the fields whose values are personal data (sealed at rest, masked in lists). */
export function isPersonalField(spec: CaseFieldSpec): boolean {
  return spec.kind === 'parties' || (spec.kind === 'text' && spec.personal !== undefined);
}

/** The masked form of a personal field's value (other values unchanged). */
export function maskValue(spec: CaseFieldSpec, value: CaseFieldValue): CaseFieldValue {
  if (value === null || value === undefined) return null;
  if (spec.kind === 'parties') return (value as CaseParty[]).map(maskParty);
  if (spec.kind === 'text' && spec.personal && typeof value === 'string') return value === '' ? '' : maskPersonal(spec.personal, value);
  return value;
}
